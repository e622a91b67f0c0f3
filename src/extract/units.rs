//! Units: the money sign before a number ("$", "US$", "USD"), the unit word or sign after it
//! ("%", "percent", "percentage points", "dollars", "times"), and the [`Unit`] they give.

use super::lexicon::{
    in_list, shape_bit, COMPOUND_COUNT_HEADS, DEGREE_SCALES, MULTIPLE_FOLLOWERS, PHYSICAL_UNITS,
    SPAN_EXTREMES, SPAN_MODIFIERS, STREAK_TAILS, TIME_UNITS, UNIT_ABBREVIATIONS,
};
use super::tokens::Toks;
use crate::figure::Unit;
use crate::text::{is_stop_word, lower_ascii, StopRole, WORD_BUF};

/// A unit written after an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Percent,
    Points,
    Dollars,
    Times,
    /// A physical measure or a span of time.
    Measure(Unit),
}

/// A unit read after an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marked {
    pub(super) mark: Mark,
    /// The token after the unit's words.
    pub(super) next: usize,
    /// The bytes of the unit word itself ("months" in "22 consecutive months in a row").
    pub(super) word: (usize, usize),
}

/// What the head of a hyphenated compound after a number makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Compound {
    /// A count whose noun ends in this plural ("a 12-member commission": commission members).
    Count(&'static str),
    /// A unit ("a 14-acre site", "a 52-percent cut", "a 54-year low").
    Mark(Mark),
}

/// The compound a number makes with `head`, the word after its hyphen ("member", "acre"),
/// when `after` (the token after the compound) does not undo it: an "N-year" compound is a
/// span only before "low" or "high" ("five-year plan" stays no figure). Returns the compound
/// and how many tokens after the compound it takes.
pub(super) fn compound_of(t: &Toks, head: &str, after: usize) -> Option<(Compound, usize)> {
    let mut buf = [0u8; WORD_BUF];
    let lower = lower_ascii(head, &mut buf);
    if let Some((_, plural)) = COMPOUND_COUNT_HEADS.iter().find(|(h, _)| *h == lower) {
        return Some((Compound::Count(plural), 0));
    }
    if lower == "percent" {
        return Some((Compound::Mark(Mark::Percent), 0));
    }
    if let Some((_, u)) = PHYSICAL_UNITS
        .iter()
        .find(|(phrase, _)| phrase.len() == 1 && phrase.first() == Some(&lower))
    {
        return Some((Compound::Mark(Mark::Measure(*u)), 0));
    }
    let extreme = t.word(after).is_some_and(|w| SPAN_EXTREMES.has(w));
    let span = in_list(lower, &["year", "month", "week", "day"]) && extreme;
    span.then_some((Compound::Mark(Mark::Measure(Unit::Span)), 1))
}

/// The token where a money sign before the number at `i` starts ("$5", "US$5", "USD 5").
pub(super) fn money_before(t: &Toks, i: usize) -> Option<usize> {
    let p = i.checked_sub(1)?;
    if t.sym(p) == Some('$') && t.glued(i) {
        let us = p
            .checked_sub(1)
            .filter(|&pp| t.word_is(pp, "US") && t.glued(p));
        return Some(us.unwrap_or(p));
    }
    t.word_is(p, "USD").then_some(p)
}

/// A unit word or sign at token `k`: percent, points, dollars, a multiple, a physical measure
/// or a span of time.
pub(super) fn mark_after(t: &Toks, k: usize) -> Option<Marked> {
    let (mark, next) = match word_mark(t, k) {
        Some(found) => found,
        None => return physical_after(t, k).or_else(|| span_after(t, k)),
    };
    let word = (t.start_of(k)?, t.end_of(next - 1)?);
    Some(Marked { mark, next, word })
}

/// A physical unit after one modifier ("1.3 million new acres", "475,000 private acres",
/// "400 million EV miles"): the number measures in the unit, and the modifier stays in the
/// quote. The modifier is one lower-case word or an acronym, no stop word ("50 per acre"), and
/// the unit is plural ("a 10 square mile area" is no measure of the number's).
pub(super) fn modified_measure_after(t: &Toks, k: usize) -> Option<Marked> {
    // The unit first: most words after a number start none, and that test is the cheapest.
    let m = physical_after(t, k + 1)?;
    let w = t.word(k)?;
    let lower = w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    let acronym = w.len() <= 5 && w.bytes().all(|b| b.is_ascii_uppercase());
    if !(lower || acronym) || is_stop_word(w, StopRole::NounEnd) {
        return None;
    }
    let last = t.word(m.next - 1)?;
    (last.ends_with('s') || last == "feet").then_some(m)
}

