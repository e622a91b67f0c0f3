//! Numbers: digits ("8,000", "4.2"), spelled words ([`words`]), glued and written scales
//! ("$1.2B", "4.2 billion") and ranges ([`range`]), read into an exact [`Amount`].

pub(super) mod range;
pub(super) mod ratio;
pub(super) mod shapes;
pub(super) mod words;

use super::lexicon::{Shapes, SCALE_SUFFIXES, SCALE_WORDS, UNIT_ABBREVIATIONS};
use super::tokens::{Kind, Toks};
use super::units::{compound_of, Compound};
use rust_decimal::Decimal;

/// Most significant digits a number may have; longer ones are ids or overflow `Decimal`.
const MAX_DIGITS: usize = 28;
/// A bare four-digit integer in this range is read as a year.
const YEAR_MIN: u32 = 1800;
/// See [`YEAR_MIN`].
const YEAR_MAX: u32 = 2100;
/// Largest believable multiple: "777X" is a model name, not a 777-fold rise.
const MAX_TIMES: u32 = 100;

/// True when token `i` is a bare year ("2021").
pub(super) fn is_year(t: &Toks, i: usize) -> bool {
    t.tok(i).is_some_and(|k| {
        let s = t.str_of(k);
        k.kind == Kind::Num && s.len() == 4 && s.parse::<u32>().is_ok_and(in_year_range)
    })
}

/// True for a four-digit integer read as a year.
fn in_year_range(y: u32) -> bool {
    (YEAR_MIN..=YEAR_MAX).contains(&y)
}

/// A number read at a token, with its scale.
#[derive(Debug, Clone, Copy)]
pub(super) struct Amount {
    /// The number before scale words.
    pub(super) base: Decimal,
    /// The product of the scale words (1 when none).
    pub(super) factor: Decimal,
    /// `base × factor`.
    pub(super) value: Decimal,
    /// True when a scale word or suffix was written.
    pub(super) scaled: bool,
    /// Byte where the number's own words start.
    pub(super) start: usize,
    /// Byte where its own words end (after the scale word).
    pub(super) end: usize,
    /// The token after the amount.
    pub(super) next: usize,
    /// Written as a multiple ("2x", "five-fold").
    pub(super) times: bool,
    /// Written in words ("six").
    pub(super) spelled: bool,
    /// A bare four-digit integer that reads as a year.
    pub(super) year_like: bool,
    /// Digits without separators or decimals, and how many ("456", "1111").
    pub(super) plain_digits: usize,
    /// A hyphenated compound it heads ("12-member", "14-acre"), with the head word's bytes.
    pub(super) compound: Option<(Compound, (usize, usize))>,
    /// A "+" between the number and its scale word ("$90+ million"): more than the amount.
    pub(super) plus: bool,
}

/// Reads the number at token `i` with its glued suffix and scale words; `money` says a money
/// sign precedes it (then "M", "B", "K" glued to it are scales).
pub(super) fn amount(t: &Toks, i: usize, money: bool) -> Option<Amount> {
    let mut a = if t.is_num(i) {
        digits_amount(t, i, money)?
    } else {
        spelled_amount(t, i)?
    };
    if !a.times {
        scale_word(t, &mut a)?;
    }
    a.value = a.base.checked_mul(a.factor)?;
    a.year_like = a.plain_digits == 4
        && u32::try_from(a.base.mantissa())
            .ok()
            .is_some_and(in_year_range);
    Some(a)
}

/// An amount of `base` at token `i` that ends at byte `end`, before token `next`.
fn bare(base: Decimal, t: &Toks, i: usize, end: usize, next: usize) -> Option<Amount> {
    Some(Amount {
        base,
        factor: Decimal::ONE,
        value: base,
        scaled: false,
        start: t.start_of(i)?,
        end,
        next,
        times: false,
        spelled: false,
        year_like: false,
        plain_digits: 0,
        compound: None,
        plus: false,
    })
}

