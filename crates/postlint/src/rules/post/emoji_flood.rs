//! `emoji-flood`: a post that is mostly emoji, or a long run of them.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use unicode_segmentation::UnicodeSegmentation;

use crate::config::Brand;
use crate::diagnostic::{Finding, Severity};
use crate::emoji::{alone_from_boundary, emoji_chars_at_least, is_emoji_grapheme};
use crate::rules::options;
use crate::rules::{PostContext, PostRule, RuleInfo, RuleKind};
use crate::span::Span;

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "emoji-flood",
    summary: "more than 5 emoji in a row, or a post that is mostly emoji",
    default_severity: Severity::Warning,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Post(build),
};

const DOC: &str = r#"# emoji-flood

## What it does
Flags a run of more than 5 emoji (spaces between them do not break the run), and a post whose
visible characters (graphemes outside hashtags, mentions and links) are more than half emoji
when it has at least 6 of them. Emoji are counted as displayed: a family, a flag or a
skin-toned thumbs-up is one emoji.

## Why is this bad?
Screen readers read every emoji by name ("fire, fire, fire, fire..."), long runs push the
message out of the preview, and emoji walls are a common spam pattern.

## Example
```text
🔥🔥🔥🔥🔥🔥🔥 New drop 🔥🔥🔥🔥🔥🔥🔥
```
Use instead:
```text
🔥 New drop: the winter collection is here.
```

## Options
- `max-run` (default 5): the longest run of emoji allowed.
- `max-share` (default 0.5): the largest share of emoji among visible characters.
- `min-emoji` (default 6): posts with fewer emoji are not judged by share.
"#;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    max_run: usize,
    max_share: f64,
    min_emoji: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_run: 5,
            max_share: 0.5,
            min_emoji: 6,
        }
    }
}

#[derive(Debug)]
struct EmojiFlood(Options);

fn build(options: &Map<String, Value>, _brand: &Brand) -> Result<Box<dyn PostRule>, String> {
    let options: Options = options::parse(options)?;
    if !(0.0..=1.0).contains(&options.max_share) {
        return Err(format!(
            "max-share must be between 0 and 1, found {}",
            options.max_share
        ));
    }
    Ok(Box::new(EmojiFlood(options)))
}

/// The extended grapheme clusters of `text` with their offsets, as `grapheme_indices(true)`
/// finds them. An ASCII char other than CR followed by ASCII (or the end) is a cluster of its
/// own and needs no segmentation: it starts one (the scan is at a boundary) and nothing ASCII
/// extends it; so is a char that [`alone_from_boundary`] finds alone. The other clusters are
/// segmented from their start, a boundary, which decides the next one as the text's start
/// would.
fn graphemes(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let first = *bytes.get(at)?;
        let end = if first.is_ascii() && first != b'\r' && bytes.get(at + 1).is_none_or(u8::is_ascii) {
            at + 1
        } else {
            let rest = &text[at..];
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(ch), next) if alone_from_boundary(ch, next) => at + ch.len_utf8(),
                _ => at + rest.graphemes(true).next().map_or(rest.len(), str::len),
            }
        };
        let start = std::mem::replace(&mut at, end);
        Some((start, &text[start..end]))
    })
}

impl PostRule for EmojiFlood {
    fn check(&self, post: &PostContext<'_>, findings: &mut Vec<Finding>) {
        let options = &self.0;
        // Either finding needs more emoji than either threshold allows; most posts have fewer
        // emoji chars than that and skip grapheme segmentation.
        if !emoji_chars_at_least(post.text, options.max_run.saturating_add(1).min(options.min_emoji)) {
            return;
        }
        let (mut visible, mut emoji) = (0usize, 0usize);
        let (mut first, mut last) = (None, 0);
        let mut run: Option<(Span, usize)> = None;
        let mut longest: Option<(Span, usize)> = None;
        for (offset, piece) in post.prose() {
            for (at, grapheme) in graphemes(piece) {
                let span = Span::new(offset + at, offset + at + grapheme.len());
                if grapheme.chars().all(char::is_whitespace) {
                    continue;
                }
                visible += 1;
                if is_emoji_grapheme(grapheme) {
                    emoji += 1;
                    first.get_or_insert(span.start);
                    last = span.end;
                    let current = run.get_or_insert((span, 0));
                    current.0.end = span.end;
                    current.1 += 1;
                    if longest.is_none_or(|(_, length)| current.1 > length) {
                        longest = Some(*current);
                    }
                } else {
                    run = None;
                }
            }
            // An entity between emoji ends the run.
            run = None;
        }
        if let Some((span, length)) = longest.filter(|(_, length)| *length > options.max_run) {
            findings.push(
                Finding::new(Severity::Warning, format!("{length} emoji in a row"))
                    .help("one or two emoji make the point; screen readers read every one aloud")
                    .span(span),
            );
        } else if emoji >= options.min_emoji && emoji as f64 > options.max_share * visible as f64 {
            let span = Span::new(first.unwrap_or_default(), last);
            findings.push(
                Finding::new(Severity::Warning, format!("{emoji} of {visible} characters are emoji"))
                    .help("say it in words; keep an emoji or two for tone")
                    .span(span),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graphemes_skip_segmenting_ascii_and_find_what_segmentation_finds() {
        let pieces = [
            "a",
            " ",
            "\r",
            "\n",
            "\r\n",
            "\u{301}",
            "\u{600}",
            "\u{903}",
            "\u{200D}",
            "😀",
            "👍🏽",
            "❤️",
            "🇫",
            "🇷",
            "\u{1100}",
            "\u{1161}",
            "\u{11A8}",
            "한",
            "1\u{FE0F}\u{20E3}",
            "é",
            "\t",
            "中",
            "\u{2019}",
            "\u{1F3FD}",
        ];
        let mut random = crate::testing::Xorshift::new(0x6EA9_0000_0000_0005);
        for _ in 0..20_000 {
            let text = random.text(&pieces, 14);
            let expected: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
            assert_eq!(graphemes(&text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }
}
