//! The linter: configured rules applied to posts.

use std::cell::Cell;

use crate::config::{Config, ConfigError, Scoring};
use crate::diagnostic::{Finding, Severity};
use crate::fold::Folded;
use crate::model::Post;
use crate::report::{
    self, Diagnostic, EditReport, FixReport, Length, Note, PostReport, Report, ScheduleDiagnostic, ScheduleReport,
    Window,
};
use crate::rules::phrases::{PhraseBook, PhraseBookBuilder, PhraseMatches};
use crate::rules::post::self_promotion::{self, Classifier};
use crate::rules::schedule::near_duplicate_post;
use crate::rules::{self, BuildContext, PostContext, PostRule, RuleKind, ScheduleRule};
use crate::schedule::dedup::DedupOptions;
use crate::schedule::{FactsBuilder, PostFacts, Schedule, stats};
use crate::span::UnitIndex;
use crate::text::{self, Entities};

/// A rule that runs, with its configured severity.
struct ActiveRule<R: ?Sized> {
    name: &'static str,
    severity: Option<Severity>,
    rule: Box<R>,
}

impl<R: ?Sized> std::fmt::Debug for ActiveRule<R> {
    /// The rule's name and severity (rules themselves need no `Debug`, which keeps their
    /// formatting code out of the WebAssembly build).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActiveRule")
            .field("name", &self.name)
            .field("severity", &self.severity)
            .finish_non_exhaustive()
    }
}

/// Buffers that analyzing a post fills and the next analysis on the same thread reuses, so
/// that linting many posts does not allocate them anew for each.
#[derive(Default)]
struct Scratch {
    entities: Entities,
    folded: Folded,
    phrases: PhraseMatches,
}

impl Scratch {
    /// Refills the buffers for `text`: its entities, its folded copy and the phrases of
    /// `book` in it.
    fn fill(&mut self, text: &str, book: &PhraseBook) -> (&Entities, &Folded, &PhraseMatches) {
        text::extract_into(text, &mut self.entities);
        self.folded.refold(text);
        book.find_into(&self.folded, &mut self.phrases);
        (&self.entities, &self.folded, &self.phrases)
    }

    /// The bytes the buffers hold room for.
    fn capacity_bytes(&self) -> usize {
        self.entities.capacity_bytes() + self.folded.capacity_bytes() + self.phrases.capacity_bytes()
    }
}

/// Room past which a thread's [`Scratch`] is dropped after use rather than kept: one huge post
/// must not pin its buffers for the thread's life.
const SCRATCH_KEPT_BYTES: usize = 64 * 1024;

thread_local! {
    /// This thread's buffers, taken out while in use.
    static SCRATCH: Cell<Scratch> = Cell::default();
}

/// Runs `f` with this thread's scratch buffers (fresh ones inside a call that already holds
/// them, or while the thread is being torn down).
fn with_scratch<T>(f: impl FnOnce(&mut Scratch) -> T) -> T {
    let mut scratch = SCRATCH.try_with(Cell::take).unwrap_or_default();
    let result = f(&mut scratch);
    if scratch.capacity_bytes() <= SCRATCH_KEPT_BYTES {
        // Fails only while the thread is torn down: the buffers are then dropped.
        let _ = SCRATCH.try_with(|cell| cell.set(scratch));
    }
    result
}

/// Schedule rules that need post times; posts without one are reported once in a note.
const TIME_RULES: [&str; 4] = ["robotic-cadence", "no-quiet-hours", "flooding", "followfriday-off-day"];

/// Lints posts and schedules with a fixed configuration. Cheap to share across threads.
#[derive(Debug)]
pub struct Linter {
    rules: Vec<ActiveRule<dyn PostRule>>,
    schedule_rules: Vec<ActiveRule<dyn ScheduleRule>>,
    classifier: Classifier,
    /// The phrase lists of the classifier and the rules, searched once per post.
    phrases: PhraseBook,
    /// The classifier's lists alone, for schedule analysis without post reports. They come
    /// first in both books, so the classifier's list ids name the same lists in each.
    classifier_phrases: PhraseBook,
    dedup_options: DedupOptions,
    scoring: Scoring,
}

impl Default for Linter {
    /// A linter with the default configuration.
    fn default() -> Self {
        Self::new(&Config::default()).expect("the default configuration is valid")
    }
}

