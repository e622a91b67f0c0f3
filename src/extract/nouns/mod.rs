//! Nouns: the counted noun after a number and its modifiers ("nearly 8,000 private sector
//! firms"), the noun of a money amount ("$179 million in financing", "a $3 million project"),
//! and the measure slug a noun gives.
//!
//! Rule: after the number take up to [`MAX_NOUN_WORDS`] words; stop at punctuation, another
//! number, a stop word in its noun-end role ("of" is one, so "3,500 hours of training" counts
//! "hours"), an "-ly" adverb, or — after a plural head noun — any word that is not itself
//! plural ("vaccine doses free-of-cost" → "vaccine doses"). "and"/"or" join two noun words
//! ("individuals and entities").

mod amounts;
mod clause;
mod measure;
mod read;
mod sentence;

pub(super) use amounts::{
    measure_noun, money_cap_noun, money_for_name, money_for_noun, money_noun, money_verb_noun,
    partitive_noun, percent_head_noun, percent_noun,
};
use amounts::{money_of_noun, money_total_noun};
use clause::{changed_object, moved_subject, stated_subject};
pub use measure::measure_for;
pub(super) use read::noun_at;
use read::{
    comma_between_modifiers, general_after, is_joiner, long_noun_at, noun_through_list, read_noun,
    Read, MEASURE_DROP,
};
pub(super) use sentence::noun_in_sentence;
use sentence::{indicator_before, money_indicator_before};

use super::lexicon::{
    LY_WORDS, MONEY_HEADS, MONEY_SUBJECT_HEADS, PEOPLE_NOUNS, PEOPLE_SUFFIXES,
    PERCENT_SUBJECT_HEADS, PLURAL_WORDS,
};
use super::tokens::Toks;
use crate::figure::Unit;
use crate::text::{is_stop_word, StopRole};

/// Most words a counted noun may have ("national and local government officials").
pub const MAX_NOUN_WORDS: usize = 5;

/// Most words of a counted noun whose plural head the first [`MAX_NOUN_WORDS`] words did not
/// reach ("23 separate billion-dollar weather and climate disasters").
const MAX_LONG_NOUN_WORDS: usize = 8;

/// A noun found in the text: its bytes and the token after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct NounSpan {
    /// First byte of the noun.
    pub(super) start: usize,
    /// Byte after its last word.
    pub(super) end: usize,
    /// The token after the noun.
    pub(super) next: usize,
}

/// True when `word` (any case) ends a counted noun (a stop word in that role).
pub(super) fn is_noun_end(word: &str) -> bool {
    is_stop_word(word, StopRole::NounEnd)
}

/// A plural-looking word: "firms", "doses", "youth" (but not "business", "census", "analysis").
pub(super) fn is_plural(word: &str) -> bool {
    // The head of a hyphenated word ("at-risk youth" → "youth"), found byte-wise: a string
    // search costs more than the whole test on these short words.
    let word = match word.bytes().rposition(|b| b == b'-') {
        Some(p) => word.get(p + 1..).unwrap_or(word),
        None => word,
    };
    if PLURAL_WORDS.has(word) {
        return true;
    }
    let w = word.as_bytes();
    if is_acronym_plural(w) || is_men_plural(w) {
        return true;
    }
    let last = w.last().map(u8::to_ascii_lowercase);
    let before = w
        .len()
        .checked_sub(2)
        .and_then(|k| w.get(k))
        .map(u8::to_ascii_lowercase);
    w.len() > 3
        && last == Some(b's')
        && !matches!(before, Some(b's' | b'u' | b'i' | b'\''))
        && !word.ends_with("’s")
}

/// A compound plural in "-men" ("Guardsmen", "servicemen", "linemen"); "specimen",
/// "regimen" and "abdomen" are singular.
fn is_men_plural(w: &[u8]) -> bool {
    let ends = |s: &[u8]| w.len() >= s.len() && w[w.len() - s.len()..].eq_ignore_ascii_case(s);
    w.len() > 5 && ends(b"men") && (ends(b"women") || !(ends(b"imen") || ends(b"omen")))
}

