//! `self-promotion` (info): classifies a post as promotional, with reasons.
//!
//! The classification runs for every post, whatever this rule's severity, because the schedule
//! rules (`self-promo-ratio`, `self-promo-streak`) count promotional posts.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::{Finding, Severity};
use crate::model::Post;
use crate::rules::options;
use crate::rules::phrases::{PhraseBookBuilder, PhraseListId, PhraseMatches};
use crate::rules::{BuildContext, PostContext, PostRule, RuleInfo, RuleKind};
use crate::span::Span;
use crate::text::Entities;

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "self-promotion",
    summary: "classifies a post as promotional (brand links, brand names, calls to action), with reasons",
    default_severity: Severity::Info,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Post(build),
};

const DOC: &str = r#"# self-promotion

## What it does
Classifies each post as promotional or not and says why. A post is promotional when it links
to one of the brand's domains; or has a call to action ("buy now", "sign up", "book a demo",
"use code", "20% off", "free trial", "link in bio", ...) or names the brand (its handles or
keywords) without linking elsewhere; or has both a call to action and a brand name. Links to
other domains are curation: sharing someone else's work is not self-promotion. The post's own
`promotional` label always wins.

## Why is this bad?
One promotional post is fine; a feed that is all "buy our thing" loses its audience. The usual
rules of thumb (80/20, the rule of thirds) keep promotion to a fifth or a third of posts. This
rule only informs; `self-promo-ratio` and `self-promo-streak` judge the schedule.

## Example
With `[brand] domains = ["acme.com"]`:
```text
Our spring sale is on: 30% off every plan. Shop now https://acme.com/pricing
```
is promotional (links to acme.com; calls to action "30% off", "shop now"), while
```text
Great write-up on Postgres indexes by @alice https://example.org/indexes
```
is curation.

## Options
- `calls-to-action`: extra call-to-action phrases (default `[]`).
- `builtin-calls-to-action` (default `true`): use the built-in list.

The brand comes from the `[brand]` table: `handles`, `domains`, `keywords`.
"#;

/// Built-in calls to action (matched folded, on word boundaries).
const CALLS_TO_ACTION: &[&str] = &[
    "buy now",
    "shop now",
    "order now",
    "order today",
    "get yours",
    "grab yours",
    "sign up",
    "signup today",
    "register now",
    "register today",
    "book a demo",
    "book your demo",
    "request a demo",
    "schedule a demo",
    "get a demo",
    "use code",
    "promo code",
    "discount code",
    "coupon code",
    "% off",
    "percent off",
    "free trial",
    "start your free trial",
    "try it free",
    "try for free",
    "link in bio",
    "limited time offer",
    "limited time only",
    "sale ends",
    "on sale now",
    "pre-order",
    "preorder now",
    "subscribe now",
    "download now",
    "get started today",
    "free shipping",
    "save big",
    "don't miss out",
    "dont miss out",
    "while supplies last",
    "add to cart",
];

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    calls_to_action: Vec<String>,
    builtin_calls_to_action: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            calls_to_action: Vec::new(),
            builtin_calls_to_action: true,
        }
    }
}

/// Whether a post is promotional, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Promotion {
    /// The verdict.
    pub promotional: bool,
    /// Human-readable reasons for a promotional verdict (or for the user's label).
    pub reasons: Vec<String>,
    /// Where the first reason is in the text, when it has a place.
    pub span: Option<Span>,
}

/// Decides whether posts are promotional.
#[derive(Debug, Clone)]
pub struct Classifier {
    domains: Vec<String>,
    handles: Vec<String>,
    keywords: Option<PhraseListId>,
    calls_to_action: Option<PhraseListId>,
}

impl Classifier {
    /// A classifier for the context's brand with the rule's options (as written in config); its
    /// phrase lists are added to the context's.
    pub fn new(options: &Map<String, Value>, context: &mut BuildContext<'_>) -> Result<Self, String> {
        let options: Options = options::parse(options)?;
        let mut phrases: Vec<String> = Vec::new();
        if options.builtin_calls_to_action {
            phrases.extend(CALLS_TO_ACTION.iter().map(|phrase| phrase.to_string()));
        }
        phrases.extend(options.calls_to_action);
        let mut list = |phrases: &[String], what: &str| {
            if phrases.is_empty() {
                Ok(None)
            } else {
                (context.phrases)
                    .add(phrases)
                    .map(Some)
                    .map_err(|err| format!("{what}: {err}"))
            }
        };
        let lowercase = |items: &[String], trim: &[char]| -> Vec<String> {
            items
                .iter()
                .map(|item| item.trim().trim_start_matches(trim).to_lowercase())
                .filter(|i| !i.is_empty())
                .collect()
        };
        let brand = context.brand;
        Ok(Self {
            keywords: list(&brand.keywords, "brand.keywords")?,
            calls_to_action: list(&phrases, "calls-to-action")?,
            domains: lowercase(&brand.domains, &[]),
            handles: lowercase(&brand.handles, &['@']),
        })
    }

