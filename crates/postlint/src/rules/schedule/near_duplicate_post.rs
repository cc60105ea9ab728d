//! `near-duplicate-post`: almost the same text again from one account on one network.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::Severity;
use crate::rules::options;
use crate::rules::{RuleInfo, RuleKind, ScheduleRule};
use crate::schedule::dedup::DedupOptions;
use crate::schedule::{Schedule, ScheduleFinding};

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "near-duplicate-post",
    summary: "almost the same text again from one account (char 5-gram Jaccard >= 0.8 error, >= 0.6 warning)",
    default_severity: Severity::Error,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Schedule(build),
};

const DOC: &str = r#"# near-duplicate-post

## What it does
Flags posts from the same account on the same network, at most 30 days apart, whose
normalized texts are nearly the same: the Jaccard similarity of their character 5-grams is
at least 0.8 (error) or 0.6 (warning). Exact copies are `duplicate-post`'s. Candidates come
from MinHash with LSH banding and are all verified exactly; posts shorter than about 20
characters or 3 words are compared only exactly.

## Why is this bad?
Changing one word, the link or the hashtag order does not make a new post: platforms detect
near-duplicates as spam just as they detect copies, and followers notice the repetition.

## Example
"5 tips to speed up your CI pipeline https://a.co/1 #devops" and, a week later,
"5 tips to speed up your CI pipelines! https://a.co/2 #devops #ci".

## Options
- `error-similarity` (default 0.8): Jaccard similarity from which a pair is an error.
- `warn-similarity` (default 0.6): Jaccard similarity from which a pair is a warning.
- `within-days` (default 30): pairs further apart are fine (untimed pairs always count).
"#;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    error_similarity: f64,
    warn_similarity: f64,
    within_days: u32,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            error_similarity: 0.8,
            warn_similarity: 0.6,
            within_days: 30,
        }
    }
}

fn parse(options: &Map<String, Value>) -> Result<Options, String> {
    let options: Options = options::parse(options)?;
    for (name, value) in [
        ("error-similarity", options.error_similarity),
        ("warn-similarity", options.warn_similarity),
    ] {
        if !(value > 0.0 && value <= 1.0) {
            return Err(format!("{name} must be above 0 and at most 1, found {value}"));
        }
    }
    Ok(options)
}

/// The duplicate-detection settings this rule's options need (the lowest similarity reported).
pub fn dedup_options(options: &Map<String, Value>) -> DedupOptions {
    let warn = parse(options).map_or(0.6, |options| options.warn_similarity.min(options.error_similarity));
    DedupOptions {
        min_jaccard: warn,
        ..DedupOptions::default()
    }
}

/// A stream: network and account.
type StreamKey<'a> = (crate::network::Network, Option<&'a str>);

#[derive(Debug)]
struct NearDuplicatePost(Options);

fn build(options: &Map<String, Value>) -> Result<Box<dyn ScheduleRule>, String> {
    Ok(Box::new(NearDuplicatePost(parse(options)?)))
}

impl ScheduleRule for NearDuplicatePost {
    fn check(&self, schedule: &Schedule<'_>, findings: &mut Vec<ScheduleFinding>) {
        let options = &self.0;
        let within = i64::from(options.within_days) * 86_400;
        let warn = options.warn_similarity.min(options.error_similarity);
        for cluster in &schedule.duplicates().near {
            // Qualifying pairs, grouped by stream: same network and account, close in time,
            // not exact copies (those are duplicate-post's).
            let mut groups: BTreeMap<StreamKey<'_>, (Vec<usize>, f64)> = BTreeMap::new();
            for &(a, b, similarity) in &cluster.pairs {
                let (pa, pb) = (&schedule.posts[a], &schedule.posts[b]);
                let close = match (pa.at, pb.at) {
                    (Some(ta), Some(tb)) => (ta.timestamp.as_second() - tb.timestamp.as_second()).abs() <= within,
                    _ => true,
                };
                if pa.network != pb.network
                    || pa.account != pb.account
                    || !close
                    || similarity < warn
                    || schedule.facts[a].text.key == schedule.facts[b].text.key
                {
                    continue;
                }
                let group = groups
                    .entry((pa.network, pa.account.as_deref()))
                    .or_insert_with(|| (Vec::new(), 0.0));
                group.0.extend([a, b]);
                group.1 = group.1.max(similarity);
            }
            for ((network, account), (posts, similarity)) in groups {
                let severity = if similarity >= options.error_similarity {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                let finding = ScheduleFinding::new(severity, String::new(), posts);
                let who = account.map_or(String::new(), |account| format!(" by {account}"));
                let message = format!(
                    "{} near-identical posts{who} on {network} (up to {:.0}% similar)",
                    finding.posts.len(),
                    similarity * 100.0
                );
                let window = schedule.window_of(&finding.posts);
                findings.push(
                    ScheduleFinding { message, ..finding }
                        .help("say something new, or reshare the original post")
                        .window(window),
                );
            }
        }
    }
}
