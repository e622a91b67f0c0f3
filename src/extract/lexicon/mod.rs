//! The extractor's own vocabulary: every word list it reads, one table each, grouped by what
//! the words tell about a number.
//!
//! Words shared with other stages (stop words with their roles, month names) live in
//! [`crate::text`]; the lists here are read only by the extractor. Entries are lower case
//! (except the case-sensitive glued scale suffixes) and matched in any case with [`in_list`].

mod amounts;
mod money;
mod names;
mod nouns;
mod numbers;
mod qualifiers;
mod tables;
mod units;

pub(crate) use amounts::{
    CHAINED_AMOUNT_WORDS, CHANGE_CONNECTORS, CHANGE_NOUNS, COPULAS, MONEY_SUBJECT_HEADS,
    OBJECT_CHANGE_VERBS, PERCENT_HEADS, PERCENT_NOT_HEADS, PERCENT_SUBJECT_HEADS, STANDING_VERBS,
    STATE_ADVERBS, SUBJECT_TAIL_PREPOSITIONS,
};
pub(crate) use money::{
    CAP_VERBS, MONEY_FOR_NOT_NAMES, MONEY_FOR_NOT_NOUNS, MONEY_HANDOFFS, MONEY_HEADS,
    MONEY_ING_NOUNS, MONEY_IN_NOT_NOUNS, MONEY_OF_NOT_NOUNS, MONEY_OF_NOT_OWNERS, MONEY_VERB_NOUNS,
    NAME_ENDERS, PERCENT_OF_NOT_NOUNS,
};
pub(crate) use names::{
    AGE_BOUNDS, AGE_WORDS, DEFINITE_WORDS, NAME_WORDS, OTHER_CURRENCIES, SERVICE_NUMBERS,
    SERVICE_WORDS,
};
pub use nouns::MEASURE_DROP_WORDS;
pub(crate) use nouns::{
    BACK_POINTERS, CHANGE_PREPOSITIONS, CHANGE_VERBS, COUNT_NOUNS, DEMONYMS, DETERMINERS,
    GROUP_OPENERS, INDICATORS, INDICATOR_MODIFIERS, INDICATOR_NOT_MODIFIERS, LEVEL_VERBS,
    LONE_NOT_NOUNS, LY_WORDS, PEOPLE_NOUNS, PEOPLE_SUFFIXES, PLACE_PREPOSITIONS, PLURAL_WORDS,
    RESTATING_FOLLOWERS, RESTATING_JOINERS, RESTATING_LEADS, SUBJECT_AUXILIARIES, TIME_WORDS,
};
pub(crate) use numbers::{
    ARTICLE_SCALES, MULTIPLE_FOLLOWERS, SCALE_SUFFIXES, SCALE_WORDS, SMALL_NUMBERS, TENS,
};
pub(crate) use qualifiers::{QUALIFIERS, TRAILING_QUALIFIERS};
pub(crate) use tables::{HEAD_CUTS, HEAD_LEADS, HEAD_MONEY, HEAD_NOT_COUNTS};
pub(crate) use units::{
    COMPOUND_COUNT_HEADS, DEGREE_SCALES, DURATION_WORDS, PHYSICAL_UNITS, SPAN_DEFINITE_WORDS,
    SPAN_EXTREMES, SPAN_MODIFIERS, SPAN_NOT_AFTER, STREAK_TAILS, TIME_UNITS, UNIT_ABBREVIATIONS,
};

/// True when `word` (any ASCII case) is in `list` (for short lists written in place).
pub(crate) fn in_list(word: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(word))
}

/// Longest word a [`Words`] list may hold, plus one.
const SHAPE_LENGTHS: usize = 32;

/// The shapes (length and first letter) of a set of words as bit masks: a look-up turns away
/// almost every word not in the set with one bit test, before comparing any text.
#[derive(Debug)]
pub(crate) struct Shapes([u32; SHAPE_LENGTHS]);

/// The bit of a first byte: one per letter (any case), four shared by every other byte.
pub(crate) const fn shape_bit(b: u8) -> u32 {
    let lower = b | 0x20;
    if lower.is_ascii_lowercase() {
        1 << (lower - b'a')
    } else {
        1 << (26 + (b & 3))
    }
}

impl Shapes {
    /// Adds one word; words of [`SHAPE_LENGTHS`] bytes or more fail to compile.
    const fn with(mut self, word: &str) -> Shapes {
        let b = word.as_bytes();
        self.0[b.len()] |= shape_bit(b[0]);
        self
    }

    /// The shapes of the words of `list`.
    pub(crate) const fn of(list: &[&str]) -> Shapes {
        let mut shapes = Shapes([0; SHAPE_LENGTHS]);
        let mut k = 0;
        while k < list.len() {
            shapes = shapes.with(list[k]);
            k += 1;
        }
        shapes
    }

    /// The shapes of the words that key a table of pairs ("million" of `("million", 10⁶)`).
    pub(crate) const fn of_keys<T>(pairs: &[(&str, T)]) -> Shapes {
        let mut shapes = Shapes([0; SHAPE_LENGTHS]);
        let mut k = 0;
        while k < pairs.len() {
            shapes = shapes.with(pairs[k].0);
            k += 1;
        }
        shapes
    }

