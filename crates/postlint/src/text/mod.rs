//! Text analysis that matches Twitter's twitter-text: entity extraction and X's weighted length,
//! plus the per-network length counts.
//!
//! Everything here works on UTF-8 byte [`Span`]s into the original text. The scanner is
//! hand-written (no regex): one pass, an ASCII fast path, linear in the input. Its rules follow
//! twitter-text's JavaScript reference (and the Apache-2.0 Rust port by Robert Sayre); the
//! official conformance suites run in `tests/tests/conformance.rs`.

mod chars;
mod length;
mod tlds;
mod url;
mod validate;

use crate::fold::is_ascii_word_byte;
use crate::lanes;
use crate::span::Span;
use chars::{char_at, char_before, is_hashtag_alnum, is_hashtag_alpha, is_latin_accent, is_space};

pub use length::{
    WeightedConfig, WeightedLength, network_length, weighted_length, weighted_length_with, x_weighted_length,
};
pub use url::extract_urls;
pub use validate::{is_valid_hashtag, is_valid_list, is_valid_tweet, is_valid_url, is_valid_username};

/// A hashtag such as `#rustlang` or `＃ラーメン`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hashtag {
    /// The whole entity, sigil included.
    pub span: Span,
    /// The tag without its sigil.
    pub tag: Span,
}

/// A mention (`@alice`) or a list (`@alice/rust-people`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The whole entity, sigil and list slug included.
    pub span: Span,
    /// The screen name without its sigil.
    pub screen_name: Span,
    /// The list slug (with its leading `/`) when the mention names a list.
    pub list_slug: Option<Span>,
}

/// A cashtag such as `$TWTR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cashtag {
    /// The whole entity, sigil included.
    pub span: Span,
    /// The symbol without its sigil.
    pub symbol: Span,
}

/// A URL, with or without protocol (`https://example.com/x`, `example.com`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Url {
    /// The whole URL as twitter-text extracts it.
    pub span: Span,
    /// The host part (domain), without protocol, port, path or query.
    pub host: Span,
    /// Whether the URL starts with a protocol (`http://`, `https://`).
    pub has_protocol: bool,
}

/// All entities of a text, each list in text order, overlaps removed as twitter-text does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entities {
    /// Hashtags.
    pub hashtags: Vec<Hashtag>,
    /// Mentions and lists.
    pub mentions: Vec<Mention>,
    /// Cashtags.
    pub cashtags: Vec<Cashtag>,
    /// URLs.
    pub urls: Vec<Url>,
    /// Whether a URL was dropped for overlapping an earlier entity (then `urls` is not every URL
    /// of the text, which X's weighted length needs).
    pub(crate) dropped_urls: bool,
    /// Whether the text is all ASCII, as extraction found (`false` also when not known), which
    /// spares X's weighted length its own pass.
    pub(crate) ascii: bool,
}

impl Entities {
    /// The bytes its lists hold room for.
    pub(crate) fn capacity_bytes(&self) -> usize {
        fn bytes<T>(list: &Vec<T>) -> usize {
            list.capacity() * std::mem::size_of::<T>()
        }
        bytes(&self.hashtags) + bytes(&self.mentions) + bytes(&self.cashtags) + bytes(&self.urls)
    }

    /// The span of every entity, in text order: a merge of the four lists, each in text order.
    pub fn spans_in_order(&self) -> impl Iterator<Item = Span> + Clone + '_ {
        let mut next = [0usize; 4];
        std::iter::from_fn(move || {
            let (kind, span) = self.next_in_order(&next)?;
            next[kind] += 1;
            Some(span)
        })
    }

    /// The first entity of the merge of the four lists whose next entities are at the indices
    /// `next` (hashtags, mentions, cashtags, URLs): its kind (that index) and span. Ties go to
    /// the earlier kind, as twitter-text's stable sort of all entities has them.
    fn next_in_order(&self, next: &[usize; 4]) -> Option<(usize, Span)> {
        let spans = [
            self.hashtags.get(next[0]).map(|e| e.span),
            self.mentions.get(next[1]).map(|e| e.span),
            self.cashtags.get(next[2]).map(|e| e.span),
            self.urls.get(next[3]).map(|e| e.span),
        ];
        (0..4)
            .filter_map(|kind| Some((kind, spans[kind]?)))
            .min_by_key(|&(kind, span)| (span.start, kind))
    }
}