/// The marks of money, percentages and multiples at token `k`, with the token after.
fn word_mark(t: &Toks, k: usize) -> Option<(Mark, usize)> {
    if t.sym(k) == Some('%') {
        return Some((Mark::Percent, k + 1));
    }
    let w = t.word(k)?;
    let mut buf = [0u8; WORD_BUF];
    match lower_ascii(w, &mut buf) {
        "percent" => Some((Mark::Percent, k + 1)),
        "per" if t.word_is(k + 1, "cent") => Some((Mark::Percent, k + 2)),
        "percentage" if t.word_is(k + 1, "points") || t.word_is(k + 1, "point") => {
            Some((Mark::Points, k + 2))
        }
        "dollars" | "usd" => Some((Mark::Dollars, k + 1)),
        "u.s." if t.word_is(k + 1, "dollars") => Some((Mark::Dollars, k + 2)),
        // "four times the rate", "1.4 times higher" — not "spoke four times with".
        "times" if t.word(k + 1).is_some_and(|n| MULTIPLE_FOLLOWERS.has(n)) => {
            Some((Mark::Times, k + 1))
        }
        _ => None,
    }
}

/// The phrases of [`PHYSICAL_UNITS`] by their first word: bit `k` of `.0[n]` is set when phrase
/// `k` starts with a word of `n` bytes, of `.1[c]` when that word's first byte has shape bit `c`
/// (see [`shape_bit`]).
const FIRST_WORD_SETS: ([u64; 32], [u64; 32]) = first_word_sets();

/// Builds [`FIRST_WORD_SETS`]; more than 64 phrases fail to compile.
const fn first_word_sets() -> ([u64; 32], [u64; 32]) {
    assert!(PHYSICAL_UNITS.len() <= 64);
    let (mut by_length, mut by_first) = ([0u64; 32], [0u64; 32]);
    let mut k = 0;
    while k < PHYSICAL_UNITS.len() {
        let first = PHYSICAL_UNITS[k].0[0].as_bytes();
        by_length[first.len()] |= 1 << k;
        by_first[shape_bit(first[0]).trailing_zeros() as usize] |= 1 << k;
        k += 1;
    }
    (by_length, by_first)
}

/// A physical unit at token `k` ("acres", "metric tons", "GW", "degrees Celsius", "°C").
fn physical_after(t: &Toks, k: usize) -> Option<Marked> {
    let start = t.start_of(k)?;
    let (unit, mut next) = if t.sym(k) == Some('°') {
        (Unit::Degrees, k + 1)
    } else if let Some((_, u)) = t
        .word(k)
        .and_then(|w| UNIT_ABBREVIATIONS.iter().find(|(a, _)| *a == w))
    {
        (*u, k + 1)
    } else {
        // The word at `k` is read once and compared with the first words of the few phrases
        // whose first word has its length and first letter, in list order.
        let first = t.word(k)?;
        let (by_length, by_first) = &FIRST_WORD_SETS;
        let class = shape_bit(*first.as_bytes().first()?).trailing_zeros() as usize;
        let mut candidates = by_length.get(first.len())? & by_first.get(class)?;
        loop {
            let n = candidates.trailing_zeros() as usize;
            candidates &= candidates.wrapping_sub(1);
            let (phrase, u) = PHYSICAL_UNITS.get(n)?;
            let hit = phrase.split_first().is_some_and(|(head, rest)| {
                head.eq_ignore_ascii_case(first)
                    && rest
                        .iter()
                        .enumerate()
                        .all(|(n, p)| t.word_is(k + 1 + n, p))
            });
            if hit {
                break (*u, k + phrase.len());
            }
        }
    };
    // "1.5 degrees Celsius", "100°F": the scale is part of the unit.
    if unit == Unit::Degrees && degree_scale(t, next) {
        next += 1;
    }
    let word = (start, t.end_of(next - 1)?);
    Some(Marked {
        mark: Mark::Measure(unit),
        next,
        word,
    })
}

/// True when token `k` names a temperature scale ("Celsius", "F").
pub(super) fn degree_scale(t: &Toks, k: usize) -> bool {
    t.word(k).is_some_and(|w| DEGREE_SCALES.has(w))
}

