//! A scheduler plugin's gate: lint the queue before it goes out and hold back every post with
//! an error, its own or one of the schedule's (a duplicate, a blast, ...).
//!
//! `cargo run -p postlint --example gate_queue`

use std::collections::BTreeMap;

use postlint::{Config, Linter, Post, Severity};
use serde_json::json;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The queue as the scheduler holds it (here inline; a plugin reads its own store).
    let queue = [
        json!({"id": "a", "account": "acme", "network": "x", "at": "2026-11-23T09:00:00-05:00",
               "text": "We shipped dark mode today. What should we build next?"}),
        json!({"id": "b", "account": "acme", "network": "x", "at": "2026-11-23T11:00:00-05:00",
               "text": "Big sale! #deals #sale #discount #cloud #devops #saas"}),
        json!({"id": "c", "account": "acme", "network": "x", "at": "2026-11-23T15:00:00-05:00",
               "text": "We shipped dark mode today! What should we build next??"}),
        json!({"id": "d", "account": "acme", "network": "linkedin", "at": "2026-11-24T10:00:00-05:00",
               "text": "Three lessons from a year of on-call rotations, and what we changed."}),
    ];
    let posts: Vec<Post> = queue.into_iter().map(Post::from_json_value).collect::<Result<_, _>>()?;
    let config = Config::from_toml("[brand]\ndomains = [\"acme.com\"]")?;
    let report = Linter::new(&config)?.lint_schedule(&posts);

    // Why each post is held: its own errors, then schedule errors that name it.
    let mut held: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for post in &report.posts {
        for diagnostic in post.diagnostics.iter().filter(|d| d.severity == Severity::Error) {
            held.entry(post.index)
                .or_default()
                .push(format!("{}: {}", diagnostic.rule, diagnostic.message));
        }
    }
    if let Some(schedule) = &report.schedule {
        for diagnostic in schedule.diagnostics.iter().filter(|d| d.severity == Severity::Error) {
            // Keep the first post of a duplicate group; hold the later copies.
            for &index in diagnostic
                .posts
                .iter()
                .skip(usize::from(diagnostic.rule.contains("duplicate")))
            {
                held.entry(index)
                    .or_default()
                    .push(format!("{}: {}", diagnostic.rule, diagnostic.message));
            }
        }
    }
    for (index, post) in posts.iter().enumerate() {
        let id = post.id.as_deref().unwrap_or("?");
        match held.get(&index) {
            None => println!("release {id}"),
            Some(reasons) => println!("hold    {id}: {}", reasons.join("; ")),
        }
    }
    Ok(())
}