    /// Classifies `post`, whose entities are given. `phrases` gives the matches of the lists
    /// this classifier added; it is called only when a list may decide (not for most posts with
    /// a link, without brand keywords).
    pub fn classify<'p>(
        &self,
        post: &Post,
        entities: &Entities,
        phrases: impl FnOnce() -> &'p PhraseMatches,
    ) -> Promotion {
        let text = post.text.as_str();
        let (mut search, mut searched) = (Some(phrases), None);
        let mut phrases = || *searched.get_or_insert_with(|| search.take().expect("searched once")());
        if let Some(label) = post.promotional {
            let reason = if label {
                "labelled promotional"
            } else {
                "labelled not promotional"
            };
            return Promotion {
                promotional: label,
                reasons: vec![reason.to_string()],
                span: None,
            };
        }
        let mut reasons = Vec::new();
        let mut span = None;
        let mut note = |reason: String, at: Span| {
            reasons.push(reason);
            span.get_or_insert(at);
        };

        let (mut brand_link, mut external_link) = (false, false);
        for url in &entities.urls {
            // Without brand domains (the default) no host needs lowercasing.
            let brand_domain = (!self.domains.is_empty())
                .then(|| url.host.slice(text).to_lowercase())
                .and_then(|host| self.domains.iter().find(|domain| is_same_site(&host, domain)));
            match brand_domain {
                Some(domain) if !brand_link => {
                    brand_link = true;
                    note(format!("links to {domain}"), url.span);
                }
                Some(_) => {}
                None => external_link = true,
            }
        }
        let mut brand_name = false;
        // Without brand handles (the default) no name needs lowercasing.
        let mentions = if self.handles.is_empty() {
            &[][..]
        } else {
            entities.mentions.as_slice()
        };
        for mention in mentions {
            let name = mention.screen_name.slice(text).to_lowercase();
            if !brand_name && self.handles.contains(&name) {
                brand_name = true;
                note(format!("mentions @{name}"), mention.span);
            }
        }
        if let Some(found) = self.keywords.and_then(|keywords| phrases().of(keywords).first()) {
            brand_name = true;
            note(format!("names {}", found.span.slice(text)), found.span);
        }
        // With an external link and neither a brand link nor a brand name, a call to action
        // cannot make the post promotional: the search is skipped (most posts with a link).
        let cta_decides = brand_link || brand_name || !external_link;
        let cta = self
            .calls_to_action
            .filter(|_| cta_decides)
            .map_or(&[][..], |ctas| phrases().of(ctas));
        if let Some(first) = cta.first() {
            let mut phrases: Vec<&str> = cta.iter().map(|found| found.span.slice(text)).collect();
            phrases.dedup();
            let quoted: Vec<String> = phrases
                .iter()
                .map(|phrase| format!("\u{201c}{phrase}\u{201d}"))
                .collect();
            note(format!("call to action {}", quoted.join(", ")), first.span);
        }
        let has_cta = !cta.is_empty();
        let promotional = brand_link || (!external_link && (has_cta || brand_name)) || (has_cta && brand_name);
        if !promotional {
            return Promotion::default();
        }
        Promotion {
            promotional,
            reasons,
            span,
        }
    }
}

/// Whether `host` is `domain` or one of its subdomains (`www.acme.com`, `shop.acme.com`).
fn is_same_site(host: &str, domain: &str) -> bool {
    host == domain || host.strip_suffix(domain).is_some_and(|sub| sub.ends_with('.'))
}

/// The rule only reports the classification the linter computed for the post.
#[derive(Debug)]
struct SelfPromotion;

/// Checks the options. The linter builds the classifier itself, since it classifies every post
/// whatever this rule's severity: its lists are not added to the context's a second time.
fn build(options: &Map<String, Value>, context: &mut BuildContext<'_>) -> Result<Box<dyn PostRule>, String> {
    let mut phrases = PhraseBookBuilder::default();
    Classifier::new(
        options,
        &mut BuildContext {
            brand: context.brand,
            phrases: &mut phrases,
        },
    )?;
    phrases.build()?;
    Ok(Box::new(SelfPromotion))
}

