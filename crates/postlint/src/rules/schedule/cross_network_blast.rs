//! `cross-network-blast`: the same text pushed unchanged to many networks at once.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::Severity;
use crate::network::Network;
use crate::rules::options;
use crate::rules::{RuleInfo, RuleKind, ScheduleRule};
use crate::schedule::{Schedule, ScheduleFinding};

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "cross-network-blast",
    summary: "identical text on 3 or more networks within 24 h, or X-only syntax (#FF, @handles) sent elsewhere",
    default_severity: Severity::Warning,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Schedule(build),
};

const DOC: &str = r#"# cross-network-blast

## What it does
Flags one account (by name) posting the same normalized text to 3 or more networks within 24
hours. Also flags X-only syntax in a text shared across networks: #FF / #FollowFriday on
another network, and X-style `@handles` on LinkedIn, Facebook or Bluesky, where they do not
link to anyone (Bluesky handles are domains such as `@alice.bsky.social`).

## Why is this bad?
Each network has its own length, tone, hashtag and mention conventions; the same text
everywhere reads as automation and performs worst on all of them. A `@handle` from X on
LinkedIn is dead text, and #FF means nothing outside X.

## Example
"Join our webinar Thursday! @alice #FF https://acme.com/w" scheduled at 9:00 to X, LinkedIn,
Facebook and Bluesky.

## Options
- `min-networks` (default 3): networks within the window that make a blast.
- `within-hours` (default 24): the window.
- `x-syntax` (default `true`): flag X-only syntax sent to other networks.
"#;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    min_networks: usize,
    within_hours: u32,
    x_syntax: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            min_networks: 3,
            within_hours: 24,
            x_syntax: true,
        }
    }
}

#[derive(Debug)]
struct CrossNetworkBlast(Options);

fn build(options: &Map<String, Value>) -> Result<Box<dyn ScheduleRule>, String> {
    let options: Options = options::parse(options)?;
    if options.min_networks < 2 {
        return Err(format!(
            "min-networks must be at least 2, found {}",
            options.min_networks
        ));
    }
    Ok(Box::new(CrossNetworkBlast(options)))
}

/// Networks where an X-style `@handle` (no domain) links to nobody.
const HANDLES_DEAD_ON: [Network; 3] = [Network::Linkedin, Network::Facebook, Network::Bluesky];

impl ScheduleRule for CrossNetworkBlast {
    fn check(&self, schedule: &Schedule<'_>, findings: &mut Vec<ScheduleFinding>) {
        let width = i64::from(self.0.within_hours) * 3600;
        for cluster in &schedule.duplicates().exact {
            let mut by_account: BTreeMap<Option<&str>, Vec<usize>> = BTreeMap::new();
            for &index in cluster {
                by_account
                    .entry(schedule.posts[index].account.as_deref())
                    .or_default()
                    .push(index);
            }
            for (account, mut posts) in by_account {
                posts.sort_by_key(|&index| {
                    (
                        schedule.at(index).is_none(),
                        schedule.at(index).map(|at| at.timestamp),
                        index,
                    )
                });
                if let Some(blast) = self.densest_blast(schedule, &posts, width) {
                    let mut networks: Vec<Network> = blast.iter().map(|&index| schedule.posts[index].network).collect();
                    networks.sort_unstable();
                    networks.dedup();
                    let names: Vec<&str> = networks.iter().map(|network| network.name()).collect();
                    let who = account.map_or(String::new(), |account| format!(" by {account}"));
                    let message = format!(
                        "the same text is blasted{who} to {} networks: {}",
                        networks.len(),
                        names.join(", ")
                    );
                    let window = schedule.window_of(&blast);
                    findings.push(
                        ScheduleFinding::new(Severity::Warning, message, blast)
                            .help("adapt the post to each network: length, tone, hashtags and mentions differ")
                            .window(window),
                    );
                }
                if self.0.x_syntax {
                    self.check_x_syntax(schedule, &posts, findings);
                }
            }
        }
    }
}

impl CrossNetworkBlast {
    /// The posts of the densest `width`-second stretch, if they span enough networks. Posts
    /// without a time (sorted last) count in every window.
    fn densest_blast(&self, schedule: &Schedule<'_>, posts: &[usize], width: i64) -> Option<Vec<usize>> {
        let timed = posts.iter().take_while(|&&index| schedule.at(index).is_some()).count();
        let untimed = &posts[timed..];
        // Posts per network in the sliding window (untimed posts count in every window), and
        // how many networks have any: updated as the window slides, linear in the posts.
        let mut counts = [0usize; Network::ALL.len()];
        let mut networks = 0;
        let add = |index: usize, counts: &mut [usize], networks: &mut usize| {
            let slot = &mut counts[schedule.posts[index].network as usize];
            *networks += usize::from(*slot == 0);
            *slot += 1;
        };
        for &index in untimed {
            add(index, &mut counts, &mut networks);
        }
        let seconds = super::seconds(schedule, &posts[..timed]);
        let mut best: Option<(usize, std::ops::Range<usize>)> = None;
        let mut start = 0;
        for end in 0..timed {
            add(posts[end], &mut counts, &mut networks);
            while seconds[end] - seconds[start] >= width {
                let slot = &mut counts[schedule.posts[posts[start]].network as usize];
                *slot -= 1;
                networks -= usize::from(*slot == 0);
                start += 1;
            }
            if best.as_ref().is_none_or(|(most, _)| networks > *most) {
                best = Some((networks, start..end + 1));
            }
        }
        let (count, range) = best.unwrap_or((networks, 0..0));
        (count >= self.0.min_networks).then(|| posts[range].iter().chain(untimed).copied().collect())
    }

    /// Flags X-only syntax in posts of a text that went to more than one network.
    fn check_x_syntax(&self, schedule: &Schedule<'_>, posts: &[usize], findings: &mut Vec<ScheduleFinding>) {
        let spans_networks = posts
            .windows(2)
            .any(|pair| schedule.posts[pair[0]].network != schedule.posts[pair[1]].network)
            || posts
                .iter()
                .any(|&index| schedule.posts[index].network != schedule.posts[posts[0]].network);
        if !spans_networks {
            return;
        }
        for &index in posts {
            let (post, facts) = (&schedule.posts[index], &schedule.facts[index]);
            let network = post.network;
            let mut problems = Vec::new();
            if facts.follow_friday && network != Network::X {
                problems.push("#FF / #FollowFriday is an X custom");
            }
            if facts.x_handles && HANDLES_DEAD_ON.contains(&network) {
                problems.push("X-style @handles link to nobody there");
            }
            if problems.is_empty() {
                continue;
            }
            findings.push(
                ScheduleFinding::new(
                    Severity::Warning,
                    format!("text copied from X to {network}: {}", problems.join("; ")),
                    vec![index],
                )
                .help(format!(
                    "rewrite the post for {network}: tag people the way {network} does"
                ))
                .window(schedule.window_of(&[index])),
            );
        }
    }
}
