//! Applying fixes: the text of a post after its fixes, re-linted until nothing is left to fix.

use std::collections::BTreeMap;

use crate::linter::Linter;
use crate::model::Post;
use crate::report::{EditReport, FixReport};

/// Rounds of fix-and-relint before giving up on fixes that keep producing new ones.
const MAX_ROUNDS: usize = 8;

/// A post's text after fixing, and what was fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    /// The text with every applicable fix applied (the original text when nothing applied).
    pub text: String,
    /// How many fixes each rule contributed, by rule name.
    pub applied: BTreeMap<&'static str, usize>,
}

impl Fixed {
    /// Whether any fix was applied.
    pub fn changed(&self) -> bool {
        !self.applied.is_empty()
    }
}

impl Linter {
    /// Applies the fixes of `post`: safe ones only, or all with `unsafe_fixes`. Fixes whose edits
    /// overlap an earlier fix wait for the next round; each round re-lints the new text, so
    /// fixes never stack on stale spans. Only rules that fired on the original text are fixed:
    /// a fix's own output (such as a #FF post split into one recommendation per account) is not
    /// rewritten again by other rules.
    pub fn fix_post(&self, post: &Post, unsafe_fixes: bool) -> Fixed {
        let mut current = post.clone();
        let mut applied = BTreeMap::new();
        let mut fired: Option<Vec<&'static str>> = None;
        for _ in 0..MAX_ROUNDS {
            let report = self.lint_post(&current);
            let fired = fired.get_or_insert_with(|| {
                let mut rules: Vec<&'static str> = report.diagnostics.iter().map(|d| d.rule).collect();
                rules.sort_unstable();
                rules.dedup();
                rules
            });
            let fixes = report
                .diagnostics
                .iter()
                .filter(|diagnostic| fired.binary_search(&diagnostic.rule).is_ok())
                .filter_map(|diagnostic| Some((diagnostic.rule, diagnostic.fix.as_ref()?)))
                .filter(|(_, fix)| fix.safe || unsafe_fixes);
            // The chosen edits by `(start, end)`: an edit is checked against its neighbours only,
            // so a round stays O(edits log edits) however many edits the fixes carry.
            let mut chosen: BTreeMap<[usize; 2], &EditReport> = BTreeMap::new();
            for (rule, fix) in fixes {
                let overlaps = fix.edits.iter().any(|edit| overlaps_any(&chosen, edit));
                if !overlaps && !fix.edits.is_empty() {
                    chosen.extend(fix.edits.iter().map(|edit| (edit.span.byte, edit)));
                    *applied.entry(rule).or_insert(0) += 1;
                }
            }
            if chosen.is_empty() {
                break;
            }
            let combined = FixReport {
                edits: chosen.into_values().cloned().collect(),
                safe: true,
            };
            current.text = combined.apply(&current.text);
        }
        Fixed {
            text: current.text,
            applied,
        }
    }
}

/// Whether `edit` overlaps an edit of `chosen` (edits that do not overlap each other, by
/// `(start, end)`): only the last one starting at or before it and the first one starting at or
/// after it can.
fn overlaps_any(chosen: &BTreeMap<[usize; 2], &EditReport>, edit: &EditReport) -> bool {
    let start = edit.span.byte[0];
    let before = chosen.range(..=[start, usize::MAX]).next_back();
    let after = chosen.range([start, 0]..).next();
    before.into_iter().chain(after).any(|(_, taken)| overlap(edit, taken))
}

/// Whether two edits touch the same bytes (two insertions at one point also conflict).
fn overlap(a: &EditReport, b: &EditReport) -> bool {
    let ([a_start, a_end], [b_start, b_end]) = (a.span.byte, b.span.byte);
    a_start < b_end && b_start < a_end || a_start == b_start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Network;

    fn rules_of(linter: &Linter, text: &str, network: Network) -> Vec<&'static str> {
        let report = linter.lint_post(&Post::new(text).with_network(network));
        report.diagnostics.iter().map(|d| d.rule).collect()
    }

    #[test]
    fn safe_fixes_only_unless_asked() {
        let linter = Linter::default();
        let post = Post::new("Wow!!!!!! #a #b #c #d #e #f").with_network(Network::X);
        let safe = linter.fix_post(&post, false);
        assert!(safe.applied.contains_key("punctuation-flood"), "{safe:?}");
        assert!(!safe.applied.contains_key("hashtag-stuffing"));
        assert!(!rules_of(&linter, &safe.text, Network::X).contains(&"punctuation-flood"));

        let all = linter.fix_post(&post, true);
        assert!(all.applied.contains_key("hashtag-stuffing"), "{all:?}");
        let left = rules_of(&linter, &all.text, Network::X);
        assert!(
            !left.contains(&"hashtag-stuffing") && !left.contains(&"punctuation-flood"),
            "{all:?}"
        );
    }

    #[test]
    fn a_fix_output_is_not_rewritten_by_rules_that_did_not_fire_before() {
        let linter = Linter::default();
        let post = Post::new("#FF #FollowFriday @ann @bob @cat @dan @eve @fay").with_network(Network::X);
        let fixed = linter.fix_post(&post, true);
        assert_eq!(
            fixed.applied.keys().copied().collect::<Vec<_>>(),
            ["crowded-followfriday"]
        );
        assert_eq!(fixed.text.matches("#FF @").count(), 6, "{}", fixed.text);
        assert!(fixed.text.contains("#FF @fay: <why you recommend them>"));
    }

    #[test]
    fn nothing_to_fix_keeps_the_text() {
        let post = Post::new("A calm, ordinary update about our week.");
        let fixed = Linter::default().fix_post(&post, true);
        assert!(!fixed.changed());
        assert_eq!(fixed.text, post.text);
    }

    #[test]
    fn many_fixes_with_many_edits_apply_together() {
        // Two fixes that each carry 10k edits, interleaved in the text.
        let text = "Wow!!!! #nowplaying #nowplaying ".repeat(5_000);
        let post = Post::new(text.as_str()).with_network(Network::Linkedin);
        let fixed = Linter::default().fix_post(&post, false);
        assert_eq!(fixed.text, "Wow! #NowPlaying #NowPlaying ".repeat(5_000));
        let applied: Vec<_> = fixed.applied.into_iter().collect();
        assert_eq!(applied, [("hashtag-camelcase", 1), ("punctuation-flood", 1)]);
    }

    #[test]
    fn overlap_is_found_among_many_chosen_edits() {
        let text = "0123456789";
        let edit = |start, end| EditReport {
            span: crate::span::Span::new(start, end).to_units(text),
            replace: String::new(),
        };
        let chosen_edits = [edit(0, 2), edit(4, 4), edit(5, 7), edit(9, 10)];
        let chosen: BTreeMap<[usize; 2], &EditReport> =
            chosen_edits.iter().map(|edit| (edit.span.byte, edit)).collect();
        for (start, end, expected) in [
            (1, 1, true),
            (2, 4, false),
            (2, 5, true),
            (4, 4, true),
            (3, 9, true),
            (7, 9, false),
            (6, 6, true),
            (8, 10, true),
        ] {
            assert_eq!(overlaps_any(&chosen, &edit(start, end)), expected, "{start}..{end}");
        }
    }

    #[test]
    fn overlapping_edits_conflict() {
        let edit = |start, end| EditReport {
            span: crate::span::Span::new(start, end).to_units("0123456789"),
            replace: String::new(),
        };
        assert!(overlap(&edit(1, 4), &edit(3, 6)));
        assert!(overlap(&edit(2, 2), &edit(2, 2)));
        assert!(!overlap(&edit(1, 3), &edit(3, 6)));
    }
}
