//! Nouns an amount takes from its clause: the object a verb changes by, to or from it ("cut
//! methane emissions by 30%", "slash late fees to $8 from $30") and the subject it is stated of
//! ("The average price at the pump is now $3.30").

use super::super::lexicon::{
    in_list, Words, CHAINED_AMOUNT_WORDS, CHANGE_CONNECTORS, COPULAS, DETERMINERS, MONEY_ING_NOUNS,
    OBJECT_CHANGE_VERBS, STANDING_VERBS, STATE_ADVERBS, SUBJECT_TAIL_PREPOSITIONS,
};
use super::super::numbers::scale_factor;
use super::super::numbers::words::small_number;
use super::super::tokens::Toks;
use super::sentence::{phrase_ending_at, sentence_start};
use super::{first_token, is_adverb, is_joiner, is_noun_end, is_verb_form, phrase_span, NounSpan};

/// Most words an object changed "by" an amount may have, "of" included.
const MAX_OBJECT_WORDS: usize = 7;

/// What a verb changes "by", "to" or "from" a money amount or a percentage: its object.
/// "reduce federal spending by almost $8 billion" → federal spending, "cut greenhouse gas
/// emissions by 50%" → greenhouse gas emissions, "increase the net price of new drugs by 25%"
/// → net price of new drugs, "slash late fees to $8 from $30" → late fees (both amounts).
/// Only the words right between the verb (and its determiners) and the first connector, with
/// no punctuation, number or clause word among them. `first` is the amount's first token.
pub(in crate::extract) fn changed_object(t: &Toks, first: usize) -> Option<NounSpan> {
    let mut by = first
        .checked_sub(1)
        .filter(|&k| t.word(k).is_some_and(|w| CHANGE_CONNECTORS.has(w)))?;
    // "from $500 to $700", "by 0.30 percentage points, from 0.85% to 0.55%": an amount
    // chained to an earlier connector changes the same object.
    while let Some(earlier) = chained_connector(t, by) {
        by = earlier;
    }
    let head = by.checked_sub(1)?;
    let floor = by.saturating_sub(MAX_OBJECT_WORDS + 3);
    let mut verb = head;
    loop {
        verb = verb.checked_sub(1).filter(|&k| k >= floor)?;
        if OBJECT_CHANGE_VERBS.has(t.word(verb)?) {
            break;
        }
    }
    // Only before "by": "helped lead to 26%" is a verb chain, not a modified object.
    let inner_ed = t.word_is(by, "by");
    let mut start = verb + 1;
    while t.word(start).is_some_and(|w| DETERMINERS.has(w)) && start < head {
        start += 1;
    }
    let plain = |k: usize| {
        t.word(k).is_some_and(|w| {
            // "taxes on hardworking Americans", "costs for families": a preposition inside.
            in_list(w, &["of", "on", "for"]) && k > start && k < head
                || (!is_noun_end(w)
                    // "hospital uncompensated care": an "-ed" word inside the phrase is a
                    // modifier; first or last it is a verb ("cut costs incurred by").
                    && (!is_verb_form(w)
                        || MONEY_ING_NOUNS.has(w)
                        || (inner_ed && k > start && k < head && w.ends_with("ed")))
                    && small_number(w).is_none()
                    && !in_list(w, &["what", "how", "which", "who", "whom", "whose", "that"]))
        })
    };
    let words = head + 1 - start;
    let head_word = t.word(head)?;
    if words > MAX_OBJECT_WORDS || !(start..=head).all(plain) || OBJECT_CHANGE_VERBS.has(head_word)
    {
        return None;
    }
    phrase_span(t, start, head)
}

/// Most tokens an amount chained between two connectors may have ("approximately $30",
/// "0.30 percentage points,").
const MAX_CHAINED_AMOUNT: usize = 6;

/// The connector before the amount that ends right before the connector at `k`: "from" in
/// "from $500 to", "to" in "to $8 from", "by" in "by 0.30 percentage points, from".
fn chained_connector(t: &Toks, k: usize) -> Option<usize> {
    let floor = k.saturating_sub(MAX_CHAINED_AMOUNT + 1);
    let mut number = false;
    let mut j = k;
    while j > floor {
        j -= 1;
        if t.is_num(j) {
            number = true;
            continue;
        }
        if let Some(w) = t.word(j) {
            if CHANGE_CONNECTORS.has(w) {
                return number.then_some(j);
            }
            if !CHAINED_AMOUNT_WORDS.has(w) && scale_factor(w).is_none() {
                return None;
            }
            continue;
        }
        if !matches!(t.sym(j), Some('$' | '%' | ',')) {
            return None;
        }
    }
    None
}

/// Farthest a subject's head stands before its verb, across a phrase such as "at the pump".
const MAX_SUBJECT_TAIL: usize = 4;