/// All entities, as twitter-text's `extractEntitiesWithIndices`: an entity that overlaps an
/// earlier one is dropped (a hashtag inside a URL, say).
pub fn extract(text: &str) -> Entities {
    let mut entities = Entities::default();
    extract_into(text, &mut entities);
    entities
}

/// [`extract`] into `entities`, in place of what they held. Their lists' buffers are reused,
/// so extracting from many texts into one `Entities` allocates only while the lists grow.
///
/// ```
/// use postlint::text::{Entities, extract, extract_into};
///
/// let mut entities = Entities::default();
/// for text in ["#one and @two", "$CASH only"] {
///     extract_into(text, &mut entities);
///     assert_eq!(entities, extract(text));
/// }
/// ```
pub fn extract_into(text: &str, entities: &mut Entities) {
    entities.hashtags.clear();
    entities.mentions.clear();
    entities.cashtags.clear();
    entities.urls.clear();
    entities.dropped_urls = false;
    // The sigils' bytes (and the lead byte of the full-width ones), looked for at once: most
    // posts lack most of them, and their scans are skipped.
    let presence = lanes::presence(text.as_bytes(), [b'.', b'#', b'@', b'$', 0xEF]);
    let [dot, hash, at_sign, dollar, full_width_lead] = presence.found;
    entities.ascii = presence.ascii;
    let [full_width_hash, full_width_at] = if full_width_lead {
        full_width_sigils(text.as_bytes())
    } else {
        [false; 2]
    };
    if dot {
        url::scan_urls(text, true, &mut entities.urls);
    }
    if hash || full_width_hash {
        scan_hashtags(text, &mut entities.hashtags);
    }
    if at_sign || full_width_at {
        scan_mentions(text, &mut entities.mentions);
    }
    if dollar {
        scan_cashtags(text, &mut entities.cashtags);
    }
    // Each scan resumes after its last match, so entities of one kind never overlap: only two
    // of different kinds may, and in most texts none do.
    if any_overlap(entities) {
        remove_overlaps(entities);
    }
}

/// Whether an entity overlaps one of another kind: a sweep over each pair of lists, in order.
fn any_overlap(entities: &Entities) -> bool {
    let hashtags = || entities.hashtags.iter().map(|hashtag| hashtag.span);
    let mentions = || entities.mentions.iter().map(|mention| mention.span);
    let cashtags = || entities.cashtags.iter().map(|cashtag| cashtag.span);
    let urls = || entities.urls.iter().map(|url| url.span);
    overlap_between(hashtags(), mentions())
        || overlap_between(hashtags(), cashtags())
        || overlap_between(hashtags(), urls())
        || overlap_between(mentions(), cashtags())
        || overlap_between(mentions(), urls())
        || overlap_between(cashtags(), urls())
}

/// Whether a span of `first` overlaps one of `second`, both in order and each apart: the one
/// that ends first can overlap none of the other's after the one it is compared with.
fn overlap_between(mut first: impl Iterator<Item = Span>, mut second: impl Iterator<Item = Span>) -> bool {
    let (mut one, mut other) = (first.next(), second.next());
    while let (Some(a), Some(b)) = (one, other) {
        if a.end <= b.start {
            one = first.next();
        } else if b.end <= a.start {
            other = second.next();
        } else {
            return true;
        }
    }
    false
}

/// Whether `bytes` hold the full-width sigils `＃` and `＠`, read only where their lead byte
/// 0xEF is, which other chars share: U+FFFD, the replacement char of broken text, above all.
fn full_width_sigils(bytes: &[u8]) -> [bool; 2] {
    let mut found = [false; 2];
    let mut at = 0;
    while let Some(offset) = lanes::position_of(&bytes[at..], 0xEF) {
        at += offset;
        for (found, sigil) in found.iter_mut().zip(["＃", "＠"]) {
            *found |= bytes[at..].starts_with(sigil.as_bytes());
        }
        at += 1;
    }
    found
}

