//! Case-insensitive phrase dictionaries matched on word boundaries over folded text.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, Input, MatchKind};

use crate::fold::{Folded, ends_on_word_boundary, is_word_char, starts_on_word_boundary};
use crate::span::Span;

/// A compiled set of phrases.
#[derive(Debug, Clone)]
pub struct PhraseSet {
    phrases: Vec<String>,
    automaton: Matcher,
}

/// The most phrases compiled to a DFA; more make a contiguous NFA.
const DFA_MAX_PHRASES: usize = 100;

/// An aho-corasick automaton, named here rather than left to `AhoCorasick` so that only these
/// two are linked (the WebAssembly build is about 9 KB gzipped smaller for it): a DFA for small
/// sets, the built-in ones among them (10% faster than the NFA in WebAssembly, which has no
/// SIMD prefilter), and a contiguous NFA for big user lists (20k phrases: 31 MB and 0.1-0.3 s to
/// build, where a DFA takes 110 MB and 0.5 s) or when a DFA cannot be built. A set too big for
/// the contiguous NFA too is a config error.
#[derive(Debug, Clone)]
enum Matcher {
    Dfa(DFA),
    Nfa(NFA),
}

/// One phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the phrase in the set.
    pub phrase: usize,
    /// Where it is, in the original text.
    pub span: Span,
}

impl PhraseSet {
    /// Compiles `phrases`; each is folded (NFKC, lowercase) and its whitespace collapsed.
    pub fn new<S: AsRef<str>>(phrases: &[S]) -> Result<Self, String> {
        let phrases: Vec<String> = phrases
            .iter()
            .map(|phrase| {
                Folded::new(phrase.as_ref())
                    .text
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        if let Some(index) = phrases.iter().position(String::is_empty) {
            return Err(format!("phrase {} is empty", index + 1));
        }
        let dfa = (phrases.len() <= DFA_MAX_PHRASES)
            .then(|| {
                DFA::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&phrases)
                    .ok()
            })
            .flatten();
        let automaton = match dfa {
            Some(dfa) => Matcher::Dfa(dfa),
            None => NFA::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&phrases)
                .map(Matcher::Nfa)
                .map_err(|err| format!("cannot compile phrases: {err}"))?,
        };
        Ok(Self { phrases, automaton })
    }

    /// The folded phrase at `index`.
    pub fn phrase(&self, index: usize) -> &str {
        &self.phrases[index]
    }

    /// Finds the phrases in an already folded text that sit on word boundaries: from left to
    /// right, at each place a phrase can start, the longest phrase there that also ends on a
    /// boundary; the search goes on after it.
    pub fn find_in(&self, folded: &Folded) -> Vec<PhraseMatch> {
        match &self.automaton {
            Matcher::Dfa(dfa) => self.find(dfa, folded),
            Matcher::Nfa(nfa) => self.find(nfa, folded),
        }
    }

    fn find(&self, automaton: &impl Automaton, folded: &Folded) -> Vec<PhraseMatch> {
        let text = folded.text.as_str();
        let mut found = Vec::new();
        let mut from = 0;
        while from < text.len() {
            // The leftmost place at or after `from` where any phrase matches, boundaries aside.
            let Some(leftmost) = automaton
                .try_find(&Input::new(text).span(from..text.len()))
                .expect("an unanchored leftmost search is supported")
            else {
                break;
            };
            let at = leftmost.start();
            if !starts_on_word_boundary(text, at) {
                // Inside a word: no phrase starts before the word ends.
                from = word_end(text, at);
                continue;
            }
            // Usually on boundaries, and then the longest phrase there; otherwise a shorter
            // phrase there may be, or none.
            let longest = if ends_on_word_boundary(text, leftmost.end()) {
                Some((leftmost.pattern().as_usize(), leftmost.end()))
            } else {
                longest_at(automaton, text, at)
            };
            match longest {
                Some((phrase, end)) => {
                    found.push(PhraseMatch {
                        phrase,
                        span: folded.original(Span::new(at, end)),
                    });
                    from = end;
                }
                None => from = at + text[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
        found
    }
}

/// The end of the run of word chars at byte `at`.
fn word_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, ch)| !is_word_char(ch))
        .map_or(text.len(), |(offset, _)| at + offset)
}

