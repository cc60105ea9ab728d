//! Case-insensitive phrase lists matched on word boundaries over folded text.
//!
//! The rules ask for their lists while they are built ([`PhraseBookBuilder`]); the linter
//! compiles them all into one [`PhraseBook`] and searches each post once for every list. Each
//! list's matches are those it would have on its own: from left to right, at each place a phrase
//! of the list can start, its longest phrase there.
//!
//! A phrase starts where a word starts, or at a char that is not part of a word (the `%` of
//! `% off`). The search finds those places sixteen bytes at a time (SIMD where the target has
//! it), keeps the ones whose first two bytes open some phrase (a 64 Kbit table), and walks an
//! anchored aho-corasick automaton of every list's phrases from each for the longest phrase of
//! each list there. Most posts hold no phrase: a table lookup per word decides it, where an
//! unanchored search (with its Teddy prefilter) verified the candidates of every common prefix.
//! Walks that run long (a long phrase whose start matches word after word) hand the rest of the
//! text to an unanchored automaton per list, so the search stays linear.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

use wide::u8x16;

use crate::fold::{Folded, ends_on_word_boundary, is_ascii_word_byte, is_word_char, starts_on_word_boundary};
use crate::lanes::{self, LANES};
use crate::span::Span;

/// Names a list added to a [`PhraseBookBuilder`], in the [`PhraseBook`] built from it and the
/// [`PhraseMatches`] of its searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseListId(usize);

/// The phrase lists that rules ask for while they are built.
#[derive(Debug, Default)]
pub struct PhraseBookBuilder {
    /// Each list's phrases, folded.
    lists: Vec<Vec<String>>,
}

impl PhraseBookBuilder {
    /// Adds a list of phrases; each is folded (NFKC, lowercase) and its whitespace collapsed.
    /// An empty phrase is an error.
    pub fn add<S: AsRef<str>>(&mut self, phrases: &[S]) -> Result<PhraseListId, String> {
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
        self.lists.push(phrases);
        Ok(PhraseListId(self.lists.len() - 1))
    }

    /// Compiles the lists into one book.
    pub fn build(self) -> Result<PhraseBook, String> {
        // The automaton's patterns are the distinct phrases; each has the lists that hold it.
        let mut patterns: Vec<&str> = Vec::new();
        let mut owners_of: Vec<Vec<Owner>> = Vec::new();
        let mut pattern_of: HashMap<&str, usize> = HashMap::new();
        for (list, phrases) in self.lists.iter().enumerate() {
            for (phrase, text) in phrases.iter().enumerate() {
                let pattern = *pattern_of.entry(text).or_insert_with(|| {
                    patterns.push(text);
                    owners_of.push(Vec::new());
                    patterns.len() - 1
                });
                // Of two phrases of a list that fold alike, the first listed.
                let owners = &mut owners_of[pattern];
                if owners.last().is_none_or(|owner| owner.list != list) {
                    owners.push(Owner { list, phrase });
                }
            }
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(Matcher::new(&patterns)?)
        };
        let mut owner_ends = Vec::with_capacity(owners_of.len());
        let mut owners = Vec::new();
        for pattern_owners in owners_of {
            owners.extend(pattern_owners);
            owner_ends.push(owners.len());
        }
        Ok(PhraseBook {
            starts: StartBytes::new(&patterns),
            openings: Openings::new(&patterns),
            automaton,
            owners,
            owner_ends,
            unanchored: self.lists.iter().map(|_| OnceLock::new()).collect(),
            lists: self.lists,
        })
    }
}

/// Phrase lists compiled to be searched together.
#[derive(Debug)]
pub struct PhraseBook {
    /// Each list's phrases, folded.
    lists: Vec<Vec<String>>,
    starts: StartBytes,
    openings: Openings,
    /// The anchored automaton of the distinct phrases (`None` when there are none).
    automaton: Option<Matcher>,
    /// The lists that hold each pattern of the automaton, pattern after pattern.
    owners: Vec<Owner>,
    /// Where each pattern's owners end in `owners`.
    owner_ends: Vec<usize>,
    /// Each list's unanchored automaton, built the first time a text makes the walks run long
    /// (`None` if it cannot be built).
    unanchored: Box<[OnceLock<Option<NFA>>]>,
}

