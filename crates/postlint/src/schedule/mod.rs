//! Schedule analysis: the facts schedule rules share, grouping into streams, findings and stats.
//!
//! A schedule is many posts in any order, across accounts and networks. The linter computes
//! [`PostFacts`] for each post while it lints the post, then builds one [`Schedule`] that every
//! schedule rule reads. Nothing here compares all pairs of posts: grouping is by sort or hash,
//! and duplicates come from [`dedup`] (MinHash + LSH).

pub mod dedup;
pub mod normalize;
pub mod stats;

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::diagnostic::Severity;
use crate::model::{Post, PostTime};
use crate::network::Network;
use crate::rules::post::crowded_followfriday::is_follow_friday;
use crate::text::{Entities, extract};

use dedup::{Clusters, DedupOptions, Fingerprint, NearFinder};
use normalize::Normalizer;

/// What the schedule rules need to know about one post: flags and fixed-size fingerprints, so
/// that a million posts fit in little memory. Texts for messages are recomputed from the post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostFacts {
    /// Whether the post is promotional (label or classifier).
    pub promotional: bool,
    /// Whether the post has a #FF / #FollowFriday tag.
    pub follow_friday: bool,
    /// Whether the post mentions X-style handles (`@name` with no domain).
    pub x_handles: bool,
    /// Whether the post is a native retweet (`RT @name: ...`), a share rather than authored text.
    pub retweet: bool,
    /// The normalized text's fingerprint ([`normalize::normalize`]), for duplicates.
    pub text: Fingerprint,
    /// A hash of the template skeleton ([`normalize::skeleton`]), for templated-autopilot.
    pub skeleton: u64,
    /// A hash of the hashtag set ([`hashtag_set`]), for repeated-hashtag-set.
    pub hashtags: u64,
    /// The number of distinct hashtags.
    pub hashtag_count: u32,
    /// The account, as a number given by the [`FactsBuilder`] (equal names, equal numbers; 0:
    /// no account), so that streams are formed without reading the names again.
    pub account: u32,
}

/// Computes [`PostFacts`], reusing its buffers from post to post.
#[derive(Debug, Default)]
pub struct FactsBuilder {
    normalizer: Normalizer,
    options: DedupOptions,
    /// Account names seen so far and their numbers (from 1).
    accounts: HashMap<Box<str>, u32>,
}

impl FactsBuilder {
    /// A builder whose fingerprints follow `options` (which texts are long enough to compare).
    pub fn new(options: DedupOptions) -> Self {
        Self {
            normalizer: Normalizer::new(),
            options,
            accounts: HashMap::new(),
        }
    }

    /// Computes the facts of `post`, whose entities are given.
    pub fn facts(&mut self, post: &Post, entities: &Entities, promotional: bool) -> PostFacts {
        let text = post.text.as_str();
        let fingerprint = Fingerprint::new(self.normalizer.normalize(text, entities), &self.options);
        let skeleton = hash(self.normalizer.skeleton(text, entities));
        let (tags, hashtag_count) = self.normalizer.hashtag_set(text, entities);
        PostFacts {
            promotional,
            follow_friday: entities.hashtags.iter().any(|tag| is_follow_friday(text, tag)),
            // `@alice.bsky.social` is a domain handle: twitter-text stops at the dot.
            x_handles: entities.mentions.iter().any(|mention| {
                let after = &text.as_bytes()[mention.span.end..];
                !(after.first() == Some(&b'.') && after.get(1).is_some_and(u8::is_ascii_alphanumeric))
            }),
            retweet: text.trim_start().starts_with("RT @"),
            text: fingerprint,
            skeleton,
            hashtags: hash(tags),
            hashtag_count: u32::try_from(hashtag_count).unwrap_or(u32::MAX),
            account: post.account.as_deref().map_or(0, |name| self.account_number(name)),
        }
    }

    /// The number of an account name, given on first sight.
    fn account_number(&mut self, name: &str) -> u32 {
        if let Some(&number) = self.accounts.get(name) {
            return number;
        }
        let number = u32::try_from(self.accounts.len() + 1).expect("fewer than 4 billion accounts");
        self.accounts.insert(name.into(), number);
        number
    }
}

impl AsRef<Fingerprint> for PostFacts {
    fn as_ref(&self) -> &Fingerprint {
        &self.text
    }
}

/// The 64-bit hash that facts keep of a text.
fn hash(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

/// The hash an empty skeleton has (a post with no words, links or tags).
pub fn empty_skeleton() -> u64 {
    hash("")
}

/// The hashtags of `text`, folded, sorted and deduplicated, without `#` (for messages).
pub fn hashtag_set(text: &str) -> Vec<String> {
    Normalizer::new()
        .hashtag_set(text, &extract(text))
        .0
        .split(' ')
        .filter(|tag| !tag.is_empty())
        .map(str::to_string)
        .collect()
}

/// The posts of one account on one network, oldest first; posts without a time come last, in
/// input order.
#[derive(Debug, Clone)]
pub struct Stream {
    /// The network.
    pub network: Network,
    /// The account (`None` for posts that name none).
    pub account: Option<String>,
    /// Post indices in order.
    pub posts: Vec<usize>,
    /// The times of the posts that have one (the first `times.len()` of `posts`), in order:
    /// rules that read every time read them here, in sequence, rather than from posts scattered
    /// in memory.
    pub times: Vec<PostTime>,
}

impl Stream {
    /// The posts that have a time, oldest first.
    pub fn timed_posts(&self) -> &[usize] {
        &self.posts[..self.times.len()]
    }

    /// A label for messages: `acme on x`.
    pub fn label(&self) -> String {
        match &self.account {
            Some(account) => format!("{account} on {}", self.network),
            None => format!("posts without an account on {}", self.network),
        }
    }
}

/// A schedule rule's finding.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleFinding {
    /// The rule's own severity (the config may override it).
    pub severity: Severity,
    /// What is wrong, specifically.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// The posts involved, by input index, ascending.
    pub posts: Vec<usize>,
    /// The time span of the problem, when it has one.
    pub window: Option<(PostTime, PostTime)>,
}

