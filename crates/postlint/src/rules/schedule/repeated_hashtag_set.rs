//! `repeated-hashtag-set`: the same block of hashtags on most of an account's posts.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::Severity;
use crate::rules::options;
use crate::rules::schedule::{dominant, percent};
use crate::rules::{RuleInfo, RuleKind, ScheduleRule};
use crate::schedule::{Schedule, ScheduleFinding, hashtag_set};

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "repeated-hashtag-set",
    summary: "the same set of 3+ hashtags on more than half of an account's posts (6+)",
    default_severity: Severity::Warning,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Schedule(build),
};

const DOC: &str = r##"# repeated-hashtag-set

## What it does
For each account on each network with at least 6 posts, flags a set of 3 or more hashtags
(order and case ignored) that appears on more than half of the posts.

## Why is this bad?
Pasting the same hashtag block under every post is a known spam signal (Instagram says so in
its guidance), and the tags stop describing what each post is about.

## Example
Every post ends with "#marketing #growth #startup #saas".

## Options
- `min-tags` (default 3): smaller sets are not judged.
- `min-posts` (default 6): fewer posts are not judged.
- `max-share` (default 0.5): flag when more than this share carries the set.
"##;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    min_tags: usize,
    min_posts: usize,
    max_share: f64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            min_tags: 3,
            min_posts: 6,
            max_share: 0.5,
        }
    }
}

#[derive(Debug)]
struct RepeatedHashtagSet(Options);

fn build(options: &Map<String, Value>) -> Result<Box<dyn ScheduleRule>, String> {
    let options: Options = options::parse(options)?;
    if !(0.0..=1.0).contains(&options.max_share) {
        return Err(format!(
            "max-share must be between 0 and 1, found {}",
            options.max_share
        ));
    }
    Ok(Box::new(RepeatedHashtagSet(options)))
}

impl ScheduleRule for RepeatedHashtagSet {
    fn check(&self, schedule: &Schedule<'_>, findings: &mut Vec<ScheduleFinding>) {
        for stream in &schedule.streams {
            let posts = &stream.posts;
            if posts.len() < self.0.min_posts.max(1) {
                continue;
            }
            let min_tags = self.0.min_tags;
            let tags_of = |index: usize| {
                let facts = &schedule.facts[index];
                (facts.hashtag_count as usize >= min_tags).then_some(facts.hashtags)
            };
            let Some((_, members)) = dominant(posts, tags_of) else {
                continue;
            };
            let tags = hashtag_set(&schedule.posts[members[0]].text);
            let count = members.len();
            if count as f64 <= self.0.max_share * posts.len() as f64 {
                continue;
            }
            let shown: Vec<String> = tags.iter().map(|tag| format!("#{tag}")).collect();
            let message = format!(
                "{count} of {} posts of {} ({}%) carry the same hashtags: {}",
                posts.len(),
                stream.label(),
                percent(count, posts.len()),
                shown.join(" ")
            );
            let window = schedule.window_of(&members);
            findings.push(
                ScheduleFinding::new(Severity::Warning, message, members)
                    .help("pick the one or two tags that describe each post")
                    .window(window),
            );
        }
    }
}