impl Linter {
    /// Builds the rules of `config`.
    pub fn new(config: &Config) -> Result<Self, ConfigError> {
        let options_of = |name: &str| config.rules.get(name).map(|s| s.options.clone()).unwrap_or_default();
        let error = |name: &'static str| {
            move |message| ConfigError {
                key: format!("rules.{name}"),
                message,
            }
        };
        let (mut post_rules, mut schedule_rules) = (Vec::new(), Vec::new());
        let classifier_options = options_of(self_promotion::RULE.name);
        let mut classifier_phrases = PhraseBookBuilder::default();
        Classifier::new(
            &classifier_options,
            &mut BuildContext {
                brand: &config.brand,
                phrases: &mut classifier_phrases,
            },
        )
        .map_err(error(self_promotion::RULE.name))?;
        let mut phrases = PhraseBookBuilder::default();
        let mut context = BuildContext {
            brand: &config.brand,
            phrases: &mut phrases,
        };
        let classifier =
            Classifier::new(&classifier_options, &mut context).map_err(error(self_promotion::RULE.name))?;
        for info in rules::REGISTRY {
            let severity = config.rules.get(info.name).and_then(|settings| settings.severity);
            if severity == Some(Severity::Off) {
                continue;
            }
            let options = options_of(info.name);
            match info.kind {
                RuleKind::Post(build) => {
                    let rule = build(&options, &mut context).map_err(error(info.name))?;
                    post_rules.push(ActiveRule {
                        name: info.name,
                        severity,
                        rule,
                    });
                }
                RuleKind::Schedule(build) => {
                    let rule = build(&options).map_err(error(info.name))?;
                    schedule_rules.push(ActiveRule {
                        name: info.name,
                        severity,
                        rule,
                    });
                }
            }
        }
        // Each rule's lists compiled alone when the config was read; together they may still be
        // too big.
        let compile = |phrases: PhraseBookBuilder| {
            phrases.build().map_err(|message| ConfigError {
                key: "rules".to_string(),
                message,
            })
        };
        let (phrases, classifier_phrases) = (compile(phrases)?, compile(classifier_phrases)?);
        let dedup_options = near_duplicate_post::dedup_options(&options_of(near_duplicate_post::RULE.name));
        Ok(Self {
            rules: post_rules,
            schedule_rules,
            classifier,
            phrases,
            classifier_phrases,
            dedup_options,
            scoring: config.scoring,
        })
    }

    /// Lints one post (reported with index 0).
    pub fn lint_post(&self, post: &Post) -> PostReport {
        self.lint_post_at(0, post)
    }

    /// Lints one post that sits at `index` in a larger input.
    pub fn lint_post_at(&self, index: usize, post: &Post) -> PostReport {
        with_scratch(|scratch| self.analyze(index, post, None, scratch).0)
    }

    /// Lints a post, and computes its schedule facts when given a builder.
    fn analyze(
        &self,
        index: usize,
        post: &Post,
        facts_builder: Option<&mut FactsBuilder>,
        scratch: &mut Scratch,
    ) -> (PostReport, Option<PostFacts>) {
        let text = post.text.as_str();
        let (entities, folded, phrases) = scratch.fill(text, &self.phrases);
        let promotion = self.classifier.classify(post, entities, || phrases);
        let context = PostContext::new(post, entities, folded, phrases, &promotion);
        let mut diagnostics = Vec::new();
        let mut findings = Vec::new();
        let units = UnitIndex::new(text);
        for active in &self.rules {
            if post.allows(active.name) {
                continue;
            }
            active.rule.check(&context, &mut findings);
            // Most rules find nothing in most posts: no drain to set up then.
            if !findings.is_empty() {
                diagnostics.extend(findings.drain(..).map(|finding| to_diagnostic(active, finding, &units)));
            }
        }
        let used = context.length;
        let (score, verdict) = report::score(&diagnostics, &self.scoring);
        let facts = facts_builder.map(|builder| builder.facts(post, entities, promotion.promotional));
        let report = PostReport {
            index,
            id: post.id.clone(),
            network: post.network,
            score,
            verdict,
            promotional: promotion.promotional,
            promotional_reasons: promotion.reasons,
            length: Length {
                used,
                limit: post.network.length_limit(),
            },
            diagnostics,
        };
        (report, facts)
    }

    /// Lints every post on its own and reports them together (no schedule rules).
    pub fn lint_posts(&self, posts: &[Post]) -> Report {
        let reports = with_scratch(|scratch| {
            posts
                .iter()
                .enumerate()
                .map(|(index, post)| self.analyze(index, post, None, scratch).0)
                .collect()
        });
        Report::new(reports, None)
    }

    /// Lints every post, then the schedule they form (posts in any order, across accounts and
    /// networks).
    pub fn lint_schedule(&self, posts: &[Post]) -> Report {
        let mut builder = FactsBuilder::new(self.dedup_options.clone());
        let (reports, facts): (Vec<PostReport>, Vec<PostFacts>) = with_scratch(|scratch| {
            posts
                .iter()
                .enumerate()
                .map(|(index, post)| {
                    let (report, facts) = self.analyze(index, post, Some(&mut builder), scratch);
                    (report, facts.expect("facts were asked for"))
                })
                .unzip()
        });
        Report::new(reports, Some(self.schedule_report(posts, &facts)))
    }

    /// Runs only the schedule rules (the `schedule` part of [`Linter::lint_schedule`]), without
    /// building post reports: for callers that lint posts one by one as they stream past.
    pub fn lint_schedule_only(&self, posts: &[Post]) -> ScheduleReport {
        let mut builder = FactsBuilder::new(self.dedup_options.clone());
        let facts: Vec<PostFacts> = with_scratch(|scratch| {
            posts
                .iter()
                .map(|post| {
                    // Folded and searched only if the classifier asks.
                    let Scratch {
                        entities,
                        folded,
                        phrases,
                    } = &mut *scratch;
                    text::extract_into(&post.text, entities);
                    let promotion = self.classifier.classify(post, entities, || {
                        folded.refold(&post.text);
                        self.classifier_phrases.find_into(folded, phrases);
                        phrases
                    });
                    builder.facts(post, entities, promotion.promotional)
                })
                .collect()
        });
        self.schedule_report(posts, &facts)
    }

    fn schedule_report(&self, posts: &[Post], facts: &[PostFacts]) -> ScheduleReport {
        let schedule = Schedule::new(posts, facts, self.dedup_options.clone());
        let mut diagnostics = Vec::new();
        let mut findings = Vec::new();
        for active in &self.schedule_rules {
            active.rule.check(&schedule, &mut findings);
            diagnostics.extend(findings.drain(..).map(|finding| ScheduleDiagnostic {
                rule: active.name,
                severity: active.severity.unwrap_or(finding.severity),
                message: finding.message,
                help: finding.help,
                posts: finding.posts,
                window: finding.window.map(|(from, to)| Window {
                    from: from.to_string(),
                    to: to.to_string(),
                }),
            }));
        }
        let mut notes = Vec::new();
        let skipped: Vec<&str> = self
            .schedule_rules
            .iter()
            .map(|active| active.name)
            .filter(|name| TIME_RULES.contains(name))
            .collect();
        let untimed = schedule.untimed();
        if !untimed.is_empty() && !skipped.is_empty() {
            let count = untimed.len();
            let posts = if count == 1 {
                "1 post has".to_string()
            } else {
                format!("{count} posts have")
            };
            notes.push(Note {
                message: format!("{posts} no time; {} skipped them", skipped.join(", ")),
                posts: untimed,
            });
        }
        let stats = stats::compute(&schedule);
        ScheduleReport {
            diagnostics,
            notes,
            stats,
        }
    }
}