/// A number in digits with what is glued to its right: a scale suffix ("1.2B"), a multiple
/// ("2x", "3-fold"), or something that makes it no amount ("COVID-19's", "3:00", "1990s").
fn digits_amount(t: &Toks, i: usize, money: bool) -> Option<Amount> {
    let tok = t.tok(i)?;
    let (base, plain) = parse_digits(t.str_of(tok))?;
    let mut a = bare(base, t, i, tok.end, i + 1)?;
    a.plain_digits = plain;
    match glue_after(t, i, base, money)? {
        Glue::Nothing => {}
        Glue::Scale(s) => {
            a.factor = Decimal::from(s);
            a.scaled = true;
            a.end = t.end_of(i + 1)?;
            a.next += 1;
        }
        Glue::Times(tokens) => {
            a.times = true;
            a.next += tokens;
        }
        Glue::Compound(c, after) => {
            a.compound = Some((c, (t.start_of(i + 2)?, t.end_of(i + 2)?)));
            a.next += 2 + after;
        }
        Glue::Unit => {}
    }
    Some(a)
}

/// What touches a number in digits on its right.
#[derive(Debug, PartialEq, Eq)]
enum Glue {
    /// Nothing that changes it.
    Nothing,
    /// A scale suffix of this size ("B", "mn").
    Scale(u64),
    /// A multiple sign taking this many tokens ("x", "-fold").
    Times(usize),
    /// A hyphenated compound ("-member", "-acre"), taking this many tokens after its head.
    Compound(Compound, usize),
    /// A unit abbreviation, read as the unit ("30GW").
    Unit,
}

/// Reads what is glued right after the number at `i`; `None` when it makes the number none.
fn glue_after(t: &Toks, i: usize, base: Decimal, money: bool) -> Option<Glue> {
    let next = i + 1;
    if !t.glued(next) {
        return Some(Glue::Nothing);
    }
    Some(match t.tok(next)?.kind {
        Kind::Word => {
            let w = t.word(next)?;
            if let Some((_, s, _)) = SCALE_SUFFIXES
                .iter()
                .find(|(s, _, bare)| *s == w && (money || *bare))
            {
                Glue::Scale(*s)
            } else if (w == "x" || w == "X") && base <= Decimal::from(MAX_TIMES) {
                Glue::Times(1)
            } else if UNIT_ABBREVIATIONS.iter().any(|(a, _)| *a == w) {
                Glue::Unit
            } else {
                return None;
            }
        }
        Kind::Sym('-') if t.glued(next + 1) => match t.tok(next + 1)?.kind {
            Kind::Word if t.word_is(next + 1, "fold") => Glue::Times(2),
            Kind::Word => {
                let (c, after) = compound_of(t, t.word(next + 1)?, next + 2)?;
                Glue::Compound(c, after)
            }
            _ => Glue::Nothing,
        },
        Kind::Sym(':' | '/' | '(') => return None,
        Kind::Sym('\'' | '’') if t.word_is(next + 1, "s") => return None,
        Kind::Sym(')') if !money => return None,
        Kind::Sym('.') if i == 0 => return None,
        _ => Glue::Nothing,
    })
}

/// A spelled number ("six", "one hundred", "fivefold"); a hundred or more counts as scaled.
fn spelled_amount(t: &Toks, i: usize) -> Option<Amount> {
    // "a million", "half a billion": the article stands for the number before the scale.
    let scale = if t.word_is(i, "half") { i + 2 } else { i + 1 };
    if let Some((_, base)) = words::article_before(t, scale).filter(|&(at, _)| at == i) {
        let mut a = bare(base, t, i, t.end_of(scale - 1)?, scale)?;
        a.spelled = true;
        return Some(a);
    }
    let s = words::spelled(t, i)?;
    let base = Decimal::from(s.value);
    let mut a = bare(base, t, i, s.end, s.next)?;
    a.times = s.fold;
    a.compound = s.compound;
    a.spelled = true;
    a.scaled = base >= Decimal::ONE_HUNDRED;
    Some(a)
}

