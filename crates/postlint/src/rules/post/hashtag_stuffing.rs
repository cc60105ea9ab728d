//! `hashtag-stuffing`: too many hashtags, the same hashtag twice, or a wall of tags.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::fasthash::FastMap;
use crate::network::Network;
use crate::rules::options::{self, Limit, PartialPerNetwork, PerNetwork};
use crate::rules::{BuildContext, PostContext, PostRule, RuleInfo, RuleKind};
use crate::span::Span;
use crate::text::Hashtag;

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "hashtag-stuffing",
    summary: "too many hashtags for the network, a repeated hashtag, or a hashtag block longer than the post",
    default_severity: Severity::Error,
    doc: DOC,
    default_options: || options::to_value(&Options::defaults()),
    kind: RuleKind::Post(build),
};

const DOC: &str = r#"# hashtag-stuffing

## What it does
Flags a post that carries more hashtags than its network rewards, the same hashtag twice
(case-insensitive), or a trailing block of three or more hashtags that is longer than the
text before it.

## Why is this bad?
Every network reads a pile of hashtags as spam: X's own guidance is one or two per post,
Instagram caps posts at 5 and Threads at 1. Posts with many tags get less reach, look
automated, and are hard to read with a screen reader, which spells out every tag.

## Example
```text
Our new release is out! #rust #rustlang #programming #coding #dev #opensource #tech
```
Use instead:
```text
Our new release is out, with faster builds for #rustlang projects.
```

## Options
- `max`: per network, warn above this many hashtags (`false` = no warning level).
  Defaults: x 2, instagram 5, tiktok 5, threads none, linkedin 5, facebook 2, mastodon 5,
  bluesky 3, generic 5.
- `error-above`: per network, error above this many hashtags (`false` = never an error).
  Defaults: x 5, instagram 5, tiktok 5, threads 1, linkedin 10, facebook 5, mastodon none,
  bluesky none, generic 10.
- `duplicates` (default `true`): flag the same hashtag twice.
- `trailing-block` (default `true`): flag a block of 3+ trailing hashtags longer than the text.

Tables name only the networks to change: `max = { x = 1 }` keeps the other defaults.
The fix (unsafe) drops the extra hashtags from the end of the post.
"#;

/// Picks one of the `(warn above, error above)` pair.
type PickLimit = fn((Option<u32>, Option<u32>)) -> Option<u32>;

/// `(warn above, error above)` per network.
fn default_limits() -> (PerNetwork<Limit>, PerNetwork<Limit>) {
    let table = |pick: PickLimit| {
        PerNetwork::new(Network::ALL.map(|network| {
            let limits = match network {
                Network::X => (Some(2), Some(5)),
                Network::Instagram => (Some(5), Some(5)),
                Network::Tiktok => (Some(5), Some(5)),
                Network::Threads => (None, Some(1)),
                Network::Linkedin => (Some(5), Some(10)),
                Network::Facebook => (Some(2), Some(5)),
                Network::Mastodon => (Some(5), None),
                Network::Bluesky => (Some(3), None),
                Network::Generic => (Some(5), Some(10)),
            };
            (network, Limit(pick(limits)))
        }))
    };
    (table(|limits| limits.0), table(|limits| limits.1))
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    max: PartialPerNetwork<Limit>,
    error_above: PartialPerNetwork<Limit>,
    duplicates: bool,
    trailing_block: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max: PartialPerNetwork::default(),
            error_above: PartialPerNetwork::default(),
            duplicates: true,
            trailing_block: true,
        }
    }
}

impl Options {
    /// The defaults with every network written out.
    fn defaults() -> Self {
        let (warn, error) = default_limits();
        let full = |table: PerNetwork<Limit>| {
            PartialPerNetwork(
                Network::ALL
                    .into_iter()
                    .map(|network| (network, table.get(network)))
                    .collect(),
            )
        };
        Self {
            max: full(warn),
            error_above: full(error),
            ..Self::default()
        }
    }
}

