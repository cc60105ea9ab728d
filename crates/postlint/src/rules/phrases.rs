//! Case-insensitive phrase dictionaries matched on word boundaries over folded text.
//!
//! A phrase starts where a word starts, or at a char that is not part of a word (the `%` of
//! `% off`). The search finds those places sixteen bytes at a time (SIMD where the target has
//! it), keeps the ones whose first two bytes open some phrase (a 64 Kbit table), and walks an
//! anchored aho-corasick automaton from each for the longest phrase there. Most posts hold no
//! phrase: a table lookup per word decides it, where an unanchored search (with its Teddy
//! prefilter) verified the candidates of every common prefix. Walks that run long (a long phrase
//! whose start matches word after word) hand the rest of the text to the unanchored automaton,
//! so the search stays linear.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use std::sync::OnceLock;

use wide::u8x16;

use crate::fold::{Folded, ends_on_word_boundary, is_ascii_word_byte, is_word_char, starts_on_word_boundary};
use crate::lanes::{self, LANES};
use crate::span::Span;

/// A compiled set of phrases.
#[derive(Debug, Clone)]
pub struct PhraseSet {
    phrases: Vec<String>,
    starts: StartBytes,
    openings: Openings,
    automaton: Matcher,
    /// For a DFA set, the unanchored automaton of its phrases, built the first time a text makes
    /// the walks run long (`None` if it cannot be built); an NFA set searches its own NFA.
    unanchored: OnceLock<Option<NFA>>,
}

/// The bytes that walks from possible starts may take per byte of text, plus
/// [`WALK_ALLOWANCE`], before the search goes on with the unanchored automaton, which is linear
/// in the text. A long phrase that keeps matching from place after place (`a a a ... b` over
/// `a a a a ...`) would otherwise cost the text's length times the phrase's; posts walk about
/// one byte in four.
const WALK_BYTES_PER_BYTE: usize = 4;

/// See [`WALK_BYTES_PER_BYTE`].
const WALK_ALLOWANCE: usize = 256;

/// The most phrases compiled to a DFA; more make a contiguous NFA.
const DFA_MAX_PHRASES: usize = 100;

/// An anchored aho-corasick automaton, named here rather than left to `AhoCorasick` so that
/// only these two are linked (the WebAssembly build is about 9 KB gzipped smaller for it): a
/// DFA for small sets, the built-in ones among them, and a contiguous NFA for big user lists
/// (20k phrases: 31 MB and 0.1-0.3 s to build, where a DFA takes 110 MB and 0.5 s) or when a
/// DFA cannot be built. A set too big for the contiguous NFA too is a config error.
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
                    .start_kind(StartKind::Anchored)
                    .prefilter(false)
                    .build(&phrases)
                    .ok()
            })
            .flatten();
        let automaton = match dfa {
            Some(dfa) => Matcher::Dfa(dfa),
            None => NFA::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .prefilter(false)
                .build(&phrases)
                .map(Matcher::Nfa)
                .map_err(|err| format!("cannot compile phrases: {err}"))?,
        };
        Ok(Self {
            starts: StartBytes::new(&phrases),
            openings: Openings::new(&phrases),
            phrases,
            automaton,
            unanchored: OnceLock::new(),
        })
    }

    /// The folded phrase at `index`.
    pub fn phrase(&self, index: usize) -> &str {
        &self.phrases[index]
    }

    /// Finds the phrases in an already folded text that sit on word boundaries: from left to
    /// right, at each place a phrase can start, the longest phrase there that also ends on a
    /// boundary; the search goes on after it.
    pub fn find_in(&self, folded: &Folded) -> Vec<PhraseMatch> {
        self.find_with_budget(folded, WALK_BYTES_PER_BYTE * folded.text.len() + WALK_ALLOWANCE)
    }

    /// [`PhraseSet::find_in`], walking at most `budget` bytes from possible starts.
    fn find_with_budget(&self, folded: &Folded, budget: usize) -> Vec<PhraseMatch> {
        let mut found = Vec::new();
        let stopped = match &self.automaton {
            Matcher::Dfa(dfa) => self.find_from_starts(dfa, folded, 0, budget, &mut found),
            Matcher::Nfa(nfa) => self.find_from_starts(nfa, folded, 0, budget, &mut found),
        };
        if let Some(from) = stopped {
            match (&self.automaton, self.unanchored()) {
                (Matcher::Dfa(dfa), Some(unanchored)) => find_unanchored(unanchored, dfa, folded, from, &mut found),
                (Matcher::Nfa(nfa), _) => find_unanchored(nfa, nfa, folded, from, &mut found),
                // Without an unanchored automaton, the walks go on.
                (Matcher::Dfa(dfa), None) => {
                    self.find_from_starts(dfa, folded, from, usize::MAX, &mut found);
                }
            }
        }
        found
    }

    /// The unanchored automaton of a DFA set, built on first use.
    fn unanchored(&self) -> Option<&NFA> {
        self.unanchored
            .get_or_init(|| {
                NFA::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .prefilter(false)
                    .build(&self.phrases)
                    .ok()
            })
            .as_ref()
    }

    /// Finds the phrases from byte `from` on, from the places they may start, walking the
    /// anchored automaton from each, until the walks take more than `budget` bytes: then
    /// returns the place where the search must go on.
    fn find_from_starts(
        &self,
        automaton: &impl Automaton,
        folded: &Folded,
        mut from: usize,
        budget: usize,
        found: &mut Vec<PhraseMatch>,
    ) -> Option<usize> {
        let text = folded.text.as_str();
        let bytes = text.as_bytes();
        let mut walked = 0;
        let mut stopped = None;
        for_each_possible_start(bytes, &self.starts, |at| {
            // `may_open` first: it also makes sure `at` is a char boundary (a phrase's first
            // byte never continues a char).
            if at < from || !self.openings.may_open(bytes[at], bytes.get(at + 1).copied()) {
                return;
            }
            // Between two ASCII chars the possible start is a real one; around others, the
            // chars decide.
            let ascii = bytes[at].is_ascii() && (at == 0 || bytes[at - 1].is_ascii());
            if !ascii && !starts_on_word_boundary(text, at) {
                return;
            }
            if walked >= budget {
                // No place is searched after this one.
                stopped = Some(at);
                from = usize::MAX;
                return;
            }
            let (longest, length) = longest_at(automaton, text, at);
            walked += length;
            if let Some((phrase, end)) = longest {
                found.push(PhraseMatch {
                    phrase,
                    span: folded.original(Span::new(at, end)),
                });
                from = end;
            }
        });
        stopped
    }
}

