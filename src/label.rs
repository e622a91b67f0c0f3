//! Labels for people: what a claim or a figure is about, in the source's own words — the
//! claim's heading where it has one, else a short phrase from the sentence around the figure
//! (its counted noun and the words that say what it counts: "overall total of new
//! commitments", "companies and organizations in the partnership"). Never a slug: slugs stay
//! keys for machines.
//!
//! The phrase is read from the words next to the figure with a few word lists (no grammar):
//! the counted noun and a place after it ("youth in the region"), or the noun phrase before
//! it ("the overall total of new commitments to more than $5.2 billion"), or the clause that
//! leads to it ("Acceso will invest $3.6 million").

use crate::claimset::Claim;
use crate::figure::{Figure, NounFrom, Unit};
use crate::text::WORD_BUF;
use std::borrow::Cow;
use std::ops::Deref;
use std::sync::LazyLock;

/// A label has at most this many words.
pub const MAX_LABEL_WORDS: usize = 8;

/// The label of a claim: its heading, else the phrase of its lead figure, else the opening
/// words of its text, else (claim sets kept without words) its lead figure's noun or the words
/// of its topic key.
pub fn claim_label(claim: &Claim) -> String {
    if let Some(h) = claim
        .heading
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty())
    {
        return h.to_string();
    }
    let lead = claim.figures.iter().find_map(figure_phrase);
    // A lone noun ("jobs") says less about a claim than its opening words do.
    if let Some(p) = lead.as_ref().filter(|p| p.split_whitespace().count() >= 2) {
        return p.clone();
    }
    if let Some(p) = claim.text.as_deref().and_then(opening_phrase) {
        return p;
    }
    if let Some(p) = lead {
        return p;
    }
    claim
        .figures
        .iter()
        .map(|f| f.noun.trim())
        .find(|n| !n.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| claim.topic.as_str().replace('-', " "))
}

/// The label of a figure in a claim: "Heading: phrase" for a claim with a heading, the
/// figure's phrase otherwise, and the claim's label when the figure has no phrase.
pub fn figure_label(heading: Option<&str>, claim_label: &str, figure: &Figure) -> String {
    let heading = heading.map(str::trim).filter(|h| !h.is_empty());
    let claim_label = claim_label.trim();
    // A table cell: its row's name and its column's ("Ohio: households served").
    if figure.noun_from == NounFrom::Column && !claim_label.is_empty() && !figure.noun.is_empty() {
        return format!("{claim_label}: {}", figure.noun.trim());
    }
    let phrase = figure_phrase(figure);
    match (heading, phrase) {
        (Some(h), Some(p)) if !h.to_lowercase().contains(&p.to_lowercase()) => {
            format!("{h}: {p}")
        }
        (Some(h), _) => h.to_string(),
        // A lone noun ("pillars") says more under its claim's label.
        (None, Some(p))
            if !p.contains(' ')
                && !claim_label.is_empty()
                && !claim_label.to_lowercase().contains(&p.to_lowercase()) =>
        {
            format!("{claim_label}: {p}")
        }
        (None, Some(p)) => p,
        (None, None) if !claim_label.is_empty() => claim_label.to_string(),
        (None, None) => figure.measure.replace('-', " "),
    }
}

/// The phrase that says what a figure counts, from its sentence (its noun alone when the
/// sentence is not kept); none when nothing readable is found.
pub fn figure_phrase(f: &Figure) -> Option<String> {
    let noun = f.noun.trim();
    let phrase = if f.sentence.is_empty() {
        (!noun.is_empty()).then(|| noun.to_string())
    } else {
        // A money noun read from the verb before the amount ("PepsiCo is investing $190
        // million" → investment) is not in the sentence: its clause names the figure better.
        let from_verb = f.unit == Unit::Usd && f.noun_from != NounFrom::After;
        phrase_in(&f.sentence, &f.quote, if from_verb { "" } else { noun })
    };
    phrase.filter(|p| !looks_like_slug(p))
}

/// Nouns that name a unit rather than a thing: the words before the figure say more.
#[rustfmt::skip]
const UNIT_NOUNS: &[&str] = &[
    "percent", "percentage points", "percentage point", "points", "times", "fold",
];

fn phrase_in(sentence: &str, quote: &str, noun: &str) -> Option<String> {
    // Dashes joining words ("people—surpassing") part them; most sentences have none to copy.
    let dashes = ['\u{2014}', '\u{2013}'];
    // Both dashes start with the byte 0xE2: most sentences are passed over by one `memchr`.
    let spaced = if memchr::memchr(0xe2, sentence.as_bytes()).is_some() && sentence.contains(dashes)
    {
        Cow::Owned(sentence.replace(dashes, " \u{2014} "))
    } else {
        Cow::Borrowed(sentence)
    };
    let unit_noun = if noun.is_ascii() {
        UNIT_NOUNS.iter().any(|u| noun.eq_ignore_ascii_case(u))
    } else {
        UNIT_NOUNS.contains(&noun.to_lowercase().as_str())
    };
    // A counted noun is read with the words after the quote alone; the others with the words
    // before it alone.
    let by_noun = !noun.is_empty() && !unit_noun;
    let Some((mut words, qa, qb)) = find_words(&spaced, quote, !by_noun, usize::from(by_noun))
    else {
        return (!noun.is_empty()).then(|| clean(noun));
    };
    if by_noun {
        // Most nouns have no place after them: the words past the first are read for one.
        let place = if words.get(qb).is_some_and(|w| opens_place(w)) {
            read_on(&spaced, &mut words, qb + RIGHT_WORDS);
            place_after(words.get(qb..).unwrap_or_default())
        } else {
            None
        };
        // The noun stops before punctuation the quote kept ("jobs," → "jobs").
        let mut phrase = clean(noun);
        if let Some(place) = place {
            phrase.push(' ');
            phrase.push_str(&place);
        }
        return Some(cap(phrase)).filter(|p| !p.is_empty());
    }
    let left = &words[..qa];
    if let Some(np) = noun_phrase_before(left) {
        return Some(cap(np));
    }
    if let Some(lead) = clause_before(left) {
        return Some(cap(lead));
    }
    if !noun.is_empty() {
        return Some(noun.to_string());
    }
    subject_before(left).map(cap)
}

/// Reads on in `text` after the last of `words` (slices of it) until there are `upto` words
/// or the text ends.
fn read_on<'s>(text: &'s str, words: &mut Vec<&'s str>, upto: usize) {
    let end = words
        .last()
        .and_then(|w| (w.as_ptr() as usize + w.len()).checked_sub(text.as_ptr() as usize));
    let Some(rest) = end.and_then(|end| text.get(end..)) else {
        return;
    };
    crate::text::each_word(rest, false, |a, b| {
        if words.len() >= upto {
            return false;
        }
        words.extend(rest.get(a..b));
        words.len() < upto
    });
}

