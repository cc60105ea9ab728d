//! X's weighted length (twitter-text `parseTweet`, configs v1-v3) and each network's own count.

use std::borrow::Cow;

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

use super::chars::is_invalid;
use super::{Entities, Url, extract_urls};
use crate::emoji::{
    emoji_are_lone_chars, is_emoji_grapheme, is_no_emoji_or_lone, plainly_alone, plainly_with_modifier, starts_no_emoji,
};
use crate::network::Network;
use crate::span::Span;
use crate::unicode::{ascii_prefix_len, is_ascii, is_nfc_starter_by_range};

/// A weight for a range of code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeightRange {
    /// First code point.
    pub start: u32,
    /// Last code point (inclusive).
    pub end: u32,
    /// Weight of each code point in the range.
    pub weight: u32,
}

/// A twitter-text length configuration (the `v1.json` / `v2.json` / `v3.json` of twitter-text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeightedConfig {
    /// The most weighted length a valid post may have.
    pub max_weighted_length: u32,
    /// Weights are multiplied by this.
    pub scale: u32,
    /// Weight of code points outside `ranges`.
    pub default_weight: u32,
    /// Length every URL counts as.
    pub transformed_url_length: u32,
    /// Whether each emoji sequence counts as `default_weight` once.
    pub emoji_parsing: bool,
    /// Weights by code point range. Every ASCII char must weigh the same, as in twitter-text's
    /// configs: ASCII text is weighed by its length.
    pub ranges: &'static [WeightRange],
}

const LATIN_AND_PUNCTUATION: [WeightRange; 4] = [
    WeightRange {
        start: 0,
        end: 4351,
        weight: 100,
    },
    WeightRange {
        start: 8192,
        end: 8205,
        weight: 100,
    },
    WeightRange {
        start: 8208,
        end: 8223,
        weight: 100,
    },
    WeightRange {
        start: 8242,
        end: 8247,
        weight: 100,
    },
];

impl WeightedConfig {
    /// v1: every code point counts 1, 140 at most.
    pub const V1: WeightedConfig = WeightedConfig {
        max_weighted_length: 140,
        scale: 1,
        default_weight: 1,
        transformed_url_length: 23,
        emoji_parsing: false,
        ranges: &[],
    };
    /// v2: 280 weighted, CJK and other scripts count 2.
    pub const V2: WeightedConfig = WeightedConfig {
        max_weighted_length: 280,
        scale: 100,
        default_weight: 200,
        transformed_url_length: 23,
        emoji_parsing: false,
        ranges: &LATIN_AND_PUNCTUATION,
    };
    /// v3 (current): as v2, and every emoji sequence counts 2.
    pub const V3: WeightedConfig = WeightedConfig {
        emoji_parsing: true,
        ..WeightedConfig::V2
    };

    /// The weight of every URL, scaled.
    fn url_weight(&self) -> u64 {
        u64::from(self.transformed_url_length) * u64::from(self.scale)
    }

    /// Whether `ch`, of `weight`, alone weighs as an emoji does: it is no emoji alone, or its
    /// weight is the default.
    fn lone_weighs_alike(&self, ch: char, weight: u32) -> bool {
        weight == self.default_weight || !is_emoji_grapheme(ch.encode_utf8(&mut [0; 4]))
    }

    fn weight(&self, c: char) -> u32 {
        let code = u32::from(c);
        self.ranges
            .iter()
            .find(|range| range.start <= code && code <= range.end)
            .map_or(self.default_weight, |range| range.weight)
    }
}

/// The result of measuring a post for X.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeightedLength {
    /// The weighted length (compare with the config's maximum, 280 for v2/v3).
    pub weighted_length: usize,
    /// Weighted length per thousand of the maximum.
    pub permillage: usize,
    /// Whether the post is valid: not empty, within the maximum, no invalid characters.
    pub valid: bool,
    /// The whole text.
    pub display_range: Span,
    /// The longest prefix that is valid (empty if none).
    pub valid_range: Span,
}

