//! URL extraction as twitter-text's `extractUrlsWithIndices` does it, with and without protocol.
//!
//! twitter-text runs one big backtracking regex (`extractUrl`) and then post-filters each match.
//! This module reproduces that regex's choices without backtracking:
//!
//! - the regex tries each start position in turn; at each it first lets a valid preceding char
//!   be consumed (so `Àt.co` yields `t.co`), and only at the very start of the text tries the
//!   URL without one;
//! - the domain is `subdomain* domainName TLD`, where labels are runs of domain chars (with `-`,
//!   and `_` in subdomains) between single dots; the greedy `*` means the longest chain of labels
//!   that still ends in a known TLD wins. That only depends on the run of labels, so it is
//!   computed once per chain of labels (`Chain`), which keeps the scan linear;
//! - a match that the post-filters reject (IDNA label too long, a protocol-less URL after
//!   `-_./`, no ASCII domain inside) still consumes its text, as the regex's `lastIndex` does;
//! - without a protocol only the ASCII (and Latin-accented) domains inside the matched domain
//!   are URLs (`validAsciiDomain`); with a path, the last one runs to the end of the match;
//! - `t.co` links keep only their slug and query.

use std::sync::LazyLock;

use super::Url;
use super::chars::{
    char_at, is_directional, is_domain_char, is_invalid, is_latin_accent, is_path_char, is_path_end, is_query_char,
    is_query_end,
};
use super::tlds::{COUNTRY, GENERIC};
use crate::fasthash::FastSet;
use crate::lanes;
use crate::span::Span;

/// The longest domain label accepted (as in IDNA).
const MAX_LABEL: usize = 63;

/// The longest URL twitter-text accepts, in UTF-16 units with its protocol.
const MAX_URL_LENGTH: usize = 4096;

/// The longest t.co slug twitter-text accepts.
const MAX_TCO_SLUG: usize = 40;

/// The most labels considered in one chain of dot-separated labels (longer chains are cut:
/// no real domain has that many).
const MAX_CHAIN: usize = 64;

/// The longest TLD, in bytes.
const MAX_TLD_BYTES: usize = 64;

/// Whether `c` may come right before a URL (twitter-text's validUrlPrecedingChars).
fn valid_preceding(c: char) -> bool {
    is_directional(c) || !(c.is_ascii_alphanumeric() || matches!(c, '@' | '＠' | '$' | '#' | '＃') || is_invalid(c))
}

/// A char of a label run: a domain char, `-` or `_`.
fn is_run_char(c: char) -> bool {
    c == '-' || c == '_' || is_domain_char(c)
}

/// [`is_run_char`] for each ASCII byte: not ASCII punctuation (except `-`, `_`, `"` and the
/// backtick, which twitter-text's domain chars allow) and not a space.
static ASCII_RUN_CHARS: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        let punct = byte.is_ascii_punctuation() && !matches!(byte, b'-' | b'_' | b'"' | b'`');
        let space = byte == b' ' || (byte >= 9 && byte <= 13);
        table[b] = !punct && !space;
        b += 1;
    }
    table
};

/// For each byte, whether it may come between the start of a match and its domain's first dot
/// ([`earliest_start`]): an ASCII run char, `:` or `/`, or any non-ASCII byte.
static BEFORE_FIRST_DOT: [bool; 256] = {
    let mut table = [true; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = ASCII_RUN_CHARS[b] || b == b':' as usize || b == b'/' as usize;
        b += 1;
    }
    table
};

/// Whether `b` is an ASCII run char ([`ASCII_RUN_CHARS`]).
fn is_ascii_run_byte(b: u8) -> bool {
    b < 0x80 && ASCII_RUN_CHARS[usize::from(b)]
}

/// A char of an ASCII label (validAsciiDomain): ASCII letters and digits, `-`, Latin accents.
fn is_ascii_label_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || is_latin_accent(c)
}

/// Whether a TLD may end at byte `end` of `text`, looking no further than `limit`: there, or
/// before a char that ends it (twitter-text: `(?=[^0-9a-zA-Z@+-]|$)`).
fn tld_ends_at(text: &str, end: usize, limit: usize) -> bool {
    end == limit || !char_at(text, end).is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '@' | '+' | '-'))
}

/// Every TLD of both lists, hashed once: a lookup is one hash, where a binary search of the
/// lists took about 20 string comparisons.
static TLDS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| GENERIC.iter().chain(COUNTRY).copied().collect());

/// Whether `candidate` is a TLD of the list (`candidate` already lowercase).
fn known_tld(candidate: &str) -> bool {
    TLDS.contains(candidate)
}

