//! The rule registry. One rule = one file under `post/` (or `schedule/`) + one line in
//! [`REGISTRY`].
//!
//! A rule file holds the rule's documentation ([`RuleInfo::doc`]: what it does, why it hurts,
//! an example, its options), its options with defaults, its check and its tests.

pub mod options;
pub mod phrases;
pub mod post;
pub mod schedule;

use serde_json::{Map, Value};

use crate::config::Brand;
use crate::diagnostic::{Finding, Severity};
use crate::fold::Folded;
use crate::model::Post;
use crate::network::Network;
use crate::rules::phrases::{PhraseBookBuilder, PhraseMatches};
use crate::schedule::{Schedule, ScheduleFinding};
use crate::span::Span;
use crate::text::Entities;

pub use post::self_promotion::Promotion;

/// Everything a post rule may look at; computed once per post and shared by all rules.
#[derive(Debug)]
pub struct PostContext<'a> {
    /// The post.
    pub post: &'a Post,
    /// The post's text.
    pub text: &'a str,
    /// Hashtags, mentions, cashtags and URLs of the text.
    pub entities: &'a Entities,
    /// The post's network.
    pub network: Network,
    /// Whether the post is promotional, and why.
    pub promotion: &'a Promotion,
    /// The text folded for dictionary matching (NFKC, lowercase, single spaces).
    pub folded: &'a Folded,
    /// The phrases of the lists the rules asked for ([`BuildContext::phrases`]).
    pub phrases: &'a PhraseMatches,
    /// The post's length counted the network's way ([`crate::text::network_length`]).
    pub length: usize,
}

impl<'a> PostContext<'a> {
    /// The context of one post.
    pub fn new(
        post: &'a Post,
        entities: &'a Entities,
        folded: &'a Folded,
        phrases: &'a PhraseMatches,
        promotion: &'a Promotion,
    ) -> Self {
        let length = crate::text::network_length(&post.text, entities, post.network);
        Self {
            post,
            text: &post.text,
            entities,
            network: post.network,
            promotion,
            folded,
            phrases,
            length,
        }
    }

    /// Whether byte `offset` lies inside a URL, hashtag, mention or cashtag.
    pub fn in_entity(&self, offset: usize) -> bool {
        self.entity_spans()
            .any(|span| span.start <= offset && offset < span.end)
    }

    /// The spans of every entity, in no particular order.
    pub fn entity_spans(&self) -> impl Iterator<Item = Span> + '_ {
        let entities = self.entities;
        (entities.urls.iter().map(|url| url.span))
            .chain(entities.hashtags.iter().map(|tag| tag.span))
            .chain(entities.mentions.iter().map(|mention| mention.span))
            .chain(entities.cashtags.iter().map(|cashtag| cashtag.span))
    }

    /// The text outside entities, as `(offset, piece)` pairs in text order (each entity list in
    /// text order, as [`crate::text::extract`] gives them).
    pub fn prose(&self) -> impl Iterator<Item = (usize, &'a str)> + Clone + 'a {
        let text = self.text;
        let mut spans = self.entities.spans_in_order();
        // The end of the entities so far: prose starts there.
        let mut cursor = 0;
        std::iter::from_fn(move || {
            for span in spans.by_ref() {
                let start = cursor;
                cursor = cursor.max(span.end);
                if span.start > start {
                    return Some((start, &text[start..span.start]));
                }
            }
            let start = std::mem::replace(&mut cursor, text.len());
            (start < text.len()).then(|| (start, &text[start..]))
        })
    }
}

/// A check of one post.
pub trait PostRule: Send + Sync {
    /// Appends this rule's findings about `post` to `findings`.
    fn check(&self, post: &PostContext<'_>, findings: &mut Vec<Finding>);
}

/// What a post rule's builder gets besides its options.
#[derive(Debug)]
pub struct BuildContext<'a> {
    /// The brand whose posts are linted.
    pub brand: &'a Brand,
    /// Where the rule adds the phrase lists it wants found in each post: the linter searches
    /// every rule's lists in one pass and hands the matches to the rules in
    /// [`PostContext::phrases`].
    pub phrases: &'a mut PhraseBookBuilder,
}

