//! Spelled numbers: "six", "twenty-five", "one hundred fifty", "fivefold", read after the
//! cheap tests of [`super::shapes`] turned away almost every other word.

use super::super::lexicon::ARTICLE_SCALES;
use super::super::masks::letter_mask;
use super::super::tokens::{Tok, Toks};
use super::super::units::{compound_of, Compound};
use super::shapes::{
    initial_run_shaped, maybe_number_word, number_prefix, number_shaped, NUMBER_INITIAL_BYTES,
};
use crate::text::ascii_letter_run;
use rust_decimal::Decimal;

/// Shortest and longest spelled compound ("forty-one", "seventy-seven").
const COMPOUND_MIN_LEN: usize = 9;
/// See [`COMPOUND_MIN_LEN`].
const COMPOUND_MAX_LEN: usize = 13;

/// The value of a lower-case word of `SMALL_NUMBERS`: a `match` the compiler turns into a
/// length switch and a few compares, where a list search compared every entry.
fn unit_value(w: &[u8]) -> Option<u32> {
    Some(match w {
        b"zero" => 0,
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        _ => return None,
    })
}

/// The value of a lower-case word of `TENS`.
fn tens_value(w: &[u8]) -> Option<u32> {
    Some(match w {
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        _ => return None,
    })
}

