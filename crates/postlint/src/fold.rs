//! Case- and look-alike-folded text with a map back to the original, for dictionary matching.
//!
//! Folding is NFKC (so full-width `ＦＲＥＥ` and ligatures become plain letters) followed by
//! lowercasing, with every run of whitespace turned into one space. Every byte of the folded
//! text can be traced to the original char it came from, so a match in the folded text maps
//! back to a span of the original.

use std::ops::ControlFlow;

use unicode_general_category::{GeneralCategory, get_general_category};

use crate::unicode::{CharNfkc, is_caseless_own_nfkc, is_own_nfkc};

use crate::lanes::{self, LANES};
use crate::span::Span;

/// A folded copy of a text.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// Where the bytes of `text` came from, piece by piece in order (unused when `lowercased`).
    origins: Vec<Piece>,
    /// Whether the folded text is the ASCII-lowercased original, byte for byte.
    lowercased: bool,
}

/// Bytes of the folded text, from `folded` up to the next piece's, and where they came from.
/// Offsets are `u32` (a text past 4 GiB would saturate them; no post comes near).
#[derive(Debug, Clone, Copy)]
struct Piece {
    /// The first folded byte of the piece.
    folded: u32,
    /// The original offset of its first byte.
    original: u32,
    /// `None` when the bytes are copied from `original` on, in step (chars that fold to
    /// themselves: a folded char boundary is then an original one); otherwise every byte of the
    /// piece came from the one char `original..end`.
    char_end: Option<u32>,
}

/// Saturates an offset into a piece's `u32`.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// Records that folded bytes from `folded` on are chars copied from `original` on,
/// extending the last piece when it is a copy that runs on into them.
fn push_copied(origins: &mut Vec<Piece>, folded: usize, original: usize) {
    let runs_on = origins.last().is_some_and(|last| {
        last.char_end.is_none()
            && original.checked_sub(last.original as usize) == folded.checked_sub(last.folded as usize)
    });
    if !runs_on {
        origins.push(Piece {
            folded: offset(folded),
            original: offset(original),
            char_end: None,
        });
    }
}

/// The length of the run of ASCII chars at the start of `bytes` that folding copies as they are
/// (but for case): up to the first non-ASCII byte, tab, line break or the like, or space right
/// after whitespace (`after_space`: whether the char before `bytes` is whitespace). Read
/// [`LANES`] bytes at a time.
fn copied_run_len(bytes: &[u8], after_space: bool) -> usize {
    let mut after_space = u32::from(after_space);
    // Padded with letters, which stop nothing.
    let end = lanes::try_for_each_block(bytes, b'a', |at, block: &[u8; LANES], _| {
        let block = lanes::load(block);
        // The high bit of a lane is set for non-ASCII bytes; `\t` to `\r` are the controls.
        let stops = lanes::high_bits(block | lanes::in_range(block, b'\t', b'\r'));
        let spaces = lanes::high_bits(lanes::equal(block, b' '));
        let ends = stops | (spaces & ((spaces << 1) | after_space));
        if ends != 0 {
            return ControlFlow::Break(at + ends.trailing_zeros() as usize);
        }
        after_space = (spaces >> (LANES - 1)) & 1;
        ControlFlow::Continue(())
    });
    end.break_value().unwrap_or(bytes.len())
}

impl Default for Folded {
    /// The folding of the empty text.
    fn default() -> Self {
        Self {
            text: String::new(),
            origins: Vec::new(),
            lowercased: true,
        }
    }
}

impl Folded {
    /// Folds `text`.
    pub fn new(text: &str) -> Self {
        let mut folded = Self::default();
        folded.refold(text);
        folded
    }

    /// The bytes its buffers hold room for.
    pub(crate) fn capacity_bytes(&self) -> usize {
        self.text.capacity() + self.origins.capacity() * std::mem::size_of::<Piece>()
    }