/// Measures `text` with `config` (twitter-text `parseTweet`).
pub fn weighted_length(text: &str, config: &WeightedConfig) -> WeightedLength {
    measure(text, config, None, false)
}

/// [`weighted_length`], reusing what extracting `entities` from `text` found: its URLs when
/// they are all of them (no URL dropped for overlapping another entity), which saves a second
/// URL scan per post, and whether it is all ASCII.
pub fn weighted_length_with(text: &str, entities: &Entities, config: &WeightedConfig) -> WeightedLength {
    measure(
        text,
        config,
        (!entities.dropped_urls).then_some(entities.urls.as_slice()),
        entities.ascii,
    )
}

/// The weighted length, with `known_urls` (every URL of `text`) when the caller has them, and
/// `known_ascii` when the caller knows the text is all ASCII.
///
/// Length is measured on the NFC form, emoji clusters found by grapheme segmentation. Most
/// texts are their own NFC, which their chars tell one by one ([`is_nfc_starter_by_range`]),
/// and most emoji in posts stand alone (🎉, 🚀), each weighing as its char: such texts are
/// weighed char by char in one walk that checks both as it goes ([`plain_walk`]). A text with
/// an emoji cluster (👍🏽, 🇮🇪) is walked again, cluster by cluster; one whose chars do not
/// tell that it is NFC waits for the normalizer.
fn measure(text: &str, config: &WeightedConfig, known_urls: Option<&[Url]>, known_ascii: bool) -> WeightedLength {
    debug_assert!(!known_ascii || text.is_ascii(), "entities of another text");
    if known_ascii || is_ascii(text.as_bytes()) {
        return ascii_weighted_length(text, config, known_urls);
    }
    let urls = known_urls.map_or_else(|| Cow::Owned(extract_urls(text)), Cow::Borrowed);
    match plain_walk(text, config, &urls) {
        Ok(measured) => return measured,
        Err(Bail::Emoji) => {
            // Walked again, cluster by cluster, its chars still telling whether it is NFC.
            let (check_nfc, emoji_parsing) = (true, true);
            if let Ok(measured) = walk(text, text, config, &urls, check_nfc, emoji_parsing) {
                return measured;
            }
        }
        Err(Bail::Nfc) => {}
    }
    normalized_walk(text, config, urls)
}

/// [`measure`] the long way, for any text: normalized to NFC (its URLs found again if that
/// changed it), a pass for emoji clusters, and the walk of the NFC form.
fn normalized_walk(text: &str, config: &WeightedConfig, urls: Cow<'_, [Url]>) -> WeightedLength {
    let (normalized, urls): (Cow<'_, str>, Cow<'_, [Url]>) = match crate::unicode::nfc(text) {
        Cow::Borrowed(text) => (Cow::Borrowed(text), urls),
        Cow::Owned(normalized) => {
            let urls = extract_urls(&normalized);
            (Cow::Owned(normalized), Cow::Owned(urls))
        }
    };
    // Grapheme segmentation is only needed where an emoji may weigh otherwise than its chars:
    // where it may take more than one char, or where a lone char is an emoji and its own weight
    // is not the default (in no twitter-text config: © and ® weigh less, but are no emoji alone).
    let emoji_parsing = config.emoji_parsing
        && !emoji_are_lone_chars(&normalized, |ch| config.lone_weighs_alike(ch, config.weight(ch)));
    walk(text, &normalized, config, &urls, false, emoji_parsing).expect("a walk that checks no char goes to the end")
}

/// Why a walk of [`measure`] stopped before the end of its text.
#[derive(Debug)]
enum Bail {
    /// A char (maybe in a URL) that is no known NFC starter.
    Nfc,
    /// An emoji char that is not plainly a cluster alone, or weighs otherwise than an emoji.
    Emoji,
}