/// The words of `sentence` (as [`words_of`] gives them) and where the quote's words first
/// stand among them (`qa..qb`), matching words with their punctuation trimmed. The words end
/// at least `right` (at most [`RIGHT_WORDS`]) past the quote, or with the sentence. Without
/// `left`, the words before the quote may be left out (`qa` is then 0): most labels read none
/// of them.
fn find_words<'s>(
    sentence: &'s str,
    quote: &str,
    left: bool,
    right: usize,
) -> Option<(Vec<&'s str>, usize, usize)> {
    verbatim(sentence, quote, left, right).or_else(|| {
        let quote: Vec<&str> = words_of(quote).into_iter().map(quote_bare).collect();
        scan_for(sentence, &quote)
    })
}

/// [`find_words`] without matching the words before the quote: found where `quote` stands
/// verbatim at a word's start, with no word before it like the quote's first (in ASCII text,
/// a word like it holds it in some case), so that no match starts earlier. None when that
/// cannot be told: the words are scanned instead.
fn verbatim<'s>(
    sentence: &'s str,
    quote: &str,
    left: bool,
    right: usize,
) -> Option<(Vec<&'s str>, usize, usize)> {
    let first = quote_bare(first_word(quote)?);
    let at = find_bytes(sentence.as_bytes(), quote.as_bytes())?;
    let (before, from) = sentence.split_at_checked(at)?;
    if !before.chars().next_back().is_none_or(char::is_whitespace)
        || first.is_empty()
        || !first.is_ascii()
        || !before.is_ascii()
        || holds_ignoring_case(before, first)
    {
        return None;
    }
    let mut words = if left {
        words_of(before)
    } else {
        Vec::with_capacity(QUOTE_WORDS + RIGHT_WORDS)
    };
    let (qa, mut qb) = (words.len(), words.len());
    let mut matched = true;
    crate::text::each_word(from, false, |a, b| {
        // Past the quote, only `right` words are read.
        if a >= quote.len() && words.len() >= qb + right {
            return false;
        }
        let Some(w) = from.get(a..b) else {
            matched = false;
            return false;
        };
        words.push(w);
        if a >= quote.len() {
            return words.len() < qb + right;
        }
        // The quote's words are the sentence's, but its last may go on there ("million,").
        qb += 1;
        if b > quote.len() {
            matched = from
                .get(a..quote.len())
                .is_some_and(|q| same(quote_bare(w), quote_bare(q)));
        }
        matched
    });
    (matched && qb > qa).then_some((words, qa, qb))
}

/// Room for a quote's words and those after it, enough for most.
const QUOTE_WORDS: usize = 8;

/// Where `needle` first stands in `hay`: a search without set-up, for short texts.
fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&c, rest) = needle.split_first()?;
    memchr::memchr_iter(c, hay).find(|&i| hay.get(i + 1..).is_some_and(|h| h.starts_with(rest)))
}

/// True when `text` holds the ASCII `word` in any case.
fn holds_ignoring_case(text: &str, word: &str) -> bool {
    let (t, w) = (text.as_bytes(), word.as_bytes());
    let Some(&c) = w.first() else {
        return true;
    };
    memchr::memchr2_iter(c.to_ascii_lowercase(), c.to_ascii_uppercase(), t).any(|i| {
        t.get(i..i + w.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(w))
    })
}

/// [`find_words`] by reading every word up to the quote's first match: `quote` is its bare words.
fn scan_for<'s>(sentence: &'s str, quote: &[&str]) -> Option<(Vec<&'s str>, usize, usize)> {
    if quote.is_empty() {
        return None;
    }
    let mut words = Vec::with_capacity(sentence.len() / 6 + 1);
    let mut found = None;
    crate::text::each_word(sentence, false, |a, b| {
        words.extend(sentence.get(a..b));
        match found {
            // Windows end in order of their starts: the first to match starts first.
            None => {
                let i = words.len().saturating_sub(quote.len());
                let window = words.get(i..).unwrap_or_default();
                if window.len() == quote.len()
                    && window
                        .iter()
                        .zip(quote)
                        // Trimming and lowering into ASCII only shorten a word: one shorter
                        // than its ASCII quote word cannot match it.
                        .all(|(w, q)| {
                            (w.len() >= q.len() || !q.is_ascii()) && same(quote_bare(w), q)
                        })
                {
                    found = Some(words.len());
                }
                true
            }
            Some(qb) => words.len() < qb + RIGHT_WORDS,
        }
    });
    found.map(|qb| (words, qb - quote.len(), qb))
}

/// How many words after a figure's quote its label may read: [`place_after`] reads up to
/// `MAX_PLACE_WORDS + 2` of them, and whether there are more.
const RIGHT_WORDS: usize = MAX_PLACE_WORDS + 3;

/// `w` with all but letters, digits, `$` and `%` trimmed from its ends.
fn quote_bare(w: &str) -> &str {
    let keep = |c: char| c.is_alphanumeric() || c == '$' || c == '%';
    // Most words have nothing to trim: their ends are read as bytes (for an ASCII byte,
    // `is_ascii_alphanumeric` is `keep` without the Unicode tables).
    let ends =
        |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'$' || b == b'%');
    if ends(w.as_bytes().first()) && ends(w.as_bytes().last()) {
        w
    } else {
        w.trim_matches(|c: char| !keep(c))
    }
}

/// True when `a` and `b` are the same in lower case; compared without a lower-case copy but
/// for non-ASCII words that begin alike (a string lowers its first character as the character
/// alone does).
fn same(a: &str, b: &str) -> bool {
    let first = |s: &str| s.chars().next().map(|c| c.to_lowercase().next());
    a.eq_ignore_ascii_case(b)
        || (!(a.is_ascii() && b.is_ascii())
            && first(a) == first(b)
            && a.to_lowercase() == b.to_lowercase())
}

/// Words that may open a place or scope after a counted noun ("in the region").
#[rustfmt::skip]
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "across", "throughout", "within", "at", "on", "from", "for",
];

/// Words that end a phrase: articles and pronouns that open a new one, conjunctions that open
/// a clause, prepositions that do not join a noun phrase, hedges.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "your", "which", "who", "whom", "whose", "what", "it", "they", "we", "he", "she", "you", "i",
    "there", "here", "to", "by", "with", "through", "as", "than", "or", "but", "while", "if",
    "because", "since", "when", "where", "after", "before", "although", "including", "such", "so",
    "not", "also", "more", "most", "over", "under", "about", "nearly", "almost", "approximately",
    "roughly", "around", "least", "up", "some", "any", "each", "every", "all", "both", "other",
    "today", "now", "already", "into", "via", "per", "between", "among", "like", "during",
    "toward", "towards", "worth",
];

/// Verbs (and auxiliaries) that end a noun phrase read backwards and close a clause that
/// leads to a figure ("Acceso will invest").
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "will", "would", "can", "could", "may",
    "might", "shall", "should", "must", "has", "have", "had", "do", "does", "did", "brings",
    "bring", "brought", "include", "includes", "provide", "provides", "reach", "reaches",
    "create", "creates", "invest", "invests", "commit", "commits", "mobilize", "mobilizes",
    "generate", "generates", "announce", "announces", "deliver", "delivers", "make", "makes",
    "made", "raise", "raises", "help", "helps", "train", "trains", "serve", "serves",
    "represent", "represents", "exceed", "exceeds", "surpass", "grew", "grow", "grows", "rose",
    "rise", "rises", "fell", "fall", "falls", "reduce", "reduces", "expand", "expands", "hire",
    "hires", "employ", "employs", "receive", "receives", "give", "gives", "gave", "given", "lend",
    "lends", "lent", "secure", "disburse", "award", "allocate", "dedicate", "leverage", "unlock",
    "seeks", "seek", "intends", "expects", "enable", "enables", "attract", "attracts", "spend",
    "spends", "spent", "pledge", "pledges", "contribute", "contributes", "add", "adds", "fund",
    "funds", "finance", "finances", "support", "supports", "benefit", "benefits",
];

