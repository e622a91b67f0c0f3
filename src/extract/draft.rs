//! A figure being read: the steps from a number token to a [`Figure`], each a function over
//! the tokens and the draft so far. A step that finds the number is no figure returns the
//! token to go on from as `Err`.

use super::context;
use super::lexicon::in_list;
use super::nouns::{
    count_noun, is_plural, measure_for, measure_noun, money_cap_noun, money_for_name,
    money_for_noun, money_noun, money_verb_noun, noun_at, noun_before, noun_in_sentence,
    partitive_noun, percent_head_noun, percent_noun, NounSpan,
};
use super::numbers::range::{range_after, Opener, Range};
use super::numbers::ratio::ratio_after;
use super::numbers::words::{article_before, spelled_start};
use super::numbers::{amount, minus_before, Amount};
use super::qualifiers::{qualifier_after, qualifier_before, trailing_plus, unqualified};
use super::tokens::{Kind, Toks};
use super::units::{self, degree_scale, mark_after, money_before, unit_of, Compound, Mark, Marked};
use crate::figure::{Figure, NounFrom, Qualifier, Unit};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// Where a number starts: its token, the first token of its money sign, and how it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Start {
    /// The number's first token.
    pub(super) at: usize,
    /// The first token of the number with its money sign ("US$" in "US$5").
    pub(super) lead: usize,
    /// A money sign precedes it.
    pub(super) money: bool,
    /// It is written in words.
    pub(super) spelled: bool,
    /// A minus sign precedes it ("-500 jobs"); `lead` is then the sign.
    pub(super) negative: bool,
}

/// Step 1: the number at token `i` with its money sign, unless what stands before it makes it
/// no figure (a name, another currency, a ratio, "the two …").
pub(super) fn start_at(t: &Toks, i: usize) -> Result<Start, usize> {
    let tok = t.tok(i).ok_or(i + 1)?;
    let (i, spelled) = match tok.kind {
        Kind::Num => (i, false),
        // The tokenizer's shape test comes first: most words stop there.
        Kind::Word if tok.lead && spelled_start(t, i) => (i, true),
        // "a million", "half a billion": the figure starts at the article or at "half".
        Kind::Word if tok.lead => (article_before(t, i + 1).ok_or(i + 1)?.0, true),
        _ => return Err(i + 1),
    };
    let money_lead = if spelled { None } else { money_before(t, i) };
    let mut lead = money_lead.unwrap_or(i);
    let minus = if spelled { None } else { minus_before(t, lead) };
    lead = minus.unwrap_or(lead);
    if context::rejects_lead(t, lead, spelled) {
        return Err(i + 1);
    }
    Ok(Start {
        at: i,
        lead,
        money: money_lead.is_some(),
        spelled,
        negative: minus.is_some(),
    })
}

/// A figure read so far.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub(super) start: Start,
    /// The number's own amount (the low end of a range).
    pub(super) amount: Amount,
    /// Money: a sign before either end of a range.
    pub(super) money: bool,
    pub(super) qualifier: Qualifier,
    /// The qualifier phrase's first byte, when there is one.
    pub(super) qual_start: Option<usize>,
    /// The quote's first byte.
    pub(super) quote_start: usize,
    /// The quote's end byte so far.
    pub(super) end: usize,
    /// The token after what is read so far.
    pub(super) next: usize,
    pub(super) mark: Option<Mark>,
    /// The bytes of the unit word ("months"), when there is one.
    pub(super) unit_word: Option<(usize, usize)>,
    pub(super) value: Decimal,
    pub(super) max: Option<Decimal>,
    /// The end byte of the number's own words (of the high end for a range).
    pub(super) written_end: usize,
    pub(super) unit: Unit,
    /// The counted noun's bytes.
    pub(super) noun: (usize, usize),
    /// Where the noun was found.
    pub(super) noun_from: NounFrom,
    /// A plural the noun ends with that the text writes as a compound ("members" for "a
    /// 12-member commission": commission members).
    pub(super) noun_tail: Option<&'static str>,
    /// Read from a ratio ("8 in 10 centers"): the noun follows the whole.
    pub(super) ratio: bool,
}

