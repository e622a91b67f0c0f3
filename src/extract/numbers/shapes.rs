//! Shapes of number words: bit tables built from the number word lists at compile time, so
//! that a word's length and first letters turn it away before any comparison.

use super::super::lexicon::{SMALL_NUMBERS, TENS};

/// Bit `c` is set when some number word ("zero" … "ninety") starts with letter `c`.
const NUMBER_INITIALS: u32 = number_initials();

const fn number_initials() -> u32 {
    let mut mask = 0u32;
    let mut n = 0;
    while n < NUMBER_WORD_SHAPES.len() {
        mask |= NUMBER_WORD_SHAPES[n];
        n += 1;
    }
    mask
}

/// [`is_number_initial`] of every byte, for loops that test many bytes: one look-up each.
pub(super) const NUMBER_INITIAL_BYTES: [bool; 256] = number_initial_bytes();

/// Builds [`NUMBER_INITIAL_BYTES`].
const fn number_initial_bytes() -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = is_number_initial(b as u8);
        b += 1;
    }
    table
}

/// True when byte `b` (any case) starts some number word: a bit test, no search.
pub(in crate::extract) const fn is_number_initial(b: u8) -> bool {
    let letter = b.to_ascii_lowercase().wrapping_sub(b'a');
    letter < 26 && NUMBER_INITIALS & (1 << letter) != 0
}

/// Bit `c` of entry `n` is set when a number word of `n` bytes starts with letter `c`.
const NUMBER_WORD_SHAPES: [u32; 16] = number_word_shapes();

/// Builds [`NUMBER_WORD_SHAPES`] from [`SMALL_NUMBERS`] and [`TENS`].
const fn number_word_shapes() -> [u32; 16] {
    let mut table = [0u32; 16];
    let lists: [&[&str]; 2] = [SMALL_NUMBERS, TENS];
    let mut l = 0;
    while l < lists.len() {
        let list = lists[l];
        let mut k = 0;
        while k < list.len() {
            let b = list[k].as_bytes();
            if b.len() < table.len() {
                table[b.len()] |= 1 << (b[0] - b'a');
            }
            k += 1;
        }
        l += 1;
    }
    table
}

/// Longest number word [`NUMBER_WORD_STARTS`] holds, plus one.
const SHAPE_LENGTHS: usize = 16;

/// Bit `n` of entry `[f][s]` is set when a number word of `n` bytes starts with letter `f`
/// (0 for "a") and then byte `s` ("six": `[s][b'i']` has bit 3): one look-up and one bit test
/// tell a word's shape.
const NUMBER_WORD_STARTS: [[u16; 128]; 26] = number_word_starts();

/// Builds [`NUMBER_WORD_STARTS`] from [`SMALL_NUMBERS`] and [`TENS`].
const fn number_word_starts() -> [[u16; 128]; 26] {
    let mut table = [[0u16; 128]; 26];
    let lists: [&[&str]; 2] = [SMALL_NUMBERS, TENS];
    let mut l = 0;
    while l < lists.len() {
        let list = lists[l];
        let mut k = 0;
        while k < list.len() {
            let b = list[k].as_bytes();
            if b.len() < SHAPE_LENGTHS {
                table[(b[0] - b'a') as usize][b[1] as usize] |= 1 << b.len();
            }
            k += 1;
        }
        l += 1;
    }
    table
}

/// Bit `t` of entry `[f][s]` is set when some number word starts with the letters `f`, `s`,
/// `t` (0 for "a"): the third letter turns away most words of a number word's shape ("these",
/// "first").
const NUMBER_WORD_THIRDS: [[u32; 26]; 26] = number_word_thirds();

/// Builds [`NUMBER_WORD_THIRDS`] from [`SMALL_NUMBERS`] and [`TENS`].
const fn number_word_thirds() -> [[u32; 26]; 26] {
    let mut table = [[0u32; 26]; 26];
    let lists: [&[&str]; 2] = [SMALL_NUMBERS, TENS];
    let mut l = 0;
    while l < lists.len() {
        let list = lists[l];
        let mut k = 0;
        while k < list.len() {
            let b = list[k].as_bytes();
            table[(b[0] - b'a') as usize][(b[1] - b'a') as usize] |= 1 << (b[2] - b'a');
            k += 1;
        }
        l += 1;
    }
    table
}

/// True when the first three bytes of `w` (any case) start some number word.
pub(super) fn number_prefix(w: &[u8]) -> bool {
    // Only ASCII letters map below 26.
    let letter = |k: usize| {
        w.get(k)
            .map(|&c| usize::from((c | 0x20).wrapping_sub(b'a')))
    };
    let (Some(f), Some(s), Some(third)) = (letter(0), letter(1), letter(2)) else {
        return false;
    };
    third < 26
        && NUMBER_WORD_THIRDS
            .get(f)
            .and_then(|row| row.get(s))
            .is_some_and(|&bits| bits & (1 << third) != 0)
}