/// Words ending in "-ing" or "-ed" that name things, so they may stay in a phrase.
#[rustfmt::skip]
const NOUNS_ING_ED: &[&str] = &[
    "funding", "financing", "training", "housing", "building", "buildings", "spending", "lending",
    "banking", "manufacturing", "processing", "programming", "planning", "learning", "schooling",
    "clothing", "meeting", "offering", "earnings", "savings", "landing", "staffing", "policing",
    "fishing", "farming", "mentoring", "counseling", "screening", "testing", "polling", "seed",
    "need", "needs", "red", "hundred", "hundreds", "aged", "bed", "beds",
];

/// Verbs that join a subject to the amount it moved by or to.
#[rustfmt::skip]
const CHANGE_VERBS: &[&str] = &[
    "grew", "rose", "fell", "increased", "decreased", "declined", "dropped", "climbed", "jumped",
    "expanded", "reached", "totaled", "stands", "stood", "amounted", "came",
];

/// Words a phrase may hold inside but must not start or end with.
const JOINERS: &[&str] = &["of", "for", "and", "in", "on", "from", "at", "&"];

/// A word with the punctuation at its ends trimmed, in lower case: on the stack when the
/// word is short ASCII, so looking words up allocates nothing.
enum Bare<'w> {
    Borrowed(&'w str),
    Ascii([u8; WORD_BUF], usize),
    Owned(String),
}

impl Deref for Bare<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Bare::Borrowed(s) => s,
            Bare::Ascii(buf, n) => std::str::from_utf8(&buf[..*n]).unwrap_or_default(),
            Bare::Owned(s) => s,
        }
    }
}

fn bare(w: &str) -> Bare<'_> {
    // Most words have nothing to trim: their ends are read as bytes.
    let ends = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    let t = if ends(w.as_bytes().first()) && ends(w.as_bytes().last()) {
        w
    } else {
        w.trim_matches(|c: char| !c.is_alphanumeric())
    };
    if !t.is_ascii() || t.len() > WORD_BUF {
        return Bare::Owned(t.to_lowercase());
    }
    if !t.bytes().any(|b| b.is_ascii_uppercase()) {
        return Bare::Borrowed(t);
    }
    let mut buf = [0u8; WORD_BUF];
    for (d, s) in buf.iter_mut().zip(t.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    Bare::Ascii(buf, t.len())
}

/// The word lists a bare word is in, one bit a list.
const FUNCTION: u8 = 1;
const VERB: u8 = 2;
const NOUN_ING_ED: u8 = 4;
const CHANGE: u8 = 8;
const JOINER: u8 = 16;
const PLACE_PREPOSITION: u8 = 32;
const ASIDE_START: u8 = 64;
const NOT_PLACE: u8 = 128;

/// Each word list with its bit.
const ALL_LISTS: [(&[&str], u8); 8] = [
    (FUNCTION_WORDS, FUNCTION),
    (VERBS, VERB),
    (NOUNS_ING_ED, NOUN_ING_ED),
    (CHANGE_VERBS, CHANGE),
    (JOINERS, JOINER),
    (PLACE_PREPOSITIONS, PLACE_PREPOSITION),
    (ASIDE_STARTS, ASIDE_START),
    (NOT_PLACES, NOT_PLACE),
];

/// Every listed word with its lists: one look-up a word instead of a scan a list.
static LISTS: LazyLock<Lists> = LazyLock::new(Lists::new);

/// The listed words grouped by length and first byte, each kept as one number (its bytes in
/// order, zeros after): a look-up compares a word with the few words of its group, one test
/// each, without hashing it.
struct Lists {
    /// Each word packed, with its lists.
    words: Vec<(u128, u8)>,
    /// The range of `words` for each length and first byte ([`Lists::group`]).
    groups: Vec<(usize, usize)>,
}

/// Room for the longest listed word (a test checks that every one fits).
const LISTED_BYTES: usize = 16;

impl Lists {
    fn new() -> Lists {
        let mut words: Vec<(&str, u8)> = Vec::new();
        for (list, bit) in ALL_LISTS {
            for w in list {
                match words.iter_mut().find(|(x, _)| x == w) {
                    Some((_, bits)) => *bits |= bit,
                    None => words.push((w, bit)),
                }
            }
        }
        words.sort_by_key(|(w, _)| Lists::group(w.as_bytes()));
        let mut groups = vec![(0, 0); (LISTED_BYTES + 1) * 27];
        for (i, (w, _)) in words.iter().enumerate() {
            if let Some(g) = Lists::group(w.as_bytes()).and_then(|g| groups.get_mut(g)) {
                *g = if g.1 == 0 { (i, i + 1) } else { (g.0, i + 1) };
            }
        }
        let words = words
            .iter()
            .map(|(w, bits)| (packed(w.as_bytes()).unwrap_or(0), *bits))
            .collect();
        Lists { words, groups }
    }

    /// The group of a word: by its length and first byte (a letter, or any other); none when
    /// it is empty or longer than any listed word.
    fn group(word: &[u8]) -> Option<usize> {
        let (&first, 1..=LISTED_BYTES) = (word.first()?, word.len()) else {
            return None;
        };
        let letter = if first.is_ascii_lowercase() {
            usize::from(first - b'a')
        } else {
            26
        };
        Some(word.len() * 27 + letter)
    }

    /// The lists the bare word `b` is in, one bit a list (0 for none).
    fn of(&self, b: &str) -> u8 {
        let Some(&(from, to)) = Lists::group(b.as_bytes()).and_then(|g| self.groups.get(g)) else {
            return 0;
        };
        // Most words have no group of their own length and first letter: they are not packed.
        let group = self.words.get(from..to).unwrap_or_default();
        if group.is_empty() {
            return 0;
        }
        let key = packed(b.as_bytes());
        group
            .iter()
            .find(|(w, _)| Some(*w) == key)
            .map_or(0, |(_, bits)| *bits)
    }
}

/// A word's bytes as one number, zeros after; none when it is too long for any listed word.
fn packed(word: &[u8]) -> Option<u128> {
    let mut buf = [0u8; LISTED_BYTES];
    buf.get_mut(..word.len())?.copy_from_slice(word);
    Some(u128::from_le_bytes(buf))
}

/// True when the bare word `b` is in one of the lists in `bits`.
fn listed(b: &str, bits: u8) -> bool {
    LISTS.of(b) & bits != 0
}

/// True for a word that ends a phrase read backwards or forwards.
fn is_stop(word: &str) -> bool {
    // Read once as `&str`: each read of a lowered `Bare` checks its bytes again.
    let lowered = bare(word);
    let b: &str = &lowered;
    b.is_empty() || b.bytes().any(|c| c.is_ascii_digit()) || is_verb_or(b, FUNCTION)
}