/// A span of time at token `k`: an optional modifier, a time unit, and a streak's tail ("22
/// months in a row", "seven consecutive years", "six months straight"). "Hours of" work are a
/// count ("3,500 hours of training"), but not hours of a moment ("within 72 hours of the
/// storm").
fn span_after(t: &Toks, k: usize) -> Option<Marked> {
    let unit_at = if t.word(k).is_some_and(|w| SPAN_MODIFIERS.has(w)) {
        k + 1
    } else {
        k
    };
    let w = t.word(unit_at).filter(|w| TIME_UNITS.has(w))?;
    if in_list(w, &["hours", "hour"])
        && t.word_is(unit_at + 1, "of")
        && !moment_after(t, unit_at + 2)
    {
        return None;
    }
    let mut next = unit_at + 1;
    if let Some(tail) = STREAK_TAILS
        .iter()
        .find(|tail| tail.iter().enumerate().all(|(n, p)| t.word_is(next + n, p)))
    {
        next += tail.len();
    }
    let word = (t.start_of(unit_at)?, t.end_of(unit_at)?);
    Some(Marked {
        mark: Mark::Measure(Unit::Span),
        next,
        word,
    })
}

/// True when token `k` starts a definite noun phrase ("the storm", "its passage"): what a
/// span "of" is measured from.
fn moment_after(t: &Toks, k: usize) -> bool {
    t.word(k).is_some_and(|w| {
        in_list(
            w,
            &[
                "the",
                "a",
                "an",
                "its",
                "their",
                "this",
                "that",
                "his",
                "her",
                "enactment",
            ],
        )
    })
}

/// True when a span of time starts at token `k` (a time unit, after an optional modifier).
pub(super) fn span_at(t: &Toks, k: usize) -> bool {
    span_after(t, k).is_some()
}

