//! Where a text's ASCII letters and digits are, as bit masks (one `u64` per 64 bytes) built
//! once per text, so that the tokenizer finds the end of a word with one bit count instead of
//! testing its bytes; the letters alone for the test of a text's number words.

/// Fills `out` with the masks of `bytes`: bit `k` of mask `n` is set when byte `64 n + k` is
/// an ASCII letter or digit; bytes past the end are neither.
pub(super) fn fill(bytes: &[u8], out: &mut Vec<u64>) {
    out.clear();
    out.reserve(bytes.len() / 64 + 1);
    let whole = bytes.chunks_exact(64);
    let rest = whole.remainder();
    out.extend(whole.map(|chunk| <&[u8; 64]>::try_from(chunk).map_or(0, alnum_mask)));
    if !rest.is_empty() {
        let mut tail = [0u8; 64];
        if let Some(head) = tail.get_mut(..rest.len()) {
            head.copy_from_slice(rest);
        }
        out.push(alnum_mask(&tail));
    }
}

/// How many ASCII letters and digits start at byte `i` of the text of `masks`: the first clear
/// bit from `i` on, across masks (past the last one, none is set).
#[inline]
pub(super) fn alnum_run(masks: &[u64], i: usize) -> usize {
    let (mut at, off) = (i / 64, i % 64);
    let mask = |at: usize| masks.get(at).copied().unwrap_or(0);
    // The shift brings in clear bits from the top, read as letters: a run that reaches the
    // mask's end goes on into the next.
    let stops = !mask(at) >> off;
    if stops != 0 {
        return stops.trailing_zeros() as usize;
    }
    let mut n = 64 - off;
    loop {
        at += 1;
        let stops = !mask(at);
        if stops != 0 {
            return n + stops.trailing_zeros() as usize;
        }
        n += 64;
    }
}

/// Bit `k` set when byte `k` of `block` is an ASCII letter.
pub(super) fn letter_mask(block: &[u8; 64]) -> u64 {
    mask_of(block, false)
}

/// Bit `k` set when byte `k` of `block` is an ASCII letter or digit.
fn alnum_mask(block: &[u8; 64]) -> u64 {
    mask_of(block, true)
}

/// Bit `k` set when byte `k` of `block` is an ASCII letter (or digit, with `digits`).
#[cfg(target_arch = "x86_64")]
#[inline]
fn mask_of(block: &[u8; 64], digits: bool) -> u64 {
    // SAFETY: SSE2 is part of every x86_64 target, so the feature `mask_sse2` asks for is
    // always there.
    unsafe { mask_sse2(block, digits) }
}

/// [`mask_of`] with SSE2: sixteen bytes compared at once, their high bits gathered by
/// `movemask` (about forty instructions a block where a loop over the bytes takes hundreds).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn mask_sse2(block: &[u8; 64], digits: bool) -> u64 {
    use std::arch::x86_64::{
        _mm_add_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        _mm_set_epi64x,
    };
    // `x` lies in `lo..lo + len` when `x + (0x80 - lo)`, read as signed, is below
    // `-0x80 + len`: one add and one signed compare.
    let within = |v, lo: u8, len: u8| {
        let shifted = _mm_add_epi8(v, _mm_set1_epi8(0x80_u8.wrapping_sub(lo) as i8));
        _mm_cmplt_epi8(shifted, _mm_set1_epi8(0x80_u8.wrapping_add(len) as i8))
    };
    let mut mask = 0;
    for (k, chunk) in block.chunks_exact(16).enumerate() {
        let half = |at: usize| {
            let bytes = chunk
                .get(at..at + 8)
                .and_then(|h| <[u8; 8]>::try_from(h).ok());
            i64::from_le_bytes(bytes.unwrap_or_default())
        };
        let v = _mm_set_epi64x(half(8), half(0));
        let mut hits = within(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 26);
        if digits {
            hits = _mm_or_si128(hits, within(v, b'0', 10));
        }
        let bits = _mm_movemask_epi8(hits) as u16;
        mask |= u64::from(bits) << (16 * k);
    }
    mask
}

/// Bit `k` set when byte `k` of `block` is an ASCII letter (or digit, with `digits`).
#[cfg(not(target_arch = "x86_64"))]
fn mask_of(block: &[u8; 64], digits: bool) -> u64 {
    mask_bytewise(block, digits)
}

/// [`mask_of`] a byte at a time: the definition the SIMD version must match.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn mask_bytewise(block: &[u8; 64], digits: bool) -> u64 {
    let mut mask = 0;
    for (k, &b) in block.iter().enumerate() {
        let hit = b.is_ascii_alphabetic() || (digits && b.is_ascii_digit());
        mask |= u64::from(hit) << k;
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_agree_with_the_byte_test() {
        // Every byte value at every position of a block.
        for start in (0..256).step_by(4) {
            let mut block = [0u8; 64];
            for (k, b) in block.iter_mut().enumerate() {
                *b = ((start + k) % 256) as u8;
            }
            assert_eq!(alnum_mask(&block), mask_bytewise(&block, true), "{block:?}");
            assert_eq!(
                letter_mask(&block),
                mask_bytewise(&block, false),
                "{block:?}"
            );
        }
        assert_eq!(alnum_mask(&[b'z'; 64]), u64::MAX);
        assert_eq!(alnum_mask(&[b'Z' + 0x80; 64]), 0);
        assert_eq!(letter_mask(&[b'7'; 64]), 0);
        // Each letter where it stands, among spaces.
        for b in 0..=u8::MAX {
            let mut block = [b' '; 64];
            (block[0], block[9], block[63]) = (b, b, b);
            let want = u64::from(b.is_ascii_alphabetic()) * (1 | 1 << 9 | 1 << 63);
            assert_eq!(letter_mask(&block), want, "{b}");
        }
    }

    #[test]
    fn runs_cross_blocks_and_stop_at_the_end() {
        // text, byte, run
        let long = format!("{} x", "a".repeat(130));
        let cases: &[(&str, usize, usize)] = &[
            ("", 0, 0),
            ("abc def", 0, 3),
            ("abc def", 3, 0),
            ("abc def", 5, 2),
            ("x9Z-", 0, 3),
            ("é1", 0, 0),
            ("é1", 2, 1),
            (&long, 0, 130),
            (&long, 70, 60),
            (&long, 130, 0),
            (&long, 131, 1),
            (&long, 132, 0),
        ];
        for &(text, i, want) in cases {
            let mut masks = Vec::new();
            fill(text.as_bytes(), &mut masks);
            assert_eq!(masks.len(), text.len().div_ceil(64), "{text}");
            assert_eq!(alnum_run(&masks, i), want, "{text} {i}");
        }
    }
}