/// The weighted length of a text whose chars are all plain, char by char: every non-ASCII char
/// a known NFC starter ([`is_nfc_starter_by_range`], so the text is its own NFC) and, when the
/// config parses emoji, no emoji char or one that is plainly a cluster alone and weighs as its
/// char ([`is_no_emoji_or_lone`]). What [`walk`] would find after its passes, for less; an
/// error at the first char that is not plain.
fn plain_walk(text: &str, config: &WeightedConfig, urls: &[Url]) -> Result<WeightedLength, Bail> {
    let ascii_weight = u64::from(config.weight('a'));
    let bytes = text.as_bytes();
    let mut urls = urls.iter().peekable();
    let mut tally = Tally::new(config);
    let mut at = 0;
    while at < text.len() {
        let url_start = urls.peek().map_or(bytes.len(), |url| url.span.start);
        if at == url_start {
            let url = urls.next().expect("peeked");
            // Its chars too must tell that the text is NFC (its normal form may hold other URLs).
            let unit = url.span.slice(text);
            if !is_known_nfc(unit) {
                return Err(Bail::Nfc);
            }
            let invalid = unit.chars().next_back().is_some_and(is_invalid);
            tally.add_unit(url.span.end, config.url_weight(), invalid);
            at = url.span.end;
        } else if bytes[at].is_ascii() {
            let run = ascii_prefix_len(&bytes[at..url_start.max(at)]);
            tally.add_run(at, run, ascii_weight);
            at += run;
        } else {
            let ch = text[at..].chars().next().expect("at is a char boundary");
            if !is_nfc_starter_by_range(ch) {
                return Err(Bail::Nfc);
            }
            let weight = config.weight(ch);
            if config.emoji_parsing && !is_no_emoji_or_lone(text, at, ch, |ch| config.lone_weighs_alike(ch, weight)) {
                return Err(Bail::Emoji);
            }
            at += ch.len_utf8();
            tally.add_unit(at, u64::from(weight), is_invalid(ch));
        }
    }
    Ok(tally.finish(config, text, text))
}

/// Whether the chars of `unit` tell that it is NFC: ASCII, or known NFC starters only.
fn is_known_nfc(unit: &str) -> bool {
    is_ascii(unit.as_bytes()) || unit.chars().all(is_nfc_starter_by_range)
}

/// The general walk of [`measure`] over `normalized`, the NFC form of `text` (`text` itself
/// when it is NFC), whose URLs are `urls`: unit by unit, a run of ASCII chars, a URL, an emoji
/// cluster (with `emoji_parsing`) or a char. With `check_nfc`, `normalized` is `text` not yet
/// known to be NFC: an error at the first char (in a URL or a cluster too) that is no known
/// NFC starter.
fn walk(
    text: &str,
    normalized: &str,
    config: &WeightedConfig,
    urls: &[Url],
    check_nfc: bool,
    emoji_parsing: bool,
) -> Result<WeightedLength, Bail> {
    let known_nfc = |unit: &str| !check_nfc || is_known_nfc(unit);
    // As in `ascii_weighted_length`, every ASCII char weighs the same (as in twitter-text's
    // configs; see `WeightedConfig::ranges`).
    let ascii_weight = u64::from(config.weight('a'));
    let bytes = normalized.as_bytes();
    let mut urls = urls.iter().peekable();
    let mut tally = Tally::new(config);
    let mut at = 0;
    while at < normalized.len() {
        // A run of ASCII chars up to the next URL, but for the last one before a non-ASCII
        // char, which may start an emoji (a keycap) with it: weighed at once, as the loop below
        // would weigh them one by one (ASCII is never invalid nor an emoji alone).
        let url_start = urls.peek().map_or(bytes.len(), |url| url.span.start);
        let ascii_end = if bytes[at].is_ascii() {
            at + ascii_prefix_len(&bytes[at..url_start.max(at)])
        } else {
            at
        };
        let run_end = if ascii_end < url_start && emoji_parsing {
            ascii_end.saturating_sub(1)
        } else {
            ascii_end
        };
        if run_end > at {
            tally.add_run(at, run_end - at, ascii_weight);
            at = run_end;
            continue;
        }
        // A URL, an emoji or one char: each char decoded once, with the one after it.
        let mut rest = normalized[at..].chars();
        let ch = rest.next().expect("at is a char boundary");
        let (end, weight, invalid);
        if url_start == at {
            let url = urls.next().expect("peeked");
            end = url.span.end;
            weight = config.url_weight();
            invalid = normalized[at..end].chars().next_back().is_some_and(is_invalid);
        } else if let Some(emoji_end) = emoji_parsing
            .then(|| emoji_at(normalized, at, ch, rest.next()))
            .flatten()
        {
            end = emoji_end;
            weight = u64::from(config.default_weight);
            invalid = normalized[at..end].chars().next_back().is_some_and(is_invalid);
        } else {
            end = at + ch.len_utf8();
            weight = u64::from(config.weight(ch));
            invalid = is_invalid(ch);
        }
        if !known_nfc(&normalized[at..end]) {
            return Err(Bail::Nfc);
        }
        tally.add_unit(end, weight, invalid);
        at = end;
    }
    Ok(tally.finish(config, text, normalized))
}

