//! `templated-autopilot`: most of an account's posts are one template with blanks filled in.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::Severity;
use crate::rules::options;
use crate::rules::schedule::{dominant, percent};
use crate::rules::{RuleInfo, RuleKind, ScheduleRule};
use crate::schedule::{Schedule, ScheduleFinding, empty_skeleton, normalize};
use crate::text::extract;

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "templated-autopilot",
    summary: "more than 80% of an account's posts (10+) share one template, e.g. \"New post: {title} {url}\"",
    default_severity: Severity::Warning,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Schedule(build),
};

const DOC: &str = r#"# templated-autopilot

## What it does
For each account on each network with at least 10 posts, masks what changes from post to post
(links, numbers, titles) to get each post's skeleton, and flags the account when more than 80%
of its posts share one skeleton: the RSS-to-social autopilot of "New post: {title} {url}".

## Why is this bad?
An account that only echoes a feed is a bot to its readers: nothing in it is written for them,
and networks rank such feeds low.

## Example
"New post: How we cut cold starts in half https://acme.com/b/1", "New post: Ten tips for
Rust https://acme.com/b/2", ... for every post.

## Options
- `min-posts` (default 10): fewer posts are not judged.
- `max-share` (default 0.8): flag when more than this share shares one skeleton.
"#;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    min_posts: usize,
    max_share: f64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            min_posts: 10,
            max_share: 0.8,
        }
    }
}

#[derive(Debug)]
struct TemplatedAutopilot(Options);

fn build(options: &Map<String, Value>) -> Result<Box<dyn ScheduleRule>, String> {
    let options: Options = options::parse(options)?;
    if !(0.0..=1.0).contains(&options.max_share) {
        return Err(format!(
            "max-share must be between 0 and 1, found {}",
            options.max_share
        ));
    }
    Ok(Box::new(TemplatedAutopilot(options)))
}

impl ScheduleRule for TemplatedAutopilot {
    fn check(&self, schedule: &Schedule<'_>, findings: &mut Vec<ScheduleFinding>) {
        for stream in &schedule.streams {
            let posts = &stream.posts;
            if posts.len() < self.0.min_posts.max(1) {
                continue;
            }
            let Some((skeleton, members)) = dominant(posts, |index| Some(schedule.facts[index].skeleton)) else {
                continue;
            };
            let count = members.len();
            if count as f64 <= self.0.max_share * posts.len() as f64 || skeleton == empty_skeleton() {
                continue;
            }
            let example = &schedule.posts[members[0]].text;
            let skeleton = normalize::skeleton(example, &extract(example));
            let message = format!(
                "{count} of {} posts of {} ({}%) fill one template: \u{201c}{skeleton}\u{201d}",
                posts.len(),
                stream.label(),
                percent(count, posts.len())
            );
            let window = schedule.window_of(&members);
            findings.push(
                ScheduleFinding::new(Severity::Warning, message, members)
                    .help("write each post for people: say what is new and why it matters")
                    .window(window),
            );
        }
    }
}
