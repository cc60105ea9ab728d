//! False positives: ordinary posts get no warnings or errors, and real timelines stay quiet.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use postlint::{Linter, Network, Post, Severity};
use postlint_tests::assert_span_consistent;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `../shared` beside the repository, or `$POSTLINT_SHARED`.
fn shared() -> PathBuf {
    std::env::var_os("POSTLINT_SHARED").map_or_else(|| repo().join("../shared"), PathBuf::from)
}

#[test]
fn ordinary_posts_get_no_warnings() {
    let source = std::fs::read_to_string(repo().join("fixtures/ordinary/posts.jsonl")).unwrap();
    let linter = Linter::default();
    let mut flagged = Vec::new();
    let mut count = 0;
    for line in source.lines().filter(|line| !line.trim().is_empty()) {
        let post = Post::from_json_value(serde_json::from_str(line).unwrap()).unwrap();
        count += 1;
        for diagnostic in linter.lint_post(&post).diagnostics {
            if diagnostic.severity >= Severity::Warning {
                flagged.push(format!(
                    "{:?} [{}] {}: {}",
                    post.id, post.network, diagnostic.rule, diagnostic.message
                ));
            }
        }
    }
    println!(
        "ordinary posts: {} passed, {} failed",
        count - flagged.len(),
        flagged.len()
    );
    assert!(count >= 60, "the fixture must stay large enough to mean something");
    assert!(flagged.is_empty(), "false positives:\n{}", flagged.join("\n"));
}

/// Reads a timeline CSV (lossily: the files are not valid UTF-8) into texts.
fn timeline_texts(path: &Path) -> Vec<String> {
    timeline(path).into_iter().map(|(text, _)| text).collect()
}

/// Reads a timeline CSV into `(text, created_at)` rows.
fn timeline(path: &Path) -> Vec<(String, String)> {
    let bytes = std::fs::read(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    let source = String::from_utf8_lossy(&bytes);
    let mut reader = csv::Reader::from_reader(source.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let text_column = headers.iter().position(|name| name == "text").expect("a text column");
    let time_column = headers
        .iter()
        .position(|name| name == "created_at")
        .expect("a created_at column");
    reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            // The exports escape HTML; a scheduler would hold the plain text.
            let text = record[text_column]
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
            (text, record[time_column].to_string())
        })
        .collect()
}

#[test]
fn real_timelines_lint_cleanly_and_rarely_fire() {
    let dir = shared().join("data/timelines");
    let linter = Linter::default();
    // The two account timelines are ordinary posting: no warning rule may fire on 5% of them.
    // The event sample was selected for hashtags (every tweet carries a #Mayweather-style tag),
    // so hashtag and emoji rules fire more there; it gets a 10% bound.
    for (file, max_share) in [
        ("BarackObama.csv", 0.05),
        ("realDonaldTrump.csv", 0.05),
        ("mayweather-mcgregor.csv", 0.10),
    ] {
        let texts = timeline_texts(&dir.join(file));
        assert!(texts.len() > 3000, "{file}: {} posts", texts.len());
        let mut fired: BTreeMap<&str, usize> = BTreeMap::new();
        for text in &texts {
            let post = Post::new(text.as_str()).with_network(Network::X);
            let report = linter.lint_post(&post);
            let mut rules: Vec<&str> = Vec::new();
            for diagnostic in &report.diagnostics {
                for span in diagnostic
                    .span
                    .iter()
                    .chain(diagnostic.fix.iter().flat_map(|fix| fix.edits.iter().map(|e| &e.span)))
                {
                    assert_span_consistent(text, *span);
                }
                if !rules.contains(&diagnostic.rule) {
                    rules.push(diagnostic.rule);
                }
            }
            for rule in rules {
                *fired.entry(rule).or_default() += 1;
            }
        }
        let shares: Vec<String> = fired
            .iter()
            .map(|(rule, count)| format!("{rule} {:.2}%", 100.0 * *count as f64 / texts.len() as f64))
            .collect();
        println!("{file}: {} posts; {}", texts.len(), shares.join(", "));
        for (rule, count) in &fired {
            let info = postlint::rules::find(rule).unwrap().default_severity == Severity::Info;
            let share = *count as f64 / texts.len() as f64;
            assert!(
                info || share < max_share,
                "{file}: {rule} fires on {:.1}% of ordinary posts",
                100.0 * share
            );
        }
    }
}

#[test]
fn real_timelines_are_not_called_robots() {
    use postlint::PostTime;
    let dir = shared().join("data/timelines");
    for file in ["BarackObama.csv", "realDonaldTrump.csv"] {
        let posts: Vec<Post> = timeline(&dir.join(file))
            .into_iter()
            .map(|(text, created_at)| {
                // `M/D/YY H:MM`, no zone: the data's README says to read it as UTC.
                let civil = jiff::civil::DateTime::strptime("%m/%d/%y %H:%M", &created_at).expect("a timeline date");
                let timestamp = civil.to_zoned(jiff::tz::TimeZone::UTC).unwrap().timestamp();
                Post {
                    account: Some(file.trim_end_matches(".csv").to_string()),
                    at: Some(PostTime {
                        timestamp,
                        offset: jiff::tz::Offset::UTC,
                    }),
                    ..Post::new(text).with_network(Network::X)
                }
            })
            .collect();
        let report = Linter::default().lint_schedule(&posts);
        let schedule = report.schedule.unwrap();
        let mut fired: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for diagnostic in &schedule.diagnostics {
            fired.entry(diagnostic.rule).or_default().push(&diagnostic.message);
        }
        let stats = &schedule.stats.by_account[0];
        println!(
            "{file}: {} posts, median gap {:.0} min, gap CV {:.2}, {} hours covered; schedule rules: {:?}",
            stats.posts,
            stats.median_gap_minutes.unwrap_or_default(),
            stats.gap_cv.unwrap_or_default(),
            stats.hours_covered,
            fired
                .iter()
                .map(|(rule, messages)| format!("{rule} x{}", messages.len()))
                .collect::<Vec<_>>()
        );
        for (rule, messages) in &fired {
            println!(
                "  {rule}: {}",
                messages.iter().take(2).copied().collect::<Vec<_>>().join(" | ")
            );
        }
        for robot_rule in [
            "robotic-cadence",
            "no-quiet-hours",
            "templated-autopilot",
            "cross-account-duplicate",
        ] {
            assert!(
                !fired.contains_key(robot_rule),
                "{file}: {robot_rule}: {:?}",
                fired[robot_rule]
            );
        }
    }
}
