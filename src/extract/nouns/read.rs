//! Reading a noun word by word from a token: where it stops (a stop word, an adverb, a verb
//! after a joiner, a singular after a plural head, the word cap), what joins two noun words,
//! and the lists of modifiers a noun may run through.

use super::super::lexicon::{
    in_list, Words, LONE_NOT_NOUNS, MEASURE_DROP_WORDS, MONEY_ING_NOUNS, TIME_WORDS,
};
use super::super::numbers::scale_factor;
use super::super::numbers::words::small_number;
use super::super::tokens::Toks;
use super::{
    is_adverb, is_noun_end, is_plural, is_verb_form, NounSpan, MAX_LONG_NOUN_WORDS, MAX_NOUN_WORDS,
};
use crate::text::is_month_name;

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

/// Reads a counted noun from token `k`; `singular_head` asks for a singular noun right after a
/// money amount ("a $2 million project").
pub(in crate::extract) fn noun_at(t: &Toks, k: usize, singular_head: bool) -> Option<NounSpan> {
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
pub(super) struct Read {
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
    pub(super) fn count(cap: usize) -> Read {
        Read {
            singular_head: false,
            cap,
            adverbs: true,
        }
    }
}

/// [`noun_at`], taking at most `cap` words.
pub(super) fn read_noun(t: &Toks, k: usize, read: Read) -> Option<NounSpan> {
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
pub(super) fn comma_between_modifiers(t: &Toks, i: usize) -> bool {
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
pub(super) fn is_joiner(w: &str) -> bool {
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
pub(super) fn general_after(t: &Toks, i: usize) -> bool {
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
pub(super) const MEASURE_DROP: Words = Words::new(MEASURE_DROP_WORDS);