/// True for a verb: listed, or an "-ing"/"-ed" word that is not a known noun. `b` is bare.
fn is_verb(b: &str) -> bool {
    is_verb_or(b, 0)
}

/// True for a verb or a word in the lists in `bits`, with one look-up.
fn is_verb_or(b: &str, bits: u8) -> bool {
    let lists = LISTS.of(b);
    lists & bits != 0 || verb_in(b, lists)
}

/// True for a verb, given the lists the bare word `b` is in.
fn verb_in(b: &str, lists: u8) -> bool {
    if lists & VERB != 0 {
        return true;
    }
    let verb_like = (b.ends_with("ing") && b.len() > 5) || (b.ends_with("ed") && b.len() > 4);
    // A hyphenated "-ed" word is an adjective ("women-owned", "remittance-linked").
    verb_like && lists & NOUN_ING_ED == 0 && !b.ends_with("eed") && !b.contains('-')
}

/// True when a word carries punctuation that closes a clause on its right (",", ";", ":", a
/// sentence's end), but not the period of an abbreviation ("U.S.", "D.C.").
#[inline(always)]
fn closes_clause(word: &str) -> bool {
    // Most words end in none of these: the last byte is tested inline (it is called for every
    // word of an opening phrase; an em dash ends in 0x94, a byte only a few other characters
    // end in), and the abbreviation is only looked for after a period.
    match word.as_bytes().last() {
        Some(b',' | b';' | b':' | b'!' | b'?' | b')' | b'"') => true,
        Some(b'.') => !is_abbreviation(word),
        Some(0x94) => word.ends_with('\u{2014}'),
        _ => false,
    }
}

/// True for a word ending in the period of an abbreviation ("U.S.", "D.C."): one capital
/// letter before its last period.
fn is_abbreviation(word: &str) -> bool {
    word.ends_with('.')
        && word
            .trim_end_matches('.')
            .rsplit('.')
            .next()
            .is_some_and(|last| last.chars().count() == 1 && last.chars().all(char::is_uppercase))
}

