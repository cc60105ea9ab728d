//! Validation of single entities and whole posts (twitter-text's `isValid*`).

use super::length::{WeightedConfig, weighted_length};
use super::{extract_hashtags, extract_mentions};

/// Whether `text` is exactly one mention, `@name` (twitter-text `isValidUsername`).
pub fn is_valid_username(text: &str) -> bool {
    let mentions = extract_mentions(text);
    matches!(mentions.as_slice(), [one] if one.list_slug.is_none() && one.span.start == 0 && one.span.end == text.len())
}

/// Whether `text` is exactly one list, `@name/slug` (twitter-text `isValidList`).
pub fn is_valid_list(text: &str) -> bool {
    let mentions = extract_mentions(text);
    matches!(mentions.as_slice(), [one] if one.list_slug.is_some() && one.span.start == 0 && one.span.end == text.len())
}

/// Whether `text` is exactly one hashtag (twitter-text `isValidHashtag`).
pub fn is_valid_hashtag(text: &str) -> bool {
    let hashtags = extract_hashtags(text);
    matches!(hashtags.as_slice(), [one] if one.span.start == 0 && one.span.end == text.len())
}

/// Whether `text` is a valid post under `config` (not empty, not too long, no invalid chars).
pub fn is_valid_tweet(text: &str, config: &WeightedConfig) -> bool {
    weighted_length(text, config).valid
}

/// RFC 3986 "unreserved" (with Cyrillic), percent-encoded, or sub-delimiter chars, plus `extra`.
fn all_pchars(part: &str, extra: &[char]) -> bool {
    let bytes = part.as_bytes();
    let mut chars = part.char_indices();
    while let Some((at, c)) = chars.next() {
        let ok = c.is_ascii_alphanumeric()
            || ('\u{0400}'..='\u{04FF}').contains(&c)
            || matches!(
                c,
                '-' | '.' | '_' | '~' | '!' | '$' | '&' | '\'' | '(' | ')' | '*' | '+' | ',' | ';' | '='
            )
            || extra.contains(&c);
        if ok {
            continue;
        }
        if c == '%' && bytes.len() > at + 2 && bytes[at + 1].is_ascii_hexdigit() && bytes[at + 2].is_ascii_hexdigit() {
            chars.next();
            chars.next();
            continue;
        }
        return false;
    }
    true
}

/// A domain label: starts and ends with a letter/digit (or non-ASCII), `-` (and `_` if allowed) inside.
fn valid_label(label: &str, underscore: bool, tld: bool) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || !c.is_ascii();
    let (Some(first), Some(last)) = (label.chars().next(), label.chars().next_back()) else {
        return false;
    };
    let first_ok = if tld {
        first.is_ascii_alphabetic() || !first.is_ascii()
    } else {
        word(first)
    };
    first_ok && word(last) && label.chars().all(|c| word(c) || c == '-' || (underscore && c == '_'))
}

/// Whether `host` is an IPv4 address, a bracketed IPv6 address, or a domain with a TLD.
fn valid_host(host: &str, unicode: bool) -> bool {
    if host.starts_with('[') && host.ends_with(']') {
        return host[1..host.len() - 1].parse::<std::net::Ipv6Addr>().is_ok();
    }
    if host.parse::<std::net::Ipv4Addr>().is_ok() {
        return true;
    }
    if !unicode && !host.is_ascii() {
        return false;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let Some((tld, names)) = labels.split_last() else {
        return false;
    };
    !names.is_empty()
        && valid_label(tld, false, true)
        && names
            .iter()
            .enumerate()
            .all(|(i, label)| valid_label(label, i + 1 < names.len(), false))
}

/// Whether `text` is one valid URL (twitter-text `isValidUrl`): scheme (http/https, unless not
/// required), authority (userinfo, host, port), path, query and fragment checked by RFC 3986.
pub fn is_valid_url(text: &str, unicode_domains: bool, require_protocol: bool) -> bool {
    if text.is_empty() {
        return false;
    }
    let (scheme, rest) = match text.find("://") {
        Some(at) if !text[..at].contains(['/', '?', '#']) && at > 0 => (Some(&text[..at]), &text[at + 3..]),
        _ => (None, text),
    };
    match scheme {
        Some(scheme) if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) => return false,
        None if require_protocol => return false,
        _ => {}
    }
    let (rest, fragment) = match rest.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (rest, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((rest, query)) => (rest, Some(query)),
        None => (rest, None),
    };
    let (authority, path) = rest.find('/').map_or((rest, ""), |at| rest.split_at(at));
    if !path
        .split('/')
        .skip(1)
        .all(|segment| all_pchars(segment, &[':', '|', '@']))
    {
        return false;
    }
    if ![query, fragment]
        .iter()
        .flatten()
        .all(|part| all_pchars(part, &[':', '|', '@', '/', '?']))
    {
        return false;
    }
    let (userinfo, host_port) = match authority.rsplit_once('@') {
        Some((userinfo, host_port)) => (Some(userinfo), host_port),
        None => (None, authority),
    };
    if userinfo.is_some_and(|userinfo| !all_pchars(userinfo, &[':'])) {
        return false;
    }
    let (host, port) = match host_port.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || host_port.ends_with(']') => {
            if host_port.ends_with(']') {
                (host_port, None)
            } else {
                (host, Some(port))
            }
        }
        Some((host, port)) => (host, Some(port)),
        None => (host_port, None),
    };
    if port.is_some_and(|port| port.is_empty() || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    valid_host(host, unicode_domains)
}
