//! `shouting`: a post written mostly in capital letters.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::{Finding, Severity};
use crate::lanes;
use crate::rules::options;
use crate::rules::{BuildContext, PostContext, PostRule, RuleInfo, RuleKind};
use crate::span::Span;

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "shouting",
    summary: "mostly capital letters (hashtags, mentions, URLs and short acronyms ignored)",
    default_severity: Severity::Warning,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Post(build),
};

const DOC: &str = r#"# shouting

## What it does
Flags a post whose letters are mostly capitals. Hashtags, mentions and URLs are ignored, and
so are short all-caps words (acronyms such as NASA or CEO) when they are a minority among
lowercase words. Scripts without case (Chinese, Japanese, Arabic, ...) are never shouting.

## Why is this bad?
All caps reads as yelling, is slower to read, and is a classic spam signal; screen readers may
spell capitalised words letter by letter.

## Example
```text
HUGE SALE TODAY ONLY, EVERYTHING MUST GO
```
Use instead:
```text
Huge sale today only: everything must go.
```

## Options
- `max-ratio` (default 0.7): largest share of capital letters allowed.
- `min-letters` (default 12): posts with fewer cased letters are not judged.
- `acronym-length` (default 4): all-caps words up to this length count as acronyms.
"#;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    max_ratio: f64,
    min_letters: usize,
    acronym_length: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_ratio: 0.7,
            min_letters: 12,
            acronym_length: 4,
        }
    }
}

#[derive(Debug)]
struct Shouting(Options);

fn build(options: &Map<String, Value>, _context: &mut BuildContext<'_>) -> Result<Box<dyn PostRule>, String> {
    let options: Options = options::parse(options)?;
    if !(0.0..=1.0).contains(&options.max_ratio) {
        return Err(format!(
            "max-ratio must be between 0 and 1, found {}",
            options.max_ratio
        ));
    }
    Ok(Box::new(Shouting(options)))
}

/// A run of letters outside entities, with its cased-letter counts.
struct Word {
    span: Span,
    upper: usize,
    lower: usize,
}

fn words(post: &PostContext<'_>) -> Vec<Word> {
    let mut words = Vec::new();
    for (offset, piece) in post.prose() {
        let mut current: Option<Word> = None;
        for (at, ch) in piece.char_indices() {
            if ch.is_alphabetic() {
                let word = current.get_or_insert(Word {
                    span: Span::new(offset + at, offset + at),
                    upper: 0,
                    lower: 0,
                });
                word.span.end = offset + at + ch.len_utf8();
                word.upper += usize::from(ch.is_uppercase());
                word.lower += usize::from(ch.is_lowercase());
            } else if let Some(word) = current.take() {
                words.push(word);
            }
        }
        words.extend(current);
    }
    words
}

/// Capital and small letters of `text`, as `words` counts them. ASCII letters are counted
/// sixteen bytes at a time ([`lanes::count_lanes`]); the non-ASCII chars are found from their
/// lead bytes in the same blocks and looked up one by one.
fn letter_counts(text: &str) -> (usize, usize) {
    let (mut upper, mut lower) = (0, 0);
    // Zero padding is no letter and no lead byte.
    let [ascii_upper, ascii_lower] = lanes::count_lanes(text.as_bytes(), 0, |at, block| {
        let bytes = lanes::load(block);
        // The first byte of each non-ASCII char (continuation bytes are 0x80 to 0xBF).
        let mut leads = lanes::high_bits(lanes::in_range(bytes, 0xC0, 0xFF));
        while leads != 0 {
            let ch = text[at + leads.trailing_zeros() as usize..]
                .chars()
                .next()
                .expect("a char starts here");
            // Capital and small letters are all alphabetic (checked over every char in a test).
            if !is_uncased_block(ch) {
                upper += usize::from(ch.is_uppercase());
                lower += usize::from(ch.is_lowercase());
            }
            leads &= leads - 1;
        }
        [lanes::in_range(bytes, b'A', b'Z'), lanes::in_range(bytes, b'a', b'z')]
    });
    (upper + ascii_upper, lower + ascii_lower)
}

/// Whether `ch` is in a common block without capital or small letters, answered without the
/// Unicode tables: general punctuation, kana, CJK ideographs, Hangul syllables, specials (U+FFFD,
/// the replacement char of badly decoded text), pictographs and emoji.
fn is_uncased_block(ch: char) -> bool {
    matches!(
        u32::from(ch),
        0x2000..=0x206F | 0x3040..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xFFF0..=0xFFFF | 0x1F300..=0x1FAFF
    )
}