/// Finds the phrases from byte `from` on with the leftmost-longest search of the `unanchored`
/// automaton, linear in the text: a match that starts inside a word resumes the search where
/// the word ends; one that ends inside a word is walked again on the `anchored` automaton for
/// a shorter phrase on a boundary.
fn find_unanchored(
    unanchored: &NFA,
    anchored: &impl Automaton,
    folded: &Folded,
    mut from: usize,
    found: &mut Vec<PhraseMatch>,
) {
    let text = folded.text.as_str();
    while from < text.len() {
        let Some((phrase, at, end)) = leftmost_longest(unanchored, text, from) else {
            break;
        };
        if !starts_on_word_boundary(text, at) {
            from = word_end(text, at);
            continue;
        }
        let longest = if ends_on_word_boundary(text, end) {
            Some((phrase, end))
        } else {
            longest_at(anchored, text, at).0
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
}

/// The leftmost-longest match of the unanchored `automaton` in `text` at or after byte `from`:
/// its phrase, start and end. (aho-corasick's own search loop, without its prefilter, whose
/// code would add 8 KB gzipped to the WebAssembly build for this fallback.)
fn leftmost_longest(automaton: &NFA, text: &str, from: usize) -> Option<(usize, usize, usize)> {
    let mut state = automaton
        .start_state(Anchored::No)
        .expect("the NFA supports unanchored searches");
    let mut found = None;
    for (at, &byte) in text.as_bytes().iter().enumerate().skip(from) {
        state = automaton.next_state(Anchored::No, state, byte);
        if automaton.is_dead(state) {
            break;
        }
        if automaton.is_match(state) {
            let phrase = automaton.match_pattern(state, 0);
            found = Some((phrase.as_usize(), at + 1 - automaton.pattern_len(phrase), at + 1));
        }
    }
    found
}

/// The end of the run of word chars at byte `at`.
fn word_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, ch)| !is_word_char(ch))
        .map_or(text.len(), |(offset, _)| at + offset)
}