/// True when the first `len` bytes of `w` have the length and first two letters (any case) of
/// some number word.
pub(super) fn number_shaped(w: &[u8], len: usize) -> bool {
    let (Some(&a), Some(&b)) = (w.first(), w.get(1)) else {
        return false;
    };
    // Rows are letters and columns ASCII bytes: any other byte falls outside the table.
    len < SHAPE_LENGTHS
        && NUMBER_WORD_STARTS
            .get(usize::from((a | 0x20).wrapping_sub(b'a')))
            .and_then(|row| row.get(usize::from(b | 0x20)))
            .is_some_and(|&lengths| (lengths >> len) & 1 != 0)
}

/// True when `word` has the length and first letter of some number word.
pub(super) fn maybe_number_word(word: &str) -> bool {
    let Some(first) = word.as_bytes().first() else {
        return false;
    };
    let letter = first.to_ascii_lowercase().wrapping_sub(b'a');
    letter < 26
        && NUMBER_WORD_SHAPES
            .get(word.len())
            .is_some_and(|bits| bits & (1 << letter) != 0)
}

/// A cheap test before [`spelled_start`](super::words::spelled_start) that turns away almost every word: only the shape
/// (length and first two letters) of a number word, a word whose part before its first hyphen
/// has that shape ("twenty-five", "five-member") or a "-fold" word passes.
pub(in crate::extract) fn could_be_spelled(w: &[u8]) -> bool {
    if could_be_spelled_run(w) {
        return true;
    }
    // A number word before a hyphen is three to nine letters long: only those bytes are looked
    // at ("twenty-five", "seventeen-member").
    w.first().is_some_and(|&b| is_number_initial(b))
        && w.get(3..w.len().min(10))
            .and_then(|mid| mid.iter().position(|&b| b == b'-'))
            .is_some_and(|p| number_shaped(w, p + 3))
}

/// [`could_be_spelled`] of a word without a hyphen ("six", "fivefold"), which needs no search
/// for one.
#[inline]
pub(in crate::extract) fn could_be_spelled_run(w: &[u8]) -> bool {
    w.first().is_some_and(|&b| is_number_initial(b)) && initial_run_shaped(w)
}

/// [`could_be_spelled_run`] of a word whose first byte is known to pass
/// [`is_number_initial`] (the tokenizer's byte class says so): that test is not made again.
#[inline]
pub(in crate::extract) fn initial_run_shaped(w: &[u8]) -> bool {
    let len = w.len();
    number_shaped(w, len)
        || (len > 4
            && w.last().is_some_and(|&b| b | 0x20 == b'd')
            && w.get(len - 4..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(b"fold")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_shapes_need_a_number_words_length_and_first_letters() {
        // bytes, length looked at, shaped
        let cases: &[(&[u8], usize, bool)] = &[
            (b"six", 3, true),
            (b"SIX", 3, true),
            (b"sIxty", 5, true),
            (b"six", 4, false),
            (b"sit", 3, true),
            (b"sax", 3, false),
            (b"t3n", 3, false),
            (b"Twenty-five", 6, true),
            (b"s\xc3\xa9x", 3, false),
            (b"\xd3ix", 3, false),
            (b"s", 3, false),
            (b"seventeen", 9, true),
            (b"seventeenth", 16, false),
        ];
        for &(w, len, want) in cases {
            assert_eq!(number_shaped(w, len), want, "{w:?} {len}");
        }
    }

    #[test]
    fn number_prefixes_are_three_letters_of_a_number_word() {
        let cases: &[(&[u8], bool)] = &[
            (b"thr", true),
            (b"THREE", true),
            (b"these", false),
            (b"first", false),
            (b"fif", true),
            (b"twe", true),
            (b"tw", false),
            (b"tw\xc3", false),
            (b"s1x", false),
            (b"Nin", true),
        ];
        for &(w, want) in cases {
            assert_eq!(number_prefix(w), want, "{w:?}");
        }
        for w in SMALL_NUMBERS.iter().chain(TENS) {
            assert!(number_prefix(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn shape_test_passes_every_number_word() {
        let cases = [
            ("six", true),
            ("Twenty-five", true),
            ("fivefold", true),
            ("two-fold", true),
            ("jobs", false),
            ("", false),
            ("sixtyish", false),
            ("five-member", true),
            ("two-seat", true),
            ("strengthen", false),
            ("the", false),
            ("firms", true),
            ("staff", false),
        ];
        for (w, want) in cases {
            assert_eq!(could_be_spelled(w.as_bytes()), want, "{w}");
            if !w.contains('-') {
                assert_eq!(could_be_spelled_run(w.as_bytes()), want, "{w}");
            }
        }
    }
}