/// The words after a short opening aside ("In addition,", "To date,", "For example,"): the
/// sentence's subject starts there.
fn skip_aside<'w>(words: &'w [&'w str]) -> &'w [&'w str] {
    // Most sentences open with no aside word: their commas are not looked for.
    if !words.first().is_some_and(|w| listed(&bare(w), ASIDE_START)) {
        return words;
    }
    match words
        .iter()
        .take(MAX_ASIDE_WORDS)
        .position(|w| w.ends_with(','))
    {
        Some(i) if i + 1 < words.len() && !words[..=i].iter().any(|w| is_verb(&bare(w))) => {
            &words[i + 1..]
        }
        _ => words,
    }
}

/// An aside before a sentence's subject has at most this many words.
const MAX_ASIDE_WORDS: usize = 12;

/// Words that open a short aside before a sentence's subject ("In addition,", "To date,").
#[rustfmt::skip]
const ASIDE_STARTS: &[&str] = &[
    "in", "to", "for", "as", "at", "by", "on", "since", "from", "with", "under", "over", "through",
    "during", "after", "before", "additionally", "moreover", "furthermore", "meanwhile", "today",
    "overall", "together", "also", "however", "according", "thanks", "following", "last", "this",
    "across", "within", "already", "currently", "finally", "first", "second", "third", "now",
    "recently", "earlier", "later", "separately", "similarly", "likewise", "notably",
];

/// Nouns that make "in …" an idiom, not a place ("in response to", "in addition to").
#[rustfmt::skip]
const NOT_PLACES: &[&str] = &[
    "response", "addition", "support", "partnership", "order", "line", "collaboration",
    "coordination", "total", "particular", "part", "turn", "fact", "need", "light", "terms",
    "place", "time", "advance", "return", "exchange", "recognition", "honor", "memory",
];

/// A place after a counted noun, or what it is made of: "in the region", "across Central
/// America", "of sediment" (up to four words, up to the first clause punctuation). The first
/// word of `right` is one that [`opens_place`].
fn place_after(right: &[&str]) -> Option<String> {
    let first = right.first()?;
    if right.get(1).is_some_and(|w| listed(&bare(w), NOT_PLACE)) {
        return None;
    }
    let mut out = vec![*first];
    let mut ended = false;
    for (k, w) in right.iter().enumerate().skip(1) {
        let lowered = bare(w);
        let b: &str = &lowered;
        let article = matches!(b, "the" | "a" | "an");
        // A place is one phrase: a second preposition or a verb ends it.
        if !article && (is_stop(w) || is_place_word(b) || listed(b, JOINER)) {
            ended = true;
            break;
        }
        if out.len() > MAX_PLACE_WORDS {
            break;
        }
        out.push(w);
        if closes_clause(w) {
            ended = true;
            // A comma inside a list of plain words ("agricultural, aquaculture, and fishing
            // sectors") cuts the place short of its noun: leave the place out.
            let lowered = right.get(k + 1).map_or(Bare::Borrowed(""), |n| bare(n));
            let next: &str = &lowered;
            let list_goes_on = w.ends_with(',')
                && next.chars().next().is_some_and(char::is_lowercase)
                && !is_stop(next)
                && !matches!(next, "and" | "or");
            if list_goes_on {
                return None;
            }
            break;
        }
    }
    // A place cut at the word limit would stop in the middle of its noun phrase.
    if !ended && out.len() < right.len() {
        return None;
    }
    // The preposition opens the place; joiners left at its end go.
    while out.len() > 1 && out.last().is_some_and(|w| listed(&bare(w), JOINER)) {
        out.pop();
    }
    (out.len() >= 2).then(|| clean(&out.join(" ")))
}

/// True when `first`, the word after a counted noun, may open a place ([`place_after`]).
fn opens_place(first: &str) -> bool {
    is_place_word(&bare(first)) && !closes_clause(first)
}

/// A place has at most this many words after its preposition.
const MAX_PLACE_WORDS: usize = 4;

/// True for a preposition that opens a place (or "of").
fn is_place_word(b: &str) -> bool {
    b == "of" || listed(b, PLACE_PREPOSITION)
}

/// The noun phrase just before the figure, read backwards past a linking word or two ("the
/// overall total of new commitments to" → "overall total of new commitments").
fn noun_phrase_before(left: &[&str]) -> Option<String> {
    let mut i = left.len();
    // Linking words between the phrase and the figure.
    let mut skipped = 0;
    while i > 0 && skipped < 2 {
        let w = left[i - 1];
        let b = bare(w);
        let link = matches!(
            &*b,
            "to" | "of"
                | "at"
                | "by"
                | "is"
                | "was"
                | "are"
                | "were"
                | "reached"
                | "totaled"
                | "totaling"
                | "totalling"
                | "worth"
                | "reaching"
                | "reach"
                | "reaches"
                | "than"
                | "be"
                | "been"
                | "hit"
                | "topped"
        );
        if !link || closes_clause(w) {
            break;
        }
        i -= 1;
        skipped += 1;
    }
    if skipped == 0 {
        return None;
    }
    // A verb of change between the subject and its figure ("savings grew by 20 points").
    if i > 0 && listed(&bare(left[i - 1]), CHANGE) && !closes_clause(left[i - 1]) {
        i -= 1;
    }
    let end = i;
    while i > 0 {
        let w = left[i - 1];
        if is_stop(w) || closes_clause(w) || end - i >= MAX_LABEL_WORDS {
            break;
        }
        i -= 1;
    }
    // Trimmed of joiners, a phrase of any words holds one that is not a joiner.
    let phrase = trim_joiners(&left[i..end]);
    (!phrase.is_empty()).then(|| clean(&phrase.join(" ")))
}

/// A clause leading to a figure is a label when it has at most this many words.
const MAX_CLAUSE_WORDS: usize = 7;

/// The clause that leads to the figure when no noun phrase does: a subject and its verb, the
/// words since the last clause punctuation, at most [`MAX_LABEL_WORDS`] ("From 2023 to 2028,
/// Acceso will invest" → "Acceso will invest"). None unless the words end with a verb.
fn clause_before(left: &[&str]) -> Option<String> {
    let mut i = left.len();
    while i > 0 && !closes_clause(left[i - 1]) {
        i -= 1;
    }
    let mut words = &left[i..];
    // Articles, hedges and another figure's number before the subject say nothing of it.
    while let Some((w, rest)) = words.split_first() {
        if !opens_clause_idly(w) {
            break;
        }
        words = rest;
    }
    // Only a short clause is a subject and its verb; a longer one is left to the subject.
    if words.len() > MAX_CLAUSE_WORDS {
        return None;
    }
    // A clause cut short of its subject ("in the 2021 Strategy to provide") says too little.
    if words.first().is_some_and(|w| {
        let lowered = bare(w);
        let b: &str = &lowered;
        listed(b, PLACE_PREPOSITION) || b == "to"
    }) {
        return None;
    }
    // Words between the verb and the figure that say nothing on their own.
    while let Some((w, rest)) = words.split_last() {
        if !matches!(
            &*bare(w),
            "the" | "a" | "an" | "additional" | "another" | "further" | "new" | "over" | "up"
        ) {
            break;
        }
        words = rest;
    }
    // Another figure's number in the clause would change with it.
    if words.iter().any(|w| w.bytes().any(|c| c.is_ascii_digit())) {
        return None;
    }
    let ends_with_verb = words.last().is_some_and(|w| is_verb(&bare(w)));
    // A word that says something: looked for last, as most clauses fail the other tests.
    let content = || words.iter().any(|w| !is_stop(w));
    (ends_with_verb && words.len() >= 2 && content()).then(|| clean(&words.join(" ")))
}

/// True for an article, a hedge or a number: words before a clause's subject that say nothing
/// of it ([`clause_before`]).
fn opens_clause_idly(w: &str) -> bool {
    let lowered = bare(w);
    let b: &str = &lowered;
    matches!(
        b,
        "the"
            | "a"
            | "an"
            | "and"
            | "approximately"
            | "about"
            | "nearly"
            | "almost"
            | "over"
            | "some"
            | "roughly"
            | "around"
            | "more"
            | "than"
            | "up"
            | "to"
            | "least"
            | "at"
    ) || b.bytes().any(|c| c.is_ascii_digit())
}

/// The opening words of the sentence, before the figure: its subject as a last resort
/// ("Banco Cuscatlan, the second-largest bank…" → "Banco Cuscatlan").
fn subject_before(left: &[&str]) -> Option<String> {
    // Up to the first clause punctuation, at most [`MAX_LABEL_WORDS`] words.
    let rest = skip_aside(left);
    let n = rest
        .iter()
        .take(MAX_LABEL_WORDS)
        .position(|w| closes_clause(w))
        .map_or(rest.len().min(MAX_LABEL_WORDS), |k| k + 1);
    let mut words = &rest[..n];
    // The subject ends at its verb.
    if let Some(v) = words.iter().position(|w| is_verb(&bare(w))) {
        words = &words[..v];
    }
    let mut words = trim_joiners(words);
    while let Some((w, rest)) = words.split_last() {
        if !(is_stop(w) || is_place_word(&bare(w))) {
            break;
        }
        words = rest;
    }
    let opening = words
        .iter()
        .take_while(|w| matches!(&*bare(w), "the" | "a" | "an" | "to" | "date"))
        .count();
    let words = &words[opening..];
    words
        .iter()
        .any(|w| !is_stop(w))
        .then(|| clean(&words.join(" ")))
        .filter(|p| !p.is_empty())
}

/// An opening phrase of a text's first sentence for a claim without figures: its first
/// clause, cut at [`MAX_LABEL_WORDS`] words. (Most claims have no figure: this runs for most
/// claims, so its words stay on the stack, and the sentence's end is looked for only among
/// the words read.)
fn opening_phrase(text: &str) -> Option<String> {
    // The aside and the phrase after it are all that is read.
    let mut buf = [""; MAX_ASIDE_WORDS + MAX_LABEL_WORDS + 1];
    // Without an aside, the phrase's words are all that is read: most sentences open with none.
    let mut all = first_words(text, &mut buf[..MAX_LABEL_WORDS]);
    let aside = listed(&bare(buf[0]), ASIDE_START);
    if aside && all == MAX_LABEL_WORDS {
        // The aside's words go on from the end of the last word read, a slice of `text`: the
        // words before it are not split again.
        let end = end_in(text, buf[all - 1]);
        if let Some(more) = end.and_then(|end| text.get(end..)) {
            all += first_words(more, &mut buf[all..]);
        }
    }
    let all = in_first_sentence(text, &buf[..all]);
    let rest = if aside {
        skip_aside(&buf[..all])
    } else {
        &buf[..all]
    };
    let mut n = 0;
    let mut at_number = false;
    for w in rest {
        // A number belongs to a figure, whose value may change: the label stops before it.
        if w.bytes().any(|c| c.is_ascii_digit()) {
            while n > 0
                && matches!(
                    &*bare(rest[n - 1]),
                    "more"
                        | "than"
                        | "over"
                        | "nearly"
                        | "about"
                        | "approximately"
                        | "almost"
                        | "up"
                        | "to"
                        | "least"
                        | "at"
                        | "an"
                        | "estimated"
                        | "some"
                        | "roughly"
                )
            {
                n -= 1;
            }
            at_number = true;
            break;
        }
        n += 1;
        if closes_clause(w) || n >= MAX_LABEL_WORDS {
            break;
        }
    }
    // A phrase cut at the word limit ends on a noun, not on a verb or a joiner; one cut at a
    // figure keeps its verb ("The Department has provided").
    while n > 1 && !ends_opening(rest[n - 1], at_number) {
        n -= 1;
    }
    let phrase = clean(&joined(text, &rest[..n]));
    (!phrase.is_empty() && !looks_like_slug(&phrase)).then_some(phrase)
}

/// Where `word`, a slice of `text`, ends in it.
fn end_in(text: &str, word: &str) -> Option<usize> {
    (word.as_ptr() as usize + word.len()).checked_sub(text.as_ptr() as usize)
}

/// How many of `words` (the first words of `text`, slices of it) stand in its first sentence
/// (split as `text::sentences` splits): a sentence's end is the last byte of a word, as a space
/// or the text's end follows it.
fn in_first_sentence(text: &str, words: &[&str]) -> usize {
    let Some(limit) = words.last().and_then(|w| end_in(text, w)) else {
        return 0;
    };
    match crate::text::end_within(text.as_bytes(), 0, limit) {
        Some(i) => words
            .iter()
            .take_while(|w| end_in(text, w).is_some_and(|e| e <= i + 1))
            .count(),
        None => words.len(),
    }
}

/// True when `word` may end an opening phrase: not a stop word, joiner or preposition, but a
/// verb when the phrase was cut at a figure. One look-up of the word's lists serves all.
fn ends_opening(word: &str, at_number: bool) -> bool {
    let lowered = bare(word);
    let b: &str = &lowered;
    let lists = LISTS.of(b);
    let verb = verb_in(b, lists);
    let stop =
        b.is_empty() || b.bytes().any(|c| c.is_ascii_digit()) || verb || lists & FUNCTION != 0;
    let verb_kept = at_number && verb;
    !((stop && !verb_kept) || lists & (JOINER | PLACE_PREPOSITION) != 0)
}

/// `words` joined by single spaces: borrowed from `text` when they stand in it one space
/// apart, as in every normalised text (one copy a label, not two).
fn joined<'t>(text: &'t str, words: &[&str]) -> Cow<'t, str> {
    // Where a word stands in `text`, when it is a slice of it.
    let offset = |w: &str| {
        let at = (w.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
        (at + w.len() <= text.len()).then_some(at)
    };
    let one_apart = words
        .windows(2)
        .all(|p| match (offset(p[0]), offset(p[1])) {
            (Some(a), Some(b)) => {
                let end = a + p[0].len();
                b == end + 1 && text.as_bytes().get(end) == Some(&b' ')
            }
            _ => false,
        });
    let span = match (words.first(), words.last()) {
        (Some(first), Some(last)) if one_apart => offset(first)
            .zip(offset(last))
            .and_then(|(a, b)| text.get(a..b + last.len())),
        _ => None,
    };
    span.map_or_else(|| Cow::Owned(words.join(" ")), Cow::Borrowed)
}