impl PostRule for Shouting {
    fn check(&self, post: &PostContext<'_>, findings: &mut Vec<Finding>) {
        let options = &self.0;
        // Leaving acronyms out can only lower the share of capitals, so the share over all the
        // prose (the text minus its entities, which never overlap) is an upper bound.
        let (mut upper, mut lower) = letter_counts(post.text);
        // The entities hold at most as many letters as bytes: when the capitals are few enough
        // even against every letter outside them, the post is not shouting, and their letters
        // need no counting (most posts).
        let entity_bytes: usize = post.entity_spans().map(|span| span.len()).sum();
        if (upper as f64) <= options.max_ratio * (upper + lower).saturating_sub(entity_bytes) as f64 {
            return;
        }
        for span in post.entity_spans() {
            let (entity_upper, entity_lower) = letter_counts(span.slice(post.text));
            upper -= entity_upper;
            lower -= entity_lower;
        }
        let letters = upper + lower;
        if letters < options.min_letters || (upper as f64) <= options.max_ratio * letters as f64 {
            return;
        }
        let words = words(post);
        let cased: Vec<&Word> = words.iter().filter(|word| word.upper + word.lower > 0).collect();
        let is_acronym = |word: &Word| word.lower == 0 && word.upper <= options.acronym_length;
        // Short all-caps words are acronyms only among lowercase prose: when they are half the
        // words or more, they are the shouting.
        let short_caps = cased.iter().filter(|word| is_acronym(word)).count();
        let acronyms_allowed = cased.iter().any(|word| word.lower > 0) && 2 * short_caps < cased.len();
        let counted: Vec<&Word> = cased
            .into_iter()
            .filter(|word| !(acronyms_allowed && is_acronym(word)))
            .collect();
        let upper: usize = counted.iter().map(|word| word.upper).sum();
        let letters: usize = counted.iter().map(|word| word.upper + word.lower).sum();
        if letters < options.min_letters || (upper as f64) <= options.max_ratio * letters as f64 {
            return;
        }
        let caps: Vec<&&Word> = counted.iter().filter(|word| word.lower == 0).collect();
        let (Some(first), Some(last)) = (caps.first(), caps.last()) else {
            return;
        };
        let percent = (100 * upper + letters / 2) / letters;
        findings.push(
            Finding::new(Severity::Warning, format!("{percent}% of the letters are capitals"))
                .help("write in sentence case; keep capitals for one word of emphasis at most")
                .span(Span::new(first.span.start, last.span.end)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_counts_match_a_count_char_by_char() {
        let reference = |text: &str| {
            let letters = text.chars().filter(|ch| ch.is_alphabetic());
            let (upper, lower): (Vec<char>, Vec<char>) = letters.partition(|ch| ch.is_uppercase());
            (upper.len(), lower.iter().filter(|ch| ch.is_lowercase()).count())
        };
        let pieces = [
            "A", "z", "É", "é", "Ω", "ω", "漢", "ǅ", "🎉", "1", " ", "!", "\u{301}", "ß", "Ⅻ", "’", "ア", "한",
        ];
        let mut random = crate::testing::Xorshift::new(0xC0FF_EE00_1234_5678);
        for length in [0, 1, 7, 300, 600] {
            for _ in 0..200 {
                let text = random.join(&pieces, length);
                assert_eq!(letter_counts(&text), reference(&text), "{text:?}");
            }
        }
        // Past 255 blocks, where the lane counters are folded.
        assert_eq!(letter_counts(&"Ab".repeat(3000)), (3000, 3000));
    }

    #[test]
    fn capital_and_small_letters_are_alphabetic_and_never_both() {
        for ch in (0..=0x10FFFF).filter_map(char::from_u32) {
            if ch.is_uppercase() || ch.is_lowercase() {
                assert!(
                    ch.is_alphabetic() && !(ch.is_uppercase() && ch.is_lowercase()),
                    "{ch:?}"
                );
            }
        }
    }

    #[test]
    fn uncased_blocks_have_no_capital_or_small_letter() {
        for ch in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&ch| is_uncased_block(ch))
        {
            assert!(!ch.is_uppercase() && !ch.is_lowercase(), "{ch:?}");
        }
        assert!(is_uncased_block('漢') && !is_uncased_block('Ω'));
    }
}