/// The configured rule.
#[derive(Debug)]
struct HashtagStuffing {
    warn_above: PerNetwork<Limit>,
    error_above: PerNetwork<Limit>,
    duplicates: bool,
    trailing_block: bool,
}

fn build(options: &Map<String, Value>, _context: &mut BuildContext<'_>) -> Result<Box<dyn PostRule>, String> {
    let options: Options = options::parse(options)?;
    let (warn, error) = default_limits();
    Ok(Box::new(HashtagStuffing {
        warn_above: warn.merged(&options.max),
        error_above: error.merged(&options.error_above),
        duplicates: options.duplicates,
        trailing_block: options.trailing_block,
    }))
}

/// A trailing block must hold at least this many hashtags to be flagged.
const MIN_TRAILING_BLOCK: usize = 3;

impl PostRule for HashtagStuffing {
    fn check(&self, post: &PostContext<'_>, findings: &mut Vec<Finding>) {
        let tags = &post.entities.hashtags;
        if tags.is_empty() {
            return;
        }
        let counted = self.check_count(post, findings);
        if self.duplicates {
            check_duplicates(post.text, tags, findings);
        }
        if self.trailing_block && !counted {
            check_trailing_block(post.text, tags, findings);
        }
    }
}

impl HashtagStuffing {
    /// Reports too many hashtags; returns whether it did.
    fn check_count(&self, post: &PostContext<'_>, findings: &mut Vec<Finding>) -> bool {
        let tags = &post.entities.hashtags;
        let count = tags.len();
        let network = post.network;
        let warn = self.warn_above.get(network).0;
        let error = self.error_above.get(network).0;
        let over = |limit: Option<u32>| limit.is_some_and(|limit| count > limit as usize);
        let (severity, limit) = match (over(error), over(warn)) {
            (true, _) => (Severity::Error, error.unwrap_or_default()),
            (false, true) => (Severity::Warning, warn.unwrap_or_default()),
            (false, false) => return false,
        };
        let message = if severity == Severity::Error && warn.is_none_or(|warn| warn >= limit) {
            format!("{count} hashtags; {network} allows at most {limit}")
        } else if severity == Severity::Error {
            format!("{count} hashtags; more than {limit} on {network} reads as hashtag spam")
        } else {
            format!("{count} hashtags; {network} posts do best with at most {limit}")
        };
        // Aim for the recommended count, not just below the error line.
        let keep = warn.unwrap_or(limit).min(limit) as usize;
        let help = match keep {
            0 => "remove the hashtags".to_string(),
            1 => "keep the one most relevant hashtag".to_string(),
            keep => format!("keep the 1-{keep} most relevant hashtags"),
        };
        let extra = &tags[keep..];
        let span = Span::new(extra[0].span.start, extra[extra.len() - 1].span.end);
        let edits = extra
            .iter()
            .map(|tag| Edit::delete(with_leading_space(post.text, tag.span)))
            .collect();
        findings.push(
            Finding::new(severity, message)
                .help(help)
                .span(span)
                .fix(Fix { edits, safe: false }),
        );
        true
    }
}

/// Widens a span to the whitespace before it, so deleting it leaves no double spaces.
fn with_leading_space(text: &str, span: Span) -> Span {
    let before = &text[..span.start];
    let trimmed = before.trim_end();
    Span::new(trimmed.len(), span.end)
}

/// The most tags [`check_duplicates`] compares pair by pair.
const FEW_TAGS: usize = 8;