/// The words of `s` between whitespace, as `split_whitespace` gives them.
fn words_of(s: &str) -> Vec<&str> {
    let mut words = Vec::with_capacity(s.len() / 6 + 1);
    crate::text::each_word(s, false, |a, b| {
        words.extend(s.get(a..b));
        true
    });
    words
}

/// The first word of `s`, as `split_whitespace` gives it: read byte by byte when it and the
/// spaces around it are ASCII, as a quote's first word is.
fn first_word(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let start = b.iter().position(|c| !matches!(c, b' ' | b'\t'..=b'\r'))?;
    let end = b
        .get(start..)
        .unwrap_or_default()
        .iter()
        .position(|c| matches!(c, b' ' | b'\t'..=b'\r' | 0x80..))
        .map_or(b.len(), |k| start + k);
    match (b.get(start), b.get(end)) {
        // A character of more bytes may be a space.
        (Some(0x80..), _) | (_, Some(0x80..)) => s.split_whitespace().next(),
        _ => s.get(start..end),
    }
}

/// The first words of `s` (as [`words_of`] gives them) into `buf`, as many as it holds; how
/// many there were.
fn first_words<'s>(s: &'s str, buf: &mut [&'s str]) -> usize {
    let mut n = 0;
    crate::text::each_word(s, false, |a, b| {
        let (Some(slot), Some(w)) = (buf.get_mut(n), s.get(a..b)) else {
            return false;
        };
        *slot = w;
        n += 1;
        n < buf.len()
    });
    n
}

/// Drops joiners ("of", "and", "in"…) from both ends.
fn trim_joiners<'a, 'w>(mut words: &'a [&'w str]) -> &'a [&'w str] {
    while let Some((w, rest)) = words.split_first() {
        if !listed(&bare(w), JOINER) {
            break;
        }
        words = rest;
    }
    while let Some((w, rest)) = words.split_last() {
        if !listed(&bare(w), JOINER) {
            break;
        }
        words = rest;
    }
    words
}

/// Cuts to [`MAX_LABEL_WORDS`] words, as [`clean`] trims them.
fn cap(phrase: String) -> String {
    // Most phrases are short, one-spaced and clean already: kept, not copied.
    if is_capped(&phrase) {
        return phrase;
    }
    let mut buf = [""; MAX_LABEL_WORDS];
    let n = first_words(&phrase, &mut buf);
    clean(&joined(&phrase, &buf[..n]))
}

/// True when [`cap`] would give `phrase` back as it is: printable ASCII words one space
/// apart, at most [`MAX_LABEL_WORDS`], a letter or digit at both ends and no bracket.
fn is_capped(phrase: &str) -> bool {
    let b = phrase.as_bytes();
    let plain = |c: Option<&u8>| c.is_some_and(u8::is_ascii_alphanumeric);
    if !plain(b.first()) || !plain(b.last()) {
        return false;
    }
    let (mut spaces, mut after_space) = (0, false);
    for &c in b {
        match c {
            b' ' if after_space => return false,
            b' ' => spaces += 1,
            b'(' | b')' => return false,
            b'!'..=b'~' => {}
            _ => return false,
        }
        after_space = c == b' ';
    }
    spaces < MAX_LABEL_WORDS
}

/// Trims clause punctuation and brackets left at either end ("region," → "region").
fn clean(phrase: &str) -> String {
    let b = phrase.as_bytes();
    // Most phrases have a letter or digit at both ends and no bracket: nothing to trim.
    let plain = |c: Option<&u8>| c.is_some_and(u8::is_ascii_alphanumeric);
    if plain(b.first()) && plain(b.last()) && memchr::memchr2(b'(', b')', b).is_none() {
        return phrase.to_string();
    }
    let trimmed = phrase
        .trim()
        .trim_end_matches([',', ';', ':', '.', '!', '?', ' '])
        .trim_start_matches([',', ';', ':', ' ']);
    // A bracket left open or closed at one end only is cut.
    let opens = trimmed.bytes().filter(|&b| b == b'(').count();
    let closes = trimmed.bytes().filter(|&b| b == b')').count();
    let t = if closes > opens {
        trimmed.trim_end_matches(')')
    } else if opens > closes {
        trimmed.trim_start_matches('(')
    } else {
        trimmed
    };
    t.trim().to_string()
}

