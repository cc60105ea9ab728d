//! Generated inputs: posts of typical shapes, pathological texts, and degenerate schedules.

use std::fmt::Write as _;

use postlint::{Network, Post, PostTime};

/// A post of a named shape (script and length).
#[derive(Debug, Clone)]
pub struct Shape {
    /// `{script}-{length}`, e.g. `cjk-140`.
    pub name: String,
    /// The post text.
    pub text: String,
}

/// Sentences of one script: the first carries entities (a hashtag, a mention, a URL), the
/// others are plain prose used to lengthen a post.
struct Script {
    name: &'static str,
    short: &'static str,
    tweet: &'static str,
    prose: &'static [&'static str],
}

const SCRIPTS: &[Script] = &[
    Script {
        name: "ascii",
        short: "Great talk today by @alice #rustlang",
        tweet: "Loving this #rustlang talk by @alice about zero-cost abstractions and fearless \
                concurrency, slides at https://example.com/talks/42 #rust",
        prose: &[
            " We spent the afternoon rewriting the parser and it is now twice as fast.",
            " The trick was to stop allocating inside the loop and to read bytes instead of chars.",
            " Next week we will look at the scheduler and see whether the same idea applies there.",
            " Thanks to everyone who came along and asked such good questions at the end.",
        ],
    },
    Script {
        name: "cjk",
        short: "東京でラーメン！#ラーメン @tanaka",
        tweet: "東京でラーメンを食べました。とても美味しかったです！#ラーメン #東京 @tanaka \
                さんありがとう https://example.jp/r/1",
        prose: &[
            "週末は友達と一緒に新しいお店を探しに行く予定です。",
            "スープは濃厚で、麺はもちもちしていて最高でした。",
            "次回は味噌ラーメンを試してみたいと思います。",
            "皆さんのおすすめのお店があればぜひ教えてください。",
        ],
    },
    Script {
        name: "emoji",
        short: "🎉 We launched! 🚀🚀 #launch @acme",
        tweet: "🎉🎉 Big news 🚀🚀🚀 we launched!!! 👩‍💻👨‍💻 #launch #startup @acme 🇺🇸🇯🇵 \
                https://acme.com 🔥🔥🔥",
        prose: &[
            " Thank you all 🙏🙏 for the support ❤️💙💚 this year.",
            " The team 👩🏽‍🔬👨🏻‍🎨🧑🏿‍🚀 worked so hard 💪💪 on it.",
            " More soon 👀✨ stay tuned 📣📣.",
            " Party tonight 🥳🍕🍻 see you there 👋😄.",
        ],
    },
];

/// Bytes of a long post (about a LinkedIn post's length).
pub const LONG_BYTES: usize = 2_000;

/// Posts in each script (ASCII, CJK, emoji-heavy) at three lengths: `short` (a few words),
/// `140` (a tweet of about 140 bytes, with hashtags, a mention and a URL) and `2k` (the tweet
/// followed by prose to about [`LONG_BYTES`] bytes).
pub fn shapes() -> Vec<Shape> {
    let mut shapes = Vec::new();
    for script in SCRIPTS {
        let mut long = script.tweet.to_string();
        for sentence in script.prose.iter().cycle() {
            if long.len() >= LONG_BYTES {
                break;
            }
            long.push_str(sentence);
        }
        for (length, text) in [
            ("short", script.short.to_string()),
            ("140", script.tweet.to_string()),
            ("2k", long),
        ] {
            shapes.push(Shape {
                name: format!("{}-{length}", script.name),
                text,
            });
        }
    }
    shapes
}

/// A kind of text built to expose superlinear cost, at a chosen number of repeated units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pathology {
    /// `#tag0 #tag1 ...`: distinct hashtags separated by spaces.
    Hashtags,
    /// One ASCII letter repeated (one endless word).
    OneLetter,
    /// `!` repeated (one endless punctuation run).
    OneMark,
    /// One emoji repeated (one endless emoji run, two UTF-16 units each).
    OneEmoji,
    /// One letter followed by combining acute accents (one endless grapheme cluster).
    CombiningMarks,
    /// URLs written back to back, each path running into the next URL.
    UrlChain,
    /// Distinct URLs separated by spaces.
    SpacedUrls,
    /// A long run of label chars broken by `-` before a dot, and a long label after it (every
    /// `-` is a place a URL may start, each sharing that run and that label).
    LabelRuns,
}

impl Pathology {
    /// Every pathology.
    pub const ALL: [Pathology; 8] = [
        Pathology::Hashtags,
        Pathology::OneLetter,
        Pathology::OneMark,
        Pathology::OneEmoji,
        Pathology::CombiningMarks,
        Pathology::UrlChain,
        Pathology::SpacedUrls,
        Pathology::LabelRuns,
    ];

