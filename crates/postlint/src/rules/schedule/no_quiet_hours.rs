//! `no-quiet-hours`: an account that posts around the clock.

use std::collections::BTreeMap;

#[cfg(feature = "time-zones")]
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::Severity;
use crate::model::PostTime;
use crate::rules::options;
use crate::rules::{RuleInfo, RuleKind, ScheduleRule};
use crate::schedule::stats::median;
use crate::schedule::{Schedule, ScheduleFinding};

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "no-quiet-hours",
    summary: "over 7+ days, posts in 22+ hours of a typical day, or never a 4-hour break",
    default_severity: Severity::Warning,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Schedule(build),
};

const DOC: &str = r#"# no-quiet-hours

## What it does
For each account on each network whose timed posts span at least 7 days, flags posting
around the clock: on a typical (median) day with posts, posts fall in 22 or more of the 24
hours; or there is never a break of 4 hours between posts. Hours are in each post's own
UTC offset, or in the configured `time-zone`.

## Why is this bad?
People sleep. An account that never goes quiet is a bot, or a queue set to fill every slot;
posts at 4 am local time reach nobody and read as automation.

## Example
A queue that posts every hour, day and night, for two weeks.

## Options
- `min-days` (default 7): shorter spans are not judged.
- `max-hours` (default 21): flag a typical day with posts in more hours than this.
- `min-break-hours` (default 4): flag when no break between posts is this long.
- `time-zone` (default none): an IANA zone such as `America/New_York` for the hours of day;
  by default each post's own offset is used.
"#;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    min_days: u32,
    max_hours: u32,
    min_break_hours: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_zone: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            min_days: 7,
            max_hours: 21,
            min_break_hours: 4,
            time_zone: None,
        }
    }
}

#[derive(Debug)]
struct NoQuietHours {
    options: Options,
    #[cfg(feature = "time-zones")]
    zone: Option<TimeZone>,
}

fn build(options: &Map<String, Value>) -> Result<Box<dyn ScheduleRule>, String> {
    let options: Options = options::parse(options)?;
    #[cfg(feature = "time-zones")]
    let zone = match options.time_zone.as_deref() {
        None => None,
        Some(name) => Some(TimeZone::get(name).map_err(|err| format!("time-zone `{name}`: {err}"))?),
    };
    #[cfg(not(feature = "time-zones"))]
    if let Some(name) = &options.time_zone {
        return Err(format!(
            "time-zone `{name}`: this build of postlint has no time-zone database; \
             give post times with their own UTC offset instead"
        ));
    }
    if options.max_hours > 24 {
        return Err(format!("max-hours must be at most 24, found {}", options.max_hours));
    }
    Ok(Box::new(NoQuietHours {
        options,
        #[cfg(feature = "time-zones")]
        zone,
    }))
}

impl NoQuietHours {
    /// The local date and hour of a post time.
    fn local(&self, at: PostTime) -> jiff::civil::DateTime {
        #[cfg(feature = "time-zones")]
        if let Some(zone) = &self.zone {
            return zone.to_datetime(at.timestamp);
        }
        at.local()
    }
}

impl ScheduleRule for NoQuietHours {
    fn check(&self, schedule: &Schedule<'_>, findings: &mut Vec<ScheduleFinding>) {
        let options = &self.options;
        for stream in &schedule.streams {
            let posts = stream.timed_posts();
            let times = &stream.times;
            let (Some(first), Some(last)) = (times.first(), times.last()) else {
                continue;
            };
            let span_days = (last.timestamp.as_second() - first.timestamp.as_second()) / 86_400;
            if span_days < i64::from(options.min_days) {
                continue;
            }
            let mut hours_by_day: BTreeMap<jiff::civil::Date, u32> = BTreeMap::new();
            for &at in times {
                let local = self.local(at);
                *hours_by_day.entry(local.date()).or_default() |= 1 << local.hour();
            }
            let hours: Vec<f64> = hours_by_day
                .values()
                .map(|hours| f64::from(hours.count_ones()))
                .collect();
            let typical = median(&hours).unwrap_or_default();
            let longest_break = times
                .windows(2)
                .map(|pair| pair[1].timestamp.as_second() - pair[0].timestamp.as_second())
                .max();
            let message = if typical > f64::from(options.max_hours) {
                format!(
                    "{} posts in {typical:.0} of 24 hours on a typical day, over {span_days} days",
                    stream.label()
                )
            } else if longest_break.is_some_and(|gap| gap < i64::from(options.min_break_hours) * 3600) {
                format!(
                    "{} never pauses for {} hours in {span_days} days (longest break {} min)",
                    stream.label(),
                    options.min_break_hours,
                    longest_break.unwrap_or_default() / 60
                )
            } else {
                continue;
            };
            findings.push(
                ScheduleFinding::new(Severity::Warning, message, posts.to_vec())
                    .help("leave the night quiet: schedule posts for the hours your audience is awake")
                    .window(schedule.window_of(posts)),
            );
        }
    }
}
