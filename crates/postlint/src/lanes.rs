//! Text read sixteen bytes at a time, each block's bytes compared together (SIMD where the
//! target has it, through `wide`), for the scans that find where something may start or stop
//! and the counts of bytes of a kind.

use std::convert::Infallible;
use std::ops::ControlFlow;

use wide::u8x16;

/// The bytes of one block.
pub(crate) const LANES: usize = 16;

/// The bytes of `block`, one per lane.
pub(crate) fn load(block: &[u8; LANES]) -> u8x16 {
    u8x16::new(*block)
}

/// All ones in the lanes of `bytes` holding `byte`, zero in the others.
pub(crate) fn equal(bytes: u8x16, byte: u8) -> u8x16 {
    bytes.simd_eq(u8x16::splat(byte))
}

/// All ones in the lanes of `bytes` holding a byte of `first..=last`, zero in the others.
pub(crate) fn in_range(bytes: u8x16, first: u8, last: u8) -> u8x16 {
    debug_assert!(first <= last, "an empty range");
    // `byte - first <= last - first`, unsigned: `min` leaves it as it is.
    let offsets = bytes - u8x16::splat(first);
    offsets.min(u8x16::splat(last - first)).simd_eq(offsets)
}

/// The high bit of each lane, lane `i` as bit `i`.
pub(crate) fn high_bits(lanes: u8x16) -> u32 {
    lanes.to_bitmask()
}

/// The offset of the first byte of `bytes` that `found` marks (the high bit of its lane in the
/// block, as [`high_bits`] reads it; `found_byte` says the same of one byte): [`LANES`] bytes a
/// step, and the bytes after the last whole block read as the last block of `bytes`,
/// overlapping the blocks before (which held none, or the search had stopped). For the short
/// texts of posts this costs less than memchr, whose set-up alone takes tens of instructions
/// per call, and needs no padded copy of the last block.
pub(crate) fn first_position(
    bytes: &[u8],
    found: impl Fn(u8x16) -> u8x16,
    found_byte: impl Fn(u8) -> bool,
) -> Option<usize> {
    let bits = |block: &[u8; LANES]| high_bits(found(load(block)));
    let (blocks, rest) = bytes.as_chunks::<LANES>();
    for (index, block) in blocks.iter().enumerate() {
        let bits = bits(block);
        if bits != 0 {
            return Some(index * LANES + bits.trailing_zeros() as usize);
        }
    }
    if rest.is_empty() {
        return None;
    }
    match bytes.last_chunk::<LANES>() {
        Some(last) => match bits(last) {
            0 => None,
            bits => Some(bytes.len() - LANES + bits.trailing_zeros() as usize),
        },
        None => rest.iter().position(|&byte| found_byte(byte)),
    }
}

/// The offset of the first byte of `bytes` that is `first` or `second` ([`first_position`]).
pub(crate) fn position_of_either(bytes: &[u8], first: u8, second: u8) -> Option<usize> {
    first_position(
        bytes,
        |lanes| equal(lanes, first) | equal(lanes, second),
        |byte| byte == first || byte == second,
    )
}

/// The offset of the first `byte` of `bytes` ([`position_of_either`] with one byte).
pub(crate) fn position_of(bytes: &[u8], byte: u8) -> Option<usize> {
    position_of_either(bytes, byte, byte)
}

/// How often each lane was set in the masks added, summed over the lanes: a count of bytes,
/// kept per lane in byte-wide counters (no population count, which x86-64 lacks by default).
#[derive(Clone, Copy)]
pub(crate) struct LaneCounts {
    /// The counts since the last fold into `total`.
    lanes: u8x16,
    /// Masks added since then: at most 255, so no lane overflows.
    added: u8,
    /// The counts folded so far.
    total: usize,
}

impl LaneCounts {
    /// No lane counted.
    pub(crate) const ZERO: Self = Self {
        lanes: u8x16::ZERO,
        added: 0,
        total: 0,
    };

    /// Counts the lanes set (all ones) in `mask`.
    pub(crate) fn add(&mut self, mask: u8x16) {
        // A set lane is 255, minus one in wrapping arithmetic.
        self.lanes -= mask;
        self.added += 1;
        if self.added == u8::MAX {
            self.total = self.sum();
            (self.lanes, self.added) = (u8x16::ZERO, 0);
        }
    }

    /// The lanes set in every mask added.
    pub(crate) fn sum(&self) -> usize {
        self.total
            + self
                .lanes
                .to_array()
                .iter()
                .map(|&count| usize::from(count))
                .sum::<usize>()
    }
}

/// [`try_for_each_block`] for a scan that reads every block.
pub(crate) fn for_each_block<const N: usize>(bytes: &[u8], pad: u8, mut each: impl FnMut(usize, &[u8; N], usize)) {
    let ControlFlow::<Infallible>::Continue(()) = try_for_each_block(bytes, pad, |at, block, len| {
        each(at, block, len);
        ControlFlow::Continue(())
    });
}

