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

use crate::diagnostic::Severity;
use crate::fold::Folded;
use crate::model::{Post, PostTime};
use crate::network::Network;
use crate::rules::post::crowded_followfriday::is_follow_friday;
use crate::text::Entities;

use dedup::{Clusters, DedupOptions};

/// What the schedule rules need to know about one post.
#[derive(Debug, Clone, Default)]
pub struct PostFacts {
    /// Whether the post is promotional (label or classifier).
    pub promotional: bool,
    /// The text normalized for duplicate detection.
    pub normalized: String,
    /// The text with URLs, numbers and titles masked, for templated-autopilot.
    pub skeleton: String,
    /// The hashtags, folded, sorted and deduplicated.
    pub hashtags: Vec<String>,
    /// Whether the post has a #FF / #FollowFriday tag.
    pub follow_friday: bool,
    /// Whether the post mentions X-style handles (`@name` with no domain).
    pub x_handles: bool,
    /// Whether the post is a native retweet (`RT @name: ...`), a share rather than authored text.
    pub retweet: bool,
}

impl PostFacts {
    /// Computes the facts of `post`.
    pub fn new(post: &Post, entities: &Entities, promotional: bool) -> Self {
        let text = post.text.as_str();
        let mut hashtags: Vec<String> = entities
            .hashtags
            .iter()
            .map(|tag| Folded::new(tag.tag.slice(text)).text)
            .collect();
        hashtags.sort_unstable();
        hashtags.dedup();
        Self {
            promotional,
            normalized: normalize::normalize(text, entities),
            skeleton: normalize::skeleton(text, entities),
            hashtags,
            follow_friday: entities.hashtags.iter().any(|tag| is_follow_friday(text, tag)),
            // `@alice.bsky.social` is a domain handle: twitter-text stops at the dot.
            x_handles: entities.mentions.iter().any(|mention| {
                let after = &text.as_bytes()[mention.span.end..];
                !(after.first() == Some(&b'.') && after.get(1).is_some_and(u8::is_ascii_alphanumeric))
            }),
            retweet: text.trim_start().starts_with("RT @"),
        }
    }
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
    /// How many of `posts` (from the start) have a time.
    pub timed: usize,
}

impl Stream {
    /// The posts that have a time, oldest first.
    pub fn timed_posts(&self) -> &[usize] {
        &self.posts[..self.timed]
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
        let mut order: Vec<usize> = (0..posts.len()).collect();
        // Group by (network, account), then time (untimed last), then input order: one sort.
        order.sort_by(|&a, &b| {
            let (pa, pb) = (&posts[a], &posts[b]);
            (
                pa.network,
                &pa.account,
                pa.at.is_none(),
                pa.at.map(|at| at.timestamp),
                a,
            )
                .cmp(&(
                    pb.network,
                    &pb.account,
                    pb.at.is_none(),
                    pb.at.map(|at| at.timestamp),
                    b,
                ))
        });
        let mut streams: Vec<Stream> = Vec::new();
        for index in order {
            let post = &posts[index];
            let same = streams
                .last()
                .is_some_and(|s| s.network == post.network && s.account == post.account);
            if !same {
                streams.push(Stream {
                    network: post.network,
                    account: post.account.clone(),
                    posts: Vec::new(),
                    timed: 0,
                });
            }
            let stream = streams.last_mut().expect("a stream was just pushed");
            stream.posts.push(index);
            stream.timed += usize::from(post.at.is_some());
        }
        Self {
            posts,
            facts,
            streams,
            dedup_options,
            duplicates: OnceCell::new(),
        }
    }

    /// Exact and near-duplicate clusters over every post's normalized text, computed once.
    pub fn duplicates(&self) -> &Clusters {
        self.duplicates.get_or_init(|| {
            let texts: Vec<&str> = self.facts.iter().map(|facts| facts.normalized.as_str()).collect();
            dedup::find_duplicates(&texts, &self.dedup_options)
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
