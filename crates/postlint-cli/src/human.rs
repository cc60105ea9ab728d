//! The `human` output format: each finding with the post's text and the span underlined.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use postlint::{Report, Severity};

use crate::input::Origin;

/// Renders `report` for a terminal; `origins[i]` is where post `i` was read.
pub fn render(report: &Report, texts: &[&str], origins: &[Origin], color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for post in &report.posts {
        let text = texts[post.index];
        let origin = &origins[post.index];
        let note = match &post.id {
            Some(id) => format!("post {id} on {}", post.network),
            None => format!("post {} on {}", post.index, post.network),
        };
        for diagnostic in &post.diagnostics {
            let level = level(diagnostic.severity);
            let mut snippet = Snippet::source(text)
                .path(origin.file.as_str())
                .line_start(origin.line)
                .fold(true);
            if let Some(span) = diagnostic.span {
                snippet = snippet.annotation(AnnotationKind::Primary.span(span.byte[0]..span.byte[1]));
            }
            let mut group: Group = level
                .primary_title(diagnostic.message.as_str())
                .id(diagnostic.rule)
                .element(snippet);
            group = group.element(Level::NOTE.message(note.as_str()));
            if let Some(help) = &diagnostic.help {
                group = group.element(Level::HELP.message(help.as_str()));
            }
            out.push_str(&renderer.render(&[group]));
            out.push_str("\n\n");
        }
    }
    if let Some(schedule) = &report.schedule {
        for diagnostic in &schedule.diagnostics {
            let level = level(diagnostic.severity);
            let places = posts_list(&diagnostic.posts, report, origins);
            let mut group: Group = level
                .primary_title(diagnostic.message.as_str())
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
            if let Some(help) = &diagnostic.help {
                group = group.element(Level::HELP.message(help.as_str()));
            }
            out.push_str(&renderer.render(&[group]));
            out.push_str("\n\n");
        }
        for note in &schedule.notes {
            out.push_str(&renderer.render(&[Group::with_title(Level::NOTE.secondary_title(note.message.as_str()))]));
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
            Some(id) => id.clone(),
            None => origins[index].to_string(),
        })
        .collect();
    if posts.len() > SHOWN {
        names.push(format!("and {} more", posts.len() - SHOWN));
    }
    names.join(", ")
}