/// The value of one spelled number word below a hundred ("six", "twenty-five").
pub(in crate::extract) fn small_number(w: &str) -> Option<u32> {
    if w.len() < 3 || w.len() > COMPOUND_MAX_LEN {
        return None;
    }
    // The shape of the word (or of its part before a hyphen) turns most words away first.
    let bytes = w.as_bytes();
    let head = bytes.iter().position(|&b| b == b'-').unwrap_or(bytes.len());
    if !number_shaped(bytes, head) || !number_prefix(bytes) {
        return None;
    }
    let mut buf = [0u8; COMPOUND_MAX_LEN];
    let lower = buf.get_mut(..w.len())?;
    for (d, s) in lower.iter_mut().zip(w.as_bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let lower: &[u8] = lower;
    if let Some(v) = unit_value(lower).or_else(|| tens_value(lower)) {
        return Some(v);
    }
    if lower.len() < COMPOUND_MIN_LEN {
        return None;
    }
    let dash = lower.iter().position(|&b| b == b'-')?;
    let t = tens_value(lower.get(..dash)?)?;
    let u = unit_value(lower.get(dash + 1..)?).filter(|u| (1..10).contains(u))?;
    Some(t + u)
}

/// False when `text` cannot hold a figure: no ASCII digit and no word that starts with a
/// number word ("six", "twenty-five", "fivefold", "five-member"). One scan over the bytes,
/// cheaper than cutting the text into tokens, so a claim without numbers costs little.
pub(in crate::extract) fn may_hold_number(text: &str) -> bool {
    let b = text.as_bytes();
    // Digits first, 64 bytes at a time (the fold has no early exit, so it vectorises).
    if b.chunks(64).any(|chunk| {
        chunk
            .iter()
            .fold(false, |found, c| found | c.is_ascii_digit())
    }) {
        return true;
    }
    // Runs of ASCII letters (no digits are left) start where a letter follows a non-letter:
    // found in 64-byte bit masks; only runs whose first letter starts a number word are read.
    let whole = b.chunks_exact(64);
    // Whole blocks, then the last bytes padded with non-letters.
    let mut tail = [0u8; 64];
    if let Some(head) = tail.get_mut(..whole.remainder().len()) {
        head.copy_from_slice(whole.remainder());
    }
    // Blocks are read in place, not copied.
    let blocks = whole
        .filter_map(|block| <&[u8; 64]>::try_from(block).ok())
        .chain(std::iter::once(&tail));
    let mut carry = 0;
    for (n, full) in blocks.enumerate() {
        let letters = letter_mask(full);
        let mut starts = letters & !((letters << 1) | carry);
        carry = letters >> 63;
        while starts != 0 {
            let bit = starts.trailing_zeros() as usize;
            starts &= starts - 1;
            // The block holds the byte: no bounds test on the whole text, one table look-up.
            let first = full[bit & 63];
            if !NUMBER_INITIAL_BYTES[usize::from(first)] {
                if first | 0x20 == b'a' && article_scale_at(b, n * 64 + bit) {
                    return true;
                }
                continue;
            }
            // The run's letters in this block; one that reaches the block's end is read on.
            let len = (!(letters >> bit)).trailing_zeros() as usize;
            let start = n * 64 + bit;
            let run = if bit + len < 64 {
                full.get(bit..bit + len)
            } else {
                b.get(start..start + ascii_letter_run(b, start))
            };
            let run = run.unwrap_or_default();
            if initial_run_shaped(run) && is_number_run(text.get(start..start + run.len())) {
                return true;
            }
        }
    }
    false
}

/// True for a run of letters that is a number word or its "-fold" ("six", "fivefold").
fn is_number_run(word: Option<&str>) -> bool {
    word.is_some_and(|w| {
        small_number(w).is_some() || fold_prefix(w).and_then(small_number).is_some()
    })
}

/// True when `bytes` hold the word "a" at `at` followed by a space and a lower-case scale word
/// that stands for a number after it ("a million", "a dozen"): tested on the bytes, so the
/// tokenizer marks the article as a lead without a word list look-up for every word.
pub(in crate::extract) fn article_scale_at(bytes: &[u8], at: usize) -> bool {
    let Some((&[a, b' '], rest)) = bytes.get(at..).and_then(|r| r.split_first_chunk::<2>()) else {
        return false;
    };
    if a | 0x20 != b'a'
        || at
            .checked_sub(1)
            .and_then(|p| bytes.get(p))
            .is_some_and(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    ARTICLE_SCALES.iter().any(|s| {
        rest.starts_with(s.as_bytes()) && !rest.get(s.len()).is_some_and(u8::is_ascii_alphanumeric)
    })
}

/// True for a scale word that stands for a number after "a" ([`ARTICLE_SCALES`]).
pub(in crate::extract) fn is_article_scale(w: &str) -> bool {
    ARTICLE_SCALES.iter().any(|s| s.eq_ignore_ascii_case(w))
}

/// Marks as leads the articles before a scale word ("a million homes", "(a billion metric
/// tons)"). They are found among the one-letter words the letter and digit masks show, out of
/// the tokenizer's loop, where a test on every token cost more than all of this.
pub(in crate::extract) fn lead_articles(
    text: &str,
    masks: &[u64],
    toks: &mut [Tok],
    leads: &mut Vec<usize>,
) {
    let bytes = text.as_bytes();
    // Merged into the leads once at the end: an insert each would be quadratic in a hostile
    // text of many articles.
    let mut found = Vec::new();
    for (n, &m) in masks.iter().enumerate() {
        let before = n
            .checked_sub(1)
            .and_then(|p| masks.get(p))
            .map_or(0, |&p| p >> 63);
        let after = masks.get(n + 1).map_or(0, |&a| a << 63);
        // One-character words: no letter or digit on either side.
        let mut lone = m & !((m << 1) | before) & !((m >> 1) | after);
        while lone != 0 {
            let at = n * 64 + lone.trailing_zeros() as usize;
            lone &= lone - 1;
            // Most one-letter words are no "a"; the byte alone turns them away.
            if bytes.get(at).is_none_or(|b| b | 0x20 != b'a') || !article_scale_at(bytes, at) {
                continue;
            }
            let Ok(k) = toks.binary_search_by_key(&at, |t| t.start) else {
                continue;
            };
            if let Some(tok) = toks.get_mut(k) {
                tok.lead = true;
                found.push(k);
            }
        }
    }
    if !found.is_empty() {
        leads.extend(found);
        leads.sort_unstable();
        leads.dedup();
    }
}

/// "a million", "half a billion", "a dozen": the article's token (or "half"'s) before the
/// scale word at token `i`, and the number it stands for.
pub(in crate::extract) fn article_before(t: &Toks, i: usize) -> Option<(usize, Decimal)> {
    let a = i.checked_sub(1)?;
    // A capital makes it a name ("a Billion Mile Challenge"); "a dozen eggs" is the unit a
    // price is quoted for.
    let lower = t
        .word(i)
        .is_some_and(|w| w.bytes().all(|b| b.is_ascii_lowercase()));
    if !t.word_is(a, "a") || !lower || !is_article_scale(t.word(i)?) || t.word_is(i + 1, "eggs") {
        return None;
    }
    match a.checked_sub(1) {
        Some(h) if t.word_is(h, "half") => Some((h, Decimal::new(5, 1))),
        _ => Some((a, Decimal::ONE)),
    }
}

/// The number part of a "-fold" word ("fivefold" → "five", "two-fold" → "two").
pub(in crate::extract) fn fold_prefix(word: &str) -> Option<&str> {
    let len = word.len();
    let cut = len.checked_sub(4)?;
    let tail = word.get(cut..)?;
    if !tail.eq_ignore_ascii_case("fold") {
        return None;
    }
    let head = word.get(..cut)?;
    let head = head.strip_suffix('-').unwrap_or(head);
    (!head.is_empty()).then_some(head)
}

/// True when the word at `i` starts a spelled number ("six", "twenty-five", "fivefold").
pub(in crate::extract) fn spelled_start(t: &Toks, i: usize) -> bool {
    let Some(w) = t.word(i) else {
        return false;
    };
    // Every number word read below starts the word, so the word starts with a number word's
    // first three letters: a table look-up that turns away almost every word cheaply.
    if !number_prefix(w.as_bytes()) {
        return false;
    }
    if maybe_number_word(w) && small_number(w).is_some() {
        return true;
    }
    if let Some(head) = fold_prefix(w) {
        return small_number(head).is_some();
    }
    if spelled_compound(t, i, w, 0).is_some() {
        return true;
    }
    // "twenty-five": only compounds of a tens word are long enough to check.
    (COMPOUND_MIN_LEN..=COMPOUND_MAX_LEN).contains(&w.len())
        && w.as_bytes()
            .iter()
            .position(|&b| b == b'-')
            .is_some_and(|p| w.get(..p).is_some_and(maybe_number_word) && small_number(w).is_some())
}

/// A spelled number read from its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::extract) struct Spelled {
    /// Its value.
    pub(in crate::extract) value: u32,
    /// The token after its words.
    pub(in crate::extract) next: usize,
    /// The byte where its words end (before "fold" in a "-fold" word).
    pub(in crate::extract) end: usize,
    /// True for a "-fold" multiple.
    pub(in crate::extract) fold: bool,
    /// A hyphenated compound it heads ("five-member"), with the head word's bytes.
    pub(in crate::extract) compound: Option<(Compound, (usize, usize))>,
}

/// Reads spelled numbers at token `i`: "six", "twenty-five", "one hundred", "three hundred
/// fifty", "fivefold".
pub(in crate::extract) fn spelled(t: &Toks, i: usize) -> Option<Spelled> {
    let w = t.word(i)?;
    let start = t.start_of(i)?;
    if let Some(prefix) = fold_prefix(w) {
        let value = small_number(prefix)?;
        let end = start + prefix.len();
        return Some(Spelled {
            value,
            next: i + 1,
            end,
            fold: true,
            compound: None,
        });
    }
    if let Some(s) = spelled_compound(t, i, w, start) {
        return Some(s);
    }
    let mut value = small_number(w)?;
    let mut next = i + 1;
    let mut end = t.end_of(i)?;
    if value > 0 && value < 10 && t.word_is(next, "hundred") {
        value *= 100;
        end = t.end_of(next)?;
        next += 1;
        let skip_and = usize::from(t.word_is(next, "and"));
        if let Some(rest) = t.word(next + skip_and).and_then(small_number) {
            if rest > 0 {
                value += rest;
                end = t.end_of(next + skip_and)?;
                next += skip_and + 1;
            }
        }
    }
    Some(Spelled {
        value,
        next,
        end,
        fold: false,
        compound: None,
    })
}

/// A spelled number heading a compound in one word ("five-member", "ten-acre"), at token `i`
/// whose word `w` starts at byte `start`.
fn spelled_compound(t: &Toks, i: usize, w: &str, start: usize) -> Option<Spelled> {
    let dash = w.bytes().rposition(|b| b == b'-')?;
    let value = small_number(w.get(..dash)?)?;
    let head = w.get(dash + 1..)?;
    let (c, after) = compound_of(t, head, i + 1)?;
    Some(Spelled {
        value,
        next: i + 1 + after,
        end: start + dash,
        fold: false,
        compound: Some((c, (start + dash + 1, start + w.len()))),
    })
}

#[cfg(test)]
mod tests {
    use super::super::super::lexicon::{SMALL_NUMBERS, TENS};
    use super::super::super::tokens::{tokens_of, Toks};
    use super::super::shapes::{could_be_spelled, is_number_initial};
    use super::*;

    #[test]
    fn number_word_matches_agree_with_the_lists() {
        for (v, w) in SMALL_NUMBERS.iter().enumerate() {
            assert_eq!(small_number(w), u32::try_from(v).ok(), "{w}");
            assert_eq!(
                small_number(&w.to_uppercase()),
                u32::try_from(v).ok(),
                "{w}"
            );
            assert!(
                is_number_initial(w.as_bytes()[0]) && maybe_number_word(w),
                "{w}"
            );
        }
        for (k, t) in TENS.iter().enumerate() {
            let tens = u32::try_from(k).unwrap() * 10 + 20;
            assert_eq!(small_number(t), Some(tens), "{t}");
            for (u, w) in SMALL_NUMBERS.iter().enumerate().skip(1).take(9) {
                let compound = format!("{t}-{w}");
                let want = tens + u32::try_from(u).unwrap();
                assert_eq!(small_number(&compound), Some(want), "{compound}");
            }
            assert_eq!(small_number(&format!("{t}-ten")), None, "{t}-ten");
        }
        for w in [
            "the",
            "one-off",
            "twentyone",
            "tens",
            "zeros",
            "",
            "sixty-",
            "-six",
        ] {
            assert_eq!(small_number(w), None, "{w}");
        }
        for b in [b'a', b'b', b'x', b'1', b' ', 0xC3] {
            assert!(!is_number_initial(b), "{b}");
        }
    }

    #[test]
    fn an_article_before_a_scale_word_is_found_on_the_bytes() {
        let cases: &[(&str, usize, bool)] = &[
            ("a million homes", 0, true),
            ("over a dozen states", 5, true),
            ("half a billion.", 5, true),
            ("A thousand", 0, true),
            ("a millionth", 0, false),
            ("a Million", 0, false),
            ("a millions", 0, false),
            ("la million", 1, false),
            ("a  million", 0, false),
            ("a", 0, false),
            ("a ", 0, false),
            ("an million", 0, false),
        ];
        for &(text, at, want) in cases {
            assert_eq!(article_scale_at(text.as_bytes(), at), want, "{text}");
        }
        // Each is a scale word of the number reader, and no number word of its own.
        for w in ARTICLE_SCALES {
            assert!(small_number(w).is_none(), "{w}");
            assert!(super::super::scale_factor(w).is_some(), "{w}");
        }
    }

    #[test]
    fn shape_test_never_turns_away_what_spelled_start_reads() {
        let mut words: Vec<String> = SMALL_NUMBERS
            .iter()
            .chain(TENS)
            .map(|w| w.to_string())
            .collect();
        for t in TENS {
            for u in SMALL_NUMBERS.iter().skip(1).take(9) {
                words.push(format!("{t}-{u}"));
            }
        }
        let more: Vec<String> = words
            .iter()
            .flat_map(|w| {
                [
                    format!("{w}fold"),
                    format!("{w}-fold"),
                    format!("{w}-member"),
                ]
            })
            .collect();
        words.extend(more);
        for w in &words {
            for w in [w.clone(), w.to_uppercase()] {
                let toks = tokens_of(&w);
                let t = Toks {
                    text: &w,
                    toks: &toks,
                };
                if spelled_start(&t, 0) {
                    assert!(could_be_spelled(w.as_bytes()), "{w}");
                }
            }
        }
    }

    #[test]
    fn texts_without_numbers_are_told_cheaply() {
        let cases = [
            ("The plan funds clinics across the state.", false),
            ("It funds 40 clinics.", true),
            ("It funds six clinics.", true),
            ("Twenty-five units", true),
            ("a fivefold rise", true),
            ("a five-member board", true),
            ("often done at once", false),
            ("rates fell .5 percent", true),
            ("", false),
        ];
        for (text, want) in cases {
            assert_eq!(may_hold_number(text), want, "{text}");
            // Across and at the ends of the 64-byte blocks the letters are read in.
            for pad in [1, 59, 61, 62, 63, 64, 127] {
                let padded = format!("{} {text}", "a".repeat(pad));
                assert_eq!(may_hold_number(&padded), want, "{padded}");
                assert!(
                    !may_hold_number(&format!("{}six", "a".repeat(pad))),
                    "{pad}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn a_text_with_figures_may_hold_numbers(
            text in "(six|Twenty-five|fivefold|one|zero|the|firms|[a-z]{1,6}|[0-9]|[ .,$%-]){0,12}"
        ) {
            if !crate::extract::extract_figures(&text).is_empty() {
                proptest::prop_assert!(may_hold_number(&text));
            }
        }
    }

    #[test]
    fn fold_words_give_their_number_part() {
        let cases = [
            ("fivefold", Some("five")),
            ("two-fold", Some("two")),
            ("FOLD", None),
            ("-fold", None),
            ("folder", None),
        ];
        for (w, want) in cases {
            assert_eq!(fold_prefix(w), want, "{w}");
        }
    }

    #[test]
    fn reads_spelled_numbers_with_hundreds() {
        // text, value, words read, fold
        let cases = [
            ("six firms", Some((6, 1, false))),
            ("twenty-five units", Some((25, 1, false))),
            ("one hundred clinics", Some((100, 2, false))),
            ("three hundred fifty jobs", Some((350, 3, false))),
            ("two hundred and ten jobs", Some((210, 4, false))),
            ("ten hundred", Some((10, 1, false))),
            ("fivefold", Some((5, 1, true))),
            ("five-member board", Some((5, 1, false))),
            ("five-year low", Some((5, 2, false))),
            ("five-year plan", None),
            ("the jobs", None),
        ];
        for (text, want) in cases {
            let toks = tokens_of(text);
            let t = Toks { text, toks: &toks };
            let got = spelled(&t, 0).map(|s| (s.value, s.next, s.fold));
            assert_eq!(got, want, "{text}");
            assert_eq!(spelled_start(&t, 0), want.is_some(), "{text}");
        }
    }
}
