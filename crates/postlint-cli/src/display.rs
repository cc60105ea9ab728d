//! Printing untrusted text: control, bidi and line-separator characters from post texts, ids,
//! accounts, file names and messages are shown as escapes (`\n`, `\u{202e}`), so they cannot move
//! the cursor, recolour or reorder what a terminal shows, or start a line of their own in a log
//! that is read line by line (such as GitHub workflow commands).

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` must not reach a terminal or a line-based log as it is: C0 and C1 controls,
/// DEL, bidi formatting characters, and line and paragraph separators.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}'
        )
}

/// `text` with every unsafe char escaped; newlines too.
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_with(text, false)
}

/// `text` with every unsafe char escaped but its newlines, each followed by an indent so that no
/// line of it starts at the left margin (for multi-line error messages).
pub fn escape_lines(text: &str) -> Cow<'_, str> {
    escape_with(text, true)
}

fn escape_with(text: &str, keep_lines: bool) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' if keep_lines => out.push_str("\n  "),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A post's text made safe to show with its spans: unsafe chars but newlines and tabs become
/// visible symbols (control pictures for C0 controls, U+FFFD for the rest), and byte offsets of
/// the original text map to the shown one.
pub struct Shown<'t> {
    /// The text to show.
    pub text: Cow<'t, str>,
    /// For each replaced char: its end in the original text, and how many bytes the text grew
    /// up to there.
    growth: Vec<(usize, usize)>,
}

impl<'t> Shown<'t> {
    /// Makes `text` safe to show (borrowed as it is when it already is).
    pub fn new(text: &'t str) -> Self {
        let replaced = |c: char| is_unsafe(c) && c != '\n' && c != '\t';
        if !text.chars().any(replaced) {
            return Self {
                text: Cow::Borrowed(text),
                growth: Vec::new(),
            };
        }
        let mut shown = String::with_capacity(text.len() + 16);
        let mut growth = Vec::new();
        let mut grown = 0;
        for (at, c) in text.char_indices() {
            if !replaced(c) {
                shown.push(c);
                continue;
            }
            let symbol = match u32::from(c) {
                code @ 0..0x20 => char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'),
                0x7f => '\u{2421}',
                _ => '\u{fffd}',
            };
            shown.push(symbol);
            grown += symbol.len_utf8() - c.len_utf8();
            growth.push((at + c.len_utf8(), grown));
        }
        Self {
            text: Cow::Owned(shown),
            growth,
        }
    }

    /// Where byte `offset` of the original text (a char boundary) is in the shown text.
    pub fn offset(&self, offset: usize) -> usize {
        let replaced_before = self.growth.partition_point(|&(end, _)| end <= offset);
        offset + replaced_before.checked_sub(1).map_or(0, |last| self.growth[last].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_text_keeps_spans_on_the_same_chars() {
        let text = "a\u{1b}[31m\u{85}b\u{2028}c\u{7f}\nd\te";
        let shown = Shown::new(text);
        assert_eq!(shown.text, "a\u{241b}[31m\u{fffd}b\u{fffd}c\u{2421}\nd\te");
        for (at, c) in text.char_indices().filter(|&(_, c)| c.is_ascii_alphanumeric()) {
            let moved = shown.offset(at);
            assert_eq!(shown.text[moved..].chars().next(), Some(c), "{at}");
        }
        assert_eq!(shown.offset(text.len()), shown.text.len());
        assert!(matches!(Shown::new("fine\ttext\n").text, Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_controls_bidi_and_separators_only() {
        assert!(matches!(escape("plain text, émoji 😀 and 東京"), Cow::Borrowed(_)));
        assert_eq!(
            escape("a\nb\r\t\u{1b}[31m\u{7f}\u{85}\u{202e}x\u{2066}\u{2028}"),
            "a\\nb\\r\\t\\u{1b}[31m\\u{7f}\\u{85}\\u{202e}x\\u{2066}\\u{2028}"
        );
        assert_eq!(escape_lines("one\n::error::two\u{1b}"), "one\n  ::error::two\\u{1b}");
        assert_eq!(escape_lines("two\nlines"), "two\n  lines");
    }
}
