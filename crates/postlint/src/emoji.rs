//! Emoji detection on grapheme clusters (Unicode emoji properties via `unicode-properties`).

use std::ops::ControlFlow;
use std::sync::LazyLock;

use unicode_properties::emoji::{EmojiStatus, UnicodeEmoji};

use crate::unicode::ascii_prefix_len;

/// The pictograph blocks (U+1F000 to U+1FAFF), where most emoji are: [`emoji_status`] keeps
/// their statuses in a table, and [`plainly_alone`] takes them as plain neighbours.
const PICTOGRAPHS: std::ops::RangeInclusive<u32> = 0x1F000..=0x1FAFF;

/// The emoji status of each char of [`PICTOGRAPHS`], in order, found on first use.
static PICTOGRAPH_STATUSES: LazyLock<Box<[EmojiStatus]>> = LazyLock::new(|| {
    PICTOGRAPHS
        .map(|code| char::from_u32(code).map_or(EmojiStatus::NonEmoji, |ch| ch.emoji_status()))
        .collect()
});

/// `ch.emoji_status()`: from a table for the pictograph blocks and for U+FE0F (the emoji
/// presentation selector), the chars of emoji text, where unicode-properties searches its
/// ranges (about 75 instructions a char); a test checks every char.
fn emoji_status(ch: char) -> EmojiStatus {
    let code = u32::from(ch);
    if PICTOGRAPHS.contains(&code) {
        PICTOGRAPH_STATUSES[(code - PICTOGRAPHS.start()) as usize]
    } else if ch == '\u{FE0F}' {
        EmojiStatus::NonEmojiButEmojiComponent
    } else {
        ch.emoji_status()
    }
}

/// Whether `text` may hold an emoji grapheme: every emoji cluster has a non-ASCII char with an
/// emoji property (the emoji itself, or FE0F / U+20E3 after a digit, `#` or `*`). A cheap test
/// that lets ASCII and plain-letter text skip grapheme segmentation.
pub fn may_contain_emoji(text: &str) -> bool {
    emoji_chars_at_least(text, 1)
}

/// Whether every grapheme cluster of `text` that may be an emoji is one char alone (plainly:
/// [`plainly_alone`]) for which `lone(ch)` holds. Every emoji cluster has a non-ASCII char with
/// an emoji property ([`may_contain_emoji`]); each such char is checked with the chars around
/// it. X's weighted length uses it to weigh the chars of a text one by one when an emoji weighs
/// as its one char does: most emoji in posts (🎉, 🚀) stand alone.
pub(crate) fn emoji_are_lone_chars(text: &str, lone: impl Fn(char) -> bool) -> bool {
    try_for_each_emoji_property_char(text, |at, ch| {
        if is_lone_emoji_char(text, at, ch, &lone) {
            ControlFlow::Continue(())
        } else {
            ControlFlow::Break(())
        }
    })
    .is_continue()
}

/// What [`emoji_are_lone_chars`] asks of the char `ch` at `at` of `text`, which has an emoji
/// property: it is plainly a cluster alone and `lone(ch)` holds.
fn is_lone_emoji_char(text: &str, at: usize, ch: char, lone: impl Fn(char) -> bool) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + ch.len_utf8()..].chars().next();
    lone(ch) && plainly_alone(before, ch, after)
}

/// Whether the non-ASCII char `ch` at `at` of `text` keeps [`emoji_are_lone_chars`] true: it
/// has no emoji property, or it is plainly a cluster alone and `lone(ch)` holds. For walks that
/// check the chars as they go, instead of in a pass of their own.
pub(crate) fn is_no_emoji_or_lone(text: &str, at: usize, ch: char, lone: impl Fn(char) -> bool) -> bool {
    !has_emoji_property(ch) || is_lone_emoji_char(text, at, ch, lone)
}

