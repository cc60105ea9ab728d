//! A deterministic generator of large synthetic schedules with planted problems, for recall
//! and precision tests and benchmarks.
//!
//! Ordinary accounts post varied, human-timed text (day hours only, irregular gaps, few and
//! varied hashtags, no calls to action). Planted: a reposting account whose posts come back as
//! exact copies, copies with a new URL, copies with shuffled hashtags (all equal after
//! normalization), one-word edits and mixed edits (near-duplicates); a machine-regular account
//! (every 60 minutes on the dot); a 24/7 account; an RSS-template account.

use postlint::{Network, Post, PostTime};

/// A small deterministic PRNG (splitmix64): the same seed gives the same schedule everywhere.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// One item of a list.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Common English words (the list the `hashtag-camelcase` rule uses), for varied text.
const WORDS: &str = include_str!("../../crates/postlint/src/rules/post/common_words.txt");

const TAGS: &[&str] = &[
    "#community",
    "#weekend",
    "#localnews",
    "#books",
    "#running",
    "#gardening",
    "#music",
    "#food",
    "#history",
    "#cycling",
    "#photography",
    "#weather",
    "#art",
    "#chess",
    "#hiking",
    "#family",
    "#cats",
    "#coffee",
];
const REPLACEMENTS: &[&str] = &[
    "really", "quite", "honestly", "again", "today", "somehow", "truly", "almost",
];

/// One ordinary post: 12-18 common words as a sentence, sometimes a hashtag or a link.
fn ordinary_text(rng: &mut Rng, words: &[&str]) -> String {
    let count = 12 + rng.below(7);
    let mut text = String::new();
    for i in 0..count {
        let word = words[rng.below(words.len())];
        if i == 0 {
            let mut chars = word.chars();
            text.extend(chars.next().map(|c| c.to_ascii_uppercase()));
            text.push_str(chars.as_str());
        } else {
            text.push(' ');
            text.push_str(word);
        }
    }
    text.push(['.', '!', '?', '.'][rng.below(4)]);
    match rng.below(6) {
        0 => text.push_str(&format!(" {}", rng.pick(TAGS))),
        1 => text.push_str(&format!(" https://example.org/{}", rng.below(100_000))),
        _ => {}
    }
    text
}

/// What kind of copy a planted pair is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The same text.
    Exact,
    /// The same text with another URL on the same site.
    NewUrl,
    /// The same text with its hashtags in another order.
    ShuffledTags,
    /// One word replaced.
    OneWord,
    /// A word replaced and one added.
    Mixed,
}

/// A planted pair of copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlantedPair {
    /// The original's index.
    pub original: usize,
    /// The copy's index.
    pub copy: usize,
    /// How the copy differs.
    pub edit: Edit,
}

/// A generated schedule and what was planted in it.
#[derive(Debug, Clone)]
pub struct Synthetic {
    /// The posts, shuffled.
    pub posts: Vec<Post>,
    /// Planted duplicate pairs (indices into `posts`).
    pub planted: Vec<PlantedPair>,
    /// Accounts with human posting.
    pub ordinary_accounts: Vec<String>,
}

/// Seconds since 2026-01-01T00:00:00Z.
fn at(seconds: i64, offset_hours: i8) -> PostTime {
    let timestamp = jiff::Timestamp::from_second(1_767_225_600 + seconds).expect("in range");
    PostTime {
        timestamp,
        offset: jiff::tz::Offset::constant(offset_hours),
    }
}

fn post(id: usize, account: &str, network: Network, text: String, time: PostTime) -> Post {
    Post {
        id: Some(format!("s{id}")),
        account: Some(account.to_string()),
        at: Some(time),
        ..Post::new(text).with_network(network)
    }
}

/// Applies `edit` to `text`.
fn copy_with(rng: &mut Rng, text: &str, edit: Edit) -> String {
    let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
    let replace_one = |rng: &mut Rng, words: &mut Vec<String>| {
        let at = 2 + rng.below(words.len().saturating_sub(4).max(1));
        words[at] = rng.pick(REPLACEMENTS).to_string();
    };
    match edit {
        Edit::Exact => return text.to_string(),
        Edit::NewUrl => return format!("{} https://example.org/{}", text, rng.below(1_000_000)),
        Edit::ShuffledTags => {
            let (body, tags): (Vec<String>, Vec<String>) = words.into_iter().partition(|word| !word.starts_with('#'));
            let mut tags = tags;
            tags.reverse();
            return body.into_iter().chain(tags).collect::<Vec<_>>().join(" ");
        }
        Edit::OneWord => replace_one(rng, &mut words),
        Edit::Mixed => {
            replace_one(rng, &mut words);
            let at = 1 + rng.below(words.len() - 1);
            words.insert(at, rng.pick(REPLACEMENTS).to_string());
        }
    }
    words.join(" ")
}

