//! Any JSON, JSON Lines, CSV or text file through the CLI's readers, then the schedule rules:
//! every bad post named with its line, never a panic; good posts lint, and rewriting the file
//! with its own texts reads back the same posts.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use postlint::Linter;
use postlint_cli::input::{self, Format, ReadOptions};

const FORMATS: [Format; 4] = [Format::Json, Format::Jsonl, Format::Csv, Format::Text];

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(Linter::default)
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let format = FORMATS[usize::from(selector) % FORMATS.len()];
    let Ok(source) = input::decode("fuzz", rest.to_vec()) else {
        return;
    };
    let options = ReadOptions {
        time_zone: (selector & 0x10 != 0).then(|| jiff::tz::TimeZone::UTC),
        ..ReadOptions::default()
    };
    let posts = match input::read_posts("fuzz", &source, format, &options) {
        Ok(posts) => posts,
        Err(errors) => {
            assert!(!errors.is_empty());
            for error in errors {
                assert!(error.to_string().starts_with("fuzz"), "{error}");
            }
            return;
        }
    };
    let posts: Vec<postlint::Post> = posts.into_iter().map(|sourced| sourced.post).collect();
    let report = linter().lint_schedule(&posts);
    assert_eq!(report.posts.len(), posts.len());
    for (index, post) in report.posts.iter().enumerate() {
        assert_eq!(post.index, index);
    }
    let same: Vec<Option<String>> = posts.iter().map(|post| Some(post.text.clone())).collect();
    if let Ok(rewritten) = input::rewrite("fuzz", &source, format, &options, &same) {
        let again = input::read_posts("fuzz", &rewritten, format, &options).expect("a rewrite reads back");
        let texts: Vec<&str> = again.iter().map(|sourced| sourced.post.text.as_str()).collect();
        let expected: Vec<&str> = posts.iter().map(|post| post.text.as_str()).collect();
        assert_eq!(texts, expected);
    }
});
