//! Unicode normalization: NFC (X counts a post's length on its NFC form) and NFKC of single
//! chars (folding for dictionaries and duplicate detection); and a fast scan over ASCII.
//!
//! With the default `unicode-tables` feature the `unicode-normalization` crate's tables do the
//! work. Without it (the WebAssembly build for browsers, where the mapping tables would be a
//! sixth of the download) only the small quick-check tables are linked: text they pass (nearly
//! all) needs no work, and the rest goes to the host's normalizer, installed once with
//! [`set_host_normalizer`] (JavaScript has `String.prototype.normalize`). Either way the results
//! are the same.

use std::borrow::Cow;

use crate::lanes::{self, LANES};

/// A Unicode normalization form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Canonical composition.
    Nfc,
    /// Compatibility composition.
    Nfkc,
}

/// The length of the run of ASCII bytes that `bytes` starts with, read [`LANES`] bytes at a
/// time ([`lanes::first_position`]: the high bit of a lane is that of its byte): most posts
/// are ASCII but for a few chars (a curly quote, an emoji), and the scans that only care about
/// those skip the rest this way.
pub(crate) fn ascii_prefix_len(bytes: &[u8]) -> usize {
    lanes::first_position(bytes, |lanes| lanes, |byte| !byte.is_ascii()).unwrap_or(bytes.len())
}

/// Whether `bytes` is all ASCII: the blocks ORed together and the last block read again, as in
/// [`ascii_prefix_len`] (std's `is_ascii` reads the last bytes up to 63 one at a time).
pub(crate) fn is_ascii(bytes: &[u8]) -> bool {
    let Some(last) = bytes.last_chunk::<LANES>() else {
        return bytes.is_ascii();
    };
    let (blocks, _) = bytes.as_chunks::<LANES>();
    let any = blocks
        .iter()
        .fold(lanes::load(last), |any, block| any | lanes::load(block));
    lanes::high_bits(any) == 0
}

/// `text` in NFC (borrowed when it already is).
pub fn nfc(text: &str) -> Cow<'_, str> {
    if is_nfc_quick_yes(text) {
        return Cow::Borrowed(text);
    }
    imp::nfc(text)
}

/// Whether the NFC quick check says `text` is NFC (`Yes`, rather than `No` or `Maybe`). ASCII
/// runs, and the chars [`is_nfc_starter_by_range`] answers for, are starters that reset the
/// check, so only the runs of other chars between them go through the tables. ASCII runs are
/// skipped [`LANES`] bytes at a time, the other chars in one pass.
fn is_nfc_quick_yes(text: &str) -> bool {
    let mut at = 0;
    while at < text.len() {
        at += ascii_prefix_len(&text.as_bytes()[at..]);
        let rest = &text[at..];
        // The run of chars that are no known starter, if any, and where the chars from `at`
        // stop being checked: before an ASCII char, or a known starter after the run.
        let (mut run_start, mut end) = (None, rest.len());
        for (offset, ch) in rest.char_indices() {
            if ch.is_ascii() || (run_start.is_some() && is_nfc_starter_by_range(ch)) {
                end = offset;
                break;
            }
            if run_start.is_none() && !is_nfc_starter_by_range(ch) {
                run_start = Some(offset);
            }
        }
        if let Some(start) = run_start
            && unicode_normalization::is_nfc_quick(rest[start..end].chars()) != unicode_normalization::IsNormalized::Yes
        {
            return false;
        }
        at += end;
    }
    true
}

/// NFKC of the chars of one text, each char alone, for the non-ASCII chars that are not
/// whitespace: ask for them with [`CharNfkc::push`] in text order (with the host normalizer, the
/// whole text is normalized in one call up front).
#[derive(Debug)]
pub struct CharNfkc {
    inner: imp::CharNfkc,
}

impl CharNfkc {
    /// Prepares the chars of `text`.
    pub fn new(text: &str) -> Self {
        Self {
            inner: imp::CharNfkc::new(text),
        }
    }

    /// Passes the chars of NFKC of `ch` alone to `push`: `ch` must be the next non-ASCII,
    /// non-whitespace char of the text.
    pub fn push(&mut self, ch: char, push: impl FnMut(char)) {
        self.inner.push(ch, push);
    }
}

/// Whether `ch` alone is its own NFKC. The chars most common in posts beyond ASCII (accented
/// Latin letters, Arabic letters, curly quotes, dashes and bullets, zero-width joiners and marks,
/// arrows, shapes, symbols and dingbats, kana, CJK, Hangul, variation selectors, the replacement
/// char, regional indicators, emoji) are answered by range, with no table lookup; a test checks
/// every char of the ranges against the tables.
pub(crate) fn is_own_nfkc(ch: char) -> bool {
    is_own_nfkc_by_range(ch)
        || unicode_normalization::is_nfkc_quick(std::iter::once(ch)) == unicode_normalization::IsNormalized::Yes
}

