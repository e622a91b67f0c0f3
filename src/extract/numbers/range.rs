//! Ranges: "10–20", "10 to 20 percent", "$5-$10 million", "between 10 and 20", and the runs of
//! numbers that look like one but are none (year spans, phone numbers).

use super::super::tokens::{Kind, Toks};
use super::super::units::{mark_after, Mark};
use super::words::spelled_start;
use super::{amount, Amount};
use rust_decimal::Decimal;

/// How the words before the low end open a range.
#[derive(Debug, Clone, Copy, Default)]
pub(in crate::extract) struct Opener {
    /// "between 10 and 20": "and" is the separator, "to" is not.
    pub(in crate::extract) between: bool,
    /// "from 10 to 20": the "to" belongs to the verb ("rose from 10 to 20").
    pub(in crate::extract) from: bool,
}

/// What follows a low end: a range, or a run of numbers that are no figure (years, phones).
#[derive(Debug)]
pub(in crate::extract) enum Range {
    /// A range with its high end.
    Found(High),
    /// No figure at all; go on from this token.
    Reject(usize),
}

/// The high end of a range.
#[derive(Debug)]
pub(in crate::extract) struct High {
    /// The low end, scaled like the high end ("2 to 3 million" → 2,000,000).
    pub(in crate::extract) low: Decimal,
    /// The high end's amount.
    pub(in crate::extract) b: Amount,
    /// A money sign before the high end ("$5-$10").
    pub(in crate::extract) b_money: bool,
    /// The unit mark after the high end.
    pub(in crate::extract) b_mark: Option<Mark>,
    /// The token after the high end and its mark.
    pub(in crate::extract) b_next: usize,
    /// The bytes of the high end's unit word, when it has one.
    pub(in crate::extract) b_word: Option<(usize, usize)>,
}

/// Reads the high end of a range after the low end `a`, which ends before token `k`.
pub(in crate::extract) fn range_after(
    t: &Toks,
    k: usize,
    a: &Amount,
    a_money: bool,
    a_mark: Option<Mark>,
    opener: Opener,
) -> Option<Range> {
    let dash = separator(t, k, opener)?;
    let (b_at, b_money) = high_start(t, k + 1)?;
    if a.year_like && !a_money {
        // "2021–2023", "2021-22": both ends are years.
        return Some(Range::Reject(b_at + 1));
    }
    let b = amount(t, b_at, b_money || a_money)?;
    if let Some(n) = phone_run(t, dash, a, &b) {
        return Some(Range::Reject(n));
    }
    let mut n = b.next;
    if t.sym(n) == Some('+') && t.glued(n) {
        return None;
    }
    let mark = mark_after(t, n);
    if let Some(m) = mark {
        n = m.next;
    }
    let b_mark = if b.times {
        Some(Mark::Times)
    } else {
        mark.map(|m| m.mark)
    };
    let low = low_end(a, &b, a_mark, b_mark, dash || opener.between)?;
    Some(Range::Found(High {
        low,
        b,
        b_money,
        b_mark,
        b_next: n,
        b_word: mark.map(|m| m.word),
    }))
}

/// The separator at `k`: `Some(true)` for a dash, `Some(false)` for a word ("to", "and").
fn separator(t: &Toks, k: usize, opener: Opener) -> Option<bool> {
    match t.tok(k)?.kind {
        Kind::Sym('-') => (t.glued(k) && t.glued(k + 1)).then_some(true),
        Kind::Sym('–') => Some(true),
        Kind::Word if !opener.from && !opener.between && t.word_is(k, "to") => Some(false),
        Kind::Word if opener.between && t.word_is(k, "and") => Some(false),
        _ => None,
    }
}

/// Where the high end's number is (after an optional money sign at `at`), and whether that
/// sign was there.
fn high_start(t: &Toks, at: usize) -> Option<(usize, bool)> {
    let (b_at, b_money) = if t.sym(at) == Some('$') {
        (at + 1, true)
    } else {
        (at, false)
    };
    let number = t.is_num(b_at) || (t.word(b_at).is_some() && spelled_start(t, b_at));
    number.then_some((b_at, b_money))
}

