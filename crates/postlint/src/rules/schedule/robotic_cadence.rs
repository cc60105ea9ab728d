//! `robotic-cadence`: posts that go out on a machine's clock.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::Severity;
use crate::rules::options;
use crate::rules::schedule::percent;
use crate::rules::{RuleInfo, RuleKind, ScheduleRule};
use crate::schedule::stats::{coefficient_of_variation, gaps_seconds, median};
use crate::schedule::{Schedule, ScheduleFinding};

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "robotic-cadence",
    summary: "10+ posts whose gaps barely vary (CV < 0.1), or more than half on the same minute of the hour",
    default_severity: Severity::Warning,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Schedule(build),
};

const DOC: &str = r#"# robotic-cadence

## What it does
For each account on each network with at least 10 timed posts, flags a schedule whose gaps
between posts barely vary (coefficient of variation, standard deviation / mean, below 0.1:
"every 60 minutes"), or where more than half of the posts go out on the same minute of the
hour.

## Why is this bad?
People do not post every 60 minutes on the dot. Machine-regular timing is the easiest signal
of automation for platforms and readers alike, and a queue that fires on the hour around the
clock is what the rest of the feed scrolls past.

## Example
Posts at 09:00, 10:00, 11:00, 12:00, ... every day.

## Options
- `min-posts` (default 10): fewer timed posts are not judged.
- `max-cv` (default 0.1): flag gap variation below this.
- `max-same-minute` (default 0.5): flag when more than this share is on one minute of the hour.
"#;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    min_posts: usize,
    max_cv: f64,
    max_same_minute: f64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            min_posts: 10,
            max_cv: 0.1,
            max_same_minute: 0.5,
        }
    }
}

#[derive(Debug)]
struct RoboticCadence(Options);

fn build(options: &Map<String, Value>) -> Result<Box<dyn ScheduleRule>, String> {
    let options: Options = options::parse(options)?;
    if options.max_cv.is_nan() || options.max_cv < 0.0 || !(0.0..=1.0).contains(&options.max_same_minute) {
        return Err("max-cv must be at least 0 and max-same-minute between 0 and 1".to_string());
    }
    Ok(Box::new(RoboticCadence(options)))
}

impl ScheduleRule for RoboticCadence {
    fn check(&self, schedule: &Schedule<'_>, findings: &mut Vec<ScheduleFinding>) {
        let options = &self.0;
        for stream in &schedule.streams {
            let posts = stream.timed_posts();
            if posts.len() < options.min_posts.max(2) {
                continue;
            }
            let gaps = gaps_seconds(stream);
            let mut minutes = [0usize; 60];
            for at in &stream.times {
                minutes[at.local().minute() as usize] += 1;
            }
            let (minute, count) = minutes
                .iter()
                .enumerate()
                .max_by_key(|&(minute, count)| (count, usize::MAX - minute))
                .unwrap_or((0, &0));
            let message = match coefficient_of_variation(&gaps) {
                Some(cv) if cv < options.max_cv => format!(
                    "{} posts of {} go out every {:.0} min with almost no variation (CV {cv:.2})",
                    posts.len(),
                    stream.label(),
                    median(&gaps).unwrap_or_default() / 60.0
                ),
                _ if *count as f64 > options.max_same_minute * posts.len() as f64 => format!(
                    "{count} of {} posts of {} ({}%) go out at minute :{minute:02}",
                    posts.len(),
                    stream.label(),
                    percent(*count, posts.len())
                ),
                _ => continue,
            };
            findings.push(
                ScheduleFinding::new(Severity::Warning, message, posts.to_vec())
                    .help("vary the posting times; schedule around when your audience is online, not on a timer")
                    .window(schedule.window_of(posts)),
            );
        }
    }
}
