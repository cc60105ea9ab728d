//! Checks shared by the fuzz targets.

use postlint::SpanUnits;

/// A reported span lies on char boundaries, and its byte, char and UTF-16 forms name the same
/// text. Counts from the start of the text: only for the short inputs the fuzzer makes.
pub fn span(text: &str, span: SpanUnits) {
    let [start, end] = span.byte;
    let by_byte = text.get(start..end).expect("byte span on char boundaries");
    let by_char: String = text
        .chars()
        .skip(span.char[0])
        .take(span.char[1] - span.char[0])
        .collect();
    assert_eq!(by_byte, by_char, "char span of {text:?}");
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let by_utf16 = String::from_utf16(&utf16[span.utf16[0]..span.utf16[1]]).expect("utf16 span on pairs");
    assert_eq!(by_byte, by_utf16, "utf16 span of {text:?}");
}

/// A post report's spans and fixes fit its text; returns the text with each fix applied.
pub fn report(text: &str, report: &postlint::PostReport) -> Vec<String> {
    let mut fixed = Vec::new();
    for diagnostic in &report.diagnostics {
        if let Some(units) = diagnostic.span {
            span(text, units);
        }
        if let Some(fix) = &diagnostic.fix {
            let mut previous_end = 0;
            for edit in &fix.edits {
                span(text, edit.span);
                assert!(edit.span.byte[0] >= previous_end, "edits overlap or are out of order");
                previous_end = edit.span.byte[1];
            }
            fixed.push(fix.apply(text));
        }
    }
    fixed
}