impl Draft {
    /// Takes a noun that follows the amount: the quote grows to its end.
    fn take_noun_after(&mut self, n: NounSpan) {
        self.noun = (n.start, n.end);
        self.end = n.end;
        self.next = n.next;
    }

    /// The quote's first token: the qualifier's, else the number's.
    pub(super) fn quote_first(&self, t: &Toks) -> usize {
        let lead = self.start.lead;
        (lead.saturating_sub(4)..=lead)
            .find(|&j| t.start_of(j) == Some(self.quote_start))
            .unwrap_or(lead)
    }

    /// The counted noun: its words, and the plural of a compound after them.
    pub(super) fn noun_text<'a>(&self, t: &Toks<'a>) -> Cow<'a, str> {
        let words = t.span(self.noun.0, self.noun.1);
        match self.noun_tail {
            None => Cow::Borrowed(words),
            Some(tail) if words.is_empty() => Cow::Borrowed(tail),
            Some(tail) => Cow::Owned(format!("{words} {tail}")),
        }
    }
}

/// Step 2: the qualifier before the number and its amount; "one" alone (a pronoun) and "zero"
/// (a goal) are no figures, but they open a range ("between one and three years": its high end
/// alone would read as 3).
pub(super) fn read_amount(t: &Toks, s: Start) -> Result<Draft, usize> {
    let qualified = qualifier_before(t, s.lead);
    let mut a = amount(t, s.at, s.money).ok_or(s.at + 1)?;
    // Only "one": "from zero to 25%" is a rate's change, not a range of counts.
    let opens_range = a.base == Decimal::ONE
        && t.word(a.next).is_some_and(|w| in_list(w, &["and", "to"]))
        && t.is_lead(a.next + 1);
    if s.spelled && a.base <= Decimal::ONE && !a.scaled && !a.times && !opens_range {
        // "one in five renters" is a share.
        ratio_after(t, &a).ok_or(a.next)?;
    }
    if s.negative {
        a.base = -a.base;
        a.value = -a.value;
    }
    let lead_start = t.start_of(s.lead).unwrap_or(a.start);
    Ok(Draft {
        start: s,
        amount: a,
        money: s.money,
        qualifier: qualified.map_or(unqualified(&a), |(q, _)| q),
        qual_start: qualified.map(|(_, b)| b),
        quote_start: qualified.map_or(lead_start, |(_, b)| b),
        end: a
            .end
            .max(t.end_of(a.next.saturating_sub(1)).unwrap_or(a.end)),
        next: a.next,
        mark: None,
        unit_word: None,
        value: a.value,
        max: None,
        written_end: a.end,
        unit: Unit::Count,
        noun: (0, 0),
        noun_from: NounFrom::After,
        noun_tail: None,
        ratio: false,
    })
}

/// Step 3b: a ratio with no unit word after its first term ("8 in 10 centers") is the share it
/// makes, as an exact percentage.
pub(super) fn read_ratio(t: &Toks, d: &mut Draft) {
    if d.mark.is_some() || d.money {
        return;
    }
    if let Some(r) = ratio_after(t, &d.amount) {
        d.value = r.percent;
        d.mark = Some(Mark::Percent);
        d.ratio = true;
        d.end = r.end;
        d.written_end = r.end;
        d.next = r.next;
    }
}