/// A list that holds a pattern, and the index of the pattern's phrase in it.
#[derive(Debug, Clone, Copy)]
struct Owner {
    list: usize,
    phrase: usize,
}

/// The bytes that walks from possible starts may take per byte of text, plus
/// [`WALK_ALLOWANCE`], before the search goes on with the unanchored automata, which are linear
/// in the text. A long phrase that keeps matching from place after place (`a a a ... b` over
/// `a a a a ...`) would otherwise cost the text's length times the phrase's; posts walk about
/// one byte in four.
const WALK_BYTES_PER_BYTE: usize = 4;

/// See [`WALK_BYTES_PER_BYTE`].
const WALK_ALLOWANCE: usize = 256;

/// The most distinct phrases compiled to a DFA; more make a contiguous NFA. The built-in lists
/// together hold about 100.
const DFA_MAX_PHRASES: usize = 200;

/// An anchored aho-corasick automaton, named here rather than left to `AhoCorasick` so that
/// only these two are linked (the WebAssembly build is about 9 KB gzipped smaller for it): a
/// DFA for small books, the built-in lists among them, and a contiguous NFA for big user lists
/// (20k phrases: 31 MB and 0.1-0.3 s to build, where a DFA takes 110 MB and 0.5 s) or when a
/// DFA cannot be built. A book too big for the contiguous NFA too is a config error.
#[derive(Debug, Clone)]
enum Matcher {
    Dfa(DFA),
    Nfa(NFA),
}

impl Matcher {
    fn new(patterns: &[&str]) -> Result<Self, String> {
        let dfa = (patterns.len() <= DFA_MAX_PHRASES)
            .then(|| {
                DFA::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(StartKind::Anchored)
                    .prefilter(false)
                    .build(patterns)
                    .ok()
            })
            .flatten();
        match dfa {
            Some(dfa) => Ok(Self::Dfa(dfa)),
            None => NFA::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .prefilter(false)
                .build(patterns)
                .map(Self::Nfa)
                .map_err(|err| format!("cannot compile phrases: {err}")),
        }
    }
}

/// One phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the phrase in its list.
    pub phrase: usize,
    /// Where it is, in the original text.
    pub span: Span,
}

/// What a search of a [`PhraseBook`] found, list by list; reusable from text to text.
#[derive(Debug, Default)]
pub struct PhraseMatches {
    /// Each list's matches, in text order.
    found: Vec<Vec<PhraseMatch>>,
    /// Per list, the byte its next match may start at.
    from: Vec<usize>,
    /// Per list, the longest phrase of the walk in progress (index, end).
    longest: Vec<Option<(usize, usize)>>,
}

impl PhraseMatches {
    /// The matches of `list`, in text order.
    pub fn of(&self, list: PhraseListId) -> &[PhraseMatch] {
        &self.found[list.0]
    }

    /// The bytes the buffers hold room for.
    pub fn capacity_bytes(&self) -> usize {
        use std::mem::size_of;
        self.found.capacity() * size_of::<Vec<PhraseMatch>>()
            + (self.found.iter())
                .map(|found| found.capacity() * size_of::<PhraseMatch>())
                .sum::<usize>()
            + self.from.capacity() * size_of::<usize>()
            + self.longest.capacity() * size_of::<Option<(usize, usize)>>()
    }

    /// Notes a pattern that starts at `at` and ends at `end` as the longest phrase so far of
    /// each of its `owners` whose search has reached `at`; returns whether one had. (Not
    /// inlined, as matches are rare: the loop over possible starts keeps its registers.)
    #[cold]
    #[inline(never)]
    fn note(&mut self, owners: &[Owner], at: usize, end: usize) -> bool {
        let mut noted = false;
        for owner in owners {
            if self.from[owner.list] <= at {
                self.longest[owner.list] = Some((owner.phrase, end));
                noted = true;
            }
        }
        noted
    }

