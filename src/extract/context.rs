//! Context: what the words around a number make of it. A number glued to a name ("COVID-19"),
//! after a name word ("Section 232"), in a date or a clock time, an age, a ratio's second
//! number, a spelled reference ("the two countries"), another currency, or a span of time is
//! no tracked figure.

use super::lexicon::{
    in_list, AGE_BOUNDS, AGE_WORDS, DEFINITE_WORDS, DURATION_WORDS, NAME_WORDS, OTHER_CURRENCIES,
    SERVICE_NUMBERS, SERVICE_WORDS, SPAN_DEFINITE_WORDS, SPAN_NOT_AFTER, TIME_UNITS,
};
use super::numbers::words::small_number;
use super::tokens::{Kind, Toks};
use super::units::span_at;
use crate::text::is_month_name;

/// True when what stands before the number (whose first token, with any money sign, is
/// `lead`) makes it no figure: a name it is glued to, another currency, a ratio, or — for a
/// spelled number — a definite word ("the two countries", but "the past two years" is a span).
pub(super) fn rejects_lead(t: &Toks, lead: usize, spelled: bool) -> bool {
    glued_to_name(t, lead)
        || other_currency_before(t, lead)
        || ratio_before(t, lead)
        || rate_base(t, lead)
        || (spelled
            && t.word_before(lead)
                .is_some_and(|w| reference_word(t, w, lead)))
}

/// True when the definite word `w` before the spelled number at `at` makes it a reference.
fn reference_word(t: &Toks, w: &str, at: usize) -> bool {
    DEFINITE_WORDS.has(w) && !(SPAN_DEFINITE_WORDS.has(w) && span_at(t, at + 1))
}