    /// Folds `text` in place of the text folded before, reusing the buffers.
    pub(crate) fn refold(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let Self {
            text: folded,
            origins,
            lowercased,
        } = self;
        folded.clear();
        origins.clear();
        *lowercased = copied_run_len(bytes, false) == bytes.len();
        if *lowercased {
            folded.push_str(text);
            folded.make_ascii_lowercase();
            return;
        }
        folded.reserve(text.len() + 8);
        // About one piece per word, for text that is mostly ASCII.
        origins.reserve(text.len() / 4 + 4);
        let mut chars = CharNfkc::new(text);
        let mut in_space = false;
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            // A run of ASCII chars that folds to itself: lowercased and mapped at once.
            let run = copied_run_len(&bytes[at..], in_space);
            if run > 0 {
                push_copied(origins, folded.len(), at);
                let start = folded.len();
                folded.push_str(&text[at..at + run]);
                folded[start..].make_ascii_lowercase();
                in_space = bytes[at + run - 1] == b' ';
                at += run;
                continue;
            }
            if b.is_ascii() {
                // ASCII whitespace that is not a single space (the run took every other ASCII
                // char).
                if !in_space {
                    push_copied(origins, folded.len(), at);
                    folded.push(' ');
                }
                in_space = true;
                at += 1;
                continue;
            }
            let ch = text[at..].chars().next().expect("a non-ASCII byte here starts a char");
            let end = at + ch.len_utf8();
            let space = ch.is_whitespace();
            if !space && folds_to_itself(ch) {
                // With the non-ASCII chars after it that fold to themselves: copied at once.
                let end = end
                    + text[end..]
                        .chars()
                        .take_while(|&next| !next.is_ascii() && !next.is_whitespace() && folds_to_itself(next))
                        .map(char::len_utf8)
                        .sum::<usize>();
                push_copied(origins, folded.len(), at);
                folded.push_str(&text[at..end]);
                in_space = false;
                at = end;
                continue;
            }
            if !(space && in_space) {
                let before = folded.len();
                if space {
                    folded.push(' ');
                } else {
                    chars.push(ch, |ch| folded.extend(ch.to_lowercase()));
                }
                if folded.len() > before {
                    origins.push(Piece {
                        folded: offset(before),
                        original: offset(at),
                        char_end: Some(offset(end)),
                    });
                }
            }
            in_space = space;
            at = end;
        }
    }

    /// The original span of the folded byte range `span` (whole original chars).
    pub fn original(&self, span: Span) -> Span {
        if self.lowercased {
            return span;
        }
        let origins = &self.origins;
        if span.start >= self.text.len() {
            let end = self
                .text
                .len()
                .checked_sub(1)
                .map_or(0, |last| char_of(origins, &self.text, last).end);
            return Span::new(end, end);
        }
        let start = char_of(origins, &self.text, span.start).start;
        if span.is_empty() {
            Span::new(start, start)
        } else {
            Span::new(start, char_of(origins, &self.text, span.end - 1).end)
        }
    }
}

/// Whether a char that is not whitespace folds to itself: it is its own NFKC and lowercase.
fn folds_to_itself(ch: char) -> bool {
    is_caseless_own_nfkc(ch)
        || (is_own_nfkc(ch) && {
            let mut lower = ch.to_lowercase();
            lower.next() == Some(ch) && lower.next().is_none()
        })
}