/// The end of the TLD that starts at `at`, if any, looking no further than `limit` (the end of
/// the text, or of the domain for the ASCII-domain pass, where `limit` also ends the TLD).
///
/// twitter-text lists TLDs longest first, then tries punycode (`xn--[-0-9a-z]+`); a TLD must not
/// be followed by an ASCII letter or digit, `@`, `+` or `-`.
fn tld_end(text: &str, at: usize, limit: usize) -> Option<usize> {
    let found = listed_tld_end(text, at, limit);
    if found.is_some() {
        return found;
    }
    // Punycode TLD: `xn--` and the longest run of `[-0-9a-z]` after it.
    let bytes = &text.as_bytes()[at..limit];
    if bytes.len() > 4 && bytes[..4].eq_ignore_ascii_case(b"xn--") {
        let run = bytes[4..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if run > 0 && tld_ends_at(text, at + 4 + run, limit) {
            return Some(at + 4 + run);
        }
    }
    None
}

/// The end of the longest TLD of the lists at `at` ([`tld_end`] before punycode).
fn listed_tld_end(text: &str, at: usize, limit: usize) -> Option<usize> {
    let bytes = &text.as_bytes()[at..limit];
    // Most TLDs are ASCII letters followed by an ASCII char or nothing. No TLD holds another
    // ASCII char (a test checks the lists), so the only candidate is then the whole run of
    // letters: a shorter one is followed by a letter, which does not end a TLD.
    // Counted no further than one letter past the longest TLD: a longer run is none, and
    // counting it all at every place tried in a long run would be quadratic.
    let letters = bytes
        .iter()
        .take(MAX_TLD_BYTES + 1)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if letters > MAX_TLD_BYTES {
        return None;
    }
    if bytes.get(letters).is_some_and(|b| !b.is_ascii()) {
        return unicode_tld_end(text, at, limit);
    }
    let end = at + letters;
    (letters > 0 && tld_ends_at(text, end, limit) && known_ascii_tld(&bytes[..letters])).then_some(end)
}

/// Whether ASCII `letters`, lowercased, are a TLD of the list.
fn known_ascii_tld(letters: &[u8]) -> bool {
    if let Some(packed) = pack_short(letters) {
        return SHORT_TLDS.contains(&packed);
    }
    let mut buffer = [0u8; MAX_TLD_BYTES];
    let Some(lower) = buffer.get_mut(..letters.len()) else {
        return false;
    };
    lower.copy_from_slice(letters);
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(known_tld)
}

/// The TLDs of up to eight ASCII letters (most of them), packed by [`pack_short`]: a lookup
/// hashes one integer, where a string took about four times the instructions.
static SHORT_TLDS: LazyLock<FastSet<u64>> =
    LazyLock::new(|| TLDS.iter().filter_map(|tld| pack_short(tld.as_bytes())).collect());

/// Up to eight ASCII bytes, lowercased, as the bytes of a `u64` (zero-padded: no TLD has a zero
/// byte, so lengths differ too); `None` for longer or non-ASCII ones.
fn pack_short(bytes: &[u8]) -> Option<u64> {
    let mut packed = [0u8; 8];
    packed.get_mut(..bytes.len())?.copy_from_slice(bytes);
    packed.make_ascii_lowercase();
    bytes.is_ascii().then(|| u64::from_le_bytes(packed))
}

/// [`listed_tld_end`] char by char: every prefix of the run of domain chars at `at`,
/// lowercased, that ends a TLD; the longest wins.
fn unicode_tld_end(text: &str, at: usize, limit: usize) -> Option<usize> {
    let mut buffer = [0u8; MAX_TLD_BYTES];
    let mut len = 0;
    let mut found = None;
    for (offset, c) in text[at..limit].char_indices() {
        if !is_domain_char(c) {
            break;
        }
        // Lowercase like JavaScript's case-insensitive match (one char to one char only). The
        // lowercase form may be longer in UTF-8 than the char (`Ⱥ` -> `ⱥ`): the buffer holds
        // the lowercase form, the text offsets follow the char as written.
        let mut lower = c.to_lowercase();
        let folded = match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        };
        if len + folded.len_utf8() > MAX_TLD_BYTES {
            break;
        }
        folded.encode_utf8(&mut buffer[len..]);
        len += folded.len_utf8();
        let end = at + offset + c.len_utf8();
        if tld_ends_at(text, end, limit) && std::str::from_utf8(&buffer[..len]).is_ok_and(known_tld) {
            found = Some(end);
        }
    }
    found
}

/// One label run of a chain: `[start, end)`, and the domain end if a domain starting with this
/// whole run matches (`best`).
#[derive(Clone, Copy)]
struct Link {
    start: usize,
    end: usize,
    best: Option<usize>,
}

/// The label runs of the last chain computed (runs joined by single dots), with their answers.
struct Chain {
    /// At most [`MAX_CHAIN`] (a vector: most texts compute no chain, and a 2 KB array took
    /// more to set up than the allocation of those that do).
    links: Vec<Link>,
    /// The last run scanned by [`Chain::run`]: `(from, end, last underscore)`; every position
    /// inside it shares its end, so scanning each position of a long run stays linear.
    last_run: (usize, usize, Option<usize>),
    /// Whether [`domain_at`] may skip the chain after a dot when [`ends_chain_soon`] (off only
    /// in the test that checks that the fast paths change nothing).
    fast: bool,
}

impl Chain {
    fn new(fast: bool) -> Self {
        Chain {
            links: Vec::new(),
            last_run: (0, 0, None),
            fast,
        }
    }

