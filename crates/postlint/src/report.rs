//! The report: what the linter found, in the shape every front end serializes (version 1).

use serde::Serialize;

use crate::config::Scoring;
use crate::diagnostic::Severity;
use crate::network::Network;
use crate::schedule::stats::ScheduleStats;
use crate::span::SpanUnits;

/// The report format version.
pub const REPORT_VERSION: u32 = 1;

/// The findings for a list of posts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Always [`REPORT_VERSION`].
    pub version: u32,
    /// One entry per input post, in input order.
    pub posts: Vec<PostReport>,
    /// Schedule findings and figures, when the posts were linted as a schedule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<ScheduleReport>,
    /// Counts (post and schedule findings) and the overall score.
    pub summary: Summary,
}

impl Report {
    /// Builds a report, computing the summary.
    pub fn new(posts: Vec<PostReport>, schedule: Option<ScheduleReport>) -> Self {
        let mut tally = Tally::default();
        posts.iter().for_each(|post| tally.add_post(post));
        if let Some(schedule) = &schedule {
            tally.add_schedule(schedule);
        }
        Self {
            version: REPORT_VERSION,
            posts,
            schedule,
            summary: tally.summary(),
        }
    }
}

/// Running totals of a [`Summary`], for reports written piece by piece (streaming).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    posts: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    score_total: u64,
}

impl Tally {
    /// Counts a post and its findings.
    pub fn add_post(&mut self, post: &PostReport) {
        self.posts += 1;
        self.score_total += u64::from(post.score);
        post.diagnostics.iter().for_each(|d| self.count(d.severity));
    }

    /// Counts the schedule findings.
    pub fn add_schedule(&mut self, schedule: &ScheduleReport) {
        schedule.diagnostics.iter().for_each(|d| self.count(d.severity));
    }

    fn count(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
            Severity::Off => {}
        }
    }

    /// The summary so far; the score is the rounded mean of the post scores (100 for no posts).
    pub fn summary(&self) -> Summary {
        let count = self.posts as u64;
        Summary {
            posts: self.posts,
            errors: self.errors,
            warnings: self.warnings,
            infos: self.infos,
            score: (self.score_total + count / 2)
                .checked_div(count)
                .map_or(100, |mean| mean as u32),
        }
    }
}

/// What the schedule rules found, and figures about the schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleReport {
    /// Schedule findings, in rule order.
    pub diagnostics: Vec<ScheduleDiagnostic>,
    /// Things the rules could not judge, such as posts without a time.
    pub notes: Vec<Note>,
    /// Per-account counts, promotion ratio, duplicates and cadence.
    pub stats: ScheduleStats,
}

/// One schedule finding, as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScheduleDiagnostic {
    /// The rule's kebab-case name.
    pub rule: &'static str,
    /// `info`, `warning` or `error`.
    pub severity: Severity,
    /// What is wrong, specifically.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// The posts involved, by input index.
    pub posts: Vec<usize>,
    /// When it happens, when the posts have times.
    pub window: Option<Window>,
}

/// A time range, as RFC 3339 times in each post's own offset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Window {
    /// The earliest post involved.
    pub from: String,
    /// The latest post involved.
    pub to: String,
}

/// Something the schedule rules skipped, and which posts it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// What was skipped and why.
    pub message: String,
    /// The posts concerned.
    pub posts: Vec<usize>,
}

/// Totals over a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Number of posts.
    pub posts: usize,
    /// Number of error diagnostics.
    pub errors: usize,
    /// Number of warning diagnostics.
    pub warnings: usize,
    /// Number of info diagnostics.
    pub infos: usize,
    /// Mean post score, rounded (100 when there are no posts).
    pub score: u32,
}

/// The findings for one post.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostReport {
    /// Position of the post in the input.
    pub index: usize,
    /// The post's `id`, if it had one.
    pub id: Option<String>,
    /// The post's network.
    pub network: Network,
    /// 0-100; 100 = clean. See [`Scoring`].
    pub score: u32,
    /// `clean`, `needs-work` or `spam`.
    pub verdict: Verdict,
    /// Whether the post is promotional (the user's label, or the `self-promotion` classifier).
    pub promotional: bool,
    /// Why the post counts as promotional (empty when it does not).
    pub promotional_reasons: Vec<String>,
    /// The post's length, counted the network's way.
    pub length: Length,
    /// What the rules found, in rule order.
    pub diagnostics: Vec<Diagnostic>,
}

/// A post's length and its network's limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Length {
    /// Length in the network's unit (X: weighted length; Bluesky: graphemes; ...).
    pub used: usize,
    /// The network's limit; `null` for `generic`.
    pub limit: Option<usize>,
}

/// The overall judgement of a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// No warnings or errors.
    Clean,
    /// Has warnings or errors, but scores at least `spam-below`.
    NeedsWork,
    /// Scores below `spam-below`.
    Spam,
}

impl Verdict {
    /// The kebab-case name used in reports.
    pub const fn name(self) -> &'static str {
        match self {
            Verdict::Clean => "clean",
            Verdict::NeedsWork => "needs-work",
            Verdict::Spam => "spam",
        }
    }
}

/// Scores a post's diagnostics: see [`Scoring`] for the formula.
pub fn score(diagnostics: &[Diagnostic], scoring: &Scoring) -> (u32, Verdict) {
    let mut penalty: u32 = 0;
    let mut serious = false;
    for diagnostic in diagnostics {
        penalty = penalty.saturating_add(match diagnostic.severity {
            Severity::Error => scoring.error,
            Severity::Warning => scoring.warning,
            Severity::Info => scoring.info,
            Severity::Off => 0,
        });
        serious |= diagnostic.severity >= Severity::Warning;
    }
    let score = 100u32.saturating_sub(penalty);
    let verdict = if !serious {
        Verdict::Clean
    } else if score < scoring.spam_below {
        Verdict::Spam
    } else {
        Verdict::NeedsWork
    };
    (score, verdict)
}