/// Applies one scale word after the number ("4.2 billion"); `None` for a chain ("trillion
/// trillion") or a second scale ("$1.2B million"), which is no real amount. A scale may head
/// a hyphenated word ("3 million-acre-feet", "$1 billion-dollar fund"): its tail is then the
/// compound the amount heads, or else is passed over.
fn scale_word(t: &Toks, a: &mut Amount) -> Option<()> {
    // "$90+ million": the plus stands between the number and its scale.
    let plus = t.sym(a.next) == Some('+')
        && t.glued(a.next)
        && t.word(a.next + 1).and_then(scale_factor).is_some();
    if plus {
        a.plus = true;
        a.next += 1;
    }
    let Some(word) = t.word(a.next) else {
        return Some(());
    };
    // The hyphen is looked for only in a word that is no scale itself (most are neither).
    let hyphenated = || match word.split_once('-') {
        Some((scale, tail)) if !tail.is_empty() => Some((scale_factor(scale)?, scale, tail)),
        _ => None,
    };
    let Some((s, scale, tail)) = scale_factor(word)
        .map(|s| (s, word, None))
        .or_else(|| hyphenated().map(|(s, scale, tail)| (s, scale, Some(tail))))
    else {
        return Some(());
    };
    if a.scaled || t.word(a.next + 1).and_then(scale_factor).is_some() {
        return None;
    }
    a.factor = a.factor.checked_mul(Decimal::from(s))?;
    a.scaled = true;
    let start = t.start_of(a.next)?;
    a.end = t.end_of(a.next)?;
    if let Some(tail) = tail {
        a.end = start + scale.len();
        if let Some((c, after)) = compound_of(t, tail, a.next + 1) {
            a.compound = Some((c, (a.end + 1, t.end_of(a.next)?)));
            a.next += after;
        }
    }
    a.next += 1;
    Some(())
}

/// The minus sign glued before the number or money sign at `lead` ("-500 jobs", "−3.2
/// percent", "-$4 billion"), when it is a sign and not a hyphen: whitespace, the text start or
/// an opening bracket stands before it.
pub(super) fn minus_before(t: &Toks, lead: usize) -> Option<usize> {
    let p = lead.checked_sub(1)?;
    let opens = |q: usize| matches!(t.sym(q), Some('(' | '['));
    let sign = matches!(t.sym(p), Some('-' | '−'))
        && t.glued(lead)
        && (!t.glued(p) || p.checked_sub(1).is_none_or(opens));
    sign.then_some(p)
}

/// The scale of a scale word ("million" → 10⁶).
pub(super) fn scale_factor(word: &str) -> Option<u64> {
    /// The shapes of the scale words: almost every word is turned away by one bit test.
    const SHAPES: Shapes = Shapes::of_keys(SCALE_WORDS);
    if !SHAPES.may_hold(word) {
        return None;
    }
    SCALE_WORDS
        .iter()
        .find(|(s, _)| s.eq_ignore_ascii_case(word))
        .map(|(_, v)| *v)
}

/// Parses a number token's digits ("8,000", "4.2", ".5"); rejects malformed groups and
/// leading zeros. Returns the value and, for digits without separators or decimals, how many.
/// The digits are read straight into the mantissa: no string is built.
fn parse_digits(s: &str) -> Option<(Decimal, usize)> {
    // A token is a few bytes: plain loops find its signs faster than a string search.
    let bytes = s.as_bytes();
    let (int, frac) = match bytes.iter().position(|&b| b == b'.') {
        Some(p) => (bytes.get(..p)?, Some(bytes.get(p + 1..)?)),
        None => (bytes, None),
    };
    if frac.is_some_and(|f| f.is_empty() || f.iter().any(|&b| b == b'.' || b == b',')) {
        return None;
    }
    let grouped = int.contains(&b',');
    if !int.is_empty() && !digit_groups_ok(int) {
        return None;
    }
    if int.is_empty() && frac.is_none() {
        return None;
    }
    let mut mantissa: u128 = 0;
    let mut digits = 0usize;
    for b in s.bytes().filter(u8::is_ascii_digit) {
        digits += 1;
        if digits > MAX_DIGITS {
            return None;
        }
        mantissa = mantissa * 10 + u128::from(b - b'0');
    }
    let scale = u32::try_from(frac.map_or(0, <[u8]>::len)).ok()?;
    let value = Decimal::try_from_i128_with_scale(i128::try_from(mantissa).ok()?, scale).ok()?;
    let plain = if grouped || frac.is_some() { 0 } else { digits };
    Some((value, plain))
}

