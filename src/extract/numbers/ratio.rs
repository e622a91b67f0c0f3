//! Ratios written "X in Y" or "X out of Y" ("8 in 10 centers", "one in five renters"): a
//! share, read as a percentage only when that percentage is exact ("1 in 4" is 25%; "1 in 3"
//! is left out, as its percentage has no end).

use super::super::lexicon::TIME_UNITS;
use super::super::tokens::Toks;
use super::words::small_number;
use super::{amount, Amount};
use rust_decimal::Decimal;

/// Most decimals an exact share of a small whole has ("3 in 8" is 37.5%).
const MAX_PERCENT_DECIMALS: u32 = 2;

/// A ratio read after its first term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::extract) struct Ratio {
    /// The share as an exact percentage.
    pub(in crate::extract) percent: Decimal,
    /// The byte the whole's words end at.
    pub(in crate::extract) end: usize,
    /// The token after the whole.
    pub(in crate::extract) next: usize,
}

/// The ratio whose first term is `part`: "in" or "out of", then a whole number larger than
/// the part. A time after the whole ("3 in 5 days") or a year ("2 in 2024") makes none.
pub(in crate::extract) fn ratio_after(t: &Toks, part: &Amount) -> Option<Ratio> {
    if part.scaled || part.times || part.compound.is_some() || !part.value.is_integer() {
        return None;
    }
    let k = if t.word_is(part.next, "in") {
        part.next + 1
    } else if t.word_is(part.next, "out") && t.word_is(part.next + 1, "of") {
        part.next + 2
    } else {
        return None;
    };
    if !t.is_num(k) && t.word(k).is_none_or(|w| small_number(w).is_none()) {
        return None;
    }
    let whole = amount(t, k, false)?;
    if whole.scaled
        || whole.times
        || whole.year_like
        || whole.compound.is_some()
        || !whole.value.is_integer()
        || whole.value <= part.value
        || t.word(whole.next).is_some_and(|w| TIME_UNITS.has(w))
    {
        return None;
    }
    // "48 out of 50 states" counts states; a share's whole is small or a hundred.
    let whole_ok = whole.value <= Decimal::TEN
        || whole.value == Decimal::from(20)
        || whole.value == Decimal::ONE_HUNDRED;
    if !whole_ok {
        return None;
    }
    let percent = part
        .value
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(whole.value)?
        .normalize();
    // Only an exact share: a third's percentage has no end.
    if percent.scale() > MAX_PERCENT_DECIMALS {
        return None;
    }
    Some(Ratio {
        percent,
        end: whole.end,
        next: whole.next,
    })
}

#[cfg(test)]
mod tests {
    use super::super::super::tokens::tokens_of;
    use super::*;

    /// The percentage of the ratio opened by the text's first token.
    fn percent_of(text: &str) -> Option<String> {
        let toks = tokens_of(text);
        let t = Toks { text, toks: &toks };
        let part = amount(&t, 0, false)?;
        ratio_after(&t, &part).map(|r| r.percent.to_string())
    }

    #[test]
    fn ratios_read_as_exact_percentages_or_not_at_all() {
        let cases: &[(&str, Option<&str>)] = &[
            ("8 in 10 centers", Some("80")),
            ("one in five renters", Some("20")),
            ("Nine out of 10 employers", Some("90")),
            ("1 in 4 families", Some("25")),
            ("3 in 8 homes", Some("37.5")),
            ("1 in 3 adults", None),
            ("1 in 7 households", None),
            ("3 in 5 days", None),
            ("2 in 2024", None),
            ("10 in 10 schools", None),
            ("5 states", None),
            ("2 in 1.5 million", None),
            ("48 out of 50 states", None),
            ("1 in 20 schools", Some("5")),
            ("one in eight adults", Some("12.5")),
        ];
        for (text, want) in cases {
            assert_eq!(percent_of(text).as_deref(), *want, "{text}");
        }
    }
}
