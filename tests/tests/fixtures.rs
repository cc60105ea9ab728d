//! Runs every case in `fixtures/rules/*.json` and `fixtures/schedules/*.json` through the Rust
//! API (see fixtures/README.md).

use std::path::{Path, PathBuf};

use postlint::{Config, Linter, Post};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FixtureFile {
    rule: String,
    #[serde(default)]
    config: Option<Value>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    post: Value,
    #[serde(default)]
    config: Option<Value>,
    expect: Vec<Expected>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    severity: String,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    span: Option<String>,
    #[serde(default)]
    fixed: Option<String>,
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

/// The JSON files of a fixtures subdirectory, sorted.
fn fixture_files(subdirectory: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures_dir().join(subdirectory))
        .unwrap_or_else(|err| panic!("fixtures/{subdirectory}: {err}"))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
}

fn linter_for(config: Option<&Value>) -> Linter {
    let config = Config::from_value(config.cloned().unwrap_or(Value::Object(Default::default())))
        .expect("fixture config is valid");
    Linter::new(&config).expect("fixture config builds")
}

/// Checks one case; returns a description of every mismatch.
fn check_case(file: &FixtureFile, case: &Case) -> Vec<String> {
    let linter = linter_for(case.config.as_ref().or(file.config.as_ref()));
    let post = Post::from_json_value(case.post.clone()).expect("fixture post is valid");
    let report = linter.lint_post(&post);
    let found: Vec<_> = report.diagnostics.iter().filter(|d| d.rule == file.rule).collect();
    if found.len() != case.expect.len() {
        let messages: Vec<_> = found.iter().map(|d| &d.message).collect();
        return vec![format!(
            "expected {} diagnostics, found {}: {messages:?}",
            case.expect.len(),
            found.len()
        )];
    }
    let text = post.text.as_str();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let mut problems = Vec::new();
    for (diagnostic, expected) in found.iter().zip(&case.expect) {
        if diagnostic.severity.name() != expected.severity {
            problems.push(format!("severity {} != {}", diagnostic.severity, expected.severity));
        }
        if let Some(message) = expected
            .message
            .as_ref()
            .filter(|message| **message != diagnostic.message)
        {
            problems.push(format!("message {:?} != {message:?}", diagnostic.message));
        }
        if let Some(span_text) = &expected.span {
            let Some(span) = diagnostic.span else {
                problems.push("no span".to_string());
                continue;
            };
            let by_byte = text[span.byte[0]..span.byte[1]].to_string();
            let by_char: String = text
                .chars()
                .skip(span.char[0])
                .take(span.char[1] - span.char[0])
                .collect();
            let by_utf16 = String::from_utf16(&utf16[span.utf16[0]..span.utf16[1]]).unwrap();
            for (unit, got) in [("byte", by_byte), ("char", by_char), ("utf16", by_utf16)] {
                if got != *span_text {
                    problems.push(format!("{unit} span covers {got:?}, expected {span_text:?}"));
                }
            }
        }
        if let Some(fixed) = &expected.fixed {
            match diagnostic.fix.as_ref().map(|fix| fix.apply(text)) {
                None => problems.push("no fix".to_string()),
                Some(got) if got != *fixed => problems.push(format!("fix gives {got:?}, expected {fixed:?}")),
                Some(_) => {}
            }
        }
    }
    problems
}

#[test]
fn rule_fixtures() {
    let paths = fixture_files("rules");
    let (mut passed, mut failures) = (0, Vec::new());
    for path in &paths {
        let source = std::fs::read_to_string(path).unwrap();
        let file: FixtureFile = serde_json::from_str(&source).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        assert!(
            postlint::rules::find(&file.rule).is_some(),
            "{}: unknown rule {}",
            path.display(),
            file.rule
        );
        for case in &file.cases {
            let problems = check_case(&file, case);
            if problems.is_empty() {
                passed += 1;
            } else {
                failures.push(format!("{} / {}: {}", path.display(), case.name, problems.join("; ")));
            }
        }
    }
    println!("fixtures: {passed} passed, {} failed", failures.len());
    assert!(passed > 0, "no fixture cases found");
    assert!(failures.is_empty(), "fixture failures:\n{}", failures.join("\n"));
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScheduleFile {
    rule: String,
    #[serde(default)]
    config: Option<Value>,
    cases: Vec<ScheduleCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScheduleCase {
    name: String,
    posts: Vec<Value>,
    #[serde(default)]
    config: Option<Value>,
    expect: Vec<ExpectedScheduleFinding>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedScheduleFinding {
    severity: String,
    posts: Vec<usize>,
    #[serde(default)]
    message: Option<String>,
}

fn check_schedule_case(file: &ScheduleFile, case: &ScheduleCase) -> Vec<String> {
    let linter = linter_for(case.config.as_ref().or(file.config.as_ref()));
    let posts: Vec<Post> = case
        .posts
        .iter()
        .map(|post| Post::from_json_value(post.clone()).expect("fixture post is valid"))
        .collect();
    let report = linter.lint_schedule(&posts);
    assert_eq!(report.posts.len(), posts.len(), "every post is reported");
    let schedule = report.schedule.expect("lint_schedule reports the schedule");
    let found: Vec<_> = schedule.diagnostics.iter().filter(|d| d.rule == file.rule).collect();
    if found.len() != case.expect.len() {
        let messages: Vec<_> = found.iter().map(|d| &d.message).collect();
        return vec![format!(
            "expected {} diagnostics, found {}: {messages:?}",
            case.expect.len(),
            found.len()
        )];
    }
    let mut problems = Vec::new();
    for (diagnostic, expected) in found.iter().zip(&case.expect) {
        if diagnostic.severity.name() != expected.severity {
            problems.push(format!("severity {} != {}", diagnostic.severity, expected.severity));
        }
        if diagnostic.posts != expected.posts {
            problems.push(format!("posts {:?} != {:?}", diagnostic.posts, expected.posts));
        }
        if let Some(message) = expected
            .message
            .as_ref()
            .filter(|message| **message != diagnostic.message)
        {
            problems.push(format!("message {:?} != {message:?}", diagnostic.message));
        }
    }
    problems
}

#[test]
fn schedule_fixtures() {
    let (mut passed, mut failures) = (0, Vec::new());
    for path in fixture_files("schedules") {
        let source = std::fs::read_to_string(&path).unwrap();
        let file: ScheduleFile =
            serde_json::from_str(&source).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        assert!(
            postlint::rules::find(&file.rule).is_some(),
            "{}: unknown rule {}",
            path.display(),
            file.rule
        );
        for case in &file.cases {
            let problems = check_schedule_case(&file, case);
            if problems.is_empty() {
                passed += 1;
            } else {
                failures.push(format!("{} / {}: {}", path.display(), case.name, problems.join("; ")));
            }
        }
    }
    println!("schedule fixtures: {passed} passed, {} failed", failures.len());
    assert!(passed > 0, "no schedule fixture cases found");
    assert!(
        failures.is_empty(),
        "schedule fixture failures:\n{}",
        failures.join("\n")
    );
}
