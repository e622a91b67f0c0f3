//! Nouns of amounts that are not counts: what a money amount is ("in financing", "for lead
//! service line replacement", or the verb before it: "invest" → investment), what a
//! percentage is of, and what a physical measure measures.

use super::super::lexicon::{
    in_list, CAP_VERBS, CHANGE_NOUNS, DEMONYMS, DETERMINERS, MONEY_FOR_NOT_NAMES,
    MONEY_FOR_NOT_NOUNS, MONEY_HEADS, MONEY_ING_NOUNS, MONEY_IN_NOT_NOUNS, MONEY_OF_NOT_NOUNS,
    MONEY_OF_NOT_OWNERS, MONEY_VERB_NOUNS, NAME_ENDERS, PEOPLE_NOUNS, PERCENT_HEADS,
    PERCENT_NOT_HEADS, PERCENT_OF_NOT_NOUNS,
};
use super::super::numbers::words::small_number;
use super::super::tokens::Toks;
use super::{
    count_noun, is_adverb, is_joiner, is_noun_end, is_people_noun, is_plural, is_verb_form,
    long_noun_at, noun_at, noun_through_list, phrase_span, phrase_start, NounSpan,
};
use crate::text::is_month_name;

/// The noun after a money amount at token `k`: "in financing", "of new funding", "worth of
/// …", or a singular noun right after ("project", "Centroamérica Local initiative").
pub(in crate::extract) fn money_noun(t: &Toks, k: usize) -> Option<NounSpan> {
    let after_of = t.word_is(k, "of");
    let worth_of = t.word_is(k, "worth") && t.word_is(k + 1, "of");
    if t.word_is(k, "in") || after_of || worth_of {
        let at = if worth_of { k + 2 } else { k + 1 };
        let w = t.word(at)?;
        let lower_case = w.chars().next().is_some_and(char::is_lowercase) || w == "U.S.";
        // "$5 billion of this funding", "of which": a part of an amount named elsewhere.
        let not_noun = if after_of {
            MONEY_OF_NOT_NOUNS.has(w)
        } else {
            MONEY_IN_NOT_NOUNS.has(w)
        };
        if not_noun {
            return None;
        }
        // "in out of pocket costs": the unhyphenated compound is one modifier.
        if w == "out" && t.word_is(at + 1, "of") && t.word_is(at + 2, "pocket") {
            let n = noun_at(t, at + 3, false)?;
            return Some(NounSpan {
                start: t.start_of(at)?,
                ..n
            });
        }
        if lower_case {
            return noun_through_list(t, at);
        }
        // "in ARP funding", "in Emergency Relief Funds Committed to …": a name is what the
        // money is only up to a money word ("in Central America" is a place).
        let head_of = |n: NounSpan| {
            (at..n.next)
                .rev()
                .find(|&k| t.word(k).is_some_and(|w| MONEY_HEADS.has(w)))
                .map(|head| (n, head))
        };
        // A long name reaches its money word past the first words ("in State and Local Fiscal
        // Recovery Funds").
        let (n, head) = noun_at(t, at, false)
            .and_then(head_of)
            .or_else(|| long_noun_at(t, at).and_then(head_of))?;
        return Some(NounSpan {
            start: n.start,
            end: t.end_of(head)?,
            next: head + 1,
        });
    }
    let w = t.word(k)?;
    // "$100 off a laptop", "$50 back", "$6 billion out of $9.5 billion": a particle, not a noun.
    if is_plural(w) || is_verb_form(w) || in_list(w, &["off", "back", "apiece", "down", "out"]) {
        return None;
    }
    noun_at(t, k, true)
}

/// The noun a verb right before a money amount gives it ("invest more than $4.2 billion" →
/// investment); `first` is the amount's first token (its qualifier or money sign).
pub(in crate::extract) fn money_verb_noun(t: &Toks, first: usize) -> Option<&'static str> {
    let mut k = first.checked_sub(1)?;
    // "to invest an additional $50 million".
    while t
        .word(k)
        .is_some_and(|w| in_list(w, &["an", "a", "additional", "another"]))
    {
        k = k.checked_sub(1)?;
    }
    let noun_of = |k: usize| {
        let verb = t.word(k)?;
        MONEY_VERB_NOUNS
            .iter()
            .find(|(v, _)| v.eq_ignore_ascii_case(verb))
            .map(|(_, noun)| *noun)
    };
    let inner = noun_of(k)?;
    // "committed to invest $4.2 billion": the money is a commitment (to invest).
    let outer = k
        .checked_sub(2)
        .filter(|_| t.word_is(k - 1, "to"))
        .and_then(noun_of);
    Some(outer.unwrap_or(inner))
}