    /// The run of label chars from `start`: its end and its last `_`, if any.
    fn run(&mut self, text: &str, start: usize) -> (usize, Option<usize>) {
        let (from, end, underscore) = self.last_run;
        if from <= start && start < end {
            return (end, underscore.filter(|&u| u >= start));
        }
        let mut underscore = None;
        let mut at = start;
        let bytes = text.as_bytes();
        while at < bytes.len() {
            let b = bytes[at];
            let width = if b.is_ascii() {
                if !ASCII_RUN_CHARS[usize::from(b)] {
                    break;
                }
                1
            } else {
                let c = char_at(text, at).expect("char boundary");
                if !is_run_char(c) {
                    break;
                }
                c.len_utf8()
            };
            if b == b'_' {
                underscore = Some(at);
            }
            at += width;
        }
        if at > start {
            self.last_run = (start, at, underscore);
        }
        (at, underscore)
    }

    /// The domain end for a domain that starts with the whole run at `start` (a run right after
    /// a dot), computing and caching its chain if needed.
    fn best(&mut self, text: &str, start: usize) -> Option<usize> {
        if let Some(link) = self.links.iter().find(|link| link.start == start) {
            return link.best;
        }
        self.compute(text, start);
        self.links.first().and_then(|link| link.best)
    }

    /// Fills the chain that starts with the run at `start`, and each run's answer (right to left:
    /// the longest chain of subdomains that ends in a domain name and a TLD).
    fn compute(&mut self, text: &str, start: usize) {
        let bytes = text.as_bytes();
        self.links.clear();
        let mut at = start;
        while self.links.len() < MAX_CHAIN {
            let (end, _) = self.run(text, at);
            if end == at {
                break;
            }
            self.links.push(Link {
                start: at,
                end,
                best: None,
            });
            if bytes.get(end) != Some(&b'.') {
                break;
            }
            at = end + 1;
        }
        // The run after the last link (if the chain was cut or ends in a dot) can hold a TLD.
        let mut next_best: Option<usize> = None;
        for i in (0..self.links.len()).rev() {
            let Link { start, end, .. } = self.links[i];
            let label = &text[start..end];
            let followed = bytes.get(end) == Some(&b'.');
            let edges = label_edges_ok(label);
            let tld = if followed {
                tld_end(text, end + 1, text.len())
            } else {
                None
            };
            let best = if edges && followed && next_best.is_some() {
                next_best
            } else if edges && followed && !label.contains('_') {
                tld
            } else {
                None
            };
            self.links[i].best = best;
            next_best = best;
        }
    }
}

/// Whether a label starts and ends with a domain char (not `-` or `_`).
fn label_edges_ok(label: &str) -> bool {
    let edge = |c: Option<char>| c.is_some_and(|c| c != '-' && c != '_');
    edge(label.chars().next()) && edge(label.chars().next_back())
}

/// The end of the domain (`subdomain* domainName TLD`) that starts at `q`, if any.
fn domain_at(chain: &mut Chain, text: &str, q: usize) -> Option<usize> {
    let c = char_at(text, q)?;
    if !is_domain_char(c) {
        return None;
    }
    let (end, underscore) = chain.run(text, q);
    let bytes = text.as_bytes();
    if bytes.get(end) != Some(&b'.') {
        return None;
    }
    // The label starts with a domain char (checked above); it must also end with one.
    if text[q..end].chars().next_back().is_some_and(|c| c == '-' || c == '_') {
        return None;
    }
    // More labels first (greedy), then this label as the domain name. When the run after the
    // dot is short, ASCII and ends at no dot (`t.co/`), it is the whole chain of more labels:
    // one label followed by no dot, which holds no longer domain, so no chain is computed.
    if !(chain.fast && ends_chain_soon(&bytes[end + 1..]))
        && let Some(best) = chain.best(text, end + 1)
    {
        return Some(best);
    }
    if underscore.is_some() {
        return None;
    }
    tld_end(text, end + 1, text.len())
}

/// With the fast paths on, the end of the domain `t.co` at `at` when a `/` follows it: what
/// [`domain_at`] finds there (one label, then the TLD `co`, which the `/` ends), known at once
/// for X's link shortener, behind most links of real tweets.
fn shortener_domain_end(chain: &Chain, text: &str, at: usize) -> Option<usize> {
    (chain.fast && text.as_bytes()[at..].starts_with(b"t.co/")).then_some(at + "t.co".len())
}

/// With the fast paths on, the end of a plain domain at `at`, as most links after a protocol
/// have: labels of ASCII letters, digits and inner `-`, joined by single dots, the last a listed
/// TLD, followed by the end of the text or an ASCII char that ends a run of labels and a TLD
/// (a space, `/`, `?`, `,`, `)`, not `.`, `@` or `+`). [`domain_at`] finds the same end there:
/// every label is a whole run with valid edges, so the longest chain of labels that ends in a
/// TLD is the whole chain. `None` when the slow path must decide.
fn plain_domain_end(chain: &Chain, text: &str, at: usize) -> Option<usize> {
    if !chain.fast {
        return None;
    }
    let bytes = text.as_bytes();
    let mut label_start = at;
    let mut labels = 0;
    let end = loop {
        let label = &bytes[label_start..];
        let len = label
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-')
            .count();
        if len == 0 || label[0] == b'-' || label[len - 1] == b'-' {
            return None;
        }
        labels += 1;
        match label.get(len) {
            Some(b'.') if labels < MAX_CHAIN => label_start += len + 1,
            Some(b'.' | b'@' | b'+') => return None,
            Some(&b) if is_ascii_run_byte(b) || !b.is_ascii() => return None,
            _ => break label_start + len,
        }
    };
    let tld = &bytes[label_start..end];
    (labels > 1 && tld.len() <= MAX_TLD_BYTES && known_ascii_tld(tld)).then_some(end)
}

