//! `link-only`: a link (with maybe some hashtags) and no words of the post's own.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::{Finding, Severity};
use crate::emoji::{is_emoji_grapheme, may_contain_emoji};
use crate::fold::is_word_char;
use crate::rules::options;
use crate::rules::{BuildContext, PostContext, PostRule, RuleInfo, RuleKind};
use unicode_segmentation::UnicodeSegmentation;

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "link-only",
    summary: "a link with no commentary (only hashtags, mentions or punctuation around it)",
    default_severity: Severity::Warning,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Post(build),
};

const DOC: &str = r#"# link-only

## What it does
Flags a post made of a link and nothing of its own: no words and no emoji outside the links,
hashtags and mentions.

## Why is this bad?
A bare link gives nobody a reason to click; networks show it as a preview card with no
context, and bare-link feeds are what RSS autopilots and spam bots produce.

## Example
```text
https://example.com/blog/post #marketing #growth
```
Use instead:
```text
Why our onboarding emails got twice the replies: https://example.com/blog/post #marketing
```

## Options
- `min-words` (default 1): words of commentary needed (an emoji counts as a word).
"#;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    min_words: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self { min_words: 1 }
    }
}

#[derive(Debug)]
struct LinkOnly(Options);

fn build(options: &Map<String, Value>, _context: &mut BuildContext<'_>) -> Result<Box<dyn PostRule>, String> {
    Ok(Box::new(LinkOnly(options::parse(options)?)))
}

/// The words of `piece` that the rule counts: UAX #29 words with a letter, digit or mark.
fn words(piece: &str) -> impl Iterator<Item = &str> {
    piece.unicode_words().filter(|word| word.chars().any(is_word_char))
}

/// A lower bound on the words of the prose pieces, counted up to `at_most` with no word
/// segmentation: the whitespace-separated tokens that hold an ASCII letter or digit. Each holds
/// a word, and whitespace always ends one.
fn surely_words<'a>(prose: impl Iterator<Item = (usize, &'a str)>, at_most: usize) -> usize {
    prose
        .flat_map(|(_, piece)| piece.split_whitespace())
        .filter(|token| token.bytes().any(|b| b.is_ascii_alphanumeric()))
        .take(at_most)
        .count()
}

impl PostRule for LinkOnly {
    fn check(&self, post: &PostContext<'_>, findings: &mut Vec<Finding>) {
        let Some(url) = post.entities.urls.first() else { return };
        let prose = post.prose();
        if surely_words(prose.clone(), self.0.min_words) >= self.0.min_words {
            return;
        }
        // Counting stops at the minimum: long posts are not split into every word.
        let mut words = prose
            .clone()
            .flat_map(|(_, piece)| words(piece))
            .take(self.0.min_words)
            .count();
        if words < self.0.min_words && may_contain_emoji(post.text) {
            words += prose
                .map(|(_, piece)| {
                    piece
                        .graphemes(true)
                        .filter(|grapheme| is_emoji_grapheme(grapheme))
                        .count()
                })
                .sum::<usize>();
        }
        if words >= self.0.min_words {
            return;
        }
        findings.push(
            Finding::new(Severity::Warning, "a link with no commentary")
                .help("say in a sentence why the link is worth a click")
                .span(url.span),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_count_never_exceeds_the_words() {
        let pieces = [
            "a", "1", " ", "'", ".", ",", "_", "\u{A0}", "\u{3000}", "\t", "\n", "é", "日", "😀", "-", "\u{200B}",
            "\u{301}",
        ];
        let mut random = crate::testing::Xorshift::new(0x11A1_0000_0000_0013);
        for _ in 0..20_000 {
            let piece = random.text(&pieces, 12);
            let prose = [(0, piece.as_str())];
            let counted = words(&piece).count();
            assert!(surely_words(prose.into_iter(), usize::MAX) <= counted, "{piece:?}");
            assert_eq!(
                surely_words(prose.into_iter(), 1) == 1,
                piece.bytes().any(|b| b.is_ascii_alphanumeric())
            );
        }
    }
}
