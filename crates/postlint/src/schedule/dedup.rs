//! Duplicate and near-duplicate detection over normalized texts, near-linear in their number.
//!
//! - Exact tier: texts are grouped by equality (hashing), one representative per group.
//! - Near tier: for each representative with at least 20 characters and 3 words, a MinHash
//!   signature of 126 values over its character 5-grams (one-permutation hashing with optimal
//!   densification; fixed hashes, so results are the same on every run and platform) is cut into
//!   14 bands of 9 rows; representatives that share a band are candidates, and every candidate
//!   pair is verified by the exact Jaccard similarity of the 5-gram sets. Verified pairs are
//!   grouped into clusters (union-find), each reported once.
//! - No all-pairs loop: a band bucket larger than [`MAX_BUCKET`] only pairs its members with its
//!   first [`MAX_BUCKET`] members, which bounds the work on degenerate inputs.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Settings for [`find_duplicates`].
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

/// Duplicate groups over a list of texts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clusters {
    /// Groups of 2+ indices with identical texts, each ascending, ordered by first index.
    pub exact: Vec<Vec<usize>>,
    /// Groups of texts linked by verified near-duplicate pairs (not identical texts).
    pub near: Vec<NearCluster>,
}

/// A group of near-duplicate texts.
#[derive(Debug, Clone, PartialEq)]
pub struct NearCluster {
    /// Every index in the cluster, ascending.
    pub members: Vec<usize>,
    /// Verified pairs `(i, j, jaccard)` with `i < j`, ascending; copies of an exact group are
    /// paired too (at most [`MAX_EXPANDED_PAIRS`] pairs per pair of groups).
    pub pairs: Vec<(usize, usize, f64)>,
}

/// Character shingle length.
const SHINGLE: usize = 5;
/// Hash values per signature.
const HASHES: usize = BANDS * ROWS;
/// LSH bands.
const BANDS: usize = 14;
/// Rows per band.
const ROWS: usize = 9;
/// Bucket members compared in full; larger buckets pair every member with these only.
pub const MAX_BUCKET: usize = 64;
/// Pairs reported per pair of exact groups.
pub const MAX_EXPANDED_PAIRS: usize = 64;

