//! `punctuation-flood`: runs of exclamation and question marks.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::lanes::{self, LANES};
use crate::rules::options;
use crate::rules::{BuildContext, PostContext, PostRule, RuleInfo, RuleKind};
use crate::span::Span;

/// The registry entry.
pub const RULE: RuleInfo = RuleInfo {
    name: "punctuation-flood",
    summary: "runs of 4 or more ! and ? (!!!!, ????, !?!?)",
    default_severity: Severity::Warning,
    doc: DOC,
    default_options: || options::to_value(&Options::default()),
    kind: RuleKind::Post(build),
};

const DOC: &str = r#"# punctuation-flood

## What it does
Flags runs of more than 3 exclamation or question marks (`!!!!`, `????`, `!?!?`), including
full-width `！？` and the `‼ ⁉ ⁈ ⁇` forms. Marks inside URLs do not count.

## Why is this bad?
Piles of punctuation read as shouting or as clickbait and are a common spam-filter signal.

## Example
```text
You won't believe this!!!!!
```
Use instead:
```text
You won't believe this!
```

## Options
- `max-run` (default 3): the longest run allowed, in marks (`‼` counts 2).

The fix (safe) shortens each run to one mark, or `?!` when the run mixes both.
"#;

#[derive(Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    max_run: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self { max_run: 3 }
    }
}

#[derive(Debug)]
struct PunctuationFlood(Options);

fn build(options: &Map<String, Value>, _context: &mut BuildContext<'_>) -> Result<Box<dyn PostRule>, String> {
    Ok(Box::new(PunctuationFlood(options::parse(options)?)))
}

/// How many `!` and `?` a char stands for.
fn marks(ch: char) -> Option<(usize, usize)> {
    match ch {
        '!' | '！' | '❗' | '❕' => Some((1, 0)),
        '?' | '？' | '❓' | '❔' => Some((0, 1)),
        '‼' => Some((2, 0)),
        '⁇' => Some((0, 2)),
        '⁉' | '⁈' => Some((1, 1)),
        _ => None,
    }
}

/// The longest run of marks anywhere in `text`, entities included (an upper bound for prose).
/// Runs are read from the bytes that may start a mark: `!`, `?` and the lead bytes of the
/// non-ASCII marks (`0xE2`, `0xEF`), found [`LANES`] bytes at a time.
fn longest_run(text: &str) -> usize {
    let mut longest = 0;
    // Where the last run read ends: starts before it were part of it.
    let mut read_to = 0;
    // Zero padding starts no mark.
    lanes::for_each_block(text.as_bytes(), 0, |at, block: &[u8; LANES], _| {
        let bytes = lanes::load(block);
        let mut starts = lanes::high_bits(
            lanes::equal(bytes, b'!')
                | lanes::equal(bytes, b'?')
                | lanes::equal(bytes, 0xE2)
                | lanes::equal(bytes, 0xEF),
        );
        while starts != 0 {
            let start = at + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            if start < read_to {
                continue;
            }
            let (mut run, mut end) = (0, start);
            while let Some((marks, width)) = marks_at(text, end) {
                run += marks;
                end += width;
            }
            longest = longest.max(run);
            read_to = end;
        }
    });
    longest
}

/// How many marks the char at `at` stands for, and its width, when it is a mark.
fn marks_at(text: &str, at: usize) -> Option<(usize, usize)> {
    match *text.as_bytes().get(at)? {
        b'!' | b'?' => Some((1, 1)),
        0xE2 | 0xEF => {
            let ch = text[at..].chars().next().expect("a lead byte starts a char");
            marks(ch).map(|(bangs, questions)| (bangs + questions, ch.len_utf8()))
        }
        _ => None,
    }
}

impl PostRule for PunctuationFlood {
    fn check(&self, post: &PostContext<'_>, findings: &mut Vec<Finding>) {
        // Runs in prose are runs of the whole text too: most posts stop here.
        if longest_run(post.text) <= self.0.max_run {
            return;
        }
        let mut runs: Vec<(Span, usize, bool)> = Vec::new();
        for (offset, piece) in post.prose() {
            let mut run: Option<(Span, usize, usize)> = None;
            for (at, ch) in piece.char_indices().chain([(piece.len(), ' ')]) {
                match (marks(ch), run.as_mut()) {
                    (Some((bangs, questions)), Some((span, b, q))) => {
                        span.end = offset + at + ch.len_utf8();
                        *b += bangs;
                        *q += questions;
                    }
                    (Some((bangs, questions)), None) => {
                        run = Some((Span::new(offset + at, offset + at + ch.len_utf8()), bangs, questions));
                    }
                    (None, _) => {
                        if let Some((span, bangs, questions)) = run.take()
                            && bangs + questions > self.0.max_run
                        {
                            runs.push((span, bangs + questions, bangs > 0 && questions > 0));
                        }
                    }
                }
            }
        }
        let Some(&(first, length, _)) = runs.first() else {
            return;
        };
        let message = match runs.len() {
            1 => format!("{length} exclamation or question marks in a row"),
            count => format!("{count} runs of exclamation or question marks (the first has {length})"),
        };
        let edits = runs
            .iter()
            .map(|&(span, _, mixed)| {
                let text = span.slice(post.text);
                let replace = if mixed {
                    "?!".to_string()
                } else {
                    text.chars().next().map(String::from).unwrap_or_default()
                };
                Edit { span, replace }
            })
            .collect();
        findings.push(
            Finding::new(Severity::Warning, message)
                .help("one mark is enough; let the words carry the excitement")
                .span(first)
                .fix(Fix { edits, safe: true }),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_run_jumps_to_what_a_char_by_char_count_finds() {
        let reference = |text: &str| {
            let (mut longest, mut run) = (0, 0);
            for ch in text.chars() {
                run = marks(ch).map_or(0, |(bangs, questions)| run + bangs + questions);
                longest = longest.max(run);
            }
            longest
        };
        let pieces = [
            "!", "?", "a", " ", "！", "？", "‼", "⁉", "’", "…", "ｆ", "😀", "❗", "⁇",
        ];
        let mut random = crate::testing::Xorshift::new(0x0B4A_0000_0000_0021);
        for round in 0..10_000 {
            // Short texts, and texts of a few blocks, whose runs cross blocks.
            let text = random.text(&pieces, [20, 60][round % 2]);
            assert_eq!(longest_run(&text), reference(&text), "{text:?}");
        }
    }
}
