//! Spans: UTF-8 byte ranges internally, reported in bytes, chars and UTF-16 code units.

use serde::Serialize;

/// A half-open UTF-8 byte range `[start, end)` into a post's text.
///
/// Both ends always lie on `char` boundaries of the text they were computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Creates a span from byte offsets.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length of the span in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The covered text.
    ///
    /// # Panics
    /// If the span does not lie on char boundaries of `text` (a span from another text).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Converts the span to all three reporting units for `text`.
    pub fn to_units(self, text: &str) -> SpanUnits {
        let prefix = &text[..self.start];
        let inner = &text[self.start..self.end];
        let (char_start, utf16_start) = count_units(prefix);
        let (char_len, utf16_len) = count_units(inner);
        SpanUnits {
            byte: [self.start, self.end],
            char: [char_start, char_start + char_len],
            utf16: [utf16_start, utf16_start + utf16_len],
        }
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Self {
        Self::new(range.start, range.end)
    }
}

/// Counts Unicode scalar values and UTF-16 code units in `s`.
fn count_units(s: &str) -> (usize, usize) {
    // Every char has exactly one UTF-8 lead byte; 4-byte chars are the astral ones that need a
    // UTF-16 surrogate pair. Counting bytes is much faster than decoding chars.
    let mut chars = 0;
    let mut astral = 0;
    for &b in s.as_bytes() {
        chars += usize::from((b as i8) >= -0x40);
        astral += usize::from(b >= 0xF0);
    }
    (chars, chars + astral)
}

/// A span as reported: the same range in UTF-8 bytes, Unicode scalar values (Python `str`
/// indices) and UTF-16 code units (JavaScript string indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SpanUnits {
    /// `[start, end)` in UTF-8 bytes.
    pub byte: [usize; 2],
    /// `[start, end)` in Unicode scalar values.
    pub char: [usize; 2],
    /// `[start, end)` in UTF-16 code units.
    pub utf16: [usize; 2],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_agree_on_astral_and_combining_text() {
        let text = "a😀é\u{301}#tag";
        let start = text.find('#').unwrap();
        let units = Span::new(start, text.len()).to_units(text);
        assert_eq!(units.byte, [start, text.len()]);
        let chars: Vec<char> = text.chars().collect();
        let by_char: String = chars[units.char[0]..units.char[1]].iter().collect();
        assert_eq!(by_char, "#tag");
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let by_utf16 = String::from_utf16(&utf16[units.utf16[0]..units.utf16[1]]).unwrap();
        assert_eq!(by_utf16, "#tag");
        assert_eq!(units.char, [4, 8]);
        assert_eq!(units.utf16, [5, 9]);
    }
}