/// Whether `bytes` start with a short run of ASCII run chars ([`short_ascii_run`], maybe empty)
/// that ends at their end or at an ASCII byte other than a dot: a chain of one label or none,
/// which [`Chain::best`] answers with `None`.
fn ends_chain_soon(bytes: &[u8]) -> bool {
    short_ascii_run(bytes).is_some_and(|len| bytes.get(len).is_none_or(|&b| b != b'.' && b.is_ascii()))
}

/// The length of the run of ASCII run chars at the start of `bytes`, if it is no longer than
/// the longest TLD. The fast paths that try it at every place of a long run read a bounded
/// part of it (longer runs go to the slow path, whose runs are cached), so they stay linear.
fn short_ascii_run(bytes: &[u8]) -> Option<usize> {
    let len = bytes
        .iter()
        .take(MAX_TLD_BYTES + 1)
        .take_while(|&&b| is_ascii_run_byte(b))
        .count();
    (len <= MAX_TLD_BYTES).then_some(len)
}

/// The first ASCII domain (validAsciiDomain) inside `domain` at or after `from`: its span.
fn ascii_domain(text: &str, from: usize, limit: usize) -> Option<Span> {
    let bytes = text.as_bytes();
    let mut at = from;
    while at < limit {
        let c = char_at(text, at).expect("char boundary");
        if !is_ascii_label_char(c) {
            at += c.len_utf8();
            continue;
        }
        // A chain of ASCII labels, each followed by a dot; the TLD after the last dot that has one.
        let chain_start = at;
        let mut label_start = at;
        let mut found = None;
        loop {
            let label_end = label_start
                + text[label_start..limit]
                    .char_indices()
                    .find(|&(_, c)| !is_ascii_label_char(c))
                    .map_or(limit - label_start, |(offset, _)| offset);
            if label_end == label_start || label_end >= limit || bytes[label_end] != b'.' {
                at = label_end.max(label_start + 1);
                break;
            }
            if let Some(end) = tld_end(text, label_end + 1, limit) {
                found = Some(end);
            }
            label_start = label_end + 1;
        }
        if let Some(end) = found {
            return Some(Span::new(chain_start, end));
        }
        while !text.is_char_boundary(at) {
            at += 1;
        }
    }
    None
}

/// The length in UTF-16 units of `s`.
fn utf16_len(s: &str) -> usize {
    s.bytes()
        .map(|b| usize::from((b as i8) >= -0x40) + usize::from(b >= 0xF0))
        .sum()
}

