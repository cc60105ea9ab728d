//! Character classes of twitter-text.

use unicode_general_category::{GeneralCategory, get_general_category};

/// twitter-text's spaces: Unicode white space (Zs, line and paragraph separators, controls).
pub fn is_space(c: char) -> bool {
    matches!(c,
        '\u{0009}'..='\u{000D}' | '\u{0020}' | '\u{0085}' | '\u{00A0}' | '\u{1680}' | '\u{180E}'
        | '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

/// twitter-text's invalid characters (`invalidCharsGroup`): they make a post invalid on X and
/// cannot precede or be part of a URL.
pub fn is_invalid(c: char) -> bool {
    matches!(c, '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}')
}

/// Bidirectional formatting marks.
pub fn is_directional(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// twitter-text's punctuation: ASCII punctuation except `"` and `` ` `` (its `punct` class).
pub fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() && c != '"' && c != '`'
}

/// JavaScript's `\s`: what may follow a cashtag besides punctuation.
pub fn is_js_space(c: char) -> bool {
    (c.is_whitespace() && c != '\u{0085}') || c == '\u{FEFF}'
}

/// Latin letters with accents (and combining accents) that twitter-text lets into names and paths.
pub fn is_latin_accent(c: char) -> bool {
    matches!(c,
        '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00F6}' | '\u{00F8}'..='\u{00FF}' | '\u{0100}'..='\u{024F}'
        | '\u{0253}'..='\u{0254}' | '\u{0256}'..='\u{0257}' | '\u{0259}' | '\u{025B}' | '\u{0263}' | '\u{0268}'
        | '\u{026F}' | '\u{0272}' | '\u{0289}' | '\u{028B}' | '\u{02BB}' | '\u{0300}'..='\u{036F}'
        | '\u{1E00}'..='\u{1EFF}')
}

/// Cyrillic letters, allowed in URL paths.
pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// A letter or a mark: what a hashtag needs at least one of.
pub fn is_hashtag_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    use GeneralCategory::*;
    matches!(
        get_general_category(c),
        UppercaseLetter
            | LowercaseLetter
            | TitlecaseLetter
            | ModifierLetter
            | OtherLetter
            | NonspacingMark
            | SpacingMark
            | EnclosingMark
    )
}

/// A character that may continue a hashtag.
pub fn is_hashtag_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    is_hashtag_alpha(c)
        || get_general_category(c) == GeneralCategory::DecimalNumber
        || matches!(
            c,
            '\u{200C}'
                | '\u{200D}'
                | '\u{A67E}'
                | '\u{05BE}'
                | '\u{05F3}'
                | '\u{05F4}'
                | '\u{FF5E}'
                | '\u{301C}'
                | '\u{309B}'
                | '\u{309C}'
                | '\u{30A0}'
                | '\u{30FB}'
                | '\u{3003}'
                | '\u{0F0B}'
                | '\u{0F0C}'
                | '\u{00B7}'
        )
}

/// A character of a domain label (twitter-text's validDomainChars: anything but its punctuation,
/// spaces, invalid characters and directional marks).
pub fn is_domain_char(c: char) -> bool {
    // Its punctuation is ASCII; invalid characters and directional marks are not.
    if c.is_ascii() {
        !is_punct(c) && !is_space(c)
    } else {
        !is_space(c) && !is_invalid(c) && !is_directional(c)
    }
}

/// A character of a URL path (twitter-text's validGeneralUrlPathChars).
pub fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '*'
                | '\''
                | ';'
                | ':'
                | '='
                | '+'
                | ','
                | '.'
                | '$'
                | '/'
                | '%'
                | '#'
                | '['
                | ']'
                | '-'
                | '\u{2013}'
                | '_'
                | '~'
                | '|'
                | '&'
                | '@'
        )
        || is_cyrillic(c)
        || is_latin_accent(c)
}

/// A character a URL path may end with (twitter-text's validUrlPathEndingChars, without parens).
pub fn is_path_end(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '=' | '_' | '#' | '/') || is_cyrillic(c) || is_latin_accent(c)
}

/// A character of a URL query.
pub fn is_query_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '?'
                | '*'
                | '\''
                | '@'
                | '('
                | ')'
                | ';'
                | ':'
                | '&'
                | '='
                | '+'
                | '$'
                | '/'
                | '%'
                | '#'
                | '['
                | ']'
                | '-'
                | '_'
                | '.'
                | ','
                | '~'
                | '|'
        )
}

/// A character a URL query may end with.
pub fn is_query_end(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '&' | '=' | '#' | '/')
}

/// The char before byte `at`, if any.
pub fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The char at byte `at`, if any.
pub fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}
