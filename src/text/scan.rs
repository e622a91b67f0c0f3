//! Fast scans over words and sorted lists, shared by the reader, the extractor and matching.

/// How many ASCII letters and digits start `bytes[i..]`, counted eight at a time (SWAR: each
/// byte's high bit is set by carry-free additions when the byte lies in a range).
pub(crate) fn ascii_alnum_run(bytes: &[u8], i: usize) -> usize {
    ascii_run(bytes, i, true)
}

/// How many ASCII letters start `bytes[i..]`, as [`ascii_alnum_run`] counts them.
pub(crate) fn ascii_letter_run(bytes: &[u8], i: usize) -> usize {
    ascii_run(bytes, i, false)
}

/// How many ASCII letters (and digits, with `digits`) start `bytes[i..]`.
#[inline]
fn ascii_run(bytes: &[u8], i: usize, digits: bool) -> usize {
    let rest = bytes.get(i..).unwrap_or_default();
    let mut chunks = rest.chunks_exact(8);
    let mut n = 0;
    for chunk in &mut chunks {
        let misses = run_misses(
            u64::from_le_bytes(chunk.try_into().unwrap_or_default()),
            digits,
        );
        if misses != 0 {
            return n + (misses.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    // The last few bytes, one at a time.
    let in_run = |b: &&u8| b.is_ascii_alphabetic() || (digits && b.is_ascii_digit());
    n + chunks.remainder().iter().take_while(in_run).count()
}

/// The high bit of each byte of `w` that is no ASCII letter (nor digit, with `digits`), exact
/// below the lowest such byte (SWAR: the high bit of `x + (0x80 - lo)` is set when an ASCII
/// byte x is at least `lo`). A byte at or above 0x80 is a miss by its own high bit; its sums may
/// carry into the bytes above it, never into those below, so the lowest miss is exact.
fn run_misses(w: u64, digits: bool) -> u64 {
    const HI: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let at_least = |x: u64, lo: u8| x.wrapping_add(ONES * (0x80 - u64::from(lo)));
    // At least the first of a range and not at least the byte after it: as one of the two
    // implies the other, their XOR.
    let within = |x: u64, lo: u8, hi: u8| at_least(x, lo) ^ at_least(x, hi + 1);
    let mut hits = within(w | (ONES * 0x20), b'a', b'z');
    if digits {
        hits |= within(w, b'0', b'9');
    }
    (!hits | w) & HI
}

/// The first place of `needle` in `hay` (none for an empty needle), as `memmem::find` gives
/// it: the places of its rarest byte (by [`byte_rank`]) are found with `memchr` and a few
/// compared directly, since building a searcher costs more than a short sentence's scan; past
/// them a searcher takes over, so the cost stays linear. (The first byte was the anchor: in
/// "more than 500 jobs" or "2,000" it stands every few bytes of a sheet.)
pub(crate) fn find_first(hay: &[u8], needle: &[u8]) -> Option<usize> {
    const DIRECT: usize = 16;
    let k = anchor_of(needle)?;
    let anchor = needle[k];
    let rest = hay.get(k..)?;
    for (n, at) in memchr::memchr_iter(anchor, rest).enumerate() {
        if n == DIRECT {
            return memchr::memmem::find(&hay[at..], needle).map(|j| at + j);
        }
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
    }
    None
}

/// Where the rarest of the needle's first [`ANCHOR_BYTES`] bytes stands (the first of equals):
/// a place of the needle is found from its anchor. None for an empty needle.
fn anchor_of(needle: &[u8]) -> Option<usize> {
    let rarest = needle
        .iter()
        .take(ANCHOR_BYTES)
        .enumerate()
        .min_by_key(|&(_, &b)| byte_rank(b));
    rarest.map(|(k, _)| k)
}

/// How many of a needle's first bytes [`find_first`] chooses its anchor from.
const ANCHOR_BYTES: usize = 12;

/// How common a byte is in the English text of a sheet, roughly (higher: more common): the
/// space, then lower-case letters by their frequency, the punctuation of numbers, digits,
/// capitals and other signs; one look-up a byte.
fn byte_rank(b: u8) -> u8 {
    BYTE_RANKS[usize::from(b)]
}

/// The table of [`byte_rank`].
const BYTE_RANKS: [u8; 256] = {
    const LETTERS: &[u8; 26] = b"etaoinshrdlcumwfgypbvkjxqz";
    let mut t = [50u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b' ' => 255,
            b',' | b'.' => 160,
            b'0'..=b'9' => 120,
            b'A'..=b'Z' => 100,
            _ => 50,
        };
        b += 1;
    }
    let mut place = 0;
    while place < 26 {
        t[LETTERS[place] as usize] = 250 - 4 * place as u8;
        place += 1;
    }
    t
};

/// How many items two sorted lists share, counting repeats as often as both hold them (one
/// merge pass).
pub(crate) fn sorted_common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_first_is_memmem_find() {
        let hay = b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab 5 jobs, 5 jobs";
        for needle in [
            &b"ab"[..],
            b"5 jobs",
            b"jobs",
            b"b",
            b"x",
            b"aaab",
            b"aaaaaaaaaaaaaaaaaaaaab",
        ] {
            assert_eq!(find_first(hay, needle), memchr::memmem::find(hay, needle));
        }
        assert_eq!(find_first(hay, b""), None);
        assert_eq!(find_first(b"", b"a"), None);
        let anchors: [(&[u8], Option<usize>); 6] = [
            (b"", None),
            (b"e", Some(0)),
            (b"more than 500 jobs", Some(10)),
            (b"$5.2 billion", Some(0)),
            (b"2,000", Some(0)),
            (b"the the the the x", Some(1)),
        ];
        for (needle, want) in anchors {
            assert_eq!(anchor_of(needle), want, "{needle:?}");
        }
        // Texts and needles from a small alphabet, so that anchors repeat past the direct
        // comparisons, against memmem's answer.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let alphabet = b"ab ,0$jZ";
        let mut pick = |n: u64| -> Vec<u8> {
            let len = next() % n;
            (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect()
        };
        for _ in 0..20_000 {
            let hay = pick(120);
            let mut needle = pick(16);
            // Half the needles are cut from the text, so that most are found.
            if needle.len() % 2 == 0 && !hay.is_empty() {
                let from = needle.len() % hay.len();
                needle = hay[from..hay.len().min(from + 1 + needle.len() / 2)].to_vec();
            }
            let want = if needle.is_empty() {
                None
            } else {
                memchr::memmem::find(&hay, &needle)
            };
            assert_eq!(find_first(&hay, &needle), want, "{hay:?} {needle:?}");
        }
    }

    #[test]
    fn alnum_runs_match_a_byte_loop() {
        let texts = [
            "",
            "a",
            "Biden-Harris",
            "abcdefgh",
            "abcdefghi jk",
            "1234567890123456789,000",
            "@[`{/:AZaz09",
            "Centroam\u{e9}rica Local",
            "\u{0}\u{1f}\u{7f} zZ",
            "                 x",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for i in 0..=bytes.len() {
                let want = bytes[i..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                assert_eq!(ascii_alnum_run(bytes, i), want, "{text:?} at {i}");
                let want = bytes[i..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
                assert_eq!(ascii_letter_run(bytes, i), want, "{text:?} at {i}");
            }
        }
        // A byte above 0x7F before letters in the same eight: its carries stay above it.
        for text in [
            &b"ab\xff\xffcdefgh"[..],
            b"\xc3\xa9abcdefghij",
            b"abcdefg\xe2\x80\x94z",
        ] {
            let want = text.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            assert_eq!(ascii_letter_run(text, 0), want, "{text:?}");
            assert_eq!(ascii_alnum_run(text, 0), want, "{text:?}");
        }
        // Every byte value, in every lane.
        for lane in 0..8 {
            for b in 0..=255u8 {
                let mut bytes = *b"aaaaaaaaaaaaaaaa";
                bytes[lane] = b;
                let want = bytes
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                assert_eq!(
                    ascii_alnum_run(&bytes, 0),
                    want,
                    "byte {b:#x} in lane {lane}"
                );
                let want = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
                assert_eq!(
                    ascii_letter_run(&bytes, 0),
                    want,
                    "byte {b:#x} in lane {lane}"
                );
            }
        }
    }

    #[test]
    fn sorted_lists_share_repeats() {
        let cases: [(&[u32], &[u32], usize); 4] = [
            (&[1, 2, 2, 3], &[2, 2, 4], 2),
            (&[1, 2, 2, 3], &[2, 3, 3], 2),
            (&[], &[1], 0),
            (&[5], &[5], 1),
        ];
        for (a, b, want) in cases {
            assert_eq!(sorted_common(a, b), want, "{a:?} {b:?}");
        }
    }
}
