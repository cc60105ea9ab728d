//! Text analysis that matches Twitter's twitter-text: entity extraction and X's weighted length,
//! plus the per-network length counts.
//!
//! Everything here works on UTF-8 byte [`Span`]s into the original text.

use crate::span::Span;

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
}
