//! Nouns: the counted noun after a number and its modifiers ("nearly 8,000 private sector
//! firms"), the noun of a money amount ("$179 million in financing", "a $3 million project"),
//! and the measure slug a noun gives.
//!
//! Rule: after the number take up to [`MAX_NOUN_WORDS`] words; stop at punctuation, another
//! number, a stop word in its noun-end role ("of" is one, so "3,500 hours of training" counts
//! "hours"), an "-ly" adverb, or — after a plural head noun — any word that is not itself
//! plural ("vaccine doses free-of-cost" → "vaccine doses"). "and"/"or" join two noun words
//! ("individuals and entities").

mod amounts;
mod clause;
mod measure;
mod sentence;

pub(super) use amounts::{
    measure_noun, money_cap_noun, money_for_name, money_for_noun, money_noun, money_verb_noun,
    partitive_noun, percent_head_noun, percent_noun,
};
use amounts::{money_of_noun, money_total_noun};
use clause::{changed_object, moved_subject, stated_subject};
pub use measure::measure_for;
pub(super) use sentence::noun_in_sentence;
use sentence::{indicator_before, money_indicator_before};

use super::lexicon::{
    in_list, Words, LONE_NOT_NOUNS, LY_WORDS, MEASURE_DROP_WORDS, MONEY_HEADS, MONEY_ING_NOUNS,
    MONEY_SUBJECT_HEADS, PEOPLE_NOUNS, PEOPLE_SUFFIXES, PERCENT_SUBJECT_HEADS, PLURAL_WORDS,
    TIME_WORDS,
};
use super::numbers::scale_factor;
use super::numbers::words::small_number;
use super::tokens::Toks;
use crate::figure::Unit;
use crate::text::{is_month_name, is_stop_word, StopRole};

/// Most words a counted noun may have ("national and local government officials").
pub const MAX_NOUN_WORDS: usize = 5;

/// Most words of a counted noun whose plural head the first [`MAX_NOUN_WORDS`] words did not
/// reach ("23 separate billion-dollar weather and climate disasters").
const MAX_LONG_NOUN_WORDS: usize = 8;

/// A noun found in the text: its bytes and the token after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct NounSpan {
    /// First byte of the noun.
    pub(super) start: usize,
    /// Byte after its last word.
    pub(super) end: usize,
    /// The token after the noun.
    pub(super) next: usize,
}

/// True when `word` (any case) ends a counted noun (a stop word in that role).
pub(super) fn is_noun_end(word: &str) -> bool {
    is_stop_word(word, StopRole::NounEnd)
}

/// A plural-looking word: "firms", "doses", "youth" (but not "business", "census", "analysis").
pub(super) fn is_plural(word: &str) -> bool {
    // The head of a hyphenated word ("at-risk youth" → "youth"), found byte-wise: a string
    // search costs more than the whole test on these short words.
    let word = match word.bytes().rposition(|b| b == b'-') {
        Some(p) => word.get(p + 1..).unwrap_or(word),
        None => word,
    };
    if PLURAL_WORDS.has(word) {
        return true;
    }
    let w = word.as_bytes();
    if is_acronym_plural(w) || is_men_plural(w) {
        return true;
    }
    let last = w.last().map(u8::to_ascii_lowercase);
    let before = w
        .len()
        .checked_sub(2)
        .and_then(|k| w.get(k))
        .map(u8::to_ascii_lowercase);
    w.len() > 3
        && last == Some(b's')
        && !matches!(before, Some(b's' | b'u' | b'i' | b'\''))
        && !word.ends_with("’s")
}

/// A compound plural in "-men" ("Guardsmen", "servicemen", "linemen"); "specimen",
/// "regimen" and "abdomen" are singular.
fn is_men_plural(w: &[u8]) -> bool {
    let ends = |s: &[u8]| w.len() >= s.len() && w[w.len() - s.len()..].eq_ignore_ascii_case(s);
    w.len() > 5 && ends(b"men") && (ends(b"women") || !(ends(b"imen") || ends(b"omen")))
}

