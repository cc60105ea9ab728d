//! Machine output formats: JSON Lines, GitHub workflow annotations, and a summary table.

use std::collections::BTreeMap;

use postlint::{Post, Report, Severity};
use serde_json::json;

use crate::input::Origin;

/// One post report per line, then one line with the schedule (if any) and the summary.
pub fn jsonl(report: &Report) -> String {
    let mut out = String::new();
    for post in &report.posts {
        out.push_str(&serde_json::to_string(post).expect("post reports serialize"));
        out.push('\n');
    }
    let tail = json!({"version": report.version, "schedule": report.schedule, "summary": report.summary});
    out.push_str(&tail.to_string());
    out.push('\n');
    out
}

/// Escapes a GitHub workflow command's data (`%`, CR, LF) or property (also `:` and `,`).
fn escape(text: &str, property: bool) -> String {
    let mut out = text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Off => "notice",
    }
}

/// GitHub Actions annotations: one line per finding, at the post's file and line.
pub fn github(report: &Report, origins: &[Origin]) -> String {
    let mut out = String::new();
    let mut line = |severity: Severity, origin: &Origin, column: Option<usize>, rule: &str, message: &str| {
        let column = column.map_or(String::new(), |column| format!(",col={}", column + 1));
        out.push_str(&format!(
            "::{} file={},line={}{column},title={}::{}\n",
            command(severity),
            escape(&origin.file, true),
            origin.line,
            escape(rule, true),
            escape(message, false)
        ));
    };
    for post in &report.posts {
        for diagnostic in &post.diagnostics {
            let column = diagnostic.span.map(|span| span.char[0]);
            line(
                diagnostic.severity,
                &origins[post.index],
                column,
                diagnostic.rule,
                &diagnostic.message,
            );
        }
    }
    if let Some(schedule) = &report.schedule {
        for diagnostic in &schedule.diagnostics {
            if let Some(&first) = diagnostic.posts.first() {
                line(
                    diagnostic.severity,
                    &origins[first],
                    None,
                    diagnostic.rule,
                    &diagnostic.message,
                );
            }
        }
    }
    out
}

/// Counts of findings per rule (by severity) and per account.
pub fn summary(report: &Report, posts: &[Post]) -> String {
    let mut by_rule: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    let mut by_account: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    let slot = |severity: Severity| match severity {
        Severity::Error => Some(0),
        Severity::Warning => Some(1),
        Severity::Info => Some(2),
        Severity::Off => None,
    };
    let account = |index: usize| {
        posts[index]
            .account
            .clone()
            .unwrap_or_else(|| "(no account)".to_string())
    };
    let mut count = |rule: &'static str, severity: Severity, index: usize| {
        if let Some(slot) = slot(severity) {
            by_rule.entry(rule).or_default()[slot] += 1;
            by_account.entry(account(index)).or_default()[slot] += 1;
        }
    };
    for post in &report.posts {
        post.diagnostics
            .iter()
            .for_each(|d| count(d.rule, d.severity, post.index));
    }
    if let Some(schedule) = &report.schedule {
        for diagnostic in &schedule.diagnostics {
            if let Some(&first) = diagnostic.posts.first() {
                count(diagnostic.rule, diagnostic.severity, first);
            }
        }
    }
    let mut out = String::new();
    let mut table = |title: &str, rows: Vec<(String, [usize; 3])>| {
        let width = rows
            .iter()
            .map(|(name, _)| name.chars().count())
            .max()
            .unwrap_or(0)
            .max(title.len());
        out.push_str(&format!("{title:width$}  errors  warnings  infos\n"));
        for (name, [errors, warnings, infos]) in rows {
            out.push_str(&format!("{name:width$}  {errors:>6}  {warnings:>8}  {infos:>5}\n"));
        }
        out.push('\n');
    };
    table(
        "rule",
        by_rule
            .into_iter()
            .map(|(rule, counts)| (rule.to_string(), counts))
            .collect(),
    );
    table("account", by_account.into_iter().collect());
    let summary = &report.summary;
    out.push_str(&format!(
        "{} posts: {} errors, {} warnings, {} infos; score {}\n",
        summary.posts, summary.errors, summary.warnings, summary.infos, summary.score
    ));
    out
}

/// SARIF 2.1.0, for code-scanning UIs: one result per finding, located at the post's line.
pub fn sarif(report: &Report, origins: &[Origin]) -> String {
    let level = |severity: Severity| match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Off => "note",
    };
    let rules: Vec<serde_json::Value> = postlint::rules::REGISTRY
        .iter()
        .map(|rule| {
            json!({
                "id": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.summary},
                "help": {"text": rule.doc, "markdown": rule.doc},
                "defaultConfiguration": {"level": level(rule.default_severity)},
            })
        })
        .collect();
    let location = |origin: &Origin| {
        json!({"physicalLocation": {
            "artifactLocation": {"uri": origin.file},
            "region": {"startLine": origin.line},
        }})
    };
    let mut results = Vec::new();
    for post in &report.posts {
        for diagnostic in &post.diagnostics {
            results.push(json!({
                "ruleId": diagnostic.rule,
                "level": level(diagnostic.severity),
                "message": {"text": diagnostic.message},
                "locations": [location(&origins[post.index])],
                "properties": {"post": post.index, "id": post.id, "span": diagnostic.span, "help": diagnostic.help},
            }));
        }
    }
    if let Some(schedule) = &report.schedule {
        for diagnostic in &schedule.diagnostics {
            let locations: Vec<serde_json::Value> = diagnostic
                .posts
                .iter()
                .take(10)
                .map(|&index| location(&origins[index]))
                .collect();
            results.push(json!({
                "ruleId": diagnostic.rule,
                "level": level(diagnostic.severity),
                "message": {"text": diagnostic.message},
                "locations": locations,
                "properties": {"posts": diagnostic.posts, "window": diagnostic.window, "help": diagnostic.help},
            }));
        }
    }
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "postlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&sarif).expect("SARIF serializes") + "\n"
}
