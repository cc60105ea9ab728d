//! Case- and look-alike-folded text with a map back to the original, for dictionary matching.
//!
//! Folding is NFKC (so full-width `ＦＲＥＥ` and ligatures become plain letters) followed by
//! lowercasing, with every run of whitespace turned into one space. Every byte of the folded text remembers the original char it came from, so a
//! match in the folded text maps back to a span of the original.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::span::Span;

/// A folded copy of a text.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the original span of the char it came from; `None` when the
    /// folded text is the ASCII-lowercased original (same offsets).
    origins: Option<Vec<Span>>,
}

impl Folded {
    /// Folds `text`.
    pub fn new(text: &str) -> Self {
        let plain_spaces = |bytes: &[u8]| {
            bytes.windows(2).all(|pair| pair != b"  ") && !bytes.iter().any(|&b| b.is_ascii_whitespace() && b != b' ')
        };
        if text.is_ascii() && plain_spaces(text.as_bytes()) {
            return Self {
                text: text.to_ascii_lowercase(),
                origins: None,
            };
        }
        let mut folded = String::with_capacity(text.len());
        let mut origins = Vec::with_capacity(text.len());
        let mut in_space = false;
        for (start, ch) in text.char_indices() {
            let origin = Span::new(start, start + ch.len_utf8());
            let before = folded.len();
            if ch.is_whitespace() {
                if !in_space {
                    folded.push(' ');
                }
            } else if ch.is_ascii() {
                folded.push(ch.to_ascii_lowercase());
            } else {
                // NFKC per char: compatibility forms fold on their own; a combining mark stays
                // a mark (composition across chars does not change what the phrases match).
                for normalized in std::iter::once(ch).nfkc() {
                    folded.extend(normalized.to_lowercase());
                }
            }
            in_space = ch.is_whitespace();
            origins.resize(origins.len() + (folded.len() - before), origin);
        }
        Self {
            text: folded,
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
                    .map_or_else(|| origins.last().map_or(0, |last| last.end), |o| o.start);
                Span::new(at, at)
            }
            Some(origins) => Span::new(origins[span.start].start, origins[span.end - 1].end),
        }
    }
}

/// Whether `ch` continues a word: a letter, a digit, a combining mark or `_`.
pub fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_' || is_combining_mark(ch)
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