/// Step 3: a trailing plus ("3,500+" is over 3,500) and the unit word or sign after the number.
pub(super) fn read_unit_words(t: &Toks, d: &mut Draft) {
    if let Some((c, word)) = d.amount.compound {
        // "a 14-acre site", "a 12-member commission": the compound is the unit.
        if let Compound::Mark(m) = c {
            d.mark = Some(m);
            d.unit_word = Some(word);
        }
        // "a 1.5-degree Celsius limit": the scale belongs to the unit.
        if d.mark == Some(Mark::Measure(Unit::Degrees)) && degree_scale(t, d.next) {
            d.end = t.end_of(d.next).unwrap_or(d.end);
            d.next += 1;
        }
        return;
    }
    let mut k = d.next;
    if trailing_plus(t, k) {
        if d.qualifier == Qualifier::Exact {
            d.qualifier = Qualifier::Over;
        }
        d.end = t.end_of(k).unwrap_or(d.end);
        k += 1;
    }
    let marked = mark_after(t, k).or_else(|| units::modified_measure_after(t, k));
    d.mark = if d.amount.times {
        Some(Mark::Times)
    } else {
        marked.map(|m| m.mark)
    };
    if let Some(m) = marked {
        d.end = t.end_of(m.next.saturating_sub(1)).unwrap_or(d.end);
        d.unit_word = Some(m.word);
    }
    d.next = marked.map_or(k, |m| m.next);
}

/// Step 4: the high end of a range ("10 to 20 percent", "between 10 and 20"); a run of years
/// or a phone number makes the whole no figure.
pub(super) fn read_range(t: &Toks, d: &mut Draft) -> Result<(), usize> {
    let lead = d.start.lead;
    let opener = Opener {
        between: t.word_is(lead.wrapping_sub(1), "between") && d.qual_start.is_none(),
        // "ranging from 10 to 25 percent" is a range; "rose from 10 to 25" is a change.
        from: t.word_is(lead.wrapping_sub(1), "from")
            && !t.word(lead.wrapping_sub(2)).is_some_and(|w| {
                in_list(
                    w,
                    &[
                        "range", "ranges", "ranging", "ranged", "vary", "varies", "varying",
                    ],
                )
            }),
    };
    match range_after(t, d.next, &d.amount, d.money, d.mark, opener) {
        None => Ok(()),
        Some(Range::Reject(n)) => Err(n),
        Some(Range::Found(h)) => {
            d.value = h.low;
            d.max = Some(h.b.value);
            d.money |= h.b_money;
            d.mark = d.mark.or(h.b_mark);
            d.unit_word = d.unit_word.or(h.b_word);
            d.written_end = h.b.end;
            d.end = t.end_of(h.b_next.saturating_sub(1)).unwrap_or(h.b.end);
            d.next = h.b_next;
            if opener.between {
                if let Some(b) = t.start_of(lead.wrapping_sub(1)) {
                    d.quote_start = d.quote_start.min(b);
                }
            }
            Ok(())
        }
    }
}

/// Step 4b: a hedge after the number or its unit ("100 or more jobs", "5 percent or less").
pub(super) fn read_trailing_qualifier(t: &Toks, d: &mut Draft) {
    if let Some((q, after)) = qualifier_after(t, d.next) {
        if d.qualifier == Qualifier::Exact {
            d.qualifier = q;
        }
        d.end = t.end_of(after - 1).unwrap_or(d.end);
        d.next = after;
    }
}

/// Step 5: the sentence makes the number no figure: a year, a date or time, an age, a name's
/// number ("Section 232"), a service line or a tariff's statute ("988 crisis lines", "232 tariffs").
pub(super) fn rejected_by_context(t: &Toks, d: &Draft) -> bool {
    let (a, lead) = (&d.amount, d.start.lead);
    // "in 2008 dollars": a year's constant dollars, not $2,008.
    let in_year = lead.checked_sub(1).is_some_and(|p| t.word_is(p, "in"));
    (a.year_like && !d.money && (d.mark.is_none() || in_year) && !a.scaled)
        || (!d.money && context::is_date_or_time(t, lead, a.next))
        || (!d.money && context::is_age(t, lead, d.next))
        || (!d.money && d.start.spelled && context::is_fraction(t, a.next))
        || (!d.money && !d.start.spelled && d.qual_start.is_none() && context::after_name(t, lead))
        || (!d.money && d.qual_start.is_none() && context::is_named_number(t, d.start.at))
}

