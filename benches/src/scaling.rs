//! Doubling experiments: every stage of the engine on inputs of size n and 2n, to show that
//! cost stays linear (a ratio near 2) on ordinary schedules and on pathological posts.

use postlint::schedule::dedup::{DedupOptions, find_duplicates};
use postlint::schedule::normalize::normalize;
use postlint::text::Entities;
use postlint::{Linter, Post};

use crate::inputs::{self, Pathology};

/// A stage of the engine, timed on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// `text::extract` on every post.
    Extract,
    /// `Linter::lint_post` (default config) on every post.
    LintPost,
    /// `normalize` (the duplicate-detection form) of every post, entities given.
    Normalize,
    /// `find_duplicates` over the normalized texts of all posts.
    Dedup,
    /// `Linter::lint_schedule` over all posts (post lint + schedule rules).
    LintSchedule,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 5] = [
        Stage::Extract,
        Stage::LintPost,
        Stage::Normalize,
        Stage::Dedup,
        Stage::LintSchedule,
    ];

    /// The stage's name in tables and benchmark ids.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Extract => "extract",
            Stage::LintPost => "lint_post",
            Stage::Normalize => "normalize",
            Stage::Dedup => "dedup",
            Stage::LintSchedule => "lint_schedule",
        }
    }

    /// Runs the stage over `input`; returns a count taken from its output (entities, findings,
    /// bytes or groups), so that the work cannot be optimized away.
    pub fn run(self, linter: &Linter, input: &Prepared) -> usize {
        match self {
            Stage::Extract => input
                .posts
                .iter()
                .map(|post| {
                    let entities = postlint::text::extract(&post.text);
                    entities.hashtags.len() + entities.mentions.len() + entities.urls.len()
                })
                .sum(),
            Stage::LintPost => input
                .posts
                .iter()
                .map(|post| linter.lint_post(post).diagnostics.len())
                .sum(),
            Stage::Normalize => input
                .posts
                .iter()
                .zip(&input.entities)
                .map(|(post, entities)| normalize(&post.text, entities).len())
                .sum(),
            Stage::Dedup => {
                let texts: Vec<&str> = input.normalized.iter().map(String::as_str).collect();
                let clusters = find_duplicates(&texts, &DedupOptions::default());
                clusters.exact.len() + clusters.near.len()
            }
            Stage::LintSchedule => linter
                .lint_schedule(&input.posts)
                .schedule
                .map_or(0, |schedule| schedule.diagnostics.len()),
        }
    }
}

/// Posts with what the later stages take as given: their entities and normalized texts.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The posts.
    pub posts: Vec<Post>,
    /// `text::extract` of each post.
    pub entities: Vec<Entities>,
    /// `normalize` of each post.
    pub normalized: Vec<String>,
}

impl Prepared {
    /// Computes the entities and normalized texts of `posts`.
    pub fn new(posts: Vec<Post>) -> Self {
        let entities: Vec<Entities> = posts.iter().map(|post| postlint::text::extract(&post.text)).collect();
        let normalized = posts
            .iter()
            .zip(&entities)
            .map(|(post, entities)| normalize(&post.text, entities))
            .collect();
        Self {
            posts,
            entities,
            normalized,
        }
    }
}

/// An input family that can be built at any size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// One pathological post on X (with an account and a time), of a number of units.
    Post(Pathology),
    /// A synthetic schedule (`synth::generate`, seed 42) of a number of posts.
    Synthetic,
    /// A schedule of one text posted again and again.
    Identical,
    /// A schedule of texts that differ in one number each (all near-duplicates).
    NearCopies,
}

impl Family {
    /// Every family: the pathological posts, then the schedules.
    pub fn all() -> Vec<Family> {
        Pathology::ALL
            .into_iter()
            .map(Family::Post)
            .chain([Family::Synthetic, Family::Identical, Family::NearCopies])
            .collect()
    }

    /// The family's name in tables and benchmark ids.
    pub fn name(self) -> &'static str {
        match self {
            Family::Post(pathology) => pathology.name(),
            Family::Synthetic => "synthetic-schedule",
            Family::Identical => "identical-schedule",
            Family::NearCopies => "near-copy-schedule",
        }
    }

    /// What one unit of size is.
    pub fn unit(self) -> &'static str {
        match self {
            Family::Post(Pathology::Hashtags) => "hashtags",
            Family::Post(Pathology::OneLetter | Pathology::OneMark) => "chars",
            Family::Post(Pathology::OneEmoji) => "emoji",
            Family::Post(Pathology::CombiningMarks) => "marks",
            Family::Post(Pathology::UrlChain | Pathology::SpacedUrls) => "URLs",
            Family::Post(Pathology::LabelRuns) => "labels",
            Family::Synthetic | Family::Identical | Family::NearCopies => "posts",
        }
    }

    /// The larger size of the doubling pair: the pathology's named worst case, or 40k posts
    /// (at 10k -> 20k the schedule's posts outgrow this machine kind's 1 MiB L2 cache, and a
    /// per-post stage such as `extract` showed a ratio of 2.9-3.6 for memory alone: 109 ns a post
    /// at 10k, 210 ns at 20k, 258 ns at 40k, 283 ns at 80k).
    pub fn full_units(self) -> usize {
        match self {
            Family::Post(pathology) => pathology.full_units(),
            Family::Synthetic | Family::Identical | Family::NearCopies => 40_000,
        }
    }

    /// The input at `units` units, prepared for every stage.
    pub fn build(self, units: usize) -> Prepared {
        let posts = match self {
            Family::Post(pathology) => inputs::one_account_schedule([pathology.text(units)]),
            Family::Synthetic => {
                let mut posts = postlint_tests::synth::generate(42, units).posts;
                posts.truncate(units);
                posts
            }
            Family::Identical => inputs::identical_schedule(units),
            Family::NearCopies => inputs::near_copy_schedule(units),
        };
        Prepared::new(posts)
    }
}