/// The plural noun phrase right before "totaling", "worth", "valued at" or "amounting to"
/// before a money amount: what the money is the total of ("awarding grants totaling $885
/// million" → grants, "equipment donations worth $8.9 million" → equipment donations). A name
/// ("its 504 Program totaling"), a singular ("the state worth") or people give none. `first` is the
/// amount's first token.
pub(in crate::extract) fn money_total_noun(t: &Toks, first: usize) -> Option<NounSpan> {
    let k = first.checked_sub(1)?;
    let head = match t.word(k)? {
        w if in_list(w, &["totaling", "totalling", "worth"]) => k.checked_sub(1)?,
        w if w.eq_ignore_ascii_case("at") && t.word_is(k.checked_sub(1)?, "valued") => {
            k.checked_sub(2)?
        }
        w if w.eq_ignore_ascii_case("to") && t.word_is(k.checked_sub(1)?, "amounting") => {
            k.checked_sub(2)?
        }
        _ => return None,
    };
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let noun = t.word(head).filter(|&w| lower(w) && is_plural(w))?;
    // Money is no total of people: "the debts of 45,000 people worth $26 million".
    let people = PEOPLE_NOUNS.has(noun) || in_list(noun, &["populations", "customers"]);
    if is_verb_form(noun) || is_noun_end(noun) || people {
        return None;
    }
    let first = phrase_start(t, head, |w| {
        lower(w)
            && !is_noun_end(w)
            && !is_verb_form(w)
            && !is_adverb(w)
            && small_number(w).is_none()
            && !in_list(w, &["and", "or"])
    });
    phrase_span(t, first, head)
}

/// The noun phrase right before "of" and a money amount: what the amount is the size of ("an
/// investment of over $1 billion" → investment, "a tax credit of up to $2,000" → tax credit,
/// "an average tax cut of $175,000" → tax cut). Words that own no amount ("an average of", "a
/// total of", "on top of", "the availability of"), names and people give none. `first` is the
/// amount's first token.
pub(in crate::extract) fn money_of_noun(t: &Toks, first: usize) -> Option<NounSpan> {
    let of = first.checked_sub(1).filter(|&k| t.word_is(k, "of"))?;
    let head = of.checked_sub(1)?;
    let plain = |w: &str| {
        w.chars().next().is_some_and(char::is_lowercase)
            && !is_noun_end(w)
            && !is_adverb(w)
            && !MONEY_OF_NOT_OWNERS.has(w)
            && small_number(w).is_none()
            && !in_list(w, &["and", "or"])
    };
    let noun = t.word(head).filter(|&w| plain(w))?;
    // "funding of $1 billion" is a noun; most words in -ing or -ed before "of" are verbs.
    let verb = is_verb_form(noun) && !MONEY_ING_NOUNS.has(noun);
    if verb || is_people_noun(noun) {
        return None;
    }
    let mut start = phrase_start(t, head, |w| plain(w) && !is_verb_form(w) && !is_plural(w));
    // "Budget authority of": a sentence's first word is capitalised for the sentence alone.
    let first_word = start.checked_sub(1).filter(|&k| {
        let opens = k == 0 || matches!(t.sym(k - 1), Some('.' | ':' | ';'));
        opens
            && t.word(k).is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().skip(1).all(char::is_lowercase)
                    && !is_noun_end(w)
                    && !is_plural(w)
            })
    });
    if let Some(k) = first_word {
        start = k;
    }
    // Modifiers are kept only after a determiner, a possessive or a preposition: "a historic
    // investment", but "could see savings" and "seek loans" (a verb before the noun).
    let opened = match start.checked_sub(1) {
        None => true,
        Some(k) => match t.word(k) {
            Some(w) => {
                DETERMINERS.has(w)
                    || MONEY_OF_NOT_OWNERS.has(w)
                    || is_possessive(w)
                    || in_list(w, OPENING_PREPOSITIONS)
            }
            // "over 50% seek loans" is no opening; a clause's punctuation is.
            None => matches!(t.sym(k), Some(',' | ';' | ':' | '(' | '—' | '–' | '.')),
        },
    };
    phrase_span(t, if opened { start } else { head }, head)
}