/// An acronym's plural: two or more capitals or digits and a lower-case "s" ("TCUs", "EVs",
/// "HBCUs", "K12s").
fn is_acronym_plural(w: &[u8]) -> bool {
    let Some((&b's', head)) = w.split_last() else {
        return false;
    };
    head.len() >= 2
        && head.first().is_some_and(u8::is_ascii_uppercase)
        && head
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// An "-ly" adverb ("recently", "annually") that ends a noun.
pub(super) fn is_adverb(word: &str) -> bool {
    word.len() > 4 && (word.ends_with("ly") || word.ends_with("LY")) && !LY_WORDS.has(word)
}

/// True for a plural noun of people ("members", "workers", "residents"): a listed one or a
/// people ending; words in "-ments" and money words that share an ending ("investments",
/// "grants") are things.
pub(super) fn is_people_noun(word: &str) -> bool {
    if PEOPLE_NOUNS.has(word) {
        return true;
    }
    word.len() > 4
        && PEOPLE_SUFFIXES.iter().any(|s| word.ends_with(s))
        && !word.ends_with("ments")
        && !MONEY_HEADS.has(word)
}

/// A word that reads as a verb form after "and" ("and trained", "and providing").
pub(super) fn is_verb_form(word: &str) -> bool {
    word.len() > 4
        && !word.as_bytes().contains(&b'-')
        && (word.ends_with("ed") || word.ends_with("ing"))
}

/// The counted noun of a count from token `k`: the noun cut back to its last plural word (a
/// singular tail is a modifier or a verb: "30 gigawatt goal", "two died").
pub(super) fn count_noun(t: &Toks, k: usize) -> Option<NounSpan> {
    let last_plural = |next: usize| (k..next).rev().find(|&j| t.word(j).is_some_and(is_plural));
    let short = read_noun(t, k, Read::count(MAX_NOUN_WORDS));
    let mut plural = short.and_then(|n| last_plural(n.next));
    // Read further only when the short read found no head: a noun it found stays as it was.
    let mut n = match short {
        Some(n) if plural.is_some() => n,
        _ => {
            // Only a read its cap may have cut: as many words follow as it takes (a suspended
            // hyphen or a slash may stand between them).
            let words = (k..)
                .take_while(|&j| t.word(j).is_some() || matches!(t.sym(j), Some('-' | '/')))
                .take(2 * MAX_NOUN_WORDS)
                .filter(|&j| t.word(j).is_some())
                .count();
            let room = words >= MAX_NOUN_WORDS;
            let long = room
                .then(|| read_noun(t, k, Read::count(MAX_LONG_NOUN_WORDS)))
                .flatten();
            match long.and_then(|l| last_plural(l.next).map(|p| (l, p))) {
                Some((l, p)) => {
                    plural = Some(p);
                    l
                }
                None => short?,
            }
        }
    };
    // "additional at-home, rapid tests", "long-term, low-interest loans": commas between
    // modifiers before the head.
    for _ in 0..2 {
        if plural.is_some() || !comma_between_modifiers(t, n.next) {
            break;
        }
        let rest = read_noun(t, n.next + 1, Read::count(MAX_NOUN_WORDS))?;
        n = NounSpan {
            start: n.start,
            ..rest
        };
        plural = last_plural(n.next);
    }
    // "289 state, tribal, and local governments": a list of modifiers ends in "and".
    if plural.is_none() {
        if let Some((l, p)) = noun_through_list(t, k).and_then(|l| Some((l, last_plural(l.next)?)))
        {
            n = l;
            plural = Some(p);
        }
    }
    let mut j = plural?;
    // "Attorneys General": the head's own "General" stays.
    if j + 1 < n.next && general_after(t, j + 1) {
        j += 1;
    }
    Some(NounSpan {
        start: n.start,
        end: t.end_of(j).unwrap_or(n.start),
        next: j + 1,
    })
}

/// The noun a money amount or a percentage takes from the words before it (a total, a cap,
/// "an investment of", an indicator, a changed object).
pub(super) fn noun_before(
    t: &Toks,
    unit: Unit,
    first: usize,
    cap: Option<NounSpan>,
) -> Option<NounSpan> {
    match unit {
        Unit::Usd => money_total_noun(t, first)
            .or(cap)
            .or_else(|| money_of_noun(t, first))
            .or_else(|| money_indicator_before(t, first))
            .or_else(|| changed_object(t, first))
            .or_else(|| stated_subject(t, first, &MONEY_SUBJECT_HEADS)),
        Unit::Percent | Unit::PercentagePoints => indicator_before(t, first)
            .or_else(|| changed_object(t, first))
            .or_else(|| moved_subject(t, first))
            .or_else(|| stated_subject(t, first, &PERCENT_SUBJECT_HEADS)),
        _ => None,
    }
}

/// The state of a noun read word by word.
struct NounRead {
    /// The token being read.
    i: usize,
    /// Words taken (joiners count).
    words: usize,
    /// The byte after the last word taken.
    end: Option<usize>,
    /// The last word taken is a plural head.
    prev_plural: bool,
    /// The last token taken is "and"/"or".
    after_joiner: bool,
    /// Before the last joiner: its end byte, the joiner's token, and whether a plural came
    /// before it.
    before_joiner: Option<(usize, usize, bool)>,
    /// The last word taken is capitalised.
    prev_capital: bool,
    /// See [`Read::adverbs`].
    adverbs: bool,
}

/// Where the noun phrase ending at the word at `head` starts: grown back over the words
/// before it that `modifier` accepts, up to [`MAX_NOUN_WORDS`] words.
pub(super) fn phrase_start(t: &Toks, head: usize, modifier: impl Fn(&str) -> bool) -> usize {
    let mut first = head;
    while first > 0 && head - first + 1 < MAX_NOUN_WORDS && t.word(first - 1).is_some_and(&modifier)
    {
        first -= 1;
    }
    first
}

/// The noun of the words from token `first` to token `head`.
pub(super) fn phrase_span(t: &Toks, first: usize, head: usize) -> Option<NounSpan> {
    Some(NounSpan {
        start: t.start_of(first)?,
        end: t.end_of(head)?,
        next: head + 1,
    })
}

/// Reads a counted noun from token `k`; `singular_head` asks for a singular noun right after a
/// money amount ("a $2 million project").
pub(super) fn noun_at(t: &Toks, k: usize, singular_head: bool) -> Option<NounSpan> {
    read_noun(
        t,
        k,
        Read {
            singular_head,
            cap: MAX_NOUN_WORDS,
            adverbs: false,
        },
    )
}

/// [`noun_at`] up to [`MAX_LONG_NOUN_WORDS`] words, for a head the first words did not reach.
pub(super) fn long_noun_at(t: &Toks, k: usize) -> Option<NounSpan> {
    read_noun(
        t,
        k,
        Read {
            singular_head: false,
            cap: MAX_LONG_NOUN_WORDS,
            adverbs: false,
        },
    )
}

/// How a noun is read.
#[derive(Clone, Copy)]
struct Read {
    /// A singular noun right after a money amount ("a $2 million project").
    singular_head: bool,
    /// The most words taken.
    cap: usize,
    /// An "-ly" adverb may modify the next word ("49 previously unfunded sites"): a count's
    /// plural head must still follow, which a money amount's noun need not.
    adverbs: bool,
}

impl Read {
    /// A count's noun of at most `cap` words.
    fn count(cap: usize) -> Read {
        Read {
            singular_head: false,
            cap,
            adverbs: true,
        }
    }
}

/// [`noun_at`], taking at most `cap` words.
fn read_noun(t: &Toks, k: usize, read: Read) -> Option<NounSpan> {
    let Read {
        singular_head,
        cap,
        adverbs,
    } = read;
    let mut r = NounRead {
        i: k,
        words: 0,
        end: None,
        prev_plural: false,
        after_joiner: false,
        before_joiner: None,
        prev_capital: false,
        adverbs,
    };
    while r.words < cap {
        let Some(w) = t.word(r.i) else {
            break;
        };
        let went_on = if is_joiner(w) {
            take_joiner(t, &mut r)
        } else {
            take_word(t, &mut r, w, singular_head)
        };
        if !went_on {
            break;
        }
    }
    finish_noun(t, k, r, singular_head, cap)
}

/// Most items of a list of modifiers before one head.
const MAX_LIST_ITEMS: usize = 6;

/// Most words of one item of such a list ("democracy and human rights").
const MAX_ITEM_WORDS: usize = 4;

/// The noun from token `k` of an amount ("in …", "of …", "for …"), read on through a list of
/// modifiers when it stops at a comma after one: "in economic, health, and security
/// assistance", "of federal, state, Tribal, and local law enforcement officers" read as
/// "economic" and "federal" alone.
pub(super) fn noun_through_list(t: &Toks, k: usize) -> Option<NounSpan> {
    let n = noun_at(t, k, false)?;
    let last = n.next.checked_sub(1).and_then(|j| t.word(j));
    if !last.is_some_and(is_modifier_word) || t.sym(n.next) != Some(',') {
        return Some(n);
    }
    let mut i = n.next;
    for _ in 0..MAX_LIST_ITEMS {
        // `i` is at a comma; the item after it is read up to the next comma.
        i += 1;
        let first = i;
        while i - first < MAX_ITEM_WORDS
            && t.word(i).is_some_and(|w| is_joiner(w) || may_go_on_noun(w))
        {
            i += 1;
        }
        if i == first {
            return Some(n);
        }
        if t.sym(i) == Some(',') {
            continue;
        }
        // The last item ends the list on the head: read it as a noun of its own.
        let from = if t.word(first).is_some_and(is_joiner) {
            first + 1
        } else {
            first
        };
        let tail = noun_at(t, from, false)?;
        let head = tail.next.checked_sub(1).and_then(|j| t.word(j));
        if head.is_some_and(is_modifier_word) {
            return Some(n);
        }
        return Some(NounSpan {
            start: n.start,
            ..tail
        });
    }
    Some(n)
}

/// True for a word that reads as an adjective before a list's head: "economic", "federal",
/// "military", "legislative", "state".
fn is_modifier_word(w: &str) -> bool {
    let b = w.as_bytes();
    let ends =
        |s: &str| b.len() > s.len() && b[b.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes());
    ["ic", "al", "ary", "ive"].into_iter().any(ends) || in_list(w, &["state", "local"])
}

/// True when the comma at token `i` may stand between two modifiers of a counted noun still
/// to come: a lower-case word that may go on a noun follows it.
fn comma_between_modifiers(t: &Toks, i: usize) -> bool {
    t.sym(i) == Some(',')
        && t.word(i + 1).is_some_and(|w| {
            w.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
                && !is_joiner(w)
                && may_go_on_noun(w)
        })
}

/// True for a word a noun read so far may go on with: no stop word, verb form, adverb or
/// number.
fn may_go_on_noun(w: &str) -> bool {
    !is_noun_end(w) && !is_verb_form(w) && !is_adverb(w) && small_number(w).is_none()
}

/// True when the joiner "and"/"or" at token `i` joins another noun word to a noun that has
/// `words` words so far.
fn joins_noun(t: &Toks, i: usize, words: usize) -> bool {
    // A lone singular word before a stop word is a verb ("and create around").
    let then_stops = t
        .word(i + 2)
        .is_none_or(|m| is_noun_end(m) || small_number(m).is_some());
    words > 0
        && t.word(i + 1).is_some_and(|n| {
            (may_go_on_noun(n) && (is_plural(n) || !then_stops)) || participle_before_head(t, i + 1)
        })
        // "jobs and companies announced": a new clause, not a joined noun ("and Justice
        // funding" is one).
        && !t
            .word(i + 2)
            .is_some_and(|w| is_verb_form(w) && !MONEY_ING_NOUNS.has(w))
}

/// True for the joiner words "and", "or", "&".
fn is_joiner(w: &str) -> bool {
    in_list(w, &["and", "or", "&"])
}

/// Takes "and"/"or" at `r.i` when a noun word follows it; false ends the noun.
fn take_joiner(t: &Toks, r: &mut NounRead) -> bool {
    let i = r.i;
    if !joins_noun(t, i, r.words) {
        return false;
    }
    r.before_joiner = r.end.map(|e| (e, i, r.prev_plural));
    r.words += 1;
    r.i += 1;
    r.after_joiner = true;
    r.prev_plural = false;
    true
}

/// True when word `w` at `r.i` cannot be part of a noun that has taken `r` so far.
fn ends_noun(t: &Toks, w: &str, r: &NounRead) -> bool {
    let first_ok = r.words == 0 && MEASURE_DROP.has(w);
    (is_noun_end(w) && !first_ok)
        || (is_adverb(w) && !(r.adverbs && modifies_next(t, r)))
        || small_number(w).is_some()
        || scale_factor(w).is_some()
        || is_month_name(w)
        || (r.prev_plural && !is_plural(w) && !general_after(t, r.i))
        || (r.after_joiner && is_verb_form(w) && !participle_before_head(t, r.i))
}

/// True for "General" after the plural it qualifies ("State Attorneys General", "Inspectors
/// General"), which goes on the noun.
fn general_after(t: &Toks, i: usize) -> bool {
    t.word_is(i, "general")
        && i.checked_sub(1)
            .and_then(|p| t.word(p))
            .is_some_and(|p| in_list(p, GENERAL_PLURALS))
}

/// The plurals "General" follows as part of their name.
const GENERAL_PLURALS: &[&str] = &["attorneys", "inspectors", "surgeons", "solicitors"];

/// True when the verb form at token `i`, after a joiner, modifies a plural head right after
/// it ("indirect and induced jobs"), rather than starting a clause ("people and enabled
/// States", "and trained 40 workers"): the word before the joiner is a modifier too.
fn participle_before_head(t: &Toks, i: usize) -> bool {
    i.checked_sub(2)
        .and_then(|p| t.word(p))
        .is_some_and(|p| !is_plural(p))
        && t.word(i)
            .is_some_and(|w| w.ends_with("ed") && is_verb_form(w))
        && t.word(i + 1)
            .is_some_and(|h| is_plural(h) && !is_noun_end(h) && !is_verb_form(h))
}

/// True when the adverb at `r.i` modifies the lower-case word after it inside the noun
/// ("previously unfunded Superfund sites", "extremely low-income families"), not a verb after
/// the noun's head ("jobs recently created").
fn modifies_next(t: &Toks, r: &NounRead) -> bool {
    !r.prev_plural
        && t.word(r.i + 1).is_some_and(|n| {
            n.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
                && !is_noun_end(n)
                && !is_adverb(n)
                && !is_joiner(n)
                && small_number(n).is_none()
        })
}

/// Takes the noun word `w` at `r.i`; false ends the noun.
fn take_word(t: &Toks, r: &mut NounRead, w: &str, singular_head: bool) -> bool {
    // "funding last year", "$14 million next year": a time, not a noun word ("past and
    // present officers" is one).
    let time = in_list(w, &["last", "next", "past", "this"])
        && t.word(r.i + 1)
            .is_some_and(|n| TIME_WORDS.has(n) || is_month_name(n));
    if time || ends_noun(t, w, r) {
        return false;
    }
    // A plural inside a capitalised name ("Local Works initiative") is no head noun.
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    let in_name = capital && r.prev_capital;
    r.prev_capital = capital;
    r.words += 1;
    r.prev_plural = is_plural(w) && !in_name;
    if singular_head && r.prev_plural && r.words == 1 {
        return false;
    }
    r.after_joiner = false;
    let Some(end) = t.end_of(r.i) else {
        return false;
    };
    r.end = Some(end);
    r.i += 1;
    // "low- and middle-income countries": a suspended hyphen before a joiner.
    if t.sym(r.i) == Some('-') && t.glued(r.i) && t.word(r.i + 1).is_some_and(is_joiner) {
        r.i += 1;
    }
    // "returning/potential migrants": a glued slash joins two words.
    if t.sym(r.i) == Some('/') && t.glued(r.i) && t.glued(r.i + 1) && t.word(r.i + 1).is_some() {
        r.i += 1;
        r.prev_plural = false;
    }
    true
}

/// Ends a noun read from token `k`: cuts a joined phrase the cap broke, and refuses drop words
/// alone and proper names.
fn finish_noun(
    t: &Toks,
    k: usize,
    r: NounRead,
    singular_head: bool,
    cap: usize,
) -> Option<NounSpan> {
    let start = t.start_of(k)?;
    let mut end = r.end?;
    let mut i = r.i;
    // The cap cut a joined phrase short ("migrants and at-risk | youth"): keep its first part.
    // A plural head joins only another plural ("lives and cost | trillions" is a verb).
    // A joiner at the cap cuts short only when it would have joined another noun word:
    // "search and recovery team members | and 30 dogs" ends at "members".
    let cut_short = r.words >= cap
        && t.word(i).is_some_and(|w| {
            if is_joiner(w) {
                joins_noun(t, i, r.words)
            } else {
                !is_noun_end(w) && !is_adverb(w)
            }
        });
    if let Some((e, j, head_plural)) = r.before_joiner {
        if cut_short || (head_plural && !r.prev_plural) {
            end = e;
            i = j;
        }
    }
    let noun = t.text.get(start..end)?;
    // "$1,200 more": drop words alone are no noun, nor "less" or "today".
    if noun.split_whitespace().all(|w| MEASURE_DROP.has(w)) || LONE_NOT_NOUNS.has(noun) {
        return None;
    }
    if is_proper_name(noun) && !singular_head {
        return None;
    }
    // Drop a trailing joiner that the word cap cut off ("teachers and").
    let mut next = i;
    while next > k && t.end_of(next - 1).is_some_and(|e| e > end) {
        next -= 1;
    }
    Some(NounSpan { start, end, next })
}

/// True for a noun that is a proper name ending in a singular ("11 Department of Labor
/// projects" stops at "Labor"): every word capitalised, the last not plural.
fn is_proper_name(noun: &str) -> bool {
    let mut words = noun.rsplit([' ', '/']);
    let last = words.next().unwrap_or("");
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // "State Attorneys General" ends in its plural.
    let general = last.eq_ignore_ascii_case("general")
        && words.next().is_some_and(|p| in_list(p, GENERAL_PLURALS));
    capital(last) && !is_plural(last) && !general && last != "U.S." && noun.split(' ').all(capital)
}

/// [`MEASURE_DROP_WORDS`] with the shapes of its words, for look-ups.
const MEASURE_DROP: Words = Words::new(MEASURE_DROP_WORDS);

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens_of;
    use super::*;

    /// The noun `read` finds at the first token of `text`, as text.
    fn noun_of(text: &str, read: fn(&Toks, usize) -> Option<NounSpan>) -> Option<String> {
        let toks = tokens_of(text);
        let t = Toks { text, toks: &toks };
        read(&t, 0).map(|n| text[n.start..n.end].to_string())
    }

    #[test]
    fn plurals_adverbs_and_verb_forms() {
        // word, plural, adverb, verb form
        let cases = [
            ("firms", true, false, false),
            ("youth", true, false, false),
            ("co-workers", true, false, false),
            ("business", false, false, false),
            ("census", false, false, false),
            ("analysis", false, false, false),
            ("bus", false, false, false),
            ("firm's", false, false, false),
            ("TCUs", true, false, false),
            ("EVs", true, false, false),
            ("HBCUs", true, false, false),
            ("U.S.", false, false, false),
            ("Us", false, false, false),
            ("recently", false, true, false),
            ("family", false, false, false),
            ("trained", false, false, true),
            ("providing", false, false, true),
            ("well-trained", false, false, false),
        ];
        for (w, plural, adverb, verb) in cases {
            assert_eq!(is_plural(w), plural, "{w}: plural");
            assert_eq!(is_adverb(w), adverb, "{w}: adverb");
            assert_eq!(is_verb_form(w), verb, "{w}: verb");
        }
    }

    #[test]
    fn counted_nouns_after_a_number() {
        let cases = [
            (
                "private sector firms in the region",
                Some("private sector firms"),
            ),
            (
                "vaccine doses free-of-cost to partners",
                Some("vaccine doses"),
            ),
            (
                "individuals and entities for corruption",
                Some("individuals and entities"),
            ),
            (
                "national and local government officials to",
                Some("national and local government officials"),
            ),
            ("hours of training", Some("hours")),
            ("jobs and companies announced", Some("jobs")),
            (
                "search and recovery team members and 30 dogs",
                Some("search and recovery team members"),
            ),
            ("TCUs in", Some("TCUs")),
            (
                "low- and middle-income countries in",
                Some("low- and middle-income countries"),
            ),
            ("women, youth", Some("women")),
            (
                "returning/potential migrants stay",
                Some("returning/potential migrants"),
            ),
            ("gigawatt goal", None),
            ("died in the storm", None),
            ("Department of Labor projects", None),
            ("more each year", None),
            ("of them", None),
            (
                "additional at-home, rapid tests from",
                Some("additional at-home, rapid tests"),
            ),
            (
                "long-term, low-interest loans to",
                Some("long-term, low-interest loans"),
            ),
            ("states, tribes and", Some("states")),
            ("local, and the", None),
        ];
        for (text, want) in cases {
            assert_eq!(noun_of(text, count_noun).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn money_nouns() {
        let cases = [
            ("in financing to", Some("financing")),
            (
                "in humanitarian assistance to",
                Some("humanitarian assistance"),
            ),
            ("worth of equipment", Some("equipment")),
            ("in northern Central America", None),
            ("in Mexico", None),
            ("project to reduce", Some("project")),
            (
                "Local Works initiative—partners",
                Some("Local Works initiative"),
            ),
            ("grants to", None),
            ("invested in", None),
            ("more each year", None),
            ("of new funding to", Some("new funding")),
            (
                "of U.S. agricultural products.",
                Some("U.S. agricultural products"),
            ),
            (
                "of Bipartisan Infrastructure Law funding to",
                Some("Bipartisan Infrastructure Law funding"),
            ),
            ("of this funding", None),
            ("in out of pocket costs for", Some("out of pocket costs")),
            ("out of $9.5 billion", None),
            ("of which was earned", None),
            ("of every $3", None),
        ];
        for (text, want) in cases {
            assert_eq!(noun_of(text, money_noun).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn measure_nouns() {
        // text after the unit, singular unit, noun
        let cases = [
            ("of offshore wind by 2030", false, Some("offshore wind")),
            ("of the coast", false, None),
            ("of Alaska", false, None),
            ("solar farm", true, Some("solar farm")),
            ("solar farm", false, None),
            ("east of town", false, None),
            ("protected", true, None),
        ];
        for (text, singular, want) in cases {
            let toks = tokens_of(text);
            let t = Toks { text, toks: &toks };
            let got = measure_noun(&t, 0, singular).map(|n| &text[n.start..n.end]);
            assert_eq!(got, want, "{text}");
        }
    }
}
