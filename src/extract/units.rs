//! Units: the money sign before a number ("$", "US$", "USD"), the unit word or sign after it
//! ("%", "percent", "percentage points", "dollars", "times"), and the [`Unit`] they give.

use super::lexicon::{in_list, MULTIPLE_FOLLOWERS};
use super::tokens::Toks;
use crate::figure::Unit;
use crate::text::{lower_ascii, WORD_BUF};

/// A unit written after an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Percent,
    Points,
    Dollars,
    Times,
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

/// A unit word or sign at token `k`, with the token after it.
pub(super) fn mark_after(t: &Toks, k: usize) -> Option<(Mark, usize)> {
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
        "times"
            if t.word(k + 1)
                .is_some_and(|n| in_list(n, MULTIPLE_FOLLOWERS)) =>
        {
            Some((Mark::Times, k + 1))
        }
        _ => None,
    }
}

/// The unit a mark (or a money sign before the number) gives; a count otherwise.
pub(super) fn unit_of(mark: Option<Mark>, money: bool) -> Unit {
    match mark {
        Some(Mark::Percent | Mark::Points) => Unit::Percent,
        Some(Mark::Times) => Unit::Times,
        Some(Mark::Dollars) => Unit::Usd,
        None if money => Unit::Usd,
        None => Unit::Count,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens_of;
    use super::*;

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
        let cases = [
            ("30%", Some((Mark::Percent, 2))),
            ("30 percent", Some((Mark::Percent, 2))),
            ("30 per cent", Some((Mark::Percent, 3))),
            ("2.1 percentage points", Some((Mark::Points, 3))),
            ("1 percentage point", Some((Mark::Points, 3))),
            ("5 dollars", Some((Mark::Dollars, 2))),
            ("5 U.S. dollars", Some((Mark::Dollars, 3))),
            ("4 times the rate", Some((Mark::Times, 2))),
            ("4 times with", None),
            ("4 percentage", None),
            ("4 jobs", None),
        ];
        for (text, want) in cases {
            toks_of(text, |t| assert_eq!(mark_after(t, 1), want, "{text}"));
        }
    }

    #[test]
    fn units_from_marks() {
        let cases = [
            (Some(Mark::Percent), false, Unit::Percent),
            (Some(Mark::Points), false, Unit::Percent),
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
