//! The extractor's own vocabulary: every word list it reads, one table each, grouped by what
//! the words tell about a number.
//!
//! Words shared with other stages (stop words with their roles, month names) live in
//! [`crate::text`]; the lists here are read only by the extractor. Entries are lower case
//! (except the case-sensitive glued scale suffixes) and matched in any case with [`in_list`].

mod names;
mod nouns;
mod numbers;
mod qualifiers;
mod units;

pub(crate) use names::{
    AGE_BOUNDS, AGE_WORDS, DEFINITE_WORDS, NAME_WORDS, OTHER_CURRENCIES, SERVICE_NUMBERS,
    SERVICE_WORDS,
};
pub use nouns::MEASURE_DROP_WORDS;
pub(crate) use nouns::{
    BACK_POINTERS, CHANGE_PREPOSITIONS, CHANGE_VERBS, COUNT_NOUNS, DETERMINERS, GROUP_OPENERS,
    LEVEL_VERBS, LY_WORDS, MONEY_IN_NOT_NOUNS, PEOPLE_NOUNS, PEOPLE_SUFFIXES, PLACE_PREPOSITIONS,
    PLURAL_WORDS, SUBJECT_AUXILIARIES,
};
pub(crate) use numbers::{MULTIPLE_FOLLOWERS, SCALE_SUFFIXES, SCALE_WORDS, SMALL_NUMBERS, TENS};
pub(crate) use qualifiers::{QUALIFIERS, TRAILING_QUALIFIERS};
pub(crate) use units::{
    COMPOUND_COUNT_HEADS, DEGREE_SCALES, DURATION_WORDS, PHYSICAL_UNITS, SPAN_DEFINITE_WORDS,
    SPAN_EXTREMES, SPAN_MODIFIERS, SPAN_NOT_AFTER, STREAK_TAILS, TIME_UNITS, UNIT_ABBREVIATIONS,
};

/// True when `word` (any ASCII case) is in `list`.
pub(crate) fn in_list(word: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::WORD_BUF;

    /// Every plain word list, by name, for the shape checks below.
    const LISTS: &[(&str, &[&str])] = &[
        ("AGE_BOUNDS", AGE_BOUNDS),
        ("BACK_POINTERS", BACK_POINTERS),
        ("CHANGE_PREPOSITIONS", CHANGE_PREPOSITIONS),
        ("CHANGE_VERBS", CHANGE_VERBS),
        ("COUNT_NOUNS", COUNT_NOUNS),
        ("GROUP_OPENERS", GROUP_OPENERS),
        ("LEVEL_VERBS", LEVEL_VERBS),
        ("SUBJECT_AUXILIARIES", SUBJECT_AUXILIARIES),
        ("AGE_WORDS", AGE_WORDS),
        ("DEFINITE_WORDS", DEFINITE_WORDS),
        ("DEGREE_SCALES", DEGREE_SCALES),
        ("DETERMINERS", DETERMINERS),
        ("DURATION_WORDS", DURATION_WORDS),
        ("LY_WORDS", LY_WORDS),
        ("MEASURE_DROP_WORDS", MEASURE_DROP_WORDS),
        ("MONEY_IN_NOT_NOUNS", MONEY_IN_NOT_NOUNS),
        ("MULTIPLE_FOLLOWERS", MULTIPLE_FOLLOWERS),
        ("NAME_WORDS", NAME_WORDS),
        ("OTHER_CURRENCIES", OTHER_CURRENCIES),
        ("PEOPLE_NOUNS", PEOPLE_NOUNS),
        ("PEOPLE_SUFFIXES", PEOPLE_SUFFIXES),
        ("PLACE_PREPOSITIONS", PLACE_PREPOSITIONS),
        ("PLURAL_WORDS", PLURAL_WORDS),
        ("SERVICE_WORDS", SERVICE_WORDS),
        ("SMALL_NUMBERS", SMALL_NUMBERS),
        ("SPAN_DEFINITE_WORDS", SPAN_DEFINITE_WORDS),
        ("SPAN_EXTREMES", SPAN_EXTREMES),
        ("SPAN_MODIFIERS", SPAN_MODIFIERS),
        ("SPAN_NOT_AFTER", SPAN_NOT_AFTER),
        ("TIME_UNITS", TIME_UNITS),
        ("TENS", TENS),
    ];

    #[test]
    fn lists_are_lower_case_short_and_without_repeats() {
        for (name, list) in LISTS {
            let mut seen = std::collections::HashSet::new();
            for w in *list {
                assert_eq!(*w, w.to_lowercase(), "{name}: {w} is not lower case");
                assert!(w.len() < WORD_BUF, "{name}: {w} is too long for a look-up");
                assert!(!w.is_empty() && !w.contains(' '), "{name}: {w:?}");
                assert!(seen.insert(*w), "{name}: {w} twice");
            }
        }
    }

    #[test]
    fn longer_qualifier_phrases_come_before_their_tails() {
        // A phrase that ends another must come after it, or the longer one never matches.
        for (i, (long, _)) in QUALIFIERS.iter().enumerate() {
            for (short, _) in QUALIFIERS.iter().take(i) {
                let tail = long.len() > short.len() && long.ends_with(short);
                assert!(!tail, "{short:?} shadows {long:?}");
            }
        }
    }

    #[test]
    fn phrase_tables_are_lower_case_and_longest_first() {
        let phrases = PHYSICAL_UNITS
            .iter()
            .map(|(p, _)| *p)
            .chain(STREAK_TAILS.iter().copied());
        for p in phrases {
            assert!(p.iter().all(|w| *w == w.to_lowercase()), "{p:?}");
        }
        // A phrase that starts another must come after it, or the longer one never matches.
        for (i, (long, _)) in PHYSICAL_UNITS.iter().enumerate() {
            for (short, _) in PHYSICAL_UNITS.iter().take(i) {
                let head = long.len() > short.len() && long.starts_with(short);
                assert!(!head, "{short:?} shadows {long:?}");
            }
        }
        let mut seen = std::collections::HashSet::new();
        for (abbr, _) in UNIT_ABBREVIATIONS {
            assert!(seen.insert(*abbr), "{abbr} twice");
        }
    }

    #[test]
    fn in_list_ignores_case_only() {
        let cases = [
            ("Section", NAME_WORDS, true),
            ("SECTION", NAME_WORDS, true),
            ("sections", NAME_WORDS, false),
            ("Euros", OTHER_CURRENCIES, true),
            ("", NAME_WORDS, false),
        ];
        for (word, list, want) in cases {
            assert_eq!(in_list(word, list), want, "{word}");
        }
    }
}
