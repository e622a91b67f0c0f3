//! Nouns from the sentence, for a count with no noun after it: an earlier noun phrase ("97
//! judges, 30 of whom are women", "Of the new hires, 14 are veterans") or the subject of the
//! number's clause ("Overdose deaths dropped to about 8,400", "This raises the number of states
//! approved so far to 23").

use super::super::lexicon::{
    in_list, BACK_POINTERS, CHANGE_PREPOSITIONS, CHANGE_VERBS, COUNT_NOUNS, DETERMINERS,
    GROUP_OPENERS, INDICATORS, INDICATOR_MODIFIERS, INDICATOR_NOT_MODIFIERS, LEVEL_VERBS,
    MONEY_HANDOFFS, MONEY_OF_NOT_OWNERS, PLACE_PREPOSITIONS, RESTATING_FOLLOWERS,
    RESTATING_JOINERS, RESTATING_LEADS, SUBJECT_AUXILIARIES, TIME_UNITS,
};
use super::super::numbers::words::small_number;
use super::super::numbers::{is_year, scale_factor};
use super::super::tokens::{Kind, Toks};
use super::{
    count_noun, first_token, is_adverb, is_joiner, is_noun_end, is_people_noun, is_plural,
    is_verb_form, phrase_span, phrase_start, NounSpan, MAX_NOUN_WORDS,
};
use crate::figure::NounFrom;

/// Farthest a sentence is searched back from a number, in tokens: keeps the search linear.
const MAX_LOOK_BACK: usize = 40;

/// The noun a count takes from its sentence, and where it was found; `first` is the first
/// token of the number's words (its qualifier or sign), `next` the token after them.
pub(in crate::extract) fn noun_in_sentence(
    t: &Toks,
    first: usize,
    next: usize,
) -> Option<(NounSpan, NounFrom)> {
    // "increased by five times": a multiple or an occasion, not a count of the subject.
    if t.word_is(next, "times") {
        return None;
    }
    let start = sentence_start(t, first);
    let before = pointed_back(t, first, next).or_else(|| group_opener(t, start, first));
    if let Some(n) = before {
        return Some((n, NounFrom::Before));
    }
    let subject = number_of(t, start, first).or_else(|| subject_of_change(t, start, first));
    match subject {
        Some(n) => Some((n, NounFrom::Subject)),
        None => restated(t, start, first, next)
            .or_else(|| listed(t, first, next))
            .map(|n| (n, NounFrom::Before)),
    }
}

/// Farthest an indicator is looked for before a rate, in tokens.
const INDICATOR_LOOK_BACK: usize = 12;