/// The weight of a walk so far, unit by unit, and the end of the longest valid prefix.
struct Tally {
    /// The most weight a valid text may have (the config's maximum, scaled).
    limit: u64,
    weighted: u64,
    /// Whether no invalid char was met.
    valid: bool,
    valid_end: usize,
}

impl Tally {
    fn new(config: &WeightedConfig) -> Self {
        Tally {
            limit: u64::from(config.max_weighted_length) * u64::from(config.scale),
            weighted: 0,
            valid: true,
            valid_end: 0,
        }
    }

    /// `count` ASCII chars from `at`, each of `weight` (never invalid), at once.
    fn add_run(&mut self, at: usize, count: usize, weight: u64) {
        let count = count as u64;
        if self.valid && self.weighted <= self.limit {
            let fitting = (self.limit - self.weighted)
                .checked_div(weight)
                .map_or(count, |fit| fit.min(count));
            if fitting > 0 {
                self.valid_end = at + fitting as usize;
            }
        }
        self.weighted += count * weight;
    }

    /// One unit (a URL, an emoji or a char) that ends at `end`, of `weight`, whose last char is
    /// `invalid` or not.
    fn add_unit(&mut self, end: usize, weight: u64, invalid: bool) {
        self.weighted += weight;
        self.valid = self.valid && !invalid;
        if self.valid && self.weighted <= self.limit {
            self.valid_end = end;
        }
    }

    /// The length of `text`, walked as `normalized` (its NFC form). (Inlined by force: as a
    /// call, it cost every ASCII post about 50 instructions more.)
    #[inline(always)]
    fn finish(self, config: &WeightedConfig, text: &str, normalized: &str) -> WeightedLength {
        let weighted_length = (self.weighted / u64::from(config.scale.max(1))) as usize;
        let max = config.max_weighted_length as usize;
        let valid_end = if normalized.len() == text.len() {
            self.valid_end
        } else {
            map_offset(normalized, text, self.valid_end)
        };
        WeightedLength {
            weighted_length,
            permillage: weighted_length * 1000 / max.max(1),
            valid: self.valid && weighted_length > 0 && weighted_length <= max,
            display_range: Span::new(0, text.len()),
            valid_range: Span::new(0, valid_end),
        }
    }
}

