//! Qualifiers: the hedge phrase before a number ("more than", "up to an estimated") and a
//! trailing plus ("3,500+").

use super::lexicon::{shape_bit, QUALIFIERS, TRAILING_QUALIFIERS};
use super::numbers::Amount;
use super::tokens::Toks;
use crate::figure::Qualifier;

/// The phrases of [`QUALIFIERS`] by their last word: bit `k` of `.0[n]` is set when phrase `k`
/// ends with a word of `n` bytes, of `.1[c]` when that word's first byte has shape bit `c` (see
/// [`shape_bit`]).
type PhraseSets = ([u64; 32], [u64; 32]);

/// The phrase sets of [`QUALIFIERS`]: a word before a number picks, with two look-ups, the few
/// phrases whose last word has its length and first letter, in list order.
const LAST_WORDS: PhraseSets = last_words();

/// Builds [`LAST_WORDS`]; more than 64 phrases fail to compile.
const fn last_words() -> PhraseSets {
    assert!(QUALIFIERS.len() <= 64);
    let (mut by_length, mut by_first) = ([0u64; 32], [0u64; 32]);
    let mut k = 0;
    while k < QUALIFIERS.len() {
        let words = QUALIFIERS[k].0;
        let last = words[words.len() - 1].as_bytes();
        by_length[last.len()] |= 1 << k;
        by_first[shape_bit(last[0]).trailing_zeros() as usize] |= 1 << k;
        k += 1;
    }
    (by_length, by_first)
}

/// For each phrase `k` of [`QUALIFIERS`], the phrases (`k` among them) that end with the same
/// word: one comparison of that word settles them all.
const SAME_LAST: [u64; 64] = same_last();

/// Builds [`SAME_LAST`].
const fn same_last() -> [u64; 64] {
    let mut table = [0u64; 64];
    let mut k = 0;
    while k < QUALIFIERS.len() {
        let mut j = 0;
        while j < QUALIFIERS.len() {
            if same_bytes(last_word(QUALIFIERS[k].0), last_word(QUALIFIERS[j].0)) {
                table[k] |= 1 << j;
            }
            j += 1;
        }
        k += 1;
    }
    table
}

/// The last word of a phrase, as bytes.
const fn last_word<'a>(phrase: &[&'a str]) -> &'a [u8] {
    phrase[phrase.len() - 1].as_bytes()
}

/// True when `a` and `b` hold the same bytes (the lists are lower case).
const fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The qualifier phrase ending right before token `lead`, with the byte where it starts.
pub(super) fn qualifier_before(t: &Toks, lead: usize) -> Option<(Qualifier, usize)> {
    let last = t.str_of(t.tok(lead.checked_sub(1)?)?);
    let first_byte = *last.as_bytes().first()?;
    let (by_length, by_first) = &LAST_WORDS;
    let by_first = by_first.get(shape_bit(first_byte).trailing_zeros() as usize)?;
    let mut candidates = by_length.get(last.len())? & by_first;
    // Set once the word before the number matched a phrase's last word.
    let mut settled = false;
    while candidates != 0 {
        let k = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        let Some(((end, head), q)) = QUALIFIERS
            .get(k)
            .and_then(|(p, q)| Some((p.split_last()?, q)))
        else {
            break;
        };
        // Compare the word next to the number first: it rules out almost every phrase left, and
        // settles every phrase ending with the same word (they alone are left, in list order).
        if !settled {
            let same = SAME_LAST.get(k).copied().unwrap_or(0);
            if !end.eq_ignore_ascii_case(last) {
                candidates &= !same;
                continue;
            }
            candidates &= same;
            settled = true;
        }
        let Some(first) = lead.checked_sub(head.len() + 1) else {
            continue;
        };
        let hit = head.iter().enumerate().all(|(n, p)| {
            t.tok(first + n)
                .is_some_and(|tok| t.str_of(tok).eq_ignore_ascii_case(p))
        });
        if hit {
            return Some((*q, t.start_of(first)?));
        }
    }
    None
}

/// The hedge phrase at token `k`, after a number or its unit ("or more"), with the token after.
pub(super) fn qualifier_after(t: &Toks, k: usize) -> Option<(Qualifier, usize)> {
    // The word at `k` is read once and rules out every phrase after most numbers.
    let first = t.word(k)?;
    TRAILING_QUALIFIERS.iter().find_map(|(phrase, q)| {
        let (head, rest) = phrase.split_first()?;
        let hit = head.eq_ignore_ascii_case(first)
            && rest
                .iter()
                .enumerate()
                .all(|(n, p)| t.word_is(k + 1 + n, p));
        hit.then_some((*q, k + phrase.len()))
    })
}

