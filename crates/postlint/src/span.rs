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
    count_unit_bytes(s.as_bytes())
}

/// Counts the chars that start in `bytes` (a slice of UTF-8, cut anywhere) and the UTF-16 units
/// they take, eight bytes at a time.
fn count_unit_bytes(bytes: &[u8]) -> (usize, usize) {
    // Every char has exactly one UTF-8 lead byte (any byte but 0b10xx_xxxx); 4-byte chars (lead
    // byte 0xF0 or above) are the astral ones that need a UTF-16 surrogate pair. Counting bytes
    // is much faster than decoding chars.
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The number of high bits set, summed by a multiply into the top byte.
    let count = |bits: u64| ((bits >> 7).wrapping_mul(ONES) >> 56) as usize;
    let (mut chars, mut astral) = (0, 0);
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        // A continuation byte has its top bit set and the next one clear.
        let continuation = word & !(word << 1) & HIGH_BITS;
        // 0xF0 or above: the top four bits set.
        let four_top = word & (word << 1) & (word << 2) & (word << 3) & HIGH_BITS;
        chars += 8 - count(continuation);
        astral += count(four_top);
    }
    for &b in words.remainder() {
        chars += usize::from((b as i8) >= -0x40);
        astral += usize::from(b >= 0xF0);
    }
    (chars, chars + astral)
}

/// Bytes between two checkpoints of a [`UnitIndex`].
const CHECKPOINT_BYTES: usize = 256;

/// Texts at least this long get checkpoints; shorter ones are counted from their start.
const INDEXED_BYTES: usize = 4 * 1024;

/// Converts many spans of one text to [`SpanUnits`] in time independent of the text's length.
///
/// [`Span::to_units`] counts from the start of the text, which is fine for one span but
/// quadratic for a long post with many findings or edits. The index keeps the char and UTF-16
/// counts before every 256th byte (only for texts of 4 KiB or more), so each conversion counts
/// at most 256 bytes per end.
#[derive(Debug, Clone)]
pub struct UnitIndex<'t> {
    text: &'t str,
    /// `(chars, utf16)` before byte `k * CHECKPOINT_BYTES`, for every `k`; empty for short texts.
    checkpoints: Vec<(usize, usize)>,
}

impl<'t> UnitIndex<'t> {
    /// Indexes `text` (one pass over it when it is long; nothing when it is short).
    pub fn new(text: &'t str) -> Self {
        let mut checkpoints = Vec::new();
        if text.len() >= INDEXED_BYTES {
            checkpoints.reserve(text.len() / CHECKPOINT_BYTES + 1);
            let (mut chars, mut utf16) = (0, 0);
            checkpoints.push((0, 0));
            for block in text.as_bytes().chunks(CHECKPOINT_BYTES) {
                let (block_chars, block_utf16) = count_unit_bytes(block);
                chars += block_chars;
                utf16 += block_utf16;
                checkpoints.push((chars, utf16));
            }
        }
        Self { text, checkpoints }
    }

    /// `(chars, utf16)` before byte `offset`.
    fn position(&self, offset: usize) -> (usize, usize) {
        let block = if self.checkpoints.is_empty() {
            0
        } else {
            offset / CHECKPOINT_BYTES
        };
        let (chars, utf16) = self.checkpoints.get(block).copied().unwrap_or_default();
        let (more_chars, more_utf16) = count_unit_bytes(&self.text.as_bytes()[block * CHECKPOINT_BYTES..offset]);
        (chars + more_chars, utf16 + more_utf16)
    }

    /// The span in all three units; the same as [`Span::to_units`] on the indexed text.
    ///
    /// # Panics
    /// If the span does not lie on char boundaries of the text (a span from another text).
    pub fn units(&self, span: Span) -> SpanUnits {
        assert!(
            self.text.is_char_boundary(span.start) && self.text.is_char_boundary(span.end) && span.start <= span.end,
            "span {span:?} is not a span of this text"
        );
        let (char_start, utf16_start) = self.position(span.start);
        let (char_end, utf16_end) = self.position(span.end);
        SpanUnits {
            byte: [span.start, span.end],
            char: [char_start, char_end],
            utf16: [utf16_start, utf16_end],
        }
    }
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
    fn unit_counts_eight_bytes_at_a_time_match_a_byte_by_byte_count() {
        let mut random = crate::testing::Xorshift::new(0x5BA2_0000_0000_0003);
        for _ in 0..5000 {
            let bytes: Vec<u8> = (0..random.below(40)).map(|_| random.below(256) as u8).collect();
            let chars = bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
            let astral = bytes.iter().filter(|&&b| b >= 0xF0).count();
            assert_eq!(count_unit_bytes(&bytes), (chars, chars + astral), "{bytes:?}");
        }
    }

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

    #[test]
    fn the_index_agrees_with_counting_from_the_start() {
        // Long enough for checkpoints, with multi-byte chars straddling checkpoint boundaries.
        let text = "a😀é\u{301}#tag ж東".repeat(700);
        let index = UnitIndex::new(&text);
        assert!(!index.checkpoints.is_empty());
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(at, _)| at)
            .chain([text.len()])
            .step_by(7)
            .collect();
        for pair in boundaries.windows(2) {
            let span = Span::new(pair[0], pair[1]);
            assert_eq!(index.units(span), span.to_units(&text), "{span:?}");
        }
        let whole = Span::new(0, text.len());
        assert_eq!(index.units(whole), whole.to_units(&text));
        let short = "a😀b";
        assert_eq!(
            UnitIndex::new(short).units(Span::new(1, 5)),
            Span::new(1, 5).to_units(short)
        );
    }

    #[test]
    #[should_panic(expected = "not a span of this text")]
    fn the_index_refuses_spans_off_char_boundaries() {
        UnitIndex::new("😀").units(Span::new(1, 4));
    }
}