/// An acronym's plural: two or more capitals or digits and a lower-case "s" ("TCUs", "EVs",
/// "HBCUs", "K12s").
fn is_acronym_plural(w: &[u8]) -> bool {
    let Some((&b's', head)) = w.split_last() else {
        return false;
    };
    head.len() >= 2
        && head.first().is_some_and(u8::is_ascii_uppercase)
        && head
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// An "-ly" adverb ("recently", "annually") that ends a noun.
pub(super) fn is_adverb(word: &str) -> bool {
    word.len() > 4 && (word.ends_with("ly") || word.ends_with("LY")) && !LY_WORDS.has(word)
}

/// True for a plural noun of people ("members", "workers", "residents"): a listed one or a
/// people ending; words in "-ments" and money words that share an ending ("investments",
/// "grants") are things.
pub(super) fn is_people_noun(word: &str) -> bool {
    if PEOPLE_NOUNS.has(word) {
        return true;
    }
    word.len() > 4
        && PEOPLE_SUFFIXES.iter().any(|s| word.ends_with(s))
        && !word.ends_with("ments")
        && !MONEY_HEADS.has(word)
}

/// A word that reads as a verb form after "and" ("and trained", "and providing").
pub(super) fn is_verb_form(word: &str) -> bool {
    word.len() > 4
        && !word.as_bytes().contains(&b'-')
        && (word.ends_with("ed") || word.ends_with("ing"))
}

/// The counted noun of a count from token `k`: the noun cut back to its last plural word (a
/// singular tail is a modifier or a verb: "30 gigawatt goal", "two died").
pub(super) fn count_noun(t: &Toks, k: usize) -> Option<NounSpan> {
    let last_plural = |next: usize| (k..next).rev().find(|&j| t.word(j).is_some_and(is_plural));
    let short = read_noun(t, k, Read::count(MAX_NOUN_WORDS));
    let mut plural = short.and_then(|n| last_plural(n.next));
    // Read further only when the short read found no head: a noun it found stays as it was.
    let mut n = match short {
        Some(n) if plural.is_some() => n,
        _ => {
            // Only a read its cap may have cut: as many words follow as it takes (a suspended
            // hyphen or a slash may stand between them).
            let words = (k..)
                .take_while(|&j| t.word(j).is_some() || matches!(t.sym(j), Some('-' | '/')))
                .take(2 * MAX_NOUN_WORDS)
                .filter(|&j| t.word(j).is_some())
                .count();
            let room = words >= MAX_NOUN_WORDS;
            let long = room
                .then(|| read_noun(t, k, Read::count(MAX_LONG_NOUN_WORDS)))
                .flatten();
            match long.and_then(|l| last_plural(l.next).map(|p| (l, p))) {
                Some((l, p)) => {
                    plural = Some(p);
                    l
                }
                None => short?,
            }
        }
    };
    // "additional at-home, rapid tests", "long-term, low-interest loans": commas between
    // modifiers before the head.
    for _ in 0..2 {
        if plural.is_some() || !comma_between_modifiers(t, n.next) {
            break;
        }
        let rest = read_noun(t, n.next + 1, Read::count(MAX_NOUN_WORDS))?;
        n = NounSpan {
            start: n.start,
            ..rest
        };
        plural = last_plural(n.next);
    }
    // "289 state, tribal, and local governments": a list of modifiers ends in "and".
    if plural.is_none() {
        if let Some((l, p)) = noun_through_list(t, k).and_then(|l| Some((l, last_plural(l.next)?)))
        {
            n = l;
            plural = Some(p);
        }
    }
    let mut j = plural?;
    // "Attorneys General": the head's own "General" stays.
    if j + 1 < n.next && general_after(t, j + 1) {
        j += 1;
    }
    Some(NounSpan {
        start: n.start,
        end: t.end_of(j).unwrap_or(n.start),
        next: j + 1,
    })
}

/// The noun a money amount or a percentage takes from the words before it (a total, a cap,
/// "an investment of", an indicator, a changed object).
pub(super) fn noun_before(
    t: &Toks,
    unit: Unit,
    first: usize,
    cap: Option<NounSpan>,
) -> Option<NounSpan> {
    match unit {
        Unit::Usd => money_total_noun(t, first)
            .or(cap)
            .or_else(|| money_of_noun(t, first))
            .or_else(|| money_indicator_before(t, first))
            .or_else(|| changed_object(t, first))
            .or_else(|| stated_subject(t, first, &MONEY_SUBJECT_HEADS)),
        Unit::Percent | Unit::PercentagePoints => indicator_before(t, first)
            .or_else(|| changed_object(t, first))
            .or_else(|| moved_subject(t, first))
            .or_else(|| stated_subject(t, first, &PERCENT_SUBJECT_HEADS)),
        _ => None,
    }
}

/// Where the noun phrase ending at the word at `head` starts: grown back over the words
/// before it that `modifier` accepts, up to [`MAX_NOUN_WORDS`] words.
pub(super) fn phrase_start(t: &Toks, head: usize, modifier: impl Fn(&str) -> bool) -> usize {
    let mut first = head;
    while first > 0 && head - first + 1 < MAX_NOUN_WORDS && t.word(first - 1).is_some_and(&modifier)
    {
        first -= 1;
    }
    first
}

/// The token noun `n` starts at, looked for from token `from` to token `last`.
pub(super) fn first_token(t: &Toks, from: usize, last: usize, n: NounSpan) -> Option<usize> {
    (from..=last).find(|&k| t.start_of(k) == Some(n.start))
}

/// The noun of the words from token `first` to token `head`.
pub(super) fn phrase_span(t: &Toks, first: usize, head: usize) -> Option<NounSpan> {
    Some(NounSpan {
        start: t.start_of(first)?,
        end: t.end_of(head)?,
        next: head + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens_of;
    use super::*;

    /// The noun `read` finds at the first token of `text`, as text.
    fn noun_of(text: &str, read: fn(&Toks, usize) -> Option<NounSpan>) -> Option<String> {
        let toks = tokens_of(text);
        let t = Toks { text, toks: &toks };
        read(&t, 0).map(|n| text[n.start..n.end].to_string())
    }

    #[test]
    fn plurals_adverbs_and_verb_forms() {
        // word, plural, adverb, verb form
        let cases = [
            ("firms", true, false, false),
            ("youth", true, false, false),
            ("co-workers", true, false, false),
            ("business", false, false, false),
            ("census", false, false, false),
            ("analysis", false, false, false),
            ("bus", false, false, false),
            ("firm's", false, false, false),
            ("TCUs", true, false, false),
            ("EVs", true, false, false),
            ("HBCUs", true, false, false),
            ("U.S.", false, false, false),
            ("Us", false, false, false),
            ("recently", false, true, false),
            ("family", false, false, false),
            ("trained", false, false, true),
            ("providing", false, false, true),
            ("well-trained", false, false, false),
        ];
        for (w, plural, adverb, verb) in cases {
            assert_eq!(is_plural(w), plural, "{w}: plural");
            assert_eq!(is_adverb(w), adverb, "{w}: adverb");
            assert_eq!(is_verb_form(w), verb, "{w}: verb");
        }
    }

    #[test]
    fn counted_nouns_after_a_number() {
        let cases = [
            (
                "private sector firms in the region",
                Some("private sector firms"),
            ),
            (
                "vaccine doses free-of-cost to partners",
                Some("vaccine doses"),
            ),
            (
                "individuals and entities for corruption",
                Some("individuals and entities"),
            ),
            (
                "national and local government officials to",
                Some("national and local government officials"),
            ),
            ("hours of training", Some("hours")),
            ("jobs and companies announced", Some("jobs")),
            (
                "search and recovery team members and 30 dogs",
                Some("search and recovery team members"),
            ),
            ("TCUs in", Some("TCUs")),
            (
                "low- and middle-income countries in",
                Some("low- and middle-income countries"),
            ),
            ("women, youth", Some("women")),
            (
                "returning/potential migrants stay",
                Some("returning/potential migrants"),
            ),
            ("gigawatt goal", None),
            ("died in the storm", None),
            ("Department of Labor projects", None),
            ("more each year", None),
            ("of them", None),
            (
                "additional at-home, rapid tests from",
                Some("additional at-home, rapid tests"),
            ),
            (
                "long-term, low-interest loans to",
                Some("long-term, low-interest loans"),
            ),
            ("states, tribes and", Some("states")),
            ("local, and the", None),
        ];
        for (text, want) in cases {
            assert_eq!(noun_of(text, count_noun).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn money_nouns() {
        let cases = [
            ("in financing to", Some("financing")),
            (
                "in humanitarian assistance to",
                Some("humanitarian assistance"),
            ),
            ("worth of equipment", Some("equipment")),
            ("in northern Central America", None),
            ("in Mexico", None),
            ("project to reduce", Some("project")),
            (
                "Local Works initiative—partners",
                Some("Local Works initiative"),
            ),
            ("grants to", None),
            ("invested in", None),
            ("more each year", None),
            ("of new funding to", Some("new funding")),
            (
                "of U.S. agricultural products.",
                Some("U.S. agricultural products"),
            ),
            (
                "of Bipartisan Infrastructure Law funding to",
                Some("Bipartisan Infrastructure Law funding"),
            ),
            ("of this funding", None),
            ("in out of pocket costs for", Some("out of pocket costs")),
            ("out of $9.5 billion", None),
            ("of which was earned", None),
            ("of every $3", None),
        ];
        for (text, want) in cases {
            assert_eq!(noun_of(text, money_noun).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn measure_nouns() {
        // text after the unit, singular unit, noun
        let cases = [
            ("of offshore wind by 2030", false, Some("offshore wind")),
            ("of the coast", false, None),
            ("of Alaska", false, None),
            ("solar farm", true, Some("solar farm")),
            ("solar farm", false, None),
            ("east of town", false, None),
            ("protected", true, None),
        ];
        for (text, singular, want) in cases {
            let toks = tokens_of(text);
            let t = Toks { text, toks: &toks };
            let got = measure_noun(&t, 0, singular).map(|n| &text[n.start..n.end]);
            assert_eq!(got, want, "{text}");
        }
    }
}
