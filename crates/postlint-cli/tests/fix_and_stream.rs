//! `--fix`, `--diff`, `--output`, `--stdin-filename`, and streaming of large JSON Lines inputs.

mod common;

use common::{postlint, stderr, stdout, temp_file};

const DEMO: &str = "fixtures/demo/schedule.jsonl";

#[test]
fn fix_rewrites_jsonl_keeping_every_other_byte() {
    let source = concat!(
        "{\"id\": \"a\", \"text\": \"Wow!!!!!! great\", \"network\": \"x\", \"queue\": {\"slot\": 3}}\n",
        "\n",
        "{\"id\": \"b\",   \"text\": \"calm post\"}\n",
    );
    let path = temp_file("fix.jsonl", source.as_bytes());
    let output = postlint(&["check", path.to_str().unwrap(), "--fix"], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), source.replace("Wow!!!!!!", "Wow!"));
    assert!(stderr(&output).contains("1 fix (punctuation-flood 1); 0 errors, 0 warnings"));
}

#[test]
fn unsafe_fixes_only_when_asked_and_output_goes_to_a_file() {
    let source = r#"{"posts": [{"text": "Launch!!!!!! #a #b #c #d #e #f", "network": "x"}]}"#;
    let path = temp_file("unsafe.json", source.as_bytes());
    let out = path.with_file_name("unsafe.fixed.json");
    let (input, target) = (path.to_str().unwrap(), out.to_str().unwrap());

    let safe = postlint(&["check", input, "--fix", "--output", target], None);
    assert_eq!(
        safe.status.code(),
        Some(1),
        "hashtag stuffing stays an error: {}",
        stderr(&safe)
    );
    assert!(stdout(&safe).is_empty());
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains(r#""text": "Launch! #a #b #c #d #e #f""#), "{written}");

    let all = postlint(&["check", input, "--fix", "--unsafe-fixes", "-o", target], None);
    assert_eq!(all.status.code(), Some(0), "{}", stderr(&all));
    let written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written["posts"][0]["text"], "Launch! #a #b");
}

#[test]
fn fix_rewrites_csv_and_text() {
    let csv = "Date,Message,Link\n11/20/2026 09:30,\"Big news!!!!!!, really\",https://acme.com/w\n";
    let path = temp_file("bulk.csv", csv.as_bytes());
    let output = postlint(&["check", path.to_str().unwrap(), "--tz", "UTC", "--fix"], None);
    assert_eq!(
        stdout(&output),
        "Date,Message,Link\n11/20/2026 09:30,\"Big news!, really\",https://acme.com/w\n",
        "{}",
        stderr(&output)
    );

    let output = postlint(
        &["check", "-", "--stdin-filename", "draft.txt", "--fix"],
        Some("So good!!!!!!\n"),
    );
    assert_eq!(stdout(&output), "So good!\n");
}

#[test]
fn diff_shows_changes_and_exits_1_only_when_something_would_change() {
    let path = temp_file("diff.jsonl", b"{\"text\": \"Hello!!!!!!\"}\n{\"text\": \"calm\"}\n");
    let name = path.to_str().unwrap();
    let output = postlint(&["check", name, "--diff"], None);
    assert_eq!(output.status.code(), Some(1));
    let diff = stdout(&output);
    assert!(diff.contains(&format!("--- a/{name}")), "{diff}");
    assert!(
        diff.contains("-{\"text\": \"Hello!!!!!!\"}\n+{\"text\": \"Hello!\"}\n"),
        "{diff}"
    );
    assert!(!diff.contains("-{\"text\": \"calm\"}"));

    let clean = temp_file("clean.jsonl", b"{\"text\": \"calm\"}\n");
    let output = postlint(&["check", clean.to_str().unwrap(), "--diff"], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).is_empty());
    assert!(stderr(&output).contains("nothing to fix"));
}

#[test]
fn fix_usage_errors() {
    let output = postlint(&["check", DEMO, "--unsafe-fixes"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--unsafe-fixes works with --fix or --diff"));
    let output = postlint(&["check", DEMO, DEMO, "--fix"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--fix writes one input back"));
}

#[test]
fn stdin_filename_names_stdin_and_sets_its_format() {
    let output = postlint(
        &["check", "-", "--stdin-filename", "queue.jsonl", "--format", "github"],
        Some("{\"text\": \"a\"}\n{\"text\": \"b\", \"at\": \"soon\"}\n"),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("queue.jsonl:2: field `at`"),
        "{}",
        stderr(&output)
    );
}

/// Streaming (a .jsonl file with jsonl, summary or github output) and whole-report reading
/// (the same bytes on stdin) give byte-identical output and exit codes.
#[test]
fn streaming_output_equals_the_whole_report() {
    for input in [DEMO, "fixtures/ordinary/posts.jsonl"] {
        let source = std::fs::read_to_string(common::workspace().join(input)).unwrap();
        for format in ["jsonl", "summary", "github"] {
            let streamed = postlint(&["check", input, "--format", format], None);
            let whole = postlint(
                &["check", "-", "--stdin-filename", input, "--format", format],
                Some(&source),
            );
            assert_eq!(stdout(&streamed), stdout(&whole), "{input} --format {format}");
            assert_eq!(streamed.status.code(), whole.status.code(), "{input} --format {format}");
            assert!(!stdout(&streamed).is_empty());
        }
    }
}

#[test]
fn streaming_reports_every_bad_line_and_exits_2() {
    let mut source = b"{\"text\": \"fine\"}\n{\"text\": 3}\n{\"text\": \"also fine\"}\n".to_vec();
    source.extend_from_slice(b"{\"text\": \"bad \xff byte\"}\n");
    let path = temp_file("stream-bad.jsonl", &source);
    let name = path.to_str().unwrap();
    let output = postlint(&["check", name, "--format", "jsonl"], None);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(errors.contains(&format!("{name}:2: field `text`")), "{errors}");
    assert!(
        errors.contains(&format!("{name}:4: invalid UTF-8 at byte 65")),
        "{errors}"
    );
    // The posts that could be read were reported, in order, with their input positions.
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["index"], 1);

    let lossy = postlint(&["check", name, "--format", "summary", "--lossy"], None);
    assert_eq!(lossy.status.code(), Some(2), "the number is still bad");
    assert!(!stderr(&lossy).contains("invalid UTF-8"), "{}", stderr(&lossy));
}

#[test]
fn streaming_to_an_output_file() {
    let out = temp_file("stream-out.jsonl", b"");
    let output = postlint(
        &["check", DEMO, "--format", "jsonl", "--output", out.to_str().unwrap()],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    let written = std::fs::read_to_string(&out).unwrap();
    let tail: serde_json::Value = serde_json::from_str(written.lines().last().unwrap()).unwrap();
    assert_eq!(tail["summary"]["posts"], 10);
    assert!(
        tail["schedule"]["diagnostics"]
            .as_array()
            .is_some_and(|d| !d.is_empty())
    );
}
