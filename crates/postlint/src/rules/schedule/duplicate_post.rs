//! `duplicate-post`: the same text posted again by the same account on the same network.

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
    name: "duplicate-post",
    summary: "the same text again from one account: within 48 h an error, within 30 days a warning",
    default_severity: Severity::Error,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Schedule(build),
};

const DOC: &str = r#"# duplicate-post

## What it does
Flags posts whose normalized text is identical (case, punctuation, emoji, link paths,
mentions and hashtag order do not matter) from the same account on the same network: an
error when two copies are at most 48 hours apart, a warning within 30 days, and a warning
when the copies have no times to compare.

## Why is this bad?
X rejects or hides duplicate posts and its automation rules forbid posting the same content
repeatedly; on every network a repeated post reads as a bot and is shown to fewer people.

## Example
"Our webinar starts soon! https://acme.com/w/1" on Monday and "our webinar starts soon!!
https://acme.com/w/2" on Tuesday.

## Options
- `error-within-hours` (default 48): copies this close are an error.
- `warn-within-days` (default 30): copies this close are a warning; further apart is fine.
"#;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    error_within_hours: u32,
    warn_within_days: u32,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            error_within_hours: 48,
            warn_within_days: 30,
        }
    }
}

#[derive(Debug)]
struct DuplicatePost(Options);

fn build(options: &Map<String, Value>) -> Result<Box<dyn ScheduleRule>, String> {
    Ok(Box::new(DuplicatePost(options::parse(options)?)))
}

/// Groups `members` by stream (network, account), keeping groups of at least two posts.
pub(crate) fn by_stream<'s>(schedule: &'s Schedule<'_>, members: &[usize]) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<(Network, Option<&'s str>), Vec<usize>> = BTreeMap::new();
    for &index in members {
        let post = &schedule.posts[index];
        groups
            .entry((post.network, post.account.as_deref()))
            .or_default()
            .push(index);
    }
    groups.into_values().filter(|group| group.len() > 1).collect()
}

impl ScheduleRule for DuplicatePost {
    fn check(&self, schedule: &Schedule<'_>, findings: &mut Vec<ScheduleFinding>) {
        let error_within = i64::from(self.0.error_within_hours) * 3600;
        let warn_within = i64::from(self.0.warn_within_days) * 86_400;
        for cluster in &schedule.duplicates().exact {
            for mut group in by_stream(schedule, cluster) {
                group.sort_by_key(|&index| (schedule.at(index).map(|at| at.timestamp), index));
                let times: Vec<i64> = group
                    .iter()
                    .filter_map(|&index| schedule.at(index))
                    .map(|at| at.timestamp.as_second())
                    .collect();
                let closest = times.windows(2).map(|pair| pair[1] - pair[0]).min();
                let untimed = times.len() < group.len();
                let severity = match closest {
                    Some(gap) if gap <= error_within => Severity::Error,
                    Some(gap) if gap <= warn_within => Severity::Warning,
                    _ if untimed => Severity::Warning,
                    _ => continue,
                };
                let stream = &schedule.posts[group[0]];
                let who = stream
                    .account
                    .as_deref()
                    .map_or(String::new(), |account| format!(" by {account}"));
                let when = match closest {
                    Some(gap) if gap < 3600 => format!("; copies {} min apart", gap / 60),
                    Some(gap) if gap < 2 * 86_400 => format!("; copies {} h apart", gap / 3600),
                    Some(gap) => format!("; copies {} days apart", gap / 86_400),
                    None => String::new(),
                };
                let message = format!(
                    "the same text is posted {} times{who} on {}{when}",
                    group.len(),
                    stream.network
                );
                findings.push(
                    ScheduleFinding::new(severity, message, group.clone())
                        .help("write a new post, or reshare the original instead of posting it again")
                        .window(schedule.window_of(&group)),
                );
            }
        }
    }
}