/// The end of the emoji grapheme cluster that starts at `at`, if one does. An ASCII char
/// followed by ASCII is a cluster of its own and never an emoji, and most other chars of prose
/// start no emoji either ([`starts_no_emoji`]); an emoji between spaces, ASCII or other emoji
/// is plainly a cluster alone ([`plainly_alone`]), or with the skin tone or presentation
/// selector after it ([`plainly_with_modifier`]): only the rest pay for segmentation. `ch` is
/// the char at `at`, `next` the one after it.
fn emoji_at(text: &str, at: usize, ch: char, next: Option<char>) -> Option<usize> {
    if ch.is_ascii() && next.is_none_or(|next| next.is_ascii()) {
        return None;
    }
    if starts_no_emoji(ch, next) {
        return None;
    }
    let prev = text[..at].chars().next_back();
    let end = if plainly_alone(prev, ch, next) {
        at + ch.len_utf8()
    } else if let Some(end) = plainly_with_modifier(text, at, prev, ch, next) {
        end
    } else {
        let mut cursor = GraphemeCursor::new(at, text.len(), true);
        if !cursor.is_boundary(text, 0).ok()? {
            return None;
        }
        cursor.next_boundary(text, 0).ok()??
    };
    is_emoji_grapheme(&text[at..end]).then_some(end)
}

/// [`weighted_length`] for ASCII text: already NFC, no emoji, no invalid characters, and
/// every character has the same weight, so only URLs need a walk.
fn ascii_weighted_length(text: &str, config: &WeightedConfig, known_urls: Option<&[Url]>) -> WeightedLength {
    let char_weight = u64::from(config.weight('a'));
    let url_weight = config.url_weight();
    // `extract_urls` returns at once on a text without a dot that can start a domain's label.
    let urls: Cow<'_, [Url]> = known_urls.map_or_else(|| Cow::Owned(extract_urls(text)), Cow::Borrowed);
    let url_bytes: usize = urls.iter().map(|url| url.span.len()).sum();
    let weighted = (text.len() - url_bytes) as u64 * char_weight + urls.len() as u64 * url_weight;
    let mut tally = Tally::new(config);
    if weighted <= tally.limit {
        // All of it fits: no unit needs weighing on its own.
        tally.weighted = weighted;
        tally.valid_end = text.len();
    } else {
        // To the last unit that still fits: the runs of chars between the URLs, and each URL.
        let mut at = 0;
        for url in urls.iter() {
            tally.add_run(at, url.span.start - at, char_weight);
            tally.add_unit(url.span.end, url_weight, false);
            at = url.span.end;
        }
        tally.add_run(at, text.len() - at, char_weight);
    }
    tally.finish(config, text, text)
}

/// Maps a byte offset of the NFC form to the original text, the way twitter-text does: by the
/// difference in UTF-16 length, clamped to a char boundary.
fn map_offset(normalized: &str, original: &str, offset: usize) -> usize {
    let units = normalized[..offset].encode_utf16().count() + original.encode_utf16().count()
        - normalized.encode_utf16().count();
    let mut seen = 0;
    for (at, c) in original.char_indices() {
        if seen >= units {
            return at;
        }
        seen += c.len_utf16();
    }
    original.len()
}

/// X's weighted length with the current (v3) configuration.
pub fn x_weighted_length(text: &str) -> WeightedLength {
    weighted_length(text, &WeightedConfig::V3)
}

/// The length of `text` the way `network` counts it, in the unit of [`Network::length_limit`]:
/// - X: the v3 weighted length (URLs 23, emoji 2, CJK 2);
/// - Bluesky: extended grapheme clusters;
/// - Mastodon: characters, with every URL counting 23 and `@user@domain` counting as `@user`;
/// - every other network: Unicode scalar values.
pub fn network_length(text: &str, entities: &Entities, network: Network) -> usize {
    match network {
        Network::X => weighted_length_with(text, entities, &WeightedConfig::V3).weighted_length,
        // In ASCII every char is a grapheme but CR LF, which is one.
        Network::Bluesky if is_ascii(text.as_bytes()) => text.len() - text.matches("\r\n").count(),
        Network::Bluesky => text.graphemes(true).count(),
        Network::Mastodon => {
            let url_chars: usize = entities
                .urls
                .iter()
                .map(|url| url.span.slice(text).chars().count())
                .sum();
            text.chars().count() - url_chars + 23 * entities.urls.len() - mastodon_domains(text)
        }
        _ => text.chars().count(),
    }
}