/// True for text shaped like a slug: one lower-case word of letters and digits joined by
/// hyphens (`private-sector-firms`). Labels never look like that.
pub fn looks_like_slug(text: &str) -> bool {
    let b = text.as_bytes();
    let slug_byte = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-';
    // Most labels open with a capital or hold a space: the first byte or a scan of the first
    // word tells them apart, before the hyphen is looked for.
    b.first().is_some_and(|&c| c != b'-')
        && b.last().is_some_and(|&c| c != b'-')
        && b.iter().all(slug_byte)
        && b.contains(&b'-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{Qualifier, Unit};

    fn fig(sentence: &str, quote: &str, noun: &str) -> Figure {
        Figure {
            measure: "usd".into(),
            value: Default::default(),
            max: None,
            unit: Unit::Usd,
            noun: noun.into(),
            qualifier: Qualifier::Exact,
            quote: quote.into(),
            written: String::new(),
            class: Default::default(),
            noun_from: Default::default(),
            context: Vec::new(),
            names: Vec::new(),
            sentence: sentence.into(),
            line: None,
            fragment: String::new(),
        }
    }

    #[test]
    fn a_money_noun_read_from_its_verb_leaves_the_label_to_the_clause() {
        let sentence = "PepsiCo is investing at least $190 million in the region.";
        let mut f = fig(sentence, "at least $190 million", "investment");
        assert_eq!(
            figure_phrase(&f).as_deref(),
            Some("investment in the region")
        );
        f.noun_from = crate::figure::NounFrom::Before;
        assert_eq!(figure_phrase(&f).as_deref(), Some("PepsiCo is investing"));
    }

    #[test]
    fn phrases_from_real_sentences() {
        let cases = [
            (
                "Today's announcement brings the overall total of new commitments to more than $5.2 billion since May 2021.",
                "more than $5.2 billion",
                "",
                "overall total of new commitments",
            ),
            (
                "To date, CAF and other PCA partners include more than 50 companies and organizations that have made commitments.",
                "more than 50 companies and organizations",
                "companies and organizations",
                "companies and organizations",
            ),
            (
                "The program reached 250,000 youth in the region, and more.",
                "250,000 youth",
                "youth",
                "youth in the region",
            ),
            (
                "From 2023 to 2028, Acceso will invest $3.6 million directly in El Salvador.",
                "$3.6 million",
                "",
                "Acceso will invest",
            ),
            (
                "Remittance-linked savings grew by at least 20 percentage points.",
                "at least 20 percentage points",
                "percentage points",
                "Remittance-linked savings",
            ),
            (
                "Over 10,000 producers in the agricultural, aquaculture, and fishing sectors will benefit.",
                "Over 10,000 producers",
                "producers",
                "producers",
            ),
        ];
        for (sentence, quote, noun, want) in cases {
            assert_eq!(
                figure_phrase(&fig(sentence, quote, noun)).as_deref(),
                Some(want),
                "{sentence}"
            );
        }
    }

    #[test]
    fn quotes_are_found_at_their_first_words_and_read_a_few_words_on() {
        let s = "It added 5 Million, then 5 million jobs in the towns of the coast and more words here.";
        let all = s.split_whitespace().count();
        let found =
            |q: &str| find_words(s, q, true, RIGHT_WORDS).map(|(w, qa, qb)| (w.len(), qa, qb));
        assert_eq!(found("5 million"), Some((4 + RIGHT_WORDS, 2, 4)));
        assert_eq!(found("(then 5"), Some((6 + RIGHT_WORDS, 4, 6)));
        assert_eq!(found("more words here"), Some((all, all - 3, all)));
        assert_eq!(found("IT"), Some((1 + RIGHT_WORDS, 0, 1)));
        assert_eq!(found("absent"), None);
        assert_eq!(found(""), None);
        assert!(same("Caf\u{c9}", "caf\u{e9}") && !same("\u{e9}t\u{e9}", "ete"));
        // A Kelvin sign (three bytes) lowers to "k": a longer quote word still matches.
        let kelvin = "5 k jobs";
        assert_eq!(
            find_words(kelvin, "5 \u{212a} jobs", true, RIGHT_WORDS).map(|(_, qa, qb)| (qa, qb)),
            Some((0, 3))
        );
    }

    #[test]
    fn quotes_found_verbatim_are_where_a_scan_finds_them() {
        // Sentence, quote, and whether the quote is found without a scan.
        let cases = [
            ("It added 5 million jobs in the towns.", "5 million", true),
            ("It added 5 Million, then 5 million.", "5 million", false),
            ("It added 25 million, then 5 million.", "5 million", false),
            ("It added 5.25 million, then 6 million.", "6 million", true),
            ("x5 million and 5 million more", "5 million", false),
            ("Up 5 millions, and 5 million jobs", "5 million", false),
            ("caf\u{e9} 5 million jobs", "5 million", false),
            ("5 million jobs", "5 million", true),
            ("It (5 million) grew.", "5 million)", false),
            ("It grew by (5 million).", "(5 million).", true),
            ("More than 5 jobs, more than 6 jobs", "more than 6", false),
            ("It grew, to more than 6 jobs", "more than 6", true),
            ("a\u{a0}5 million", "5 million", false),
            ("It added 5\tmillion jobs", "5 million", false),
            ("It added 5 million jobs", "5  million", false),
            ("It added 5 million", "- 5 million", false),
            ("It added 5 million, then more.", "5 million", true),
            ("It added 5 million, then more.", "5 million ", false),
            ("It added 5 million, then more.", " 5 million,", false),
            ("It added 5 million\u{2014}then more.", "5 million", false),
            ("It added 5 million \u{2014} then more.", "5 million ", true),
            ("It added 5 mill", "5 million", false),
            ("It added 5 Million", "5 million", false),
        ];
        for (sentence, quote, fast) in cases {
            let bare: Vec<&str> = words_of(quote).into_iter().map(quote_bare).collect();
            let scanned = scan_for(sentence, &bare);
            let full = find_words(sentence, quote, true, RIGHT_WORDS);
            assert_eq!(full, scanned, "{sentence}");
            // Without the words before the quote, the quote's and those after it are the same,
            // read at once or read on from fewer.
            let after =
                |(w, qa, qb): (Vec<&'static str>, usize, usize)| (w[qa..].to_vec(), qb - qa);
            let scanned = scanned.map(after);
            for right in [0, 1, RIGHT_WORDS] {
                let short = find_words(sentence, quote, false, right).map(|(mut w, qa, qb)| {
                    assert!(w.len() <= qb + right.max(RIGHT_WORDS), "{sentence}");
                    read_on(sentence, &mut w, qb + RIGHT_WORDS);
                    (w, qa, qb)
                });
                assert_eq!(short.map(after), scanned, "{sentence} {right}");
            }
            let found = verbatim(sentence, quote, true, RIGHT_WORDS).is_some();
            assert_eq!(found, fast, "{sentence}");
        }
    }

    #[test]
    fn lists_find_their_words_and_no_others() {
        // The lists of a word by a scan of each list.
        let slow = |w: &str| {
            ALL_LISTS
                .iter()
                .filter(|(list, _)| list.contains(&w))
                .fold(0, |acc, (_, bit)| acc | bit)
        };
        for (list, bit) in ALL_LISTS {
            for w in list {
                assert!(w.len() <= LISTED_BYTES, "{w}");
                assert!(listed(w, bit), "{w}");
                assert_eq!(LISTS.of(w), slow(w), "{w}");
                // A word one byte longer or shorter, or in another case, is another word.
                let longer = format!("{w}s");
                assert_eq!(LISTS.of(&longer), slow(&longer), "{w}");
                assert_eq!(LISTS.of(&w[1..]), slow(&w[1..]), "{w}");
                let upper = w.to_uppercase();
                if upper != *w {
                    assert_eq!(LISTS.of(&upper), 0, "{w}");
                }
            }
        }
        let long = "x".repeat(40);
        for w in ["", "jobs", "the\u{0}", "\u{e9}t\u{e9}", &long, "&", "&&"] {
            assert_eq!(LISTS.of(w), slow(w), "{w:?}");
        }
        assert_eq!(LISTS.of("in"), JOINER | PLACE_PREPOSITION | ASIDE_START);
    }

    #[test]
    fn capped_phrases_are_what_a_cut_and_clean_make_of_them() {
        let slow = |p: &str| {
            let mut buf = [""; MAX_LABEL_WORDS];
            let n = first_words(p, &mut buf);
            clean(&joined(p, &buf[..n]))
        };
        // Phrase, and whether it is kept as it is.
        let cases = [
            ("new jobs", true),
            ("x", true),
            ("1 2 3 4 5 6 7 8", true),
            ("1 2 3 4 5 6 7 8 9", false),
            ("jobs,", false),
            ("new  jobs", false),
            ("new\tjobs", false),
            (" new jobs", false),
            ("new jobs ", false),
            ("new (old) jobs", false),
            ("caf\u{e9} jobs", false),
            ("new\u{a0}jobs", false),
            ("U.S. jobs", true),
            ("", false),
        ];
        for (phrase, kept) in cases {
            assert_eq!(is_capped(phrase), kept, "{phrase}");
            assert_eq!(cap(phrase.to_string()), slow(phrase), "{phrase}");
        }
    }

    #[test]
    fn first_words_are_those_split_whitespace_gives() {
        let every = crate::text::every_space_text();
        let mut texts = vec![
            every.clone(),
            "5 million".into(),
            "  5\tm".into(),
            String::new(),
        ];
        texts.extend(
            [
                "\u{a0}5 m",
                "5\u{a0}m",
                "caf\u{e9} x",
                "\u{2003}",
                "\x0b5\x0cm",
                " \r\n ",
            ]
            .map(String::from),
        );
        for text in &texts {
            for (i, _) in text.char_indices() {
                let s = &text[i..];
                assert_eq!(first_word(s), s.split_whitespace().next(), "{s:?}");
            }
        }
    }

    #[test]
    fn clean_trims_joining_punctuation_and_lone_brackets() {
        let cases = [
            ("youth in the region", "youth in the region"),
            ("region,", "region"),
            (" ;new jobs. ", "new jobs"),
            ("jobs (new", "jobs (new"),
            ("(new jobs", "new jobs"),
            ("new jobs)", "new jobs"),
            ("(new) jobs", "(new) jobs"),
            ("jobs\u{a0}", "jobs"),
            ("\u{e9}t\u{e9}", "\u{e9}t\u{e9}"),
            ("a", "a"),
            (",", ""),
            ("", ""),
        ];
        for (phrase, want) in cases {
            assert_eq!(clean(phrase), want, "{phrase:?}");
        }
    }

    #[test]
    fn words_are_joined_from_their_text_when_one_space_apart() {
        let text = "a b  c d";
        let w: Vec<&str> = text.split_whitespace().collect();
        assert!(matches!(joined(text, &w[..2]), Cow::Borrowed("a b")));
        assert!(matches!(joined(text, &w[2..]), Cow::Borrowed("c d")));
        assert_eq!(joined(text, &w[1..3]), "b c");
        assert_eq!(joined(text, &[w[0], w[2]]), "a c");
        assert_eq!(joined(text, &[]), "");
        assert_eq!(joined(text, &["x", "y"]), "x y");
        let tab = "a\tb";
        let w: Vec<&str> = tab.split_whitespace().collect();
        assert!(matches!(joined(tab, &w), Cow::Owned(s) if s == "a b"));
    }

    #[test]
    fn abbreviations_and_asides_do_not_cut_phrases() {
        assert!(!closes_clause("U.S."));
        assert!(closes_clause("region."));
        for (word, closes) in [
            ("region,", true),
            ("jobs;", true),
            ("so:", true),
            ("now!", true),
            ("why?", true),
            ("(all)", true),
            ("\"said\"", true),
            ("people\u{2014}", true),
            ("x\u{2014}y", false),
            ("people\u{2013}", false),
            ("\u{2194}", false),
            ("jobs", false),
            ("(all", false),
            ("", false),
        ] {
            assert_eq!(closes_clause(word), closes, "{word:?}");
        }
        assert_eq!(
            opening_phrase("In addition, the U.S. Government trained judges.").as_deref(),
            Some("the U.S. Government trained judges")
        );
        // An aside longer than a phrase: its comma is past the words read first.
        assert_eq!(
            opening_phrase("In the first three quarters of the fiscal year, the Department trained 400 judges.")
                .as_deref(),
            Some("the Department trained")
        );
        let f = fig(
            "The Administration is on track to meet its commitment in the 2021 Strategy to provide $4 billion.",
            "$4 billion",
            "",
        );
        assert_eq!(figure_phrase(&f).as_deref(), Some("Administration"));
        assert_eq!(
            opening_phrase("These are long-term efforts, but not all.").as_deref(),
            Some("These are long-term efforts")
        );
    }

    #[test]
    fn opening_phrases_read_only_the_first_sentence() {
        for (text, phrase) in [
            ("In 2023. Then, the agency trained judges.", Some("In")),
            ("In addition, the U.S. Government trained judges. More", Some("the U.S. Government trained judges")),
            ("Jobs grew! Then many more came later in the year", Some("Jobs")),
            ("In the first three quarters of the year. The Department, with partners, trained judges", Some("In the first three quarters of the year")),
            ("No end at all in this text of quite a few words", Some("No end at all in this text")),
            ("  ", None),
            ("", None),
        ] {
            let by_sentence = crate::text::first_sentence(text).and_then(opening_phrase);
            assert_eq!(opening_phrase(text), by_sentence, "{text:?}");
            assert_eq!(opening_phrase(text).as_deref(), phrase, "{text:?}");
        }
    }

    #[test]
    fn labels_prefer_headings_and_are_never_slugs() {
        let f = fig("It created 90,000 new jobs.", "90,000 new jobs", "new jobs");
        assert_eq!(
            figure_label(Some("Job Creation"), "Job Creation", &f),
            "Job Creation: new jobs"
        );
        assert_eq!(figure_label(None, "x", &f), "new jobs");
        let bare = fig("", "$5 million", "");
        assert_eq!(figure_label(None, "the claim", &bare), "the claim");
        assert!(looks_like_slug("private-sector-firms"));
        assert!(!looks_like_slug("private sector firms"));
        assert!(!looks_like_slug("Job Creation: state-of-the-art"));
        for (text, slug) in [
            ("a-b", true),
            ("covid-19", true),
            ("-a-b", false),
            ("a-b-", false),
            ("-", false),
            ("ab", false),
            ("a-B", false),
            ("a-b c", false),
            ("caf\u{e9}-x", false),
            ("", false),
        ] {
            assert_eq!(looks_like_slug(text), slug, "{text}");
        }
        let sluggy = fig("", "two state-of-the-art", "state-of-the-art");
        assert_eq!(figure_phrase(&sluggy), None);
        let mut cell = fig("Ohio | 1,200 | 4.5", "1,200", "households served");
        cell.noun_from = NounFrom::Column;
        assert_eq!(figure_label(None, "Ohio", &cell), "Ohio: households served");
    }
}