/// Whether `ch` is a starter the NFC quick check answers `Yes` for, known without the tables:
/// every char below U+0300 (where the combining marks begin), and those of [`NFC_STARTERS`]
/// (tests check both against the tables). A text of such chars only is its own NFC.
pub(crate) fn is_nfc_starter_by_range(ch: char) -> bool {
    // The emoji blocks, the most common chars beyond Latin-1 in posts, before the search.
    ch < '\u{300}' || ('\u{1F000}'..='\u{1FAFF}').contains(&ch) || in_ranges(&NFC_STARTERS, ch)
}

/// Whether `ch` is in one of `ranges`, which are in order and apart: the first that ends at or
/// after `ch` is the only one that can hold it.
fn in_ranges(ranges: &[std::ops::RangeInclusive<char>], ch: char) -> bool {
    let index = ranges.partition_point(|range| *range.end() < ch);
    ranges.get(index).is_some_and(|range| range.contains(&ch))
}

/// Ranges of starters (canonical combining class 0) that the NFC quick check answers `Yes` for,
/// in order and apart (a test checks both), from U+0300 on: the letters of Greek, Cyrillic,
/// Hebrew, Arabic, Thai and Vietnamese, general punctuation, currency, letterlike and number
/// forms, arrows, technical and enclosed signs, shapes, symbols and dingbats, CJK punctuation,
/// kana, CJK ideographs, Hangul syllables, variation selectors, full-width forms, the
/// replacement char and the emoji blocks. Wider than the chars that are their own NFKC (the
/// ellipsis, `™` and full-width letters are not): what a post's chars tell of its NFC form
/// without a table lookup.
const NFC_STARTERS: [std::ops::RangeInclusive<char>; 26] = [
    '\u{0388}'..='\u{0482}',
    '\u{048A}'..='\u{052F}',
    '\u{05D0}'..='\u{05EA}',
    '\u{0621}'..='\u{064A}',
    '\u{0E01}'..='\u{0E30}',
    '\u{1E00}'..='\u{1EFF}',
    '\u{200B}'..='\u{2064}',
    '\u{20A0}'..='\u{20C0}',
    '\u{2100}'..='\u{2125}',
    '\u{2127}'..='\u{2129}',
    '\u{212C}'..='\u{218B}',
    '\u{2190}'..='\u{2328}',
    '\u{232B}'..='\u{2426}',
    '\u{2460}'..='\u{2ADB}',
    '\u{2ADD}'..='\u{2BFF}',
    '\u{3000}'..='\u{3029}',
    '\u{3030}'..='\u{303F}',
    '\u{3041}'..='\u{3096}',
    '\u{30A1}'..='\u{30FA}',
    '\u{4E00}'..='\u{9FFF}',
    '\u{AC00}'..='\u{D7A3}',
    '\u{FE00}'..='\u{FE0F}',
    '\u{FF01}'..='\u{FF60}',
    '\u{FFFD}'..='\u{FFFD}',
    '\u{1F000}'..='\u{1FAFF}',
    '\u{20000}'..='\u{2A6DF}',
];

/// Whether `ch` is in one of the ranges [`is_own_nfkc`] answers without tables.
fn is_own_nfkc_by_range(ch: char) -> bool {
    LATIN_1_LETTERS.contains(&ch) || is_caseless_own_nfkc(ch)
}

/// Whether `ch` is in one of the ranges of chars that are each their own NFKC and have no case
/// (those of [`is_own_nfkc`] but the Latin-1 letters): such a char folds to itself.
pub(crate) fn is_caseless_own_nfkc(ch: char) -> bool {
    in_ranges(&CASELESS_OWN_NFKC, ch)
}

/// The Latin-1 letters and signs from `À` on, each its own NFKC (see [`is_own_nfkc`]).
const LATIN_1_LETTERS: std::ops::RangeInclusive<char> = '\u{C0}'..='\u{FF}';

