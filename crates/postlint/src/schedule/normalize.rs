//! Text normalization for duplicate detection and templates.
//!
//! [`normalize`] makes copies compare equal when they differ only in case, width, punctuation,
//! emoji, link paths, mentions, a leading "RT"/"via" or hashtag order. [`skeleton`] masks what a
//! template fills in (links, numbers, titles) so posts of one template compare equal.
//!
//! A [`Normalizer`] keeps its buffers between posts, so a schedule of a million posts is
//! normalized without allocating per post; [`normalize`] and [`skeleton`] are one-off shorthands.

use std::ops::Range;

use crate::fold::{fold_chars, is_ascii_word_byte, is_word_char};
use crate::span::Span;
use crate::text::Entities;
use crate::unicode::is_ascii;

/// An entity of the text, as normalization treats it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Piece {
    /// A URL, with its host.
    Url(Span),
    Mention,
    Hashtag,
    Cashtag,
}

/// Words of the head kept when no separator ends a prefix.
const HEAD_WORDS: usize = 2;
/// A separator (`:`, `—`, `|`) within this many words ends the template's fixed prefix.
const MAX_PREFIX_WORDS: usize = 6;

/// Reusable buffers for [`normalize`] and [`skeleton`].
///
/// Text is built as bytes and checked as UTF-8 once at the end: it is assembled from whole
/// chars only.
#[derive(Debug, Default)]
pub struct Normalizer {
    pieces: Vec<(Span, Piece)>,
    /// Folded hashtags (normalize) or tokens (skeleton), back to back.
    scratch: Vec<u8>,
    /// Ranges of `scratch`.
    ranges: Vec<Range<usize>>,
    out: Vec<u8>,
}

impl Normalizer {
    /// A normalizer with empty buffers.
    pub fn new() -> Self {
        Self::default()
    }

    /// Collects the entity spans with their kinds, in text order, overlapping ones dropped.
    fn collect_pieces(&mut self, entities: &Entities) {
        let all = &mut self.pieces;
        all.clear();
        all.extend(entities.urls.iter().map(|url| (url.span, Piece::Url(url.host))));
        all.extend(entities.mentions.iter().map(|mention| (mention.span, Piece::Mention)));
        all.extend(entities.hashtags.iter().map(|tag| (tag.span, Piece::Hashtag)));
        all.extend(entities.cashtags.iter().map(|cashtag| (cashtag.span, Piece::Cashtag)));
        if all.len() > 1 {
            all.sort_unstable_by_key(|(span, _)| (span.start, span.end));
            let mut cursor = 0;
            all.retain(|(span, _)| {
                let keep = span.start >= cursor;
                if keep {
                    cursor = span.end;
                }
                keep
            });
        }
    }

    /// Normalizes a post for duplicate detection: NFKC, lowercase, URLs to their domain,
    /// mentions and a leading "RT"/"via" dropped, punctuation and emoji to spaces, hashtags as a
    /// sorted set at the end. The result lives until the next call.
    pub fn normalize(&mut self, text: &str, entities: &Entities) -> &str {
        self.collect_pieces(entities);
        let Self {
            pieces,
            scratch,
            ranges,
            out,
        } = self;
        out.clear();
        scratch.clear();
        ranges.clear();
        let mut cursor = 0;
        for &(span, piece) in pieces.iter() {
            push_words(out, &text[cursor..span.start]);
            match piece {
                Piece::Url(host) => {
                    push_domain(out, host.slice(text));
                    out.push(b' ');
                }
                Piece::Mention => {}
                Piece::Hashtag => {
                    let tag = span.slice(text);
                    let body = &tag[tag.chars().next().map_or(0, char::len_utf8)..];
                    let start = scratch.len();
                    fold_into(scratch, body);
                    ranges.push(start..scratch.len());
                }
                Piece::Cashtag => push_words(out, span.slice(text)),
            }
            cursor = span.end;
        }
        push_words(out, &text[cursor..]);
        for prefix in [&b"rt "[..], b"via "] {
            if out.starts_with(prefix) {
                out.drain(..prefix.len());
            }
        }
        sort_unique(scratch, ranges);
        for range in ranges.iter() {
            out.extend_from_slice(&scratch[range.clone()]);
            out.push(b' ');
        }
        as_text(out).trim_end()
    }

