//! `flooding`: too many posts in an hour or a day.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::Severity;
use crate::rules::options;
use crate::rules::schedule::densest_window;
use crate::rules::{RuleInfo, RuleKind, ScheduleRule};
use crate::schedule::{Schedule, ScheduleFinding};

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "flooding",
    summary: "more than 5 posts in an hour or 25 in a day from one account on one network",
    default_severity: Severity::Warning,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Schedule(build),
};

const DOC: &str = r#"# flooding

## What it does
For each account on each network, slides a one-hour and a one-day window over the timed posts
and flags more than 5 posts in any hour, or more than 25 in any day. The busiest window is
reported.

## Why is this bad?
A burst of posts buries followers' feeds, and they mute or unfollow; networks rate-limit and
demote accounts that flood.

## Example
Twelve posts scheduled between 09:00 and 09:45.

## Options
- `max-per-hour` (default 5).
- `max-per-day` (default 25).
"#;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    max_per_hour: usize,
    max_per_day: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_per_hour: 5,
            max_per_day: 25,
        }
    }
}

#[derive(Debug)]
struct Flooding(Options);

fn build(options: &Map<String, Value>) -> Result<Box<dyn ScheduleRule>, String> {
    Ok(Box::new(Flooding(options::parse(options)?)))
}

impl ScheduleRule for Flooding {
    fn check(&self, schedule: &Schedule<'_>, findings: &mut Vec<ScheduleFinding>) {
        for stream in &schedule.streams {
            let posts = stream.timed_posts();
            let times: Vec<i64> = stream.times.iter().map(|at| at.timestamp.as_second()).collect();
            let windows = [
                (3600, self.0.max_per_hour, "an hour"),
                (86_400, self.0.max_per_day, "a day"),
            ];
            for (width, max, period) in windows {
                let Some((first, last, count)) = densest_window(&times, width) else {
                    break;
                };
                if count <= max {
                    continue;
                }
                let burst = &posts[first..=last];
                findings.push(
                    ScheduleFinding::new(
                        Severity::Warning,
                        format!(
                            "{count} posts within {period} from {}; at most {max} reads well",
                            stream.label()
                        ),
                        burst.to_vec(),
                    )
                    .help("spread the posts out; fewer, better posts reach more people")
                    .window(schedule.window_of(burst)),
                );
                break;
            }
        }
    }
}
