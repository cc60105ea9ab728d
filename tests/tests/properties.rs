//! Properties that hold for any input (proptest): spans name the same text in every unit, reports
//! are deterministic and keep every post in order, and fixes remove what they fix.
//!
//! Case counts are modest so the suite stays fast; `PROPTEST_CASES=5000` searches longer.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use postlint::{Linter, Network, Post, Report};
use postlint_tests::assert_span_consistent;
use proptest::prelude::*;

/// Pieces that matter to the scanners and rules: sigils, URL parts, marks, emoji parts,
/// combining and bidi marks, full-width forms, astral chars, controls.
const PIECES: &[&str] = &[
    "#",
    "＃",
    "@",
    "＠",
    "$",
    ".",
    "/",
    ":",
    "?",
    "!",
    "!!!!",
    "？",
    "‼",
    "(",
    ")",
    "-",
    "_",
    " ",
    "\n",
    "a",
    "Z",
    "rt",
    "https://",
    "www.",
    "com",
    "t.co/",
    "xn--",
    "ff",
    "FF",
    "followfriday",
    "nowplaying",
    "mondaymotivation",
    "follow for follow",
    "free followers",
    "SHOUT",
    "😀",
    "👩‍💻",
    "🇯🇵",
    "\u{fe0f}",
    "\u{20e3}",
    "\u{301}",
    "\u{200d}",
    "\u{202e}",
    "\u{2066}",
    "\u{0}",
    "\u{feff}",
    "Ⱥ",
    "İ",
    "ſ",
    "é",
    "東京",
    "한국",
    "مرحبا",
    "𝒳",
    "42",
    "acme.com",
];

/// Texts made of pieces, or any string at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(PIECES), 0..48).prop_map(|pieces| pieces.concat()),
        1 => any::<String>(),
    ]
}

fn network() -> impl Strategy<Value = Network> {
    prop::sample::select(Network::ALL.to_vec())
}

/// A post of a small schedule: a few accounts, networks and times, sometimes no time.
fn scheduled_post() -> impl Strategy<Value = Post> {
    (
        text(),
        network(),
        0..3usize,
        prop::option::of(0..2_000i64),
        prop::option::of(any::<bool>()),
    )
        .prop_map(|(text, network, account, minutes, promotional)| {
            let mut value = serde_json::json!({
                "text": text, "network": network.name(), "account": format!("acct{account}"),
                "promotional": promotional,
            });
            if let Some(minutes) = minutes {
                let at = jiff::Timestamp::from_second(1_795_000_000 + minutes * 1_800).unwrap();
                value["at"] = serde_json::Value::String(at.to_string());
            }
            Post::from_json_value(value).expect("generated posts are valid")
        })
}

/// The default linter, built once (building one per case would dominate the run time).
fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(Linter::default)
}

/// A second default linter, to check that two instances agree.
fn other_linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(Linter::default)
}