    /// The post's hashtags folded, sorted and deduplicated, without `#`, joined by spaces, and
    /// how many there are. The result lives until the next call.
    pub fn hashtag_set(&mut self, text: &str, entities: &Entities) -> (&str, usize) {
        let Self {
            scratch, ranges, out, ..
        } = self;
        scratch.clear();
        ranges.clear();
        for tag in &entities.hashtags {
            let start = scratch.len();
            fold_into(scratch, tag.tag.slice(text));
            ranges.push(start..scratch.len());
        }
        sort_unique(scratch, ranges);
        out.clear();
        for range in ranges.iter() {
            if !out.is_empty() {
                out.push(b' ');
            }
            out.extend_from_slice(&scratch[range.clone()]);
        }
        (as_text(out), ranges.len())
    }

    /// The template skeleton of a post: what stays when a template is filled in again.
    ///
    /// The post splits into tokens at whitespace, each link, mention, hashtag and cashtag being
    /// one token (links as `{url}`, mentions as `{@}`); tokens are folded, numbers become `{n}`.
    /// The links, mentions and hashtags that end the post are its tail; the rest is the body.
    /// The body keeps its fixed prefix (the tokens up to one that ends with `:` or is `—`, `–`,
    /// `-` or `|` among the first six, or else the first two) and the rest of it becomes
    /// `{title}`. "New post: How we cut cold starts `https://acme.com/b/1`" and "New post: Ten
    /// tips for Rust `https://acme.com/b/2`" both become "new post: {title} {url}". Only the
    /// first tokens and the tail are read. The result lives until the next call.
    pub fn skeleton(&mut self, text: &str, entities: &Entities) -> &str {
        self.collect_pieces(entities);
        let Self {
            pieces,
            scratch,
            ranges,
            out,
        } = self;
        // The tail: trailing links, mentions and hashtags with only whitespace after each.
        let mut tail = pieces.len();
        let mut after = text.len();
        while tail > 0 {
            let (span, piece) = pieces[tail - 1];
            if matches!(piece, Piece::Cashtag) || !text[span.end..after].trim().is_empty() {
                break;
            }
            tail -= 1;
            after = span.start;
        }
        // The first MAX_PREFIX_WORDS + 1 tokens of the body: enough to place the prefix and to
        // know whether a title follows it.
        scratch.clear();
        ranges.clear();
        let wanted = MAX_PREFIX_WORDS + 1;
        let mut cursor = 0;
        for &(span, piece) in pieces[..tail].iter() {
            if ranges.len() >= wanted {
                break;
            }
            push_tokens(scratch, ranges, &text[cursor..span.start], wanted);
            if ranges.len() < wanted {
                push_entity(scratch, ranges, text, span, piece);
            }
            cursor = span.end;
        }
        if ranges.len() < wanted {
            push_tokens(scratch, ranges, &text[cursor..after], wanted);
        }
        let body = ranges.len();
        let token = |range: &Range<usize>| &scratch[range.clone()];
        let separator = ranges[..body.min(MAX_PREFIX_WORDS)].iter().position(|range| {
            let token = token(range);
            token.ends_with(b":") || ["—", "–", "-", "|"].iter().any(|dash| token == dash.as_bytes())
        });
        let head = separator.map_or(HEAD_WORDS, |at| at + 1);
        out.clear();
        let mut push = |token: &[u8]| {
            if !out.is_empty() {
                out.push(b' ');
            }
            out.extend_from_slice(token);
        };
        ranges[..body.min(head)].iter().for_each(|range| push(token(range)));
        if body > head {
            push(b"{title}");
        }
        for &(span, piece) in &pieces[tail..] {
            let start = scratch.len();
            push_entity(scratch, ranges, text, span, piece);
            push(&scratch[start..]);
        }
        as_text(out)
    }
}

/// The text of bytes built from whole chars.
fn as_text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("built from whole chars")
}

/// Sorts the `ranges` of `scratch` by their text and drops repeats.
fn sort_unique(scratch: &[u8], ranges: &mut Vec<Range<usize>>) {
    if ranges.len() > 1 {
        ranges.sort_unstable_by(|a, b| scratch[a.clone()].cmp(&scratch[b.clone()]));
        ranges.dedup_by(|a, b| scratch[a.clone()] == scratch[b.clone()]);
    }
}

