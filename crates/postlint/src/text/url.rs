//! URL extraction as twitter-text's `extractUrlsWithIndices` does it, with and without protocol.

use super::Url;
use super::chars::{
    char_at, char_before, is_directional, is_domain_char, is_invalid, is_latin_accent, is_path_char, is_path_end,
    is_query_char, is_query_end,
};
use super::tlds::{COUNTRY, GENERIC};
use crate::span::Span;

/// The longest domain label accepted (as in IDNA).
const MAX_LABEL: usize = 63;

/// Whether `c` may come right before a URL.
fn valid_preceding(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) if is_directional(c) => true,
        Some(c) => !(c.is_ascii_alphanumeric() || matches!(c, '@' | '＠' | '$' | '#' | '＃') || is_invalid(c)),
    }
}

/// Whether the char after a TLD ends it (twitter-text: `(?=[^0-9a-z@+-]|$)`).
fn ends_tld(next: Option<char>) -> bool {
    !next.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '@' | '+' | '-'))
}

/// The byte length of the TLD at the start of `rest` (the text after a dot).
fn tld_at(rest: &str) -> Option<usize> {
    // Candidate ends: every char boundary inside the label where the next char ends a TLD.
    let label_end = rest
        .char_indices()
        .find(|&(_, c)| !(is_domain_char(c) || c == '-' || c == '_'))
        .map_or(rest.len(), |(at, _)| at);
    // The longest TLD wins (`भारतम्` over `भारत`).
    let mut lower = String::new();
    let mut found = None;
    for (at, c) in rest[..label_end]
        .char_indices()
        .map(|(at, c)| (at + c.len_utf8(), c))
        .take(MAX_TLD_CHARS)
    {
        lower.extend(c.to_lowercase());
        if !ends_tld(char_at(rest, at)) {
            continue;
        }
        let known = GENERIC.binary_search(&lower.as_str()).is_ok() || COUNTRY.binary_search(&lower.as_str()).is_ok();
        let punycode = lower.len() > 4
            && lower.starts_with("xn--")
            && lower[4..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if known || punycode {
            found = Some(at);
        }
    }
    found
}

/// The longest TLD, in chars (punycode TLDs included).
const MAX_TLD_CHARS: usize = 64;

/// The last run of label chars scanned, per mode: every position inside one run has the same
/// end, so trying a URL at each position of a long run stays linear.
#[derive(Default)]
struct RunCache {
    /// `(start, end)` of the last run, for ASCII-only and Unicode labels.
    runs: [(usize, usize); 2],
}

/// The end of the run of label chars at `start` (domain chars, `-` and `_`).
fn label_end(cache: &mut RunCache, text: &str, start: usize, ascii_only: bool) -> usize {
    let (run_start, run_end) = cache.runs[usize::from(ascii_only)];
    if run_start <= start && start < run_end {
        return run_end;
    }
    let end = scan_label(text, start, ascii_only);
    if end > start {
        cache.runs[usize::from(ascii_only)] = (start, end);
    }
    end
}

/// Scans a run of label chars from `start`.
fn scan_label(text: &str, start: usize, ascii_only: bool) -> usize {
    let mut end = start;
    for (at, c) in text[start..].char_indices() {
        let allowed = if ascii_only {
            c.is_ascii_alphanumeric() || c == '-' || c == '_' || is_latin_accent(c)
        } else {
            is_domain_char(c) || c == '-' || c == '_'
        };
        if !allowed {
            break;
        }
        end = start + at + c.len_utf8();
    }
    end
}

/// Parses the longest host starting at `start` that ends with a known TLD; returns its end.
/// Without protocol (`ascii_only`), the names before the TLD must be ASCII or Latin.
fn host_at(cache: &mut RunCache, text: &str, start: usize, ascii_only: bool) -> Option<usize> {
    // Most words are not followed by a dot: they cannot start a host.
    let first_end = label_end(cache, text, start, ascii_only);
    if first_end == start || !text[first_end..].starts_with('.') {
        return None;
    }
    // Name labels separated by single dots; after each dot a TLD may start.
    let mut labels: Vec<(usize, usize)> = Vec::new();
    let mut at = start;
    loop {
        let end = label_end(cache, text, at, ascii_only);
        if end == at || labels.len() > 127 {
            break;
        }
        labels.push((at, end));
        if !text[end..].starts_with('.') {
            break;
        }
        at = end + 1;
    }
    let valid_label = |(s, e): (usize, usize), name: bool| {
        let label = &text[s..e];
        let edge = |c: Option<char>| c.is_some_and(|c| c != '-' && c != '_');
        edge(label.chars().next())
            && edge(label.chars().next_back())
            && !(name && label.contains('_'))
            && encoded_label_len(label).is_some_and(|len| len <= MAX_LABEL)
    };
    // Try the longest host first: names 0..=last, then a TLD after the dot that follows `last`.
    for last in (0..labels.len()).rev() {
        let dot = labels[last].1;
        if !text[dot..].starts_with('.') || !(0..=last).all(|i| valid_label(labels[i], i == last)) {
            continue;
        }
        if let Some(length) = tld_at(&text[dot + 1..]) {
            return Some(dot + 1 + length);
        }
    }
    None
}

/// The length of a label once IDNA-encoded (`xn--` + punycode for non-ASCII labels); `None` for
/// a label IDNA rejects (an `xn--` label that is not ASCII).
fn encoded_label_len(label: &str) -> Option<usize> {
    if label.get(..4).is_some_and(|prefix| prefix.eq_ignore_ascii_case("xn--")) {
        return label.is_ascii().then_some(label.len());
    }
    if label.is_ascii() {
        return Some(label.len());
    }
    Some(4 + punycode_len(label))
}

/// The length of the punycode encoding (RFC 3492) of `label`.
fn punycode_len(label: &str) -> usize {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    let adapt = |delta: u32, points: u32, first: bool| {
        let mut delta = delta / if first { 700 } else { 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        k + (BASE - T_MIN + 1) * delta / (delta + 38)
    };
    let code_points: Vec<u32> = label.chars().flat_map(char::to_lowercase).map(u32::from).collect();
    let basic = code_points.iter().filter(|&&c| c < 0x80).count() as u32;
    let mut length = basic as usize + usize::from(basic > 0);
    let (mut n, mut delta, mut bias, mut handled) = (0x80u32, 0u32, 72u32, basic);
    let total = code_points.len() as u32;
    while handled < total {
        let Some(&m) = code_points.iter().filter(|&&c| c >= n).min() else {
            break;
        };
        delta = delta.saturating_add((m - n).saturating_mul(handled + 1));
        n = m;
        for &c in &code_points {
            if c < n {
                delta = delta.saturating_add(1);
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    length += 1;
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                length += 1;
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.saturating_add(1);
        n += 1;
    }
    length
}

/// Parses a balanced `( ... )` group of path chars (one level of nesting) at `start`.
fn balanced_parens(text: &str, start: usize) -> Option<usize> {
    let mut depth = 0;
    let mut inner = 0;
    for (at, c) in text[start..].char_indices() {
        match c {
            '(' => {
                depth += 1;
                if depth > 2 {
                    return None;
                }
            }
            ')' => {
                if inner == 0 {
                    return None;
                }
                depth -= 1;
                if depth == 0 {
                    return Some(start + at + 1);
                }
            }
            c if is_path_char(c) => inner += 1,
            _ => return None,
        }
    }
    None
}

/// The end of the path that starts with `/` at `start`.
fn path_end(text: &str, start: usize) -> usize {
    let mut end = start + 1;
    let mut at = start + 1;
    while let Some(c) = char_at(text, at) {
        if c == '(' {
            match balanced_parens(text, at) {
                Some(close) => {
                    at = close;
                    end = at;
                    continue;
                }
                None => break,
            }
        }
        if !is_path_char(c) {
            break;
        }
        at += c.len_utf8();
        if is_path_end(c) {
            end = at;
        }
    }
    end
}

/// The end of the query that starts with `?` at `start`, if it has a valid ending.
fn query_end(text: &str, start: usize) -> Option<usize> {
    let mut end = None;
    for (at, c) in text[start + 1..].char_indices() {
        if !is_query_char(c) {
            break;
        }
        if is_query_end(c) {
            end = Some(start + 1 + at + 1);
        }
    }
    end
}

/// Port, path and query after a host ending at `host_end`: the URL's end.
fn rest_of_url(text: &str, host_end: usize) -> usize {
    let mut end = host_end;
    if text[end..].starts_with(':') {
        let digits = text[end + 1..].bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            end += 1 + digits;
        }
    }
    if text[end..].starts_with('/') {
        end = path_end(text, end);
    }
    if text[end..].starts_with('?') {
        if let Some(query) = query_end(text, end) {
            end = query;
        }
    }
    end
}

/// The length of a case-insensitive `http://` or `https://` at the start of `rest`.
fn protocol_len(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let starts = |prefix: &[u8]| bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix);
    if starts(b"https://") {
        Some(8)
    } else if starts(b"http://") {
        Some(7)
    } else {
        None
    }
}

/// Shortens a t.co URL to `https://t.co/CODE` plus an optional query, as twitter-text does;
/// `None` for a t.co code over 40 characters, which is not a t.co link.
fn tco_end(text: &str, start: usize, protocol: usize, end: usize) -> Option<usize> {
    let host = &text[start + protocol..end];
    if !(host.len() > 5 && host.get(..5).is_some_and(|prefix| prefix.eq_ignore_ascii_case("t.co/"))) {
        return Some(end);
    }
    let code = host[5..].bytes().take_while(u8::is_ascii_alphanumeric).count();
    if code == 0 {
        return Some(end);
    }
    if code > MAX_TCO_CODE {
        return None;
    }
    let code_end = start + protocol + 5 + code;
    if text[code_end..end].starts_with('?') {
        if let Some(query) = query_end(text, code_end) {
            return Some(query.min(end));
        }
    }
    Some(code_end)
}

/// The longest t.co code twitter-text accepts.
const MAX_TCO_CODE: usize = 40;

/// Extracts every URL of `text`, in order.
pub fn extract_urls(text: &str) -> Vec<Url> {
    let mut urls = Vec::new();
    let mut cache = RunCache::default();
    let mut at = 0;
    // A match consumes the char before it, so the next URL cannot start right at `resume`.
    let mut resume = 0;
    while at < text.len() {
        let c = char_at(text, at).expect("at is a char boundary");
        let next = at + c.len_utf8();
        let before = char_before(text, at);
        if (at == 0 || at > resume) && valid_preceding(before) {
            if let Some(found) = url_at(&mut cache, text, at, before) {
                let end = found.span.end;
                urls.push(found);
                resume = end;
                at = end;
                continue;
            }
        }
        at = next;
    }
    urls
}

/// A URL starting exactly at `start`, if there is one.
fn url_at(cache: &mut RunCache, text: &str, start: usize, before: Option<char>) -> Option<Url> {
    if let Some(protocol) = protocol_len(&text[start..]) {
        let host_start = start + protocol;
        let host_end = host_at(cache, text, host_start, false)?;
        let end = tco_end(text, start, protocol, rest_of_url(text, host_end))?;
        return Some(Url {
            span: Span::new(start, end),
            host: Span::new(host_start, host_end),
            has_protocol: true,
        });
    }
    let c = char_at(text, start)?;
    if !is_domain_char(c) || before.is_some_and(|b| matches!(b, '-' | '_' | '.' | '/')) {
        return None;
    }
    // Without protocol, only ASCII (and Latin-accented) domains count.
    if !(c.is_ascii_alphanumeric() || is_latin_accent(c)) {
        return None;
    }
    let host_end = host_at(cache, text, start, true)?;
    let end = rest_of_url(text, host_end);
    Some(Url {
        span: Span::new(start, end),
        host: Span::new(start, host_end),
        has_protocol: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punycode_lengths_match_known_encodings() {
        assert_eq!(encoded_label_len("bücher"), Some("xn--bcher-kva".len()));
        assert_eq!(encoded_label_len("münchen"), Some("xn--mnchen-3ya".len()));
        assert_eq!(encoded_label_len("はじめよう"), Some("xn--p8j0a9n6a0m".len()));
        assert_eq!(encoded_label_len("xn--はじめよう"), None);
    }

    #[test]
    fn pathological_inputs_stay_linear_and_do_not_panic() {
        let long = [
            "a.".repeat(20_000),
            ".".repeat(50_000),
            "http://".repeat(5_000),
            "x.com/((((".repeat(3_000),
            "éa".repeat(50_000),
        ];
        for text in long {
            let _ = extract_urls(&text);
        }
        let urls = extract_urls("see example.com/a_(b) and http://t.co/abc?x=1!");
        let found: Vec<&str> = urls
            .iter()
            .map(|url| url.span.slice("see example.com/a_(b) and http://t.co/abc?x=1!"))
            .collect();
        assert_eq!(found, ["example.com/a_(b)", "http://t.co/abc?x=1"]);
    }
}