impl PostRule for SelfPromotion {
    fn check(&self, post: &PostContext<'_>, findings: &mut Vec<Finding>) {
        let promotion = post.promotion;
        if !promotion.promotional {
            return;
        }
        let mut finding = Finding::new(Severity::Info, format!("promotional: {}", promotion.reasons.join("; ")))
            .help("keep promotional posts to about one in five; share, answer and curate in between");
        if let Some(span) = promotion.span {
            finding = finding.span(span);
        }
        findings.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::config::Brand;
    use crate::fold::Folded;

    fn classify(text: &str, brand: &Brand) -> Promotion {
        classify_post(&Post::new(text), brand)
    }

    /// Classifies `post` with the default options, as the linter does.
    fn classify_post(post: &Post, brand: &Brand) -> Promotion {
        let mut phrases = PhraseBookBuilder::default();
        let classifier = Classifier::new(
            &Map::new(),
            &mut BuildContext {
                brand,
                phrases: &mut phrases,
            },
        )
        .unwrap();
        let matches = phrases.build().unwrap().find(&Folded::new(&post.text));
        classifier.classify(post, &crate::text::extract(&post.text), || &matches)
    }

    fn acme() -> Brand {
        Brand {
            handles: vec!["@Acme".into()],
            domains: vec!["acme.com".into()],
            keywords: vec!["Acme Cloud".into()],
        }
    }

    #[test]
    fn brand_links_and_calls_to_action_are_promotional() {
        let promotion = classify("Spring sale: 30% off, shop now https://shop.acme.com/x", &acme());
        assert!(promotion.promotional);
        assert_eq!(
            promotion.reasons,
            [
                "links to acme.com",
                "call to action \u{201c}% off\u{201d}, \u{201c}shop now\u{201d}"
            ]
        );
        assert!(classify("Use code SPRING at checkout", &Brand::default()).promotional);
        assert!(classify("ACME CLOUD 2.0 is here", &acme()).promotional);
        // A brand link makes a post promotional whatever other links it has; its calls to
        // action are reasons too.
        let promotion = classify("Shop now https://acme.com/x, reviews at https://example.org/r", &acme());
        assert_eq!(
            promotion.reasons,
            ["links to acme.com", "call to action \u{201c}Shop now\u{201d}"]
        );
        // A call to action with the brand's name makes a post promotional, links or not.
        let promotion = classify("Acme Cloud: sign up today https://example.org/t", &acme());
        assert!(promotion.promotional);
        assert_eq!(
            promotion.reasons,
            ["names Acme Cloud", "call to action \u{201c}sign up\u{201d}"]
        );
    }

    #[test]
    fn curation_is_not_promotional() {
        assert!(!classify("Great write-up by @alice https://example.org/a", &acme()).promotional);
        assert!(!classify("We at Acme Cloud loved this talk https://example.org/t", &acme()).promotional);
        assert!(
            !classify(
                "Sign up for @alice's newsletter https://alice.blog/news",
                &Brand::default()
            )
            .promotional
        );
        assert!(!classify("notacme.com is not ours https://notacme.com", &acme()).promotional);
        assert!(!classify("Shop now for this: https://example.org/deal", &Brand::default()).promotional);
        assert!(classify("Shop now for this deal", &Brand::default()).promotional);
    }

    #[test]
    fn phrases_are_searched_only_when_a_list_may_decide() {
        let searches = |text: &str, brand: &Brand| {
            let mut phrases = PhraseBookBuilder::default();
            let mut context = BuildContext {
                brand,
                phrases: &mut phrases,
            };
            let classifier = Classifier::new(&Map::new(), &mut context).unwrap();
            let matches = phrases.build().unwrap().find(&Folded::new(text));
            let post = Post::new(text);
            let mut searched = 0;
            let promotion = classifier.classify(&post, &crate::text::extract(text), || {
                searched += 1;
                &matches
            });
            (promotion.promotional, searched)
        };
        // A link elsewhere: a call to action cannot decide, and there are no brand keywords.
        assert_eq!(
            searches("Shop now https://example.org/deal", &Brand::default()),
            (false, 0)
        );
        // Keywords are looked for, and the calls to action found in the same search.
        assert_eq!(
            searches("Acme Cloud: shop now https://example.org/deal", &acme()),
            (true, 1)
        );
        assert_eq!(searches("Shop now", &Brand::default()), (true, 1));
    }

    #[test]
    fn the_label_wins() {
        let post = Post {
            promotional: Some(false),
            ..Post::new("Buy now https://acme.com")
        };
        let promotion = classify_post(&post, &acme());
        assert!(!promotion.promotional);
        assert_eq!(promotion.reasons, ["labelled not promotional"]);
    }
}