/// The longest phrase that starts at `at` and ends on a word boundary, and its end; `at` is
/// where the leftmost-longest search found a phrase. The unanchored automaton walked from
/// there follows the phrases that start there (a leftmost automaton, once it has seen a match,
/// goes on only along longer ones), so no anchored automaton needs building.
fn longest_at(automaton: &impl Automaton, text: &str, at: usize) -> Option<(usize, usize)> {
    let end = text.len().min(at + automaton.max_pattern_len());
    let mut state = automaton
        .start_state(Anchored::No)
        .expect("phrase automata are built for unanchored searches");
    let mut longest = None;
    for (offset, &byte) in text.as_bytes()[at..end].iter().enumerate() {
        state = automaton.next_state(Anchored::No, state, byte);
        if !automaton.is_special(state) {
            continue;
        }
        if automaton.is_dead(state) {
            break;
        }
        if !automaton.is_match(state) {
            continue;
        }
        let end = at + offset + 1;
        // Called where a phrase starts, the walk stays on phrases that start there; the length
        // check makes sure of it.
        let phrase = (0..automaton.match_len(state))
            .map(|index| automaton.match_pattern(state, index))
            .filter(|&phrase| automaton.pattern_len(phrase) == end - at)
            .min();
        if let Some(phrase) = phrase
            && ends_on_word_boundary(text, end)
        {
            longest = Some((phrase.as_usize(), end));
        }
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::on_word_boundaries;

    #[test]
    fn matches_folded_phrases_on_word_boundaries() {
        let set = PhraseSet::new(&["follow for follow", "F4F", "% off"]).unwrap();
        let text = "Ｆ４Ｆ and Follow  for follow! 20% off, but not f4fun";
        let found = set.find_in(&Folded::new(text));
        let matched: Vec<&str> = found.iter().map(|m| m.span.slice(text)).collect();
        assert_eq!(matched, ["Ｆ４Ｆ", "Follow  for follow", "% off"]);
        assert_eq!(set.phrase(found[0].phrase), "f4f");
        assert!(PhraseSet::new(&["  "]).is_err());
    }

    #[test]
    fn a_phrase_off_word_boundaries_hides_no_phrase_on_them() {
        let set = PhraseSet::new(&["ab cd", "cd ef", "free", "free followers"]).unwrap();
        let text = "xab cd ef, free followersx";
        let found: Vec<&str> = set
            .find_in(&Folded::new(text))
            .iter()
            .map(|m| m.span.slice(text))
            .collect();
        assert_eq!(found, ["cd ef", "free"]);
    }

    /// The leftmost-longest phrases on word boundaries, found by trying every phrase at every
    /// char of `text` (a text that folds to itself).
    fn reference(set: &PhraseSet, text: &str) -> Vec<PhraseMatch> {
        let mut found = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let longest = (0..set.phrases.len())
                .filter(|&index| text[at..].starts_with(set.phrase(index)))
                .map(|index| (index, Span::new(at, at + set.phrase(index).len())))
                .filter(|&(_, span)| on_word_boundaries(text, span))
                .min_by_key(|&(index, span)| (std::cmp::Reverse(span.end), index));
            match longest {
                Some((phrase, span)) => {
                    found.push(PhraseMatch { phrase, span });
                    at = span.end;
                }
                None => at += text[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
        found
    }

    #[test]
    fn finds_what_trying_every_phrase_everywhere_finds() {
        let pieces = ["a", "b", " ", "é", "_", "%", "-", "\u{301}"];
        let mut random = crate::testing::Xorshift::new(0x9E37_79B9_7F4A_7C15);
        let mut checked = 0;
        for _ in 0..3000 {
            // 1 to `most` pieces.
            let mut random_text = |most: usize| {
                let count = random.below(most) + 1;
                random.join(&pieces, count)
            };
            let phrases: Vec<String> = (0..4).map(|_| random_text(4)).collect();
            let text = random_text(24);
            let Ok(small) = PhraseSet::new(&phrases) else { continue };
            let folded = Folded::new(&text);
            if folded.text != text {
                continue;
            }
            let expected = reference(&small, &text);
            assert_eq!(small.find_in(&folded), expected, "{phrases:?} in {text:?}");
            // The same phrases first in a set big enough for the NFA.
            let mut many = phrases.clone();
            many.extend((0..DFA_MAX_PHRASES).map(|n| format!("filler {n}")));
            let big = PhraseSet::new(&many).unwrap();
            assert!(matches!(big.automaton, Matcher::Nfa(_)));
            assert_eq!(big.find_in(&folded), expected, "{phrases:?} in {text:?}");
            checked += 1;
        }
        assert!(checked > 1000, "{checked} texts checked");
    }

    #[test]
    fn big_sets_find_what_small_ones_find() {
        let small = ["follow for follow", "F4F", "% off", "follow"];
        let mut big: Vec<String> = small.iter().map(|phrase| phrase.to_string()).collect();
        big.extend((0..DFA_MAX_PHRASES).map(|n| format!("filler phrase {n}")));
        let (small, big) = (PhraseSet::new(&small).unwrap(), PhraseSet::new(&big).unwrap());
        assert!(matches!(small.automaton, Matcher::Dfa(_)));
        assert!(matches!(big.automaton, Matcher::Nfa(_)));
        let text = Folded::new("Ｆ４Ｆ and Follow  for follow! follow 20% off, filler phrase 7 f4fun");
        let found = big.find_in(&text);
        assert_eq!(small.find_in(&text), found[..4]);
        assert_eq!(big.phrase(found[4].phrase), "filler phrase 7");
        assert_eq!(found.len(), 5);
    }
}
