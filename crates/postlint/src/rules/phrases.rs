//! Case-insensitive phrase dictionaries matched on word boundaries over folded text.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Input, MatchKind};

use crate::fold::{Folded, on_word_boundaries};
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
/// the contiguous NFA too (`AhoCorasick` would try a third kind) is a config error.
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

    /// Finds the phrases in an already folded text, leftmost-longest, on word boundaries.
    pub fn find_in(&self, folded: &Folded) -> Vec<PhraseMatch> {
        if self.phrases.is_empty() {
            return Vec::new();
        }
        match &self.automaton {
            Matcher::Dfa(dfa) => find(dfa, folded),
            Matcher::Nfa(nfa) => find(nfa, folded),
        }
    }
}

/// The leftmost-longest matches of `automaton` in `folded` that sit on word boundaries.
fn find(automaton: &impl Automaton, folded: &Folded) -> Vec<PhraseMatch> {
    automaton
        .try_find_iter(Input::new(&folded.text))
        .expect("an unanchored leftmost search is supported")
        .map(|found| (found.pattern().as_usize(), Span::new(found.start(), found.end())))
        .filter(|(_, span)| on_word_boundaries(&folded.text, *span))
        .map(|(phrase, span)| PhraseMatch {
            phrase,
            span: folded.original(span),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