/// True when a plus sign is glued after the number, before token `k` ("3,500+ hours").
pub(super) fn trailing_plus(t: &Toks, k: usize) -> bool {
    t.sym(k) == Some('+') && t.glued(k)
}

/// The qualifier of an amount with none before it: a plus read with its scale ("$90+
/// million") makes it more than the amount.
pub(super) fn unqualified(a: &Amount) -> Qualifier {
    if a.plus {
        Qualifier::Over
    } else {
        Qualifier::Exact
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens_of;
    use super::*;
    use Qualifier::{Approximately, AtLeast, Nearly, Over, UpTo};

    #[test]
    fn every_phrase_is_a_candidate_for_its_last_word() {
        let (by_length, by_first) = &LAST_WORDS;
        for (k, (phrase, _)) in QUALIFIERS.iter().enumerate() {
            let last = phrase.last().expect("a phrase has words");
            for word in [last.to_string(), last.to_uppercase()] {
                let class = shape_bit(word.as_bytes()[0]).trailing_zeros() as usize;
                let set = by_length[word.len()] & by_first[class];
                assert!(set & (1 << k) != 0, "{phrase:?} {word}");
            }
        }
        // A word no phrase ends with has no candidates.
        let class = shape_bit(b'z').trailing_zeros() as usize;
        assert_eq!(by_length[3] & by_first[class], 0);
    }

    #[test]
    fn phrases_sharing_a_last_word_are_one_set() {
        let index = |phrase: &[&str]| QUALIFIERS.iter().position(|(p, _)| *p == phrase);
        let (Some(more), Some(less), Some(over), Some(just)) = (
            index(&["more", "than"]),
            index(&["less", "than"]),
            index(&["over"]),
            index(&["just", "over"]),
        ) else {
            panic!("the phrases are listed");
        };
        assert!(SAME_LAST[more] & (1 << less) != 0);
        assert!(SAME_LAST[more] & (1 << over) == 0);
        assert!(SAME_LAST[over] & (1 << just) != 0);
        for (k, row) in SAME_LAST.iter().enumerate() {
            assert_eq!(row & (1 << k) != 0, k < QUALIFIERS.len(), "{k}");
        }
    }

    #[test]
    fn longest_phrase_before_the_number_wins() {
        // text (the number is the last token), qualifier, the text from the phrase on
        let cases = [
            (
                "Funds for up to an estimated 5",
                Some((UpTo, "up to an estimated 5")),
            ),
            ("an estimated 5", Some((Approximately, "an estimated 5"))),
            ("More than 5", Some((Over, "More than 5"))),
            ("at least 5", Some((AtLeast, "at least 5"))),
            ("just under 5", Some((Nearly, "just under 5"))),
            ("under 5", Some((UpTo, "under 5"))),
            ("approx. 5", Some((Approximately, "approx. 5"))),
            ("Enrollment exceeds 5", Some((Over, "exceeds 5"))),
            ("Sales topped 5", Some((Over, "topped 5"))),
            ("not to exceed 5", Some((UpTo, "not to exceed 5"))),
            ("~5", Some((Approximately, "~5"))),
            ("than 5", None),
            ("5", None),
        ];
        for (text, want) in cases {
            let toks = tokens_of(text);
            let t = Toks { text, toks: &toks };
            let got = qualifier_before(&t, toks.len() - 1).map(|(q, s)| (q, &text[s..]));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn trailing_phrases_after_the_number() {
        let cases = [
            ("100 or more jobs", Some((AtLeast, 3))),
            ("5 percent or less", None),
            ("100 or so", None),
            ("100 jobs", None),
        ];
        for (text, want) in cases {
            let toks = tokens_of(text);
            let t = Toks { text, toks: &toks };
            assert_eq!(qualifier_after(&t, 1), want, "{text}");
        }
    }

    #[test]
    fn plus_counts_only_when_glued() {
        let cases = [
            ("3,500+ hours", true),
            ("3,500 + 2", false),
            ("3,500 hours", false),
        ];
        for (text, want) in cases {
            let toks = tokens_of(text);
            let t = Toks { text, toks: &toks };
            assert_eq!(trailing_plus(&t, 1), want, "{text}");
        }
    }
}