/// `PROPTEST_CASES` when set, else `cases`.
fn cases(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A schedule finding with its posts named by `name` (input index -> stable name), in a
/// comparable form.
type Finding = (&'static str, String, Vec<usize>);

fn schedule_findings(report: &Report, name: impl Fn(usize) -> usize) -> BTreeSet<Finding> {
    let schedule = report.schedule.as_ref().expect("linted as a schedule");
    schedule
        .diagnostics
        .iter()
        .map(|d| {
            let mut posts: Vec<usize> = d.posts.iter().map(|&index| name(index)).collect();
            posts.sort_unstable();
            (d.rule, d.severity.name().to_string(), posts)
        })
        .collect()
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn spans_name_the_same_text_in_every_unit(text in text(), network in network()) {
        let report = linter().lint_post(&Post::new(text.as_str()).with_network(network));
        for diagnostic in &report.diagnostics {
            diagnostic.span.into_iter().for_each(|span| assert_span_consistent(&text, span));
            for edit in diagnostic.fix.iter().flat_map(|fix| &fix.edits) {
                assert_span_consistent(&text, edit.span);
            }
        }
        let entities = postlint::report::EntitiesReport::new(&text);
        for entity in entities.hashtags.iter().chain(&entities.mentions).chain(&entities.cashtags).chain(&entities.urls) {
            assert_span_consistent(&text, entity.span);
        }
    }

    #[test]
    fn linting_is_deterministic(text in text(), network in network()) {
        let post = Post::new(text.as_str()).with_network(network);
        prop_assert_eq!(linter().lint_post(&post), linter().lint_post(&post));
        prop_assert_eq!(linter().lint_post(&post), other_linter().lint_post(&post));
    }

    #[test]
    fn a_fix_applied_removes_its_finding(text in text(), network in network()) {
        let linter = linter();
        let report = linter.lint_post(&Post::new(text.as_str()).with_network(network));
        // crowded-followfriday's fix splits the post into several, written into one text on purpose.
        for diagnostic in report.diagnostics.iter().filter(|d| d.rule != "crowded-followfriday") {
            let Some(fix) = &diagnostic.fix else { continue };
            let fixed = fix.apply(&text);
            let again = linter.lint_post(&Post::new(fixed.as_str()).with_network(network));
            let back = again.diagnostics.iter().find(|d| d.rule == diagnostic.rule && d.message == diagnostic.message);
            prop_assert!(back.is_none(), "{:?} fixed to {:?} still has {:?}", text, fixed, diagnostic.message);
        }
        let fixed = linter.fix_post(&Post::new(text.as_str()).with_network(network), false);
        let again = linter.lint_post(&Post::new(fixed.text.as_str()).with_network(network));
        for rule in fixed.applied.keys() {
            prop_assert!(again.diagnostics.iter().all(|d| d.rule != *rule), "{:?}: {} is back", text, rule);
        }
    }
}

proptest! {
    #![proptest_config(cases(48))]

    #[test]
    fn schedules_keep_every_post_in_order_whatever_the_order(
        posts in prop::collection::vec(scheduled_post(), 0..40),
        seed in any::<u64>(),
    ) {
        let linter = linter();
        let report = linter.lint_schedule(&posts);
        prop_assert_eq!(report.posts.len(), posts.len());
        for (index, (post_report, post)) in report.posts.iter().zip(&posts).enumerate() {
            prop_assert_eq!(post_report.index, index);
            prop_assert_eq!(post_report.network, post.network);
        }
        prop_assert_eq!(&linter.lint_schedule(&posts), &report);

        // The same posts shuffled: each post gets the same report (but its index), and the
        // schedule finds the same things about the same posts.
        let mut order: Vec<usize> = (0..posts.len()).collect();
        let mut state = seed | 1;
        for i in (1..order.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            order.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let shuffled: Vec<Post> = order.iter().map(|&i| posts[i].clone()).collect();
        let other = linter.lint_schedule(&shuffled);
        for (new_index, &old_index) in order.iter().enumerate() {
            let mut moved = other.posts[new_index].clone();
            moved.index = old_index;
            prop_assert_eq!(&moved, &report.posts[old_index]);
        }
        // Streaks and ratios over consecutive posts follow the input order among posts without a
        // time or with the same time; every other rule is order-free.
        let order_free = |findings: BTreeSet<Finding>| -> BTreeSet<Finding> {
            findings.into_iter().filter(|(rule, _, _)| !SEQUENCE_RULES.contains(rule)).collect()
        };
        let before = order_free(schedule_findings(&report, |index| index));
        let after = order_free(schedule_findings(&other, |index| order[index]));
        prop_assert_eq!(before, after);

        // With a distinct time for every post, the input order does not matter at all.
        let timed: Vec<Post> = posts
            .iter()
            .enumerate()
            .map(|(index, post)| {
                let minutes = 37 * index as i64 % 1_999;
                let at = format!("{}", jiff::Timestamp::from_second(1_795_000_000 + minutes * 1_800).unwrap());
                Post { at: Some(postlint::PostTime::parse(&at).unwrap()), ..post.clone() }
            })
            .collect();
        let timed_shuffled: Vec<Post> = order.iter().map(|&i| timed[i].clone()).collect();
        let before = schedule_findings(&linter.lint_schedule(&timed), |index| index);
        let after = schedule_findings(&linter.lint_schedule(&timed_shuffled), |index| order[index]);
        prop_assert_eq!(before, after);
    }
}

/// Rules over runs of consecutive posts, where posts without a time keep their input order.
const SEQUENCE_RULES: [&str; 2] = ["self-promo-streak", "self-promo-ratio"];