/// Step 6: the unit, and the noun that goes with it: the counted noun of a count, the noun of
/// a money amount or a physical measure, the unit word of a span.
pub(super) fn read_noun(t: &Toks, d: &mut Draft) {
    d.unit = unit_of(d.mark, d.money);
    if d.unit == Unit::Span {
        d.noun = d.unit_word.unwrap_or_default();
        return;
    }
    let first = d.quote_first(t);
    // What a cap "at" the amount caps: it outranks a "for" after ("cap insulin at $35 for
    // seniors" is insulin's cap, not seniors').
    let cap = (d.unit == Unit::Usd)
        .then(|| money_cap_noun(t, first))
        .flatten();
    if let Some(n) = noun_after(t, d, cap.is_some()) {
        d.take_noun_after(n);
        return;
    }
    // Nouns that stand before the quote: the quote stays the amount's own words.
    match d.unit {
        Unit::Usd => {
            if let Some(noun) = money_verb_noun(t, first) {
                d.noun_tail = Some(noun);
                d.noun_from = NounFrom::Before;
                return;
            }
        }
        Unit::Count => {
            // "30 of the 50 states": after the number, and the whole's number is read next as
            // a figure of its own, so only the quote grows.
            if let Some(n) = (!d.start.spelled)
                .then(|| partitive_noun(t, d.next))
                .flatten()
            {
                d.noun = (n.start, n.end);
                d.end = n.end;
            }
            return;
        }
        _ => {}
    }
    if let Some(n) = noun_before(t, d.unit, first, cap) {
        d.noun = (n.start, n.end);
        d.noun_from = NounFrom::Before;
        return;
    }
    // A name the amount is "for", or the noun a percentage heads ("a 15 percent minimum
    // tax"), comes last: a noun the sentence gives outranks it.
    let last = match d.unit {
        Unit::Usd if cap.is_none() => money_for_name(t, d.next),
        Unit::Percent => percent_head_noun(t, d.next),
        _ => None,
    };
    if let Some(n) = last {
        d.take_noun_after(n);
    }
}

/// The noun right after the amount's words, by unit; `capped` says a cap before the amount
/// names what it is of, so a "for" after names no noun.
fn noun_after(t: &Toks, d: &mut Draft, capped: bool) -> Option<NounSpan> {
    match d.unit {
        Unit::Usd => {
            money_noun(t, d.next).or_else(|| (!capped).then(|| money_for_noun(t, d.next)).flatten())
        }
        Unit::Count => match d.amount.compound {
            Some((Compound::Count(plural), _)) => {
                d.noun_tail = Some(plural);
                noun_at(t, d.next, true)
            }
            _ => count_noun(t, d.next),
        },
        Unit::Percent if d.ratio => count_noun(t, d.next).or_else(|| percent_noun(t, d.next)),
        Unit::Percent => percent_noun(t, d.next),
        u if u.is_physical() => {
            let (s, e) = d.unit_word.unwrap_or_default();
            let singular = !t.span(s, e).rsplit(' ').next().is_some_and(is_plural);
            measure_noun(t, d.next, singular)
        }
        _ => None,
    }
}