/// Ranges of caseless chars that are each their own NFKC (see [`is_caseless_own_nfkc`]), in
/// order and apart (a test checks it).
const CASELESS_OWN_NFKC: [std::ops::RangeInclusive<char>; 16] = [
    '\u{0621}'..='\u{064A}',
    '\u{200B}'..='\u{2010}',
    '\u{2012}'..='\u{2016}',
    '\u{2018}'..='\u{2023}',
    '\u{2190}'..='\u{21FF}',
    '\u{2500}'..='\u{25FF}',
    '\u{2600}'..='\u{27BF}',
    '\u{2B00}'..='\u{2BFF}',
    '\u{3041}'..='\u{3096}',
    '\u{30A1}'..='\u{30FA}',
    '\u{4E00}'..='\u{9FFF}',
    '\u{AC00}'..='\u{D7A3}',
    '\u{FE00}'..='\u{FE0F}',
    '\u{FFFD}'..='\u{FFFD}',
    '\u{1F191}'..='\u{1F1FF}',
    '\u{1F300}'..='\u{1FAFF}',
];

#[cfg(feature = "unicode-tables")]
mod imp {
    use std::borrow::Cow;

    use unicode_normalization::UnicodeNormalization;

    use super::is_own_nfkc;

    /// `text`, which the quick check did not find NFC, in NFC.
    pub fn nfc(text: &str) -> Cow<'_, str> {
        Cow::Owned(text.nfc().collect())
    }

    #[derive(Debug)]
    pub struct CharNfkc;

    impl CharNfkc {
        pub fn new(_text: &str) -> Self {
            Self
        }

        pub fn push(&mut self, ch: char, mut push: impl FnMut(char)) {
            if is_own_nfkc(ch) {
                push(ch);
            } else {
                std::iter::once(ch).nfkc().for_each(push);
            }
        }
    }
}

#[cfg(not(feature = "unicode-tables"))]
mod imp {
    use std::borrow::Cow;
    use std::sync::OnceLock;

    use super::{Form, ascii_prefix_len, is_own_nfkc};

    /// The host's normalizer.
    pub static HOST: OnceLock<fn(&str, Form) -> String> = OnceLock::new();

    fn normalize(text: &str, form: Form) -> String {
        if let Some(host) = HOST.get() {
            return host(text, form);
        }
        // The crate's own tests stand in for a host with the tables.
        #[cfg(test)]
        {
            use unicode_normalization::UnicodeNormalization;
            match form {
                Form::Nfc => text.nfc().collect(),
                Form::Nfkc => text.nfkc().collect(),
            }
        }
        #[cfg(not(test))]
        panic!(
            "postlint was built without Unicode tables: install a normalizer with \
             postlint::unicode::set_host_normalizer before linting"
        )
    }

    /// `text`, which the quick check did not find NFC, in NFC.
    pub fn nfc(text: &str) -> Cow<'_, str> {
        let normalized = normalize(text, Form::Nfc);
        if normalized == text {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(normalized)
        }
    }

    #[derive(Debug)]
    pub struct CharNfkc {
        /// NFKC of each char asked for, each followed by a NUL.
        normalized: String,
        /// Where the next char's NFKC starts in `normalized`.
        next: usize,
    }

    impl CharNfkc {
        pub fn new(text: &str) -> Self {
            // One call for the whole text: the chars that are not their own NFKC, each followed
            // by a NUL. NUL is a starter that composes with nothing, so each char normalizes as
            // if alone.
            let mut batch = String::new();
            let mut at = 0;
            loop {
                at += ascii_prefix_len(&text.as_bytes()[at..]);
                let Some(ch) = text[at..].chars().next() else {
                    break;
                };
                if !ch.is_whitespace() && !is_own_nfkc(ch) {
                    batch.extend([ch, '\0']);
                }
                at += ch.len_utf8();
            }
            let normalized = if batch.is_empty() {
                batch
            } else {
                normalize(&batch, Form::Nfkc)
            };
            Self { normalized, next: 0 }
        }

        pub fn push(&mut self, ch: char, mut push: impl FnMut(char)) {
            if is_own_nfkc(ch) {
                push(ch);
                return;
            }
            let rest = &self.normalized[self.next..];
            let part = rest.split('\0').next().unwrap_or_default();
            if part.is_empty() {
                // Only when a caller asks for more chars than the text had.
                std::iter::once(ch).for_each(push);
            } else {
                part.chars().for_each(push);
            }
            self.next = (self.next + part.len() + 1).min(self.normalized.len());
        }
    }
}