/// The unit a mark (or a money sign before the number) gives; a count otherwise.
pub(super) fn unit_of(mark: Option<Mark>, money: bool) -> Unit {
    match mark {
        Some(Mark::Percent) => Unit::Percent,
        Some(Mark::Points) => Unit::PercentagePoints,
        Some(Mark::Times) => Unit::Times,
        Some(Mark::Dollars) => Unit::Usd,
        Some(Mark::Measure(unit)) => unit,
        None if money => Unit::Usd,
        None => Unit::Count,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens_of;
    use super::*;

    #[test]
    fn every_unit_phrase_is_a_candidate_for_its_first_word() {
        let (by_length, by_first) = &FIRST_WORD_SETS;
        let set = |w: &str| {
            let class = shape_bit(w.as_bytes()[0]).trailing_zeros() as usize;
            by_length[w.len()] & by_first[class]
        };
        for (k, (phrase, _)) in PHYSICAL_UNITS.iter().enumerate() {
            for word in [phrase[0].to_string(), phrase[0].to_uppercase()] {
                assert!(set(&word) & (1 << k) != 0, "{phrase:?} {word}");
            }
        }
        assert_eq!(set("jobs"), 0);
    }

    fn toks_of(text: &str, f: impl FnOnce(&Toks)) {
        let toks = tokens_of(text);
        f(&Toks { text, toks: &toks });
    }

    #[test]
    fn money_signs_before_a_number() {
        // text, number token, where the money words start
        let cases = [
            ("$5", 1, Some(0)),
            ("US$5", 2, Some(0)),
            ("USD 5", 1, Some(0)),
            ("usd 5", 1, Some(0)),
            ("$ 5", 1, None),
            ("CAD$5", 2, Some(1)),
            ("5", 0, None),
        ];
        for (text, at, want) in cases {
            toks_of(text, |t| assert_eq!(money_before(t, at), want, "{text}"));
        }
    }

    #[test]
    fn marks_after_a_number() {
        use Unit::{Acres, Degrees, Gigawatts, NauticalMiles, Span, SquareMiles, Tons};
        // text, mark, tokens read after the number, the unit word
        let cases = [
            ("30%", Some((Mark::Percent, 1, "%"))),
            ("30 percent", Some((Mark::Percent, 1, "percent"))),
            ("30 per cent", Some((Mark::Percent, 2, "per cent"))),
            (
                "2.1 percentage points",
                Some((Mark::Points, 2, "percentage points")),
            ),
            (
                "1 percentage point",
                Some((Mark::Points, 2, "percentage point")),
            ),
            ("5 dollars", Some((Mark::Dollars, 1, "dollars"))),
            ("5 U.S. dollars", Some((Mark::Dollars, 2, "U.S. dollars"))),
            ("4 times the rate", Some((Mark::Times, 1, "times"))),
            ("4 times with", None),
            ("4 percentage", None),
            ("4 jobs", None),
            (
                "500 acres of land",
                Some((Mark::Measure(Acres), 1, "acres")),
            ),
            (
                "12 metric tons of gear",
                Some((Mark::Measure(Tons), 2, "metric tons")),
            ),
            (
                "3 square miles",
                Some((Mark::Measure(SquareMiles), 2, "square miles")),
            ),
            (
                "200 nautical miles offshore",
                Some((Mark::Measure(NauticalMiles), 2, "nautical miles")),
            ),
            ("30 GW by 2030", Some((Mark::Measure(Gigawatts), 1, "GW"))),
            ("30 gw by 2030", None),
            (
                "1.5 degrees Celsius of",
                Some((Mark::Measure(Degrees), 2, "degrees Celsius")),
            ),
            ("100°F heat", Some((Mark::Measure(Degrees), 2, "°F"))),
            (
                "1.5 degrees within reach",
                Some((Mark::Measure(Degrees), 1, "degrees")),
            ),
            (
                "22 months in a row",
                Some((Mark::Measure(Span), 4, "months")),
            ),
            (
                "seven consecutive years",
                Some((Mark::Measure(Span), 2, "years")),
            ),
            (
                "six months straight",
                Some((Mark::Measure(Span), 2, "months")),
            ),
            ("150 days", Some((Mark::Measure(Span), 1, "days"))),
            (
                "72 hours of the storm",
                Some((Mark::Measure(Span), 1, "hours")),
            ),
            ("3,500 hours of training", None),
            ("5 more jobs", None),
        ];
        for (text, want) in cases {
            toks_of(text, |t| {
                let got = mark_after(t, 1).map(|m| (m.mark, m.next - 1, &text[m.word.0..m.word.1]));
                assert_eq!(got, want, "{text}");
            });
        }
    }

    #[test]
    fn measures_after_one_modifier() {
        use Unit::{Acres, Barrels, Miles, SquareFeet};
        // text, the measure and the token after it
        let cases = [
            ("1.3 new acres of wilderness", Some((Acres, 3))),
            ("475,000 private acres", Some((Acres, 3))),
            ("400 EV miles driven", Some((Miles, 3))),
            ("1 additional barrels on", Some((Barrels, 3))),
            ("5 rentable square feet", Some((SquareFeet, 4))),
            ("50 per acre", None),
            ("10 square mile area", None),
            ("12 new mile marker", None),
            ("3 Main miles", None),
            ("40 new jobs", None),
        ];
        for (text, want) in cases {
            toks_of(text, |t| {
                let got = modified_measure_after(t, 1).map(|m| match m.mark {
                    Mark::Measure(u) => (u, m.next),
                    _ => panic!("{text}: not a measure"),
                });
                assert_eq!(got, want, "{text}");
            });
        }
    }

    #[test]
    fn compounds_after_a_number() {
        use Unit::{Acres, Span};
        // head, the word after the compound, compound and tokens it takes after
        let cases = [
            (
                "member",
                "commission",
                Some((Compound::Count("members"), 0)),
            ),
            ("Member", "board", Some((Compound::Count("members"), 0))),
            (
                "acre",
                "site",
                Some((Compound::Mark(Mark::Measure(Acres)), 0)),
            ),
            ("percent", "cut", Some((Compound::Mark(Mark::Percent), 0))),
            (
                "year",
                "low",
                Some((Compound::Mark(Mark::Measure(Span)), 1)),
            ),
            ("year", "plan", None),
            ("day", "", None),
            ("old", "", None),
        ];
        for (head, after, want) in cases {
            toks_of(after, |t| {
                assert_eq!(compound_of(t, head, 0), want, "{head} {after}")
            });
        }
    }

    #[test]
    fn units_from_marks() {
        let cases = [
            (Some(Mark::Percent), false, Unit::Percent),
            (Some(Mark::Points), false, Unit::PercentagePoints),
            (Some(Mark::Measure(Unit::Acres)), false, Unit::Acres),
            (Some(Mark::Times), true, Unit::Times),
            (Some(Mark::Dollars), false, Unit::Usd),
            (None, true, Unit::Usd),
            (None, false, Unit::Count),
        ];
        for (mark, money, want) in cases {
            assert_eq!(unit_of(mark, money), want, "{mark:?} {money}");
        }
    }
}
