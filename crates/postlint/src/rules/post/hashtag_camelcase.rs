//! `hashtag-camelcase` (info): lowercase multi-word hashtags that screen readers cannot split.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::config::Brand;
use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::rules::options;
use crate::rules::{PostContext, PostRule, RuleInfo, RuleKind};

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

The fix (safe) rewrites the tag in CamelCase. The word list is the 10,000 most frequent English
words (from the wordsegment project, Apache-2.0).
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
    words: HashSet<String>,
}

fn build(options: &Map<String, Value>, _brand: &Brand) -> Result<Box<dyn PostRule>, String> {
    let options: Options = options::parse(options)?;
    let mut words: HashSet<String> = COMMON_WORDS
        .lines()
        .filter(|word| !word.starts_with('#'))
        .filter(|word| word.len() >= 3 || SHORT_WORDS.contains(word))
        .map(str::to_string)
        .collect();
    words.extend(options.words.iter().map(|word| word.to_lowercase()));
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
        for hashtag in &post.entities.hashtags {
            let tag = hashtag.tag.slice(post.text);
            if tag.len() < self.min_length || !tag.bytes().all(|b| b.is_ascii_lowercase()) {
                continue;
            }
            let Some(pieces) = self.split(tag) else { continue };
            let camel: String = pieces
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
                    edits: vec![Edit {
                        span: hashtag.tag,
                        replace: camel,
                    }],
                    safe: true,
                }),
            );
        }
    }
}
