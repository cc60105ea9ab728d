//! `cross-account-duplicate`: the same text from several accounts on one network.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::Severity;
use crate::network::Network;
use crate::rules::options;
use crate::rules::{RuleInfo, RuleKind, ScheduleRule};
use crate::schedule::{Schedule, ScheduleFinding};

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "cross-account-duplicate",
    summary: "the same text posted by 2 or more accounts on one network (forbidden on X)",
    default_severity: Severity::Error,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Schedule(build),
};

const DOC: &str = r#"# cross-account-duplicate

## What it does
Flags a normalized text that 2 or more different accounts post on the same network. Native
retweets (`RT @name: ...`) are shares, not copies, and are skipped, as are very short texts
(under 20 normalized characters) that many people write on their own ("Happy new year!").

## Why is this bad?
X's automation rules forbid posting identical or substantially similar content from multiple
accounts, and accounts doing it get suspended together. Elsewhere, coordinated copies look
like a bot network and are demoted.

## Example
Accounts `acme` and `acme_support` both post "Our status page is back to green, thanks for
your patience!".

## Options
- `min-accounts` (default 2): how many accounts make it an error.
- `min-chars` (default 20): shorter normalized texts are ignored.
"#;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    min_accounts: usize,
    min_chars: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            min_accounts: 2,
            min_chars: 20,
        }
    }
}

/// Accounts a message names before counting the rest.
const LISTED_ACCOUNTS: usize = 10;

#[derive(Debug)]
struct CrossAccountDuplicate(Options);

fn build(options: &Map<String, Value>) -> Result<Box<dyn ScheduleRule>, String> {
    let options: Options = options::parse(options)?;
    if options.min_accounts < 2 {
        return Err(format!(
            "min-accounts must be at least 2, found {}",
            options.min_accounts
        ));
    }
    Ok(Box::new(CrossAccountDuplicate(options)))
}

impl ScheduleRule for CrossAccountDuplicate {
    fn check(&self, schedule: &Schedule<'_>, findings: &mut Vec<ScheduleFinding>) {
        for cluster in &schedule.duplicates().exact {
            let first = cluster[0];
            if (schedule.facts[first].text.chars as usize) < self.0.min_chars {
                continue;
            }
            let mut by_network: BTreeMap<Network, (Vec<usize>, Vec<&str>)> = BTreeMap::new();
            for &index in cluster {
                let post = &schedule.posts[index];
                let (Some(account), false) = (post.account.as_deref(), schedule.facts[index].retweet) else {
                    continue;
                };
                let (posts, accounts) = by_network.entry(post.network).or_default();
                posts.push(index);
                accounts.push(account);
            }
            for (network, (posts, mut accounts)) in by_network {
                accounts.sort_unstable();
                accounts.dedup();
                if accounts.len() < self.0.min_accounts {
                    continue;
                }
                let mut named = accounts[..accounts.len().min(LISTED_ACCOUNTS)].join(", ");
                if accounts.len() > LISTED_ACCOUNTS {
                    named.push_str(&format!(" and {} more", accounts.len() - LISTED_ACCOUNTS));
                }
                let message = format!(
                    "the same text is posted by {} accounts on {network}: {named}",
                    accounts.len()
                );
                let window = schedule.window_of(&posts);
                findings.push(
                    ScheduleFinding::new(Severity::Error, message, posts)
                        .help("post it from one account and let the others reshare it")
                        .window(window),
                );
            }
        }
    }
}
