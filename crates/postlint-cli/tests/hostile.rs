//! Hostile input through the `postlint` binary: whatever the files hold, it answers with a
//! report, or with exit code 2 and a message naming the file and line; it never panics.

mod common;

use common::{postlint, stderr, stdout, temp_file};

/// Runs `postlint ARGS` and checks that it did not panic (a panic exits 101).
fn run(args: &[&str], stdin: Option<&str>) -> std::process::Output {
    let output = postlint(args, stdin);
    assert_ne!(output.status.code(), Some(101), "panicked: {}", stderr(&output));
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    output
}

#[test]
fn a_byte_order_mark_is_read_past_everywhere() {
    let bom = "\u{feff}";
    let config = temp_file(
        "bom.toml",
        format!("{bom}[rules.hashtag-stuffing]\nerror-above = {{ x = 0 }}\n").as_bytes(),
    );
    let config = config.to_str().unwrap();
    for (name, body) in [
        ("bom.jsonl", "{\"text\": \"Launch #a\", \"network\": \"x\"}\n"),
        ("bom.json", "[{\"text\": \"Launch #a\", \"network\": \"x\"}]"),
        ("bom.csv", "text,network\nLaunch #a,x\n"),
        ("bom.txt", "Launch #a"),
    ] {
        let path = temp_file(name, format!("{bom}{body}").as_bytes());
        let path = path.to_str().unwrap();
        for format in ["json", "jsonl"] {
            let output = run(
                &["check", path, "--network", "x", "--config", config, "--format", format],
                None,
            );
            assert_eq!(output.status.code(), Some(1), "{name} {format}: {}", stderr(&output));
            let report = stdout(&output);
            assert!(
                report.contains("\"rule\":\"hashtag-stuffing\"") || report.contains("\"rule\": \"hashtag-stuffing\"")
            );
            assert!(!report.contains('\u{feff}'), "{name}: {report}");
        }
        // --fix writes the file back with its mark.
        let output = run(
            &[
                "check",
                path,
                "--network",
                "x",
                "--fix",
                "--unsafe-fixes",
                "--config",
                config,
            ],
            None,
        );
        assert!(stdout(&output).starts_with(bom), "{name}: {:?}", stdout(&output));
        assert!(!stdout(&output).contains("#a"), "{name}: {:?}", stdout(&output));
    }
    let output = run(
        &["check", "-", "--format", "json"],
        Some("\u{feff}{\"text\": \"hi\", \"id\": \"p1\"}"),
    );
    assert!(stdout(&output).contains("\"id\": \"p1\""), "{}", stdout(&output));
    let output = run(&["entities", "-"], Some("\u{feff}#tag"));
    assert!(
        stdout(&output).contains("\"char\": [\n          0,"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn an_output_naming_an_input_is_refused() {
    let path = temp_file("queue.jsonl", b"{\"text\": \"one\"}\n{\"text\": \"two\"}\n");
    let path = path.to_str().unwrap();
    let dotted = format!(
        "{}/./queue.jsonl",
        std::path::Path::new(path).parent().unwrap().display()
    );
    for format in ["jsonl", "json", "summary"] {
        let output = run(&["check", path, "--format", format, "-o", &dotted], None);
        assert_eq!(output.status.code(), Some(2));
        assert!(
            stderr(&output).contains("that is an input file; writing the report there would destroy its posts"),
            "{}",
            stderr(&output)
        );
    }
    assert_eq!(
        std::fs::read_to_string(path).unwrap(),
        "{\"text\": \"one\"}\n{\"text\": \"two\"}\n"
    );
    // --fix writes its input back on purpose.
    let output = run(&["check", path, "--fix", "-o", path], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

/// Whether `c` could move the cursor, recolour or reorder a terminal, or start a log line.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

#[test]
fn control_and_bidi_chars_are_escaped_in_text_outputs() {
    let evil = "\u{1b}[31m\u{202e}\r\u{85}\u{2028}\u{0}";
    let posts: Vec<String> = (0..2)
        .map(|n| {
            serde_json::json!({
                "id": format!("p{n}\n::warning::forged{evil}"),
                "text": format!("Same {evil} text #a #b #c #d #e #f !!!!!!"),
                "account": format!("acme\n::error::forged{evil}"),
                "network": "x",
                "at": format!("2026-11-20T09:{:02}:00Z", n * 30),
            })
            .to_string()
        })
        .collect();
    let path = temp_file(
        "evil\n::error::name\u{202e}.jsonl",
        (posts.join("\n") + "\n").as_bytes(),
    );
    let path = path.to_str().unwrap();
    for format in ["human", "summary", "github"] {
        let output = run(&["check", path, "--format", format], None);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        let text = stdout(&output);
        assert!(text.contains("duplicate-post"), "{format}: {text}");
        assert!(!text.chars().any(is_unsafe), "{format}: {text:?}");
        for line in text.lines().filter(|line| line.starts_with("::")) {
            let annotation = line.starts_with("::error file=") || line.starts_with("::warning file=");
            assert!(format == "github" && annotation, "{format}: a forged line {line:?}");
        }
        if format == "github" {
            assert!(text.contains("evil%0A%3A%3Aerror%3A%3Aname%E2%80%AE.jsonl"), "{text}");
            assert!(
                text.contains("acme%0A::error::forged%1B[31m%E2%80%AE%0D%C2%85%E2%80%A8%00"),
                "{text}"
            );
        } else {
            assert!(
                text.contains("acme\\n::error::forged\\u{1b}[31m\\u{202e}\\r\\u{85}\\u{2028}\\u{0}"),
                "{text}"
            );
        }
    }
    // Messages on stderr too: a bad value cannot start a line of its own.
    let bad = temp_file(
        "bad.jsonl",
        b"{\"text\": \"a\", \"network\": \"x\\n::error::forged\\u001b[2J\"}\n",
    );
    let output = run(&["check", bad.to_str().unwrap(), "--format", "json"], None);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(
        errors.contains("bad.jsonl:1: field `network`: unknown network"),
        "{errors}"
    );
    assert!(!errors.chars().any(is_unsafe), "{errors:?}");
    assert!(errors.lines().all(|line| !line.starts_with("::")), "{errors}");
}
