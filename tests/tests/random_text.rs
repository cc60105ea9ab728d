//! Random text built from the characters that matter to the scanner (sigils, dots, slashes,
//! parens, emoji parts, combining marks, full-width forms, RTL and invalid characters) goes
//! through every entry point without a panic, and every reported span is consistent.

use postlint::{Linter, Network, Post};
use postlint_tests::assert_span_consistent as assert_consistent;
use postlint_tests::synth::Rng;

const PIECES: &[&str] = &[
    "#",
    "＃",
    "@",
    "＠",
    "$",
    ".",
    "/",
    ":",
    "//",
    "?",
    "=",
    "&",
    "(",
    ")",
    "-",
    "_",
    "!",
    " ",
    "  ",
    "\n",
    "a",
    "Z",
    "rt",
    "RT",
    "http",
    "https://",
    "www",
    "com",
    "co",
    "jp",
    "t.co/",
    "xn--",
    "みんな",
    "한국",
    "भारत",
    "\u{94d}",
    "é",
    "\u{301}",
    "\u{200d}",
    "\u{fe0f}",
    "\u{20e3}",
    "\u{200f}",
    "\u{202a}",
    "\u{fffe}",
    "\u{feff}",
    "😀",
    "👩‍💻",
    "🇯🇵",
    "1",
    "42",
    "東京",
    "ラーメン",
    "مرحبا",
    "привет",
    "\u{0}",
    "ﬁ",
    "Ⅻ",
    "%20",
    "\\",
    "'",
    "\"",
];

#[test]
fn random_texts_never_panic_and_spans_line_up() {
    // POSTLINT_RANDOM_POSTS / POSTLINT_RANDOM_SEED run a longer search locally.
    let count = std::env::var("POSTLINT_RANDOM_POSTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4_000);
    let seed = std::env::var("POSTLINT_RANDOM_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2026);
    let mut rng = Rng::new(seed);
    let linter = Linter::default();
    let mut posts = Vec::new();
    for i in 0..count {
        let length = 1 + rng.below(40);
        let text: String = (0..length).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        let network = Network::ALL[i % Network::ALL.len()];
        let entities = postlint::text::extract(&text);
        let config = postlint::text::WeightedConfig::V3;
        assert_eq!(
            postlint::text::weighted_length_with(&text, &entities, &config),
            postlint::text::weighted_length(&text, &config),
            "reusing the extracted URLs changes the weighted length of {text:?}"
        );
        for span in entities
            .hashtags
            .iter()
            .map(|e| e.span)
            .chain(entities.urls.iter().map(|e| e.span))
        {
            assert_consistent(&text, span.to_units(&text));
        }
        let report = linter.lint_post(&Post::new(text.clone()).with_network(network));
        for diagnostic in &report.diagnostics {
            if let Some(span) = diagnostic.span {
                assert_consistent(&text, span);
            }
            if let Some(fix) = &diagnostic.fix {
                fix.edits.iter().for_each(|edit| assert_consistent(&text, edit.span));
                let _ = fix.apply(&text);
            }
        }
        posts.push(Post {
            account: Some(format!("a{}", i % 7)),
            ..Post::new(text).with_network(network)
        });
    }
    let report = linter.lint_schedule(&posts);
    assert_eq!(report.posts.len(), posts.len());
    println!("random texts: {} passed, 0 failed", posts.len());
}

#[test]
fn huge_and_degenerate_posts_are_linted() {
    let linter = Linter::default();
    for text in [
        "a".repeat(1_000_000),
        "#tag ".repeat(20_000),
        "@a ".repeat(20_000),
        "\u{301}".repeat(100_000),
        "😀".repeat(100_000),
        "x.com/".repeat(50_000),
        "\u{0}".repeat(1_000),
    ] {
        let report = linter.lint_post(&Post::new(text.clone()).with_network(Network::X));
        assert_eq!(report.index, 0);
        for diagnostic in &report.diagnostics {
            if let Some(span) = diagnostic.span {
                assert!(text.is_char_boundary(span.byte[0]) && text.is_char_boundary(span.byte[1]));
            }
        }
    }
}