/// Step 7: a count needs a noun that is not a currency or a span of time, from after the
/// number or else from its sentence; cents are money ("60 cents of every dollar" is $0.60).
pub(super) fn check_noun(t: &Toks, d: &mut Draft) -> Result<(), usize> {
    if d.unit != Unit::Count {
        return Ok(());
    }
    if d.noun_tail.is_some() {
        return Ok(());
    }
    if d.noun.0 == d.noun.1 {
        // No noun after the number: the sentence may name it ("deaths dropped to 8,400").
        let (n, from) = noun_in_sentence(t, d.quote_first(t), d.next).ok_or(d.next)?;
        // A count read from the sentence is whole or scaled: "grew from 10.6" is a rate.
        if !d.amount.scaled && !d.value.fract().is_zero() {
            return Err(d.next);
        }
        d.noun = (n.start, n.end);
        d.noun_from = from;
        // "the number of acres … to 41 million": the noun is a unit.
        if let Some(Marked {
            mark: Mark::Measure(u),
            ..
        }) = mark_after(t, n.next - 1)
        {
            d.unit = u;
            d.noun = (0, 0);
            return Ok(());
        }
    }
    let noun = t.span(d.noun.0, d.noun.1);
    if context::noun_is_currency(noun) || noun.is_empty() || context::is_duration(t, noun, d.next) {
        return Err(d.next);
    }
    if in_list(noun, &["cents", "cent"]) {
        d.value = d.value.checked_div(Decimal::ONE_HUNDRED).ok_or(d.next)?;
        d.max = d.max.and_then(|m| m.checked_div(Decimal::ONE_HUNDRED));
        d.unit = Unit::Usd;
        d.noun = (0, 0);
        d.noun_from = NounFrom::After;
        // "Gas prices are almost 50 cents lower": money's nouns from before it.
        if let Some(n) = noun_before(t, Unit::Usd, d.quote_first(t), None) {
            d.noun = (n.start, n.end);
            d.noun_from = NounFrom::Before;
        }
    }
    Ok(())
}

/// Step 8: what a span or a physical measure changes: a span that is an age, a time reference
/// or a rate is no figure, nor are miles per gallon or per hour; "within" bounds a span or a distance ("within 90 days", "within 5
/// miles"); "over" before a span means "during" unless it follows "in", "for", "of", "after" or
/// "than" ("$5 million over four years", but "the lowest in over 50 years").
pub(super) fn check_unit(t: &Toks, d: &mut Draft) -> Result<(), usize> {
    let span = d.unit == Unit::Span;
    if !span && !d.unit.is_physical() {
        return Ok(());
    }
    if span && context::span_is_no_figure(t, d.next, d.amount.scaled) {
        return Err(d.next);
    }
    if d.unit == Unit::Miles && context::speed_or_mileage(t, d.next) {
        return Err(d.next);
    }
    let before = d.start.lead.wrapping_sub(1);
    if d.qual_start.is_none() && t.word_is(before, "within") {
        d.qualifier = Qualifier::UpTo;
        d.qual_start = t.start_of(before);
        d.quote_start = t.start_of(before).unwrap_or(d.quote_start);
    }
    let over = d.qualifier == Qualifier::Over
        && t.word_is(before, "over")
        && d.qual_start == t.start_of(before);
    let floor_word = t
        .word(before.wrapping_sub(1))
        .is_some_and(|w| in_list(w, &["in", "for", "of", "after", "than"]));
    if span && over && !floor_word {
        d.qualifier = Qualifier::Exact;
        d.qual_start = None;
        d.quote_start = t.start_of(d.start.lead).unwrap_or(d.quote_start);
    }
    Ok(())
}