/// Whether `text` has at least `count` non-ASCII chars with an emoji property: a text with
/// fewer cannot hold `count` emoji graphemes (each has one).
pub fn emoji_chars_at_least(text: &str, count: usize) -> bool {
    if count == 0 {
        return true;
    }
    let mut found = 0;
    try_for_each_emoji_property_char(text, |_, _| {
        found += 1;
        if found == count {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })
    .is_break()
}

/// Calls `visit` with each non-ASCII char of `text` that has an emoji property, and its offset,
/// in order, until it breaks. ASCII runs are skipped [`crate::lanes::LANES`] bytes at a time, the
/// non-ASCII chars after each read in one pass.
fn try_for_each_emoji_property_char(
    text: &str,
    mut visit: impl FnMut(usize, char) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut at = 0;
    while at < text.len() {
        at += ascii_prefix_len(&text.as_bytes()[at..]);
        let rest = &text[at..];
        let mut end = rest.len();
        for (offset, ch) in rest.char_indices() {
            if ch.is_ascii() {
                end = offset;
                break;
            }
            if has_emoji_property(ch) {
                visit(at + offset, ch)?;
            }
        }
        at += end;
    }
    ControlFlow::Continue(())
}

/// Whether `ch` has an emoji property. In ASCII only the digits, `#` and `*` have one; beyond it
/// only `©`, `®`, U+2000 to U+3FFF, U+FE0F and the supplementary planes have any (a test checks
/// every char), so the other chars (U+FFFD, the replacement char of broken text, among them)
/// skip the ranges.
fn has_emoji_property(ch: char) -> bool {
    match u32::from(ch) {
        0x00..=0x7F => ch.is_ascii_digit() || ch == '#' || ch == '*',
        0xA9 | 0xAE | 0x2000..=0x3FFF | 0xFE0F | 0x1_0000.. => emoji_status(ch) != EmojiStatus::NonEmoji,
        _ => false,
    }
}

/// Whether no emoji grapheme cluster can start with `ch` followed by `next`: `ch` has no emoji
/// property and is a cluster alone ([`alone_from_boundary`]). A cheap test that spares most
/// chars of prose grapheme segmentation; a test checks it on every char.
pub(crate) fn starts_no_emoji(ch: char, next: Option<char>) -> bool {
    !has_emoji_property(ch) && alone_from_boundary(ch, next)
}

/// Whether `ch`, at a grapheme cluster boundary and followed by `next`, is a cluster alone:
/// it joins nothing after it on its own (it is no CR, Prepend char, Hangul leading jamo or
/// supplementary char outside the emoji blocks), and `next` joins nothing before it (it is
/// ASCII or from blocks with no combining, joining, Hangul vowel or trailing chars: Latin,
/// Greek, Cyrillic, Arabic letters, general punctuation, arrows, shapes, symbols and dingbats,
/// kana, CJK ideographs, Hangul syllables, U+FFFD, and the emoji blocks but for skin tones and
/// regional indicators). A test checks it on every char.
pub(crate) fn alone_from_boundary(ch: char, next: Option<char>) -> bool {
    // By plane first, as in `joins_nothing_before`.
    let may_join_next = match u32::from(ch) {
        code @ ..0x0600 => code == 0x0D,
        code @ 0x1_0000.. => !(0x1_F000..0x1_FB00).contains(&code),
        code => matches!(
            code,
            0x0600..=0x0605 | 0x06DD | 0x070F | 0x0890..=0x0891 | 0x08E2 | 0x0D4E | 0x1100..=0x115F | 0xA960..=0xA97F
        ),
    };
    !may_join_next && next.is_none_or(joins_nothing_before)
}

/// Whether `ch`, after `prev` and before `next`, is a grapheme cluster alone, when that is
/// plain: `prev` is ASCII but CR, an emoji-block char or nothing (no CR, Prepend char, ZWJ or
/// Hangul jamo that `ch` could continue), `ch` joins nothing before it (so it is no regional
/// indicator either), and [`alone_from_boundary`] holds. `false` when segmentation must decide.
pub(crate) fn plainly_alone(prev: Option<char>, ch: char, next: Option<char>) -> bool {
    starts_plainly(prev, ch) && alone_from_boundary(ch, next)
}

/// Whether a grapheme cluster plainly starts with `ch`, after `prev`: `prev` is ASCII but CR,
/// an emoji-block char or nothing, and `ch` joins nothing before it.
fn starts_plainly(prev: Option<char>, ch: char) -> bool {
    prev.is_none_or(|prev| (prev.is_ascii() && prev != '\r') || PICTOGRAPHS.contains(&u32::from(prev)))
        && joins_nothing_before(ch)
}

/// The end of the grapheme cluster that starts with the non-ASCII emoji char `ch` at `at` of
/// `text`, after `prev`, when it is plainly `ch` and `next` alone: the cluster starts plainly
/// ([`starts_plainly`]), `next` is a skin tone or the emoji presentation selector (each joins
/// the char before it, and nothing after it on its own), and the char after `next` joins
/// nothing before it. The common emoji of two chars (👍🏽, ❤️) without segmentation; `None`
/// when segmentation must decide.
pub(crate) fn plainly_with_modifier(
    text: &str,
    at: usize,
    prev: Option<char>,
    ch: char,
    next: Option<char>,
) -> Option<usize> {
    let next = next.filter(|&next| matches!(u32::from(next), 0x1F3FB..=0x1F3FF | 0xFE0F))?;
    if ch.is_ascii() || !has_emoji_property(ch) || !starts_plainly(prev, ch) {
        return None;
    }
    let end = at + ch.len_utf8() + next.len_utf8();
    text[end..]
        .chars()
        .next()
        .is_none_or(joins_nothing_before)
        .then_some(end)
}

/// Whether `ch` is ASCII or from blocks whose chars never join the char before them into one
/// grapheme cluster (see [`alone_from_boundary`]).
fn joins_nothing_before(ch: char) -> bool {
    // By plane first, the common chars (ASCII, Latin, emoji) in few steps: LLVM tests all the
    // ranges of one `matches!` at once, branch-free, about 60 instructions a char.
    match u32::from(ch) {
        code @ ..0x0300 => !(0x80..0xA0).contains(&code),
        code @ 0x1_0000.. => matches!(
            code,
            0x1F300..=0x1F3FA | 0x1F400..=0x1F64F | 0x1F680..=0x1F6FF | 0x1F900..=0x1F9FF | 0x1FA70..=0x1FAFF
        ),
        code => matches!(
            code,
            0x0370..=0x0482
                | 0x048A..=0x052F
                | 0x0621..=0x064A
                | 0x2010..=0x2027
                | 0x2030..=0x205E
                | 0x3000..=0x3029
                | 0x3041..=0x3096
                | 0x30A0..=0x30FF
                | 0x2190..=0x21FF
                | 0x2500..=0x25FF
                | 0x2600..=0x27BF
                | 0x4E00..=0x9FFF
                | 0xAC00..=0xD7A3
                | 0xFF01..=0xFF5E
                | 0xFFFD
        ),
    }
}

/// Whether a grapheme cluster displays as an emoji: a default-emoji character (😀, 🇯🇵, 🏽),
/// a text-default one forced to emoji style (`❤️`, `1️⃣`), a keycap, or a ZWJ sequence of
/// emoji. Plain digits, `#`, `*`, `©` and `‼` are not emoji on their own.
pub fn is_emoji_grapheme(grapheme: &str) -> bool {
    let mut chars = grapheme.chars();
    let Some(first) = chars.next() else { return false };
    if first.is_ascii() && grapheme.len() == 1 {
        return false;
    }
    let mut emoji_base = false;
    for ch in grapheme.chars() {
        match emoji_status(ch) {
            EmojiStatus::EmojiPresentation
            | EmojiStatus::EmojiPresentationAndModifierBase
            | EmojiStatus::EmojiPresentationAndEmojiComponent
            | EmojiStatus::EmojiPresentationAndModifierAndEmojiComponent => return true,
            EmojiStatus::EmojiModifierBase | EmojiStatus::EmojiOther | EmojiStatus::EmojiOtherAndEmojiComponent => {
                emoji_base = true;
            }
            _ if (ch == '\u{FE0F}' || ch == '\u{20E3}') && emoji_base => return true,
            _ => {}
        }
    }
    // Text-default pictographs in the supplementary planes (🕊, 🌡) still read as emoji.
    emoji_base && u32::from(first) >= 0x1F000
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// Whether the first grapheme cluster of `text` is its first char (or CR LF).
    fn first_char_is_a_cluster(text: &str) -> bool {
        let first = text.graphemes(true).next().unwrap_or_default();
        first.chars().count() == 1 || first == "\r\n"
    }

    #[test]
    fn alone_from_boundary_holds_for_every_char() {
        // Every char before a few chars of the blocks that join nothing before them.
        let nexts = ['a', '\u{2019}', '中', 'é', '가', 'Я', 'ｱ', '!', '\u{1F600}'];
        for ch in (0..=0x10FFFF).filter_map(char::from_u32) {
            for next in nexts {
                if alone_from_boundary(ch, Some(next)) {
                    let text = format!("{ch}{next}\u{1F3FD}\u{200D}\u{1F600}");
                    assert!(first_char_is_a_cluster(&text), "{ch:?} {next:?}");
                }
                if starts_no_emoji(ch, Some(next)) {
                    assert!(!is_emoji_grapheme(&ch.to_string()), "{ch:?}");
                }
            }
            if starts_no_emoji(ch, None) {
                assert!(!is_emoji_grapheme(&ch.to_string()), "{ch:?}");
            }
        }
        // Every char of those blocks after a few chars (a Hangul syllable joins a vowel or a
        // trailing jamo; a virama joins a consonant after a consonant).
        for next in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&next| joins_nothing_before(next))
        {
            for ch in ['a', '가', '각', 'é', '\u{094D}', '\u{2019}', '\u{1F600}'] {
                assert!(alone_from_boundary(ch, Some(next)), "{ch:?} {next:?}");
                let text = format!("{ch}{next}");
                assert!(first_char_is_a_cluster(&text), "{ch:?} {next:?}");
            }
            let after_virama = format!("क्{next}");
            assert_eq!(after_virama.graphemes(true).next(), Some("क्"), "{next:?}");
        }
        assert!(!starts_no_emoji('1', Some('\u{FE0F}')));
        assert!(!starts_no_emoji('a', Some('\u{1F3FD}')));
        assert!(!starts_no_emoji('\u{2764}', Some(' ')));
        assert!(!alone_from_boundary('\r', Some('\n')));
        assert!(!alone_from_boundary('\u{1F44D}', Some('\u{1F3FD}')));
    }

    #[test]
    fn plainly_alone_chars_are_clusters_of_their_own() {
        // Every char in every plain surrounding of a few chars before and after it.
        let prevs = [
            None,
            Some('a'),
            Some(' '),
            Some('\r'),
            Some('\u{1F600}'),
            Some('\u{1F3FD}'),
            Some('\u{1F1FA}'),
        ];
        let nexts = [
            None,
            Some('a'),
            Some('\n'),
            Some('\u{1F600}'),
            Some('\u{1F1FA}'),
            Some('中'),
            Some('\u{0301}'),
        ];
        let mut plain = 0;
        for ch in (0..=0x10FFFF).filter_map(char::from_u32) {
            for prev in prevs {
                for next in nexts {
                    if !plainly_alone(prev, ch, next) {
                        continue;
                    }
                    plain += 1;
                    let text: String = prev.into_iter().chain([ch]).chain(next).collect();
                    let start = prev.map_or(0, char::len_utf8);
                    let clusters: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
                    assert!(
                        clusters.contains(&(start, &text[start..start + ch.len_utf8()])),
                        "{prev:?} {ch:?} {next:?}"
                    );
                }
            }
        }
        assert!(plain > 1_000_000, "{plain}");
        assert!(!plainly_alone(Some('\u{200D}'), '\u{1F600}', None));
        assert!(!plainly_alone(Some('\u{1F1FA}'), '\u{1F1F8}', None));
    }

    #[test]
    fn plainly_modified_chars_are_clusters_with_their_modifier() {
        // Every char, with each modifier, in plain and other surroundings.
        let prevs = [
            None,
            Some('a'),
            Some('\r'),
            Some('\u{1F600}'),
            Some('\u{200D}'),
            Some('\u{1F1FA}'),
        ];
        let modifiers = ['\u{1F3FB}', '\u{1F3FF}', '\u{FE0F}'];
        let afters = [
            None,
            Some('a'),
            Some('\u{1F600}'),
            Some('\u{200D}'),
            Some('\u{20E3}'),
            Some('\u{1F3FD}'),
        ];
        let mut plain = 0;
        for ch in (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&ch| has_emoji_property(ch))
        {
            for prev in prevs {
                for modifier in modifiers {
                    for after in afters {
                        let text: String = prev.into_iter().chain([ch, modifier]).chain(after).collect();
                        let start = prev.map_or(0, char::len_utf8);
                        let Some(end) = plainly_with_modifier(&text, start, prev, ch, Some(modifier)) else {
                            continue;
                        };
                        plain += 1;
                        let clusters: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
                        assert!(
                            clusters.contains(&(start, &text[start..end])),
                            "{prev:?} {ch:?} {modifier:?} {after:?}"
                        );
                    }
                }
            }
        }
        assert!(plain > 5_000, "{plain}");
        assert_eq!(
            plainly_with_modifier("👍\u{1F3FD}", 0, None, '👍', Some('\u{1F3FD}')),
            Some(8)
        );
        assert_eq!(
            plainly_with_modifier("👍\u{1F3FD}\u{200D}", 0, None, '👍', Some('\u{1F3FD}')),
            None
        );
        assert_eq!(plainly_with_modifier("👍a", 0, None, '👍', Some('a')), None);
    }

    #[test]
    fn every_char_with_an_emoji_property_is_looked_up() {
        for ch in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(emoji_status(ch), ch.emoji_status(), "{ch:?}");
            assert_eq!(
                has_emoji_property(ch),
                ch.emoji_status() != EmojiStatus::NonEmoji,
                "{ch:?}"
            );
        }
        assert!(emoji_chars_at_least("é ©  ❤\u{FE0F} 😀", 4));
        assert!(!emoji_chars_at_least("é ©  ❤\u{FE0F} 😀", 5));
        assert!(!emoji_chars_at_least("漢字 ÀÉ Привет 1 # *", 1));
    }

    #[test]
    fn emoji_chars_are_counted_across_ascii_and_other_runs() {
        let pieces = [
            "a", " ", "1", "#", "é", "漢", "😀", "\u{FE0F}", "\u{FFFD}", "©", "‼", "\u{301}",
        ];
        let mut random = crate::testing::Xorshift::new(0xE307_0000_0000_0001);
        for _ in 0..5_000 {
            let text = random.text(&pieces, 20);
            let emoji_chars = text
                .chars()
                .filter(|&ch| !ch.is_ascii() && has_emoji_property(ch))
                .count();
            for count in 0..=emoji_chars + 1 {
                assert_eq!(
                    emoji_chars_at_least(&text, count),
                    count <= emoji_chars,
                    "{text:?} {count}"
                );
            }
        }
    }

    #[test]
    fn texts_without_emoji_chars_are_ruled_out() {
        for text in ["plain ascii 1 # *", "ä の ü \u{301}", "Ελληνικά, русский"] {
            assert!(!may_contain_emoji(text), "{text}");
        }
        for text in ["hi 😀", "1\u{FE0F}\u{20E3}", "🇯🇵", "❤\u{FE0F}", "a ‼"] {
            assert!(may_contain_emoji(text), "{text}");
        }
    }

    #[test]
    fn recognises_emoji_clusters_but_not_symbols() {
        let emoji = ["😀", "🇯🇵", "👩‍💻", "👍🏽", "❤️", "1️⃣", "#️⃣", "🕊", "🏳️‍🌈"];
        for grapheme in emoji {
            assert_eq!(grapheme.graphemes(true).count(), 1, "{grapheme}");
            assert!(is_emoji_grapheme(grapheme), "{grapheme}");
        }
        for grapheme in ["a", "1", "#", "*", "©", "‼", "ä", "の", "!", "\u{301}"] {
            assert!(!is_emoji_grapheme(grapheme), "{grapheme}");
        }
    }
}
