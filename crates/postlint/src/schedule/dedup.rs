//! Duplicate and near-duplicate detection over normalized texts, near-linear in their number.
//!
//! Each text is summarized once by a [`Fingerprint`]: a 128-bit hash of the whole text (the
//! exact tier) and, for texts of at least 20 characters and 3 words, the band keys of a MinHash
//! signature over its character 5-grams (the near tier). The signature has 126 values, computed
//! by one-permutation hashing with optimal densification (one hash per 5-gram instead of one per
//! value; fixed hashes, so results are the same on every run and platform), cut into 21 bands of
//! 6 rows, each band hashed to a 32-bit key.
//!
//! - Exact tier: texts with equal keys form a group, across the whole schedule (a 128-bit
//!   collision among a billion texts has a probability below 10^-20).
//! - Near tier: within each group of posts that may be compared (one account on one network),
//!   texts that share a band key are candidates, and every candidate pair is verified by the
//!   exact Jaccard similarity of the 5-gram sets, recomputed for candidates only. Verified pairs
//!   are grouped into clusters (union-find), each reported once.
//! - No all-pairs loop: in a band bucket, a text is paired with at most [`MAX_PARTNERS`] texts
//!   before it, which bounds the work on degenerate inputs (thousands of near-copies stay
//!   linked as a chain).

use wide::u32x4;

use crate::fasthash::FastMap;
use crate::unicode::is_ascii;

/// Settings for duplicate detection.
#[derive(Debug, Clone, PartialEq)]
pub struct DedupOptions {
    /// The lowest Jaccard similarity reported as a near-duplicate.
    pub min_jaccard: f64,
    /// Texts shorter than this (in chars) match only exactly.
    pub min_chars: usize,
    /// Texts with fewer words match only exactly.
    pub min_words: usize,
}

impl Default for DedupOptions {
    fn default() -> Self {
        Self {
            min_jaccard: 0.6,
            min_chars: 20,
            min_words: 3,
        }
    }
}

/// Character shingle length.
pub const SHINGLE: usize = 5;
/// LSH bands.
pub const BANDS: usize = 21;
/// Rows (signature values) per band.
pub const ROWS: usize = 6;
/// Signature values.
const BINS: usize = BANDS * ROWS;
/// Earlier texts of a band bucket that each text is paired with.
pub const MAX_PARTNERS: usize = 64;
/// Pairs reported per pair of exact groups in a near cluster.
pub const MAX_EXPANDED_PAIRS: usize = 64;

/// What duplicate detection keeps of one normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    /// 128-bit hash of the text: equal texts have equal keys.
    pub key: u128,
    /// The text's length in chars.
    pub chars: u32,
    /// MinHash band keys, for texts long enough for the near tier.
    pub bands: Option<[u32; BANDS]>,
}

impl Fingerprint {
    /// Fingerprints a normalized text (words separated by single spaces).
    pub fn new(normalized: &str, options: &DedupOptions) -> Self {
        let key = xxhash_rust::xxh3::xxh3_128(normalized.as_bytes());
        let mut signature = Signature::new();
        let chars = for_each_shingle(normalized, |hash| signature.add(hash));
        let eligible = chars >= options.min_chars && has_words(normalized, options.min_words);
        Self {
            key,
            chars: u32::try_from(chars).unwrap_or(u32::MAX),
            bands: eligible.then(|| signature.band_keys()),
        }
    }
}

/// Whether a normalized text has at least `count` words, counting only that far.
fn has_words(normalized: &str, count: usize) -> bool {
    let separators = count.saturating_sub(1);
    count == 0
        || !normalized.is_empty()
            && memchr::memchr_iter(b' ', normalized.as_bytes())
                .take(separators)
                .count()
                == separators
}

impl AsRef<Fingerprint> for Fingerprint {
    fn as_ref(&self) -> &Fingerprint {
        self
    }
}

