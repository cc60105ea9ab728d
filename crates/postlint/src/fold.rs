//! Case- and look-alike-folded text with a map back to the original, for dictionary matching.
//!
//! Folding is NFKC (so full-width `ＦＲＥＥ` and ligatures become plain letters) followed by
//! lowercasing, with every run of whitespace turned into one space. Every byte of the folded text remembers the original char it came from, so a
//! match in the folded text maps back to a span of the original.

use unicode_general_category::{GeneralCategory, get_general_category};

use crate::unicode::CharNfkc;

use crate::span::Span;

/// A folded copy of a text.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the original `[start, end)` of the char it came from (`u32`
    /// halves the map's size); `None` when the folded text is the ASCII-lowercased original.
    origins: Option<Vec<[u32; 2]>>,
}

impl Folded {
    /// Folds `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // Tabs, line breaks and the like (a fold, unlike `any`, has no early exit and vectorizes).
        let controls = bytes
            .iter()
            .fold(false, |seen, &b| seen | (b.wrapping_sub(b'\t') <= b'\r' - b'\t'));
        if text.is_ascii() && !controls && memchr::memmem::find(bytes, b"  ").is_none() {
            return Self {
                text: text.to_ascii_lowercase(),
                origins: None,
            };
        }
        // Offsets past 4 GiB would saturate; no post comes near that.
        let offset = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        let mut folded: Vec<u8> = Vec::with_capacity(text.len() + 8);
        let mut origins: Vec<[u32; 2]> = Vec::with_capacity(text.len() + 8);
        let mut chars = CharNfkc::new(text);
        let mut in_space = false;
        let mut at = 0;
        let mut buffer = [0u8; 4];
        let is_ascii_space = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
        while at < bytes.len() {
            let b = bytes[at];
            // A run of ASCII chars other than whitespace: lowercased and mapped at once.
            let run = bytes[at..]
                .iter()
                .take_while(|&&b| b.is_ascii() && !is_ascii_space(b))
                .count();
            if run > 0 {
                folded.extend(bytes[at..at + run].iter().map(u8::to_ascii_lowercase));
                origins.extend((at..at + run).map(|i| [offset(i), offset(i + 1)]));
                in_space = false;
                at += run;
                continue;
            }
            if b.is_ascii() {
                let space = is_ascii_space(b);
                if !(space && in_space) {
                    folded.push(if space { b' ' } else { b.to_ascii_lowercase() });
                    origins.push([offset(at), offset(at + 1)]);
                }
                in_space = space;
                at += 1;
                continue;
            }
            let ch = text[at..].chars().next().expect("a non-ASCII byte here starts a char");
            let end = at + ch.len_utf8();
            let space = ch.is_whitespace();
            if !(space && in_space) {
                let before = folded.len();
                if space {
                    folded.push(b' ');
                } else {
                    chars.push(ch, |ch| {
                        ch.to_lowercase()
                            .for_each(|lower| folded.extend_from_slice(lower.encode_utf8(&mut buffer).as_bytes()));
                    });
                }
                origins.resize(origins.len() + (folded.len() - before), [offset(at), offset(end)]);
            }
            in_space = space;
            at = end;
        }
        Self {
            text: String::from_utf8(folded).expect("built from whole chars"),
            origins: Some(origins),
        }
    }

    /// The original span of the folded byte range `span` (whole original chars).
    pub fn original(&self, span: Span) -> Span {
        match &self.origins {
            None => span,
            Some(origins) if span.is_empty() => {
                let at = origins
                    .get(span.start)
                    .map_or_else(|| origins.last().map_or(0, |last| last[1]), |o| o[0]);
                Span::new(at as usize, at as usize)
            }
            Some(origins) => Span::new(origins[span.start][0] as usize, origins[span.end - 1][1] as usize),
        }
    }
}

/// Folds `text` char by char as [`Folded`] does (without merging whitespace), calling
/// `each(original, folded)` for each char with the chars it folds to: whitespace becomes one
/// space; other chars become NFKC of the char alone (compatibility forms fold on their own; a
/// combining mark stays a mark, since composition across chars does not change what phrases
/// match), then lowercase.
pub fn fold_chars(text: &str, mut each: impl FnMut(char, &mut dyn Iterator<Item = char>)) {
    let mut chars = CharNfkc::new(text);
    let mut normalized = String::new();
    for original in text.chars() {
        if original.is_whitespace() {
            each(original, &mut std::iter::once(' '));
        } else if original.is_ascii() {
            each(original, &mut std::iter::once(original.to_ascii_lowercase()));
        } else {
            normalized.clear();
            chars.push(original, |ch| normalized.push(ch));
            each(original, &mut normalized.chars().flat_map(char::to_lowercase));
        }
    }
}

/// Whether `ch` continues a word: a letter, a digit, a combining mark or `_`.
pub fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric()
        || ch == '_'
        || (!ch.is_ascii()
            && matches!(
                get_general_category(ch),
                GeneralCategory::NonspacingMark | GeneralCategory::SpacingMark | GeneralCategory::EnclosingMark
            ))
}

/// Whether `span` of `text` starts and ends on word boundaries (ignoring ends that are not
/// word chars themselves, such as the `%` of `% off`).
pub fn on_word_boundaries(text: &str, span: Span) -> bool {
    let inner = span.slice(text);
    let starts_word = inner.chars().next().is_some_and(is_word_char);
    let ends_word = inner.chars().next_back().is_some_and(is_word_char);
    let before_ok = !starts_word || !text[..span.start].chars().next_back().is_some_and(is_word_char);
    let after_ok = !ends_word || !text[span.end..].chars().next().is_some_and(is_word_char);
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_case_and_maps_back() {
        let text = "Get ＦＲＥＥ followers";
        let folded = Folded::new(text);
        assert_eq!(folded.text, "get free followers");
        let start = folded.text.find("free").unwrap();
        let original = folded.original(Span::new(start, start + 4));
        assert_eq!(original.slice(text), "ＦＲＥＥ");
    }

    #[test]
    fn ascii_fast_path_keeps_offsets() {
        let folded = Folded::new("Follow For Follow");
        assert_eq!(folded.text, "follow for follow");
        assert_eq!(folded.original(Span::new(7, 10)), Span::new(7, 10));
    }

    #[test]
    fn word_boundaries() {
        assert!(on_word_boundaries("so f4f ok", Span::new(3, 6)));
        assert!(!on_word_boundaries("xf4f", Span::new(1, 4)));
        assert!(on_word_boundaries("20% off", Span::new(2, 7)));
        assert!(!on_word_boundaries("café", Span::new(0, 3)));
    }
}
