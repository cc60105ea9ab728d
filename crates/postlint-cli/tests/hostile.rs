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

#[test]
fn invalid_utf8_names_file_line_and_byte() {
    let path = temp_file(
        "bad-utf8.jsonl",
        b"{\"text\": \"ok\"}\n{\"text\": \"bad \xff\xfe here\"}\n{\"text\": \"ok\"}\n",
    );
    let path = path.to_str().unwrap();
    for format in ["json", "jsonl"] {
        let output = run(&["check", path, "--format", format], None);
        assert_eq!(output.status.code(), Some(2), "{format}");
        assert!(
            stderr(&output).contains("bad-utf8.jsonl:2: invalid UTF-8 at byte 29"),
            "{}",
            stderr(&output)
        );
    }
    // Streaming still reports the two readable posts; --lossy reads all three.
    let output = run(&["check", path, "--format", "jsonl"], None);
    assert_eq!(stdout(&output).lines().count(), 2, "{}", stdout(&output));
    let output = run(&["check", path, "--format", "json", "--lossy"], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("\"posts\": 3"));
    let csv = temp_file("bad-utf8.csv", b"text\nfine\n\xc3\x28 broken\n");
    let output = run(&["check", csv.to_str().unwrap(), "--format", "json"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("bad-utf8.csv:3: invalid UTF-8 at byte 10"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_10_mb_post_with_100k_hashtags() {
    let mut text = (0..100_000).map(|n| format!("#t{n}")).collect::<Vec<_>>().join(" ");
    while text.len() < 10_000_000 {
        text.push_str(" x");
    }
    let path = temp_file("huge.txt", text.as_bytes());
    let output = run(
        &["check", path.to_str().unwrap(), "--network", "x", "--format", "summary"],
        None,
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let summary = stdout(&output);
    assert!(summary.contains("hashtag-stuffing"), "{summary}");
    assert!(summary.contains("1 posts: 2 errors"), "{summary}");
}

/// Posts of one character each, in every file format.
const MANY_POSTS: usize = 200_000;

#[test]
fn many_posts_of_one_character() {
    let jsonl = "{\"text\": \"a\"}\n".repeat(MANY_POSTS);
    let json = format!("[{}]", vec!["{\"text\": \"a\"}"; MANY_POSTS].join(",\n"));
    let csv = format!("text\n{}", "a\n".repeat(MANY_POSTS));
    for (name, source) in [("many.jsonl", jsonl), ("many.json", json), ("many.csv", csv)] {
        let path = temp_file(name, source.as_bytes());
        let output = run(&["check", path.to_str().unwrap(), "--format", "summary"], None);
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output));
        assert!(stdout(&output).ends_with(&format!(
            "{MANY_POSTS} posts: 0 errors, 0 warnings, 0 infos; score 100\n"
        )));
    }
}

#[test]
fn deep_json_odd_times_and_duplicated_ids() {
    let deep = format!(
        "{{\"text\": \"a\", \"meta\": {}{}}}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let path = temp_file("deep.jsonl", format!("{{\"text\": \"ok\"}}\n{deep}").as_bytes());
    let output = run(&["check", path.to_str().unwrap(), "--format", "json"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("deep.jsonl:2: invalid JSON: recursion limit exceeded"),
        "{}",
        stderr(&output)
    );

    let posts = [
        ("same", "2026-11-20T09:00:00+05:45"),
        ("same", "2026-11-20T10:00:00-09:30"),
        ("same", "2016-12-31T23:59:60Z"),
        ("same", "9999-12-30T21:59:59Z"),
        ("same", "-009999-01-02T01:59:59Z"),
    ];
    let lines: Vec<String> = posts
        .iter()
        .map(|(id, at)| serde_json::json!({"id": id, "text": "#FF hello @a", "account": "a", "at": at}).to_string())
        .collect();
    let path = temp_file("times.jsonl", (lines.join("\n") + "\n").as_bytes());
    let output = run(&["check", path.to_str().unwrap(), "--format", "json"], None);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let ids: Vec<&str> = report["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|post| post["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["same"; 5]);
    assert!(
        report["schedule"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == "duplicate-post")
    );

    let bad = "{\"text\": \"a\", \"at\": \"2026-11-20T09:00:00+05:45:30\"}\n{\"text\": \"b\", \"at\": \"2026-11-20T09:00:00+25:00\"}\n";
    let path = temp_file("bad-times.jsonl", bad.as_bytes());
    let output = run(&["check", path.to_str().unwrap(), "--format", "json"], None);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(
        errors.contains("bad-times.jsonl:1: field `at`: `2026-11-20T09:00:00+05:45:30` has UTC offset"),
        "{errors}"
    );
    assert!(errors.contains("bad-times.jsonl:2: field `at`"), "{errors}");
}

#[test]
fn bad_configs_name_the_file_and_key() {
    for (name, config, needle) in [
        (
            "types.toml",
            "[scoring]\nerror = \"x\"\n",
            "types.toml: invalid config at `scoring.error`: invalid type",
        ),
        (
            "nan.toml",
            "[rules.robotic-cadence]\nmax-cv = nan\n",
            "nan.toml: invalid config at `rules.robotic-cadence.max-cv`: NaN is not a finite number",
        ),
        (
            "negative.json",
            "{\"rules\": {\"self-promo-ratio\": {\"max-ratio\": -0.5}}}",
            "negative.json: invalid config at `rules.self-promo-ratio`: max-ratio must be between 0 and 1",
        ),
        (
            "regex.toml",
            "[rules.spam-phrase]\nregexes = [\"(a{1000}){1000}\"]\n",
            "regex.toml: invalid config at `rules.spam-phrase`: regexes[0]",
        ),
        (
            "deep.json",
            &format!("{{\"brand\": {}{}}}", "[".repeat(10_000), "]".repeat(10_000)),
            "deep.json: invalid config: recursion limit exceeded",
        ),
    ] {
        let path = temp_file(name, config.as_bytes());
        let output = run(&["check", "-", "--config", path.to_str().unwrap()], Some("hi"));
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(stderr(&output).contains(needle), "{name}: {}", stderr(&output));
    }
}