/// Turns a rule's finding into a reported diagnostic: configured severity, spans in all units
/// (through the post's unit index, so many findings on a long post stay linear).
fn to_diagnostic(active: &ActiveRule<dyn PostRule>, finding: Finding, units: &UnitIndex<'_>) -> Diagnostic {
    Diagnostic {
        rule: active.name,
        severity: active.severity.unwrap_or(finding.severity),
        message: finding.message,
        help: finding.help,
        span: finding.span.map(|span| units.units(span)),
        fix: finding.fix.map(|fix| FixReport {
            edits: fix
                .edits
                .into_iter()
                .map(|edit| EditReport {
                    span: units.units(edit.span),
                    replace: edit.replace,
                })
                .collect(),
            safe: fix.safe,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Network;

    #[test]
    fn schedule_only_equals_the_schedule_part_of_lint_schedule() {
        let schedule: Vec<Post> = (0..8)
            .map(|n| {
                let text = if n % 2 == 0 {
                    "Buy now: 20% off our plan https://acme.com"
                } else {
                    "Our week"
                };
                let value = serde_json::json!({
                    "text": text, "account": "acme", "network": "x",
                    "at": format!("2026-11-{:02}T09:00:00Z", n + 1),
                });
                Post::from_json_value(value).unwrap()
            })
            .collect();
        let linter = Linter::default();
        let full = linter.lint_schedule(&schedule);
        let only = linter.lint_schedule_only(&schedule);
        assert!(!only.diagnostics.is_empty());
        assert_eq!(full.schedule.as_ref(), Some(&only));
    }

    #[test]
    fn posts_linted_in_turn_get_what_each_gets_alone() {
        // Posts whose entities and folded text differ in kind, so buffers left over from the
        // post before would show.
        let texts = [
            "ＦＲＥＥ followers!!! DM me #f4f #follow @a @b @c @d @e https://bit.ly/x",
            "A quiet note.",
            "Buy now: 20% off our plan https://acme.com #sale",
            "",
            "Café ｓｐａｍ #caféexample.com $ACME",
        ];
        let posts: Vec<Post> = texts.iter().map(|text| Post::new(*text)).collect();
        let linter = Linter::default();
        let alone: Vec<PostReport> = posts
            .iter()
            .enumerate()
            .map(|(index, post)| {
                // A thread of its own for each post: fresh buffers.
                std::thread::scope(|scope| scope.spawn(|| linter.lint_post_at(index, post)).join().unwrap())
            })
            .collect();
        assert!(alone.iter().any(|report| !report.diagnostics.is_empty()));
        let twice: Vec<Post> = posts.iter().chain(&posts).cloned().collect();
        let together = linter.lint_posts(&twice).posts;
        assert_eq!(together[..posts.len()], alone[..]);
        for (second, first) in together[posts.len()..].iter().zip(&alone) {
            assert_eq!(second.diagnostics, first.diagnostics);
        }
    }

    /// The bytes this thread's scratch buffers hold room for.
    fn kept_scratch_bytes() -> usize {
        let scratch = SCRATCH.take();
        let bytes = scratch.capacity_bytes();
        SCRATCH.set(scratch);
        bytes
    }

    #[test]
    fn a_thread_keeps_its_scratch_buffers_unless_a_post_made_them_huge() {
        let linter = Linter::default();
        linter.lint_post(&Post::new("A post #with a tag"));
        let small = kept_scratch_bytes();
        assert!(small > 0);
        // Over the limit through its folded text; then through its mention list alone (each
        // mention takes more room in the list than its 3 bytes in the text).
        linter.lint_post(&Post::new("x".repeat(SCRATCH_KEPT_BYTES + 1)));
        assert_eq!(kept_scratch_bytes(), 0);
        linter.lint_post(&Post::new("A post #with a tag"));
        assert_eq!(kept_scratch_bytes(), small);
        linter.lint_post(&Post::new("@a ".repeat(SCRATCH_KEPT_BYTES / 8)));
        assert_eq!(kept_scratch_bytes(), 0);
    }

    #[test]
    fn allow_and_severity_settings_apply() {
        let post = Post::new("Tags #a #b #c #d #e #f").with_network(Network::X);
        let linter = Linter::default();
        assert_eq!(linter.lint_post(&post).diagnostics[0].severity, Severity::Error);

        let allowed = Post {
            allow: vec!["hashtag-stuffing".into()],
            ..post.clone()
        };
        assert!(linter.lint_post(&allowed).diagnostics.is_empty());

        let config = Config::from_json(r#"{"rules": {"hashtag-stuffing": {"severity": "info"}}}"#).unwrap();
        let report = Linter::new(&config).unwrap().lint_post(&post);
        assert_eq!(report.diagnostics[0].severity, Severity::Info);
        assert_eq!(report.score, 100);

        let config = Config::from_json(r#"{"rules": {"hashtag-stuffing": {"severity": "off"}}}"#).unwrap();
        assert!(Linter::new(&config).unwrap().lint_post(&post).diagnostics.is_empty());
    }
}