/// Words before a noun phrase that open it, so that its modifiers are its own.
const OPENING_PREPOSITIONS: &[&str] = &[
    "of", "in", "for", "with", "on", "from", "by", "at", "another",
];

/// What a cap before a money amount caps: "caps insulin at $35" → insulin, "capped the cost
/// of insulin at $35" → insulin, "capping out-of-pocket costs at $2,000" → out-of-pocket
/// costs. `first` is the amount's first token.
pub(in crate::extract) fn money_cap_noun(t: &Toks, first: usize) -> Option<NounSpan> {
    let at = first.checked_sub(1).filter(|&k| t.word_is(k, "at"))?;
    let head = at.checked_sub(1)?;
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    // "insulin capped at $35": the passive names what is capped before the verb.
    if t.word(head)
        .is_some_and(|w| in_list(w, &["capped", "limited"]))
    {
        // "a tax credit typically capped at $600".
        let mut noun = head.checked_sub(1)?;
        while t.word(noun).is_some_and(is_adverb) {
            noun = noun.checked_sub(1)?;
        }
        let plain = |w: &str| lower(w) && !is_noun_end(w) && !is_verb_form(w) && !is_joiner(w);
        t.word(noun).filter(|&w| plain(w))?;
        let start = phrase_start(t, noun, |w| plain(w) && !is_adverb(w));
        return phrase_span(t, start, noun);
    }
    let start = phrase_start(t, head, |w| {
        lower(w) && !is_noun_end(w) && !CAP_VERBS.has(w)
    });
    t.word(head).filter(|&w| lower(w) && !is_noun_end(w))?;
    // "the cost of insulin": the phrase after "of" is what is capped.
    let mut verb = start.checked_sub(1)?;
    if t.word_is(verb, "of") {
        let cost = verb.checked_sub(1).filter(|&k| {
            t.word(k)
                .is_some_and(|w| in_list(w, &["cost", "costs", "price", "prices"]))
        })?;
        verb = cost.checked_sub(1)?;
        if t.word_is(verb, "the") {
            verb = verb.checked_sub(1)?;
        }
    }
    t.word(verb).filter(|w| CAP_VERBS.has(w))?;
    phrase_span(t, start, head)
}

/// What a money amount is for, from "for" at token `k`: "$2.9 billion for lead service line
/// replacement", "$500 million for states and local governments". Only a lower-case noun
/// (after its determiners); "for the first time", "for each", "for 2023" name nothing.
pub(in crate::extract) fn money_for_noun(t: &Toks, k: usize) -> Option<NounSpan> {
    if !t.word_is(k, "for") {
        return None;
    }
    let at = past_determiners(t, k + 1);
    let w = t.word(at)?;
    if is_capitalised(w) || MONEY_IN_NOT_NOUNS.has(w) || MONEY_FOR_NOT_NOUNS.has(w) {
        return None;
    }
    noun_through_list(t, at)
}

/// Most words of a name a money amount is for ("Low Income Home Energy Assistance Program").
const MAX_NAME_WORDS: usize = 8;