/// Installs the host's normalizer (`normalize(text, form)`), which postlint uses when it is built
/// without the `unicode-tables` feature; with the tables it is not needed and goes unused. The
/// first call wins; later calls change nothing.
pub fn set_host_normalizer(normalize: fn(&str, Form) -> String) {
    #[cfg(not(feature = "unicode-tables"))]
    let _ = imp::HOST.set(normalize);
    #[cfg(feature = "unicode-tables")]
    let _ = normalize;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_prefix_len_stops_at_the_first_non_ascii_byte() {
        let mut random = crate::testing::Xorshift::new(0xA5C1_1000_0000_0001);
        for round in 0..4000 {
            // Half the texts nearly all ASCII, so that runs cross blocks and end in the last,
            // overlapping one.
            let chars = ['a', ' ', '\u{7F}', 'é', '😀'];
            let ascii_only = if round % 2 == 0 { 0 } else { 40 };
            let length = random.below(80);
            let text: String = (0..length)
                .map(|_| match random.below(chars.len() + ascii_only) {
                    pick if pick < chars.len() => chars[pick],
                    _ => 'b',
                })
                .collect();
            let bytes = text.as_bytes();
            let expected = bytes.iter().take_while(|b| b.is_ascii()).count();
            assert_eq!(ascii_prefix_len(bytes), expected, "{text:?}");
            assert_eq!(is_ascii(bytes), bytes.is_ascii(), "{text:?}");
        }
    }

    /// Every char of the ranges [`is_own_nfkc_by_range`] answers.
    fn chars_of_the_ranges() -> impl Iterator<Item = char> {
        std::iter::once(LATIN_1_LETTERS).chain(CASELESS_OWN_NFKC).flatten()
    }

    #[test]
    fn the_caseless_ranges_are_in_order_and_apart() {
        assert!(CASELESS_OWN_NFKC.windows(2).all(|pair| pair[0].end() < pair[1].start()));
        for ch in (0..=0x10FFFF).filter_map(char::from_u32) {
            let linear = CASELESS_OWN_NFKC.iter().any(|range| range.contains(&ch));
            assert_eq!(is_caseless_own_nfkc(ch), linear, "{ch:?}");
        }
    }

    #[test]
    fn the_ranges_answered_without_tables_agree_with_them() {
        use unicode_normalization::{IsNormalized, is_nfkc_quick};
        for ch in chars_of_the_ranges() {
            assert_eq!(
                is_nfkc_quick(std::iter::once(ch)),
                IsNormalized::Yes,
                "U+{:04X}",
                u32::from(ch)
            );
        }
    }

    #[test]
    fn the_ranges_answered_without_tables_are_nfc_starters() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        assert!(NFC_STARTERS.windows(2).all(|pair| pair[0].end() < pair[1].start()));
        let below_marks = '\0'..'\u{300}';
        let starters = NFC_STARTERS.iter().cloned().flatten();
        // The chars that are their own NFKC are NFC starters too, and answered as such.
        for ch in chars_of_the_ranges().chain(below_marks).chain(starters) {
            assert!(is_nfc_starter_by_range(ch), "{ch:?}");
            assert_eq!(
                is_nfc_quick(std::iter::once(ch)),
                IsNormalized::Yes,
                "U+{:04X}",
                u32::from(ch)
            );
            assert_eq!(canonical_combining_class(ch), 0, "U+{:04X}", u32::from(ch));
        }
    }

    #[test]
    fn the_quick_check_by_runs_agrees_with_the_whole_text_one() {
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        let pieces = [
            "a", " ", "é", "e", "\u{301}", "\u{323}", "\u{1100}", "\u{1161}", "\u{11A8}", "한", "’", "😀", "Å",
            "\u{212B}", "か", "\u{3099}", "ﬁ", "\u{F900}", "\u{A0}", "£", "ǅ", "\u{2FF}", "\u{340}", "\u{344}",
        ];
        let mut random = crate::testing::Xorshift::new(0xF0F0_0000_0000_0017);
        for _ in 0..20_000 {
            let text = random.text(&pieces, 12);
            let whole = is_nfc_quick(text.chars()) == IsNormalized::Yes;
            assert_eq!(is_nfc_quick_yes(&text), whole, "{text:?}");
        }
    }

    #[test]
    fn nfc_composes_and_borrows_what_is_composed() {
        assert_eq!(nfc("e\u{301}te\u{301}"), "été");
        assert!(matches!(nfc("été"), Cow::Borrowed(_)));
    }

    #[test]
    fn each_char_normalizes_alone_in_text_order() {
        let text = "ﬁＦ\u{301}é x";
        let mut chars = CharNfkc::new(text);
        let folded: Vec<String> = text
            .chars()
            .filter(|ch| !ch.is_ascii() && !ch.is_whitespace())
            .map(|ch| {
                let mut out = String::new();
                chars.push(ch, |folded| out.push(folded));
                out
            })
            .collect();
        // The accent stays apart from the F before it: each char is normalized alone.
        assert_eq!(folded, ["fi", "F", "\u{301}", "é"]);
    }
}