/// Generates about `size` posts from `seed`.
pub fn generate(seed: u64, size: usize) -> Synthetic {
    let mut rng = Rng::new(seed);
    let words: Vec<&str> = WORDS
        .lines()
        .filter(|word| !word.starts_with('#') && word.len() >= 3)
        .collect();
    let mut posts: Vec<Post> = Vec::with_capacity(size + 64);
    let mut planted: Vec<(usize, usize, Edit)> = Vec::new();
    let day = 86_400;

    // Planted accounts: a machine (hourly, on the dot), a 24/7 poster, an RSS feed.
    for i in 0..48 {
        posts.push(post(
            posts.len(),
            "machine",
            Network::X,
            ordinary_text(&mut rng, &words),
            at(i * 3600, 0),
        ));
    }
    for i in 0..24 * 8 {
        let time = at(i * 3600 + rng.below(50) as i64 * 60, 0);
        posts.push(post(
            posts.len(),
            "allnight",
            Network::Mastodon,
            ordinary_text(&mut rng, &words),
            time,
        ));
    }
    for i in 0..40 {
        let title: Vec<&str> = (0..4 + rng.below(4)).map(|_| words[rng.below(words.len())]).collect();
        let text = format!("New post: {} https://blog.example.com/p/{}", title.join(" "), 1000 + i);
        posts.push(post(
            posts.len(),
            "rssfeed",
            Network::Linkedin,
            text,
            at(i * day + 9 * 3600, 1),
        ));
    }

    // A reposting account: originals with tags, then planted copies a few days later.
    let edits = [
        Edit::Exact,
        Edit::NewUrl,
        Edit::ShuffledTags,
        Edit::OneWord,
        Edit::Mixed,
    ];
    let reposts = (size / 50).max(10);
    for i in 0..reposts {
        let original_text = format!(
            "{} {} {}",
            ordinary_text(&mut rng, &words),
            rng.pick(TAGS),
            TAGS[(i * 7 + 3) % TAGS.len()]
        );
        let start = rng.below(300) as i64 * day + (9 + rng.below(10) as i64) * 3600;
        let original = posts.len();
        let account = format!("reposter{}", i % 20);
        posts.push(post(
            original,
            &account,
            Network::X,
            original_text.clone(),
            at(start, 2),
        ));
        let edit = edits[i % edits.len()];
        let copy = posts.len();
        let copy_time = at(start + (1 + rng.below(5) as i64) * day + rng.below(3000) as i64, 2);
        posts.push(post(
            copy,
            &account,
            Network::X,
            copy_with(&mut rng, &original_text, edit),
            copy_time,
        ));
        planted.push((original, copy, edit));
    }

    // Ordinary accounts fill the rest: a few posts a day, daytime only, irregular.
    let mut ordinary_accounts = Vec::new();
    let mut account = 0;
    while posts.len() < size {
        let name = format!("person{account}");
        let network = [Network::X, Network::Bluesky, Network::Mastodon, Network::Linkedin][account % 4];
        let offset = [-5i8, 0, 1, 9][account % 4];
        let mut time = rng.below(30) as i64 * day;
        for _ in 0..(20 + rng.below(40)) {
            // Next post: 1-3 days later, between 08:00 and 21:59 local, at a random minute.
            time += (1 + rng.below(3) as i64) * day;
            let local_hour = 8 + rng.below(14) as i64;
            let seconds = (time / day) * day + (local_hour - i64::from(offset)) * 3600 + rng.below(3600) as i64;
            posts.push(post(
                posts.len(),
                &name,
                network,
                ordinary_text(&mut rng, &words),
                at(seconds, offset),
            ));
        }
        ordinary_accounts.push(name);
        account += 1;
    }

    // Shuffle the input order (schedules come in any order) and remap the planted pairs.
    let mut order: Vec<usize> = (0..posts.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut position = vec![0; posts.len()];
    for (new, &old) in order.iter().enumerate() {
        position[old] = new;
    }
    let mut slots: Vec<Option<Post>> = posts.into_iter().map(Some).collect();
    let posts = order
        .iter()
        .map(|&old| slots[old].take().expect("each post once"))
        .collect();
    let planted = planted
        .into_iter()
        .map(|(original, copy, edit)| PlantedPair {
            original: position[original],
            copy: position[copy],
            edit,
        })
        .collect();
    Synthetic {
        posts,
        planted,
        ordinary_accounts,
    }
}