/// The murmur3 64-bit finalizer: every input bit affects every output bit.
const fn fmix64(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// Mixes a rolling 5-gram hash into a well-spread 64-bit value: the two halves of its 128-bit
/// product with an odd constant, folded together (one multiplication, where [`fmix64`] takes
/// two and three shifts).
const fn mix(hash: u64) -> u64 {
    let product = hash as u128 * 0x9FB2_1C65_1E98_DF25;
    (product >> 64) as u64 ^ product as u64
}

/// The base of the rolling 5-gram hash (odd).
const BASE: u64 = 0x9E37_79B9_7F4A_7C15;
/// `BASE` to the power `SHINGLE - 1`: the weight of the oldest char of a 5-gram, taken out
/// before the next char comes in.
const BASE_OUT_NEXT: u64 = BASE.wrapping_mul(BASE).wrapping_mul(BASE).wrapping_mul(BASE);

/// Calls `each` with the 64-bit hash of every character 5-gram of `text` (of the whole text
/// when it is shorter), in text order, repeats included; returns the number of chars.
///
/// A 5-gram's hash is a polynomial of its chars, kept by a rolling update (one multiply in,
/// one out), then spread by [`mix`].
fn for_each_shingle(text: &str, mut each: impl FnMut(u64)) -> usize {
    if is_ascii(text.as_bytes()) {
        // Each byte is a char: the char leaving the window is the byte four places back.
        let values = text.as_bytes();
        let value = |byte: &u8| u64::from(*byte) + 1;
        let mut hash: u64 = 0;
        for byte in values.iter().take(SHINGLE - 1) {
            hash = hash.wrapping_mul(BASE).wrapping_add(value(byte));
        }
        for (incoming, outgoing) in values.iter().skip(SHINGLE - 1).zip(values) {
            hash = hash.wrapping_mul(BASE).wrapping_add(value(incoming));
            each(mix(hash));
            hash = hash.wrapping_sub(value(outgoing).wrapping_mul(BASE_OUT_NEXT));
        }
        return finish_shingles(values.len(), hash, each);
    }
    let mut chars = text.chars().map(|ch| u64::from(u32::from(ch)) + 1);
    // The first SHINGLE - 1 chars fill the window; the last SHINGLE - 1 are kept in a ring,
    // oldest at `oldest`.
    let mut recent = [0u64; SHINGLE - 1];
    let mut hash: u64 = 0;
    let mut count = 0;
    for value in chars.by_ref().take(SHINGLE - 1) {
        hash = hash.wrapping_mul(BASE).wrapping_add(value);
        recent[count] = value;
        count += 1;
    }
    // Then each char completes a 5-gram and pushes out the oldest char.
    let mut oldest = 0;
    for value in chars {
        hash = hash.wrapping_mul(BASE).wrapping_add(value);
        each(mix(hash));
        hash = hash.wrapping_sub(recent[oldest].wrapping_mul(BASE_OUT_NEXT));
        recent[oldest] = value;
        oldest = (oldest + 1) % (SHINGLE - 1);
        count += 1;
    }
    finish_shingles(count, hash, each)
}

/// After the last char: a text shorter than a shingle is hashed whole. Returns `count`.
fn finish_shingles(count: usize, hash: u64, mut each: impl FnMut(u64)) -> usize {
    if (1..SHINGLE).contains(&count) {
        each(mix(hash ^ (count as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93)));
    }
    count
}

/// The 64-bit hashes of the character 5-grams of `text`, sorted and deduplicated: the set that
/// [`jaccard`] compares.
pub fn shingles(text: &str) -> Vec<u64> {
    let mut hashes = Vec::with_capacity(text.len());
    for_each_shingle(text, |hash| hashes.push(hash));
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// Densification probes remembered per bin, all read for every empty bin; later probes are
/// computed one by one, for the few empty bins whose first ones are all empty. Eight cost more
/// instructions than those later probes cost in mispredicted branches: with four, the schedule
/// analysis takes 5% fewer instructions and ran about 5% faster (same results).
const PROBES: usize = 4;

/// The `attempt`-th bin that an empty `bin` borrows its value from: a fixed sequence per bin.
const fn probe(bin: usize, attempt: usize) -> usize {
    let seed = (bin as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (attempt as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93);
    ((fmix64(seed) as u128 * BINS as u128) >> 64) as usize
}

/// The first [`PROBES`] probes of every bin.
static PROBE_TABLE: [[u8; PROBES]; BINS] = {
    let mut table = [[0u8; PROBES]; BINS];
    let mut bin = 0;
    while bin < BINS {
        let mut attempt = 0;
        while attempt < PROBES {
            table[bin][attempt] = probe(bin, attempt) as u8;
            attempt += 1;
        }
        bin += 1;
    }
    table
};

/// A MinHash signature being built: one-permutation MinHash with optimal densification
/// (Shrivastava, ICML 2017). Each 5-gram hash falls into one of the 126 bins by its high bits
/// and keeps the minimum of its low 32 bits per bin; an empty bin then borrows the value of the
/// first originally filled bin of a fixed probe sequence, so equal sets get equal signatures and
/// the collision probability per bin stays the Jaccard similarity.
///
/// The bin is the hash's position among 126 equal ranges and the value its offset within that
/// range (the two halves of one multiplication), as in the original one-permutation scheme. A
/// bin that no 5-gram reached keeps `u32::MAX`; a real minimum equal to it (odds 2^-32) is
/// treated as empty, which keeps results deterministic.
struct Signature {
    minimums: [u32; BINS],
}

impl Signature {
    fn new() -> Self {
        Self {
            minimums: [u32::MAX; BINS],
        }
    }

    fn add(&mut self, hash: u64) {
        let product = u128::from(hash) * BINS as u128;
        let (bin, offset) = ((product >> 64) as usize, (product as u64 >> 32) as u32);
        self.minimums[bin] = self.minimums[bin].min(offset);
    }

    /// Densifies the signature and hashes each band of [`ROWS`] values to a 32-bit key.
    fn band_keys(self) -> [u32; BANDS] {
        let mut bands = [0; BANDS];
        for (band, rows) in self.densified().chunks_exact(ROWS).enumerate() {
            let mut hash = (band as u64).wrapping_mul(0xA076_1D64_78BD_642F);
            for &row in rows {
                hash = (hash ^ u64::from(row))
                    .wrapping_mul(0xE703_7ED1_A0B4_28DB)
                    .rotate_left(31);
            }
            bands[band] = fmix64(hash) as u32;
        }
        bands
    }

    /// The minimums with each empty bin given the value of the first filled bin of its probe
    /// sequence.
    fn densified(mut self) -> [u32; BINS] {
        let original = self.minimums;
        let mut empty = empty_bins(&original);
        if empty.count_ones() as usize == BINS {
            return original;
        }
        // The probes test the original values rather than the bit set: one load and compare
        // each, where a bit of a `u128` takes a shift and a select.
        let is_filled = |bin: usize| original[bin] != u32::MAX;
        while empty != 0 {
            let bin = empty.trailing_zeros() as usize;
            empty &= empty - 1;
            // The probes are filled at random: branching on each would mispredict, so the first
            // filled one is selected without branches.
            let mut source = None;
            for &candidate in PROBE_TABLE[bin].iter().rev() {
                let candidate = usize::from(candidate);
                source = if is_filled(candidate) { Some(candidate) } else { source };
            }
            let source = source.unwrap_or_else(|| {
                (PROBES..)
                    .map(|attempt| probe(bin, attempt))
                    .find(|&candidate| is_filled(candidate))
                    .expect("some bin is filled")
            });
            self.minimums[bin] = original[source];
        }
        self.minimums
    }
}

/// The empty bins of `minimums` (those still `u32::MAX`), bin `i` as bit `i`: four compared
/// at once, where a loop over the bins took about 8 instructions each.
fn empty_bins(minimums: &[u32; BINS]) -> u128 {
    // Each half of the bits gathered in a `u64` of its own (shifts of a `u128` cost more).
    let mut halves = [0u64; 2];
    let (quads, rest) = minimums.as_chunks::<4>();
    for (index, quad) in quads.iter().enumerate() {
        let lanes = u32x4::new(*quad).simd_eq(u32x4::splat(u32::MAX));
        halves[index / 16] |= u64::from(lanes.to_bitmask()) << (index % 16 * 4);
    }
    for (offset, &value) in rest.iter().enumerate() {
        halves[1] |= u64::from(value == u32::MAX) << (quads.len() * 4 + offset - 64);
    }
    u128::from(halves[0]) | u128::from(halves[1]) << 64
}

/// The band keys of the MinHash signature of `text`.
#[cfg(test)]
fn band_keys(text: &str) -> [u32; BANDS] {
    let mut signature = Signature::new();
    for_each_shingle(text, |hash| signature.add(hash));
    signature.band_keys()
}

/// Exact Jaccard similarity of two sorted, deduplicated sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    if union == 0 { 1.0 } else { common as f64 / union as f64 }
}

/// Duplicate groups of a schedule.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clusters {
    /// Groups of 2+ posts with identical normalized texts, each ascending, ordered by first post.
    pub exact: Vec<Vec<usize>>,
    /// Groups of posts of one comparison group linked by verified near-duplicate pairs, ordered
    /// by first post.
    pub near: Vec<NearCluster>,
}

/// A group of near-duplicate texts.
#[derive(Debug, Clone, PartialEq)]
pub struct NearCluster {
    /// Every post in the cluster, ascending.
    pub members: Vec<usize>,
    /// Verified pairs `(i, j, jaccard)` with `i < j`, ascending; copies of one text are paired
    /// with the copies of the other (at most [`MAX_EXPANDED_PAIRS`] pairs per pair of texts).
    pub pairs: Vec<(usize, usize, f64)>,
}

/// Union-find root with path halving.
fn root(parents: &mut [u32], mut node: u32) -> u32 {
    while parents[node as usize] != node {
        parents[node as usize] = parents[parents[node as usize] as usize];
        node = parents[node as usize];
    }
    node
}

/// Groups of posts with equal fingerprint keys (2+ posts), each ascending, ordered by first post.
pub fn exact_groups<F: AsRef<Fingerprint>>(fingerprints: &[F]) -> Vec<Vec<usize>> {
    let mut keys: Vec<(u128, u32)> = fingerprints
        .iter()
        .enumerate()
        .map(|(index, fingerprint)| (fingerprint.as_ref().key, index as u32))
        .collect();
    keys.sort_unstable();
    let mut groups: Vec<Vec<usize>> = keys
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
        .map(|run| run.iter().map(|&(_, index)| index as usize).collect())
        .collect();
    groups.sort_unstable_by_key(|group| group[0]);
    groups
}

/// Finds near-duplicates among posts that may be compared with each other.
///
/// Reusable buffers: one finder serves every comparison group of a schedule.
#[derive(Debug, Default)]
pub struct NearFinder {
    /// The eligible posts of the group, in its order: (post, text key, band keys). They are
    /// gathered first, in a loop of independent reads: fingerprints are read in stream order,
    /// scattered in memory, and a simple loop keeps many of those reads in flight.
    eligible: Vec<(usize, u128, [u32; BANDS])>,
    /// Per eligible post, its distinct text.
    text_of: Vec<u32>,
    /// Distinct texts of the group: the eligible entry of their first post.
    texts: Vec<u32>,
    /// Band buckets: an open-addressing table of (band << 32 | key, latest entry + 1).
    buckets: Vec<(u64, u32)>,
    /// Per entry (text * BANDS + band): the previous entry of its bucket + 1 (0: none).
    previous: Vec<u32>,
    /// The candidates of the text being paired.
    partners: Vec<u32>,
    /// Per text, the last text it was a candidate of (deduplicates across bands).
    seen: Vec<u32>,
    shingles: Vec<Option<Vec<u64>>>,
}

impl NearFinder {
    /// A finder with empty buffers.
    pub fn new() -> Self {
        Self::default()
    }

    /// Finds the near-duplicate clusters among `posts` (one comparison group, in the order that
    /// decides which texts a bucket pairs first), appending them to `clusters`.
    /// `shingles_of(post)` gives a post's [`shingles`]; it is called only for candidates.
    pub fn find<F: AsRef<Fingerprint>>(
        &mut self,
        posts: &[usize],
        fingerprints: &[F],
        min_jaccard: f64,
        mut shingles_of: impl FnMut(usize) -> Vec<u64>,
        clusters: &mut Vec<NearCluster>,
    ) {
        // Distinct texts among the eligible posts; copies share their text's entries.
        self.eligible.clear();
        self.eligible.extend(posts.iter().filter_map(|&post| {
            let fingerprint = fingerprints[post].as_ref();
            fingerprint.bands.map(|bands| (post, fingerprint.key, bands))
        }));
        self.texts.clear();
        self.text_of.clear();
        let mut first_of: FastMap<u128, u32> = FastMap::default();
        for (entry, &(_, key, _)) in self.eligible.iter().enumerate() {
            let next = self.texts.len() as u32;
            let text = *first_of.entry(key).or_insert(next);
            if text == next {
                self.texts.push(entry as u32);
            }
            self.text_of.push(text);
        }
        if self.texts.len() < 2 {
            return;
        }
        // Each text joins its 21 buckets and is paired with the texts already in them, nearest
        // first, at most MAX_PARTNERS per bucket; of those, its MAX_PARTNERS nearest are verified
        // exactly, with shingle sets built once per candidate text.
        let entries = self.texts.len() * BANDS;
        let capacity = (2 * entries).next_power_of_two();
        self.buckets.clear();
        self.buckets.resize(capacity, (0, 0));
        self.previous.clear();
        self.previous.resize(entries, 0);
        // The last text that took each text as a partner (u32::MAX: none yet).
        self.seen.clear();
        self.seen.resize(self.texts.len(), u32::MAX);
        self.shingles.clear();
        self.shingles.resize(self.texts.len(), None);
        let mut verified: Vec<(u32, u32, f64)> = Vec::new();
        for later in 0..self.texts.len() {
            let bands = self.eligible[self.texts[later] as usize].2;
            self.partners.clear();
            for (band, &key) in bands.iter().enumerate() {
                let key = ((band as u64) << 32) | u64::from(key);
                let mut slot = fmix64(key) as usize & (capacity - 1);
                while self.buckets[slot].1 != 0 && self.buckets[slot].0 != key {
                    slot = (slot + 1) & (capacity - 1);
                }
                let entry = later * BANDS + band;
                let mut earlier = self.buckets[slot].1;
                self.previous[entry] = earlier;
                self.buckets[slot] = (key, entry as u32 + 1);
                for _ in 0..MAX_PARTNERS {
                    if earlier == 0 {
                        break;
                    }
                    let other = (earlier - 1) as usize;
                    let partner = other / BANDS;
                    if self.seen[partner] != later as u32 {
                        self.seen[partner] = later as u32;
                        self.partners.push(partner as u32);
                    }
                    earlier = self.previous[other];
                }
            }
            if self.partners.len() > MAX_PARTNERS {
                self.partners.select_nth_unstable_by(MAX_PARTNERS, |x, y| y.cmp(x));
                self.partners.truncate(MAX_PARTNERS);
            }
            for &earlier in &self.partners {
                for text in [earlier as usize, later] {
                    if self.shingles[text].is_none() {
                        self.shingles[text] = Some(shingles_of(self.eligible[self.texts[text] as usize].0));
                    }
                }
                let (Some(set_a), Some(set_b)) = (&self.shingles[earlier as usize], &self.shingles[later]) else {
                    unreachable!("both sets were just built");
                };
                let similarity = jaccard(set_a, set_b);
                if similarity >= min_jaccard {
                    verified.push((earlier, later as u32, similarity));
                }
            }
        }
        if verified.is_empty() {
            return;
        }

        // Clusters of verified pairs, expanded to every copy of each text.
        let mut parents: Vec<u32> = (0..self.texts.len() as u32).collect();
        for &(a, b, _) in &verified {
            let (ra, rb) = (root(&mut parents, a), root(&mut parents, b));
            if ra != rb {
                parents[ra.max(rb) as usize] = ra.min(rb);
            }
        }
        // The copies of each text, in group order: `copies[offsets[text]..offsets[text + 1]]`.
        let mut offsets = vec![0usize; self.texts.len() + 1];
        for &text in &self.text_of {
            offsets[text as usize + 1] += 1;
        }
        for text in 0..self.texts.len() {
            offsets[text + 1] += offsets[text];
        }
        let mut copies = vec![0usize; self.eligible.len()];
        let mut next = offsets.clone();
        for (&(post, _, _), &text) in self.eligible.iter().zip(&self.text_of) {
            copies[next[text as usize]] = post;
            next[text as usize] += 1;
        }
        let copies_of = |text: u32| &copies[offsets[text as usize]..offsets[text as usize + 1]];
        let mut by_root: FastMap<u32, NearCluster> = FastMap::default();
        for (a, b, similarity) in verified {
            let cluster = by_root.entry(root(&mut parents, a)).or_insert_with(|| NearCluster {
                members: Vec::new(),
                pairs: Vec::new(),
            });
            let (copies_a, copies_b) = (copies_of(a), copies_of(b));
            cluster.members.extend(copies_a.iter().chain(copies_b));
            let pairs = copies_a
                .iter()
                .flat_map(|&x| copies_b.iter().map(move |&y| (x.min(y), x.max(y), similarity)));
            cluster.pairs.extend(pairs.take(MAX_EXPANDED_PAIRS));
        }
        let start = clusters.len();
        clusters.extend(by_root.into_values());
        for cluster in &mut clusters[start..] {
            cluster.members.sort_unstable();
            cluster.members.dedup();
            cluster.pairs.sort_unstable_by_key(|pair| (pair.0, pair.1));
            cluster.pairs.dedup_by(|p, q| (p.0, p.1) == (q.0, q.1));
        }
    }
}

/// Finds exact duplicates across all `texts` and near-duplicates among all of them, as one
/// comparison group: a convenience for tests and tools (schedules compare within streams).
pub fn find_duplicates(texts: &[&str], options: &DedupOptions) -> Clusters {
    let fingerprints: Vec<Fingerprint> = texts.iter().map(|text| Fingerprint::new(text, options)).collect();
    let all: Vec<usize> = (0..texts.len()).collect();
    let mut near = Vec::new();
    NearFinder::new().find(
        &all,
        &fingerprints,
        options.min_jaccard,
        |index| shingles(texts[index]),
        &mut near,
    );
    near.sort_unstable_by_key(|cluster| cluster.members[0]);
    Clusters {
        exact: exact_groups(&fingerprints),
        near,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "five practical tips to speed up your ci pipeline cache dependencies split slow tests and run linters first acme.com";

    #[test]
    fn finds_exact_and_near_copies_but_not_strangers() {
        let edited = BASE.replace("first", "early");
        let texts = [
            BASE,
            "we are hiring two engineers for the platform team in lisbon remote friendly",
            BASE,
            edited.as_str(),
        ];
        let clusters = find_duplicates(&texts, &DedupOptions::default());
        assert_eq!(clusters.exact, vec![vec![0, 2]]);
        assert_eq!(clusters.near.len(), 1);
        let near = &clusters.near[0];
        assert_eq!(near.members, vec![0, 2, 3]);
        assert_eq!(
            near.pairs.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(),
            vec![(0, 3), (2, 3)]
        );
        assert!(near.pairs[0].2 > 0.8, "{}", near.pairs[0].2);
    }

    #[test]
    fn short_texts_match_only_exactly() {
        let texts = ["good morning team", "good morning teams", "good morning team"];
        let clusters = find_duplicates(&texts, &DedupOptions::default());
        assert_eq!(clusters.exact, vec![vec![0, 2]]);
        assert!(clusters.near.is_empty());
    }

    #[test]
    fn deterministic_and_order_independent() {
        let edited = BASE.replace("tips", "hints");
        let texts = vec![
            BASE,
            edited.as_str(),
            "something else entirely about the weather in porto today",
        ];
        let first = find_duplicates(&texts, &DedupOptions::default());
        assert_eq!(first, find_duplicates(&texts, &DedupOptions::default()));
        let reversed: Vec<&str> = texts.iter().rev().copied().collect();
        let second = find_duplicates(&reversed, &DedupOptions::default());
        assert_eq!(second.near[0].members, vec![1, 2]);
        assert_eq!(first.near[0].pairs[0].2, second.near[0].pairs[0].2);
    }

    #[test]
    fn a_big_bucket_of_near_copies_stays_linked_and_bounded() {
        let texts: Vec<String> = (0..2_000).map(|i| format!("{BASE} number {i}")).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let clusters = find_duplicates(&refs, &DedupOptions::default());
        assert_eq!(clusters.near.len(), 1);
        assert_eq!(clusters.near[0].members.len(), 2_000);
        assert!(clusters.near[0].pairs.len() <= 2_000 * MAX_PARTNERS);
    }

    #[test]
    fn rolling_shingle_hashes_equal_each_window_hashed_alone() {
        for text in ["five practical tips", "café ünïcödé 東京 ok 🎉x", "abcde", "abcdefghij"] {
            let chars: Vec<char> = text.chars().collect();
            let mut expected: Vec<u64> = chars
                .windows(SHINGLE)
                .flat_map(|window| shingles(&window.iter().collect::<String>()))
                .collect();
            expected.sort_unstable();
            expected.dedup();
            assert_eq!(shingles(text), expected, "{text}");
        }
        // Texts shorter than a shingle are one set member, distinct from their 5-gram kin.
        assert_eq!(shingles("abc").len(), 1);
        assert_ne!(shingles("abc"), shingles("abcab"));
    }

    #[test]
    fn signatures_estimate_jaccard() {
        // Over many pairs, the share of equal signature values tracks the exact similarity.
        let words: Vec<String> = (0..400).map(|i| format!("w{}", i * 7919 % 1000)).collect();
        for (a, b) in [(0..40, 8..48), (0..40, 20..60), (0..40, 36..76)] {
            let (x, y) = (words[a].join(" "), words[b].join(" "));
            let exact = jaccard(&shingles(&x), &shingles(&y));
            let (bx, by) = (band_keys(&x), band_keys(&y));
            let shared = bx.iter().zip(&by).filter(|(p, q)| p == q).count();
            // A band is shared with probability J^6: compare on that scale, loosely.
            let expected = exact.powi(ROWS as i32) * BANDS as f64;
            assert!(
                (shared as f64 - expected).abs() <= 3.0 + expected * 0.6,
                "jaccard {exact:.2}: {shared} shared bands, expected about {expected:.1}"
            );
        }
        let text = "the same text gives the same signature every time";
        assert_eq!(band_keys(text), band_keys(text));
    }

    #[test]
    fn densification_borrows_from_the_first_filled_bin_of_each_probe_sequence() {
        // Signatures of 0 to 400 random hashes, from all empty to all filled.
        let mut rng = crate::testing::Xorshift::new(0x5851_F42D_4C95_7F2D);
        for count in (0..400).step_by(3) {
            let mut signature = Signature::new();
            for _ in 0..count {
                signature.add(fmix64(rng.below(usize::MAX) as u64));
            }
            let original = signature.minimums;
            let filled = |bin: usize| original[bin] != u32::MAX;
            let any_filled = (0..BINS).any(filled);
            let expected: Vec<u32> = (0..BINS)
                .map(|bin| match (filled(bin), any_filled) {
                    (true, _) | (false, false) => original[bin],
                    (false, true) => original[(0..).map(|attempt| probe(bin, attempt)).find(|&c| filled(c)).unwrap()],
                })
                .collect();
            assert_eq!(signature.densified().to_vec(), expected, "{count} hashes");
        }
    }
}