/// The name a money amount is "for" (or given "to", after "the"), from "for" or "to" at
/// token `k`: "$600 million for the Indian Health Service", "for the Department of Justice's
/// Antitrust Division", "for USDA's ReConnect program", "for Tribal communities". Capitalised words, "of", "and" or "&"
/// between two of them, and a lower-case noun after them. None for a date, a fiscal year or
/// a number after the name; for a name cut short ("for the Bureau of Alcohol, Tobacco, …",
/// "for Housing Opportunities for Persons with AIDS", "for the Office of the UN …", "for
/// R&D", "for the St. Lawrence"); for one word after "the" that is not an acronym ("for the
/// Project" points back to a name given earlier).
pub(in crate::extract) fn money_for_name(t: &Toks, k: usize) -> Option<NounSpan> {
    let to = t.word_is(k, "to");
    if !to && !t.word_is(k, "for") {
        return None;
    }
    let at = past_determiners(t, k + 1);
    let after_determiner = at > k + 1;
    let first = t.word(at).filter(|w| is_capitalised(w))?;
    // "to" names a recipient only after "the" or as an acronym: "$1 Billion to Expand Access"
    // is a title-case purpose.
    if is_month_name(first)
        || MONEY_FOR_NOT_NAMES.has(first)
        || (to && !after_determiner && !is_acronym(first))
    {
        return None;
    }
    // Title-case headings capitalise their small words too ("… for Mental Health Thanks to").
    let capital = |k: usize| {
        t.word(k)
            .is_some_and(|w| is_capitalised(w) && !NAME_ENDERS.has(w) && !is_month_name(w))
    };
    let mut last = at;
    let mut j = at + 1;
    while j < at + MAX_NAME_WORDS {
        if capital(j) {
            last = j;
        } else if !(t.word(j).is_some_and(|w| in_list(w, &["of", "and", "&"])) && capital(j + 1)) {
            break;
        }
        j += 1;
    }
    let next = t.word(last + 1);
    let cut_short = match t.sym(last + 1) {
        Some(',') => capital(last + 2),
        Some('.') => t.word(last).is_some_and(|w| w.len() <= 2),
        Some(_) => t.glued(last + 1),
        // "for Access to COVID-19 Tools", "for the Bus and Bus Facilities and Low or No
        // Emission grant programs": a small word between two capitalised ones.
        None => next.is_some_and(|w| {
            in_list(w, &["of", "and", "or", "&"])
                || (in_list(w, &["to", "for", "on", "with", "through", "under", "into"])
                    && capital(last + 2))
        }),
    };
    // "for Federally recognized Tribes", "for Jail based services": the name modifies what
    // follows.
    let modifies = next.is_some_and(|w| !is_capitalised(w) && is_verb_form(w) && w.ends_with("ed"));
    let lone_after_the = last == at && after_determiner && !is_acronym(first);
    let possessive = t.word(last).is_some_and(is_possessive);
    if cut_short || modifies || lone_after_the || t.is_num(last + 1) {
        return None;
    }
    // "Tribal communities", "COVID-19 relief", "ReConnect program": a lower-case noun after
    // the name heads it; one with a name inside ("Tribal communities and Native people")
    // is left unread.
    let Some(n) = next
        .filter(|w| !is_capitalised(w) && !MONEY_FOR_NOT_NOUNS.has(w) && !is_adverb(w))
        .and_then(|_| noun_at(t, last + 1, false))
    else {
        return (!possessive).then(|| phrase_span(t, at, last))?;
    };
    if t.span(n.start, n.end).split(' ').any(is_capitalised) {
        return None;
    }
    Some(NounSpan {
        start: t.start_of(at)?,
        ..n
    })
}

/// True for a word of two or more capital letters ("USAID", "IRS").
fn is_acronym(w: &str) -> bool {
    w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// The first token from `at` that is no determiner ("the", "a", "their").
fn past_determiners(t: &Toks, mut at: usize) -> usize {
    while t.word(at).is_some_and(|w| DETERMINERS.has(w)) {
        at += 1;
    }
    at
}

/// True for a word that starts with a capital letter.
fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// What a percentage at token `k` is of: "47 percent of students" → students, "82% of all
/// inspected nursing homes" → inspected nursing homes. Only a lower-case noun after "of"
/// (and its determiners): "of GDP" or "of Target's containers" stay no noun.
pub(in crate::extract) fn percent_noun(t: &Toks, k: usize) -> Option<NounSpan> {
    if !t.word_is(k, "of") {
        return None;
    }
    let at = past_determiners(t, k + 1);
    let w = t.word(at)?;
    if w.chars().next().is_some_and(char::is_lowercase) {
        // "of rural counties" is what the share is of; "$5 million in rural areas" is where.
        return (!PERCENT_OF_NOT_NOUNS.has(w)).then(|| noun_through_list(t, at))?;
    }
    // A name is what a share is of only when it names people: "60% of Americans", "of
    // Black Americans", "of Latinos".
    // "of Black people", "of Ohio workers": a name before a lower-case noun of people, or of
    // money ("of Medicaid payments", "of Brownfields grants").
    let people_after = |k: usize| {
        k > at
            && t.word(k).is_some_and(|w| {
                w.chars().next().is_some_and(char::is_lowercase)
                    && (is_people_noun(w) || MONEY_HEADS.has(w) || w.ends_with("ments"))
            })
    };
    // "of Black undergraduate borrowers": one lower-case modifier may stand between.
    let modifier = |k: usize| {
        t.word(k).is_some_and(|w| {
            w.chars().next().is_some_and(char::is_lowercase) && !is_noun_end(w) && !is_plural(w)
        })
    };
    let people = (at..at + 3).find(|&k| {
        t.word(k).is_some_and(is_demonym) || (people_after(k) && (k < at + 2 || modifier(at + 1)))
    })?;
    let n = noun_at(t, at, false)?;
    let end = t.end_of(people)?;
    Some(NounSpan {
        start: n.start,
        end,
        next: people + 1,
    })
}

/// The noun a percentage heads, from token `k`: "a 15 percent minimum tax" → minimum tax,
/// "3% growth", "a 25% tariff" (a head of [`PERCENT_HEADS`]); a change heads nothing but what
/// it is "in" ("a 26% increase in Hispanic enrollment" → Hispanic enrollment). A rate word
/// ("a 2.4 percent annual rate"), a comparison or a plural gives none.
pub(in crate::extract) fn percent_head_noun(t: &Toks, k: usize) -> Option<NounSpan> {
    let w = t.word(k)?;
    if PERCENT_NOT_HEADS.has(w) || is_plural(w) || is_noun_end(w) {
        return None;
    }
    if CHANGE_NOUNS.has(w) {
        if !t.word_is(k + 1, "in") {
            return None;
        }
        let mut at = k + 2;
        // "an increase in the number of veterans": what is counted.
        loop {
            at = past_determiners(t, at);
            if !(t
                .word(at)
                .is_some_and(|w| in_list(w, &["number", "amount"]))
                && t.word_is(at + 1, "of"))
            {
                break;
            }
            at += 2;
        }
        return noun_at(t, at, false);
    }
    // Only a noun a percentage sizes: "minimum tax", "reciprocal tariff rate", "3% growth";
    // "25% fewer deaths", "30% off" and "40% Hispanic" are not such nouns.
    noun_at(t, k, true).filter(|n| {
        t.span(n.start, n.end)
            .rsplit(' ')
            .next()
            .is_some_and(|head| PERCENT_HEADS.has(head))
    })
}

/// True for a possessive: "nation's", "Wisconsin’s".
fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s")
}