/// Builds a configured post rule from its options (without `severity`).
pub type PostRuleBuilder = fn(&Map<String, Value>, &mut BuildContext<'_>) -> Result<Box<dyn PostRule>, String>;

/// A check of a whole schedule (many posts across accounts and networks).
pub trait ScheduleRule: Send + Sync {
    /// Appends this rule's findings about `schedule` to `findings`.
    fn check(&self, schedule: &Schedule<'_>, findings: &mut Vec<ScheduleFinding>);
}

/// Builds a configured schedule rule from its options (without `severity`).
pub type ScheduleRuleBuilder = fn(&Map<String, Value>) -> Result<Box<dyn ScheduleRule>, String>;

/// What a rule looks at, and how to build it.
#[derive(Debug, Clone, Copy)]
pub enum RuleKind {
    /// Judges one post at a time.
    Post(PostRuleBuilder),
    /// Judges a schedule.
    Schedule(ScheduleRuleBuilder),
}

/// A rule's static description and constructor.
#[derive(Debug)]
pub struct RuleInfo {
    /// Stable kebab-case name.
    pub name: &'static str,
    /// One line: what the rule flags.
    pub summary: &'static str,
    /// The highest severity the rule reports with default settings.
    pub default_severity: Severity,
    /// Markdown documentation: what it does, why it hurts, example, options.
    pub doc: &'static str,
    /// The default options, as written in config (for `postlint init`).
    pub default_options: fn() -> Value,
    /// Post or schedule rule, with its constructor.
    pub kind: RuleKind,
}

impl RuleInfo {
    /// Checks that `options` are valid for this rule.
    pub fn validate(&self, options: &Map<String, Value>, brand: &Brand) -> Result<(), String> {
        match self.kind {
            RuleKind::Post(build) => {
                let mut phrases = PhraseBookBuilder::default();
                build(
                    options,
                    &mut BuildContext {
                        brand,
                        phrases: &mut phrases,
                    },
                )?;
                phrases.build().map(drop)
            }
            RuleKind::Schedule(build) => build(options).map(drop),
        }
    }
}

/// Every rule, in the order of the documentation.
pub static REGISTRY: &[RuleInfo] = &[
    post::hashtag_stuffing::RULE,
    post::crowded_followfriday::RULE,
    post::mention_stuffing::RULE,
    post::over_length::RULE,
    post::spam_phrase::RULE,
    post::shouting::RULE,
    post::punctuation_flood::RULE,
    post::emoji_flood::RULE,
    post::link_only::RULE,
    post::self_promotion::RULE,
    post::hashtag_camelcase::RULE,
    schedule::self_promo_ratio::RULE,
    schedule::self_promo_streak::RULE,
    schedule::duplicate_post::RULE,
    schedule::near_duplicate_post::RULE,
    schedule::cross_account_duplicate::RULE,
    schedule::cross_network_blast::RULE,
    schedule::robotic_cadence::RULE,
    schedule::no_quiet_hours::RULE,
    schedule::flooding::RULE,
    schedule::templated_autopilot::RULE,
    schedule::repeated_hashtag_set::RULE,
    schedule::followfriday_off_day::RULE,
];

/// Looks a rule up by name.
pub fn find(name: &str) -> Option<&'static RuleInfo> {
    REGISTRY.iter().find(|rule| rule.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_every_run_of_text_outside_entities() {
        let texts = [
            "",
            "plain words",
            "#tag",
            "Hi @ana and #tag, see https://example.com/a?b=1 ok $CASH",
            "@ana@ben #a#b https://x.com/#not_a_tag end",
            "  #tag  @ana  ",
        ];
        for text in texts {
            let post = Post::new(text);
            let entities = crate::text::extract(text);
            let folded = Folded::new(text);
            let (phrases, promotion) = (PhraseMatches::default(), Promotion::default());
            let context = PostContext::new(&post, &entities, &folded, &phrases, &promotion);
            // The reference: maximal runs of bytes that no entity covers.
            let mut expected: Vec<(usize, &str)> = Vec::new();
            let mut run_start = None;
            for at in 0..=text.len() {
                match (at < text.len() && !context.in_entity(at), run_start) {
                    (true, None) => run_start = Some(at),
                    (false, Some(start)) => {
                        expected.push((start, &text[start..at]));
                        run_start = None;
                    }
                    _ => {}
                }
            }
            assert_eq!(context.prose().collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn every_rule_is_documented_and_builds_with_defaults() {
        for rule in REGISTRY {
            for section in ["## What it does", "## Why is this bad?", "## Example", "## Options"] {
                assert!(rule.doc.contains(section), "{} doc lacks {section}", rule.name);
            }
            let Value::Object(defaults) = (rule.default_options)() else {
                panic!("{} defaults are not a table", rule.name)
            };
            rule.validate(&defaults, &Brand::default())
                .unwrap_or_else(|err| panic!("{}: {err}", rule.name));
            let names = REGISTRY.iter().filter(|other| other.name == rule.name).count();
            assert_eq!(names, 1, "{} registered twice", rule.name);
        }
    }
}
