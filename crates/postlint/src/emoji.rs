//! Emoji detection on grapheme clusters (Unicode emoji properties via `unicode-properties`).

use unicode_properties::emoji::{EmojiStatus, UnicodeEmoji};

/// Whether `text` may hold an emoji grapheme: every emoji cluster has a non-ASCII char with an
/// emoji property (the emoji itself, or FE0F / U+20E3 after a digit, `#` or `*`). A cheap test
/// that lets ASCII and plain-letter text skip grapheme segmentation.
pub fn may_contain_emoji(text: &str) -> bool {
    emoji_chars_at_least(text, 1)
}

/// Whether `text` has at least `count` non-ASCII chars with an emoji property: a text with
/// fewer cannot hold `count` emoji graphemes (each has one).
pub fn emoji_chars_at_least(text: &str, count: usize) -> bool {
    count == 0
        || (!text.is_ascii()
            && text
                .chars()
                .filter(|ch| !ch.is_ascii() && ch.emoji_status() != EmojiStatus::NonEmoji)
                .nth(count - 1)
                .is_some())
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
        match ch.emoji_status() {
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