/// A fast, deterministic hasher for in-memory maps (FxHash's multiply-rotate).
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// splitmix64: mixes shingle hashes and picks the bins that empty bins borrow from.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The 64-bit hashes of the character 5-grams of `text`, sorted and deduplicated.
fn shingles(text: &str) -> Vec<u64> {
    let chars: Vec<u32> = text.chars().map(u32::from).collect();
    if chars.len() < SHINGLE {
        let mut hasher = FxHasher::default();
        chars.iter().for_each(|&c| hasher.write_u64(u64::from(c)));
        return vec![hasher.finish()];
    }
    let mut hashes: Vec<u64> = chars
        .windows(SHINGLE)
        .map(|window| {
            let mut hasher = FxHasher::default();
            window.iter().for_each(|&c| hasher.write_u64(u64::from(c)));
            // A final mix so that nearby shingles spread over all bits.
            let mut state = hasher.finish();
            splitmix(&mut state)
        })
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// The band hashes of a shingle set's MinHash signature.
///
/// One-permutation MinHash with optimal densification (Shrivastava, ICML 2017): each shingle
/// hash falls into one of the [`HASHES`] bins and keeps the minimum per bin; an empty bin borrows
/// the value of the bin a fixed hash sequence of its index points to, so equal sets still get
/// equal signatures and the collision probability per bin stays the Jaccard similarity. One
/// multiply per shingle instead of [`HASHES`].
fn band_hashes(shingles: &[u64]) -> [u64; BANDS] {
    let mut minimums = [u32::MAX; HASHES];
    let mut filled = [false; HASHES];
    for &shingle in shingles {
        let bin = ((u128::from(shingle) * HASHES as u128) >> 64) as usize;
        let value = shingle as u32;
        if value <= minimums[bin] {
            minimums[bin] = value;
        }
        filled[bin] = true;
    }
    if filled.iter().any(|&f| f) {
        for bin in 0..HASHES {
            if filled[bin] {
                continue;
            }
            let mut state = bin as u64;
            let mut attempt = 0u64;
            loop {
                state = state.wrapping_add(attempt);
                let candidate = (splitmix(&mut state) % HASHES as u64) as usize;
                if filled[candidate] {
                    minimums[bin] = minimums[candidate];
                    break;
                }
                attempt += 1;
            }
        }
    }
    let mut bands = [0; BANDS];
    for (band, rows) in minimums.chunks(ROWS).enumerate() {
        let mut hasher = FxHasher(band as u64);
        rows.iter().for_each(|&row| hasher.write_u64(u64::from(row)));
        bands[band] = hasher.finish();
    }
    bands
}

/// Exact Jaccard similarity of two sorted, deduplicated sets.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
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

/// Union-find root with path halving.
fn root(parents: &mut [usize], mut node: usize) -> usize {
    while parents[node] != node {
        parents[node] = parents[parents[node]];
        node = parents[node];
    }
    node
}

/// Finds exact and near-duplicate groups among `texts` (already normalized).
pub fn find_duplicates(texts: &[&str], options: &DedupOptions) -> Clusters {
    // Exact tier: one representative (the first index) per distinct text.
    let mut groups: FxMap<&str, Vec<usize>> = FxMap::default();
    for (index, text) in texts.iter().enumerate() {
        groups.entry(text).or_default().push(index);
    }
    let mut representatives: Vec<(usize, &[usize])> = groups
        .values()
        .map(|members| (members[0], members.as_slice()))
        .collect();
    representatives.sort_unstable_by_key(|(first, _)| *first);
    let exact: Vec<Vec<usize>> = representatives
        .iter()
        .filter(|(_, members)| members.len() > 1)
        .map(|(_, members)| members.to_vec())
        .collect();

    // Near tier over representatives that are long enough to compare by shape.
    let eligible: Vec<(usize, &[usize])> = representatives
        .into_iter()
        .filter(|(first, _)| {
            let text = texts[*first];
            text.chars().count() >= options.min_chars && text.split_whitespace().count() >= options.min_words
        })
        .collect();
    // Band keys of every representative, sorted so that each bucket is a run: no per-bucket
    // allocation. A band's index is mixed into its key.
    let mut keys: Vec<(u64, u32)> = Vec::with_capacity(eligible.len() * BANDS);
    for (position, (first, _)) in eligible.iter().enumerate() {
        for (band, hash) in band_hashes(&shingles(texts[*first])).into_iter().enumerate() {
            keys.push((
                hash ^ (band as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
                position as u32,
            ));
        }
    }
    keys.sort_unstable();
    let mut candidates: Vec<(u32, u32)> = Vec::new();
    for bucket in keys.chunk_by(|a, b| a.0 == b.0).filter(|bucket| bucket.len() > 1) {
        let members: Vec<u32> = bucket.iter().map(|&(_, position)| position).collect();
        for (i, &a) in members.iter().enumerate() {
            // Large buckets pair every member with the first MAX_BUCKET only.
            let partners = if i < MAX_BUCKET {
                &members[i + 1..]
            } else {
                &members[..MAX_BUCKET]
            };
            candidates.extend(partners.iter().map(|&b| (a.min(b), a.max(b))));
        }
    }
    drop(keys);
    candidates.sort_unstable();
    candidates.dedup();

    // Verify each candidate exactly. Shingle sets are built once per text that has a candidate
    // (memory follows the candidates, not the whole input).
    let mut sets: FxMap<u32, Vec<u64>> = FxMap::default();
    let mut verified: Vec<(u32, u32, f64)> = Vec::new();
    for (a, b) in candidates {
        for position in [a, b] {
            sets.entry(position)
                .or_insert_with(|| shingles(texts[eligible[position as usize].0]));
        }
        let similarity = jaccard(&sets[&a], &sets[&b]);
        if similarity >= options.min_jaccard {
            verified.push((a, b, similarity));
        }
    }
    drop(sets);

    // Clusters of verified pairs, expanded to every copy of each representative.
    let mut parents: Vec<usize> = (0..eligible.len()).collect();
    for &(a, b, _) in &verified {
        let (ra, rb) = (root(&mut parents, a as usize), root(&mut parents, b as usize));
        if ra != rb {
            parents[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut clusters: FxMap<usize, NearCluster> = FxMap::default();
    for (a, b, similarity) in verified {
        let cluster_root = root(&mut parents, a as usize);
        let cluster = clusters.entry(cluster_root).or_insert_with(|| NearCluster {
            members: Vec::new(),
            pairs: Vec::new(),
        });
        let (group_a, group_b) = (eligible[a as usize].1, eligible[b as usize].1);
        cluster.members.extend(group_a.iter().chain(group_b));
        for (count, (&x, &y)) in group_a
            .iter()
            .flat_map(|x| group_b.iter().map(move |y| (x, y)))
            .enumerate()
        {
            if count == MAX_EXPANDED_PAIRS {
                break;
            }
            cluster.pairs.push((x.min(y), x.max(y), similarity));
        }
    }
    let mut near: Vec<NearCluster> = clusters.into_values().collect();
    for cluster in &mut near {
        cluster.members.sort_unstable();
        cluster.members.dedup();
        cluster.pairs.sort_unstable_by_key(|pair| (pair.0, pair.1));
        cluster.pairs.dedup_by(|p, q| (p.0, p.1) == (q.0, q.1));
    }
    near.sort_unstable_by_key(|cluster| cluster.members[0]);
    Clusters { exact, near }
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
    fn a_big_bucket_of_near_copies_stays_bounded() {
        let texts: Vec<String> = (0..2_000).map(|i| format!("{BASE} number {i}")).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let clusters = find_duplicates(&refs, &DedupOptions::default());
        assert_eq!(clusters.near.len(), 1);
        assert_eq!(clusters.near[0].members.len(), 2_000);
    }
}
