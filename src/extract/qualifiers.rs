//! Qualifiers: the hedge phrase before a number ("more than", "up to an estimated") and a
//! trailing plus ("3,500+").

use super::lexicon::{shape_bit, QUALIFIERS, TRAILING_QUALIFIERS};
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

/// The qualifier phrase ending right before token `lead`, with the byte where it starts.
pub(super) fn qualifier_before(t: &Toks, lead: usize) -> Option<(Qualifier, usize)> {
    let last = t.str_of(t.tok(lead.checked_sub(1)?)?);
    let first_byte = *last.as_bytes().first()?;
    let (by_length, by_first) = &LAST_WORDS;
    let by_first = by_first.get(shape_bit(first_byte).trailing_zeros() as usize)?;
    let mut candidates = by_length.get(last.len())? & by_first;
    while candidates != 0 {
        let k = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        let Some((phrase, q)) = QUALIFIERS.get(k) else {
            break;
        };
        // Compare the word next to the number first: it rules out almost every phrase left.
        if !phrase.last().is_some_and(|p| p.eq_ignore_ascii_case(last)) {
            continue;
        }
        let Some(first) = lead.checked_sub(phrase.len()) else {
            continue;
        };
        let hit = phrase.iter().enumerate().all(|(n, p)| {
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
