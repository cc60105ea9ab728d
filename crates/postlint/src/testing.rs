//! Helpers for the crate's own tests.

/// A small, deterministic pseudo-random source (xorshift64) for randomized tests.
pub struct Xorshift(u64);

impl Xorshift {
    /// A source from a nonzero `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next number in `0..bound`.
    pub fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % bound as u64) as usize
    }

    /// `count` of `pieces`, each picked at random, joined.
    pub fn join(&mut self, pieces: &[&str], count: usize) -> String {
        (0..count).map(|_| pieces[self.below(pieces.len())]).collect()
    }

    /// Fewer than `bound` of `pieces`, each picked at random, joined.
    pub fn text(&mut self, pieces: &[&str], bound: usize) -> String {
        let count = self.below(bound);
        self.join(pieces, count)
    }
}