/// The longest phrase that starts at `at` (a char boundary) and ends on a word boundary, and
/// its end, found by walking the anchored automaton from `at` until it dies; and the bytes
/// walked. (Inlined by force: a call per walk cost 2.5% more instructions in the post
/// lint.)
#[inline(always)]
fn longest_at(automaton: &impl Automaton, text: &str, at: usize) -> (Option<(usize, usize)>, usize) {
    let mut state = automaton
        .start_state(Anchored::Yes)
        .expect("phrase automata are built for anchored searches");
    let mut longest = None;
    let mut walked = 0;
    for &byte in &text.as_bytes()[at..] {
        walked += 1;
        state = automaton.next_state(Anchored::Yes, state, byte);
        if !automaton.is_special(state) {
            continue;
        }
        if automaton.is_dead(state) {
            break;
        }
        if !automaton.is_match(state) {
            continue;
        }
        let end = at + walked;
        // Of two phrases that fold alike, the first listed; the length check keeps to phrases
        // that start at `at`.
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
    (longest, walked)
}

/// The pairs of bytes that open a phrase (its first two bytes, or its one byte followed by
/// anything), as a bit set indexed by `first << 8 | second`: 8 KB per set.
#[derive(Debug, Clone)]
struct Openings(Box<[u64; 256 * 256 / 64]>);

impl Openings {
    fn new(phrases: &[String]) -> Self {
        let mut bits = Box::new([0u64; 256 * 256 / 64]);
        for phrase in phrases {
            let first = usize::from(phrase.as_bytes()[0]);
            let seconds = match phrase.as_bytes().get(1) {
                Some(&second) => second..=second,
                None => 0..=u8::MAX,
            };
            for second in seconds {
                let index = (first << 8) | usize::from(second);
                bits[index / 64] |= 1 << (index % 64);
            }
        }
        Self(bits)
    }

    /// Whether a phrase may start with `first` followed by `second` (`None` at the text's end).
    fn may_open(&self, first: u8, second: Option<u8>) -> bool {
        // At the end only one-byte phrases fit, and they open with every second byte.
        let index = (usize::from(first) << 8) | usize::from(second.unwrap_or(0));
        self.0[index / 64] & (1 << (index % 64)) != 0
    }
}

/// The first bytes of a set's phrases, as [`for_each_possible_start`] looks for them: word
/// starts for phrases that open with an ASCII word char, and the first bytes of the others
/// (the `%` of `% off`, the lead byte of a non-ASCII char).
#[derive(Debug, Clone)]
struct StartBytes {
    /// Whether a phrase opens with an ASCII word char.
    word_starts: bool,
    /// The other first bytes, or `None` for more than [`StartBytes::MOST_OTHERS`] of them
    /// (then every byte but ASCII word chars may start a phrase).
    others: Option<Vec<u8>>,
}

impl StartBytes {
    /// The most first bytes (other than ASCII word chars) looked for one by one.
    const MOST_OTHERS: usize = 4;

    fn new(phrases: &[String]) -> Self {
        let mut word_starts = false;
        let mut others = Vec::new();
        for phrase in phrases {
            let first = phrase.as_bytes()[0];
            if is_ascii_word_byte(first) {
                word_starts = true;
            } else if !others.contains(&first) {
                others.push(first);
            }
        }
        Self {
            word_starts,
            others: (others.len() <= Self::MOST_OTHERS).then_some(others),
        }
    }
}

/// Calls `visit` with each place of `bytes` where a phrase of a set may start, in order: word
/// starts and the set's other first bytes ([`StartBytes`]); a phrase never starts inside an
/// ASCII word. The bytes are classified [`LANES`] at a time, [`SPAN`] per step.
#[inline]
fn for_each_possible_start(bytes: &[u8], first_bytes: &StartBytes, mut visit: impl FnMut(usize)) {
    let others = first_bytes.others.as_deref().unwrap_or_default();
    // Whether the byte before the span is an ASCII word char, as bit 0.
    let mut word_before = 0;
    lanes::for_each_block(bytes, 0, |at, span: &[u8; SPAN], len| {
        let (mut words, mut other_bytes) = (0u64, 0u64);
        for (index, block) in span.as_chunks::<LANES>().0.iter().enumerate() {
            let (block_words, block_others) = classify(block, others);
            words |= u64::from(block_words) << (index * LANES);
            other_bytes |= u64::from(block_others) << (index * LANES);
        }
        let mut starts = match first_bytes.others {
            Some(_) => other_bytes,
            None => !words,
        };
        if first_bytes.word_starts {
            starts |= words & !((words << 1) | word_before);
        }
        // Zero padding past the end starts nothing.
        starts &= u64::MAX >> (SPAN - len);
        word_before = words >> (SPAN - 1);
        while starts != 0 {
            visit(at + starts.trailing_zeros() as usize);
            starts &= starts - 1;
        }
    });
}

/// The bytes [`for_each_possible_start`] classifies per step: one bit each in a `u64`.
const SPAN: usize = 64;

/// One bit per byte of `block` (bit `i` for byte `i`): where it holds an ASCII word char, and
/// where it holds one of `others`.
fn classify(block: &[u8; LANES], others: &[u8]) -> (u32, u32) {
    let bytes = lanes::load(block);
    let digits = lanes::in_range(bytes, b'0', b'9');
    // `| 0x20` lowercases ASCII letters and moves no other byte into `a..=z`.
    let letters = lanes::in_range(bytes | u8x16::splat(0x20), b'a', b'z');
    let words = lanes::high_bits(digits | letters | lanes::equal(bytes, b'_'));
    let other_bytes = others
        .iter()
        .fold(0, |found, &other| found | lanes::high_bits(lanes::equal(bytes, other)));
    (words, other_bytes)
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
            // With walks to spare, out of walks at once, or part way (the unanchored automaton
            // finds the rest).
            let agrees = |set: &PhraseSet| {
                assert_eq!(set.find_in(&folded), expected, "{phrases:?} in {text:?}");
                for budget in [0, 3] {
                    assert_eq!(
                        set.find_with_budget(&folded, budget),
                        expected,
                        "{phrases:?} in {text:?}"
                    );
                }
            };
            agrees(&small);
            // The same phrases first in a set big enough for the NFA.
            let mut many = phrases.clone();
            many.extend((0..DFA_MAX_PHRASES).map(|n| format!("filler {n}")));
            let big = PhraseSet::new(&many).unwrap();
            assert!(matches!(big.automaton, Matcher::Nfa(_)));
            agrees(&big);
            checked += 1;
        }
        assert!(checked > 1000, "{checked} texts checked");
    }

    #[test]
    fn classify_finds_the_ascii_word_chars_and_the_other_bytes() {
        let others = [b'%', 0xC3, b' ', 0x80];
        for byte in 0..=u8::MAX {
            let word = byte.is_ascii() && is_word_char(char::from(byte));
            let other = others.contains(&byte);
            for lane in 0..LANES {
                // The byte in one lane, the others set to bytes next to the word chars.
                let mut block = [
                    0xFF, 0x7F, b'z', b'_', 0x80, b'9', b'a', 0, b'@', b'[', b'`', b'{', b'/', b':', 0xC3, b'%',
                ];
                block[lane] = byte;
                let (words, other_bytes) = classify(&block, &others);
                assert_eq!(words >> lane & 1 == 1, word, "byte {byte:#x} in lane {lane}");
                assert_eq!(other_bytes >> lane & 1 == 1, other, "byte {byte:#x} in lane {lane}");
            }
        }
    }

    #[test]
    fn possible_starts_are_word_starts_and_other_first_bytes() {
        let is_word = is_ascii_word_byte;
        // With long words, and texts of up to a few spans, so words cross spans.
        let pieces = [
            "a", "Z", "0", "_", " ", "%", "-", "é", "\u{301}", "\u{7f}", "\u{ff}", "words",
        ];
        let sets: [&[&str]; 4] = [
            &["ab"],
            &["% off", "é"],
            &["ab", "-", "%"],
            &["a", "%", "-", " ", "é", "\u{7f}"],
        ];
        let mut random = crate::testing::Xorshift::new(0x2545_F491_4F6C_DD1D);
        for _ in 0..2000 {
            let text = random.text(&pieces, 80);
            let bytes = text.as_bytes();
            for phrases in sets {
                let phrases: Vec<String> = phrases.iter().map(|phrase| phrase.to_string()).collect();
                let opens_words = phrases.iter().any(|phrase| is_word(phrase.as_bytes()[0]));
                let others: Vec<u8> = phrases
                    .iter()
                    .map(|phrase| phrase.as_bytes()[0])
                    .filter(|&b| !is_word(b))
                    .collect();
                let expected: Vec<usize> = (0..bytes.len())
                    .filter(|&at| {
                        let word_start = is_word(bytes[at]) && (at == 0 || !is_word(bytes[at - 1]));
                        let other = !is_word(bytes[at]) && (others.len() > 4 || others.contains(&bytes[at]));
                        (opens_words && word_start) || other
                    })
                    .collect();
                let mut found = Vec::new();
                for_each_possible_start(bytes, &StartBytes::new(&phrases), |at| found.push(at));
                assert_eq!(found, expected, "{phrases:?} in {text:?}");
            }
        }
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