impl ScheduleFinding {
    /// A finding about `posts` (sorted and deduplicated here).
    pub fn new(severity: Severity, message: impl Into<String>, mut posts: Vec<usize>) -> Self {
        posts.sort_unstable();
        posts.dedup();
        Self {
            severity,
            message: message.into(),
            help: None,
            posts,
            window: None,
        }
    }

    /// Adds help text.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds the time window.
    pub fn window(mut self, window: Option<(PostTime, PostTime)>) -> Self {
        self.window = window;
        self
    }
}

/// Everything schedule rules read: the posts, their facts, streams and duplicate clusters.
#[derive(Debug)]
pub struct Schedule<'a> {
    /// The posts, in input order.
    pub posts: &'a [Post],
    /// Facts per post, in input order.
    pub facts: &'a [PostFacts],
    /// Posts grouped by network and account, in a stable order.
    pub streams: Vec<Stream>,
    dedup_options: DedupOptions,
    duplicates: OnceCell<Clusters>,
}

impl<'a> Schedule<'a> {
    /// Groups `posts` into streams. `dedup_options` apply when duplicates are first asked for.
    pub fn new(posts: &'a [Post], facts: &'a [PostFacts], dedup_options: DedupOptions) -> Self {
        // Streams are ordered by network, then account name (posts without one first): the
        // facts number the accounts; their names are ranked once, read from each account's
        // first post, and posts are sorted by integers only.
        let accounts = facts.iter().map(|facts| facts.account as usize).max().unwrap_or(0);
        let mut first_post = vec![None; accounts + 1];
        for (index, facts) in facts.iter().enumerate() {
            first_post[facts.account as usize].get_or_insert(index);
        }
        let mut names: Vec<(&str, u32)> = first_post
            .iter()
            .enumerate()
            .skip(1)
            .filter_map(|(account, first)| {
                let name = posts[(*first)?].account.as_deref().unwrap_or_default();
                Some((name, account as u32))
            })
            .collect();
        names.sort_unstable();
        let mut rank = vec![0u32; names.len() + 1];
        for (position, &(_, id)) in names.iter().enumerate() {
            rank[id as usize] = position as u32 + 1;
        }
        let times: Vec<Option<PostTime>> = posts.iter().map(|post| post.at).collect();
        // (network and account, untimed, seconds, nanoseconds, input order): timed posts
        // oldest first, untimed ones last in input order.
        let mut order: Vec<(u64, i64, i32, u32)> = posts
            .iter()
            .zip(facts)
            .zip(&times)
            .enumerate()
            .map(|(index, ((post, &PostFacts { account: id, .. }), at))| {
                let stream = (u64::from(post.network as u8) << 40) | (u64::from(rank[id as usize]) << 1);
                let (seconds, nanos) = at.map_or((0, 0), |at| {
                    (at.timestamp.as_second(), at.timestamp.subsec_nanosecond())
                });
                (stream | u64::from(at.is_none()), seconds, nanos, index as u32)
            })
            .collect();
        order.sort_unstable();
        let mut streams: Vec<Stream> = Vec::new();
        for run in order.chunk_by(|a, b| a.0 >> 1 == b.0 >> 1) {
            let first = &posts[run[0].3 as usize];
            streams.push(Stream {
                network: first.network,
                account: first.account.clone(),
                posts: run.iter().map(|entry| entry.3 as usize).collect(),
                // The timed posts come first in a run.
                times: run.iter().filter_map(|entry| times[entry.3 as usize]).collect(),
            });
        }
        Self {
            posts,
            facts,
            streams,
            dedup_options,
            duplicates: OnceCell::new(),
        }
    }

    /// Exact duplicates across the schedule and near-duplicates within each stream, computed
    /// once.
    pub fn duplicates(&self) -> &Clusters {
        self.duplicates.get_or_init(|| {
            let mut normalizer = Normalizer::new();
            let mut shingles_of = |index: usize| {
                let text = self.posts[index].text.as_str();
                dedup::shingles(normalizer.normalize(text, &extract(text)))
            };
            let mut finder = NearFinder::new();
            let mut near = Vec::new();
            for stream in &self.streams {
                finder.find(
                    &stream.posts,
                    self.facts,
                    self.dedup_options.min_jaccard,
                    &mut shingles_of,
                    &mut near,
                );
            }
            near.sort_unstable_by_key(|cluster| cluster.members[0]);
            Clusters {
                exact: dedup::exact_groups(self.facts),
                near,
            }
        })
    }

    /// The time of post `index`, if it has one.
    pub fn at(&self, index: usize) -> Option<PostTime> {
        self.posts[index].at
    }

    /// The earliest and latest time among `posts` (those that have one).
    pub fn window_of(&self, posts: &[usize]) -> Option<(PostTime, PostTime)> {
        let mut times = posts.iter().filter_map(|&index| self.at(index));
        let first = times.next()?;
        Some(times.fold((first, first), |(low, high), at| {
            (
                if at.timestamp < low.timestamp { at } else { low },
                if at.timestamp > high.timestamp { at } else { high },
            )
        }))
    }

    /// Indices of the posts that have no time.
    pub fn untimed(&self) -> Vec<usize> {
        (0..self.posts.len())
            .filter(|&index| self.posts[index].at.is_none())
            .collect()
    }
}
