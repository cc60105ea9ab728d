//! Hash maps and sets for in-memory keys: foldhash with its fixed seed, fast on short keys and
//! mixed into every bit of the hash. No protection against collisions chosen with knowledge of
//! the seed, which maps of a post's hashtags or of fingerprints do not need; nothing reported
//! depends on their iteration order (the hash differs between 32- and 64-bit targets).

use std::collections::{HashMap, HashSet};

use foldhash::fast::FixedState;

/// A `HashMap` with foldhash's fixed-seed hasher.
pub type FastMap<K, V> = HashMap<K, V, FixedState>;

/// A `HashSet` with foldhash's fixed-seed hasher.
pub type FastSet<K> = HashSet<K, FixedState>;

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

    use super::*;

    /// hashbrown picks a bucket from the hash's low bits. Keys that differ only in their last
    /// bytes (`tag0` ... `tag4095`) must spread over them: FxHash's multiply put them in a few
    /// dozen buckets, and a post of 10k such hashtags took quadratic time.
    #[test]
    fn keys_differing_in_their_last_bytes_spread_over_the_low_bits() {
        let state = FixedState::default();
        for prefix in ["tag", "", "followfriday_", "x"] {
            let buckets: FastSet<u64> = (0..4096)
                .map(|i| state.hash_one(format!("{prefix}{i}")) & 0xFFF)
                .collect();
            // 4096 random hashes fill about 2590 of 4096 buckets.
            assert!(buckets.len() > 2400, "{prefix}: {} buckets", buckets.len());
        }
    }
}
