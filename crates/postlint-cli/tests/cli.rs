//! End-to-end tests of the `postlint` binary: exit codes, output formats, input errors.

mod common;

use common::{postlint, stderr, stdout, temp_file};

#[test]
fn check_demo_reports_json_and_exits_1_on_errors() {
    let output = postlint(&["check", "fixtures/demo/schedule.jsonl", "--format", "json"], None);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["version"], 1);
    assert_eq!(report["summary"]["posts"], 10);
    assert!(report["summary"]["errors"].as_u64().unwrap() >= 1);
    let q2 = &report["posts"][1];
    assert_eq!(q2["id"], "q2");
    assert_eq!(q2["diagnostics"][0]["rule"], "hashtag-stuffing");
    assert_eq!(q2["diagnostics"][0]["span"]["utf16"].as_array().unwrap().len(), 2);
}

#[test]
fn human_output_underlines_the_span() {
    let output = postlint(
        &["check", "-", "--network", "x", "--format", "human"],
        Some("Hello #a #b #c\n"),
    );
    assert_eq!(output.status.code(), Some(0), "warnings alone exit 0");
    let text = stdout(&output);
    assert!(
        text.contains("warning[hashtag-stuffing]: 3 hashtags; x posts do best with at most 2"),
        "{text}"
    );
    assert!(text.contains("Hello #a #b #c") && text.contains("^^"), "{text}");
    assert!(
        text.contains("1 post: 0 errors, 1 warning, 0 infos; score 70"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "no colors when stdout is not a terminal");
}

#[test]
fn clean_input_exits_0() {
    let output = postlint(
        &["check", "-", "--format", "json"],
        Some(r#"[{"text": "Nothing wrong here"}]"#),
    );
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["posts"][0]["verdict"], "clean");
    assert_eq!(report["posts"][0]["score"], 100);
}

#[test]
fn bad_posts_are_all_reported_with_file_line_and_field() {
    let path = temp_file(
        "bad.jsonl",
        b"{\"text\": \"ok\"}\n{\"text\": \"a\", \"network\": \"myspace\"}\n{\"id\": 3}\n",
    );
    let output = postlint(&["check", path.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    let file = path.display().to_string();
    assert!(
        errors.contains(&format!("{file}:2: field `network`: unknown network `myspace`")),
        "{errors}"
    );
    assert!(
        errors.contains(&format!("{file}:3: field `text`: is required")),
        "{errors}"
    );
    assert!(stdout(&output).is_empty(), "no partial report");
}

#[test]
fn invalid_utf8_and_unknown_types_exit_2() {
    let path = temp_file("latin1.txt", b"caf\xe9 #a");
    let output = postlint(&["check", path.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("invalid UTF-8 at byte 3"),
        "{}",
        stderr(&output)
    );

    let output = postlint(&["check", "Cargo.toml"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("Cargo.toml: unknown file type"),
        "{}",
        stderr(&output)
    );

    let output = postlint(&["check", "no/such/file.json"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no/such/file.json: cannot read"));
}

#[test]
fn config_errors_name_the_file_and_key() {
    let path = temp_file("postlint.toml", b"[rules.hashtag-stuffing]\nmax = { x = \"two\" }\n");
    let output = postlint(&["check", "-", "--config", path.to_str().unwrap()], Some("hi"));
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(
        errors.contains(
            "postlint.toml: invalid config at `rules.hashtag-stuffing.max.x`: expected a non-negative integer"
        ),
        "{errors}"
    );

    let path = temp_file("strict.toml", b"[rules.hashtag-stuffing]\nmax = { x = 0 }\n");
    let output = postlint(
        &[
            "check",
            "-",
            "--network",
            "x",
            "--config",
            path.to_str().unwrap(),
            "--format",
            "json",
        ],
        Some("one #tag"),
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["posts"][0]["diagnostics"][0]["help"], "remove the hashtags");
}

#[test]
fn csv_and_json_inputs_share_one_report() {
    let csv = temp_file("queue.csv", "id,text,network\nc1,\"Tags #a #b #c\",x\n".as_bytes());
    let json = temp_file("queue.json", br#"{"posts": [{"id": "j1", "text": "fine"}]}"#);
    let output = postlint(
        &[
            "check",
            csv.to_str().unwrap(),
            json.to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["posts"][0]["id"], "c1");
    assert_eq!(report["posts"][1]["index"], 1);
    assert_eq!(report["posts"][1]["id"], "j1");
}

#[test]
fn entities_prints_entities_and_x_length() {
    let output = postlint(&["entities", "Hi @alice, see #rust at https://example.com 😀"], None);
    assert_eq!(output.status.code(), Some(0));
    let entities: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(entities["hashtags"][0]["text"], "rust");
    assert_eq!(entities["mentions"][0]["text"], "alice");
    assert_eq!(entities["urls"][0]["text"], "https://example.com");
    assert_eq!(entities["hashtags"][0]["span"]["char"], serde_json::json!([15, 20]));
    // "Hi @alice, see #rust at " (24) + URL (23) + " " (1) + emoji (2)
    assert_eq!(entities["weighted_length"], 50);
    assert_eq!(entities["valid"], true);
}

#[test]
fn rules_explain_and_init() {
    let output = postlint(&["rules"], None);
    assert!(stdout(&output).contains("hashtag-stuffing"));

    let output = postlint(&["explain", "hashtag-stuffing"], None);
    assert!(stdout(&output).contains("## Why is this bad?"));

    let output = postlint(&["explain", "no-such-rule"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown rule `no-such-rule`"));

    let output = postlint(&["init", "--stdout"], None);
    let path = temp_file("init.toml", &output.stdout);
    let check = postlint(
        &["check", "-", "--config", path.to_str().unwrap(), "--format", "json"],
        Some("ok"),
    );
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(postlint(&["check"], None).status.code(), Some(2));
    assert_eq!(postlint(&["frobnicate"], None).status.code(), Some(2));
    let output = postlint(&["check", "-", "--network", "myspace"], Some("hi"));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--network: unknown network `myspace`"));
}

#[test]
fn select_ignore_and_deny_warnings() {
    let input = "Hello #a #b #c";
    let output = postlint(
        &["check", "-", "--network", "x", "--format", "json", "--deny", "warnings"],
        Some(input),
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "a warning fails the run with --deny warnings"
    );

    let output = postlint(
        &[
            "check",
            "-",
            "--network",
            "x",
            "--format",
            "json",
            "--ignore",
            "hashtag-stuffing",
        ],
        Some(input),
    );
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(
        report["posts"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["rule"] != "hashtag-stuffing")
    );

    let output = postlint(
        &[
            "check",
            "-",
            "--network",
            "x",
            "--format",
            "json",
            "--select",
            "shouting",
        ],
        Some(input),
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(report["posts"][0]["diagnostics"].as_array().unwrap().is_empty());

    let output = postlint(&["check", "-", "--select", "shoutingg"], Some(input));
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--select: unknown rule `shoutingg`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn jsonl_github_and_summary_formats() {
    let output = postlint(&["check", "fixtures/demo/schedule.jsonl", "--format", "jsonl"], None);
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 11, "10 post reports and a closing line");
    assert_eq!(lines[1]["id"], "q2");
    assert_eq!(lines[10]["summary"]["posts"], 10);
    assert!(lines[10]["schedule"]["diagnostics"].is_array());

    let output = postlint(&["check", "fixtures/demo/schedule.jsonl", "--format", "github"], None);
    let text = stdout(&output);
    assert!(
        text.lines().any(|line| line
            .starts_with("::error file=fixtures/demo/schedule.jsonl,line=2,col=36,title=hashtag-stuffing::7 hashtags")),
        "{text}"
    );
    assert!(text.lines().all(|line| line.starts_with("::")), "{text}");

    let output = postlint(&["check", "fixtures/demo/schedule.jsonl", "--format", "summary"], None);
    let text = stdout(&output);
    assert!(text.contains("hashtag-stuffing") && text.contains("acme"), "{text}");
    assert!(
        text.trim_end().ends_with("score 74") || text.contains("10 posts:"),
        "{text}"
    );
}

#[test]
fn real_timeline_csv_with_lossy_map_and_tz() {
    let shared = std::env::var("POSTLINT_SHARED").unwrap_or_else(|_| "../shared".to_string());
    let path = format!("{shared}/data/timelines/BarackObama.csv");
    let output = postlint(&["check", &path, "--network", "x", "--format", "summary"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("invalid UTF-8 at byte"), "{}", stderr(&output));

    let args = [
        "check",
        &path,
        "--lossy",
        "--map",
        "at=created_at,account=user",
        "--tz",
        "UTC",
        "--network",
        "x",
    ];
    let output = postlint(&[&args[..], &["--format", "summary"]].concat(), None);
    assert!(matches!(output.status.code(), Some(0 | 1)), "{}", stderr(&output));
    assert!(stderr(&output).contains("invalid UTF-8 sequences read as U+FFFD (--lossy)"));
    let text = stdout(&output);
    assert!(text.contains("3207 posts: "), "{text}");
    assert!(text.contains("BarackObama"), "{text}");
    assert!(!text.contains("robotic-cadence"), "{text}");

    let output = postlint(&["check", &path, "--lossy", "--map", "when=created_at"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--map: unknown field `when`"));
}

#[test]
fn sarif_output_has_the_2_1_0_shape() {
    let output = postlint(&["check", "fixtures/demo/schedule.jsonl", "--format", "sarif"], None);
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "postlint");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|rule| rule["id"] == "hashtag-stuffing"));
    let results = run["results"].as_array().unwrap();
    let first = &results[0];
    assert!(["error", "warning", "note"].contains(&first["level"].as_str().unwrap()));
    assert_eq!(
        first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "fixtures/demo/schedule.jsonl"
    );
    assert!(
        first["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .unwrap()
            >= 1
    );
    assert!(results.iter().any(|result| result["ruleId"] == "cross-network-blast"));
}