/// The whole a digit count is part of, from "of" at token `k`: "47 of their family members"
/// → family members, "30 of the 50 states" → states. A superlative ("12 of the largest"), a
/// possessive ("10 of the nation's") or a name gives none. The whole's own number, when there
/// is one, stays a figure of its own.
pub(in crate::extract) fn partitive_noun(t: &Toks, k: usize) -> Option<NounSpan> {
    if !t.word_is(k, "of") {
        return None;
    }
    let det = t.word(k + 1)?;
    if !in_list(
        det,
        &[
            "the", "their", "its", "our", "these", "those", "his", "her", "your",
        ],
    ) {
        return None;
    }
    let mut at = k + 2;
    if t.is_num(at) {
        at += 1;
    }
    let w = t.word(at)?;
    let superlative = w.len() > 4 && w.ends_with("est") || in_list(w, &["most", "top", "few"]);
    // "2,500 of the tens of thousands of homes": a vague whole is no noun.
    let vague = in_list(
        w,
        &[
            "tens",
            "dozens",
            "hundreds",
            "thousands",
            "millions",
            "billions",
        ],
    );
    if superlative || vague || is_possessive(w) || !w.chars().next().is_some_and(char::is_lowercase)
    {
        return None;
    }
    count_noun(t, at)
}

/// True for a capitalised plural naming a people: "Americans", "Texans", "Latinos".
fn is_demonym(w: &str) -> bool {
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    let tail = w.get(1..).unwrap_or_default();
    capital
        && tail.chars().all(|c| c.is_ascii_lowercase())
        && ((tail.len() >= 4 && tail.ends_with("ans") && w != "Orleans") || DEMONYMS.has(w))
}

/// The noun of a physical measure at token `k`: what it measures ("30 gigawatts of offshore
/// wind"), or a singular noun after a singular unit ("a 500 megawatt solar farm").
pub(in crate::extract) fn measure_noun(
    t: &Toks,
    k: usize,
    singular_unit: bool,
) -> Option<NounSpan> {
    if t.word_is(k, "of") {
        let w = t.word(k + 1)?;
        let lower_case = w.chars().next().is_some_and(char::is_lowercase);
        if !lower_case || MONEY_IN_NOT_NOUNS.has(w) {
            return None;
        }
        return noun_through_list(t, k + 1);
    }
    let w = t.word(k)?;
    if !singular_unit || is_plural(w) || is_verb_form(w) {
        return None;
    }
    noun_at(t, k, true)
}
