//! `spam-phrase`: engagement bait and spam phrases, including look-alike spellings.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::{Finding, Severity};
use crate::rules::options;
use crate::rules::phrases::PhraseListId;
use crate::rules::{BuildContext, PostContext, PostRule, RuleInfo, RuleKind};
use crate::span::Span;

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "spam-phrase",
    summary: "engagement bait and spam phrases (\"follow for follow\", \"free followers\", ...)",
    default_severity: Severity::Error,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Post(build),
};

const DOC: &str = r#"# spam-phrase

## What it does
Flags engagement bait ("follow for follow", "F4F", "like and retweet", "tag 3 friends", "DM me
for promo", ...) as a warning and scam phrases ("free followers", "buy followers", "send BTC",
...) as an error. Matching is case-insensitive, on word boundaries, over NFKC-folded text, so
full-width letters (ＦＲＥＥ) and other look-alike forms do not escape it. You can add phrases
and regular expressions of your own.

## Why is this bad?
Platforms demote engagement bait and suspend accounts that trade follows or likes; readers
recognise it at once. Scam phrases get posts removed and accounts locked.

## Example
```text
Follow for follow! F4F, like and retweet to win 🎁
```

## Options
- `phrases`: extra phrases (warnings), matched like the built-in ones. Default `[]`.
- `regexes`: extra regular expressions (warnings), matched against the folded text
  (lowercase, NFKC, single spaces); Rust `regex` syntax, linear time, each compiled with a
  size limit. A bad or too big one is a config error naming it. Default `[]`.
- `builtin` (default `true`): use the built-in dictionary.
"#;

/// Engagement bait: warnings.
const BAIT: &[&str] = &[
    "follow for follow",
    "follow4follow",
    "f4f",
    "follow back",
    "followback",
    "follow train",
    "teamfollowback",
    "like for like",
    "like4like",
    "l4l",
    "sub4sub",
    "sub for sub",
    "s4s",
    "shoutout for shoutout",
    "like and retweet",
    "like and share",
    "like & retweet",
    "like & share",
    "rt to win",
    "retweet to win",
    "retweet if you",
    "like if you agree",
    "tag 3 friends",
    "tag three friends",
    "tag a friend who",
    "tag your friends",
    "comment below to win",
    "click the link in bio to win",
    "link in bio to win",
    "double tap if",
    "dm me for promo",
    "dm for promo",
    "dm for collab",
    "dm me for collab",
    "dm to collab",
    "promo dm",
    "check my bio",
    "check out my profile",
    "follow me back",
    "gain followers",
    "who wants more followers",
    "drop your handles",
    "spread the word and win",
];

/// Scams and bought reach: errors.
const SCAMS: &[&str] = &[
    "free followers",
    "buy followers",
    "cheap followers",
    "instant followers",
    "get followers fast",
    "free likes",
    "buy likes",
    "make money fast",
    "earn money from home",
    "work from home and earn",
    "guaranteed profit",
    "guaranteed returns",
    "double your money",
    "double your bitcoin",
    "send btc",
    "send eth",
    "crypto giveaway",
    "investment opportunity dm",
    "100% free money",
];

/// The compiled-program size cap for one user regex.
#[cfg(feature = "regex")]
const REGEX_SIZE_LIMIT: usize = 256 * 1024;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    phrases: Vec<String>,
    regexes: Vec<String>,
    builtin: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            phrases: Vec::new(),
            regexes: Vec::new(),
            builtin: true,
        }
    }
}

#[derive(Debug)]
struct SpamPhrase {
    /// The built-in and user phrases, when there are some.
    phrases: Option<PhraseListId>,
    /// Severity per phrase index.
    severities: Vec<Severity>,
    regexes: Vec<UserRegex>,
}

fn build(options: &Map<String, Value>, context: &mut BuildContext<'_>) -> Result<Box<dyn PostRule>, String> {
    let options: Options = options::parse(options)?;
    let mut phrases: Vec<&str> = Vec::new();
    let mut severities = Vec::new();
    if options.builtin {
        phrases.extend(BAIT);
        severities.extend(BAIT.iter().map(|_| Severity::Warning));
        phrases.extend(SCAMS);
        severities.extend(SCAMS.iter().map(|_| Severity::Error));
    }
    phrases.extend(options.phrases.iter().map(String::as_str));
    severities.extend(options.phrases.iter().map(|_| Severity::Warning));
    let phrases = if phrases.is_empty() {
        None
    } else {
        Some(
            (context.phrases)
                .add(&phrases)
                .map_err(|err| format!("phrases: {err}"))?,
        )
    };
    let regexes = options
        .regexes
        .iter()
        .enumerate()
        .map(|(index, pattern)| compile(index, pattern))
        .collect::<Result<_, _>>()?;
    Ok(Box::new(SpamPhrase {
        phrases,
        severities,
        regexes,
    }))
}

/// A user regex (none can exist without the `regex` feature).
#[cfg(feature = "regex")]
type UserRegex = regex::Regex;

