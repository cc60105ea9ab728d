//! Test support for postlint: the synthetic schedule generator shared by tests and benchmarks,
//! and span checks shared by the test suites.

pub mod synth;

/// Asserts that a reported span's byte, char and UTF-16 forms name the same text of `text`.
///
/// # Panics
/// When they do not, or when a form does not lie on boundaries of its unit.
pub fn assert_span_consistent(text: &str, span: postlint::SpanUnits) {
    let by_byte = text
        .get(span.byte[0]..span.byte[1])
        .unwrap_or_else(|| panic!("{text:?}: byte span off boundaries"));
    let by_char: String = text
        .chars()
        .skip(span.char[0])
        .take(span.char[1] - span.char[0])
        .collect();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let by_utf16 = String::from_utf16(&utf16[span.utf16[0]..span.utf16[1]]).expect("utf16 span on pair boundaries");
    assert_eq!(by_byte, by_char, "{text:?}");
    assert_eq!(by_byte, by_utf16, "{text:?}");
}