/// Characters of the `@domain` parts of Mastodon mentions (`@user@example.social`), which
/// Mastodon does not count.
fn mastodon_domains(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut total = 0;
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'@') {
        let start = at + offset;
        let user = bytes[start + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        at = start + 1 + user;
        if user == 0 || bytes.get(at) != Some(&b'@') || (start > 0 && bytes[start - 1].is_ascii_alphanumeric()) {
            continue;
        }
        let domain = bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'.' || **b == b'-')
            .count();
        let domain_text = text[at + 1..at + 1 + domain].trim_end_matches('.');
        if domain_text.contains('.') {
            total += domain_text.len() + 1;
        }
        at += 1 + domain;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    /// v3 with the emoji blocks weighing 150 a char: a lone emoji char weighs otherwise than an
    /// emoji (200).
    const LIGHTER_EMOJI_CHARS: WeightedConfig = WeightedConfig {
        ranges: &[WeightRange {
            start: 0x1F300,
            end: 0x1FAFF,
            weight: 150,
        }],
        ..WeightedConfig::V3
    };

    /// The weighted length of `text` (no invalid chars) and the end of its valid range, with a
    /// full grapheme segmentation, one unit (a URL, an emoji or a char) at a time.
    fn reference_length(text: &str, config: &WeightedConfig) -> (u64, usize) {
        let limit = u64::from(config.max_weighted_length) * u64::from(config.scale);
        let urls = extract_urls(text);
        let (mut weighted, mut valid_end) = (0, 0);
        let mut at = 0;
        let mut graphemes = text.grapheme_indices(true).peekable();
        while at < text.len() {
            while graphemes.peek().is_some_and(|&(start, _)| start < at) {
                graphemes.next();
            }
            if let Some(url) = urls.iter().find(|url| url.span.start == at) {
                weighted += u64::from(config.transformed_url_length) * u64::from(config.scale);
                at = url.span.end;
                if weighted <= limit {
                    valid_end = at;
                }
                continue;
            }
            match graphemes.peek() {
                Some(&(start, grapheme)) if start == at && is_emoji_grapheme(grapheme) => {
                    weighted += u64::from(config.default_weight);
                    at += grapheme.len();
                }
                _ => {
                    let c = text[at..].chars().next().unwrap();
                    weighted += u64::from(config.weight(c));
                    at += c.len_utf8();
                }
            }
            if weighted <= limit {
                valid_end = at;
            }
        }
        (weighted / u64::from(config.scale), valid_end)
    }

    #[test]
    fn emoji_lookup_agrees_with_full_segmentation() {
        let pieces = [
            "a",
            "1",
            "#",
            " ",
            "\r\n",
            "é",
            "e\u{301}",
            "の",
            "😀",
            "👍",
            "\u{1F3FD}",
            "\u{200D}",
            "👩",
            "💻",
            "\u{FE0F}",
            "\u{20E3}",
            "❤",
            "🇯",
            "🇵",
            "🏳",
            "‼",
            "\u{E0067}",
            "🕊",
            "©",
            "!",
            " https://example.com/a?b=1 ",
            " t.co/x ",
            "\r",
            "\u{600}",
            "\u{301}",
            "®",
            "🎉",
        ];
        let mut rng = crate::testing::Xorshift::new(0x2545_F491_4F6C_DD1D);
        let mut next = |bound: usize| rng.below(bound);
        for round in 0..20_000 {
            let config = if round % 3 == 0 {
                LIGHTER_EMOJI_CHARS
            } else {
                WeightedConfig::V3
            };
            // Every tenth text is long enough to pass the limit, mostly in ASCII runs.
            let length = if round % 10 == 0 { 100 + next(200) } else { 1 + next(12) };
            let text: String = (0..length)
                .map(|_| match next(4) {
                    0 if round % 10 == 0 => "abc",
                    _ => pieces[next(pieces.len())],
                })
                .collect();
            let text = crate::unicode::nfc(&text).into_owned();
            let measured = weighted_length(&text, &config);
            let (weight, valid_end) = reference_length(&text, &config);
            assert_eq!(measured.weighted_length as u64, weight, "{text:?}");
            assert_eq!(measured.valid_range.end, valid_end, "{text:?}");
        }
    }

    #[test]
    fn the_walks_of_plain_texts_agree_with_the_normalized_walk() {
        // Plain chars (NFC starters known by range, lone emoji), emoji clusters, and chars
        // that are not NFC or not known to be (combining marks, a singleton, a keycap).
        let pieces = [
            // The first ones plain.
            "a",
            " ",
            "1",
            "#",
            "é",
            "…",
            "—",
            "中",
            "の",
            "\u{FFFD}",
            "😂",
            "🎉",
            "👍",
            "©",
            " https://example.com/a ",
            // Then the others.
            "e\u{301}",
            "A\u{30A}",
            "\u{2126}",
            "\u{301}",
            "\u{6EA}",
            "\u{1F3FD}",
            "🇮",
            "🇪",
            "❤",
            "\u{FE0F}",
            "\u{20E3}",
            "\u{200D}",
            "\u{FEFF}",
            " https://example.com/é ",
            " example.com/e\u{301} ",
        ];
        let configs = [
            WeightedConfig::V1,
            WeightedConfig::V2,
            WeightedConfig::V3,
            LIGHTER_EMOJI_CHARS,
        ];
        let mut rng = crate::testing::Xorshift::new(0x9E37_79B9_7F4A_7C15);
        let mut next = |bound: usize| rng.below(bound);
        for round in 0..20_000 {
            // Mostly plain texts, so that the walks get far before any piece stops them.
            let plain_only = round % 2 == 0;
            let length = if round % 10 == 0 { 100 + next(200) } else { 1 + next(16) };
            let text: String = (0..length)
                .map(|_| match next(pieces.len() + 8) {
                    pick if pick >= pieces.len() => "ab",
                    pick if plain_only => pieces[pick % 15],
                    pick => pieces[pick],
                })
                .collect();
            let config = &configs[round % configs.len()];
            let urls = extract_urls(&text);
            assert_eq!(
                weighted_length(&text, config),
                normalized_walk(&text, config, Cow::Owned(urls)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn ascii_fast_path_agrees_with_the_general_walk() {
        for text in [
            "",
            "Hi https://example.com/a b",
            &"a".repeat(300),
            &format!("{} https://x.com/y", "b".repeat(270)),
        ] {
            for config in [WeightedConfig::V1, WeightedConfig::V2, WeightedConfig::V3] {
                // A plain reimplementation: every char weighs the same, every URL counts 23.
                let fast = weighted_length(text, &config);
                let mut slow_weight = 0u64;
                let urls = extract_urls(text);
                let mut at = 0;
                while at < text.len() {
                    if let Some(url) = urls.iter().find(|url| url.span.start == at) {
                        slow_weight += u64::from(config.transformed_url_length) * u64::from(config.scale);
                        at = url.span.end;
                    } else {
                        slow_weight += u64::from(config.weight('a'));
                        at += 1;
                    }
                }
                assert_eq!(
                    fast.weighted_length as u64,
                    slow_weight / u64::from(config.scale),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn counts_per_network() {
        let text = "Hi https://example.com/a-long-path 👩‍👩‍👧";
        let entities = super::super::extract(text);
        assert_eq!(network_length(text, &entities, Network::X), 3 + 23 + 1 + 2);
        assert_eq!(
            network_length(text, &entities, Network::Bluesky),
            text.graphemes(true).count()
        );
        assert_eq!(network_length(text, &entities, Network::Mastodon), 3 + 23 + 1 + 5);
        assert_eq!(network_length(text, &entities, Network::Linkedin), text.chars().count());
        assert_eq!(network_length("a\r\nb\n", &Entities::default(), Network::Bluesky), 4);
        let remote = "Hello @alice@example.social!";
        let entities = super::super::extract(remote);
        assert_eq!(
            network_length(remote, &entities, Network::Mastodon),
            "Hello @alice!".chars().count()
        );
    }
}