    /// False when no word of the set has the shape of `word` (any ASCII case).
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        let b = word.as_bytes();
        b.first().is_some_and(|&first| {
            self.0
                .get(b.len())
                .is_some_and(|bits| bits & shape_bit(first) != 0)
        })
    }
}

/// Most words a [`Words`] list may hold.
const MAX_WORDS: usize = 128;

/// A word list with the shapes of its words, matched in any ASCII case.
#[derive(Debug)]
pub(crate) struct Words {
    list: &'static [&'static str],
    shapes: Shapes,
    /// The list's indices ordered by word length, so a look-up compares only words of its
    /// length: those of `n` bytes are `order[starts[n]..starts[n + 1]]`.
    order: [u8; MAX_WORDS],
    /// The lower-cased first byte of each word, in `order`: most words of the right length are
    /// told apart by it without reading the word.
    firsts: [u8; MAX_WORDS],
    starts: [u8; SHAPE_LENGTHS + 1],
}

impl Words {
    /// The list with its shapes and length order, computed at compile time; a list of more
    /// than [`MAX_WORDS`] words fails to compile.
    pub(crate) const fn new(list: &'static [&'static str]) -> Words {
        assert!(list.len() <= MAX_WORDS);
        // A counting sort by length: count each length, sum the counts, then place.
        let mut starts = [0u8; SHAPE_LENGTHS + 1];
        let mut k = 0;
        while k < list.len() {
            starts[list[k].len() + 1] += 1;
            k += 1;
        }
        let mut n = 1;
        while n <= SHAPE_LENGTHS {
            starts[n] += starts[n - 1];
            n += 1;
        }
        let mut free = starts;
        let (mut order, mut firsts) = ([0u8; MAX_WORDS], [0u8; MAX_WORDS]);
        k = 0;
        while k < list.len() {
            let len = list[k].len();
            order[free[len] as usize] = k as u8;
            firsts[free[len] as usize] = list[k].as_bytes()[0].to_ascii_lowercase();
            free[len] += 1;
            k += 1;
        }
        Words {
            list,
            shapes: Shapes::of(list),
            order,
            firsts,
            starts,
        }
    }

    /// True when `word` (any ASCII case) is in the list.
    #[inline]
    pub(crate) fn has(&self, word: &str) -> bool {
        self.shapes.may_hold(word) && self.listed(word)
    }

    /// The list search behind [`Words::has`] over the words of `word`'s length and first
    /// letter, kept out of line: the shape test, inlined at each caller, turns away most words
    /// with no call at all.
    #[inline(never)]
    fn listed(&self, word: &str) -> bool {
        let n = word.len();
        let (Some(&from), Some(&to), Some(first)) = (
            self.starts.get(n),
            self.starts.get(n + 1),
            word.as_bytes().first().map(u8::to_ascii_lowercase),
        ) else {
            return false;
        };
        let range = usize::from(from)..usize::from(to);
        let (Some(order), Some(firsts)) = (self.order.get(range.clone()), self.firsts.get(range))
        else {
            return false;
        };
        order.iter().zip(firsts).any(|(&k, &f)| {
            f == first
                && self
                    .list
                    .get(usize::from(k))
                    .is_some_and(|x| x.eq_ignore_ascii_case(word))
        })
    }

    /// The words, in table order.
    #[cfg(test)]
    pub(crate) const fn words(&self) -> &'static [&'static str] {
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::WORD_BUF;

    /// Every plain word list, by name, for the shape checks below.
    const LISTS: &[(&str, &[&str])] = &[
        ("AGE_BOUNDS", AGE_BOUNDS.words()),
        ("BACK_POINTERS", BACK_POINTERS.words()),
        ("CHANGE_PREPOSITIONS", CHANGE_PREPOSITIONS.words()),
        ("CHANGE_VERBS", CHANGE_VERBS.words()),
        ("COUNT_NOUNS", COUNT_NOUNS.words()),
        ("GROUP_OPENERS", GROUP_OPENERS.words()),
        ("HEAD_CUTS", HEAD_CUTS.words()),
        ("HEAD_LEADS", HEAD_LEADS.words()),
        ("HEAD_MONEY", HEAD_MONEY.words()),
        ("HEAD_NOT_COUNTS", HEAD_NOT_COUNTS.words()),
        ("RESTATING_LEADS", RESTATING_LEADS.words()),
        ("LONE_NOT_NOUNS", LONE_NOT_NOUNS.words()),
        ("RESTATING_JOINERS", RESTATING_JOINERS.words()),
        ("RESTATING_FOLLOWERS", RESTATING_FOLLOWERS.words()),
        ("LEVEL_VERBS", LEVEL_VERBS.words()),
        ("SUBJECT_AUXILIARIES", SUBJECT_AUXILIARIES.words()),
        ("AGE_WORDS", AGE_WORDS.words()),
        ("DEFINITE_WORDS", DEFINITE_WORDS.words()),
        ("DEGREE_SCALES", DEGREE_SCALES.words()),
        ("CAP_VERBS", CAP_VERBS.words()),
        ("DEMONYMS", DEMONYMS.words()),
        ("INDICATORS", INDICATORS.words()),
        ("INDICATOR_MODIFIERS", INDICATOR_MODIFIERS.words()),
        ("INDICATOR_NOT_MODIFIERS", INDICATOR_NOT_MODIFIERS.words()),
        ("DETERMINERS", DETERMINERS.words()),
        ("DURATION_WORDS", DURATION_WORDS.words()),
        ("LY_WORDS", LY_WORDS.words()),
        ("MEASURE_DROP_WORDS", MEASURE_DROP_WORDS),
        ("MONEY_HANDOFFS", MONEY_HANDOFFS.words()),
        ("MONEY_ING_NOUNS", MONEY_ING_NOUNS.words()),
        ("MONEY_IN_NOT_NOUNS", MONEY_IN_NOT_NOUNS.words()),
        ("MONEY_OF_NOT_NOUNS", MONEY_OF_NOT_NOUNS.words()),
        ("MONEY_FOR_NOT_NAMES", MONEY_FOR_NOT_NAMES.words()),
        ("NAME_ENDERS", NAME_ENDERS.words()),
        ("PERCENT_OF_NOT_NOUNS", PERCENT_OF_NOT_NOUNS.words()),
        ("OBJECT_CHANGE_VERBS", OBJECT_CHANGE_VERBS.words()),
        ("CHANGE_CONNECTORS", CHANGE_CONNECTORS.words()),
        ("CHANGE_NOUNS", CHANGE_NOUNS.words()),
        ("PERCENT_NOT_HEADS", PERCENT_NOT_HEADS.words()),
        ("PERCENT_HEADS", PERCENT_HEADS.words()),
        ("COPULAS", COPULAS.words()),
        ("TIME_WORDS", TIME_WORDS.words()),
        ("STANDING_VERBS", STANDING_VERBS.words()),
        ("STATE_ADVERBS", STATE_ADVERBS.words()),
        (
            "SUBJECT_TAIL_PREPOSITIONS",
            SUBJECT_TAIL_PREPOSITIONS.words(),
        ),
        ("MONEY_SUBJECT_HEADS", MONEY_SUBJECT_HEADS.words()),
        ("PERCENT_SUBJECT_HEADS", PERCENT_SUBJECT_HEADS.words()),
        ("CHAINED_AMOUNT_WORDS", CHAINED_AMOUNT_WORDS.words()),
        ("MONEY_OF_NOT_OWNERS", MONEY_OF_NOT_OWNERS.words()),
        ("MULTIPLE_FOLLOWERS", MULTIPLE_FOLLOWERS.words()),
        ("NAME_WORDS", NAME_WORDS.words()),
        ("OTHER_CURRENCIES", OTHER_CURRENCIES.words()),
        ("PEOPLE_NOUNS", PEOPLE_NOUNS.words()),
        ("PEOPLE_SUFFIXES", PEOPLE_SUFFIXES),
        ("PLACE_PREPOSITIONS", PLACE_PREPOSITIONS.words()),
        ("PLURAL_WORDS", PLURAL_WORDS.words()),
        ("SERVICE_WORDS", SERVICE_WORDS.words()),
        ("SMALL_NUMBERS", SMALL_NUMBERS),
        ("SPAN_DEFINITE_WORDS", SPAN_DEFINITE_WORDS.words()),
        ("SPAN_EXTREMES", SPAN_EXTREMES.words()),
        ("SPAN_MODIFIERS", SPAN_MODIFIERS.words()),
        ("SPAN_NOT_AFTER", SPAN_NOT_AFTER.words()),
        ("TIME_UNITS", TIME_UNITS.words()),
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
    fn look_ups_ignore_case_only() {
        let cases = [
            ("Section", &NAME_WORDS, true),
            ("SECTION", &NAME_WORDS, true),
            ("sections", &NAME_WORDS, false),
            ("Euros", &OTHER_CURRENCIES, true),
            ("e.o.", &NAME_WORDS, true),
            ("911", &SERVICE_NUMBERS, true),
            ("", &NAME_WORDS, false),
            ("é", &NAME_WORDS, false),
        ];
        for (word, list, want) in cases {
            assert_eq!(list.has(word), want, "{word}");
            assert_eq!(in_list(word, list.words()), want, "{word}");
        }
    }

    #[test]
    fn shapes_never_turn_away_a_listed_word() {
        for (name, list) in LISTS {
            let words = Words::new(list);
            for w in *list {
                assert!(words.has(w) && words.has(&w.to_uppercase()), "{name}: {w}");
                // One letter more or less: the length buckets must turn it away.
                let mut shorter = w.chars();
                shorter.next_back();
                for other in [format!("{w}x"), shorter.as_str().to_string()] {
                    assert_eq!(words.has(&other), list.contains(&other.as_str()), "{other}");
                }
            }
        }
    }
}