/// The subject a money amount or a percentage is stated of with "is", "was", "remains" or
/// "stands at": "The average price at the pump is now $3.30" → average price, "the maximum
/// award was $7,395", "the poverty rate was 11.1%". Only a subject whose head is in `heads`
/// (prices and payments, or rates and shares), and not the object of a preposition.
/// `first` is the amount's first token.
pub(in crate::extract) fn stated_subject(
    t: &Toks,
    first: usize,
    heads: &Words,
) -> Option<NounSpan> {
    let start = sentence_start(t, first);
    let mut j = first.checked_sub(1)?;
    while j > start
        && t.word(j)
            .is_some_and(|w| is_adverb(w) || STATE_ADVERBS.has(w))
    {
        j -= 1;
    }
    if t.word_is(j, "at") && t.word(j - 1).is_some_and(|w| STANDING_VERBS.has(w)) {
        j -= 1;
    } else if !t.word(j).is_some_and(|w| COPULAS.has(w)) {
        return None;
    }
    let verb = j;
    // The head right before the verb, or before a short phrase such as "at the pump".
    let floor = verb.saturating_sub(MAX_SUBJECT_TAIL + 2).max(start);
    let head = (floor..verb).rev().find(|&k| {
        t.word(k).is_some_and(|w| heads.has(w))
            && (k + 1 == verb
                || t.word(k + 1)
                    .is_some_and(|w| SUBJECT_TAIL_PREPOSITIONS.has(w)))
            && (k + 1..verb).all(|m| t.word(m).is_some())
    })?;
    let mut n = phrase_ending_at(t, head, false)?;
    // "the average price of child care is": the "of" phrase is part of the subject.
    if t.word_is(head + 1, "of") {
        n.end = t.end_of(verb - 1)?;
    }
    let mut before = first_token(t, start, head, n)?;
    while before > start && t.word(before - 1).is_some_and(|w| DETERMINERS.has(w)) {
        before -= 1;
    }
    // "cuts in the price … is": the head is the object of a preposition.
    let object = before
        .checked_sub(1)
        .and_then(|p| t.word(p))
        .is_some_and(|w| {
            SUBJECT_TAIL_PREPOSITIONS.has(w)
                || in_list(w, &["to", "from", "with", "by", "about", "as"])
        });
    (!object).then_some(n)
}

/// What is "up" or "down" by a percentage, said of any noun: the subject of "is up" ("COVID-19
/// deaths are down 90 percent", "the number of school counselors is up 11%") or of an
/// absolute "with" phrase ("with prices down over 20%"). A subject behind another preposition
/// ("loans to small businesses are up 70%") is left: which noun rose is unclear. `first` is
/// the amount's first token.
pub(in crate::extract) fn moved_subject(t: &Toks, first: usize) -> Option<NounSpan> {
    let start = sentence_start(t, first);
    let mut j = first.checked_sub(1).filter(|&j| j > start)?;
    if t.word_is(j, "by") {
        j -= 1;
    }
    if !t.word(j).is_some_and(|w| in_list(w, &["up", "down"])) {
        return None;
    }
    j = j.checked_sub(1).filter(|&j| j >= start)?;
    while j > start
        && t.word(j).is_some_and(|w| {
            is_adverb(w) || STATE_ADVERBS.has(w) || w.eq_ignore_ascii_case("again")
        })
    {
        j -= 1;
    }
    let copula = t.word(j).is_some_and(|w| COPULAS.has(w));
    let head = if copula { j.checked_sub(1)? } else { j };
    let subject_word = |k: usize| {
        k >= start
            && t.word(k).is_some_and(|w| {
                !is_noun_end(w) && !is_verb_form(w) && !is_adverb(w) && small_number(w).is_none()
            })
    };
    if !subject_word(head) {
        return None;
    }
    let mut n = phrase_ending_at(t, head, false)?;
    let mut before = first_token(t, start, head, n)?;
    // "the cost of child care is up": the "of" phrase is part of the subject.
    if before > start + 1 && t.word_is(before - 1, "of") && subject_word(before - 2) {
        let outer = phrase_ending_at(t, before - 2, false)?;
        n.start = outer.start;
        before = first_token(t, start, before - 1, n)?;
    }
    // "Today's report shows inflation is down": the subject starts after the reporting verb.
    if let Some(k) = (before..head).rev().find(|&k| {
        t.word(k)
            .is_some_and(|w| in_list(w, &["shows", "showed", "says", "finds", "means"]))
    }) {
        n.start = t.start_of(k + 1)?;
        before = k + 1;
    }
    let noun_first = before;
    while before > start && t.word(before - 1).is_some_and(|w| DETERMINERS.has(w)) {
        before -= 1;
    }
    if before == start {
        return copula.then_some(n);
    }
    let opener = match t.word(before - 1) {
        Some(w) if w.eq_ignore_ascii_case("with") => !copula,
        // ", and the number of school nurses is up": a new clause, not a joined noun
        // ("segregation between white and Black students is up").
        Some(w) if is_joiner(w) => {
            copula && (before < noun_first || t.sym(before.wrapping_sub(2)) == Some(','))
        }
        Some(w) => copula && in_list(w, &["that", "while", "as", "where", "but"]),
        None => {
            copula
                && t.sym(before - 1)
                    .is_some_and(|c| matches!(c, ',' | '(' | '—' | '–'))
        }
    };
    opener.then_some(n)
}