/// twitter-text's `isValidUrl`: the domain must IDNA-encode (labels of 1 to 63 chars) and the
/// URL with its protocol must fit in 4096 UTF-16 units. Returns the encoded domain's length.
fn encoded_domain_len(text: &str, domain: Span) -> Option<usize> {
    let domain_text = domain.slice(text);
    if domain_text.starts_with("xn--") && ascii_domain(text, domain.start, domain.end).is_none() {
        return None;
    }
    if domain_text.bytes().all(|b| b < 0x7F) {
        // Nothing to encode (most domains): each label as it is, not empty nor too long.
        let labels_fit = domain_text
            .as_bytes()
            .split(|&b| b == b'.')
            .all(|label| (1..=MAX_LABEL).contains(&label.len()));
        return labels_fit.then_some(domain_text.len());
    }
    let mut total = 0;
    for (i, label) in domain_text.split('.').enumerate() {
        // punycode.js also splits on the ideographic and full-width full stops.
        let mut encoded = 0;
        for (j, part) in label.split(['\u{3002}', '\u{FF0E}', '\u{FF61}']).enumerate() {
            encoded += usize::from(j > 0);
            encoded += if part.bytes().all(|b| b < 0x7F) {
                part.len()
            } else if part.chars().count() > MAX_LABEL {
                return None;
            } else {
                4 + punycode_len(part)
            };
        }
        if encoded == 0 || encoded > MAX_LABEL {
            return None;
        }
        total += encoded + usize::from(i > 0);
    }
    Some(total)
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
    // Callers pass at most MAX_LABEL chars (a longer label cannot encode short enough).
    let mut buffer = [0u32; MAX_LABEL];
    let mut count = 0;
    for c in label.chars().take(MAX_LABEL) {
        buffer[count] = u32::from(c);
        count += 1;
    }
    let code_points = &buffer[..count];
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
        for &c in code_points {
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

/// The end of the run of path chars from `at`.
fn path_run(text: &str, at: usize) -> usize {
    at + text[at..]
        .char_indices()
        .find(|&(_, c)| !is_path_char(c))
        .map_or(text.len() - at, |(offset, _)| offset)
}

/// Parses a balanced paren group at `start` (twitter-text's validUrlBalancedParens:
/// `(chars)` or `(chars(chars)chars)`), returning its end.
fn balanced_parens(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let first = path_run(text, start + 1);
    if first > start + 1 && bytes.get(first) == Some(&b')') {
        return Some(first + 1);
    }
    if bytes.get(first) != Some(&b'(') {
        return None;
    }
    let inner = path_run(text, first + 1);
    if inner == first + 1 || bytes.get(inner) != Some(&b')') {
        return None;
    }
    let last = path_run(text, inner + 1);
    (bytes.get(last) == Some(&b')')).then_some(last + 1)
}

/// The end of the path that starts with `/` at `start`.
fn path_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start + 1;
    let mut at = start + 1;
    loop {
        // ASCII letters and digits (most of a path) continue and may end it.
        let letters = bytes[at..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if letters > 0 {
            at += letters;
            end = at;
        }
        let Some(c) = char_at(text, at) else {
            break;
        };
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

/// Port, path and query after a domain ending at `domain_end`: the match's end and whether it
/// has a path.
fn rest_of_url(text: &str, domain_end: usize) -> (usize, bool) {
    let mut end = domain_end;
    if text[end..].starts_with(':') {
        let digits = text[end + 1..].bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            end += 1 + digits;
        }
    }
    let has_path = text[end..].starts_with('/');
    if has_path {
        end = path_end(text, end);
    }
    if text[end..].starts_with('?')
        && let Some(query) = query_end(text, end)
    {
        end = query;
    }
    (end, has_path)
}

/// A t.co URL keeps only `https://t.co/SLUG` and a query right after the slug; `None` for a slug
/// over 40 characters, which is not a link at all.
fn tco_end(text: &str, start: usize, protocol: usize, end: usize) -> Option<usize> {
    let rest = &text.as_bytes()[start + protocol..end];
    if !(rest.len() > 5 && rest[..5].eq_ignore_ascii_case(b"t.co/")) {
        return Some(end);
    }
    let slug = rest[5..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    if slug == 0 {
        return Some(end);
    }
    if slug > MAX_TCO_SLUG {
        return None;
    }
    let slug_end = start + protocol + 5 + slug;
    if text[slug_end..end].starts_with('?')
        && let Some(query) = query_end(&text[..end], slug_end)
    {
        return Some(query);
    }
    Some(slug_end)
}

/// Extracts every URL of `text`, in order (twitter-text's `extractUrlsWithIndices`).
pub fn extract_urls(text: &str) -> Vec<Url> {
    let mut urls = Vec::new();
    scan_urls(text, true, &mut urls);
    urls
}

/// The URL scan, appending to `urls`; `fast` enables the fast paths (the jumps to the next dot
/// that may end a domain's first label, over words that cannot hold a URL, and past short last
/// labels); it is off only in the test that checks they change nothing.
pub(super) fn scan_urls(text: &str, fast: bool, urls: &mut Vec<Url>) {
    let bytes = text.as_bytes();
    // Every URL has a label dot: most posts have none (sentence-ending dots do not qualify) and
    // stop here.
    let Some(first_dot) = label_dot(bytes, 0) else {
        return;
    };
    let mut chain = Chain::new(fast);
    let mut at = 0;
    // The first label dot at or after `at`, and the earliest place a match whose domain has it
    // can start.
    let mut next_dot = (first_dot, earliest_start(text, first_dot));
    while at < text.len() {
        if fast {
            if next_dot.0 < at {
                let Some(dot) = label_dot(bytes, at) else {
                    break;
                };
                next_dot = (dot, earliest_start(text, dot));
            }
            at = at.max(next_dot.1);
        }
        let b = bytes[at];
        // ASCII letters and digits cannot precede a URL: skip them (only the very start of the
        // text can begin a URL without a preceding char).
        if b.is_ascii_alphanumeric() && at > 0 {
            at += 1;
            continue;
        }
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            char_at(text, at).expect("char boundary")
        };
        let next = at + c.len_utf8();
        if fast
            && at > 0
            && let Some(skip) = skip_plain_word(bytes, next)
        {
            at = skip;
            continue;
        }
        // The regex first consumes a preceding char, and only at the start of the text tries
        // without one.
        let found = if valid_preceding(c) {
            body_at(&mut chain, text, next, Some(c))
        } else {
            None
        };
        let found = match found {
            None if at == 0 => body_at(&mut chain, text, 0, None),
            found => found,
        };
        match found {
            Some(found) => {
                accept(urls, text, &found);
                at = found.end;
            }
            None => at = skip_word(&mut chain, text, next),
        }
    }
}

/// The first dot at or after `from` that may end a domain's first label: one followed by a byte
/// that may start a label (a label char, or any non-ASCII byte).
///
/// Every match of the regex has one: its domain runs from the end of the protocol through label
/// chars to its first dot, and a label or TLD follows that dot.
fn label_dot(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(offset) = lanes::position_of(&bytes[at..], b'.') {
        let dot = at + offset;
        if bytes
            .get(dot + 1)
            .is_some_and(|&b| b >= 0x80 || ASCII_RUN_CHARS[usize::from(b)])
        {
            return Some(dot);
        }
        at = dot + 1;
    }
    None
}

/// The earliest place a match can start whose domain's first dot is `dot`: before the dot come
/// only label chars, the protocol (letters, `:` and `/`) and one preceding char. Any non-ASCII
/// byte is taken for a label char, which only moves the place earlier.
fn earliest_start(text: &str, dot: usize) -> usize {
    let bytes = text.as_bytes();
    let mut start = dot;
    while start > 0 && BEFORE_FIRST_DOT[usize::from(bytes[start - 1])] {
        start -= 1;
    }
    text[..start]
        .chars()
        .next_back()
        .map_or(start, |c| start - c.len_utf8())
}

/// The fast path of a start before `q` (not at the text's start) that fails: when an ASCII word
/// starts at `q` that no protocol starts and no dot ends, no URL starts at `q`, and the scan goes
/// on where [`skip_word`] would send it. `None` when the slow path must decide.
fn skip_plain_word(bytes: &[u8], q: usize) -> Option<usize> {
    let first = *bytes.get(q)?;
    if !is_ascii_run_byte(first) || first.eq_ignore_ascii_case(&b'h') {
        return None;
    }
    let end = q + short_ascii_run(&bytes[q..])?;
    if bytes.get(end).is_some_and(|&b| b == b'.' || b >= 0x80) {
        return None;
    }
    // skip_word stops before an `h` that may begin a protocol.
    let protocol =
        (q + 1..end).find(|&at| bytes[at].eq_ignore_ascii_case(&b'h') && !bytes[at - 1].is_ascii_alphanumeric());
    Some(protocol.map_or(end, |at| at - 1))
}

/// After a failed start before `q`: the next position worth trying. A run of label chars that
/// is not followed by a dot cannot hold a domain start, so the scan jumps over it, stopping
/// only where a protocol could begin (`h` after a char that may precede a URL).
fn skip_word(chain: &mut Chain, text: &str, q: usize) -> usize {
    let bytes = text.as_bytes();
    if q >= text.len() || !char_at(text, q).is_some_and(is_run_char) {
        return q;
    }
    let (end, _) = chain.run(text, q);
    if bytes.get(end) == Some(&b'.') {
        return q;
    }
    let mut at = q;
    while at < end {
        let b = bytes[at];
        if (b == b'h' || b == b'H') && at > q && !bytes[at - 1].is_ascii_alphanumeric() {
            // Back to the char before the `h`, which the main loop tries as a preceding char.
            let mut before = at - 1;
            while !text.is_char_boundary(before) {
                before -= 1;
            }
            return before.max(q);
        }
        at += 1;
    }
    end
}

/// One regex match: where its URL part starts, protocol length, domain, end, path, and the char
/// consumed before it.
struct Match {
    start: usize,
    protocol: usize,
    domain: Span,
    end: usize,
    has_path: bool,
    before: Option<char>,
}

/// The regex's URL part at `q` (protocol optional: tried with it first), if it matches.
fn body_at(chain: &mut Chain, text: &str, q: usize, before: Option<char>) -> Option<Match> {
    if q >= text.len() {
        return None;
    }
    if let Some(protocol) = protocol_len(&text[q..])
        && let Some(domain_end) = shortener_domain_end(chain, text, q + protocol)
            .or_else(|| plain_domain_end(chain, text, q + protocol))
            .or_else(|| domain_at(chain, text, q + protocol))
    {
        let (end, has_path) = rest_of_url(text, domain_end);
        return Some(Match {
            start: q,
            protocol,
            domain: Span::new(q + protocol, domain_end),
            end,
            has_path,
            before,
        });
    }
    let domain_end = domain_at(chain, text, q)?;
    let (end, has_path) = rest_of_url(text, domain_end);
    Some(Match {
        start: q,
        protocol: 0,
        domain: Span::new(q, domain_end),
        end,
        has_path,
        before,
    })
}

/// twitter-text's length limit on a match: its protocol (8 units when it has none), the match
/// and its encoded domain in place of the domain as written, at most [`MAX_URL_LENGTH`] UTF-16
/// units. A UTF-16 string never has more units than its UTF-8 form has bytes, so a match that
/// fits by bytes (all but the longest) fits without counting units.
fn fits_url_length(text: &str, found: &Match, encoded: usize) -> bool {
    let protocol = if found.protocol == 0 { 8 } else { found.protocol };
    let outside_domain = found.end - found.start - found.domain.len();
    if protocol + outside_domain + encoded <= MAX_URL_LENGTH {
        return true;
    }
    let url_len = utf16_len(&text[found.start..found.end]);
    protocol + url_len + encoded - utf16_len(found.domain.slice(text)) <= MAX_URL_LENGTH
}

/// twitter-text's checks on one regex match; pushes the URLs it yields.
fn accept(urls: &mut Vec<Url>, text: &str, found: &Match) {
    let Some(encoded) = encoded_domain_len(text, found.domain) else {
        return;
    };
    if !fits_url_length(text, found, encoded) {
        return;
    }
    if found.protocol > 0 {
        if let Some(end) = tco_end(text, found.start, found.protocol, found.end) {
            urls.push(Url {
                span: Span::new(found.start, end),
                host: found.domain,
                has_protocol: true,
            });
        }
        return;
    }
    if found.before.is_some_and(|c| matches!(c, '-' | '_' | '.' | '/')) {
        return;
    }
    let first = urls.len();
    let mut from = found.domain.start;
    while let Some(ascii) = ascii_domain(text, from, found.domain.end) {
        urls.push(Url {
            span: ascii,
            host: ascii,
            has_protocol: false,
        });
        from = ascii.end;
    }
    if found.has_path && urls.len() > first {
        let last = urls.last_mut().expect("pushed");
        last.span.end = found.end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_paths_find_the_same_urls() {
        // Random texts from the chars that decide URLs: the fast paths must change nothing.
        let pieces = [
            "a",
            "h",
            "H",
            "t",
            "p",
            "s",
            ":",
            "/",
            ".",
            "co",
            "com",
            "-",
            "_",
            " ",
            "é",
            "ü",
            "1",
            "@",
            "#",
            "(",
            ")",
            "?",
            "=",
            "\u{3000}",
            "http://",
            "https://",
            "t.co/",
            "www.",
            "example",
            "\"",
            "`",
            "Ⱥ",
            "\u{200f}",
            "xn--",
            "org",
            "ORG",
            "\n",
            "x-1",
            "-a",
            "a-",
            "ü.",
            "example.org/",
            "a.b.c.d.e.f.",
            "+",
            ",",
            "\u{1}",
            "a.co",
            "é.co",
        ];
        let mut rng = crate::testing::Xorshift::new(0x2545_F491_4F6C_DD1D);
        let mut next = |n: usize| rng.below(n);
        let scan = |text: &str, fast: bool| {
            let mut urls = Vec::new();
            scan_urls(text, fast, &mut urls);
            urls
        };
        for _ in 0..40_000 {
            let text: String = (0..next(40)).map(|_| pieces[next(pieces.len())]).collect();
            assert_eq!(scan(&text, true), scan(&text, false), "{text:?}");
        }
    }

    #[test]
    fn the_fast_paths_cut_long_chains_of_labels_as_the_slow_path_does() {
        for labels in [MAX_CHAIN - 1, MAX_CHAIN, MAX_CHAIN + 1, MAX_CHAIN + 2, 2 * MAX_CHAIN] {
            let text = format!("see https://{}com/x now", "a.".repeat(labels));
            let scan = |fast: bool| {
                let mut urls = Vec::new();
                scan_urls(&text, fast, &mut urls);
                urls
            };
            assert_eq!(scan(true), scan(false), "{labels} labels");
        }
    }

    #[test]
    fn urls_over_4096_utf16_units_are_not_extracted() {
        // `https://` (8) + the match (20 + path) + the domain encoded (11) - as written (11).
        let fits = |path: &str| {
            let text = format!("see https://example.com/{path} now");
            let urls = extract_urls(&text);
            match urls.as_slice() {
                [] => false,
                [url] => {
                    assert_eq!(url.span.slice(&text), format!("https://example.com/{path}"));
                    true
                }
                _ => panic!("{urls:?}"),
            }
        };
        // `é` and `д` take 2 bytes and 1 unit: these matches fit by units, not by bytes.
        for unit in ["a", "é", "д"] {
            let most = MAX_URL_LENGTH - 8 - 20;
            assert!(fits(&unit.repeat(most)), "{unit} x {most}");
            assert!(!fits(&unit.repeat(most + 1)), "{unit} x {}", most + 1);
        }
        // Without a protocol, 8 units are counted for it.
        let text = format!("see example.com/{} now", "a".repeat(MAX_URL_LENGTH - 8 - 12));
        assert_eq!(extract_urls(&text).len(), 1);
        let text = format!("see example.com/{} now", "a".repeat(MAX_URL_LENGTH - 8 - 11));
        assert!(extract_urls(&text).is_empty());
    }

    #[test]
    fn the_ascii_run_table_agrees_with_is_run_char() {
        for b in 0u8..128 {
            assert_eq!(ASCII_RUN_CHARS[usize::from(b)], is_run_char(char::from(b)), "byte {b}");
        }
    }

    #[test]
    fn tlds_hold_no_ascii_char_but_small_letters() {
        // What the ASCII shortcut of `listed_tld_end` relies on.
        for tld in GENERIC.iter().chain(COUNTRY) {
            assert!(tld.bytes().all(|b| !b.is_ascii() || b.is_ascii_lowercase()), "{tld:?}");
        }
    }

    #[test]
    fn every_ascii_tld_is_known_in_any_case_and_only_those() {
        for tld in GENERIC.iter().chain(COUNTRY).filter(|tld| tld.is_ascii()) {
            assert!(known_ascii_tld(tld.to_uppercase().as_bytes()), "{tld:?}");
            for other in [
                format!("{tld}a"),
                format!("a{tld}"),
                format!("{tld}{tld}"),
                tld[1..].to_string(),
            ] {
                assert_eq!(known_ascii_tld(other.as_bytes()), known_tld(&other), "{other:?}");
            }
        }
    }

    #[test]
    fn the_ascii_tld_shortcut_finds_what_the_char_by_char_search_finds() {
        let pieces = [
            "co",
            "CO",
            "Photography",
            "com",
            "Com",
            "c",
            "m",
            "org",
            "x",
            "vermögensberater",
            "VERM",
            "ö",
            "é",
            "Ⱥ",
            "\u{212A}",
            "中国",
            "1",
            "-",
            "@",
            "+",
            ".",
            "/",
            "\"",
            "`",
            "\u{1}",
            " ",
            "xn--",
        ];
        let mut rng = crate::testing::Xorshift::new(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let text = rng.text(&pieces, 9);
            let boundaries: Vec<usize> = (0..=text.len()).filter(|&at| text.is_char_boundary(at)).collect();
            for &at in &boundaries {
                for &limit in boundaries.iter().filter(|&&limit| limit >= at) {
                    assert_eq!(
                        listed_tld_end(&text, at, limit),
                        unicode_tld_end(&text, at, limit),
                        "{text:?} at {at} limit {limit}"
                    );
                }
            }
        }
    }

    #[test]
    fn punycode_lengths_match_known_encodings() {
        assert_eq!(punycode_len("bücher"), "bcher-kva".len());
        assert_eq!(punycode_len("münchen"), "mnchen-3ya".len());
        assert_eq!(punycode_len("はじめよう"), "p8j0a9n6a0m".len());
    }

    #[test]
    fn encoded_domains_count_labels_as_punycode_has_them() {
        let encoded = |domain: &str| encoded_domain_len(domain, Span::new(0, domain.len()));
        let longest = "a".repeat(MAX_LABEL);
        assert_eq!(encoded("t.co"), Some(4));
        assert_eq!(encoded(&format!("{longest}.com")), Some(MAX_LABEL + 4));
        assert_eq!(encoded(&format!("{longest}a.com")), None);
        assert_eq!(encoded("a..com"), None);
        assert_eq!(encoded("bücher.de"), Some("xn--bcher-kva.de".len()));
        // A full-width full stop is encoded as a dot, within its label.
        assert_eq!(encoded("a\u{FF0E}b.com"), Some(7));
        assert_eq!(encoded(&format!("{longest}\u{FF0E}b.com")), None);
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

    fn urls(text: &str) -> Vec<&str> {
        extract_urls(text).iter().map(|url| url.span.slice(text)).collect()
    }

    #[test]
    fn follows_the_regex_choices_of_twitter_text() {
        // The regex consumes a valid preceding char before trying the start of the text.
        assert_eq!(urls("Àt.coä.lywww."), ["t.co"]);
        assert_eq!(urls("xÀt.co"), ["xÀt.co"]);
        // Without protocol, the ASCII domains inside a Unicode domain; a match after `_` is dropped whole.
        assert_eq!(urls("é.한국 x"), ["é.한국"]);
        assert_eq!(urls("_中国t.co"), Vec::<&str>::new());
        // A query without a path is not part of a protocol-less URL.
        assert_eq!(
            urls("example.com?a=1 example.com/p?a=1"),
            ["example.com", "example.com/p?a=1"]
        );
        // One nested paren group only.
        assert_eq!(
            urls("x.com/a_(b(c)d) x.com/a(b(c)d(e)f)"),
            ["x.com/a_(b(c)d)", "x.com/a"]
        );
        // IDNA: a label over 63 chars makes the whole match invalid.
        let long = format!("http://{}.com x", "a".repeat(64));
        assert!(urls(&long).is_empty());
    }

    #[test]
    fn a_tld_candidate_whose_lowercase_is_longer_is_read_as_written() {
        // `Ⱥ` (2 bytes) lowercases to `ⱥ` (3 bytes); `ſ` (2 bytes) to itself but uppercases to
        // ASCII; `İ` lowercases to two chars.
        for text in ["x.Ⱥ", "a.bȺ b.cȺ", "x.ȺȾ.com", "http://x.Ⱥ/p", "ex.İ x.ſ é.Ⱥa"] {
            for url in extract_urls(text) {
                assert!(text.is_char_boundary(url.span.end), "{text:?}: {:?}", url.span);
            }
        }
        assert_eq!(urls("see x.Ⱥ or example.com"), ["example.com"]);
    }

    #[test]
    fn long_runs_are_scanned() {
        // Quadratic scanning would not finish on these; speed itself is measured in benches/.
        let texts = [
            "中".repeat(100_000),
            "中.".repeat(50_000),
            "a-".repeat(50_000) + ".",
            "a_a.".repeat(25_000),
        ];
        for text in texts {
            for url in extract_urls(&text) {
                assert!(text.is_char_boundary(url.span.start) && text.is_char_boundary(url.span.end));
            }
        }
    }
}
