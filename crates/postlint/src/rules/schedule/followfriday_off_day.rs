//! `followfriday-off-day` (info): #FollowFriday posted on another day.

use jiff::civil::Weekday;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::Severity;
use crate::rules::options;
use crate::rules::{RuleInfo, RuleKind, ScheduleRule};
use crate::schedule::{Schedule, ScheduleFinding};

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "followfriday-off-day",
    summary: "#FF / #FollowFriday scheduled on a day other than Friday (in the post's own offset)",
    default_severity: Severity::Info,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Schedule(build),
};

const DOC: &str = r##"# followfriday-off-day

## What it does
Flags #FF / #FollowFriday posts whose time, in the post's own UTC offset, is not a Friday. One
finding per account on each network lists them all.

## Why is this bad?
It is a Friday custom; on a Tuesday it reads as a scheduler that lost track of time.

## Example
"#FF @alice: the best Postgres threads around" scheduled for Thursday 2026-11-19.

## Options
None.
"##;

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {}

#[derive(Debug)]
struct FollowFridayOffDay;

fn build(options: &Map<String, Value>) -> Result<Box<dyn ScheduleRule>, String> {
    let Options {} = options::parse(options)?;
    Ok(Box::new(FollowFridayOffDay))
}

impl ScheduleRule for FollowFridayOffDay {
    fn check(&self, schedule: &Schedule<'_>, findings: &mut Vec<ScheduleFinding>) {
        for stream in &schedule.streams {
            let off: Vec<(usize, Weekday)> = stream
                .timed_posts()
                .iter()
                .filter(|&&index| schedule.facts[index].follow_friday)
                .filter_map(|&index| Some((index, schedule.at(index)?.local().weekday())))
                .filter(|(_, weekday)| *weekday != Weekday::Friday)
                .collect();
            let Some(&(_, weekday)) = off.first() else { continue };
            let message = match off.len() {
                1 => format!("#FollowFriday from {} goes out on a {weekday:?}", stream.label()),
                n => format!(
                    "{n} #FollowFriday posts from {} go out on days other than Friday",
                    stream.label()
                ),
            };
            let posts: Vec<usize> = off.iter().map(|(index, _)| *index).collect();
            let window = schedule.window_of(&posts);
            findings.push(
                ScheduleFinding::new(Severity::Info, message, posts)
                    .help("schedule #FF for a Friday, or drop the tag and just recommend")
                    .window(window),
            );
        }
    }
}