    /// Keeps the longest phrases noted in the walk from `at`, and returns the first byte a
    /// match of any list may start at now.
    #[cold]
    #[inline(never)]
    fn keep_longest(&mut self, folded: &Folded, at: usize) -> usize {
        for (list, longest) in self.longest.iter_mut().enumerate() {
            if let Some((phrase, end)) = longest.take() {
                self.found[list].push(PhraseMatch {
                    phrase,
                    span: folded.original(Span::new(at, end)),
                });
                self.from[list] = end;
            }
        }
        self.from.iter().copied().min().unwrap_or(usize::MAX)
    }

    /// Empties the buffers for a search of `lists` lists.
    fn reset(&mut self, lists: usize) {
        self.found.resize_with(lists, Vec::new);
        self.found.iter_mut().for_each(Vec::clear);
        self.from.clear();
        self.from.resize(lists, 0);
        self.longest.clear();
        self.longest.resize(lists, None);
    }
}

impl PhraseBook {
    /// The folded phrase at `index` in `list`.
    pub fn phrase(&self, list: PhraseListId, index: usize) -> &str {
        &self.lists[list.0][index]
    }

    /// Finds the phrases of every list in an already folded text.
    pub fn find(&self, folded: &Folded) -> PhraseMatches {
        let mut matches = PhraseMatches::default();
        self.find_into(folded, &mut matches);
        matches
    }

    /// Finds the phrases of every list in an already folded text, into `matches` (emptied
    /// first): for each list, from left to right, at each place one of its phrases can start,
    /// its longest phrase there that also ends on a word boundary; its search goes on after it.
    pub fn find_into(&self, folded: &Folded, matches: &mut PhraseMatches) {
        self.find_with_budget(
            folded,
            WALK_BYTES_PER_BYTE * folded.text.len() + WALK_ALLOWANCE,
            matches,
        );
    }

    /// [`PhraseBook::find_into`], walking at most `budget` bytes from possible starts.
    fn find_with_budget(&self, folded: &Folded, budget: usize, matches: &mut PhraseMatches) {
        matches.reset(self.lists.len());
        let stopped = match &self.automaton {
            None => None,
            Some(Matcher::Dfa(dfa)) => self.find_from_starts(dfa, folded, budget, matches),
            Some(Matcher::Nfa(nfa)) => self.find_from_starts(nfa, folded, budget, matches),
        };
        let Some(at) = stopped else { return };
        let unanchored: Option<Vec<&NFA>> = (0..self.lists.len()).map(|list| self.unanchored(list)).collect();
        match (unanchored, &self.automaton) {
            (Some(unanchored), _) => {
                for (list, automaton) in unanchored.into_iter().enumerate() {
                    let from = matches.from[list].max(at);
                    find_unanchored(automaton, folded, from, &mut matches.found[list]);
                }
            }
            // Without unanchored automata, the walks go on.
            (None, automaton) => {
                matches.from.iter_mut().for_each(|from| *from = (*from).max(at));
                match automaton {
                    Some(Matcher::Dfa(dfa)) => self.find_from_starts(dfa, folded, usize::MAX, matches),
                    Some(Matcher::Nfa(nfa)) => self.find_from_starts(nfa, folded, usize::MAX, matches),
                    None => None,
                };
            }
        }
    }

    /// The unanchored automaton of `list`, built on first use.
    fn unanchored(&self, list: usize) -> Option<&NFA> {
        self.unanchored[list]
            .get_or_init(|| {
                NFA::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .prefilter(false)
                    .build(&self.lists[list])
                    .ok()
            })
            .as_ref()
    }

    /// The lists that hold `pattern`.
    fn owners(&self, pattern: usize) -> &[Owner] {
        let start = pattern.checked_sub(1).map_or(0, |before| self.owner_ends[before]);
        &self.owners[start..self.owner_ends[pattern]]
    }