/// Step 9: the figure, with its quote and the number's own words.
pub(super) fn into_figure(t: &Toks, d: &Draft) -> Figure {
    let noun = d.noun_text(t);
    let words = t.span(d.amount.start, d.written_end);
    // Signs are dropped from the number's words ("$5-$10" is written "5-10").
    let written = if words.contains(['$', '%']) {
        let kept: String = words.chars().filter(|c| !matches!(c, '$' | '%')).collect();
        kept.trim().to_string()
    } else {
        words.trim().to_string()
    };
    Figure {
        measure: measure_for(&noun, d.unit),
        value: d.value.normalize(),
        max: d.max.map(|m| m.normalize()),
        unit: d.unit,
        noun: noun.into_owned(),
        noun_from: d.noun_from,
        qualifier: d.qualifier,
        quote: t.span(d.quote_start, d.end).to_string(),
        written,
        class: Default::default(),
        context: Vec::new(),
        names: Vec::new(),
        sentence: String::new(),
        line: None,
        fragment: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens_of;
    use super::*;

    fn with<R>(text: &str, f: impl FnOnce(&Toks) -> R) -> R {
        let toks = tokens_of(text);
        f(&Toks { text, toks: &toks })
    }

    #[test]
    fn step_1_finds_number_starts() {
        // text, token, Ok((lead, money, spelled)) or Err(next)
        let cases = [
            ("$5 million", 1, Ok((0, true, false))),
            ("US$5", 2, Ok((0, true, false))),
            ("USD 5", 1, Ok((0, true, false))),
            ("six firms", 0, Ok((0, false, true))),
            ("the six firms", 1, Err(2)),
            ("sixty", 0, Ok((0, false, true))),
            ("firms", 0, Err(1)),
            ("COVID-19", 0, Err(1)),
            ("1 in 7", 2, Err(3)),
            ("€40", 1, Err(2)),
        ];
        for (text, at, want) in cases {
            let got = with(text, |t| {
                start_at(t, at).map(|s| (s.lead, s.money, s.spelled))
            });
            assert_eq!(got, want, "{text}");
        }
    }

    /// Runs steps 1–4 on the first number of `text`; the draft's quote so far and value.
    fn through_range(text: &str) -> Result<(String, String, Option<String>), usize> {
        with(text, |t| {
            let at = (0..t.len())
                .find(|&i| start_at(t, i).is_ok())
                .ok_or(0_usize)?;
            let mut d = read_amount(t, start_at(t, at)?)?;
            read_unit_words(t, &mut d);
            read_range(t, &mut d)?;
            read_trailing_qualifier(t, &mut d);
            let quote = t.span(d.quote_start, d.end).to_string();
            Ok((quote, d.value.to_string(), d.max.map(|m| m.to_string())))
        })
    }

    #[test]
    fn steps_2_to_4_read_the_number_words() {
        let cases = [
            (
                "nearly 6,500 small firms",
                Ok(("nearly 6,500", "6500", None)),
            ),
            ("2,800+ hours of coaching", Ok(("2,800+", "2800", None))),
            ("over 50% of", Ok(("over 50%", "50", None))),
            (
                "between 10 and 20 technicians",
                Ok(("between 10 and 20", "10", Some("20"))),
            ),
            (
                "$5-10 million in",
                Ok(("$5-10 million", "5000000", Some("10000000"))),
            ),
            ("2021–2023 plans", Err(3)),
            ("one firm", Err(1)),
            ("100 or more jobs", Ok(("100 or more", "100", None))),
        ];
        for (text, want) in cases {
            let want = want.map(|(q, v, m)| (q.to_string(), v.to_string(), m.map(str::to_string)));
            assert_eq!(through_range(text), want, "{text}");
        }
    }

    /// Runs every step on the first number of `text`: the figure's unit and noun and whether
    /// step 5 rejected it (then the noun is not read), or where the reading stopped.
    fn all_steps(text: &str) -> Result<(Unit, String, bool), usize> {
        with(text, |t| {
            let mut d = read_amount(t, start_at(t, 0)?)?;
            read_unit_words(t, &mut d);
            read_range(t, &mut d)?;
            read_trailing_qualifier(t, &mut d);
            if rejected_by_context(t, &d) {
                return Ok((Unit::Count, String::new(), true));
            }
            read_noun(t, &mut d);
            check_noun(t, &mut d)?;
            check_unit(t, &mut d)?;
            Ok((d.unit, d.noun_text(t).into_owned(), false))
        })
    }

    #[test]
    fn steps_5_to_7_judge_context_and_noun() {
        let cases = [
            ("2021 was a year", Ok((Unit::Count, String::new(), true))),
            ("5 p.m. today", Ok((Unit::Count, String::new(), true))),
            (
                "40 clinics opened",
                Ok((Unit::Count, "clinics".into(), false)),
            ),
            (
                "2.1 percentage points",
                Ok((Unit::PercentagePoints, String::new(), false)),
            ),
            ("60 cents of every", Ok((Unit::Usd, String::new(), false))),
            ("four years", Ok((Unit::Span, "years".into(), false))),
            ("four years-old", Err(1)),
            ("40 opened", Err(1)),
            ("40 euros", Err(2)),
        ];
        for (text, want) in cases {
            assert_eq!(all_steps(text), want, "{text}");
        }
    }
}