/// Drops every entity that starts inside an earlier one (twitter-text's removeOverlappingEntities).
///
/// twitter-text sorts all entities by start, stably (ties keep hashtags, mentions, cashtags,
/// URLs in that order), and drops each that starts before the end of the last one kept. Each
/// list is already in order, so a merge of the four visits them in that order, in linear time
/// and without allocating when nothing overlaps, as in most posts.
fn remove_overlaps(entities: &mut Entities) {
    // Per kind, the next entity of the merge and the indices of those dropped, in order.
    let mut next = [0usize; 4];
    let mut dropped: [Vec<usize>; 4] = Default::default();
    let mut previous_end = None;
    while let Some((kind, span)) = entities.next_in_order(&next) {
        if previous_end.is_some_and(|end| span.start < end) {
            dropped[kind].push(next[kind]);
        } else {
            previous_end = Some(span.end);
        }
        next[kind] += 1;
    }
    if dropped.iter().all(Vec::is_empty) {
        return;
    }
    let [hashtags, mentions, cashtags, urls] = &dropped;
    let url_count = entities.urls.len();
    retain_undropped(&mut entities.hashtags, hashtags);
    retain_undropped(&mut entities.mentions, mentions);
    retain_undropped(&mut entities.cashtags, cashtags);
    retain_undropped(&mut entities.urls, urls);
    entities.dropped_urls = entities.urls.len() < url_count;
}

/// Removes from `list` the entities at the indices `dropped`, in increasing order.
fn retain_undropped<T>(list: &mut Vec<T>, dropped: &[usize]) {
    let mut dropped = dropped.iter().peekable();
    let mut index = 0;
    list.retain(|_| {
        let drop = dropped.next_if_eq(&&index).is_some();
        index += 1;
        !drop
    });
}

/// Hashtags, as twitter-text's `extractHashtags`: hashtags inside URLs are dropped.
pub fn extract_hashtags(text: &str) -> Vec<Hashtag> {
    let mut hashtags = Vec::new();
    scan_hashtags(text, &mut hashtags);
    if hashtags.is_empty() {
        return hashtags;
    }
    let urls = extract_urls(text);
    if urls.is_empty() {
        return hashtags;
    }
    let mut entities = Entities {
        hashtags,
        urls,
        ..Entities::default()
    };
    remove_overlaps(&mut entities);
    entities.hashtags
}

/// Finds the next `#`/`＃` (or `@`/`＠`) at or after `from`: byte offset and sigil length.
fn next_sigil(text: &str, from: usize, ascii: u8, full_width: char) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut buffer = [0u8; 4];
    let lead = full_width.encode_utf8(&mut buffer).as_bytes();
    let mut at = from;
    while at < bytes.len() {
        match lanes::position_of_either(&bytes[at..], ascii, lead[0]) {
            None => return None,
            Some(offset) => {
                at += offset;
                if bytes[at] == ascii {
                    return Some((at, 1));
                }
                if bytes[at..].starts_with(lead) {
                    return Some((at, lead.len()));
                }
                at += 1;
            }
        }
    }
    None
}

/// For each byte, whether it is an ASCII letter, digit or `_` ([`is_ascii_word_byte`]): the
/// chars of a screen name, and most of a hashtag's.
static ASCII_WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < table.len() {
        table[byte] = is_ascii_word_byte(byte as u8);
        byte += 1;
    }
    table
};

/// The length of the run of ASCII letters, digits and `_` at the start of `bytes`.
fn ascii_word_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&byte| !ASCII_WORD_BYTES[usize::from(byte)])
        .unwrap_or(bytes.len())
}