/// One finding, as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule's kebab-case name.
    pub rule: &'static str,
    /// `info`, `warning` or `error`.
    pub severity: Severity,
    /// What is wrong, specifically.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// Where in the text, in bytes, chars and UTF-16 units.
    pub span: Option<SpanUnits>,
    /// A proposed change to the text.
    pub fix: Option<FixReport>,
}

/// A proposed change to a post's text, as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FixReport {
    /// Non-overlapping edits in text order.
    pub edits: Vec<EditReport>,
    /// Whether the fix keeps the post's meaning.
    pub safe: bool,
}

/// One replacement, as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EditReport {
    /// The replaced range.
    pub span: SpanUnits,
    /// The new text.
    pub replace: String,
}

impl FixReport {
    /// Applies the fix to the text it was computed for.
    pub fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut cursor = 0;
        for edit in &self.edits {
            let [start, end] = edit.span.byte;
            out.push_str(&text[cursor..start]);
            out.push_str(&edit.replace);
            cursor = end;
        }
        out.push_str(&text[cursor..]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostic(severity: Severity) -> Diagnostic {
        Diagnostic {
            rule: "hashtag-stuffing",
            severity,
            message: String::new(),
            help: None,
            span: None,
            fix: None,
        }
    }

    #[test]
    fn scoring_follows_the_documented_formula() {
        let scoring = Scoring::default();
        assert_eq!(score(&[], &scoring), (100, Verdict::Clean));
        assert_eq!(score(&[diagnostic(Severity::Info)], &scoring), (100, Verdict::Clean));
        assert_eq!(
            score(&[diagnostic(Severity::Warning)], &scoring),
            (70, Verdict::NeedsWork)
        );
        assert_eq!(
            score(&[diagnostic(Severity::Error)], &scoring),
            (60, Verdict::NeedsWork)
        );
        let both = [diagnostic(Severity::Error), diagnostic(Severity::Warning)];
        assert_eq!(score(&both, &scoring), (30, Verdict::Spam));
        let many = vec![diagnostic(Severity::Error); 5];
        assert_eq!(score(&many, &scoring), (0, Verdict::Spam));
    }

    #[test]
    fn summary_counts_and_averages() {
        let post = |score, severities: &[Severity]| PostReport {
            index: 0,
            id: None,
            network: Network::X,
            score,
            verdict: Verdict::Clean,
            promotional: false,
            promotional_reasons: Vec::new(),
            length: Length {
                used: 0,
                limit: Some(280),
            },
            diagnostics: severities.iter().map(|&s| diagnostic(s)).collect(),
        };
        let report = Report::new(
            vec![
                post(100, &[Severity::Info]),
                post(70, &[Severity::Warning]),
                post(60, &[Severity::Error]),
            ],
            None,
        );
        assert_eq!(
            report.summary,
            Summary {
                posts: 3,
                errors: 1,
                warnings: 1,
                infos: 1,
                score: 77
            }
        );
        assert_eq!(Report::new(vec![], None).summary.score, 100);
    }
}

/// The entities of a text and its X length, as `postlint entities` and the bindings report them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntitiesReport {
    /// Hashtags; `text` is the tag without `#`.
    pub hashtags: Vec<EntityReport>,
    /// Mentions and lists; `text` is the screen name without `@`.
    pub mentions: Vec<EntityReport>,
    /// Cashtags; `text` is the symbol without `$`.
    pub cashtags: Vec<EntityReport>,
    /// URLs; `text` is the URL as written.
    pub urls: Vec<EntityReport>,
    /// X's weighted length (v3: URLs 23, emoji 2, CJK 2).
    pub weighted_length: usize,
    /// Whether the text is a valid X post (not empty, within 280 weighted).
    pub valid: bool,
}

/// One entity, as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityReport {
    /// The entity's value (see [`EntitiesReport`]).
    pub text: String,
    /// The whole entity, sigil included.
    pub span: SpanUnits,
    /// For a list mention (`@alice/friends`), the slug without `/`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_slug: Option<String>,
}

impl EntitiesReport {
    /// Extracts and measures `text`.
    pub fn new(text: &str) -> Self {
        use crate::text;
        let entities = text::extract(text);
        let units = crate::span::UnitIndex::new(text);
        let entity = |span: crate::span::Span, value: crate::span::Span| EntityReport {
            text: value.slice(text).to_string(),
            span: units.units(span),
            list_slug: None,
        };
        let length = text::weighted_length_with(text, &entities, &text::WeightedConfig::V3);
        Self {
            hashtags: entities.hashtags.iter().map(|tag| entity(tag.span, tag.tag)).collect(),
            mentions: entities
                .mentions
                .iter()
                .map(|mention| EntityReport {
                    list_slug: mention
                        .list_slug
                        .map(|slug| slug.slice(text).trim_start_matches('/').to_string()),
                    ..entity(mention.span, mention.screen_name)
                })
                .collect(),
            cashtags: entities
                .cashtags
                .iter()
                .map(|cashtag| entity(cashtag.span, cashtag.symbol))
                .collect(),
            urls: entities.urls.iter().map(|url| entity(url.span, url.span)).collect(),
            weighted_length: length.weighted_length,
            valid: length.valid,
        }
    }
}
