//! `over-length`: longer than the network allows, counted the network's way.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::{Finding, Severity};
use crate::network::Network;
use crate::rules::options::{self, Limit, PartialPerNetwork, PerNetwork};
use crate::rules::{BuildContext, PostContext, PostRule, RuleInfo, RuleKind};
use crate::span::Span;
use crate::text;

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "over-length",
    summary: "longer than the network allows (X weighted, Bluesky graphemes, Mastodon URLs as 23, ...)",
    default_severity: Severity::Error,
    doc: DOC,
    default_options: || options::to_value(&Options::defaults()),
    kind: RuleKind::Post(build),
};

const DOC: &str = r#"# over-length

## What it does
Flags a post longer than its network's limit, counted the way that network counts: X's
weighted length (most CJK characters and emoji count 2, every URL 23, text NFC-normalized),
Bluesky's graphemes, Mastodon's characters with every URL as 23, characters elsewhere.
The span covers the part past the limit.

## Why is this bad?
The network rejects the post, or a scheduler silently truncates it mid-word, or (LinkedIn,
Facebook) hides everything after the limit behind "see more".

## Example
A 300-character post queued for X fails to publish; cut it to 280 weighted characters or
make it a thread.

## Options
- `limits`: per network, the limit to enforce (`false` = none). Defaults: x 280, bluesky 300,
  threads 500, mastodon 500, instagram 2200, linkedin 3000, tiktok 4000, facebook 63206,
  generic none.
"#;

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    limits: PartialPerNetwork<Limit>,
}

fn default_limits() -> PerNetwork<Limit> {
    PerNetwork::new(Network::ALL.map(|network| {
        (
            network,
            Limit(
                network
                    .length_limit()
                    .map(|limit| u32::try_from(limit).unwrap_or(u32::MAX)),
            ),
        )
    }))
}

impl Options {
    fn defaults() -> Self {
        let limits = default_limits();
        Self {
            limits: PartialPerNetwork(Network::ALL.into_iter().map(|n| (n, limits.get(n))).collect()),
        }
    }
}

#[derive(Debug)]
struct OverLength {
    limits: PerNetwork<Limit>,
}

fn build(options: &Map<String, Value>, _context: &mut BuildContext<'_>) -> Result<Box<dyn PostRule>, String> {
    let options: Options = options::parse(options)?;
    Ok(Box::new(OverLength {
        limits: default_limits().merged(&options.limits),
    }))
}

/// The unit a network counts in, for messages.
fn unit(network: Network) -> &'static str {
    match network {
        Network::X => "weighted characters",
        Network::Bluesky => "graphemes",
        _ => "characters",
    }
}

/// The length of `text[..end]` counted the network's way.
fn prefix_length(text: &str, end: usize, network: Network) -> usize {
    let prefix = &text[..end];
    text::network_length(prefix, &text::extract(prefix), network)
}

/// The first byte past the limit: the longest char-boundary prefix that fits ends there.
/// Binary search over char boundaries; runs only for posts that are over.
fn cut_point(text: &str, limit: usize, network: Network) -> usize {
    let boundaries: Vec<usize> = text.char_indices().map(|(at, _)| at).chain([text.len()]).collect();
    let (mut fits, mut over) = (0, boundaries.len() - 1);
    while over - fits > 1 {
        let middle = (fits + over) / 2;
        if prefix_length(text, boundaries[middle], network) <= limit {
            fits = middle;
        } else {
            over = middle;
        }
    }
    boundaries[fits]
}

impl PostRule for OverLength {
    fn check(&self, post: &PostContext<'_>, findings: &mut Vec<Finding>) {
        let network = post.network;
        let Some(limit) = self.limits.get(network).0.map(|limit| limit as usize) else {
            return;
        };
        let used = post.length;
        if used <= limit {
            return;
        }
        let unit = unit(network);
        let cut = cut_point(post.text, limit, network);
        findings.push(
            Finding::new(
                Severity::Error,
                format!("{used}/{limit} {unit}; too long for {network}"),
            )
            .help(format!(
                "cut at least {} {unit}, or split the post into a thread",
                used - limit
            ))
            .span(Span::new(cut, post.text.len())),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_point_is_where_the_limit_is_crossed() {
        let text = "a".repeat(290);
        assert_eq!(cut_point(&text, 280, Network::X), 280);
        let cjk = "の".repeat(150);
        // Each CJK char weighs 2 on X: 140 fit.
        assert_eq!(cut_point(&cjk, 280, Network::X), 140 * "の".len());
        let emoji = "👩‍👩‍👧".repeat(301);
        assert_eq!(cut_point(&emoji, 300, Network::Bluesky), 300 * "👩‍👩‍👧".len());
    }
}
