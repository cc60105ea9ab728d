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

/// What one pass of [`presence`] tells of a text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Presence<const K: usize> {
    /// Whether each wanted byte occurs.
    pub(crate) found: [bool; K],
    /// Whether every byte is ASCII.
    pub(crate) ascii: bool,
}

/// Which of the `K` bytes of `wanted` occur in `bytes`, and whether they are all ASCII, in one
/// pass: each block compared with each byte, the matches ORed together per byte (and the blocks
/// themselves, for their high bits) and read once at the end (the bytes after the last whole
/// block read as the last block of `bytes`, overlapping the blocks before). One pass that finds
/// a byte absent spares a search for it.
pub(crate) fn presence<const K: usize>(bytes: &[u8], wanted: [u8; K]) -> Presence<K> {
    let Some(last) = bytes.last_chunk::<LANES>() else {
        return Presence {
            found: wanted.map(|byte| bytes.contains(&byte)),
            ascii: bytes.is_ascii(),
        };
    };
    let (blocks, _) = bytes.as_chunks::<LANES>();
    let mut any = load(last);
    let mut seen = wanted.map(|byte| equal(any, byte));
    for block in blocks {
        let lanes = load(block);
        any |= lanes;
        for (seen, &byte) in seen.iter_mut().zip(&wanted) {
            *seen |= equal(lanes, byte);
        }
    }
    Presence {
        found: seen.map(|lanes| high_bits(lanes) != 0),
        ascii: high_bits(any) == 0,
    }
}

/// Calls `each` with the offset of every block of `bytes` and the block (the last padded with
/// `pad`, as [`for_each_block`] does), and counts the lanes set (all ones) in each of the `K`
/// masks it returns, summed over the blocks. The counts are kept per lane in byte-wide
/// counters (no population count, which x86-64 lacks by default), folded every 255 blocks,
/// before a lane can overflow.
pub(crate) fn count_lanes<const K: usize>(
    bytes: &[u8],
    pad: u8,
    mut each: impl FnMut(usize, &[u8; LANES]) -> [u8x16; K],
) -> [usize; K] {
    const CHUNK: usize = u8::MAX as usize * LANES;
    let mut totals = [0; K];
    let mut start = 0;
    while start < bytes.len() {
        let end = bytes.len().min(start + CHUNK);
        let mut counts = [u8x16::ZERO; K];
        for_each_block(&bytes[start..end], pad, |at, block, _| {
            for (count, mask) in counts.iter_mut().zip(each(start + at, block)) {
                // A set lane is 255, minus one in wrapping arithmetic.
                *count -= mask;
            }
        });
        for (total, count) in totals.iter_mut().zip(counts) {
            *total += count.to_array().iter().map(|&lane| usize::from(lane)).sum::<usize>();
        }
        start = end;
    }
    totals
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
                let len = bytes.len() - at;
                padded = padded_end(bytes, len, pad);
                (&padded, len)
            }
        };
        each(at, block, len)?;
        at += N;
    }
    ControlFlow::Continue(())
}

/// The last `len` bytes of `bytes` (fewer than `N`), then `pad` up to `N` bytes. From a text of
/// `N` bytes or more, its last `N` and `N` of `pad` side by side, read from where the `len`
/// start: copies of a fixed size, where a copy of `len` bytes calls memcpy.
#[inline]
fn padded_end<const N: usize>(bytes: &[u8], len: usize, pad: u8) -> [u8; N] {
    match bytes.last_chunk::<N>() {
        Some(last) => {
            let halves = [*last, [pad; N]];
            halves.as_flattened()[N - len..][..N].try_into().expect("N bytes")
        }
        None => {
            let mut block = [pad; N];
            block[..len].copy_from_slice(&bytes[bytes.len() - len..]);
            block
        }
    }
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

    /// Up to 80 bytes, mostly `a`, each one of `.`, 0xEF and `#` once in `rarity` on average.
    fn sparse_bytes(random: &mut crate::testing::Xorshift, rarity: usize) -> Vec<u8> {
        let length = random.below(80);
        (0..length)
            .map(|_| match random.below(rarity) {
                0 => b'.',
                1 => 0xEF,
                2 => b'#',
                _ => b'a',
            })
            .collect()
    }

    #[test]
    fn position_of_either_finds_the_first_in_every_block_and_the_overlapping_last() {
        let mut random = crate::testing::Xorshift::new(0x5EED_0000_0000_0042);
        for _ in 0..20_000 {
            // Mostly other bytes, so that the first found falls in any block.
            let bytes = sparse_bytes(&mut random, 60);
            let expected = bytes.iter().position(|&byte| byte == b'.' || byte == 0xEF);
            assert_eq!(position_of_either(&bytes, b'.', 0xEF), expected, "{bytes:?}");
        }
    }

    #[test]
    fn presence_sees_each_byte_in_every_block_and_the_overlapping_last() {
        let mut random = crate::testing::Xorshift::new(0x5EED_0000_0000_0043);
        for _ in 0..20_000 {
            // Rarer, so that each byte is often absent and, present, in any block.
            let bytes = sparse_bytes(&mut random, 120);
            let wanted = [b'.', 0xEF, b'#', b'@'];
            let expected = Presence {
                found: wanted.map(|byte| bytes.contains(&byte)),
                ascii: bytes.is_ascii(),
            };
            assert_eq!(presence(&bytes, wanted), expected, "{bytes:?}");
        }
    }

    #[test]
    fn lanes_are_counted_past_what_a_lane_holds() {
        for length in [0usize, 1, 15, 16, 17, 4079, 4080, 4081, 9000] {
            // Every byte once in the first mask (the padding is 7); the ones in the second.
            let bytes: Vec<u8> = (0..length).map(|at| u8::from(at % 3 == 0)).collect();
            let mut offsets = Vec::new();
            let counts = count_lanes(&bytes, 7, |at, block| {
                offsets.push(at);
                let bytes = load(block);
                [!equal(bytes, 7), equal(bytes, 1)]
            });
            assert_eq!(counts, [length, length.div_ceil(3)], "{length} bytes");
            assert!(offsets.iter().copied().eq((0..length).step_by(LANES)), "{length} bytes");
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
        // Last blocks of every length, from texts shorter and longer than a block.
        for length in 1..=50 {
            let bytes: Vec<u8> = (1..=length).collect();
            let mut covered = Vec::new();
            for_each_block::<16>(&bytes, 0xEE, |at, block, len| {
                assert_eq!(len, 16.min(bytes.len() - at), "{length} bytes");
                assert_eq!(&block[..len], &bytes[at..at + len], "{length} bytes");
                assert!(block[len..].iter().all(|&byte| byte == 0xEE), "{length} bytes");
                covered.extend_from_slice(&block[..len]);
            });
            assert_eq!(covered, bytes);
        }
    }
}
