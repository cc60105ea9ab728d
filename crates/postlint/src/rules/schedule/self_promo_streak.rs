//! `self-promo-streak`: several promotional posts in a row.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::Severity;
use crate::rules::options;
use crate::rules::{RuleInfo, RuleKind, ScheduleRule};
use crate::schedule::{Schedule, ScheduleFinding};

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "self-promo-streak",
    summary: "3 or more promotional posts in a row from one account",
    default_severity: Severity::Warning,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Schedule(build),
};

const DOC: &str = r#"# self-promo-streak

## What it does
Flags 3 or more consecutive promotional posts (see `self-promotion`) from one account on one
network, in time order. The longest streak is reported, with how many streaks there are.

## Why is this bad?
Even when the overall ratio is fine, a run of ads in a row is what followers see in their
feed at once, and what makes them mute the account.

## Example
"Sale starts today!", "Only 2 days left!", "Last chance: 30% off!" back to back.

## Options
- `min-streak` (default 3): the shortest streak reported.
"#;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    min_streak: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self { min_streak: 3 }
    }
}

#[derive(Debug)]
struct SelfPromoStreak(Options);

fn build(options: &Map<String, Value>) -> Result<Box<dyn ScheduleRule>, String> {
    let options: Options = options::parse(options)?;
    if options.min_streak < 2 {
        return Err(format!("min-streak must be at least 2, found {}", options.min_streak));
    }
    Ok(Box::new(SelfPromoStreak(options)))
}

impl ScheduleRule for SelfPromoStreak {
    fn check(&self, schedule: &Schedule<'_>, findings: &mut Vec<ScheduleFinding>) {
        for stream in &schedule.streams {
            let (mut longest, mut streaks, mut run_start) = (0..0, 0, None);
            let promotional = stream.posts.iter().map(|&index| schedule.facts[index].promotional);
            // A trailing `false` closes a streak that runs to the end.
            for (position, promotional) in promotional.chain([false]).enumerate() {
                match (promotional, run_start) {
                    (true, None) => run_start = Some(position),
                    (false, Some(start)) => {
                        if position - start >= self.0.min_streak {
                            streaks += 1;
                            if position - start > longest.len() {
                                longest = start..position;
                            }
                        }
                        run_start = None;
                    }
                    _ => {}
                }
            }
            if streaks == 0 {
                continue;
            }
            let posts = &stream.posts[longest];
            let others = match streaks {
                1 => String::new(),
                n => format!(" ({n} such streaks in all)"),
            };
            findings.push(
                ScheduleFinding::new(
                    Severity::Warning,
                    format!(
                        "{} promotional posts in a row from {}{others}",
                        posts.len(),
                        stream.label()
                    ),
                    posts.to_vec(),
                )
                .help("break up promotions with posts that help, share or converse")
                .window(schedule.window_of(posts)),
            );
        }
    }
}
