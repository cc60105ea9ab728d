//! Snapshots of every output format on the demo queue, of `--diff`, and of input errors.
//! Review changes with `cargo insta review` (or `INSTA_UPDATE=always cargo test` and `git diff`).

mod common;

use common::{postlint, stderr, stdout};

const DEMO: [&str; 4] = [
    "check",
    "fixtures/demo/schedule.jsonl",
    "--config",
    "fixtures/demo/postlint.toml",
];

fn check(extra: &[&str]) -> std::process::Output {
    let args: Vec<&str> = DEMO.iter().chain(extra).copied().collect();
    postlint(&args, None)
}

#[test]
fn every_output_format() {
    for format in ["human", "json", "jsonl", "github", "summary", "sarif"] {
        let output = check(&["--format", format]);
        assert_eq!(output.status.code(), Some(1), "{format}: {}", stderr(&output));
        insta::assert_snapshot!(format!("demo_{format}"), stdout(&output));
    }
}

#[test]
fn diff_of_all_fixes() {
    let output = check(&["--diff", "--unsafe-fixes"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("demo_diff_unsafe", stdout(&output));
}

#[test]
fn input_errors() {
    let source = "{\"text\": \"ok\"}\n{\"network\": \"x\"}\n{\"text\": \"a\", \"network\": \"myspace\"}\nnot json\n";
    let output = postlint(&["check", "-", "--stdin-filename", "queue.jsonl"], Some(source));
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!("input_errors", stderr(&output));
}