/// Appends the token of an entity to `scratch`: `{url}`, `{@}`, or the folded hashtag or
/// cashtag.
fn push_entity(scratch: &mut Vec<u8>, ranges: &mut Vec<Range<usize>>, text: &str, span: Span, piece: Piece) {
    let start = scratch.len();
    match piece {
        Piece::Url(_) => scratch.extend_from_slice(b"{url}"),
        Piece::Mention => scratch.extend_from_slice(b"{@}"),
        Piece::Hashtag | Piece::Cashtag => fold_into(scratch, span.slice(text)),
    }
    ranges.push(start..scratch.len());
}

/// Appends `ch` as UTF-8.
fn push_char(out: &mut Vec<u8>, ch: char) {
    out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
}

/// Appends the folded form of `text` (NFKC per char, lowercase) to `out`.
fn fold_into(out: &mut Vec<u8>, text: &str) {
    if is_ascii(text.as_bytes()) {
        out.extend(text.bytes().map(|byte| byte.to_ascii_lowercase()));
    } else {
        fold_chars(text, |_, folded| folded.for_each(|ch| push_char(out, ch)));
    }
}

/// For each ASCII byte: itself lowercased when it continues a word (letter, digit, `_`),
/// else 0.
static WORD_BYTES: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if is_ascii_word_byte(byte) {
            table[b] = byte.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// Appends the folded words of `piece` to `out`, each followed by one space: punctuation and
/// emoji separate words.
fn push_words(out: &mut Vec<u8>, piece: &str) {
    // Whether `out` needs no separator: it is empty or ends with one.
    let mut separated = out.last().is_none_or(|&byte| byte == b' ');
    if piece.is_ascii() {
        // Branch-free: each byte writes its word char or a space into room made beforehand,
        // and the write is kept (the length moves on) unless it is a second space.
        let start = out.len();
        out.resize(start + piece.len(), 0);
        let room = &mut out[start..];
        let mut len = 0;
        for &byte in piece.as_bytes() {
            let lower = WORD_BYTES[usize::from(byte)];
            let word = lower != 0;
            room[len] = if word { lower } else { b' ' };
            len += usize::from(word || !separated);
            separated = !word;
        }
        out.truncate(start + len);
    } else {
        fold_chars(piece, |_, folded| {
            for ch in folded {
                if is_word_char(ch) {
                    push_char(out, ch);
                    separated = false;
                } else if !separated {
                    out.push(b' ');
                    separated = true;
                }
            }
        });
    }
    if !separated {
        out.push(b' ');
    }
}

/// Appends a URL host as a domain: lowercase, without `www.`.
fn push_domain(out: &mut Vec<u8>, host: &str) {
    let start = out.len();
    if host.is_ascii() {
        out.extend(host.bytes().map(|byte| byte.to_ascii_lowercase()));
    } else {
        host.chars()
            .flat_map(char::to_lowercase)
            .for_each(|ch| push_char(out, ch));
    }
    if out[start..].starts_with(b"www.") {
        out.drain(start..start + 4);
    }
}

/// Byte classes for [`push_tokens`].
const SPACE: u8 = 1;
const DIGIT: u8 = 2;
const LETTER: u8 = 4;
const NON_ASCII: u8 = 8;

/// The class of each byte: ASCII whitespace of `char::is_whitespace` (the vertical tab
/// included), digit, letter, or part of a non-ASCII char.
static BYTE_CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte >= 0x80 {
            NON_ASCII
        } else if byte == b' ' || (byte >= b'\t' && byte <= b'\r') {
            SPACE
        } else if byte.is_ascii_digit() {
            DIGIT
        } else if byte.is_ascii_alphabetic() {
            LETTER
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Appends the whitespace-separated tokens of `piece` to `scratch`, folded, numbers as `{n}`,
/// until `ranges` holds `limit` tokens.
fn push_tokens(scratch: &mut Vec<u8>, ranges: &mut Vec<Range<usize>>, piece: &str, limit: usize) {
    let bytes = piece.as_bytes();
    let class = |at: usize| BYTE_CLASSES[usize::from(bytes[at])];
    let mut room = limit.saturating_sub(ranges.len());
    let mut at = 0;
    // ASCII tokens by bytes; from the first other char on, by chars.
    while room > 0 {
        while at < bytes.len() && class(at) == SPACE {
            at += 1;
        }
        let start = at;
        let mut seen = 0;
        while at < bytes.len() && class(at) & (SPACE | NON_ASCII) == 0 {
            seen |= class(at);
            at += 1;
        }
        if at < bytes.len() && class(at) == NON_ASCII {
            at = start;
            break;
        }
        if at == start {
            return;
        }
        let token_start = scratch.len();
        if seen & (DIGIT | LETTER) == DIGIT {
            scratch.extend_from_slice(b"{n}");
        } else {
            scratch.extend(bytes[start..at].iter().map(u8::to_ascii_lowercase));
        }
        ranges.push(token_start..scratch.len());
        room -= 1;
    }
    for word in piece[at..].split_whitespace().take(room) {
        let start = scratch.len();
        if word.bytes().any(|b| b.is_ascii_digit()) && word.chars().all(|c| !c.is_alphabetic()) {
            scratch.extend_from_slice(b"{n}");
        } else {
            fold_into(scratch, word);
        }
        ranges.push(start..scratch.len());
    }
}

/// Normalizes a post for duplicate detection (see [`Normalizer::normalize`]).
pub fn normalize(text: &str, entities: &Entities) -> String {
    Normalizer::new().normalize(text, entities).to_string()
}

/// The template skeleton of a post (see [`Normalizer::skeleton`]).
pub fn skeleton(text: &str, entities: &Entities) -> String {
    Normalizer::new().skeleton(text, entities).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::extract;

    fn norm(text: &str) -> String {
        normalize(text, &extract(text))
    }

    fn skel(text: &str) -> String {
        skeleton(text, &extract(text))
    }

    #[test]
    fn normalizes_copies_to_one_form() {
        assert_eq!(
            norm("Our CI guide is out! #devops #ci https://acme.com/a"),
            "our ci guide is out acme.com ci devops"
        );
        assert_eq!(
            norm("our CI guide is out!! https://www.acme.com/b #ci #DevOps"),
            "our ci guide is out acme.com ci devops"
        );
        assert_eq!(norm("RT @alice: Big news 🎉 today"), "big news today");
        assert_eq!(norm("ＢＩＧ　ＮＥＷＳ today @bob"), "big news today");
        assert_eq!(norm("$TWTR up 5%"), "twtr up 5");
        assert_eq!(norm("RT"), "");
        assert_eq!(norm("#b #a #B"), "a b");
        assert_eq!(norm("Ｃａｆé — ÉTÉ ﬁne"), "café été fine");
    }

    #[test]
    fn skeletons_mask_titles_links_and_numbers() {
        let a = skel("New post: How we cut cold starts in half https://acme.com/b/1");
        let b = skel("New post: Ten tips for Rust beginners https://acme.com/b/2");
        assert_eq!(a, "new post: {title} {url}");
        assert_eq!(a, b);
        assert_eq!(
            skel("Episode 12 is live https://x.co/12 #podcast"),
            "episode {n} {title} {url} #podcast"
        );
        assert_eq!(skel("Hi @ann"), "hi {@}");
        assert_eq!(skel("Big\x0Bnews"), "big news");
        assert_eq!(skel("Ｂig\u{3000}news"), "big news");
        assert_ne!(
            skel("Team lunch at the ramen place"),
            skel("Thanks everyone who came to the meetup")
        );
    }

    #[test]
    fn a_normalizer_reused_gives_what_a_fresh_one_gives() {
        let texts = [
            "Our CI guide is out! #devops #ci https://acme.com/a",
            "RT @alice: Big news 🎉 today",
            "New post: Ten tips for Rust beginners https://acme.com/b/2",
            "",
            "ＢＩＧ　ＮＥＷＳ today @bob #Ｘ",
        ];
        let mut normalizer = Normalizer::new();
        for text in texts {
            let entities = extract(text);
            assert_eq!(normalizer.normalize(text, &entities), norm(text));
            assert_eq!(normalizer.skeleton(text, &entities), skel(text));
        }
    }
}
