//! `hashtag-camelcase` (info): lowercase multi-word hashtags that screen readers cannot split.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::fasthash::FastSet;
use crate::rules::options;
use crate::rules::{BuildContext, PostContext, PostRule, RuleInfo, RuleKind};

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "hashtag-camelcase",
    summary: "lowercase multi-word hashtags (#nowplaying): write them in CamelCase (#NowPlaying)",
    default_severity: Severity::Info,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Post(build),
};

const DOC: &str = r#"# hashtag-camelcase

## What it does
Flags an all-lowercase English hashtag of 8 or more letters that splits into common words
(`#mondaymotivation`, `#nowplaying`) and proposes the CamelCase form (`#MondayMotivation`).
Tags that are one word (`#photography`) or not English are left alone.

## Why is this bad?
Screen readers read `#mondaymotivation` as one long garbled word, and sighted readers
stumble too; `#MondayMotivation` is read as words. Hashtags match case-insensitively, so
capitals cost nothing.

## Example
```text
On repeat all week #nowplaying
```
Use instead:
```text
On repeat all week #NowPlaying
```

## Options
- `min-length` (default 8): shorter tags are not judged.
- `words`: extra words to split on (e.g. product names). Default `[]`.

A tag used several times is reported once, at its first use; the fix (safe) rewrites every
use in CamelCase. The word list is the 10,000 most frequent English words (from the
wordsegment project, Apache-2.0).
"#;

/// The 10,000 most frequent English words, one per line (see scripts/gen_words.py).
const COMMON_WORDS: &str = include_str!("common_words.txt");

/// Two-letter words that may be a piece of a tag (other pieces need 3+ letters).
const SHORT_WORDS: &[&str] = &[
    "a", "i", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no", "of", "on",
    "or", "so", "to", "up", "us", "we",
];

/// The longest word tried while splitting.
const MAX_WORD: usize = 24;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    min_length: usize,
    words: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            min_length: 8,
            words: Vec::new(),
        }
    }
}

#[derive(Debug)]
struct HashtagCamelCase {
    min_length: usize,
    /// The built-in words, borrowed from [`COMMON_WORDS`], and the user's, lowercased.
    words: FastSet<Cow<'static, str>>,
}

fn build(options: &Map<String, Value>, _context: &mut BuildContext<'_>) -> Result<Box<dyn PostRule>, String> {
    let options: Options = options::parse(options)?;
    let mut words: FastSet<Cow<'static, str>> = COMMON_WORDS
        .lines()
        .filter(|word| !word.starts_with('#'))
        .filter(|word| word.len() >= 3 || SHORT_WORDS.contains(word))
        .map(Cow::Borrowed)
        .collect();
    words.extend(options.words.iter().map(|word| Cow::Owned(word.to_lowercase())));
    Ok(Box::new(HashtagCamelCase {
        min_length: options.min_length,
        words,
    }))
}

impl HashtagCamelCase {
    /// Splits `tag` into the fewest known words, if it is not one word itself.
    fn split<'t>(&self, tag: &'t str) -> Option<Vec<&'t str>> {
        if self.words.contains(tag) {
            return None;
        }
        // fewest[i]: the fewest words covering tag[..i], with the start of the last word.
        let mut fewest: Vec<Option<(usize, usize)>> = vec![None; tag.len() + 1];
        fewest[0] = Some((0, 0));
        for end in 1..=tag.len() {
            for start in end.saturating_sub(MAX_WORD)..end {
                let Some((count, _)) = fewest[start] else { continue };
                if self.words.contains(&tag[start..end]) && fewest[end].is_none_or(|(best, _)| count + 1 < best) {
                    fewest[end] = Some((count + 1, start));
                }
            }
        }
        let mut pieces = Vec::new();
        let mut end = tag.len();
        while end > 0 {
            let (_, start) = fewest[end]?;
            pieces.push(&tag[start..end]);
            end = start;
        }
        pieces.reverse();
        (pieces.len() >= 2).then_some(pieces)
    }
}

impl PostRule for HashtagCamelCase {
    fn check(&self, post: &PostContext<'_>, findings: &mut Vec<Finding>) {
        // One finding per distinct tag, at its first occurrence, whose fix rewrites every
        // occurrence. Each distinct tag is split once: a post that repeats a tag many times costs
        // no more than the tag once.
        let mut by_tag: HashMap<&str, Option<(usize, String)>> = HashMap::new();
        for hashtag in &post.entities.hashtags {
            let tag = hashtag.tag.slice(post.text);
            if tag.len() < self.min_length || !tag.bytes().all(|b| b.is_ascii_lowercase()) {
                continue;
            }
            let judged = by_tag.entry(tag).or_insert_with(|| {
                let camel: String = self
                    .split(tag)?
                    .iter()
                    .map(|piece| piece[..1].to_ascii_uppercase() + &piece[1..])
                    .collect();
                let sigil = &post.text[hashtag.span.start..hashtag.tag.start];
                findings.push(
                    Finding::new(
                        Severity::Info,
                        format!("{sigil}{tag} is hard to read; write {sigil}{camel}"),
                    )
                    .help("capitalise each word of a hashtag so screen readers can read it")
                    .span(hashtag.span)
                    .fix(Fix {
                        edits: Vec::new(),
                        safe: true,
                    }),
                );
                Some((findings.len() - 1, camel))
            });
            if let Some((index, camel)) = judged {
                let fix = findings[*index].fix.as_mut().expect("camelcase findings have a fix");
                fix.edits.push(Edit {
                    span: hashtag.tag,
                    replace: camel.clone(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::linter::Linter;
    use crate::model::Post;

    #[test]
    fn a_repeated_tag_is_reported_once_and_fixed_everywhere() {
        let text = "#nowplaying loud, #mondaymotivation, ＃nowplaying again #nowplaying";
        let report = Linter::default().lint_post(&Post::new(text));
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == "hashtag-camelcase")
            .collect();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].message, "#nowplaying is hard to read; write #NowPlaying");
        assert_eq!(found[0].span.unwrap().byte, [0, 11]);
        let fix = found[0].fix.as_ref().unwrap();
        assert_eq!(fix.edits.len(), 3);
        assert_eq!(
            fix.apply(text),
            "#NowPlaying loud, #mondaymotivation, ＃NowPlaying again #NowPlaying"
        );
    }

    #[test]
    fn many_repeats_make_one_finding() {
        let text = "#nowplaying ".repeat(50_000);
        let report = Linter::default().lint_post(&Post::new(text.as_str()));
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == "hashtag-camelcase")
            .collect();
        assert_eq!(found.len(), 1);
        let fixed = found[0].fix.as_ref().unwrap().apply(&text);
        assert_eq!(fixed, "#NowPlaying ".repeat(50_000));
    }
}