/// Appends the hashtags of `text` to `found`, before the URL-overlap check.
fn scan_hashtags(text: &str, found: &mut Vec<Hashtag>) {
    // twitter-text's pattern consumes the char before the sigil, so a new match cannot use
    // the last char of the previous one.
    let mut resume = 0;
    let mut from = 0;
    while let Some((at, sigil)) = next_sigil(text, from, b'#', '＃') {
        from = at + sigil;
        let before_ok = match char_before(text, at) {
            None => true,
            Some(_) if at > 0 && at <= resume => false,
            Some(c) => c == '\u{FE0E}' || c == '\u{FE0F}' || (c != '&' && !is_hashtag_alnum(c)),
        };
        if !before_ok || matches!(char_at(text, at + sigil), Some('\u{FE0F}' | '\u{20E3}')) {
            continue;
        }
        let tag_start = at + sigil;
        // ASCII letters, digits and `_` byte by byte, then any other char by its class.
        let ascii = ascii_word_len(&text.as_bytes()[tag_start..]);
        let mut tag_end = tag_start + ascii;
        let mut has_alpha = text.as_bytes()[tag_start..tag_end].iter().any(u8::is_ascii_alphabetic);
        for c in text[tag_end..].chars() {
            if !is_hashtag_alnum(c) {
                break;
            }
            has_alpha |= is_hashtag_alpha(c);
            tag_end += c.len_utf8();
        }
        if !has_alpha {
            continue;
        }
        resume = tag_end;
        from = tag_end;
        let after = &text[tag_end..];
        if after.starts_with('#') || after.starts_with('＃') || after.starts_with("://") {
            continue;
        }
        found.push(Hashtag {
            span: Span::new(at, tag_end),
            tag: Span::new(tag_start, tag_end),
        });
    }
}

/// Whether a mention ending here is cut short by what follows (`@`, an accented letter, `://`).
fn ends_mention_badly(after: &str) -> bool {
    after.starts_with('@')
        || after.starts_with('＠')
        || after.starts_with("://")
        || after.chars().next().is_some_and(is_latin_accent)
}

/// Whether the text before `at` lets a mention start there (twitter-text's
/// validMentionPrecedingChars, including `RT` / `RT:` right before the `@`).
fn mention_may_start(text: &str, at: usize, resume: usize) -> bool {
    let Some(before) = char_before(text, at) else {
        return true;
    };
    let blocked =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '!' | '#' | '$' | '%' | '&' | '*' | '@' | '＠');
    if !blocked(before) {
        return at > resume;
    }
    // `RT@name`, `rt:@name`, preceded by the start or a char that cannot be part of a word.
    let head = &text[..at];
    let head = head.strip_suffix(':').unwrap_or(head);
    if head.len() < 2 || !head.is_char_boundary(head.len() - 2) || !head[head.len() - 2..].eq_ignore_ascii_case("rt") {
        return false;
    }
    let rt_start = head.len() - 2;
    rt_start >= resume
        && char_before(text, rt_start)
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '~' | '.' | '-')))
}

/// Mentions and lists, as twitter-text's `extractMentionsOrListsWithIndices`.
pub fn extract_mentions(text: &str) -> Vec<Mention> {
    let mut found = Vec::new();
    scan_mentions(text, &mut found);
    found
}

/// Appends the mentions and lists of `text` to `found` ([`extract_mentions`]).
fn scan_mentions(text: &str, found: &mut Vec<Mention>) {
    let mut resume = 0;
    let mut from = 0;
    while let Some((at, sigil)) = next_sigil(text, from, b'@', '＠') {
        from = at + sigil;
        if !mention_may_start(text, at, resume) {
            continue;
        }
        let name_start = at + sigil;
        let bytes = text.as_bytes();
        let name_len = ascii_word_len(&bytes[name_start..bytes.len().min(name_start + 20)]);
        if name_len == 0 {
            continue;
        }
        let name_end = name_start + name_len;
        let mut end = name_end;
        let mut list_slug = None;
        if bytes.get(name_end) == Some(&b'/') && bytes.get(name_end + 1).is_some_and(u8::is_ascii_alphabetic) {
            let slug_len = 1 + bytes[name_end + 2..]
                .iter()
                .take(24)
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b == b'-')
                .count();
            end = name_end + 1 + slug_len;
            list_slug = Some(Span::new(name_end, end));
        }
        resume = end;
        from = end;
        if ends_mention_badly(&text[end..]) {
            continue;
        }
        found.push(Mention {
            span: Span::new(at, end),
            screen_name: Span::new(name_start, name_end),
            list_slug,
        });
    }
}

