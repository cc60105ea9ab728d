//! `self-promo-ratio`: too large a share of promotional posts in an account's recent posts.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::Severity;
use crate::rules::options;
use crate::rules::schedule::percent;
use crate::rules::{RuleInfo, RuleKind, ScheduleRule};
use crate::schedule::{Schedule, ScheduleFinding};

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "self-promo-ratio",
    summary: "more than 20% (warning) or 34% (error) promotional posts in any 20 consecutive posts of an account",
    default_severity: Severity::Error,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Schedule(build),
};

const DOC: &str = r#"# self-promo-ratio

## What it does
For each account on each network, slides a window of 20 consecutive posts (in time order)
and finds the one with the most promotional posts (see `self-promotion`). More than 20%
promotional is a warning, more than 34% an error. Accounts with fewer than 6 posts are not
judged; with fewer than 20, the window is all their posts.

## Why is this bad?
Audiences follow accounts for value, not ads. The 80/20 rule (at most one post in five
promotes) and the rule of thirds (a third promotion, a third sharing, a third conversation)
are the common guides; feeds above them lose reach and followers.

## Example
A queue of 20 posts where 9 say "buy now" or link to the shop: 45%, an error.

## Options
- `max-ratio` (default 0.2): warn above this share.
- `error-ratio` (default 0.34): error above this share.
- `window-posts` (default 20): the window, in posts.
- `min-posts` (default 6): fewer posts are not judged.
"#;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    max_ratio: f64,
    error_ratio: f64,
    window_posts: usize,
    min_posts: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_ratio: 0.2,
            error_ratio: 0.34,
            window_posts: 20,
            min_posts: 6,
        }
    }
}

#[derive(Debug)]
struct SelfPromoRatio(Options);

fn build(options: &Map<String, Value>) -> Result<Box<dyn ScheduleRule>, String> {
    let options: Options = options::parse(options)?;
    for (name, ratio) in [("max-ratio", options.max_ratio), ("error-ratio", options.error_ratio)] {
        if !(0.0..=1.0).contains(&ratio) {
            return Err(format!("{name} must be between 0 and 1, found {ratio}"));
        }
    }
    if options.window_posts == 0 {
        return Err("window-posts must be at least 1".to_string());
    }
    Ok(Box::new(SelfPromoRatio(options)))
}

impl ScheduleRule for SelfPromoRatio {
    fn check(&self, schedule: &Schedule<'_>, findings: &mut Vec<ScheduleFinding>) {
        let options = &self.0;
        for stream in &schedule.streams {
            let posts = &stream.posts;
            if posts.len() < options.min_posts.max(1) {
                continue;
            }
            let width = options.window_posts.min(posts.len());
            let promotional: Vec<bool> = posts.iter().map(|&index| schedule.facts[index].promotional).collect();
            let mut count = promotional[..width].iter().filter(|&&p| p).count();
            let (mut best_start, mut best) = (0, count);
            for end in width..posts.len() {
                count = count + usize::from(promotional[end]) - usize::from(promotional[end - width]);
                if count > best {
                    (best_start, best) = (end + 1 - width, count);
                }
            }
            let ratio = best as f64 / width as f64;
            let severity = if ratio > options.error_ratio {
                Severity::Error
            } else if ratio > options.max_ratio {
                Severity::Warning
            } else {
                continue;
            };
            let window = &posts[best_start..best_start + width];
            let promos: Vec<usize> = window
                .iter()
                .copied()
                .filter(|&index| schedule.facts[index].promotional)
                .collect();
            let message = format!(
                "{best} of {width} consecutive posts of {} are promotional ({}%); keep it under {}%",
                stream.label(),
                percent(best, width),
                (options.max_ratio * 100.0).round()
            );
            findings.push(
                ScheduleFinding::new(severity, message, promos)
                    .help("follow the 80/20 rule: four posts that inform, help or entertain for each one that sells")
                    .window(schedule.window_of(window)),
            );
        }
    }
}