/// Reports hashtags that repeat an earlier one, case-insensitively, in one finding.
fn check_duplicates(text: &str, tags: &[Hashtag], findings: &mut Vec<Finding>) {
    if tags.len() < 2 {
        return;
    }
    // A few ASCII tags (most posts) are compared pair by pair, which allocates nothing: most
    // often none repeats, and the counting below is not needed.
    let few_ascii = tags.len() <= FEW_TAGS && tags.iter().all(|tag| tag.tag.slice(text).is_ascii());
    if few_ascii
        && !(1..tags.len()).any(|i| {
            let tag = tags[i].tag.slice(text);
            tags[..i]
                .iter()
                .any(|earlier| earlier.tag.slice(text).eq_ignore_ascii_case(tag))
        })
    {
        return;
    }
    // Each tag's count, by its lowercase form (linear in the number of tags).
    let lowercase = |tag: &Hashtag| -> Cow<'_, str> {
        let tag = tag.tag.slice(text);
        if tag
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            Cow::Borrowed(tag)
        } else {
            Cow::Owned(tag.to_lowercase())
        }
    };
    let mut seen: FastMap<Cow<'_, str>, usize> = FastMap::default();
    seen.reserve(tags.len());
    let mut repeats: Vec<&Hashtag> = Vec::new();
    for tag in tags {
        let count = seen.entry(lowercase(tag)).or_insert(0);
        *count += 1;
        if *count > 1 {
            repeats.push(tag);
        }
    }
    let Some(first) = repeats.first() else { return };
    // Each repeated tag once, in the order of its first repeat, as written there, with how
    // often it appears.
    let mut names: Vec<(&str, usize)> = Vec::new();
    for tag in &repeats {
        if let Some(count) = seen.remove(&lowercase(tag)) {
            names.push((tag.span.slice(text), count));
        }
    }
    let times = |count: usize| {
        if count == 2 {
            "twice".to_string()
        } else {
            format!("{count} times")
        }
    };
    let message = match names.as_slice() {
        [(name, count)] => format!("{name} appears {}", times(*count)),
        many => {
            let listed: Vec<&str> = many.iter().map(|(name, _)| *name).collect();
            format!("{} hashtags are repeated: {}", many.len(), listed.join(", "))
        }
    };
    let edits = repeats
        .iter()
        .map(|tag| Edit::delete(with_leading_space(text, tag.span)))
        .collect();
    findings.push(
        Finding::new(Severity::Warning, message)
            .help("use each hashtag once")
            .span(first.span)
            .fix(Fix { edits, safe: false }),
    );
}