/// True for the integer part of a number written right: no leading zero ("012"), and groups of
/// three after a first group of one to three digits ("1,234,567", not "1,23" or "1234,567").
fn digit_groups_ok(int: &[u8]) -> bool {
    let first = int.iter().position(|&b| b == b',').unwrap_or(int.len());
    let rest = int.get(first..).unwrap_or_default();
    if first == 0 || (first > 1 && int.first() == Some(&b'0')) || (first > 3 && !rest.is_empty()) {
        return false;
    }
    // Each later group is a comma and three digits.
    rest.chunks(4)
        .all(|g| matches!(g, [b',', d @ ..] if d.len() == 3 && !d.contains(&b',')))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens_of;
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    #[test]
    fn parses_digit_groups_strictly() {
        let cases = [
            ("8,000", Some(("8000", 0))),
            ("4.2", Some(("4.2", 0))),
            ("1234", Some(("1234", 4))),
            ("1,234,567", Some(("1234567", 0))),
            ("0.5", Some(("0.5", 0))),
            ("0", Some(("0", 1))),
            ("1,23", None),
            ("1234,567", None),
            ("1,,234", None),
            ("1,2345", None),
            ("12,345,67", None),
            ("123,456", Some(("123456", 0))),
            ("0,123", Some(("123", 0))),
            ("012", None),
            ("1.2.3", None),
            ("1.2,3", None),
            (".5", Some(("0.5", 0))),
            (".05", Some(("0.05", 0))),
            (".", None),
            ("5.", None),
            (
                "1234567890123456789012345678",
                Some(("1234567890123456789012345678", 28)),
            ),
            (&"9".repeat(29), None),
        ];
        for (s, want) in cases {
            let got = parse_digits(s);
            assert_eq!(got, want.map(|(v, p)| (d(v), p)), "{s}");
        }
    }

    #[test]
    fn minus_signs_before_numbers() {
        // text, the number's (or money sign's) token, the sign's token
        let cases = [
            ("-500 jobs", 1, Some(0)),
            ("fell −3.2 percent", 2, Some(1)),
            ("a -$4 billion gap", 2, Some(1)),
            ("(-5%)", 2, Some(1)),
            ("COVID-19", 0, None),
            ("1-800", 2, None),
            ("10 - 20", 2, None),
            ("500", 0, None),
        ];
        for (text, lead, want) in cases {
            let toks = tokens_of(text);
            let t = Toks { text, toks: &toks };
            assert_eq!(minus_before(&t, lead), want, "{text}");
        }
    }

    #[test]
    fn scale_words_in_any_case() {
        let cases = [
            ("million", Some(1_000_000)),
            ("Billion", Some(1_000_000_000)),
            ("bn", Some(1_000_000_000)),
            ("millions", None),
            ("", None),
        ];
        for (w, want) in cases {
            assert_eq!(scale_factor(w), want, "{w}");
        }
    }

    /// The amount at token `at` (after a `$` when `money`): value, scaled, times, spelled,
    /// year-like, and the words read.
    fn read(
        text: &str,
        at: usize,
        money: bool,
    ) -> Option<(Decimal, bool, bool, bool, bool, String)> {
        let toks = tokens_of(text);
        let t = Toks { text, toks: &toks };
        amount(&t, at, money).map(|a| {
            let words = text[a.start..a.end].to_string();
            (a.value, a.scaled, a.times, a.spelled, a.year_like, words)
        })
    }

    /// What `read` gives: value, scaled, times, spelled, year-like and the number's words.
    type Want = Option<(&'static str, bool, bool, bool, bool, &'static str)>;

    /// Text, the number's token, a money sign before it, and what is read.
    const AMOUNT_CASES: &[(&str, usize, bool, Want)] = &[
        (
            "4.2 billion",
            0,
            false,
            Some(("4200000000", true, false, false, false, "4.2 billion")),
        ),
        (
            "$1.2B",
            1,
            true,
            Some(("1200000000", true, false, false, false, "1.2B")),
        ),
        // Without a money sign, "B" glued to a number is a name ("5B").
        ("1.2B", 0, false, None),
        (
            "1.2bn",
            0,
            false,
            Some(("1200000000", true, false, false, false, "1.2bn")),
        ),
        (
            "$78billion",
            1,
            true,
            Some(("78000000000", true, false, false, false, "78billion")),
        ),
        ("2x", 0, false, Some(("2", false, true, false, false, "2"))),
        ("777X", 0, false, None),
        (
            "3-fold",
            0,
            false,
            Some(("3", false, true, false, false, "3")),
        ),
        (
            "fivefold",
            0,
            false,
            Some(("5", false, true, true, false, "five")),
        ),
        (
            "three million",
            0,
            false,
            Some(("3000000", true, false, true, false, "three million")),
        ),
        (
            "one hundred",
            0,
            false,
            Some(("100", true, false, true, false, "one hundred")),
        ),
        (
            "2021",
            0,
            false,
            Some(("2021", false, false, false, true, "2021")),
        ),
        (
            "2,021",
            0,
            false,
            Some(("2021", false, false, false, false, "2,021")),
        ),
        ("3:00", 0, false, None),
        ("1990s", 0, false, None),
        ("1990's", 0, false, None),
        ("5 trillion trillion", 0, false, None),
        (
            "$90+ million",
            1,
            true,
            Some(("90000000", true, false, false, false, "90+ million")),
        ),
        // A scale heading a hyphenated word: the tail is no part of the number.
        (
            "3 million-acre-feet",
            0,
            false,
            Some(("3000000", true, false, false, false, "3 million")),
        ),
        (
            "$1 billion-dollar fund",
            1,
            true,
            Some(("1000000000", true, false, false, false, "1 billion")),
        ),
        ("$4B million", 1, true, None),
    ];

    #[test]
    fn reads_amounts_with_their_scales() {
        for (text, at, money, want) in AMOUNT_CASES {
            let want = want.map(|(v, s, x, w, y, words)| (d(v), s, x, w, y, words.to_string()));
            assert_eq!(read(text, *at, *money), want, "{text}");
        }
    }

    #[test]
    fn glue_decides_what_a_digit_number_is() {
        let cases = [
            ("5 jobs", false, Some(Glue::Nothing)),
            ("5%", false, Some(Glue::Nothing)),
            ("5M", true, Some(Glue::Scale(1_000_000))),
            // Without a money sign, "M" glued to a number is a name ("3M").
            ("5M", false, None),
            ("5mn", false, Some(Glue::Scale(1_000_000))),
            ("5x", false, Some(Glue::Times(1))),
            ("5-fold", false, Some(Glue::Times(2))),
            ("5-year", false, None),
            (
                "5-year low",
                false,
                Some(Glue::Compound(
                    Compound::Mark(super::super::units::Mark::Measure(
                        crate::figure::Unit::Span,
                    )),
                    1,
                )),
            ),
            (
                "5-member board",
                false,
                Some(Glue::Compound(Compound::Count("members"), 0)),
            ),
            ("5GW", false, Some(Glue::Unit)),
            ("5-10", false, Some(Glue::Nothing)),
            ("5/7", false, None),
            ("5)", false, None),
            ("5)", true, Some(Glue::Nothing)),
        ];
        for (text, money, want) in cases {
            let toks = tokens_of(text);
            let t = Toks { text, toks: &toks };
            assert_eq!(glue_after(&t, 0, Decimal::from(5), money), want, "{text}");
        }
    }
}