/// True when the words after a span (from token `next`) make it no figure: an age ("65 years
/// old", "18 years of age", "65 years and older"), a time reference ("50 years ago"), or a
/// schedule ("24 hours a day", "7 days per week"; a `scaled` amount is a quantity: "10 million
/// hours per year").
pub(super) fn span_is_no_figure(t: &Toks, next: usize, scaled: bool) -> bool {
    let Some(w) = t.word(next) else {
        return false;
    };
    let rate = !scaled
        && in_list(w, &["a", "per", "each", "every"])
        && t.word(next + 1).is_some_and(|u| TIME_UNITS.has(u));
    SPAN_NOT_AFTER.has(w)
        || (w.eq_ignore_ascii_case("of") && t.word_is(next + 1, "age"))
        || ((w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"))
            && t.word(next + 1).is_some_and(|b| AGE_BOUNDS.has(b)))
        || rate
}

/// True when the number at `lead` is glued to a word or id before it ("COVID-19", "PM2.5",
/// "#5", "§ 232").
pub(super) fn glued_to_name(t: &Toks, lead: usize) -> bool {
    let Some(p) = lead.checked_sub(1) else {
        return false;
    };
    if matches!(t.sym(p), Some('#' | '§' | '№')) {
        return true;
    }
    if !t.glued(lead) {
        return false;
    }
    let word_or_num = |q: usize| {
        t.tok(q)
            .is_some_and(|q| matches!(q.kind, Kind::Word | Kind::Num))
    };
    match t.tok(p).map(|tok| tok.kind) {
        Some(Kind::Word | Kind::Num | Kind::Skip) => true,
        Some(Kind::Sym(c)) => {
            matches!(c, '-' | '–' | '.' | '/' | ':' | '_' | '&' | '@' | '=')
                && t.glued(p)
                && p.checked_sub(1).is_some_and(word_or_num)
        }
        None => false,
    }
}

/// True when a non-dollar currency precedes the number ("CAD $1.5 billion", "€40 million",
/// "C$5 million").
pub(super) fn other_currency_before(t: &Toks, lead: usize) -> bool {
    let Some(p) = lead.checked_sub(1) else {
        return false;
    };
    if matches!(t.sym(p), Some('€' | '£' | '¥' | '₹' | '₩' | '₽')) {
        return true;
    }
    if t.sym(lead) == Some('$') && t.glued(lead) && t.word(p).is_some() {
        return !t.word_is(p, "US");
    }
    t.word(p).is_some_and(|w| {
        OTHER_CURRENCIES.has(w) && w.len() == 3 && w.chars().all(|c| c.is_ascii_uppercase())
    })
}

/// True for the base of a rate, which is no figure of its own: "$2.40 for every $1 invested",
/// "27 per 100,000 residents", "each $1 invested", "twice every 12 days".
fn rate_base(t: &Toks, lead: usize) -> bool {
    let base = |k: usize| {
        t.word_before(k)
            .is_some_and(|w| in_list(w, &["every", "per", "each"]))
    };
    // "for every 2.4 to 3 women": the high end of such a range too.
    let high_end = lead.checked_sub(2).is_some_and(|low| {
        (t.word_is(lead - 1, "to") || matches!(t.sym(lead - 1), Some('-' | '–')))
            && t.is_num(low)
            && base(low)
    });
    base(lead) || high_end
}

/// True for the second number of a ratio ("1 in 7 households", "three in ten Americans").
pub(super) fn ratio_before(t: &Toks, lead: usize) -> bool {
    let Some(p) = lead.checked_sub(1) else {
        return false;
    };
    if !t.word_is(p, "in") && !t.word_is(p, "out") && !t.word_is(p, "of") {
        return false;
    }
    let q = if t.word_is(p, "of") && t.word_is(p.wrapping_sub(1), "out") {
        p.wrapping_sub(1)
    } else {
        p
    };
    let Some(r) = q.checked_sub(1) else {
        return false;
    };
    // "below $3 in 21 states": an amount of money is no ratio's first term.
    let money = r.checked_sub(1).is_some_and(|s| t.sym(s) == Some('$'));
    !money && (t.is_num(r) || t.word(r).is_some_and(|w| small_number(w).is_some()))
}

/// True when the number is part of a date or clock time ("June 15", "19 August", "3 p.m.");
/// `after_num` is the token after its own words.
pub(super) fn is_date_or_time(t: &Toks, lead: usize, after_num: usize) -> bool {
    if t.word_before(lead).is_some_and(is_month_name) {
        return true;
    }
    t.word(after_num).is_some_and(|w| {
        is_month_name(w) || in_list(w, &["a.m.", "p.m.", "am", "pm", "a.m", "p.m"])
    })
}

/// True when a spelled number is a fraction's numerator: "two thirds of", "nearly three
/// quarters of uninsured Americans" (not "the first three quarters of 2021", a span). `next`
/// is the token after the number.
pub(super) fn is_fraction(t: &Toks, next: usize) -> bool {
    const PARTS: &[&str] = &[
        "thirds", "fifths", "sixths", "sevenths", "eighths", "ninths", "tenths", "halves",
    ];
    t.word(next).is_some_and(|w| {
        in_list(w, PARTS)
            || (w.eq_ignore_ascii_case("quarters")
                && t.word_is(next + 1, "of")
                && !t.is_num(next + 2))
    })
}

/// True when the number is an age ("ages 16 to 24", "aged 65", "65 and older"); `next` is the
/// token after the number and any range.
pub(super) fn is_age(t: &Toks, lead: usize, next: usize) -> bool {
    let before = lead.checked_sub(1);
    let age_word = |i: Option<usize>| i.and_then(|i| t.word(i)).is_some_and(|w| AGE_WORDS.has(w));
    if age_word(before) {
        return true;
    }
    if before.is_some_and(|b| t.word_is(b, "of") || t.word_is(b, "between"))
        && age_word(lead.checked_sub(2))
    {
        return true;
    }
    (t.word_is(next, "and") || t.word_is(next, "or"))
        && t.word(next + 1).is_some_and(|w| AGE_BOUNDS.has(w))
}

/// True when the bare number follows a name word ("Section 232", "Executive Order 14010",
/// "COP 26"): a listed name word, or a capitalised word in mid-sentence.
pub(super) fn after_name(t: &Toks, lead: usize) -> bool {
    let Some(p) = lead.checked_sub(1) else {
        return false;
    };
    let Some(w) = t.word_before(lead) else {
        return false;
    };
    if NAME_WORDS.has(w) {
        return true;
    }
    // "Section 232 and 301 tariffs", "Region 3 and 5 directors": a whole number joined to a
    // name's whole number is a name too ("Partnership 2.0 and 15 governments" is a version).
    if in_list(w, &["and", "or"]) {
        let whole = |i: usize| {
            t.tok(i).is_some_and(|n| {
                n.kind == Kind::Num && t.str_of(n).bytes().all(|b| b.is_ascii_digit())
            })
        };
        let named = p.checked_sub(1).filter(|&q| whole(q) && after_name(t, q));
        if whole(lead) && named.is_some() {
            return true;
        }
    }
    // "S&P 500": a name with an ampersand inside.
    let q = p.checked_sub(1);
    if q.is_some_and(|q| t.sym(q) == Some('&') && t.glued(p) && t.glued(q)) {
        return true;
    }
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    let p = if t.sym(p) == Some('.') {
        // "Pub. L. 117", "No. 5", "Sept. 5": a short word's or a month's dot is an
        // abbreviation's; a longer word's ends a sentence ("… to Alaska. 38 states are …").
        if w.chars().count() > 3 && !is_month_name(w) {
            return false;
        }
        p.saturating_sub(1)
    } else {
        p
    };
    let mid_sentence = p
        .checked_sub(1)
        .and_then(|q| t.tok(q))
        .is_some_and(|q| matches!(q.kind, Kind::Word | Kind::Num));
    capital && mid_sentence
}

/// True when the words after "miles" (from token `next`) make a speed or a fuel economy ("12
/// miles per gallon", "65 miles an hour"), not a distance.
pub(super) fn speed_or_mileage(t: &Toks, next: usize) -> bool {
    t.word(next)
        .is_some_and(|w| in_list(w, &["per", "a", "an"]))
        && t.word(next + 1)
            .is_some_and(|w| in_list(w, &["gallon", "hour"]))
}

/// True when the number at token `at` is a service line's name ("988 crisis lines", "911
/// call centers", "the 988 Lifeline"): a three-digit service number before a service word or
/// a capitalised name.
fn is_service_number(t: &Toks, at: usize) -> bool {
    let number = t.tok(at).is_some_and(|n| SERVICE_NUMBERS.has(t.str_of(n)));
    number
        && t.word(at + 1).is_some_and(|w| {
            SERVICE_WORDS.has(w) || w.chars().next().is_some_and(char::is_uppercase)
        })
}

/// True when the number at token `at` names a service line or a tariff's statute.
pub(super) fn is_named_number(t: &Toks, at: usize) -> bool {
    is_service_number(t, at) || is_tariff_statute(t, at)
}

/// True when the number at token `at` names the statute of a tariff ("the copper 232
/// tariffs", "auto 232 tariffs"): plain digits, three or more, right before "tariff(s)".
/// Tariffs are rated and named, never counted by the hundred.
fn is_tariff_statute(t: &Toks, at: usize) -> bool {
    let plain = t.tok(at).is_some_and(|n| {
        let s = t.str_of(n);
        s.len() >= 3 && s.bytes().all(|b| b.is_ascii_digit())
    });
    plain
        && t.word(at + 1)
            .is_some_and(|w| in_list(w, &["tariff", "tariffs"]))
}

/// True when a counted noun is a span of time ("four years"), not a tracked count; "hours of
/// …" stays a figure ("3,500 hours of training"). `next` is the token after the noun.
pub(super) fn is_duration(t: &Toks, noun: &str, next: usize) -> bool {
    let first = noun.split_whitespace().next().unwrap_or("");
    let first = first.split('-').next().unwrap_or("");
    let last = noun.split_whitespace().last().unwrap_or("");
    if !DURATION_WORDS.has(first) && !DURATION_WORDS.has(last) {
        return false;
    }
    // "3,500 hours of training", "2,000 pro bono hours" are counted work.
    let hours = in_list(last, &["hours", "hour"]);
    !(hours && (t.word_is(next, "of") || noun.contains(' ')))
}

/// True when a counted noun starts with a currency ("7.7 trillion JPY", "40 euros"): the
/// number is money, but not dollars.
pub(super) fn noun_is_currency(noun: &str) -> bool {
    let first = noun.split_whitespace().next().unwrap_or("");
    OTHER_CURRENCIES.has(first) && first != "A"
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens_of;
    use super::*;

    /// Runs `f` over the tokens of `text` and the index of its first number token (digits, or
    /// the first number word when there are none).
    fn at_number<R>(text: &str, f: impl FnOnce(&Toks, usize) -> R) -> R {
        let toks = tokens_of(text);
        let t = Toks { text, toks: &toks };
        let spelled = |i: usize| t.word(i).and_then(small_number).is_some();
        let at = (0..t.len())
            .find(|&i| t.is_num(i))
            .or_else(|| (0..t.len()).find(|&i| spelled(i)))
            .expect("a number");
        f(&t, at)
    }

    #[test]
    fn statute_numbers_of_tariffs() {
        let cases = [
            ("the copper 232 tariffs apply", true),
            ("auto 232 Tariffs", true),
            ("imposed 25 tariffs", false),
            ("232 tons of tariffs", false),
            ("1,200 tariffs", false),
        ];
        for (text, name) in cases {
            at_number(text, |t, at| {
                assert_eq!(is_tariff_statute(t, at), name, "{text}");
            });
        }
    }

    #[test]
    fn numbers_joined_to_a_name_are_names() {
        // text, whether its last number is a name's
        let cases = [
            ("Section 232 and 301 tariffs", true),
            ("Phase 1 or 2 trials", true),
            ("Title 42 and Title 8", true),
            ("40 clinics and 12 hospitals", false),
            ("Section 232 tariffs on 50 and 25 percent", false),
            ("Partnership 2.0 and 15 governments", false),
            ("Part 50 and 52.5 acres", false),
        ];
        for (text, name) in cases {
            let toks = tokens_of(text);
            let t = Toks { text, toks: &toks };
            let last = (0..t.len()).rev().find(|&i| t.is_num(i)).expect("a number");
            assert_eq!(after_name(&t, last), name, "{text}");
        }
    }

    #[test]
    fn names_glued_to_numbers() {
        let cases = [
            ("PM2.5", true),
            ("#5", true),
            ("§ 232", true),
            ("Form I/9", true),
            ("x=5", true),
            ("$5", false),
            ("(202) 456", false),
            ("about 5", false),
            ("-500 jobs", false),
        ];
        for (text, want) in cases {
            at_number(text, |t, at| {
                assert_eq!(glued_to_name(t, at), want, "{text}")
            });
        }
    }

    #[test]
    fn other_currencies_before_numbers() {
        let cases = [
            ("€40 million", 1, true),
            ("CAD $1.5", 1, true),
            ("C$5", 1, true),
            ("US$5", 1, false),
            ("JPY 7", 1, true),
            ("jpy 7", 1, false),
            ("$5", 0, false),
        ];
        for (text, lead, want) in cases {
            let toks = tokens_of(text);
            let t = Toks { text, toks: &toks };
            assert_eq!(other_currency_before(&t, lead), want, "{text}");
        }
    }

    #[test]
    fn contexts_that_make_a_number_none() {
        // text (its first number in digits is tested), ratio, date/time, age, after a name
        let cases = [
            ("one in 7 households", true, false, false, false),
            ("Nine out of 10 employers", true, false, false, false),
            ("1 in 7 households", false, false, false, false),
            ("in June 15 talks", false, true, false, true),
            ("the 19 August meeting", false, true, false, false),
            ("at 5 p.m. today", false, true, false, false),
            ("in Sept. 5 talks", false, true, false, true),
            ("youth ages 16 to 24", false, false, true, false),
            ("seniors 65 and older", false, false, true, false),
            ("under Section 232 rules", false, false, false, true),
            ("delegates at COP 26", false, false, false, true),
            ("the S&P 500 index", false, false, false, true),
            ("Fortune 500 companies", false, false, false, true),
            ("the plan funds 40 clinics", false, false, false, false),
        ];
        for (text, ratio, date, age, name) in cases {
            at_number(text, |t, at| {
                assert_eq!(ratio_before(t, at), ratio, "{text}: ratio");
                assert_eq!(is_date_or_time(t, at, at + 1), date, "{text}: date");
                assert_eq!(is_age(t, at, at + 1), age, "{text}: age");
                assert_eq!(after_name(t, at), name, "{text}: name");
            });
        }
    }

    #[test]
    fn definite_words_make_spelled_numbers_references() {
        let cases = [
            ("the two countries", true),
            ("signed two accords", false),
            ("the past two years", false),
            ("the next three consecutive months", false),
            ("the two years", true),
            ("the past two leaders", true),
        ];
        for (text, want) in cases {
            at_number(text, |t, at| {
                assert_eq!(rejects_lead(t, at, true), want, "{text}")
            });
        }
    }

    #[test]
    fn spans_that_are_ages_references_or_rates() {
        let cases = [
            ("old", true),
            ("ago", true),
            ("of age", true),
            ("of paid leave", false),
            ("and older", true),
            ("a day", true),
            ("per week", true),
            ("a row", false),
            ("in a row", false),
            ("", false),
        ];
        for (after, want) in cases {
            let toks = tokens_of(after);
            let t = Toks {
                text: after,
                toks: &toks,
            };
            assert_eq!(span_is_no_figure(&t, 0, false), want, "{after}");
        }
        // A scaled amount is a quantity, not a schedule; an age stays an age.
        for (after, want) in [("per year", false), ("old", true)] {
            let toks = tokens_of(after);
            let t = Toks {
                text: after,
                toks: &toks,
            };
            assert_eq!(span_is_no_figure(&t, 0, true), want, "{after}");
        }
    }

    #[test]
    fn service_numbers_are_names() {
        let cases = [
            ("988 crisis lines", true),
            ("911 call centers", true),
            ("988 Veterans Crisis Line", true),
            ("988 jobs", false),
            ("912 call centers", false),
            ("9,111 calls", false),
        ];
        for (text, want) in cases {
            at_number(text, |t, at| {
                assert_eq!(is_service_number(t, at), want, "{text}")
            });
        }
    }

    #[test]
    fn speeds_and_mileage_are_no_distances() {
        let cases = [
            ("per gallon", true),
            ("an hour", true),
            ("per day", false),
            ("of trails", false),
        ];
        for (after, want) in cases {
            let toks = tokens_of(after);
            let t = Toks {
                text: after,
                toks: &toks,
            };
            assert_eq!(speed_or_mileage(&t, 0), want, "{after}");
        }
    }

    #[test]
    fn durations_and_currencies_as_nouns() {
        let cases = [
            ("years", "", true),
            // The first word's head counts: "year-round jobs" read as a span (kept as found).
            ("year-round jobs", "", true),
            ("hours", "of", false),
            ("pro bono hours", "", false),
            ("hours", "", true),
            ("jobs", "", false),
        ];
        for (noun, next, want) in cases {
            let text = format!("x {next}");
            let toks = tokens_of(&text);
            let t = Toks {
                text: &text,
                toks: &toks,
            };
            assert_eq!(is_duration(&t, noun, 1), want, "{noun} {next}");
        }
        for (noun, want) in [
            ("JPY", true),
            ("euros in aid", true),
            ("A grants", false),
            ("jobs", false),
        ] {
            assert_eq!(noun_is_currency(noun), want, "{noun}");
        }
    }
}
