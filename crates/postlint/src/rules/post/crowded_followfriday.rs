//! `crowded-followfriday`: a #FollowFriday that lists many accounts and says nothing about them.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use unicode_segmentation::UnicodeSegmentation;

use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::fold::Folded;
use crate::rules::options;
use crate::rules::{BuildContext, PostContext, PostRule, RuleInfo, RuleKind};
use crate::span::Span;
use crate::text::Hashtag;

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "crowded-followfriday",
    summary: "#FF / #FollowFriday listing many accounts with little or no reason",
    default_severity: Severity::Error,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Post(build),
};

const DOC: &str = r#"# crowded-followfriday

## What it does
Flags a #FF or #FollowFriday post (any case, full-width ＃ＦＦ too) that mentions 3 or more
accounts with fewer than 4 words of its own (warning), or 5 or more accounts (error).

## Why is this bad?
A #FollowFriday is a recommendation; a list of a dozen handles with no reason is a chain
letter. Nobody follows an account because it was the ninth handle in a row, every mentioned
account gets a notification it ignores, and X's automation rules treat mass-mention posts as
spam.

## Example
```text
#FF @alice @bob @carol @dave @erin @frank
```
Use instead, one post per account:
```text
#FF @alice: her threads on Postgres internals taught me more than any book.
```

## Options
- `warn-mentions` (default 3): warn from this many mentions when the reason is short.
- `error-mentions` (default 5): error from this many mentions.
- `min-reason-words` (default 4): words of text (outside tags, mentions and links) that
  count as a reason.

The fix (unsafe) proposes the split: one post per account with a placeholder for the reason,
separated by blank lines.
"#;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    warn_mentions: usize,
    error_mentions: usize,
    min_reason_words: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            warn_mentions: 3,
            error_mentions: 5,
            min_reason_words: 4,
        }
    }
}

#[derive(Debug)]
struct CrowdedFollowFriday(Options);

fn build(options: &Map<String, Value>, _context: &mut BuildContext<'_>) -> Result<Box<dyn PostRule>, String> {
    Ok(Box::new(CrowdedFollowFriday(options::parse(options)?)))
}

/// Whether a hashtag is #FF or #FollowFriday in any case or width.
pub fn is_follow_friday(text: &str, tag: &Hashtag) -> bool {
    let tag = tag.tag.slice(text);
    if tag.is_ascii() {
        // Folding ASCII (no whitespace in a hashtag) only lowercases it.
        return tag.eq_ignore_ascii_case("ff") || tag.eq_ignore_ascii_case("followfriday");
    }
    let folded = Folded::new(tag).text;
    folded == "ff" || folded == "followfriday"
}

/// Counts the words of the post outside entities (UAX #29 words; each CJK ideograph is one).
pub fn prose_words(post: &PostContext<'_>) -> usize {
    post.prose().map(|(_, piece)| piece.unicode_words().count()).sum()
}

impl PostRule for CrowdedFollowFriday {
    fn check(&self, post: &PostContext<'_>, findings: &mut Vec<Finding>) {
        let text = post.text;
        let Some(tag) = post.entities.hashtags.iter().find(|tag| is_follow_friday(text, tag)) else {
            return;
        };
        let mentions = &post.entities.mentions;
        let mut handles: Vec<&str> = mentions.iter().map(|mention| mention.span.slice(text)).collect();
        handles.sort_unstable_by_key(|handle| handle.to_lowercase());
        handles.dedup_by_key(|handle| handle.to_lowercase());
        let count = handles.len();
        let words = prose_words(post);
        let options = &self.0;
        let severity = if count >= options.error_mentions {
            Severity::Error
        } else if count >= options.warn_mentions && words < options.min_reason_words {
            Severity::Warning
        } else {
            return;
        };
        let reason = match words {
            0 => "no reason".to_string(),
            1 => "1 word of reason".to_string(),
            words => format!("{words} words of reason"),
        };
        let message = format!("{} with {count} mentions and {reason}", tag.span.slice(text));
        // One post per account, in the order they were mentioned.
        let mut seen: HashSet<String> = HashSet::with_capacity(count);
        let split: Vec<String> = mentions
            .iter()
            .map(|mention| mention.span.slice(text))
            .filter(|handle| seen.insert(handle.to_lowercase()))
            .map(|handle| format!("{} {handle}: <why you recommend them>", tag.span.slice(text)))
            .collect();
        let span = Span::new(mentions[0].span.start, mentions[mentions.len() - 1].span.end);
        let fix = Fix {
            edits: vec![Edit {
                span: Span::new(0, text.len()),
                replace: split.join("\n\n"),
            }],
            safe: false,
        };
        findings.push(
            Finding::new(severity, message)
                .help("recommend one account per post, and say why people should follow it")
                .span(span)
                .fix(fix),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::linter::Linter;
    use crate::model::Post;
    use crate::network::Network;

    #[test]
    fn follow_friday_tags_in_any_case_or_width() {
        for (text, expected) in [
            ("#FF", true),
            ("#ff", true),
            ("#FollowFriday", true),
            ("#FOLLOWFRIDAY", true),
            ("#ＦＦ", true),
            ("#ＦｏｌｌｏｗFriday", true),
            ("#ffs", false),
            ("#F", false),
            ("#FollowFridays", false),
            ("#ＦＦＦ", false),
        ] {
            let entities = crate::text::extract(text);
            assert_eq!(super::is_follow_friday(text, &entities.hashtags[0]), expected, "{text}");
        }
    }

    #[test]
    fn the_fix_splits_many_mentions_once_per_account() {
        // 30k mentions of 10k accounts (each in three spellings): 10k recommendation posts.
        let handles: Vec<String> = (0..30_000)
            .map(|n| match n / 10_000 {
                0 => format!("@user{n}"),
                1 => format!("@USER{}", n % 10_000),
                _ => format!("@User{}", n % 10_000),
            })
            .collect();
        let text = format!("#FF {}", handles.join(" "));
        let report = Linter::default().lint_post(&Post::new(text.as_str()).with_network(Network::X));
        let diagnostic = report
            .diagnostics
            .iter()
            .find(|d| d.rule == "crowded-followfriday")
            .expect("fires");
        assert_eq!(diagnostic.message, "#FF with 10000 mentions and no reason");
        let fixed = diagnostic.fix.as_ref().unwrap().apply(&text);
        assert_eq!(fixed.matches("#FF @").count(), 10_000);
        assert!(fixed.starts_with("#FF @user0: <why you recommend them>\n\n#FF @user1:"));
    }
}
