//! Machine output formats: JSON Lines, GitHub workflow annotations, and a summary table.

use std::collections::BTreeMap;

use postlint::report::{REPORT_VERSION, ScheduleReport, Summary};
use postlint::{Post, PostReport, Report, Severity};
use serde_json::json;

use crate::display;
use crate::input::Origin;

/// One post report per line, then one line with the schedule (if any) and the summary.
pub fn jsonl(report: &Report) -> String {
    let mut out = String::new();
    for post in &report.posts {
        out.push_str(&jsonl_post(post));
    }
    out.push_str(&jsonl_tail(report.schedule.as_ref(), &report.summary));
    out
}

/// A post report as one JSON line.
pub fn jsonl_post(post: &PostReport) -> String {
    serde_json::to_string(post).expect("post reports serialize") + "\n"
}

/// The last JSON line: report version, schedule (or null) and summary.
pub fn jsonl_tail(schedule: Option<&ScheduleReport>, summary: &Summary) -> String {
    json!({"version": REPORT_VERSION, "schedule": schedule, "summary": summary}).to_string() + "\n"
}

/// Encodes a GitHub workflow command's data (`%`, CR, LF) or property (also `:` and `,`) as
/// GitHub decodes them; other control and bidi chars are percent-encoded too (GitHub shows those
/// as written), so that no text can end the command, start another, or hide what it says.
fn escape(text: &str, property: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let encode = matches!(c, '%' | '\r' | '\n') || (property && matches!(c, ':' | ',')) || display::is_unsafe(c);
        if encode {
            for byte in c.encode_utf8(&mut [0; 4]).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
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
    for post in &report.posts {
        out.push_str(&github_post(post, &origins[post.index]));
    }
    if let Some(schedule) = &report.schedule {
        out.push_str(&github_schedule(schedule, origins));
    }
    out
}

/// The annotations of one post.
pub fn github_post(post: &PostReport, origin: &Origin) -> String {
    post.diagnostics
        .iter()
        .map(|d| {
            let column = d.span.map(|span| span.char[0]);
            github_line(d.severity, origin, column, d.rule, &d.message)
        })
        .collect()
}

/// The annotations of the schedule findings, each at its first post.
pub fn github_schedule(schedule: &ScheduleReport, origins: &[Origin]) -> String {
    schedule
        .diagnostics
        .iter()
        .filter_map(|d| {
            let first = *d.posts.first()?;
            Some(github_line(d.severity, &origins[first], None, d.rule, &d.message))
        })
        .collect()
}

fn github_line(severity: Severity, origin: &Origin, column: Option<usize>, rule: &str, message: &str) -> String {
    let column = column.map_or(String::new(), |column| format!(",col={}", column + 1));
    format!(
        "::{} file={},line={}{column},title={}::{}\n",
        command(severity),
        escape(&origin.file, true),
        origin.line,
        escape(rule, true),
        escape(message, false)
    )
}

/// Counts of findings per rule (by severity) and per account.
pub fn summary(report: &Report, posts: &[Post]) -> String {
    let mut table = SummaryTable::default();
    let account = |index: usize| posts[index].account.as_deref();
    for post in &report.posts {
        table.add_post(post, account(post.index));
    }
    if let Some(schedule) = &report.schedule {
        table.add_schedule(schedule, account);
    }
    table.render(&report.summary)
}

/// Counts per rule and per account, built post by post.
#[derive(Default)]
pub struct SummaryTable {
    by_rule: BTreeMap<&'static str, [usize; 3]>,
    by_account: BTreeMap<String, [usize; 3]>,
}

impl SummaryTable {
    fn count(&mut self, rule: &'static str, severity: Severity, account: Option<&str>) {
        let slot = match severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
            Severity::Off => return,
        };
        self.by_rule.entry(rule).or_default()[slot] += 1;
        let account = display::escape(account.unwrap_or("(no account)"));
        match self.by_account.get_mut(account.as_ref()) {
            Some(counts) => counts[slot] += 1,
            None => self.by_account.entry(account.into_owned()).or_default()[slot] += 1,
        }
    }

    /// Counts a post's findings under its account.
    pub fn add_post(&mut self, post: &PostReport, account: Option<&str>) {
        for d in &post.diagnostics {
            self.count(d.rule, d.severity, account);
        }
    }

    /// Counts the schedule findings, each under the account of its first post.
    pub fn add_schedule<'p>(&mut self, schedule: &ScheduleReport, account: impl Fn(usize) -> Option<&'p str>) {
        for d in &schedule.diagnostics {
            if let Some(&first) = d.posts.first() {
                self.count(d.rule, d.severity, account(first));
            }
        }
    }

    /// The two tables and the totals line.
    pub fn render(self, summary: &Summary) -> String {
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
        let rules = self
            .by_rule
            .into_iter()
            .map(|(rule, counts)| (rule.to_string(), counts));
        table("rule", rules.collect());
        table("account", self.by_account.into_iter().collect());
        out.push_str(&format!(
            "{} posts: {} errors, {} warnings, {} infos; score {}\n",
            summary.posts, summary.errors, summary.warnings, summary.infos, summary.score
        ));
        out
    }
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