    /// A short name for tables and benchmark ids.
    pub fn name(self) -> &'static str {
        match self {
            Pathology::Hashtags => "hashtags",
            Pathology::OneLetter => "one-letter",
            Pathology::OneMark => "one-mark",
            Pathology::OneEmoji => "one-emoji",
            Pathology::CombiningMarks => "combining-marks",
            Pathology::UrlChain => "url-chain",
            Pathology::SpacedUrls => "spaced-urls",
            Pathology::LabelRuns => "label-runs",
        }
    }

    /// The number of units of the named worst case: 10k hashtags, 100 KB of one letter or
    /// mark, 100 KB of one emoji, 50k combining marks (100 KB), URLs making about 100 KB, label
    /// runs of 75 KB.
    pub fn full_units(self) -> usize {
        match self {
            Pathology::Hashtags => 10_000,
            Pathology::OneLetter | Pathology::OneMark => 100_000,
            Pathology::OneEmoji => 25_000,
            Pathology::CombiningMarks => 50_000,
            Pathology::UrlChain | Pathology::SpacedUrls => 5_000,
            Pathology::LabelRuns => 25_000,
        }
    }

    /// The text with `units` repeated units.
    pub fn text(self, units: usize) -> String {
        let mut text = String::new();
        match self {
            Pathology::Hashtags => (0..units).for_each(|i| {
                let _ = write!(text, "#tag{i} ");
            }),
            Pathology::OneLetter => text = "a".repeat(units),
            Pathology::OneMark => text = "!".repeat(units),
            Pathology::OneEmoji => text = "😀".repeat(units),
            Pathology::CombiningMarks => {
                text.push('e');
                text.push_str(&"\u{301}".repeat(units));
            }
            Pathology::UrlChain => (0..units).for_each(|i| {
                let _ = write!(text, "https://s{i}.example.com/");
            }),
            Pathology::SpacedUrls => (0..units).for_each(|i| {
                let _ = write!(text, "https://s{i}.example.com/p ");
            }),
            Pathology::LabelRuns => text = format!("{}a.{}/", "a-".repeat(units), "b".repeat(units)),
        }
        text
    }
}

/// A time `hours` hours after 2026-01-01T00:00Z.
fn hours_in(hours: usize) -> PostTime {
    let seconds = 1_767_225_600 + 3_600 * i64::try_from(hours).expect("hours fit in i64");
    PostTime {
        timestamp: jiff::Timestamp::from_second(seconds).expect("a time in range"),
        offset: jiff::tz::Offset::UTC,
    }
}

/// Posts of the given texts by one account (`acme`) on X, one every 7 hours.
pub fn one_account_schedule(texts: impl IntoIterator<Item = String>) -> Vec<Post> {
    texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| Post {
            id: Some(format!("p{i}")),
            account: Some("acme".to_string()),
            at: Some(hours_in(7 * i)),
            ..Post::new(text).with_network(Network::X)
        })
        .collect()
}

/// `size` posts with the same text: one exact-duplicate group of `size` posts.
pub fn identical_schedule(size: usize) -> Vec<Post> {
    one_account_schedule((0..size).map(|_| {
        "Five practical tips to speed up your CI pipeline: cache dependencies, split slow tests \
         and run linters first https://acme.com/blog/ci"
            .to_string()
    }))
}

/// `size` posts that differ in one number each: every pair is a near-duplicate (the worst case
/// for MinHash buckets).
pub fn near_copy_schedule(size: usize) -> Vec<Post> {
    one_account_schedule((0..size).map(|i| {
        format!(
            "Five practical tips to speed up your CI pipeline: cache dependencies, split slow \
             tests and run linters first, part {i} https://acme.com/blog/ci"
        )
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_have_the_lengths_they_are_named_for() {
        for shape in shapes() {
            let bytes = shape.text.len();
            let expected = match shape.name.rsplit('-').next() {
                Some("short") => 20..=60,
                Some("140") => 110..=170,
                Some("2k") => LONG_BYTES..=LONG_BYTES + 200,
                other => panic!("unexpected shape {other:?}"),
            };
            assert!(expected.contains(&bytes), "{}: {bytes} bytes", shape.name);
        }
    }

    #[test]
    fn pathologies_grow_linearly_with_their_units() {
        for pathology in Pathology::ALL {
            let small = pathology.text(100).len();
            let large = pathology.text(200).len();
            // Numbered units (`#tag99`, `#tag199`) grow by a digit now and then.
            assert!(
                (1.95..=2.2).contains(&(large as f64 / small as f64)),
                "{}: {small} then {large} bytes",
                pathology.name()
            );
        }
    }
}