/// The economic indicator a rate without a noun is of, named before it in its clause:
/// "inflation has fallen by 45%" → inflation, "the unemployment rate has remained below 4%" →
/// unemployment rate, "the economy grew at a 2.4 percent annual rate" → economy. Only the
/// words of [`INDICATORS`] head such a noun: the subject of any verb is too often something
/// else ("the report shows 5.7%"). `first` is the rate's first token.
pub(in crate::extract) fn indicator_before(t: &Toks, first: usize) -> Option<NounSpan> {
    let floor = first.saturating_sub(INDICATOR_LOOK_BACK);
    // A relative or subordinate clause holds another subject ("categories where rates reach
    // 55 percent").
    let clause_end = |j: usize| {
        matches!(
            t.sym(j),
            Some('.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '—' | '–' | '•' | '|')
        ) || t.word(j).is_some_and(|w| {
            in_list(
                w,
                &[
                    "where", "which", "who", "while", "whereas", "because", "but", "when",
                ],
            )
        })
    };
    let mut k = first;
    while k > floor {
        k -= 1;
        if clause_end(k) {
            return None;
        }
        if t.word(k).is_some_and(|w| INDICATORS.has(w)) {
            // "the unemployment rate" is unemployment: one noun whichever words a release uses.
            let rate = t
                .word(k + 1)
                .is_some_and(|w| in_list(w, &["rate", "rates"]));
            let after = if rate { k + 2 } else { k + 1 };
            // "income tax", "unemployment insurance": the indicator names another noun.
            if t.word(after).is_some_and(|w| !ends_indicator(w)) {
                return None;
            }
            let n = indicator_phrase(t, k)?;
            // "tax rates on earned and unearned income from 3.8 percent": the indicator is the
            // object of a preposition, so the rate is of something else.
            let before = (0..k)
                .rev()
                .filter(|&j| t.start_of(j).is_some_and(|s| s < n.start))
                .find(|&j| {
                    !t.word(j).is_some_and(|w| {
                        is_joiner(w) || (!is_noun_end(w) && w.chars().all(char::is_lowercase))
                    })
                });
            let object = before
                .and_then(|j| t.word(j))
                .is_some_and(|w| in_list(w, &["on", "of", "for", "in", "from", "to", "than"]));
            return (!object).then_some(n);
        }
    }
    None
}

/// The indicator a money amount without a noun is of: [`indicator_before`], when nothing
/// between the two hands the amount to something else. "Incomes are up almost $4,000" and
/// "cut the deficit by $1.7 trillion" qualify; "premiums for a 60-year old making $60,000"
/// (an earner's pay), "prices with insulin capped at $35", "the economy with estimated assets
/// of nearly $1.4 trillion" and "wages … costing the household $5,000" do not.
pub(in crate::extract) fn money_indicator_before(t: &Toks, first: usize) -> Option<NounSpan> {
    let n = indicator_before(t, first)?;
    let owned_elsewhere = (n.next..first).any(|k| {
        t.word(k).is_some_and(|w| {
            MONEY_HANDOFFS.has(w)
                // "assets of $1.4 trillion": the amount is the assets'; "an average of $50"
                // and "a total of" name no owner.
                || (w.eq_ignore_ascii_case("of")
                    && k + 1 == first
                    && k > n.next
                    && !t.word(k - 1).is_some_and(|o| MONEY_OF_NOT_OWNERS.has(o)))
        })
    });
    // "earning the median income were eligible for up to $8,000": the indicator is an object.
    let mut k = (0..n.next)
        .rev()
        .find(|&j| t.start_of(j).is_some_and(|s| s < n.start));
    while let Some(j) = k.filter(|&j| t.word(j).is_some_and(|w| DETERMINERS.has(w))) {
        k = j.checked_sub(1);
    }
    let object = k
        .and_then(|j| t.word(j))
        .is_some_and(|w| MONEY_HANDOFFS.has(w));
    (!owned_elsewhere && !object).then_some(n)
}

/// True for a word that may follow an indicator that heads its own noun: a stop word, a
/// verb ("fell", "has", "reached", "rising") or an adverb.
fn ends_indicator(w: &str) -> bool {
    is_noun_end(w)
        || CHANGE_VERBS.has(w)
        || LEVEL_VERBS.has(w)
        || SUBJECT_AUXILIARIES.has(w)
        || is_verb_form(w)
        || is_adverb(w)
        || in_list(
            w,
            &[
                "remains", "remained", "stayed", "stays", "stood", "came", "went",
            ],
        )
}

/// The indicator at `k` with the modifiers before it that say whose or which it is: "core",
/// "real household", "Hispanic", "Wisconsin's"; a verb or a sentence opener ends them
/// ("Today's report shows inflation" → inflation). Words that name no other figure ("annual",
/// "overall", "headline") are left out, so that releases wording it differently agree.
fn indicator_phrase(t: &Toks, k: usize) -> Option<NounSpan> {
    let first = phrase_start(t, k, |w| {
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let name = capital && !is_noun_end(w) && !in_list(w, &["today", "yesterday"]);
        (name || INDICATOR_MODIFIERS.has(w)) && !INDICATOR_NOT_MODIFIERS.has(w)
    });
    phrase_span(t, first, k)
}

/// The first token of the sentence (or clause after a colon or semicolon) holding `first`.
pub(super) fn sentence_start(t: &Toks, first: usize) -> usize {
    let floor = first.saturating_sub(MAX_LOOK_BACK);
    (floor..first)
        .rev()
        .find(|&j| matches!(t.sym(j), Some('.' | ';' | ':' | '!' | '?' | '•' | '|')))
        .map_or(floor, |j| j + 1)
}

/// "97 judges, 30 of whom …": the plural noun phrase right before the number, behind a comma
/// or dash, when "of whom" / "of them" follows the number.
fn pointed_back(t: &Toks, first: usize, next: usize) -> Option<NounSpan> {
    let points = t.word_is(next, "of") && t.word(next + 1).is_some_and(|w| BACK_POINTERS.has(w));
    if !points || !matches!(t.sym(first.checked_sub(1)?), Some(',' | '—' | '–' | '(')) {
        return None;
    }
    let head = first.checked_sub(2)?;
    t.word(head).filter(|w| is_plural(w))?;
    let n = phrase_ending_at(t, head, true)?;
    // "98 defendants in fraud cases — 85 of whom": a noun after a preposition or a joiner
    // names where, not who; the group is the plural before it.
    let mut at = first_token(t, head.saturating_sub(MAX_NOUN_WORDS), head, n)?;
    while at > 0 && t.word(at - 1).is_some_and(|w| DETERMINERS.has(w)) {
        at -= 1;
    }
    let place = at
        .checked_sub(1)
        .and_then(|p| t.word(p))
        .is_some_and(|w| PLACE_PREPOSITIONS.has(w) || is_joiner(w));
    // "… of whom" points at people: a noun of people stays the group behind a preposition.
    let whom = t.word_is(next + 1, "whom");
    if !place || (whom && t.word(head).is_some_and(is_people)) {
        return Some(n);
    }
    let group = (at.saturating_sub(5)..at)
        .rev()
        .take_while(|&k| t.word(k).is_some())
        .find(|&k| t.word(k).is_some_and(is_plural))?;
    phrase_ending_at(t, group, true)
}

/// "The economy has created 14.8 million jobs, including over 350,000 in January": a hedged,
/// scaled or "including" number with no noun restates the counted noun of the nearest count before
/// it in its clause.
fn restated(t: &Toks, start: usize, first: usize, next: usize) -> Option<NounSpan> {
    let hedged = t.word(first).is_some_and(|w| RESTATING_LEADS.has(w));
    let scaled = (first..next).any(|k| t.word(k).and_then(scale_factor).is_some());
    // "eight national monuments … and three more": "more" leaves the noun out.
    let more = t.word_is(next, "more");
    let joined = first
        .checked_sub(1)
        .and_then(|p| t.word(p))
        .is_some_and(|w| RESTATING_JOINERS.has(w));
    // The number ends its phrase: punctuation, or a word that cannot start a noun ("in
    // January", "overall", "were added"); "1 in 5" and "from 9 to 12 million" are no restating.
    let ends = match t.word(next) {
        // The end of the text or punctuation; a number is not ("27.5 million 8-ounce bottles").
        None => !t.is_num(next),
        // "up from 6.2 million in 2021": a year is no second term.
        Some(w) => RESTATING_FOLLOWERS.has(w) && (!t.is_num(next + 1) || is_year(t, next + 1)),
    };
    if !(hedged || scaled || joined || more) || !ends {
        return None;
    }
    let mut counts = (start..first).rev().filter_map(|j| {
        // "nearly seven million individuals, up from 6.2 million": a scaled spelled count too
        // (a small one is too often another thing: "Americans in four states").
        let spelled = t.word(j).and_then(small_number).is_some()
            && t.word(j + 1).and_then(scale_factor).is_some();
        if !t.is_num(j) && !spelled {
            return None;
        }
        let mut k = j + 1;
        while t.word(k).and_then(scale_factor).is_some() {
            k += 1;
        }
        // "In the last two years, … more than 1,800": a span is no count's noun.
        count_noun(t, k)
            .filter(|n| n.next <= first && !t.word(n.next - 1).is_some_and(|w| TIME_UNITS.has(w)))
    });
    let nearest = counts.next()?;
    if hedged || scaled || joined {
        return Some(nearest);
    }
    // "has held 18 webinars …, attended by 500 agencies, and has nine more planned": "more"
    // alone restates only when every count before it counts the same thing.
    let head = |n: NounSpan| t.text.get(..n.end).and_then(|s| s.rsplit(' ').next());
    counts.all(|n| head(n) == head(nearest)).then_some(nearest)
}

/// Most tokens between two items of a list ("… in Florida, 450,010 in California").
const MAX_LIST_GAP: usize = 30;

/// Most tokens a list is read back over from one item: keeps a hostile list of thousands of
/// items linear.
const MAX_LIST_SPAN: usize = 300;

/// "618,590 small business owners in Florida, 450,010 in California, and 168,070 in
/// Georgia": a number after a comma or "and", with a preposition after it, leaves out the noun
/// of the list's first item, which the same preposition follows ("30 paramedics are heading to
/// New Hampshire, 30 to Vermont"). Items of the same shape may stand between.
fn listed(t: &Toks, first: usize, next: usize) -> Option<NounSpan> {
    let preposition = t.word(next).filter(|w| PLACE_PREPOSITIONS.has(w))?;
    let item = |k: usize| {
        k.checked_sub(1)
            .is_some_and(|p| t.sym(p) == Some(',') || t.word_is(p, "and"))
    };
    if !item(first) {
        return None;
    }
    let limit = first.saturating_sub(MAX_LIST_SPAN);
    let mut floor = first.saturating_sub(MAX_LIST_GAP);
    let mut j = first;
    while j > floor.max(limit) {
        j -= 1;
        if matches!(t.sym(j), Some('.' | ';' | ':' | '!' | '?' | '•' | '|')) {
            return None;
        }
        if !t.is_num(j) {
            continue;
        }
        let mut k = j + 1;
        while t.word(k).and_then(scale_factor).is_some() {
            k += 1;
        }
        if t.word_is(k, preposition) {
            // An earlier item of the same list: its own first item is further back.
            floor = j.saturating_sub(MAX_LIST_GAP);
            continue;
        }
        let n = count_noun(t, k)?;
        // The preposition follows the noun in its clause: "are heading to", "in".
        let says = (n.next..n.next + 4)
            .take_while(|&i| t.word(i).is_some())
            .any(|i| t.word_is(i, preposition));
        return says.then_some(n);
    }
    None
}

/// True for a plural noun of people ("members", "workers", "residents").
fn is_people(word: &str) -> bool {
    is_people_noun(&word.to_ascii_lowercase())
}

/// "Of the new hires, 14 are veterans": a sentence opening with the group, then the number.
fn group_opener(t: &Toks, start: usize, first: usize) -> Option<NounSpan> {
    if !t.word(start).is_some_and(|w| GROUP_OPENERS.has(w)) {
        return None;
    }
    let det = t
        .word(start + 1)
        .is_some_and(|w| in_list(w, &["the", "these", "those", "its", "their", "all"]));
    let n = count_noun(t, start + 1 + usize::from(det))?;
    (t.sym(n.next) == Some(',') && n.next + 1 == first).then_some(n)
}

/// "… the number of states approved so far to 23": the noun after "the number of" earlier in
/// the sentence, with no other number between it and this one.
fn number_of(t: &Toks, start: usize, first: usize) -> Option<NounSpan> {
    let j = (start..first).rev().find(|&j| {
        t.word(j).is_some_and(|w| COUNT_NOUNS.has(w))
            && t.word_is(j + 1, "of")
            && j.checked_sub(1).is_some_and(|d| t.word_is(d, "the"))
    })?;
    let n = count_noun(t, j + 2)?;
    // "… from 129,000 to nearly 2 million": the low end may stand between, after "from".
    let number = |k: usize| t.is_num(k) || t.word(k).and_then(small_number).is_some();
    let between = (n.next..first).find(|&k| number(k));
    let from_low = between.is_some_and(|b| (n.next..b).any(|k| t.word_is(k, "from")));
    (between.is_none() || from_low).then_some(n)
}

/// "Overdose deaths dropped to about 8,400": the plural subject of a change verb right before
/// the number ("rose to", "stood at", "reached").
fn subject_of_change(t: &Toks, start: usize, first: usize) -> Option<NounSpan> {
    let mut j = first.checked_sub(1)?;
    let prep = t.word(j).is_some_and(|w| CHANGE_PREPOSITIONS.has(w));
    if prep {
        j = j.checked_sub(1)?;
    }
    while j > start && t.word(j).is_some_and(is_adverb) {
        j -= 1;
    }
    let verb = t.word(j)?;
    let level = LEVEL_VERBS.has(verb);
    // Most change verbs need "to"/"at"/"by"/"from"; level verbs take the number directly.
    let takes_number = level || (prep && CHANGE_VERBS.has(verb));
    if !takes_number {
        return None;
    }
    j = j.checked_sub(1)?;
    while j > start && t.word(j).is_some_and(|w| SUBJECT_AUXILIARIES.has(w)) {
        j -= 1;
    }
    t.word(j).filter(|w| is_plural(w) && !is_noun_end(w))?;
    let n = (j >= start)
        .then(|| phrase_ending_at(t, j, false))
        .flatten()?;
    // "… models available to U.S. consumers expanded to 40": a noun after a preposition is
    // not the subject.
    let at = first_token(t, start, j, n)?;
    let object = at
        .checked_sub(1)
        .and_then(|p| t.word(p))
        .is_some_and(is_noun_end);
    (!object).then_some(n)
}

/// The noun phrase ending at the word at `head`: the words before it that are no stop words,
/// joiners, numbers or punctuation, up to [`MAX_NOUN_WORDS`]; with `infinitives`, a word after
/// "to" is a verb and ends it ("designed to empower teachers").
pub(super) fn phrase_ending_at(t: &Toks, head: usize, infinitives: bool) -> Option<NounSpan> {
    let end = t.end_of(head)?;
    let mut first = head;
    while first > 0 && head - first + 1 < MAX_NOUN_WORDS {
        let p = first - 1;
        let word = t
            .tok(p)
            .filter(|k| k.kind == Kind::Word)
            .map(|k| t.str_of(k));
        let modifier = word.is_some_and(|w| {
            !is_noun_end(w)
                && small_number(w).is_none()
                && scale_factor(w).is_none()
                && !CHANGE_VERBS.has(w)
                && !is_joiner(w)
        });
        let infinitive = infinitives && p.checked_sub(1).is_some_and(|q| t.word_is(q, "to"));
        if !modifier || infinitive {
            break;
        }
        first = p;
    }
    Some(NounSpan {
        start: t.start_of(first)?,
        end,
        next: head + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::super::super::tokens::tokens_of;
    use super::*;
    use NounFrom::{Before, Subject};

    /// The noun the number `number` of `text` takes from its sentence, and where from.
    fn noun_for(text: &str, number: &str) -> Option<(String, NounFrom)> {
        let toks = tokens_of(text);
        let t = Toks { text, toks: &toks };
        let at = (0..t.len()).find(|&i| t.tok(i).is_some_and(|k| t.str_of(k) == number))?;
        let hedge = t.word(at.wrapping_sub(1));
        let first = if hedge.is_some_and(|w| w == "about" || RESTATING_LEADS.has(w)) {
            at - 1
        } else {
            at
        };
        let mut next = at + 1;
        while t.word(next).and_then(scale_factor).is_some() {
            next += 1;
        }
        noun_in_sentence(&t, first, next).map(|(n, from)| (text[n.start..n.end].to_string(), from))
    }

    type Case = (&'static str, &'static str, Option<(&'static str, NounFrom)>);

    /// Text, the number, the noun it takes and where from.
    const CASES: &[Case] = &[
        (
            "The Senate confirmed 97 judges, 30 of whom are women.",
            "30",
            Some(("judges", Before)),
        ),
        (
            "Of the new hires, 14 are veterans.",
            "14",
            Some(("new hires", Before)),
        ),
        (
            "Among those families, 300 moved.",
            "300",
            Some(("families", Before)),
        ),
        (
            "Overdose deaths dropped to about 8,400 last year.",
            "8,400",
            Some(("Overdose deaths", Subject)),
        ),
        (
            "Weekly claims have now fallen to 200,000.",
            "200,000",
            Some(("Weekly claims", Subject)),
        ),
        (
            "Enrollments reached 4,000 this spring.",
            "4,000",
            Some(("Enrollments", Subject)),
        ),
        (
            "This raises the number of states approved so far to 23.",
            "23",
            Some(("states", Subject)),
        ),
        (
            "The number of states rose from 12 in 2020 to 23.",
            "23",
            Some(("states", Subject)),
        ),
        ("Enrollment rose to 23.", "23", None),
        ("Deaths fell 12 percent.", "12", None),
        ("Prices rose. Then 40 arrived.", "40", None),
        ("Officials met 30 of them.", "30", None),
        (
            "The number of pharmacies grew from 17,000 to 40,000.",
            "40,000",
            Some(("pharmacies", Subject)),
        ),
        (
            "Models available to consumers expanded to over 40.",
            "40",
            None,
        ),
        ("The number of doses rose by five times.", "five", None),
        (
            "It funds 400 projects to modernize and expand terminals, 18 of which opened.",
            "18",
            Some(("projects", Before)),
        ),
        (
            "It charged 98 defendants in fraud cases — 85 of whom pleaded.",
            "85",
            Some(("defendants", Before)),
        ),
        (
            "It reached 13 million individuals through its services, 500,000 of whom …",
            "500,000",
            Some(("individuals", Before)),
        ),
        (
            "It sent 296,000 doses over the coming weeks, 56,000 of which went out.",
            "56,000",
            Some(("doses", Before)),
        ),
        (
            "It trains all service members—200,000 of whom leave.",
            "200,000",
            Some(("service members", Before)),
        ),
        (
            "The economy has created 14.8 million jobs, including over 350,000 in January.",
            "350,000",
            Some(("jobs", Before)),
        ),
        (
            "It added nearly 800,000 jobs since 2021, and nearly 15 million overall.",
            "15",
            Some(("jobs", Before)),
        ),
        ("It hired 40 nurses in 2 of the 5 regions.", "2", None),
        (
            "It sent 1.25 million cans, enough for over 27.5 million 8-ounce bottles.",
            "27.5",
            None,
        ),
        ("It trained 40 nurses; 300 graduated.", "300", None),
        (
            "It reached two-thirds of American households, 310 of which …",
            "310",
            Some(("American households", Before)),
        ),
        (
            "It placed 210 interns in Ohio, 95 in Texas, and 40 in Utah.",
            "40",
            Some(("interns", Before)),
        ),
        (
            "Some 12 crews are flying to Guam, 8 to Saipan.",
            "8",
            Some(("crews", Before)),
        ),
        ("It placed 210 interns, and 95 in Texas.", "95", None),
        (
            "It reaches nearly seven million families, up from 6.2 million in 2021.",
            "6.2",
            Some(("families", Before)),
        ),
        (
            "It opened 12 clinics this year and plans 6 more.",
            "6",
            Some(("clinics", Before)),
        ),
        (
            "It held 18 webinars for 500 agencies and has 9 more planned.",
            "9",
            None,
        ),
        (
            "In the last two years it funded more than 1,800.",
            "1,800",
            None,
        ),
        ("It placed 210 interns in Ohio in 95 towns.", "95", None),
        ("Ages 16 to 24, and 25 to 54 gained.", "25", None),
    ];

    #[test]
    fn nouns_before_the_number_or_in_its_subject() {
        for (text, number, want) in CASES {
            let want = want.map(|(n, f)| (n.to_string(), f));
            assert_eq!(noun_for(text, number), want, "{text}");
        }
    }
}
