//! Hostile input through the core: whatever text, times or config it is given, the linter answers
//! with a report or a clear error; never a panic, a hang or a lost post. The huge inputs check
//! that nothing is quadratic (they would not finish); speed itself is measured in benches/.

use postlint::report::EntitiesReport;
use postlint::{Config, Linter, Network, Post, PostTime};
use postlint_tests::assert_span_consistent;
use serde_json::json;

/// A post of about 10 MB holding 100k distinct hashtags, then filler words.
fn ten_megabytes_of_hashtags() -> String {
    let mut text = (0..100_000).map(|n| format!("#t{n}")).collect::<Vec<_>>().join(" ");
    while text.len() < 10_000_000 {
        text.push_str(" x");
    }
    text
}

#[test]
fn a_10_mb_post_with_100k_hashtags() {
    let text = ten_megabytes_of_hashtags();
    let report = Linter::default().lint_post(&Post::new(text.as_str()).with_network(Network::X));
    let stuffing = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "hashtag-stuffing")
        .unwrap();
    assert_eq!(
        stuffing.message,
        "100000 hashtags; more than 5 on x reads as hashtag spam"
    );
    let fix = stuffing.fix.as_ref().unwrap();
    assert_eq!(fix.edits.len(), 99_998);
    // Spans far into the text, in all three units (checked against counting from the start).
    let last = fix.edits.last().unwrap().span;
    assert_span_consistent(&text, last);
    assert_eq!(last.char, last.utf16);
    let entities = EntitiesReport::new(&text);
    assert_eq!(entities.hashtags.len(), 100_000);
    assert_span_consistent(&text, entities.hashtags[99_999].span);
}

#[test]
fn a_100k_repeats_of_one_tag_and_of_fixable_runs() {
    let text = "#nowplaying wow!!!! ".repeat(100_000);
    let linter = Linter::default();
    let report = linter.lint_post(&Post::new(text.as_str()).with_network(Network::Mastodon));
    let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule).collect();
    let expected = [
        "hashtag-stuffing",
        "hashtag-stuffing",
        "over-length",
        "punctuation-flood",
        "hashtag-camelcase",
    ];
    assert_eq!(rules, expected);
    let fixed = linter.fix_post(&Post::new(text.as_str()).with_network(Network::Mastodon), false);
    assert_eq!(fixed.text, "#NowPlaying wow! ".repeat(100_000));
}

#[test]
fn a_million_posts_of_one_character() {
    let posts: Vec<Post> = (0..1_000_000).map(|_| Post::new("a")).collect();
    let report = Linter::default().lint_posts(&posts);
    assert_eq!(report.posts.len(), 1_000_000);
    assert_eq!(report.summary.posts, 1_000_000);
    assert!(report.posts.iter().enumerate().all(|(index, post)| post.index == index));
}

#[test]
fn nul_and_bidi_characters() {
    let text = "\u{0}\u{202e}\u{2066} #a #b #c\u{2069} \u{0} #d #e #f 𝒳 \u{feff}\u{200f}@x";
    let linter = Linter::default();
    for network in Network::ALL {
        let report = linter.lint_post(&Post::new(text).with_network(network));
        for diagnostic in &report.diagnostics {
            diagnostic
                .span
                .into_iter()
                .for_each(|span| assert_span_consistent(text, span));
        }
    }
    let report = linter.lint_post(&Post::new(text).with_network(Network::X));
    let stuffing = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "hashtag-stuffing")
        .unwrap();
    let [start, end] = stuffing.span.unwrap().byte;
    assert_eq!(&text[start..end], "#c\u{2069} \u{0} #d #e #f");
}

/// A post from JSON, as every front end reads it.
fn post(value: serde_json::Value) -> Result<Post, String> {
    Post::from_json_value(value).map_err(|err| err.to_string())
}