    /// Finds the phrases of each list from its `matches.from` on, from the places they may
    /// start, walking the anchored automaton from each, until the walks take more than `budget`
    /// bytes: then returns the place where the search must go on.
    fn find_from_starts(
        &self,
        automaton: &impl Automaton,
        folded: &Folded,
        budget: usize,
        matches: &mut PhraseMatches,
    ) -> Option<usize> {
        let text = folded.text.as_str();
        let bytes = text.as_bytes();
        // The first byte a match of any list may start at.
        let mut next = matches.from.iter().copied().min().unwrap_or(usize::MAX);
        let mut walked = 0;
        let mut stopped = None;
        for_each_possible_start(bytes, &self.starts, |at| {
            // `may_open` first: it also makes sure `at` is a char boundary (a phrase's first
            // byte never continues a char).
            if at < next || !self.openings.may_open(bytes[at], bytes.get(at + 1).copied()) {
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
                next = usize::MAX;
                return;
            }
            let mut matched = false;
            walked += walk(automaton, text, at, |pattern, end| {
                matched |= matches.note(self.owners(pattern), at, end);
            });
            if matched {
                next = matches.keep_longest(folded, at);
            }
        });
        stopped
    }
}

/// Finds the phrases from byte `from` on with the leftmost-longest search of the unanchored
/// `automaton`, linear in the text: a match that starts inside a word resumes the search where
/// the word ends; one that ends inside a word is walked again anchored for a shorter phrase on
/// a boundary.
fn find_unanchored(automaton: &NFA, folded: &Folded, mut from: usize, found: &mut Vec<PhraseMatch>) {
    let text = folded.text.as_str();
    while from < text.len() {
        let Some((phrase, at, end)) = leftmost_longest(automaton, text, from) else {
            break;
        };
        if !starts_on_word_boundary(text, at) {
            from = word_end(text, at);
            continue;
        }
        let longest = if ends_on_word_boundary(text, end) {
            Some((phrase, end))
        } else {
            let mut longest = None;
            walk(automaton, text, at, |phrase, end| longest = Some((phrase, end)));
            longest
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

/// Walks the anchored automaton from `at` (a char boundary) until it dies, calling `on_match`
/// with each pattern that starts at `at` and ends on a word boundary, and its end, shortest
/// first; returns the bytes walked. (Inlined by force: a call per walk cost 2.5% more
/// instructions in the post lint.)
#[inline(always)]
fn walk(automaton: &impl Automaton, text: &str, at: usize, mut on_match: impl FnMut(usize, usize)) -> usize {
    let mut state = automaton
        .start_state(Anchored::Yes)
        .expect("phrase automata are built for anchored searches");
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
        // Of two patterns that are alike (an unanchored automaton's list may repeat a phrase),
        // the first; the length check keeps to patterns that start at `at`.
        let pattern = (0..automaton.match_len(state))
            .map(|index| automaton.match_pattern(state, index))
            .filter(|&pattern| automaton.pattern_len(pattern) == end - at)
            .min();
        if let Some(pattern) = pattern
            && ends_on_word_boundary(text, end)
        {
            on_match(pattern.as_usize(), end);
        }
    }
    walked
}

/// The pairs of bytes that open a phrase (its first two bytes, or its one byte followed by
/// anything), as a bit set indexed by `first << 8 | second`: 8 KB per set.
#[derive(Debug, Clone)]
struct Openings(Box<[u64; 256 * 256 / 64]>);

impl Openings {
    fn new(phrases: &[&str]) -> Self {
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

    fn new(phrases: &[&str]) -> Self {
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

    /// A book of one list, as the rules' tests build them.
    struct PhraseSet {
        book: PhraseBook,
        list: PhraseListId,
    }

    impl PhraseSet {
        fn new<S: AsRef<str>>(phrases: &[S]) -> Result<Self, String> {
            let mut builder = PhraseBookBuilder::default();
            let list = builder.add(phrases)?;
            Ok(Self {
                book: builder.build()?,
                list,
            })
        }

        fn phrase(&self, index: usize) -> &str {
            self.book.phrase(self.list, index)
        }

        fn find_in(&self, folded: &Folded) -> Vec<PhraseMatch> {
            self.book.find(folded).of(self.list).to_vec()
        }

        fn find_with_budget(&self, folded: &Folded, budget: usize) -> Vec<PhraseMatch> {
            let mut matches = PhraseMatches::default();
            self.book.find_with_budget(folded, budget, &mut matches);
            matches.of(self.list).to_vec()
        }

        fn automaton(&self) -> &Matcher {
            self.book.automaton.as_ref().expect("the list has phrases")
        }
    }

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
            let longest = (0..set.book.lists[0].len())
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
            assert!(matches!(big.automaton(), Matcher::Nfa(_)));
            agrees(&big);
            checked += 1;
        }
        assert!(checked > 1000, "{checked} texts checked");
    }

    #[test]
    fn lists_searched_together_find_what_each_finds_alone() {
        let pieces = ["a", "b", " ", "é", "_", "%", "-"];
        let mut random = crate::testing::Xorshift::new(0xD1B5_4A32_D192_ED03);
        let mut found_some = 0;
        for round in 0..3000 {
            let lists: Vec<Vec<String>> = (0..random.below(3) + 1)
                .map(|_| {
                    let count = random.below(4) + 1;
                    (0..count)
                        .map(|_| {
                            let pieces_count = random.below(3) + 1;
                            random.join(&pieces, pieces_count)
                        })
                        .collect()
                })
                .collect();
            let count = random.below(24) + 1;
            let text = random.join(&pieces, count);
            let mut builder = PhraseBookBuilder::default();
            let Ok(ids) = lists
                .iter()
                .map(|list| builder.add(list))
                .collect::<Result<Vec<_>, _>>()
            else {
                // A phrase of spaces only.
                continue;
            };
            if round % 2 == 1 {
                // Enough phrases for the NFA, in a list of their own.
                builder
                    .add(&(0..DFA_MAX_PHRASES).map(|n| format!("filler {n}")).collect::<Vec<_>>())
                    .unwrap();
            }
            let book = builder.build().unwrap();
            let folded = Folded::new(&text);
            let alone: Vec<Vec<PhraseMatch>> = (lists.iter())
                .map(|list| PhraseSet::new(list).unwrap().find_in(&folded))
                .collect();
            found_some += alone.iter().filter(|found| !found.is_empty()).count();
            for budget in [usize::MAX, 0, 3] {
                let mut together = PhraseMatches::default();
                book.find_with_budget(&folded, budget, &mut together);
                for ((list, &id), alone) in lists.iter().zip(&ids).zip(&alone) {
                    assert_eq!(
                        together.of(id),
                        alone,
                        "{list:?} of {lists:?} in {text:?}, budget {budget}"
                    );
                }
            }
        }
        assert!(found_some > 500, "{found_some} lists with matches");
    }

    #[test]
    fn a_phrase_in_two_lists_is_found_in_both() {
        let mut builder = PhraseBookBuilder::default();
        let bait = builder.add(&["link in bio to win", "f4f"]).unwrap();
        let calls = builder
            .add(&["shop now", "Link in bio", "link  in bio", "% off"])
            .unwrap();
        let again = builder.add(&["F4F"]).unwrap();
        let book = builder.build().unwrap();
        let text = "F4F! Link in bio to win, shop now";
        let matches = book.find(&Folded::new(text));
        let found = |list| -> Vec<(usize, &str)> {
            let matches: &[PhraseMatch] = matches.of(list);
            matches.iter().map(|m| (m.phrase, m.span.slice(text))).collect()
        };
        assert_eq!(found(bait), [(1, "F4F"), (0, "Link in bio to win")]);
        // Of two phrases of a list that fold alike, the first listed.
        assert_eq!(found(calls), [(1, "Link in bio"), (0, "shop now")]);
        assert_eq!(found(again), [(0, "F4F")]);
        assert_eq!(book.phrase(calls, 2), "link in bio");
        assert!(
            PhraseBookBuilder::default()
                .build()
                .unwrap()
                .find(&Folded::new(text))
                .found
                .is_empty()
        );
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
                let phrases: Vec<&str> = phrases.iter().map(String::as_str).collect();
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
        assert!(matches!(small.automaton(), Matcher::Dfa(_)));
        assert!(matches!(big.automaton(), Matcher::Nfa(_)));
        let text = Folded::new("Ｆ４Ｆ and Follow  for follow! follow 20% off, filler phrase 7 f4fun");
        let found = big.find_in(&text);
        assert_eq!(small.find_in(&text), found[..4]);
        assert_eq!(big.phrase(found[4].phrase), "filler phrase 7");
        assert_eq!(found.len(), 5);
    }
}
