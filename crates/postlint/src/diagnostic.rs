//! Findings: severities, diagnostics and fixes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How serious a finding is. `Off` disables a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The rule does not run.
    Off,
    /// Worth knowing; does not lower the score by default.
    Info,
    /// A quality or reach problem.
    Warning,
    /// Spam by platform rules or common sense; the CLI exits 1.
    Error,
}

impl Severity {
    /// The lowercase name used in config and reports.
    pub const fn name(self) -> &'static str {
        match self {
            Severity::Off => "off",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "off" => Ok(Severity::Off),
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(format!(
                "unknown severity `{s}`; expected one of off, info, warning, error"
            )),
        }
    }
}

/// One text replacement: the bytes of `span` become `replace`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The replaced range of the post's text.
    pub span: Span,
    /// The new text.
    pub replace: String,
}

impl Edit {
    /// An edit that deletes `span`.
    pub fn delete(span: Span) -> Self {
        Self {
            span,
            replace: String::new(),
        }
    }
}

/// A proposed change to a post's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// Non-overlapping edits, in text order.
    pub edits: Vec<Edit>,
    /// Whether the fix keeps the post's meaning (safe fixes may be applied without review).
    pub safe: bool,
}

impl Fix {
    /// Applies the edits to `text`.
    pub fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut cursor = 0;
        for edit in &self.edits {
            out.push_str(&text[cursor..edit.span.start]);
            out.push_str(&edit.replace);
            cursor = edit.span.end;
        }
        out.push_str(&text[cursor..]);
        out
    }
}

/// What a rule reports, before the engine applies the configured severity and the rule name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule's own severity for this finding (the config may override it).
    pub severity: Severity,
    /// What is wrong, specifically.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// Where in the text.
    pub span: Option<Span>,
    /// A proposed change.
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding with a severity and a message.
    pub fn new(severity: Severity, message: impl Into<String>) -> Self {
        Self {
            severity,
            message: message.into(),
            help: None,
            span: None,
            fix: None,
        }
    }

    /// Adds help text.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a span.
    pub fn span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// Adds a fix.
    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fix_applies_edits_in_order() {
        let fix = Fix {
            edits: vec![
                Edit::delete(Span::new(1, 2)),
                Edit {
                    span: Span::new(3, 3),
                    replace: "X".into(),
                },
            ],
            safe: true,
        };
        assert_eq!(fix.apply("abcd"), "acXd");
    }

    #[test]
    fn severity_round_trips() {
        for severity in [Severity::Off, Severity::Info, Severity::Warning, Severity::Error] {
            assert_eq!(severity.name().parse(), Ok(severity));
        }
        assert!("warn".parse::<Severity>().unwrap_err().contains("warning"));
    }
}
