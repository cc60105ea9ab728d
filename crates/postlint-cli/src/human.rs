//! The `human` output format: each finding with the post's text and the span underlined.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use postlint::{Report, Severity};

use crate::display::{Shown, escape};
use crate::input::Origin;

/// Renders `report` for a terminal; `origins[i]` is where post `i` was read.
pub fn render(report: &Report, texts: &[&str], origins: &[Origin], color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for post in &report.posts {
        let text = texts[post.index];
        let origin = &origins[post.index];
        let note = match &post.id {
            Some(id) => format!("post {} on {}", escape(id), post.network),
            None => format!("post {} on {}", post.index, post.network),
        };
        let path = escape(&origin.file);
        if post.diagnostics.is_empty() {
            continue;
        }
        let shown = Shown::new(text);
        for diagnostic in &post.diagnostics {
            let level = level(diagnostic.severity);
            let mut snippet = Snippet::source(shown.text.as_ref())
                .path(path.as_ref())
                .line_start(origin.line)
                .fold(true);
            if let Some(span) = diagnostic.span {
                let [start, end] = span.byte.map(|offset| shown.offset(offset));
                snippet = snippet.annotation(AnnotationKind::Primary.span(start..end));
            }
            let message = escape(&diagnostic.message);
            let mut group: Group = level
                .primary_title(message.as_ref())
                .id(diagnostic.rule)
                .element(snippet);
            group = group.element(Level::NOTE.message(note.as_str()));
            let help = diagnostic.help.as_deref().map(escape);
            if let Some(help) = &help {
                group = group.element(Level::HELP.message(help.as_ref()));
            }
            out.push_str(&renderer.render(&[group]));
            out.push_str("\n\n");
        }
    }
    if let Some(schedule) = &report.schedule {
        for diagnostic in &schedule.diagnostics {
            let level = level(diagnostic.severity);
            let places = posts_list(&diagnostic.posts, report, origins);
            let message = escape(&diagnostic.message);
            let mut group: Group = level
                .primary_title(message.as_ref())
                .id(diagnostic.rule)
                .element(Level::NOTE.message(format!("posts: {places}")));
            if let Some(window) = &diagnostic.window {
                let when = if window.from == window.to {
                    format!("at {}", window.from)
                } else {
                    format!("from {} to {}", window.from, window.to)
                };
                group = group.element(Level::NOTE.message(when));
            }
            let help = diagnostic.help.as_deref().map(escape);
            if let Some(help) = &help {
                group = group.element(Level::HELP.message(help.as_ref()));
            }
            out.push_str(&renderer.render(&[group]));
            out.push_str("\n\n");
        }
        for note in &schedule.notes {
            let message = escape(&note.message);
            out.push_str(&renderer.render(&[Group::with_title(Level::NOTE.secondary_title(message.as_ref()))]));
            out.push_str("\n\n");
        }
    }
    let summary = &report.summary;
    let plural = |count: usize, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
    out.push_str(&format!(
        "{}: {}, {}, {}; score {}\n",
        plural(summary.posts, "post"),
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning"),
        plural(summary.infos, "info"),
        summary.score
    ));
    out
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info | Severity::Off => Level::INFO,
    }
}

/// Names posts by id where they have one, else by file and line; long lists are shortened.
fn posts_list(posts: &[usize], report: &Report, origins: &[Origin]) -> String {
    const SHOWN: usize = 8;
    let mut names: Vec<String> = posts
        .iter()
        .take(SHOWN)
        .map(|&index| match &report.posts[index].id {
            Some(id) => escape(id).into_owned(),
            None => escape(&origins[index].to_string()).into_owned(),
        })
        .collect();
    if posts.len() > SHOWN {
        names.push(format!("and {} more", posts.len() - SHOWN));
    }
    names.join(", ")
}