#[test]
fn odd_offsets_leap_seconds_and_far_years() {
    let times = [
        "2026-11-20T09:00:00+05:45",
        "2026-11-20T09:00:00-09:30",
        "2026-11-20T09:00:00+23:59",
        "2026-11-20T09:00:00-23:59",
        "2016-12-31T23:59:60Z",
        "9999-12-30T21:59:59Z",
        "-009999-01-02T01:59:59Z",
        "0000-01-01T00:00:00+14:00",
    ];
    let posts: Vec<Post> = times
        .iter()
        .map(|at| post(json!({"text": "#FF same text @a", "account": "acme", "network": "x", "at": at})).unwrap())
        .collect();
    let report = Linter::default().lint_schedule(&posts);
    assert_eq!(report.posts.len(), times.len());
    let schedule = report.schedule.unwrap();
    assert!(schedule.diagnostics.iter().any(|d| d.rule == "duplicate-post"));
    assert_eq!(
        PostTime::parse("2016-12-31T23:59:60Z").unwrap().to_string(),
        "2016-12-31T23:59:59+00:00"
    );
    for (at, needle) in [
        ("2026-11-20T09:00:00+05:45:30", "offsets are whole minutes"),
        ("2026-11-20T09:00:00+24:00", "offsets are whole minutes"),
        ("2026-11-20T09:00:00+25:00", "offsets are whole minutes"),
        ("9999-12-31T23:59:59Z", "out of range"),
        ("9999-12-30T21:59:59-23:59", "out of range"),
        ("+010000-01-01T00:00:00Z", "not an RFC 3339 time"),
        ("2026-02-30T09:00:00Z", "not an RFC 3339 time"),
        ("2026-11-20T24:00:00Z", "not an RFC 3339 time"),
    ] {
        let err = post(json!({"text": "a", "at": at})).unwrap_err();
        assert!(err.starts_with("field `at`: ") && err.contains(needle), "{at}: {err}");
    }
}

#[test]
fn duplicated_ids_keep_every_post_in_order() {
    let posts: Vec<Post> = (0..50)
        .map(|n| {
            post(json!({"id": "same", "text": format!("post {n}"), "account": "a", "at": "2026-11-20T09:00:00Z"}))
                .unwrap()
        })
        .collect();
    let report = Linter::default().lint_schedule(&posts);
    assert_eq!(report.posts.len(), 50);
    for (index, post) in report.posts.iter().enumerate() {
        assert_eq!((post.index, post.id.as_deref()), (index, Some("same")));
    }
    let flooding = report.schedule.unwrap();
    assert!(flooding.diagnostics.iter().any(|d| d.rule == "flooding"));
}

#[test]
fn bad_configs_are_clear_errors() {
    let cases: [(&str, &str, &str); 9] = [
        ("[scoring]\nerror = \"x\"", "scoring.error", "invalid type: string"),
        (
            "[scoring]\nwarning = -30",
            "scoring.warning",
            "invalid value: integer `-30`",
        ),
        (
            "[brand]\ndomains = [\"a.com\", 1]",
            "brand.domains[1]",
            "expected a string",
        ),
        (
            "[rules.robotic-cadence]\nmax-cv = nan",
            "rules.robotic-cadence.max-cv",
            "NaN is not a finite number",
        ),
        (
            "[rules.robotic-cadence]\nmax-cv = -1.0",
            "rules.robotic-cadence",
            "at least 0",
        ),
        (
            "[rules.self-promo-ratio]\nmax-ratio = inf",
            "rules.self-promo-ratio.max-ratio",
            "inf is not a finite",
        ),
        (
            "[rules.self-promo-ratio]\nmax-ratio = -0.2",
            "rules.self-promo-ratio",
            "between 0 and 1",
        ),
        (
            "[rules.hashtag-stuffing]\nmax = { x = -2 }",
            "rules.hashtag-stuffing.max.x",
            "non-negative integer",
        ),
        ("[rules.flooding]\nmax-per-hour = 1e400", "", "TOML parse error"),
    ];
    for (toml, key, needle) in cases {
        let err = Config::from_toml(toml).unwrap_err();
        assert_eq!(err.key, key, "{toml}: {err}");
        assert!(err.message.contains(needle), "{toml}: {err}");
    }
    let huge = format!("[rules.spam-phrase]\nregexes = [\"{}\"]", "(a{1000}){1000}");
    let err = Config::from_toml(&huge).unwrap_err();
    assert_eq!(err.key, "rules.spam-phrase");
    assert!(
        err.message.contains("is too big (compiled form over 262144 bytes)"),
        "{err}"
    );
}

#[test]
fn deeply_nested_configs_are_errors() {
    let depth = 100_000;
    let json = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let err = Config::from_json(&format!("{{\"brand\": {json}}}")).unwrap_err();
    assert!(err.message.contains("recursion limit exceeded"), "{err}");
    let toml = format!("a = {}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(Config::from_toml(&toml).is_err());
    let toml = format!("{} = 1", vec!["a"; depth].join("."));
    assert!(Config::from_toml(&toml).is_err());
}