/// The original char that byte `at` of the folded text `folded` came from.
fn char_of(origins: &[Piece], folded: &str, at: usize) -> Span {
    let piece = origins[origins.partition_point(|piece| piece.folded as usize <= at) - 1];
    match piece.char_end {
        None => {
            // A copied char: the same bytes as the original's, in step.
            let start = (0..=at)
                .rev()
                .find(|&start| folded.is_char_boundary(start))
                .unwrap_or(0);
            let width = folded[start..].chars().next().map_or(1, char::len_utf8);
            let original = piece.original as usize + (start - piece.folded as usize);
            Span::new(original, original + width)
        }
        Some(end) => Span::new(piece.original as usize, end as usize),
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

/// Whether `byte` is an ASCII word char: [`is_word_char`] on ASCII, for byte-wise scans.
pub(crate) const fn is_ascii_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// Whether `span` of `text` starts and ends on word boundaries (ignoring ends that are not
/// word chars themselves, such as the `%` of `% off`).
pub fn on_word_boundaries(text: &str, span: Span) -> bool {
    span.is_empty() || (starts_on_word_boundary(text, span.start) && ends_on_word_boundary(text, span.end))
}

/// Whether something starting at byte `at` of `text` (a char boundary) starts on a word
/// boundary: the char there is not a word char, or it does not continue one.
pub(crate) fn starts_on_word_boundary(text: &str, at: usize) -> bool {
    !text[at..].chars().next().is_some_and(is_word_char) || !text[..at].chars().next_back().is_some_and(is_word_char)
}

/// Whether something ending at byte `end` of `text` (a char boundary) ends on a word boundary:
/// the char before is not a word char, or the next char does not continue it.
pub(crate) fn ends_on_word_boundary(text: &str, end: usize) -> bool {
    !text[..end].chars().next_back().is_some_and(is_word_char) || !text[end..].chars().next().is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_word_bytes_are_the_ascii_word_chars() {
        for byte in 0..=u8::MAX {
            let expected = byte.is_ascii() && is_word_char(char::from(byte));
            assert_eq!(is_ascii_word_byte(byte), expected, "{byte:#x}");
        }
    }

    #[test]
    fn chars_said_to_fold_to_themselves_do() {
        for ch in (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|ch| !ch.is_whitespace())
        {
            if folds_to_itself(ch) {
                let mut folded = String::new();
                fold_chars(&ch.to_string(), |_, chars| folded.extend(chars));
                assert_eq!(folded, ch.to_string(), "{ch:?}");
            }
        }
        let text = "Ａ日本語 ’ÀÉ’ ß 😀 ＦＲＥＥ";
        let folded = Folded::new(text);
        assert_eq!(folded.text, "a日本語 ’àé’ ß 😀 free");
        let start = folded.text.find("本語").unwrap();
        assert_eq!(
            folded.original(Span::new(start, start + "本語".len())).slice(text),
            "本語"
        );
        let start = folded.text.find("’àé’").unwrap();
        assert_eq!(
            folded.original(Span::new(start, start + "’àé’".len())).slice(text),
            "’ÀÉ’"
        );
    }

    #[test]
    fn copied_runs_end_at_the_first_char_folding_changes() {
        let pieces = [
            "a", "B", " ", "  ", "\t", "\n", "\r", "\u{B}", "\u{C}", "\u{8}", "\u{E}", "é", "\u{7F}", "~",
        ];
        // Long runs of letters and single spaces, which cross blocks (and their last lanes).
        let long_runs = ["a", "B", " ", "Word ", "letters", "\n", "é"];
        let mut random = crate::testing::Xorshift::new(0xF01D_0000_0000_0007);
        let random_texts = (0..10_000).map(|round| match round % 2 {
            0 => random.text(&pieces, 60),
            _ => random.text(&long_runs, 30),
        });
        for text in random_texts {
            for after_space in [false, true] {
                let mut previous_space = after_space;
                let expected = text
                    .bytes()
                    .take_while(|&b| {
                        let space = b == b' ';
                        let copied = b.is_ascii() && !(b'\t'..=b'\r').contains(&b) && !(space && previous_space);
                        previous_space = space;
                        copied
                    })
                    .count();
                assert_eq!(
                    copied_run_len(text.as_bytes(), after_space),
                    expected,
                    "{text:?} {after_space}"
                );
            }
        }
    }

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

    /// The folded text and the original char of each of its bytes, the simple way: from
    /// [`fold_chars`], merging whitespace, one entry per byte.
    fn dense_reference(text: &str) -> (String, Vec<Span>) {
        let (mut folded, mut origins) = (String::new(), Vec::new());
        let mut starts = text.char_indices();
        let mut in_space = false;
        fold_chars(text, |original, chars| {
            let (start, ch) = starts.next().unwrap();
            assert_eq!(ch, original);
            let space = ch.is_whitespace();
            if !(space && in_space) {
                let before = folded.len();
                folded.extend(chars);
                origins.resize(
                    origins.len() + folded.len() - before,
                    Span::new(start, start + ch.len_utf8()),
                );
            }
            in_space = space;
        });
        (folded, origins)
    }

    /// One `Folded` refolded for each text in turn, so that the test also catches state left
    /// over from the text before (ASCII-only texts and others come in random order).
    #[test]
    fn piecewise_map_agrees_with_a_map_per_byte() {
        let pieces = [
            "a", "B", " ", "  ", "\t", "\r\n", "\u{a0}", "\u{3000}", "Ｆ", "ﬁ", "İ", "é", "e\u{301}", "の", "😀", "ß",
            "Σ", "…", "#",
        ];
        let mut rng = crate::testing::Xorshift::new(0x9E37_79B9_7F4A_7C15);
        let mut next = |bound: usize| rng.below(bound);
        let mut folded = Folded::default();
        for _ in 0..5_000 {
            let text: String = (0..1 + next(16)).map(|_| pieces[next(pieces.len())]).collect();
            folded.refold(&text);
            let (reference, origins) = dense_reference(&text);
            assert_eq!(folded.text, reference, "{text:?}");
            for start in 0..=origins.len() {
                let empty_at = origins
                    .get(start)
                    .map_or_else(|| origins.last().map_or(0, |o| o.end), |o| o.start);
                assert_eq!(
                    folded.original(Span::new(start, start)),
                    Span::new(empty_at, empty_at),
                    "{text:?}"
                );
                for end in start + 1..=origins.len() {
                    let expected = Span::new(origins[start].start, origins[end - 1].end);
                    assert_eq!(
                        folded.original(Span::new(start, end)),
                        expected,
                        "{text:?} {start}..{end}"
                    );
                }
            }
        }
    }

    #[test]
    fn word_boundaries() {
        assert!(on_word_boundaries("so f4f ok", Span::new(3, 6)));
        assert!(!on_word_boundaries("xf4f", Span::new(1, 4)));
        assert!(on_word_boundaries("20% off", Span::new(2, 7)));
        assert!(!on_word_boundaries("café", Span::new(0, 3)));
    }
}
