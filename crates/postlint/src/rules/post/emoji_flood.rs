//! `emoji-flood`: a post that is mostly emoji, or a long run of them.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use unicode_segmentation::UnicodeSegmentation;

use crate::diagnostic::{Finding, Severity};
use crate::emoji::{alone_from_boundary, emoji_chars_at_least, is_emoji_grapheme};
use crate::rules::options;
use crate::rules::{BuildContext, PostContext, PostRule, RuleInfo, RuleKind};
use crate::span::Span;
use crate::unicode::ascii_prefix_len;

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

fn build(options: &Map<String, Value>, _context: &mut BuildContext<'_>) -> Result<Box<dyn PostRule>, String> {
    let options: Options = options::parse(options)?;
    if !(0.0..=1.0).contains(&options.max_share) {
        return Err(format!(
            "max-share must be between 0 and 1, found {}",
            options.max_share
        ));
    }
    Ok(Box::new(EmojiFlood(options)))
}

/// The end of the extended grapheme cluster of `text` that starts at `at` (a cluster boundary),
/// as `graphemes(true)` finds it. An ASCII char other than CR followed by ASCII (or the end) is a
/// cluster of its own and needs no segmentation: nothing ASCII extends it; so is a char that
/// [`alone_from_boundary`] finds alone. The other clusters are segmented from their start, a
/// boundary, which decides the cluster as the text's start would.
fn grapheme_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let first = bytes[at];
    if first.is_ascii() && first != b'\r' && bytes.get(at + 1).is_none_or(u8::is_ascii) {
        return at + 1;
    }
    let rest = &text[at..];
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(ch), next) if alone_from_boundary(ch, next) => at + ch.len_utf8(),
        _ => at + rest.graphemes(true).next().map_or(rest.len(), str::len),
    }
}

/// What the rule counts in a post's prose.
#[derive(Debug, Default, PartialEq, Eq)]
struct Tally {
    /// Clusters that are not whitespace.
    visible: usize,
    /// Emoji clusters.
    emoji: usize,
    /// From the start of the first emoji to the end of the last.
    emoji_span: Option<Span>,
    /// The longest run of emoji (whitespace between them allowed; not across an entity), and
    /// its length.
    longest_run: Option<(Span, usize)>,
}

impl Tally {
    /// Counts the cluster `grapheme` at `span`, which may extend `run`, the run of emoji before
    /// it (its span and length).
    fn add(&mut self, grapheme: &str, span: Span, run: &mut Option<(Span, usize)>) {
        if grapheme.chars().all(char::is_whitespace) {
            return;
        }
        self.visible += 1;
        if !is_emoji_grapheme(grapheme) {
            *run = None;
            return;
        }
        self.emoji += 1;
        self.emoji_span.get_or_insert(span).end = span.end;
        let current = run.get_or_insert((span, 0));
        current.0.end = span.end;
        current.1 += 1;
        if self.longest_run.is_none_or(|(_, length)| current.1 > length) {
            self.longest_run = Some(*current);
        }
    }
}

/// Counts the clusters of the prose pieces (`(offset, piece)` in text order). The ASCII chars
/// that are clusters of their own ([`grapheme_end`]) are never emoji: a run of them is counted
/// at once, where most of a post's text goes cluster by cluster otherwise.
fn tally<'a>(prose: impl Iterator<Item = (usize, &'a str)>) -> Tally {
    let mut tally = Tally::default();
    let mut run: Option<(Span, usize)> = None;
    for (offset, piece) in prose {
        let bytes = piece.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // The last ASCII char before a non-ASCII one may start a cluster with it.
            let ascii = ascii_prefix_len(&bytes[at..]);
            let alone = if at + ascii < bytes.len() {
                ascii.saturating_sub(1)
            } else {
                ascii
            };
            if alone > 0 {
                let shown = bytes[at..at + alone]
                    .iter()
                    .filter(|&&byte| !char::from(byte).is_whitespace())
                    .count();
                tally.visible += shown;
                if shown > 0 {
                    run = None;
                }
                at += alone;
                continue;
            }
            let end = grapheme_end(piece, at);
            tally.add(&piece[at..end], Span::new(offset + at, offset + end), &mut run);
            at = end;
        }
        // An entity between emoji ends the run.
        run = None;
    }
    tally
}

impl PostRule for EmojiFlood {
    fn check(&self, post: &PostContext<'_>, findings: &mut Vec<Finding>) {
        let options = &self.0;
        // Either finding needs an emoji, which ASCII text has none of, and more emoji than either
        // threshold allows; most posts have fewer emoji chars than that and skip grapheme
        // segmentation.
        if post.entities.ascii
            || !emoji_chars_at_least(post.text, options.max_run.saturating_add(1).min(options.min_emoji))
        {
            return;
        }
        let Tally {
            visible,
            emoji,
            emoji_span,
            longest_run,
        } = tally(post.prose());
        if let Some((span, length)) = longest_run.filter(|(_, length)| *length > options.max_run) {
            findings.push(
                Finding::new(Severity::Warning, format!("{length} emoji in a row"))
                    .help("one or two emoji make the point; screen readers read every one aloud")
                    .span(span),
            );
        } else if emoji >= options.min_emoji && emoji as f64 > options.max_share * visible as f64 {
            findings.push(
                Finding::new(Severity::Warning, format!("{emoji} of {visible} characters are emoji"))
                    .help("say it in words; keep an emoji or two for tone")
                    .span(emoji_span.unwrap_or_default()),
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
            let mut found = Vec::new();
            let mut at = 0;
            while at < text.len() {
                let end = grapheme_end(&text, at);
                found.push((at, &text[at..end]));
                at = end;
            }
            assert_eq!(found, expected, "{text:?}");
        }
    }

    /// [`tally`] the plain way: every cluster of full segmentation, one by one.
    fn reference_tally<'a>(prose: impl Iterator<Item = (usize, &'a str)>) -> Tally {
        let mut tally = Tally::default();
        for (offset, piece) in prose {
            let mut run = None;
            for (at, grapheme) in piece.grapheme_indices(true) {
                tally.add(grapheme, Span::new(offset + at, offset + at + grapheme.len()), &mut run);
            }
        }
        tally
    }

    #[test]
    fn tally_counts_what_full_segmentation_counts() {
        let pieces = [
            "a",
            "b ",
            " ",
            "\t",
            "\u{b}",
            "\r\n",
            "\r",
            "e\u{301}",
            "\u{600}",
            "1\u{FE0F}\u{20E3}",
            "😀",
            "👍🏽",
            "❤\u{FE0F}",
            "🇫🇷",
            "\u{200D}",
            "中",
            "!",
            "\u{A0}",
            "abc",
            "#",
        ];
        let mut random = crate::testing::Xorshift::new(0x7A11_0000_0000_0009);
        for _ in 0..20_000 {
            let text = random.text(&pieces, 20);
            // Up to three prose pieces, cut at char boundaries.
            let mut ends: Vec<usize> = (0..2)
                .map(|_| random.below(text.len() + 1))
                .filter(|&cut| text.is_char_boundary(cut))
                .collect();
            let (mut from, mut prose) = (0, Vec::new());
            ends.sort_unstable();
            ends.push(text.len());
            for end in ends {
                if end > from {
                    prose.push((from, &text[from..end]));
                    from = end;
                }
            }
            assert_eq!(
                tally(prose.iter().copied()),
                reference_tally(prose.iter().copied()),
                "{prose:?}"
            );
        }
    }
}