/// Without the `regex` feature no user regex can be built.
#[cfg(not(feature = "regex"))]
#[derive(Debug)]
enum UserRegex {}

/// Compiles `regexes[index]` with a size cap, so a huge pattern is a config error.
#[cfg(feature = "regex")]
fn compile(index: usize, pattern: &str) -> Result<UserRegex, String> {
    regex::RegexBuilder::new(pattern)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(4 * REGEX_SIZE_LIMIT)
        .build()
        .map_err(|err| match err {
            regex::Error::CompiledTooBig(limit) => format!(
                "regexes[{index}] `{}` is too big (compiled form over {limit} bytes); simplify it",
                abbreviate(pattern)
            ),
            err => format!("regexes[{index}] `{}` is not a valid regex: {err}", abbreviate(pattern)),
        })
}

/// Builds without the regex engine (the WebAssembly package) reject user regexes clearly.
#[cfg(not(feature = "regex"))]
fn compile(index: usize, pattern: &str) -> Result<UserRegex, String> {
    Err(format!(
        "regexes[{index}] `{}`: this build of postlint has no regex engine (the WebAssembly package \
         leaves it out to stay small); use `phrases` instead",
        abbreviate(pattern)
    ))
}

/// The non-empty matches of `regex` in `text`, as byte ranges.
#[cfg(feature = "regex")]
fn matches(regex: &UserRegex, text: &str) -> Vec<Span> {
    regex
        .find_iter(text)
        .filter(|found| !found.is_empty())
        .map(|found| Span::new(found.start(), found.end()))
        .collect()
}

#[cfg(not(feature = "regex"))]
fn matches(regex: &UserRegex, _text: &str) -> Vec<Span> {
    match *regex {}
}

/// Shortens a long pattern for an error message.
fn abbreviate(pattern: &str) -> String {
    match pattern.char_indices().nth(60) {
        Some((cut, _)) => format!("{}...", &pattern[..cut]),
        None => pattern.to_string(),
    }
}

impl PostRule for SpamPhrase {
    fn check(&self, post: &PostContext<'_>, findings: &mut Vec<Finding>) {
        let text = post.text;
        let folded = post.folded;
        let mut reported: HashSet<String> = HashSet::new();
        let mut report = |severity: Severity, span: Span, findings: &mut Vec<Finding>| {
            let phrase = span.slice(text).to_string();
            if !reported.insert(phrase.to_lowercase()) {
                return;
            }
            findings.push(
                Finding::new(severity, format!("spam phrase \u{201c}{phrase}\u{201d}"))
                    .help("drop the bait: say what is in it for the reader instead")
                    .span(span),
            );
        };
        if let Some(phrases) = self.phrases {
            for found in post.phrases.of(phrases) {
                report(self.severities[found.phrase], found.span, findings);
            }
        }
        for regex in &self.regexes {
            for found in matches(regex, &folded.text) {
                report(Severity::Warning, folded.original(found), findings);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    #[test]
    #[cfg(not(feature = "regex"))]
    fn without_the_regex_feature_regexes_are_a_clear_config_error() {
        let err = Config::from_json(r#"{"rules": {"spam-phrase": {"regexes": ["free \\w+"]}}}"#).unwrap_err();
        assert_eq!(err.key, "rules.spam-phrase");
        assert!(err.message.contains("has no regex engine"), "{err}");
    }

    #[test]
    #[cfg(feature = "regex")]
    fn bad_and_huge_regexes_are_config_errors_naming_them() {
        let err = Config::from_json(r#"{"rules": {"spam-phrase": {"regexes": ["ok", "(unclosed"]}}}"#).unwrap_err();
        assert!(
            err.message.contains("regexes[1] `(unclosed` is not a valid regex"),
            "{err}"
        );
        let huge = r#"{"rules": {"spam-phrase": {"regexes": ["(\\w{100}){100}"]}}}"#;
        let err = Config::from_json(huge).unwrap_err();
        assert!(err.message.contains("is too big"), "{err}");
    }

    #[test]
    fn each_distinct_phrase_is_reported_once() {
        use crate::{Linter, Post};
        // Phrases in many spellings, and a user regex matching 20k distinct strings.
        let config = Config::from_json(r#"{"rules": {"spam-phrase": {"regexes": ["code\\d+"]}}}"#);
        let codes: Vec<String> = (0..20_000).map(|n| format!("code{n}")).collect();
        let text = format!(
            "Follow for follow! FOLLOW FOR FOLLOW {} {}",
            codes.join(" "),
            codes.join(" ")
        );
        let linter = match config {
            Ok(config) => Linter::new(&config).unwrap(),
            Err(_) => Linter::default(), // built without the regex feature
        };
        let report = linter.lint_post(&Post::new(text));
        let found: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == "spam-phrase")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(found[0], "spam phrase \u{201c}Follow for follow\u{201d}");
        let expected = if cfg!(feature = "regex") { 20_001 } else { 1 };
        assert_eq!(found.len(), expected);
    }
}