/// Calls `each` with the offset of every `N` bytes of `bytes` in order, the bytes, and how many
/// of them are `bytes`' own: all `N` but in the last block, whose end is padded with `pad`.
/// Stops when `each` breaks, with what it broke with.
pub(crate) fn try_for_each_block<const N: usize, B>(
    bytes: &[u8],
    pad: u8,
    mut each: impl FnMut(usize, &[u8; N], usize) -> ControlFlow<B>,
) -> ControlFlow<B> {
    // Filled only for the last block, if it is short.
    let mut padded;
    let mut at = 0;
    // One call of `each`, so that it is inlined.
    while at < bytes.len() {
        let (block, len) = match bytes.get(at..at + N) {
            Some(block) => (block.try_into().expect("N bytes"), N),
            None => {
                padded = [pad; N];
                padded[..bytes.len() - at].copy_from_slice(&bytes[at..]);
                (&padded, bytes.len() - at)
            }
        };
        each(at, block, len)?;
        at += N;
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparisons_see_every_byte_in_every_lane() {
        for byte in 0..=u8::MAX {
            for lane in 0..LANES {
                // The byte in one lane, the others set to bytes next to the ones compared with.
                let mut block = [
                    0xFF, 0x7F, b' ', b'\t', 0x80, b'\r', b'a', 0, b'!', b'\x1F', b'/', b':', 0xA0, b'~', 0xC3, b'\n',
                ];
                block[lane] = byte;
                let bytes = load(&block);
                let bit = |lanes: u8x16| high_bits(lanes) >> lane & 1 == 1;
                assert_eq!(bit(bytes), byte >= 0x80, "byte {byte:#x} in lane {lane}");
                assert_eq!(bit(equal(bytes, b' ')), byte == b' ', "byte {byte:#x} in lane {lane}");
                assert_eq!(bit(equal(bytes, 0xC3)), byte == 0xC3, "byte {byte:#x} in lane {lane}");
                for (first, last) in [(b'0', b'9'), (b'\t', b'\r'), (0, 0x7F), (0x80, 0xBF), (b'a', b'a')] {
                    let inside = (first..=last).contains(&byte);
                    assert_eq!(
                        bit(in_range(bytes, first, last)),
                        inside,
                        "{byte:#x} in {first:#x}..={last:#x}"
                    );
                }
            }
        }
    }

    #[test]
    fn position_of_either_finds_the_first_in_every_block_and_the_overlapping_last() {
        let mut random = crate::testing::Xorshift::new(0x5EED_0000_0000_0042);
        for _ in 0..20_000 {
            let length = random.below(80);
            // Mostly other bytes, so that the first found falls in any block.
            let bytes: Vec<u8> = (0..length)
                .map(|_| match random.below(60) {
                    0 => b'.',
                    1 => 0xEF,
                    2 => b'#',
                    _ => b'a',
                })
                .collect();
            let expected = bytes.iter().position(|&byte| byte == b'.' || byte == 0xEF);
            assert_eq!(position_of_either(&bytes, b'.', 0xEF), expected, "{bytes:?}");
        }
    }

    #[test]
    fn lane_counts_count_past_what_a_lane_holds() {
        let mut counts = LaneCounts::ZERO;
        let mut expected = 0;
        for round in 0..1_000usize {
            // Lanes 0 and `round % 16` set, the others not.
            let mut block = [0u8; LANES];
            block[0] = 1;
            block[round % LANES] = 1;
            counts.add(equal(load(&block), 1));
            expected += 1 + usize::from(round % LANES != 0);
            assert_eq!(counts.sum(), expected, "after {round}");
        }
    }

    #[test]
    fn blocks_cover_the_bytes_once_and_pad_the_last() {
        let bytes: Vec<u8> = (1..=40).collect();
        let mut seen = Vec::new();
        let flow = try_for_each_block::<16, ()>(&bytes, 0xEE, |at, block, len| {
            assert_eq!(&block[..len], &bytes[at..at + len]);
            assert!(block[len..].iter().all(|&byte| byte == 0xEE));
            seen.push((at, len));
            ControlFlow::Continue(())
        });
        assert_eq!(flow, ControlFlow::Continue(()));
        assert_eq!(seen, [(0, 16), (16, 16), (32, 8)]);
        let stopped = try_for_each_block::<16, usize>(&bytes, 0, |at, _, _| match at {
            16 => ControlFlow::Break(at),
            _ => ControlFlow::Continue(()),
        });
        assert_eq!(stopped, ControlFlow::Break(16));
        assert_eq!(
            try_for_each_block::<16, ()>(&[], 0, |_, _, _| panic!("no block")),
            ControlFlow::Continue(())
        );
    }
}