/// The token after a phone number ("1-800-318-2596", "456-1111") whose first two parts are
/// `a` and `b`, when they are one.
fn phone_run(t: &Toks, dash: bool, a: &Amount, b: &Amount) -> Option<usize> {
    let dashed = |n: usize| matches!(t.sym(n), Some('-' | '–')) && t.glued(n);
    if !dash || !(dashed(b.next) || (a.plain_digits == 3 && b.plain_digits == 4)) {
        return None;
    }
    let mut n = b.next;
    while dashed(n) {
        n += 2;
    }
    Some(n)
}

/// The low end when `a` and `b` make a range: same mark, scales that agree, the high end above
/// the low; `tight` for a dash or "between" (which may mix digits and words).
fn low_end(
    a: &Amount,
    b: &Amount,
    a_mark: Option<Mark>,
    b_mark: Option<Mark>,
    tight: bool,
) -> Option<Decimal> {
    if a_mark.is_some() && a_mark != b_mark {
        return None;
    }
    if a.scaled && !b.scaled {
        return None;
    }
    if a.spelled != b.spelled && !tight {
        return None;
    }
    let low = if b.scaled && !a.scaled {
        a.base.checked_mul(b.factor)?
    } else {
        a.value
    };
    (b.value > low).then_some(low)
}

#[cfg(test)]
mod tests {
    use super::super::super::tokens::tokens_of;
    use super::*;
    use std::str::FromStr;

    /// Reads a range after the amount at token `at` of `text`: `Ok((low, high, words))` for a
    /// range, `Err(Some(next))` for a rejected run, `Err(None)` for no range.
    fn read(
        text: &str,
        at: usize,
        opener: Opener,
    ) -> Result<(String, String, String), Option<usize>> {
        let toks = tokens_of(text);
        let t = Toks { text, toks: &toks };
        let money = t.sym(at.wrapping_sub(1)) == Some('$');
        let a = amount(&t, at, money).expect("a low end");
        let mark = mark_after(&t, a.next);
        let k = mark.map_or(a.next, |m| m.next);
        match range_after(&t, k, &a, money, mark.map(|m| m.mark), opener) {
            Some(Range::Found(h)) => {
                let end = t.end_of(h.b_next - 1).unwrap();
                let words = text[a.start..end].to_string();
                Ok((h.low.to_string(), h.b.value.to_string(), words))
            }
            Some(Range::Reject(n)) => Err(Some(n)),
            None => Err(None),
        }
    }

    #[test]
    fn reads_ranges_and_refuses_what_is_none() {
        let plain = Opener::default();
        let between = Opener {
            between: true,
            from: false,
        };
        let from = Opener {
            between: false,
            from: true,
        };
        type Want = Result<(&'static str, &'static str, &'static str), Option<usize>>;
        let cases: &[(&str, usize, Opener, Want)] = &[
            ("200–300 trainees", 0, plain, Ok(("200", "300", "200–300"))),
            (
                "10 to 20 percent",
                0,
                plain,
                Ok(("10", "20", "10 to 20 percent")),
            ),
            ("15%-25%", 0, plain, Ok(("15", "25", "15%-25%"))),
            (
                "$5-$10 million",
                1,
                plain,
                Ok(("5000000", "10000000", "5-$10 million")),
            ),
            (
                "2 to 3 million acres",
                0,
                plain,
                Ok(("2000000", "3000000", "2 to 3 million acres")),
            ),
            (
                "10 and 20 technicians",
                0,
                between,
                Ok(("10", "20", "10 and 20")),
            ),
            (
                "four and 20 percent",
                0,
                between,
                Ok(("4", "20", "four and 20 percent")),
            ),
            ("10 to 20", 0, from, Err(None)),
            ("10 and 20", 0, plain, Err(None)),
            ("20 to 10", 0, plain, Err(None)),
            ("10 - 20", 0, plain, Err(None)),
            ("5 million to 6", 0, plain, Err(None)),
            ("2021–2023", 0, plain, Err(Some(3))),
            ("1-800-318-2596", 0, plain, Err(Some(7))),
            ("456-1111", 0, plain, Err(Some(3))),
        ];
        for (text, at, opener, want) in cases {
            let want = (*want).map(|(l, h, w)| (d(l), d(h), w.to_string()));
            let got = read(text, *at, *opener).map(|(l, h, w)| (d(&l), d(&h), w));
            assert_eq!(got, want, "{text}");
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }
}
