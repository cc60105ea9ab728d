//! Text normalization for duplicate detection and templates.
//!
//! [`normalize`] makes copies compare equal when they differ only in case, width, punctuation,
//! emoji, link paths, mentions, a leading "RT"/"via" or hashtag order. [`skeleton`] masks what a
//! template fills in (links, numbers, titles) so posts of one template compare equal.

use crate::fold::{Folded, is_word_char};
use crate::span::Span;
use crate::text::Entities;

/// An entity of the text, as normalization treats it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Piece {
    Url,
    Mention,
    Hashtag,
    Cashtag,
}

/// Entity spans with their kinds, in text order.
fn pieces(entities: &Entities) -> Vec<(Span, Piece)> {
    let mut all: Vec<(Span, Piece)> = Vec::with_capacity(
        entities.urls.len() + entities.mentions.len() + entities.hashtags.len() + entities.cashtags.len(),
    );
    all.extend(entities.urls.iter().map(|url| (url.span, Piece::Url)));
    all.extend(entities.mentions.iter().map(|mention| (mention.span, Piece::Mention)));
    all.extend(entities.hashtags.iter().map(|tag| (tag.span, Piece::Hashtag)));
    all.extend(entities.cashtags.iter().map(|cashtag| (cashtag.span, Piece::Cashtag)));
    all.sort_unstable();
    all
}

/// Appends the folded words of `piece` to `out`, separated by single spaces: punctuation and
/// emoji become spaces.
fn push_words(out: &mut String, piece: &str) {
    let folded = Folded::new(piece);
    for ch in folded.text.chars() {
        if is_word_char(ch) {
            out.push(ch);
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') && !out.is_empty() {
        out.push(' ');
    }
}

/// The domain of a URL host: lowercase, without `www.`.
fn domain(text: &str, host: Span) -> String {
    let host = host.slice(text).to_lowercase();
    host.strip_prefix("www.").map(str::to_string).unwrap_or(host)
}

/// Normalizes a post for duplicate detection: NFKC, lowercase, URLs to their domain, mentions
/// and a leading "RT"/"via" dropped, punctuation and emoji to spaces, hashtags as a sorted set
/// at the end.
pub fn normalize(text: &str, entities: &Entities) -> String {
    let mut out = String::with_capacity(text.len());
    let mut tags: Vec<String> = Vec::new();
    let mut cursor = 0;
    for (span, piece) in pieces(entities) {
        if span.start < cursor {
            continue;
        }
        push_words(&mut out, &text[cursor..span.start]);
        match piece {
            Piece::Url => {
                let host = entities
                    .urls
                    .iter()
                    .find(|url| url.span == span)
                    .map(|url| url.host)
                    .unwrap_or(span);
                out.push_str(&domain(text, host));
                out.push(' ');
            }
            Piece::Mention => {}
            Piece::Hashtag => {
                let tag =
                    Folded::new(&span.slice(text)[span.slice(text).chars().next().map_or(0, char::len_utf8)..]).text;
                tags.push(tag);
            }
            Piece::Cashtag => push_words(&mut out, span.slice(text)),
        }
        cursor = span.end;
    }
    push_words(&mut out, &text[cursor..]);
    for prefix in ["rt ", "via "] {
        if let Some(rest) = out.strip_prefix(prefix) {
            out = rest.to_string();
        }
    }
    tags.sort_unstable();
    tags.dedup();
    for tag in tags {
        out.push_str(&tag);
        out.push(' ');
    }
    out.truncate(out.trim_end().len());
    out
}

/// Words of the head kept when no separator ends a prefix.
const HEAD_WORDS: usize = 2;
/// A separator (`:`, `—`, `|`) within this many words ends the template's fixed prefix.
const MAX_PREFIX_WORDS: usize = 6;

/// The template skeleton of a post: links as `{url}`, mentions as `{@}`, numbers as `{n}`, and
/// the title masked as `{title}`: everything between the fixed prefix (the words up to a `:`,
/// `—`, `-` or `|` among the first six, or else the first two words) and the trailing links and
/// hashtags. "New post: How we cut cold starts {url}" and "New post: Ten tips for Rust {url}"
/// both become "new post: {title} {url}".
pub fn skeleton(text: &str, entities: &Entities) -> String {
    let mut tokens: Vec<String> = Vec::new();
    let mut cursor = 0;
    let push_text = |tokens: &mut Vec<String>, piece: &str| {
        for word in Folded::new(piece).text.split_whitespace() {
            let token = if word.chars().any(|c| c.is_ascii_digit()) && word.chars().all(|c| !c.is_alphabetic()) {
                "{n}".to_string()
            } else {
                word.to_string()
            };
            tokens.push(token);
        }
    };
    for (span, piece) in pieces(entities) {
        if span.start < cursor {
            continue;
        }
        push_text(&mut tokens, &text[cursor..span.start]);
        tokens.push(match piece {
            Piece::Url => "{url}".to_string(),
            Piece::Mention => "{@}".to_string(),
            Piece::Hashtag | Piece::Cashtag => Folded::new(span.slice(text)).text,
        });
        cursor = span.end;
    }
    push_text(&mut tokens, &text[cursor..]);
    let is_entity =
        |token: &str| token == "{url}" || token.starts_with('#') || token.starts_with('＃') || token == "{@}";
    let body_end = tokens
        .iter()
        .rposition(|token| !is_entity(token))
        .map_or(0, |at| at + 1);
    let separator = tokens[..body_end.min(MAX_PREFIX_WORDS)]
        .iter()
        .position(|token| token.ends_with(':') || matches!(token.as_str(), "—" | "–" | "-" | "|"));
    let head = separator.map_or(HEAD_WORDS, |at| at + 1);
    let mut out: Vec<&str> = Vec::with_capacity(head + 2 + tokens.len() - body_end);
    if body_end > head {
        out.extend(tokens[..head].iter().map(String::as_str));
        out.push("{title}");
    } else {
        out.extend(tokens[..body_end].iter().map(String::as_str));
    }
    out.extend(tokens[body_end..].iter().map(String::as_str));
    out.join(" ")
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
        assert_ne!(
            skel("Team lunch at the ramen place"),
            skel("Thanks everyone who came to the meetup")
        );
    }
}