/// Reports a trailing block of hashtags that is longer than the text before it.
fn check_trailing_block(text: &str, tags: &[Hashtag], findings: &mut Vec<Finding>) {
    // Walk back from the end while only whitespace separates the hashtags.
    let mut block_start = tags.len();
    let mut end = text.trim_end().len();
    for (index, tag) in tags.iter().enumerate().rev() {
        if tag.span.end > end || !text[tag.span.end..end].trim().is_empty() {
            break;
        }
        block_start = index;
        end = tag.span.start;
    }
    let block = &tags[block_start..];
    if block.len() < MIN_TRAILING_BLOCK {
        return;
    }
    let span = Span::new(block[0].span.start, block[block.len() - 1].span.end);
    let block_chars = span.slice(text).chars().count();
    let before_chars = text[..span.start].trim().chars().count();
    if block_chars <= before_chars {
        return;
    }
    let message = format!(
        "a block of {} hashtags ({block_chars} characters) is longer than the post before it ({before_chars})",
        block.len()
    );
    findings.push(
        Finding::new(Severity::Warning, message)
            .help("say something first; work the one or two tags that matter into the sentence")
            .span(span),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linter::Linter;
    use crate::model::Post;
    use crate::report::Verdict;

    fn lint(text: &str, network: Network) -> crate::report::PostReport {
        Linter::default().lint_post(&Post::new(text).with_network(network))
    }

    #[test]
    fn counts_against_the_network_thresholds() {
        let report = lint("Release day! #a #b #c", Network::X);
        let diagnostic = &report.diagnostics[0];
        assert_eq!(diagnostic.severity, Severity::Warning);
        assert_eq!(diagnostic.message, "3 hashtags; x posts do best with at most 2");
        assert_eq!(diagnostic.span.unwrap().byte, [19, 21]);
        assert!(lint("Release day! #a #b #c", Network::Linkedin).diagnostics.is_empty());

        let report = lint("Tags: #a #b #c #d #e #f", Network::X);
        assert_eq!(report.diagnostics[0].severity, Severity::Error);
        assert_eq!(
            report.diagnostics[0].message,
            "6 hashtags; more than 5 on x reads as hashtag spam"
        );
        assert_eq!(report.verdict, Verdict::NeedsWork);

        let report = lint("Two tags here #a #b", Network::Threads);
        assert_eq!(report.diagnostics[0].message, "2 hashtags; threads allows at most 1");
    }

    #[test]
    fn fix_drops_extra_tags_from_the_end() {
        let text = "Shipping #rust #wasm #python #go today";
        let report = lint(text, Network::X);
        let fix = report.diagnostics[0].fix.as_ref().unwrap();
        assert!(!fix.safe);
        assert_eq!(fix.apply(text), "Shipping #rust #wasm today");
    }

    #[test]
    fn flags_repeated_tags_case_insensitively() {
        let report = lint("Learning #Rust, loving #rust", Network::X);
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].message, "#rust appears twice");
        let fix = report.diagnostics[0].fix.as_ref().unwrap();
        assert_eq!(fix.apply("Learning #Rust, loving #rust"), "Learning #Rust, loving");
        // Non-ASCII letters of different case, and no repeat among few tags.
        let report = lint("#Été #ÉTÉ #ete", Network::Linkedin);
        assert_eq!(report.diagnostics[0].message, "#ÉTÉ appears twice");
        assert!(
            lint("Learning #rust and #go with #RustLang", Network::Linkedin)
                .diagnostics
                .is_empty()
        );
    }

    #[test]
    fn names_each_repeated_tag_once() {
        let report = lint("＃Go #go #GO and #rust #Rust", Network::Linkedin);
        assert_eq!(report.diagnostics[0].message, "2 hashtags are repeated: #go, #Rust");
        let report = lint("＃Go #go #GO", Network::Linkedin);
        assert_eq!(report.diagnostics[0].message, "#go appears 3 times");
    }

    #[test]
    fn many_tags_are_counted_once_each() {
        // 20k distinct tags and each of them again: one finding naming how many repeat.
        let tags: Vec<String> = (0..20_000).map(|n| format!("#t{n}")).collect();
        let text = format!("{} {}", tags.join(" "), tags.join(" ").to_uppercase());
        let report = lint(&text, Network::Linkedin);
        let repeated: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("repeated"))
            .collect();
        assert_eq!(repeated.len(), 1);
        assert!(
            repeated[0]
                .message
                .starts_with("20000 hashtags are repeated: #T0, #T1,")
        );
        assert_eq!(repeated[0].fix.as_ref().unwrap().edits.len(), 20_000);
    }

    #[test]
    fn flags_a_wall_of_trailing_tags_but_not_tags_in_a_sentence() {
        let report = lint("Nice day #sun #sea #sand", Network::Linkedin);
        assert_eq!(report.diagnostics.len(), 1, "{:?}", report.diagnostics);
        assert!(report.diagnostics[0].message.starts_with("a block of 3 hashtags"));
        assert!(
            lint(
                "A long and thoughtful post about the beach #sun #sea #sand",
                Network::Linkedin
            )
            .diagnostics
            .is_empty()
        );
        assert!(
            lint("#sun and #sea and #sand", Network::Linkedin)
                .diagnostics
                .is_empty()
        );
    }

    #[test]
    fn options_override_and_validate() {
        let config = crate::config::Config::from_json(
            r#"{"rules": {"hashtag-stuffing": {"max": {"x": false}, "error-above": {"x": 1}}}}"#,
        )
        .unwrap();
        let linter = Linter::new(&config).unwrap();
        let report = linter.lint_post(&Post::new("hi #a #b").with_network(Network::X));
        assert_eq!(report.diagnostics[0].message, "2 hashtags; x allows at most 1");
        let err =
            crate::config::Config::from_json(r#"{"rules": {"hashtag-stuffing": {"max": {"x": -1}}}}"#).unwrap_err();
        assert!(err.message.contains("non-negative integer"), "{err}");
    }
}