/// The screen name a post replies to: a mention at its very start (after spaces).
pub fn reply_screen_name(text: &str) -> Option<Span> {
    let start = text
        .char_indices()
        .find(|&(_, c)| !(is_space(c) || chars::is_directional(c)))
        .map(|(at, _)| at)?;
    let sigil = if text[start..].starts_with('@') {
        1
    } else if text[start..].starts_with('＠') {
        '＠'.len_utf8()
    } else {
        return None;
    };
    let name_start = start + sigil;
    let name_len = ascii_word_len(&text.as_bytes()[name_start..text.len().min(name_start + 20)]);
    let name_end = name_start + name_len;
    (name_len > 0 && !ends_mention_badly(&text[name_end..])).then_some(Span::new(name_start, name_end))
}

/// Cashtags, as twitter-text's `extractCashtagsWithIndices` (`$` + 1-6 letters, optionally
/// `.`/`_` + 1-2 letters, after a space or at the start, before a space or punctuation).
pub fn extract_cashtags(text: &str) -> Vec<Cashtag> {
    let mut found = Vec::new();
    scan_cashtags(text, &mut found);
    found
}

/// Appends the cashtags of `text` to `found` ([`extract_cashtags`]).
fn scan_cashtags(text: &str, found: &mut Vec<Cashtag>) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = lanes::position_of(&bytes[from..], b'$') {
        let at = from + offset;
        from = at + 1;
        if char_before(text, at).is_some_and(|c| !is_space(c)) {
            continue;
        }
        let ends = |end: usize| char_at(text, end).is_none_or(|c| chars::is_js_space(c) || chars::is_punct(c));
        let letters = bytes[at + 1..]
            .iter()
            .take(7)
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        if letters == 0 || letters > 6 {
            continue;
        }
        let symbol_end = at + 1 + letters;
        let mut end = None;
        if matches!(bytes.get(symbol_end), Some(b'.' | b'_')) {
            let suffix = bytes[symbol_end + 1..]
                .iter()
                .take(3)
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            if (1..=2).contains(&suffix) && ends(symbol_end + 1 + suffix) {
                end = Some(symbol_end + 1 + suffix);
            }
        }
        let end = match end {
            Some(end) => end,
            None if ends(symbol_end) => symbol_end,
            None => continue,
        };
        found.push(Cashtag {
            span: Span::new(at, end),
            symbol: Span::new(at + 1, end),
        });
        from = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// twitter-text's removeOverlappingEntities as written: all entities sorted stably by start,
    /// each dropped that starts before the end of the last one kept.
    fn reference(entities: &Entities) -> Vec<(usize, Span)> {
        let mut all: Vec<(usize, Span)> = Vec::new();
        all.extend(entities.hashtags.iter().map(|e| (0, e.span)));
        all.extend(entities.mentions.iter().map(|e| (1, e.span)));
        all.extend(entities.cashtags.iter().map(|e| (2, e.span)));
        all.extend(entities.urls.iter().map(|e| (3, e.span)));
        all.sort_by_key(|(_, span)| span.start);
        let mut kept: Vec<(usize, Span)> = Vec::new();
        for (kind, span) in all {
            if kept.last().is_none_or(|(_, last)| span.start >= last.end) {
                kept.push((kind, span));
            }
        }
        kept.sort_by_key(|&(kind, span)| (kind, span.start));
        kept
    }

    #[test]
    fn overlaps_are_removed_as_twitter_text_removes_them() {
        let mut rng = crate::testing::Xorshift::new(0x5DEE_CE66_D1CE_4E5B);
        for _ in 0..5_000 {
            // Each list in order and without overlaps of its own, as the extractors give them,
            // and maybe empty.
            let counts = [5, 4, 3, 4].map(|most| rng.below(most));
            let mut spans = |count: usize| {
                let mut at = 0;
                (0..count)
                    .map(|_| {
                        let start = at + rng.below(4);
                        let end = start + 1 + rng.below(5);
                        at = end;
                        Span::new(start, end)
                    })
                    .collect::<Vec<_>>()
            };
            let mut entities = Entities {
                hashtags: spans(counts[0])
                    .into_iter()
                    .map(|span| Hashtag { span, tag: span })
                    .collect(),
                mentions: spans(counts[1])
                    .into_iter()
                    .map(|span| Mention {
                        span,
                        screen_name: span,
                        list_slug: None,
                    })
                    .collect(),
                cashtags: spans(counts[2])
                    .into_iter()
                    .map(|span| Cashtag { span, symbol: span })
                    .collect(),
                urls: spans(counts[3])
                    .into_iter()
                    .map(|span| Url {
                        span,
                        host: span,
                        has_protocol: false,
                    })
                    .collect(),
                dropped_urls: false,
                ascii: false,
            };
            let expected = reference(&entities);
            let urls = entities.urls.len();
            let entity_count = entities.spans_in_order().count();
            // The check that spares most texts the removal says whether it drops any.
            assert_eq!(any_overlap(&entities), expected.len() < entity_count, "{entities:?}");
            remove_overlaps(&mut entities);
            let kept = reference(&Entities {
                dropped_urls: false,
                ..entities.clone()
            });
            assert_eq!(kept, expected);
            assert_eq!(entities.dropped_urls, entities.urls.len() < urls);
            let mut in_order: Vec<Span> = kept.iter().map(|&(_, span)| span).collect();
            in_order.sort_by_key(|span| span.start);
            assert_eq!(entities.spans_in_order().collect::<Vec<_>>(), in_order);
        }
    }

    #[test]
    fn extracting_into_used_lists_gives_what_a_fresh_extraction_gives() {
        // Every list filled, then emptied; a URL dropped for starting inside a hashtag, then
        // none.
        let texts = [
            "#tag @name/list $CASH example.com",
            "",
            "#caféexample.com",
            "@a@b #x#y https://t.co/abc",
            "$AB.C and www.example.com/#frag",
            "plain words",
            "@name https://example.com/@name",
            "#tag",
        ];
        assert!(extract(texts[2]).dropped_urls);
        let mut entities = Entities::default();
        for _ in 0..2 {
            for text in texts {
                extract_into(text, &mut entities);
                assert_eq!(entities, extract(text), "{text:?}");
            }
        }
    }

    #[test]
    fn skipping_the_scans_of_absent_sigils_changes_nothing() {
        // Full-width sigils and other chars whose UTF-8 starts with the same byte (`ｈ`, U+FFFD).
        let pieces = [
            "#",
            "＃",
            "@",
            "＠",
            "$",
            ".",
            "tag",
            "ｈ",
            "\u{FFFD}",
            "日本",
            " ",
            "example.com",
            "CASH",
            "_",
            "/",
            "1",
        ];
        let mut rng = crate::testing::Xorshift::new(0x0DD5_1C11_5EED_0001);
        for _ in 0..20_000 {
            let length = rng.below(12);
            let text: String = (0..length).map(|_| pieces[rng.below(pieces.len())]).collect();
            // Every scan, whatever the text holds, and the overlap removal, even of one kind.
            let mut scanned = Entities {
                ascii: text.is_ascii(),
                ..Entities::default()
            };
            url::scan_urls(&text, true, &mut scanned.urls);
            scan_hashtags(&text, &mut scanned.hashtags);
            scan_mentions(&text, &mut scanned.mentions);
            scan_cashtags(&text, &mut scanned.cashtags);
            remove_overlaps(&mut scanned);
            assert_eq!(extract(&text), scanned, "{text:?}");
        }
    }

    #[test]
    fn a_url_full_of_hashtags_drops_them_all() {
        let text = format!("see https://example.com/{} ok", "#tag/".repeat(500));
        let mut scanned = Vec::new();
        scan_hashtags(&text, &mut scanned);
        assert_eq!(scanned.len(), 500);
        let entities = extract(&text);
        assert_eq!(entities.urls.len(), 1);
        assert!(entities.hashtags.is_empty());
    }
}
