//! `mention-stuffing`: many accounts tagged in a post that is not a reply or a #FollowFriday.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::{Finding, Severity};
use crate::rules::options;
use crate::rules::post::crowded_followfriday::is_follow_friday;
use crate::rules::{BuildContext, PostContext, PostRule, RuleInfo, RuleKind};
use crate::span::Span;
use crate::text;

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "mention-stuffing",
    summary: "more than 3 accounts mentioned in a post that is not a reply or a #FollowFriday",
    default_severity: Severity::Warning,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Post(build),
};

const DOC: &str = r#"# mention-stuffing

## What it does
Flags a post that mentions more than 3 different accounts, unless it is a reply (it starts
with a mention) or a #FollowFriday (which `crowded-followfriday` judges).

## Why is this bad?
Tagging accounts that the post is not about is a classic way to buy attention: each one gets
a notification, most ignore or mute it, and platforms treat unsolicited mass mentions as spam
(X's automation rules forbid them).

## Example
```text
Our new course is live! @alice @bob @carol @dave @erin check it out
```
Use instead:
```text
Our new course is live, with a chapter on testing by @alice.
```

## Options
- `max` (default 3): most mentions allowed.
"#;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    max: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self { max: 3 }
    }
}

#[derive(Debug)]
struct MentionStuffing(Options);

fn build(options: &Map<String, Value>, _context: &mut BuildContext<'_>) -> Result<Box<dyn PostRule>, String> {
    Ok(Box::new(MentionStuffing(options::parse(options)?)))
}

impl PostRule for MentionStuffing {
    fn check(&self, post: &PostContext<'_>, findings: &mut Vec<Finding>) {
        let text = post.text;
        let mentions = &post.entities.mentions;
        if mentions.len() <= self.0.max
            || text::reply_screen_name(text).is_some()
            || post.entities.hashtags.iter().any(|tag| is_follow_friday(text, tag))
        {
            return;
        }
        let mut distinct: HashSet<String> = HashSet::with_capacity(mentions.len());
        let mut first_extra = None;
        for mention in mentions {
            if distinct.insert(mention.screen_name.slice(text).to_lowercase()) && distinct.len() == self.0.max + 1 {
                first_extra = Some(mention.span.start);
            }
        }
        let Some(start) = first_extra else { return };
        let end = mentions[mentions.len() - 1].span.end;
        findings.push(
            Finding::new(
                Severity::Warning,
                format!(
                    "{} accounts mentioned; more than {} reads as mention spam",
                    distinct.len(),
                    self.0.max
                ),
            )
            .help("mention only the accounts the post is about")
            .span(Span::new(start, end)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::linter::Linter;
    use crate::model::Post;

    #[test]
    fn counts_distinct_accounts_among_many_mentions() {
        let handles: Vec<String> = (0..40_000).map(|n| format!("@user{}", n % 20_000)).collect();
        let text = format!("Thanks {}", handles.join(" ").to_uppercase());
        let report = Linter::default().lint_post(&Post::new(text.as_str()));
        let diagnostic = report
            .diagnostics
            .iter()
            .find(|d| d.rule == "mention-stuffing")
            .expect("fires");
        assert_eq!(
            diagnostic.message,
            "20000 accounts mentioned; more than 3 reads as mention spam"
        );
        let [start, end] = diagnostic.span.unwrap().byte;
        assert!(text[start..end].starts_with("@USER3 @USER4"));
        assert_eq!(end, text.len());
    }
}
