//! Citing a figure: the sentence it stands in, the line of the source it stands on, and a short
//! snippet of that sentence, found once in the edition, to link to with a URL text fragment
//! (`https://…#:~:text=…`, the WICG "Text Fragments" syntax that browsers scroll to and
//! highlight).
//!
//! Filled once when a pull is extracted ([`annotate`] and [`locate_lines`]) and when a claim set
//! of an older schema is read; reports only read what is stored.

use crate::claimset::{Claim, ClaimSet};
use crate::figure::Figure;
use crate::text::{Cut, Cutter};
use std::borrow::Cow;

/// A fragment grows to at least this many words when the sentence has them, so that it reads as
/// a phrase and is likely to be unique on the page as well as in the extracted text.
pub const MIN_FRAGMENT_WORDS: usize = 8;
/// A fragment is at most this many words: the whole sentence when it is this short.
pub const MAX_FRAGMENT_WORDS: usize = 20;

/// Fills what is missing from what a claim set holds: each claim's label, and each figure's
/// sentence and fragment from its claim's words (claims kept without words get labels only).
/// Idempotent: stored values are kept.
pub fn annotate(set: &mut ClaimSet) {
    annotate_with(set, None);
}

/// [`annotate`] of a claim set just extracted, whose figures' sentences were cut when they
/// were classed ([`Cutter`]): `cuts` holds each figure's sentence, claim after claim, so that
/// no sentence is looked for twice.
pub(crate) fn annotate_cut(set: &mut ClaimSet, cuts: &[Option<Cut>]) {
    annotate_with(set, Some(cuts));
}

/// [`annotate`], with the figures' sentences when they are known.
fn annotate_with(set: &mut ClaimSet, mut cuts: Option<&[Option<Cut>]>) {
    let haystack = Haystack::new(haystack(set));
    for claim in &mut set.claims {
        let mine = cuts.map(|c| c.split_at(claim.figures.len().min(c.len())));
        cuts = mine.map(|(_, rest)| rest);
        annotate_claim(claim, &haystack, mine.map(|(m, _)| m));
    }
}

/// Fills one claim's sentences (from `cuts` when given: one span of its text per figure),
/// fragments and label.
fn annotate_claim(claim: &mut Claim, haystack: &Haystack, cuts: Option<&[Option<Cut>]>) {
    if let Some(text) = claim.text.as_deref() {
        let mut cutter = Cutter::new(text);
        // The sentence last cut from the text, the figure that holds its copy and whether the
        // copy is the cut byte for byte: a third of figures stand in the same sentence as the
        // figure before them.
        let mut last_cut: Option<(&str, usize, bool)> = None;
        // The figure whose sentence `haystack` holds split into words.
        let mut last_split: Option<usize> = None;
        for i in 0..claim.figures.len() {
            let (before, rest) = claim.figures.split_at_mut(i);
            let f = &mut rest[0];
            let (sentence, mut quote_at) = match cuts {
                Some(cuts) => match cuts.get(i).copied().flatten() {
                    Some(cut) => (text.get(cut.span.0..cut.span.1), cut.quote_at),
                    None => (None, None),
                },
                None => {
                    let first = (!f.quote.is_empty())
                        .then(|| crate::text::find_first(text.as_bytes(), f.quote.as_bytes()))
                        .flatten();
                    let at = cutter.place(&f.quote, first);
                    // A stored sentence is kept: the quote only moves the reading on.
                    let sentence = f
                        .sentence
                        .is_empty()
                        .then(|| cutter.sentence(at, f.quote.len()));
                    (sentence.flatten(), None)
                }
            };
            if f.sentence.is_empty() {
                let sentence = sentence.unwrap_or_default();
                let verbatim;
                (f.sentence, verbatim) = match last_cut {
                    // The same span of the text: the same words.
                    Some((cut, k, v)) if std::ptr::eq(cut, sentence) => {
                        (before[k].sentence.clone(), v)
                    }
                    _ if is_one_spaced(sentence) => (sentence.to_string(), true),
                    _ => (respaced(sentence), false),
                };
                last_cut = Some((sentence, i, verbatim));
                // The quote's place in the cut is its place in the copy only when they are alike.
                quote_at = quote_at.filter(|_| verbatim);
            } else {
                quote_at = None;
            }
            if f.fragment.is_empty() && !f.sentence.is_empty() {
                let split = last_split.is_some_and(|k| before[k].sentence == f.sentence);
                f.fragment = fragment_in(&f.sentence, &f.quote, haystack, split, quote_at);
                last_split = Some(i);
            }
        }
    }
    if claim.label.is_empty() {
        claim.label = crate::label::claim_label(claim);
    }
}

/// `text` with its words joined by single spaces (`annotate_claim` tells the two cases apart
/// itself: a copy byte for byte keeps the quote's place).
#[cfg(test)]
fn one_spaced(text: &str) -> String {
    if is_one_spaced(text) {
        return text.to_string();
    }
    respaced(text)
}

/// `text` with its words joined by single spaces, when it is not already (see
/// [`is_one_spaced`]).
fn respaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        // The ASCII bytes `char::is_whitespace` holds (vertical tab included).
        let space = |b: u8| matches!(b, b' ' | b'\t'..=b'\r');
        let bytes = text.as_bytes();
        let mut i = 0;
        loop {
            while i < bytes.len() && space(bytes[i]) {
                i += 1;
            }
            if i == bytes.len() {
                return out;
            }
            // Words already one space apart are copied as one run.
            let start = i;
            while i < bytes.len()
                && (!space(bytes[i])
                    || (bytes[i] == b' ' && bytes.get(i + 1).is_some_and(|&b| !space(b))))
            {
                i += 1;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&text[start..i]);
        }
    }
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// True when `text` has its words one space apart already: no white space but single spaces
/// between words (every sentence of a normalised text), so it is copied without a walk of its
/// words.
fn is_one_spaced(text: &str) -> bool {
    let bytes = text.as_bytes();
    // One fold over each byte and the next, without a branch a byte, so that it vectorises:
    // bit 0 for a control space, bit 1 for two spaces in a row, bit 7 for a byte past ASCII
    // (`memmem` built a searcher per sentence, which cost more than the sentence's walk).
    let flag = |a: u8, b: u8| {
        (a & 0x80) | u8::from(matches!(a, b'\t'..=b'\r')) | (u8::from(a == b' ' && b == b' ') << 1)
    };
    let last = bytes.last().map_or(0, |&a| flag(a, 0));
    let flags = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .fold(last, |acc, (&a, &b)| acc | flag(a, b));
    let spaced = |b: Option<&u8>| b == Some(&b' ');
    flags & 3 == 0
        && !spaced(bytes.first())
        && !spaced(bytes.last())
        && (flags < 0x80 || text.chars().all(|c| c == ' ' || !c.is_whitespace()))
}

/// Everything of the edition a reader sees, lower case, one block a line: where a fragment must
/// be found exactly once.
fn haystack(set: &ClaimSet) -> String {
    let size = set.claims.iter().fold(set.edition.title.len(), |n, c| {
        n + 4
            + c.section.as_ref().map_or(0, String::len)
            + c.heading.as_ref().map_or(0, String::len)
            + c.text.as_ref().map_or(0, String::len)
    });
    let mut out = String::with_capacity(size);
    // Copied, then lowered in one pass: a pass a block cost more in its ends than its bytes.
    push_blocks(&mut out, set, String::push_str);
    out.make_ascii_lowercase();
    if out.is_ascii() || non_ascii_chars(&out).all(lowers_to_itself) {
        return out;
    }
    out.clear();
    push_blocks(&mut out, set, push_lower);
    out
}

/// Pushes the edition's title, sections, headings and texts onto `out` with `push`, one block a
/// line.
fn push_blocks(out: &mut String, set: &ClaimSet, push: impl Fn(&mut String, &str)) {
    push(out, &set.edition.title);
    let mut section: Option<&str> = None;
    for claim in &set.claims {
        if claim.section.as_deref() != section {
            section = claim.section.as_deref();
            out.push('\n');
            push(out, section.unwrap_or_default());
        }
        out.push('\n');
        if let Some(h) = &claim.heading {
            push(out, h);
            out.push_str(": ");
        }
        push(out, claim.text.as_deref().unwrap_or_default());
    }
}

/// Pushes `text` in lower case onto `out` (as `str::to_lowercase` gives it), without a copy of
/// its own: copied and lowered in bulk (ASCII letters only), then kept unless one of its other
/// characters has a lower case of its own, in which case it is lowered again character by
/// character.
fn push_lower(out: &mut String, text: &str) {
    let start = out.len();
    out.push_str(text);
    out[start..].make_ascii_lowercase();
    // Most texts are ASCII; most others only hold curly quotes, dashes and lower-case letters.
    if text.is_ascii() || non_ascii_chars(text).all(lowers_to_itself) {
        return;
    }
    out.truncate(start);
    // A capital sigma lowers by its place in a word: the standard library knows how.
    if text.contains('\u{3a3}') {
        out.push_str(&text.to_lowercase());
        return;
    }
    let mut rest = text;
    while !rest.is_empty() {
        let (run, tail) = rest.split_at(ascii_len(rest.as_bytes()));
        let start = out.len();
        out.push_str(run);
        out[start..].make_ascii_lowercase();
        let mut chars = tail.chars();
        match chars.next() {
            Some(c) if lowers_to_itself(c) => out.push(c),
            Some(c) => out.extend(c.to_lowercase()),
            None => {}
        }
        rest = chars.as_str();
    }
}

/// The characters of `text` that are not ASCII, found by skipping its ASCII runs in bulk.
fn non_ascii_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        let mut chars = rest.get(ascii_len(rest.as_bytes())..)?.chars();
        let c = chars.next();
        rest = chars.as_str();
        c
    })
}

/// True for a character that is its own lower case, told without the case tables for the
/// blocks most non-ASCII characters of a sheet come from (Latin-1 punctuation and small
/// letters, general punctuation, currency signs).
fn lowers_to_itself(c: char) -> bool {
    if matches!(c, '\u{80}'..='\u{bf}' | '\u{d7}' | '\u{df}'..='\u{ff}' | '\u{2000}'..='\u{20cf}') {
        return true;
    }
    let mut lower = c.to_lowercase();
    lower.next() == Some(c) && lower.next().is_none()
}

/// How many bytes `bytes` opens with below 0x80: 32 bytes are tested at a time by a fold that
/// vectorises.
fn ascii_len(bytes: &[u8]) -> usize {
    let mut n = 0;
    for chunk in bytes.chunks_exact(32) {
        if chunk.iter().fold(0, |acc, &b| acc | b) >= 0x80 {
            break;
        }
        n += 32;
    }
    n + bytes[n..].iter().take_while(|b| b.is_ascii()).count()
}

/// True for a character that may be markup left in the extracted text rather than a word of
/// the page: a fragment holding one might not match it. (Quotes are fine: the reader
/// straightens curly ones, and browsers match a straight quote in a fragment to a curly one on
/// the page — checked in Chromium.)
fn unsafe_char(c: u8) -> bool {
    // One bit per ASCII byte: a test, not seven comparisons, for each byte of a sentence.
    const UNSAFE: u128 =
        1 << b'`' | 1 << b'*' | 1 << b'_' | 1 << b'\\' | 1 << b'|' | 1 << b'<' | 1 << b'>';
    c < 128 && UNSAFE >> c & 1 == 1
}

/// How often `needle` (lower case) stands in `haystack` (lower case) between word boundaries,
/// counting to two at most. Overlapping places count: "5 jobs 5" stands twice in
/// "5 jobs 5 jobs 5".
fn occurrences(haystack: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    let mut search = Search::new(needle.as_bytes(), haystack.len());
    // A match starts on a character boundary (both are UTF-8), so the next search may start
    // one byte on: a continuation byte never starts a match.
    let step = needle.chars().next().map_or(1, char::len_utf8);
    let mut count = 0;
    let mut from = 0;
    while let Some(at) = search.find(haystack.as_bytes(), from) {
        if at_word_boundaries(haystack, at, at + needle.len()) {
            count += 1;
            if count > 1 {
                break;
            }
        }
        from = at + step;
    }
    count
}

#[cfg(target_arch = "x86_64")]
use memchr::arch::x86_64::avx2::packedpair::Finder as PairFinder;

/// Candidates of a needle in `hay`, by its two rarest bytes: none when `hay` is too short
/// for the vector search (the caller searches on).
#[cfg(target_arch = "x86_64")]
fn candidate(pair: &PairFinder, hay: &[u8]) -> Option<Option<usize>> {
    (hay.len() >= pair.min_haystack_len()).then(|| pair.find_prefilter(hay))
}

#[cfg(not(target_arch = "x86_64"))]
use memchr::arch::all::packedpair::Finder as PairFinder;

#[cfg(not(target_arch = "x86_64"))]
fn candidate(pair: &PairFinder, hay: &[u8]) -> Option<Option<usize>> {
    Some(pair.find_prefilter(hay))
}

/// The places of one needle, found by the prefilter memmem uses on the needle's two rarest
/// bytes, each candidate compared directly: memmem's searcher cost more to build per needle
/// than a sheet's scan. Past as many failed candidates as would read the haystack once, or
/// near its end, memmem's searcher takes over, so the cost stays linear.
struct Search<'n> {
    needle: &'n [u8],
    pair: Option<PairFinder>,
    /// Candidates that may still fail before the searcher takes over.
    misses: usize,
    finder: Option<memchr::memmem::Finder<'n>>,
}

impl<'n> Search<'n> {
    fn new(needle: &'n [u8], hay_len: usize) -> Search<'n> {
        Search {
            needle,
            pair: PairFinder::new(needle),
            misses: 64 + hay_len / needle.len().max(1),
            finder: None,
        }
    }

    /// The first place of the needle in `hay` at or after byte `from`.
    fn find(&mut self, hay: &[u8], from: usize) -> Option<usize> {
        let mut at = from;
        while let Some(pair) = self.pair.as_ref().filter(|_| self.misses > 0) {
            let Some(found) = candidate(pair, hay.get(at..)?) else {
                break;
            };
            let i = at + found?;
            if hay[i..].starts_with(self.needle) {
                return Some(i);
            }
            self.misses -= 1;
            at = i + 1;
        }
        let needle = self.needle;
        let finder = self
            .finder
            .get_or_insert_with(|| memchr::memmem::Finder::new(needle));
        hay.get(at..).and_then(|h| finder.find(h)).map(|i| at + i)
    }
}

/// The edition's words (title, sections, headings and claim text, lower case) with where each
/// whitespace-separated token starts, so that a fragment's uniqueness is checked where its
/// rarest inner word stands rather than by a scan of the whole edition per candidate (that
/// scan was a third of `add`'s time).
pub struct Haystack {
    text: String,
    tokens: std::cell::OnceCell<TokenIndex>,
    /// Bytes scanned so far by whole-text searches: past [`SCAN_BUDGET`] times the text, the
    /// token index is built and used instead.
    scanned: std::cell::Cell<usize>,
    /// Room for a sentence's words, kept from one fragment to the next.
    words: std::cell::Cell<Vec<Word>>,
    /// The places of the edition's runs that hold a digit, built at the first search.
    numbers: std::cell::OnceCell<NumberIndex>,
}

/// How many times its own length an edition is scanned for fragments before its token index
/// is built: a scan costs about a hundredth of the index a byte, so a sheet of tens of
/// kilobytes with up to a hundred long-sentence figures is only scanned (no sheet of the
/// archive had more than 180), while a pull of many figures goes through the index and stays
/// linear.
const SCAN_BUDGET: usize = 128;

/// Token starts chained by hash bucket: built in one pass, no sort (sorting was most of the
/// index's cost). A collision only adds a place to compare, so no token is copied.
#[derive(Default)]
struct TokenIndex {
    /// Per bucket, the last entry + 1 (0: none).
    heads: Vec<u32>,
    /// (token hash, token start, previous entry of the bucket + 1).
    entries: Vec<(u64, u32, u32)>,
}

thread_local! {
    /// The buffers of the last edition's index, kept for the next one: fresh ones of this
    /// size cost page faults (the kernel zeroing them) about as much as the index's pass.
    static SPARE_INDEX: std::cell::Cell<TokenIndex> = std::cell::Cell::new(TokenIndex::default());
}

/// An index whose buffers are larger than this many bytes is not kept for the next edition:
/// the memory of one huge pull is given back.
const MAX_SPARE_BYTES: usize = 8 << 20;

impl TokenIndex {
    /// Indexes the whitespace-separated tokens of `text` in one pass.
    fn new(text: &str) -> TokenIndex {
        let TokenIndex {
            mut heads,
            mut entries,
        } = SPARE_INDEX.take();
        // About one token per six bytes: twice as many buckets as tokens.
        heads.clear();
        heads.resize((text.len() / 3).max(1).next_power_of_two(), 0);
        let mask = heads.len() - 1;
        entries.clear();
        entries.reserve(text.len() / 5);
        crate::text::each_word(text, false, |start, end| {
            let h = token_hash_at(text.as_bytes(), start, end);
            let head = &mut heads[(h as usize) & mask];
            // An edition is far below 4 GiB (the input limit).
            let at = u32::try_from(start).unwrap_or(u32::MAX);
            entries.push((h, at, *head));
            *head = u32::try_from(entries.len()).unwrap_or(u32::MAX);
            true
        });
        TokenIndex { heads, entries }
    }

    /// Gives the buffers to the next edition's index, unless they are large.
    fn recycle(self) {
        let bytes = self.heads.capacity() * 4 + self.entries.capacity() * 16;
        if bytes <= MAX_SPARE_BYTES {
            SPARE_INDEX.set(self);
        }
    }
}

impl Drop for Haystack {
    fn drop(&mut self) {
        if let Some(index) = self.tokens.take() {
            index.recycle();
        }
    }
}

impl Haystack {
    /// Wraps `text` (lower case); the token index is built the first time it is needed.
    pub fn new(text: String) -> Haystack {
        Haystack {
            text,
            tokens: std::cell::OnceCell::new(),
            scanned: std::cell::Cell::new(0),
            words: std::cell::Cell::new(Vec::new()),
            numbers: std::cell::OnceCell::new(),
        }
    }

    fn tokens(&self) -> &TokenIndex {
        self.tokens.get_or_init(|| TokenIndex::new(&self.text))
    }

    /// The starts of the tokens whose hash is that of `word`.
    fn places(&self, word: &str) -> impl Iterator<Item = usize> + '_ {
        let index = self.tokens();
        let h = token_hash(word);
        let mut next = index.heads[(h as usize) & (index.heads.len() - 1)];
        std::iter::from_fn(move || {
            while next > 0 {
                let (t, at, prev) = index.entries[next as usize - 1];
                next = prev;
                if t == h {
                    return Some(at as usize);
                }
            }
            None
        })
    }

    /// How often `needle` (lower case, words split by single spaces) stands in the edition
    /// between word boundaries, counting to two at most. A word inside the needle stands
    /// between spaces wherever the needle does, so it is a whole token there: only the places
    /// of the rarest such word are compared.
    fn occurrences(&self, needle: &str) -> usize {
        let scanned = self.scanned.get() + self.text.len();
        if self.tokens.get().is_none() && scanned <= SCAN_BUDGET * self.text.len() {
            self.scanned.set(scanned);
            let numbers = self.numbers.get_or_init(|| NumberIndex::new(&self.text));
            return numbers
                .occurrences(&self.text, needle)
                .unwrap_or_else(|| occurrences(&self.text, needle));
        }
        self.indexed_occurrences(needle)
    }

    /// [`Haystack::occurrences`] through the token index.
    fn indexed_occurrences(&self, needle: &str) -> usize {
        // The first of the rarest: each word's places are counted only up to the best count
        // so far, so a common word's long chain is not walked to its end.
        let mut inner: Option<(usize, &str, usize)> = None;
        let mut words = 0;
        for (offset, w) in needle
            .match_indices(' ')
            .zip(needle.match_indices(' ').skip(1))
            .map(|((a, _), (b, _))| (a + 1, &needle[a + 1..b]))
            .filter(|(_, w)| !w.is_empty())
        {
            words += 1;
            let best = inner.map_or(MAX_PLACES + 1, |(_, _, n)| n);
            let n = self.places(w).take(best).count();
            if n < best {
                inner = Some((offset, w, n));
            }
        }
        // Every inner word is everywhere (a sheet of near-identical lines): the needle is not
        // shown unique, so the fragment grows, rather than a walk of every place per candidate.
        let Some((offset, word, _)) = inner else {
            return if words > 0 {
                2
            } else {
                occurrences(&self.text, needle)
            };
        };
        let mut count = 0;
        for p in self.places(word) {
            let Some(s) = p.checked_sub(offset) else {
                continue;
            };
            if self.text.get(s..).is_some_and(|h| h.starts_with(needle))
                && at_word_boundaries(&self.text, s, s + needle.len())
            {
                count += 1;
                if count > 1 {
                    break;
                }
            }
        }
        count
    }
}

/// The places of the edition's runs between spaces (`' '` only) that hold an ASCII digit,
/// by hash. A fragment almost always holds its figure's number as an inner word, which stands
/// between spaces wherever the fragment does: its places answer [`occurrences`] exactly, found
/// in one pass over the edition rather than one scan per candidate.
struct NumberIndex {
    /// (run hash as [`token_hash`] gives it, run start), sorted by hash.
    entries: Vec<(u64, u32)>,
}

impl NumberIndex {
    /// Indexes the runs of `text` that hold a digit.
    fn new(text: &str) -> NumberIndex {
        let bytes = text.as_bytes();
        // About one run with a digit per two hundred bytes: room for most without growing.
        let mut entries = Vec::with_capacity(text.len() / 128 + 8);
        let mut at = 0;
        while let Some(i) = next_digit(bytes, at) {
            // `at` is the text's start or a space: the run starts after the last space. Runs
            // are a few bytes long: they are walked, not searched.
            let mut start = i;
            while start > at && bytes[start - 1] != b' ' {
                start -= 1;
            }
            let mut end = i + 1;
            while end < bytes.len() && bytes[end] != b' ' {
                end += 1;
            }
            // An edition is far below 4 GiB (the input limit).
            let place = u32::try_from(start).unwrap_or(u32::MAX);
            entries.push((token_hash_at(bytes, start, end), place));
            at = end;
        }
        // By hash alone: a count of places does not depend on their order.
        entries.sort_unstable_by_key(|e| e.0);
        NumberIndex { entries }
    }

    /// [`occurrences`] of `needle` (lower case, words split by single spaces) in `text`, the
    /// text indexed, from the places of its rarest inner word with a digit; none when it has
    /// no such word.
    fn occurrences(&self, text: &str, needle: &str) -> Option<usize> {
        let places = |w: &str| {
            let h = token_hash(w);
            let from = self.entries.partition_point(|e| e.0 < h);
            let to = from + self.entries[from..].partition_point(|e| e.0 == h);
            &self.entries[from..to]
        };
        // The first of the rarest inner words with a digit, and where it stands in `needle`.
        let mut best: Option<(usize, &[(u64, u32)])> = None;
        for (w, end) in inner_digit_words(needle.as_bytes()) {
            let found = places(&needle[w..end]);
            if best.is_none_or(|(_, p)| found.len() < p.len()) {
                best = Some((w, found));
            }
        }
        let (offset, places) = best?;
        let mut count = 0;
        for &(_, p) in places {
            let Some(s) = (p as usize).checked_sub(offset) else {
                continue;
            };
            if text.get(s..).is_some_and(|h| h.starts_with(needle))
                && at_word_boundaries(text, s, s + needle.len())
            {
                count += 1;
                if count > 1 {
                    break;
                }
            }
        }
        Some(count)
    }
}

/// The inner words of `needle` (between two spaces) that hold an ASCII digit, in order, as
/// spans: found from its digits (eight bytes at a time), most of its words having none.
fn inner_digit_words(needle: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let digit = at + first_digit(needle.get(at..)?)?;
        // The word ends at the next space; without one it is the last word, not inner.
        let end = digit + memchr::memchr(b' ', &needle[digit..])?;
        at = end + 1;
        // It starts after the space before it; without one it is the first word.
        if let Some(space) = memchr::memrchr(b' ', &needle[..digit]) {
            return Some((space + 1, end));
        }
    })
}

/// Where the first ASCII digit of `bytes` at or after `from` stands: 64 bytes are tested at a
/// time by a fold that vectorises (a minimum: an `or` of tests did not), most of a sheet's
/// text having no digit; the digit is then placed eight bytes at a time.
fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(64);
    let mut at = from;
    for chunk in chunks.by_ref() {
        if chunk
            .iter()
            .fold(u8::MAX, |m, b| m.min(b.wrapping_sub(b'0')))
            < 10
        {
            return first_digit(chunk).map(|i| at + i);
        }
        at += 64;
    }
    first_digit(chunks.remainder()).map(|i| at + i)
}

/// Where the first ASCII digit of `bytes` stands, found eight bytes at a time (a byte at a
/// time cost more than the fold that found the chunk).
fn first_digit(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for word in words.by_ref() {
        let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
        // Byte-wise on the low seven bits, which no sum carries out of: at least '0' and not
        // at least '9' + 1, in a byte below 0x80.
        let low = w & !HIGH;
        let at_least = |c: u8| low + ONES * u64::from(0x80 - c);
        let digits = at_least(b'0') & !at_least(b'9' + 1) & !w & HIGH;
        if digits != 0 {
            return Some(at + digits.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    let digit = |b: &u8| b.wrapping_sub(b'0') < 10;
    words.remainder().iter().position(digit).map(|i| at + i)
}

/// The most places of a fragment's rarest inner word that are compared: past it the fragment
/// counts as not unique (an edition of a million "jobs," would otherwise be walked per figure).
const MAX_PLACES: usize = 1024;

/// A token's key: its length and first and last eight bytes, mixed. Tokens that differ only
/// in the middle of a long word collide, which costs a comparison, never a wrong count.
fn token_hash(token: &str) -> u64 {
    let b = token.as_bytes();
    let n = b.len();
    // Little-endian, so that the first bytes are the low ones as in `token_hash_at`.
    let le = |s: &[u8]| s.iter().rev().fold(0, |w, &c| (w << 8) | u64::from(c));
    let k = n.min(8);
    mix_token_hash(le(&b[..k]), le(&b[n - k..]), n)
}

/// [`token_hash`] of the token `text[start..end]`, read as two words of 64 bits around it,
/// whose bytes outside the token are shifted or masked away (no branch on its length).
fn token_hash_at(text: &[u8], start: usize, end: usize) -> u64 {
    let n = end - start;
    let load = |at: usize| {
        let w = text.get(at..at + 8)?;
        Some(u64::from_le_bytes(w.try_into().ok()?))
    };
    let (Some(head8), Some(tail8), 1..) = (load(start), end.checked_sub(8).and_then(load), n)
    else {
        // Near either end of the text.
        return token_hash(std::str::from_utf8(&text[start..end]).unwrap_or_default());
    };
    // The bits of the bytes that are not the token's, in each word.
    let outside = 64 - 8 * n.min(8);
    mix_token_hash(head8 & (u64::MAX >> outside), tail8 >> outside, n)
}

/// The last step of [`token_hash`]: its two words and its length, mixed.
fn mix_token_hash(head: u64, tail: u64, n: usize) -> u64 {
    let h = (head ^ tail.rotate_left(31) ^ ((n as u64) << 56)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 29)
}

/// True when `haystack[at..end]` has no letter or digit right before or after it.
fn at_word_boundaries(haystack: &str, at: usize, end: usize) -> bool {
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    let before = haystack.get(..at).and_then(|h| h.chars().next_back());
    let after = haystack.get(end..).and_then(|h| h.chars().next());
    boundary(before) && boundary(after)
}

/// A word of a sentence: where it stands, and whether it holds no markup character.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    safe: bool,
}

/// The words of `sentence` (split at spaces) into `out`.
fn words_into(sentence: &str, out: &mut Vec<Word>) {
    out.clear();
    let bytes = sentence.as_bytes();
    // Markup is rare: a sentence without any has only safe words, and is searched for it by
    // `memchr` rather than a test a byte.
    let markup = memchr::memchr3(b'`', b'*', b'_', bytes).is_some()
        || memchr::memchr3(b'\\', b'|', b'<', bytes).is_some()
        || memchr::memchr(b'>', bytes).is_some();
    let mut start = 0;
    let mut word_to = |end: usize| {
        // Runs of spaces give no word.
        if end > start {
            out.push(Word {
                start,
                end,
                safe: !markup || !bytes[start..end].iter().any(|&c| unsafe_char(c)),
            });
        }
        start = end + 1;
    };
    // Spaces are found eight bytes at a time, one bit each: a sentence is one-spaced, so most
    // of its words are a few bytes long and a search a word cost more than the split.
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in chunks.by_ref() {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let mut spaces = crate::text::equal8(x, b' ');
        while spaces != 0 {
            word_to(at + spaces.trailing_zeros() as usize / 8);
            spaces &= spaces - 1;
        }
        at += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if b == b' ' {
            word_to(at + i);
        }
    }
    word_to(bytes.len());
}

/// A short snippet of `sentence` around `quote` that occurs once in the edition (`haystack`,
/// lower case) and holds no markup character: the whole
/// sentence when it has at most [`MAX_FRAGMENT_WORDS`] words, else a window of words around the
/// quote grown to [`MIN_FRAGMENT_WORDS`] and on until it is unique. Empty when no safe word is
/// left.
pub fn fragment(sentence: &str, quote: &str, haystack: &Haystack) -> String {
    fragment_in(sentence, quote, haystack, false, None)
}

/// [`fragment`], with the words `haystack` holds from the last call when `split` says they are
/// this sentence's (figures of one sentence are split once), and the quote's first place in
/// the sentence when known (`quote_at`).
fn fragment_in(
    sentence: &str,
    quote: &str,
    haystack: &Haystack,
    split: bool,
    quote_at: Option<usize>,
) -> String {
    let mut words = haystack.words.take();
    if !split {
        words_into(sentence, &mut words);
    }
    let out = fragment_of(sentence, (quote, quote_at), &words, haystack);
    haystack.words.set(words);
    out
}

/// [`fragment`] of a sentence split into `words`, for a quote and its first place when known.
fn fragment_of(
    sentence: &str,
    quote: (&str, Option<usize>),
    words: &[Word],
    haystack: &Haystack,
) -> String {
    if words.is_empty() {
        return String::new();
    }
    let (qa, qb) = quote_words(sentence, quote, words);
    // Start from the longest safe run inside the quote.
    let Some((mut lo, mut hi)) = longest_safe_run(words, qa, qb) else {
        return String::new();
    };
    let text_of_str =
        |lo: usize, hi: usize| trim_edges(&sentence[words[lo].start..words[hi - 1].end]);
    let text_of = |lo: usize, hi: usize| text_of_str(lo, hi).to_string();
    let safe = |i: usize| words[i].safe;
    let whole_safe = lo == 0 && hi == words.len();
    if words.len() <= MAX_FRAGMENT_WORDS {
        // A short sentence: all of it that is safe around the quote.
        while lo > 0 && safe(lo - 1) {
            lo -= 1;
        }
        while hi < words.len() && safe(hi) {
            hi += 1;
        }
        return text_of(lo, hi);
    }
    if whole_safe {
        return text_of(lo, hi);
    }
    let mut needle = String::new();
    let mut unique = |lo: usize, hi: usize| {
        lower_into(&mut needle, text_of_str(lo, hi));
        haystack.occurrences(&needle) == 1
    };
    // Grow one word at a time, right then left, while the words stay safe.
    let mut right = true;
    loop {
        let long_enough = hi - lo >= MIN_FRAGMENT_WORDS.min(words.len());
        if (long_enough && unique(lo, hi)) || hi - lo >= MAX_FRAGMENT_WORDS {
            break;
        }
        let can_right = hi < words.len() && safe(hi);
        let can_left = lo > 0 && safe(lo - 1);
        match (right && can_right, can_left, can_right) {
            (true, _, _) => hi += 1,
            (false, true, _) => lo -= 1,
            (false, false, true) => hi += 1,
            _ => break,
        }
        right = !right;
    }
    // A few safe words left before the sentence's start or end come along: the highlight then
    // reads from the start or to the end of the sentence.
    if lo <= EDGE_WORDS && words[..lo].iter().all(|w| w.safe) {
        lo = 0;
    }
    if words.len() - hi <= EDGE_WORDS && words[hi..].iter().all(|w| w.safe) {
        hi = words.len();
    }
    text_of(lo, hi)
}

/// The words `quote` covers in `sentence`, from its first place there (`at` when the caller
/// knows it); all of them when it is not found.
fn quote_words(
    sentence: &str,
    (quote, at): (&str, Option<usize>),
    words: &[Word],
) -> (usize, usize) {
    let at = at.or_else(|| crate::text::find_first(sentence.as_bytes(), quote.as_bytes()));
    let Some(at) = at else {
        return (0, words.len());
    };
    let end = at + quote.len();
    let first = words.iter().position(|w| w.end > at).unwrap_or(0);
    let last = words
        .iter()
        .rposition(|w| w.start < end)
        .unwrap_or(words.len() - 1);
    (first, last.max(first) + 1)
}

/// `text` in lower case into `out` (its old contents dropped): one buffer for all of a
/// fragment's candidates.
fn lower_into(out: &mut String, text: &str) {
    out.clear();
    push_lower(out, text);
}

/// How many words short of a sentence's start or end a fragment may stop before it is
/// stretched to it.
const EDGE_WORDS: usize = 3;

/// The longest run of safe words within `lo..hi`.
fn longest_safe_run(words: &[Word], lo: usize, hi: usize) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut i = lo;
    while i < hi {
        if !words[i].safe {
            i += 1;
            continue;
        }
        let start = i;
        while i < hi && words[i].safe {
            i += 1;
        }
        if best.is_none_or(|(a, b)| i - start > b - a) {
            best = Some((start, i));
        }
    }
    best
}

/// What [`trim_edges`] cuts from a snippet's start and end.
const TRIM_START: [char; 6] = ['(', '[', ',', ';', ':', ' '];
const TRIM_END: [char; 6] = [',', ';', ':', ')', ']', ' '];

/// Cuts punctuation that only joins the snippet to its neighbours (",", ";", ":", brackets) from
/// both ends; a final "." or "%" stays.
fn trim_edges(s: &str) -> &str {
    s.trim_start_matches(TRIM_START).trim_end_matches(TRIM_END)
}

/// Percent-encodes a text-fragment term: every byte but ASCII letters, digits, `.`, `_` and
/// `~` (so `-`, `&` and `,`, which the syntax uses, are encoded too).
///
/// ```
/// assert_eq!(
///     factdiff::cite::encode_term("more than $5.2 billion, up-to"),
///     "more%20than%20%245.2%20billion%2C%20up%2Dto"
/// );
/// ```
pub fn encode_term(term: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(term.len() * 3 / 2);
    for b in term.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// True for a URL a report may link to: `http://` or `https://` and nothing that could break
/// out of an attribute or a Markdown link.
pub fn is_linkable(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`'))
}

/// The link to a figure's sentence in its source: the source URL with a text directive for the
/// figure's fragment; none when the source is not an http(s) URL or there is no fragment.
///
/// ```
/// assert_eq!(
///     factdiff::cite::fragment_link("https://example.gov/sheet", "5,000 jobs").as_deref(),
///     Some("https://example.gov/sheet#:~:text=5%2C000%20jobs")
/// );
/// ```
pub fn fragment_link(source: &str, fragment: &str) -> Option<String> {
    if !is_linkable(source) || fragment.trim().is_empty() {
        return None;
    }
    // A URL that already has a fragment takes the directive after it.
    let sep = if source.contains('#') { ":~:" } else { "#:~:" };
    Some(format!("{source}{sep}text={}", encode_term(fragment)))
}

/// Gives each figure of each claim the line of `raw` it stands on. `spans` holds, per claim,
/// the first line of its block and the first line of the next block (1-based, end exclusive).
/// A figure is found by its number's first word ("4.2", "90,000", "five"), the n-th figure
/// with the same word taking its n-th occurrence; one not found gets its block's first line.
pub fn locate_lines(claims: &mut [Claim], raw: &str, spans: &[(usize, usize)]) {
    let bytes = raw.as_bytes();
    let cr = memchr::memchr(b'\r', bytes).is_some();
    // The first line of the last block searched and where it starts: blocks come in order, so
    // each is found from the one before, and only blocks with figures are walked to.
    let mut cursor = (1, 0);
    for (claim, &(start, end)) in claims.iter_mut().zip(spans) {
        if claim.figures.is_empty() {
            continue;
        }
        if start < cursor.0 {
            cursor = (1, 0);
        }
        let from = line_start(bytes, cr, cursor, start);
        cursor = (start, from);
        let to = line_start(bytes, cr, cursor, end.max(start + 1));
        // The block's lines as one slice: a number holds no line break, so it is found in the
        // slice as in its line, and a line break bounds it as a line's end does.
        let window = raw.get(from..to).unwrap_or_default();
        // Lower-cased once per claim, and only for a number written in words: digits have
        // no case.
        let mut lower: Option<String> = None;
        let mut seen: Vec<Cow<str>> = Vec::new();
        for f in &mut claim.figures {
            // The token borrows the figure's words while its line is set.
            let Figure {
                written,
                quote,
                line,
                ..
            } = f;
            let token = number_token(written, quote);
            let nth = seen.iter().filter(|t| **t == token).count();
            let found = if token.is_empty() {
                None
            } else if token
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
            {
                nth_line(window, start, cr, &token, nth)
            } else {
                let lower = lower.get_or_insert_with(|| {
                    let mut out = String::with_capacity(window.len());
                    push_lower(&mut out, window);
                    out
                });
                nth_line(lower, start, cr, &token, nth)
            };
            seen.push(token);
            *line = u32::try_from(found.unwrap_or(start))
                .ok()
                .filter(|l| *l > 0);
        }
    }
}

/// Where line `target` (1-based) of `raw` starts, walking from `pos`, the start of line `line`
/// (at most `target`); the end of `raw` when it has fewer lines. Lines end as the readers end
/// them: LF, CRLF or a lone CR (`cr`: whether `raw` holds a CR at all).
fn line_start(raw: &[u8], cr: bool, (mut line, mut pos): (usize, usize), target: usize) -> usize {
    while line < target {
        let rest = raw.get(pos..).unwrap_or_default();
        // Without a CR, a run of bytes is passed at once by its count of line feeds, rather
        // than a search a line.
        if let Some(chunk) = rest.get(..COUNT_RUN).filter(|_| !cr) {
            let n = count_byte(chunk, b'\n');
            if line + n < target {
                line += n;
                pos += COUNT_RUN;
                continue;
            }
        }
        let Some(i) = memchr::memchr2(b'\n', b'\r', rest) else {
            return raw.len();
        };
        pos += i + 1 + usize::from(rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n'));
        line += 1;
    }
    pos
}

/// The most bytes [`count_byte`] counts into one byte-wide sum.
const COUNT_RUN: usize = 255;

/// How many bytes of `bytes` are `b`: counted by runs of [`COUNT_RUN`] into a byte-wide sum,
/// which vectorises sixteen bytes an instruction (a sum a byte into a `usize` did not).
fn count_byte(bytes: &[u8], b: u8) -> usize {
    bytes
        .chunks(COUNT_RUN)
        .map(|run| usize::from(run.iter().fold(0u8, |n, &c| n + u8::from(c == b))))
        .sum()
}

/// How many lines `bytes` ends (LF, CRLF or a lone CR; `cr`: whether a CR may be there). A CR
/// at the end of `bytes` counts as a lone one.
fn line_breaks(bytes: &[u8], cr: bool) -> usize {
    let lf = count_byte(bytes, b'\n');
    if !cr {
        return lf;
    }
    let lone_cr = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
        .count();
    lf + lone_cr
}

/// The first word of a figure's number as `written` ("4.2 billion" → "4.2"), else the first
/// word of its `quote` with a digit, lower case (copied only when it has a capital or is not
/// ASCII: most are digits).
fn number_token<'f>(written: &'f str, quote: &'f str) -> Cow<'f, str> {
    let from_written = written.split_whitespace().next();
    let from_quote = || {
        quote
            .split_whitespace()
            .find(|w| w.chars().any(|c| c.is_ascii_digit()))
    };
    let token = from_written
        .or_else(from_quote)
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ',')
        .trim_end_matches(['.', ',']);
    if token.is_ascii() && !token.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Borrowed(token)
    } else {
        Cow::Owned(token.to_lowercase())
    }
}

/// The line holding the `nth` (0-based) occurrence of `token` between word boundaries, else
/// the line of its first occurrence (`window`: a block's text from the start of its line
/// `first`, lower case where `token` has letters; `cr` as for [`line_breaks`]).
fn nth_line(window: &str, first: usize, cr: bool, token: &str, nth: usize) -> Option<usize> {
    let mut count = 0;
    let mut first_found = None;
    // The line of byte `counted` of the window: line breaks are counted once, in order.
    let (mut line, mut counted) = (first, 0);
    let mut from = 0;
    // Blocks are short: a searcher built per figure cost more than the search.
    let find = |l: &[u8]| crate::text::find_first(l, token.as_bytes());
    while let Some(i) = window.as_bytes().get(from..).and_then(find) {
        let at = from + i;
        let end = at + token.len();
        let before = window.get(..at).and_then(|l| l.chars().next_back());
        let after = window.get(end..).and_then(|l| l.chars().next());
        // "20" must not match inside "2023", "$1,200" or "20.5".
        let bounded = before.is_none_or(|c| !c.is_alphanumeric() && c != '.' && c != ',')
            && after.is_none_or(|c| {
                !c.is_alphanumeric()
                    && !((c == '.' || c == ',')
                        && window
                            .get(end + 1..)
                            .and_then(|r| r.chars().next())
                            .is_some_and(|d| d.is_ascii_digit()))
            });
        if bounded {
            line += line_breaks(&window.as_bytes()[counted..at], cr);
            counted = at;
            if count == nth {
                return Some(line);
            }
            first_found.get_or_insert(line);
            count += 1;
        }
        from = end;
    }
    first_found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_are_unique_safe_snippets_of_the_sentence() {
        let text = "intro\nit reached 5,000 jobs in 2023. later it reached 5,000 jobs in the region and 7,000 firms in the towns of the coast, with help from the state's *programs* and partners across all sectors.";
        let hay = &Haystack::new(text.to_string());
        // A short, safe sentence is its own fragment.
        assert_eq!(
            fragment("It reached 5,000 jobs in 2023.", "5,000 jobs", hay),
            "It reached 5,000 jobs in 2023."
        );
        // A long one gives a window around the quote that stops at the apostrophe.
        let long = "Later it reached 5,000 jobs in the region and 7,000 firms in the towns of the coast, with help from the state's *programs* and partners across all sectors.";
        let frag = fragment(long, "7,000 firms", hay);
        assert!(frag.contains("7,000 firms"), "{frag}");
        assert!(!frag.contains('*'), "{frag}");
        assert!(frag.split(' ').count() >= MIN_FRAGMENT_WORDS, "{frag}");
        assert_eq!(occurrences(text, &frag.to_lowercase()), 1, "{frag}");
        // Joining punctuation is trimmed from the ends.
        assert_eq!(trim_edges("(in the coast,"), "in the coast");
    }

    #[test]
    fn words_and_quotes_split_as_spaces_do() {
        let mut words = vec![Word {
            start: 9,
            end: 9,
            safe: false,
        }];
        for sentence in [
            "It  reached *5,000* jobs in `2023` and `5,000` more. ",
            "  eight by  \u{e9}t\u{e9}\u{a0}x    y\tz        a|b   ",
            "abcdefgh ijklmnop qrstuvw xyz",
            "a",
            "",
            "        ",
            " 12345678",
        ] {
            words_into(sentence, &mut words);
            let spans: Vec<&str> = words.iter().map(|w| &sentence[w.start..w.end]).collect();
            let want: Vec<&str> = sentence.split(' ').filter(|w| !w.is_empty()).collect();
            assert_eq!(spans, want, "{sentence:?}");
            let safe: Vec<bool> = words.iter().map(|w| w.safe).collect();
            let want: Vec<bool> = spans
                .iter()
                .map(|w| !w.bytes().any(|b| b"`*_\\|<>".contains(&b)))
                .collect();
            assert_eq!(safe, want, "{sentence:?}");
        }
        let sentence = "It  reached *5,000* jobs in `2023` and `5,000` more. ";
        words_into(sentence, &mut words);
        assert_eq!(quote_words(sentence, ("jobs in", None), &words), (3, 5));
        assert_eq!(quote_words(sentence, ("s in `20", None), &words), (3, 6));
        assert_eq!(
            quote_words(sentence, ("absent", None), &words),
            (0, words.len())
        );
        assert_eq!(quote_words(sentence, ("", None), &words), (0, words.len()));
        let mut s = String::from("old");
        lower_into(&mut s, "\u{c9}T\u{c9} Jobs");
        assert_eq!(s, "\u{e9}t\u{e9} jobs");
        lower_into(&mut s, "More JOBS");
        assert_eq!(s, "more jobs");
        for c in ('\u{80}'..='\u{3000}').filter(|&c| lowers_to_itself(c)) {
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c:?}");
        }
        assert!(!lowers_to_itself('\u{c9}') && !lowers_to_itself('\u{3a3}'));
        assert!(lowers_to_itself('\u{e9}') && lowers_to_itself('\u{201c}'));
        for text in [
            "\u{130}STANBUL \u{2014} Caf\u{c9}S",
            "\u{201c}Caf\u{c9}\u{201d} \u{a0}\u{d7}\u{c0}\u{20ac}\u{2126}\u{212a}",
            "\u{3a3}\u{3a3} \u{39f}\u{3a3}",
            "A\u{212a}B",
            "Caf\u{e9} \u{201c}Jobs\u{201d} \u{2014} PA\u{cd}S, m\u{e1}s",
            "Caf\u{e9} \u{201c}JOBS\u{201d} across the SEVENTEEN regions of the coast",
        ] {
            lower_into(&mut s, text);
            assert_eq!(s, text.to_lowercase(), "{text}");
        }
    }

    #[test]
    fn quote_words_are_found_with_or_without_a_place() {
        let sentence = "It added 5 jobs, 5 jobs.";
        let mut words = Vec::new();
        words_into(sentence, &mut words);
        assert_eq!(quote_words(sentence, ("5 jobs", Some(9)), &words), (2, 4));
        assert_eq!(quote_words(sentence, ("5 jobs", None), &words), (2, 4));
    }

    #[test]
    fn ascii_runs_and_other_characters_are_told_apart() {
        let long = "x".repeat(70);
        for text in [
            String::new(),
            "abc".to_string(),
            format!("{long}\u{e9}{long}\u{201c}"),
            format!("\u{2014}{long}"),
            format!("{long}{long}"),
            format!("{}\u{c9}", "y".repeat(64)),
        ] {
            let want = text.find(|c: char| !c.is_ascii()).unwrap_or(text.len());
            assert_eq!(ascii_len(text.as_bytes()), want, "{text}");
            let others: String = text.chars().filter(|c| !c.is_ascii()).collect();
            assert_eq!(non_ascii_chars(&text).collect::<String>(), others, "{text}");
        }
    }

    #[test]
    fn sentences_are_one_spaced_as_split_whitespace_would() {
        for text in [
            "a  b\tc\n d",
            " lead and trail ",
            "",
            "x\u{0b}y\u{0c}z",
            "é  ü\u{a0}v",
            "a b  c \n d e\r\nf ",
            " ",
            "one",
            "\ta b\t",
            "already one spaced.",
            "caf\u{e9} \u{2014} ok",
            "a\u{2003}b",
            "a b ",
            " a b",
            "two  spaces only",
            "a long sentence of words with  a double space past sixteen bytes",
            "a long sentence of words with a tab\tpast sixteen bytes and more",
            "a long sentence of words with one space each and \u{1f} a unit separator",
            "a long sentence of words with a no-break\u{a0}space past sixteen bytes",
            "a long sentence of words ending in a space past sixteen bytes ",
        ] {
            let want = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(one_spaced(text), want, "{text:?}");
            assert_eq!(is_one_spaced(text), text == want, "{text:?}");
        }
    }

    #[test]
    fn searches_find_what_memmem_finds() {
        let mut hay = "ab".repeat(200);
        hay.push_str(" 5 jobs and 15 jobs, 5 jobs; x");
        for needle in [
            "ab", "ba", "5 jobs", "jobs", "x", "abab", "b 5", "absent", "s; x",
        ] {
            let want: Vec<usize> =
                memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes()).collect();
            let mut search = Search::new(needle.as_bytes(), hay.len());
            let mut got = Vec::new();
            let mut from = 0;
            while let Some(at) = search.find(hay.as_bytes(), from) {
                got.push(at);
                from = at + needle.len();
            }
            assert_eq!(got, want, "{needle}");
        }
    }

    #[test]
    fn occurrences_respect_word_boundaries() {
        assert_eq!(occurrences("15 million and 5 million", "5 million"), 1);
        assert_eq!(occurrences("5 million, 5 million", "5 million"), 2);
        assert_eq!(occurrences("abc", ""), 0);
    }

    #[test]
    fn an_edition_of_common_words_gives_fragments_without_walking_them_all() {
        // 50,000 "jobs," tokens: each candidate used to walk them all (a 1 MB pull of such
        // lines took minutes); now a fragment of only common words stops growing at its cap.
        let line = (0..40)
            .map(|k| format!("{k} jobs,"))
            .collect::<Vec<_>>()
            .join(" ");
        let text = vec![line.clone(); 1250].join("\n");
        let hay = Haystack::new(text);
        let sentence = format!("It added {line} in all.");
        let frag = fragment(&sentence, "7 jobs", &hay);
        assert!(frag.contains("7 jobs"), "{frag}");
        assert!(frag.split(' ').count() <= MAX_FRAGMENT_WORDS, "{frag}");
    }

    #[test]
    fn the_token_index_splits_as_split_whitespace_does() {
        let text = crate::text::every_space_text();
        // Built twice: the second index reuses the first one's buffers.
        for _ in 0..2 {
            let index = TokenIndex::new(&text);
            let got: Vec<(usize, u64)> = index
                .entries
                .iter()
                .map(|&(h, at, _)| (at as usize, h))
                .collect();
            let want: Vec<(usize, u64)> = text
                .split_whitespace()
                .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, token_hash(w)))
                .collect();
            assert_eq!(got, want);
            index.recycle();
        }
    }

    #[test]
    fn tokens_hash_alike_read_in_place_or_alone() {
        let text = "abcdefghijklmnopqrstuvwxyz0123456789 \u{e9}t\u{e9} x";
        let b = text.as_bytes();
        for start in 0..b.len() {
            for end in start + 1..=b.len() {
                if let Some(token) = text.get(start..end) {
                    assert_eq!(token_hash_at(b, start, end), token_hash(token), "{token}");
                }
            }
        }
    }

    #[test]
    fn the_token_index_counts_as_the_scan_does() {
        let text = "the plan (more than 5 million jobs) and more than 5 million jobs;\n\
                    more than 5 million jobs, more than 15 million jobs and more than 5 millions\n\
                    more\u{a0}than 5 million jobs\u{2003}and 5 million jobs,\tand";
        let hay = Haystack::new(text.to_string());
        let needles = [
            "more than 5 million jobs",
            "than 5 million",
            "(more than 5 million jobs)",
            "more than 15 million jobs",
            "5 million jobs and more",
            "jobs) and more than",
            "and more than 5 millions",
            "more than 5",
            "no such words here",
            "one",
            "5 million jobs and",
            "million jobs, and",
        ];
        for needle in needles {
            assert_eq!(
                hay.indexed_occurrences(needle),
                occurrences(text, needle),
                "{needle}"
            );
        }
    }

    #[test]
    fn the_number_index_counts_as_the_scan_does() {
        let text = "5 jobs 5 jobs 5 in 2023,\n$5 jobs 5 jobs, (5 jobs 5) x5 jobs 5 \
                    and 7,000 firms\n7,000 firms in 2023 and 7,000 firms in 2024. 9 \u{e9}t\u{e9} 9 9";
        let index = NumberIndex::new(text);
        let cases = [
            ("jobs 5 jobs", Some(2)),
            ("5 jobs 5 jobs 5", Some(1)),
            ("and 7,000 firms in", Some(1)),
            ("firms in 2023 and", Some(1)),
            ("in 2023 and 7,000 firms in 2024.", Some(1)),
            ("\u{e9}t\u{e9} 9 9", Some(1)),
            ("jobs 5 in", Some(1)),
            ("x 5 jobs", Some(0)),
            ("in 2025 and", Some(0)),
            ("5 jobs", None),
            ("jobs five jobs", None),
            ("firms in 2024.", None),
        ];
        for (needle, want) in cases {
            let got = index.occurrences(text, needle);
            assert_eq!(got, want, "{needle}");
            if let Some(n) = got {
                assert_eq!(n, occurrences(text, needle), "{needle}");
            }
        }
        let every = (0..=255u8).collect::<Vec<u8>>();
        for bytes in [text.as_bytes(), &every, &every[40..], b"abcdefgh9"] {
            for start in 0..bytes.len().min(70) {
                let want = bytes[start..].iter().position(u8::is_ascii_digit);
                assert_eq!(first_digit(&bytes[start..]), want, "{start}");
            }
        }
        // Inner words with a digit, as a walk of the needle's spaces finds them.
        for needle in [
            "5 jobs and 7 firms in 2023 x",
            " 5  a1 b 9",
            "no digits here at all",
            "x 12,000 y 3 z",
            "",
            "1 2 3",
        ] {
            let pieces: Vec<&str> = needle.split(' ').collect();
            let mut want = Vec::new();
            let mut start = 0;
            for (i, p) in pieces.iter().enumerate() {
                let inner = i > 0 && i + 1 < pieces.len();
                if inner && p.bytes().any(|b| b.is_ascii_digit()) {
                    want.push((start, start + p.len()));
                }
                start += p.len() + 1;
            }
            let got: Vec<(usize, usize)> = inner_digit_words(needle.as_bytes()).collect();
            assert_eq!(got, want, "{needle:?}");
        }
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() + 1 {
            let want = bytes
                .get(from..)
                .and_then(|r| r.iter().position(u8::is_ascii_digit))
                .map(|i| from + i);
            assert_eq!(next_digit(bytes, from), want, "{from}");
        }
    }

    #[test]
    fn links_only_to_web_sources() {
        assert_eq!(
            fragment_link("https://x.gov/a#top", "a-b").as_deref(),
            Some("https://x.gov/a#top:~:text=a%2Db")
        );
        assert_eq!(fragment_link("javascript:alert(1)", "x"), None);
        assert_eq!(fragment_link("https://x.gov/a b", "x"), None);
        assert_eq!(fragment_link("https://x.gov/\"onclick", "x"), None);
        assert_eq!(fragment_link("https://x.gov/", " "), None);
        assert_eq!(encode_term("é&"), "%C3%A9%26");
    }

    #[test]
    fn lines_follow_numbers_inside_their_block() {
        let raw = "---\ntitle: x\n---\n\n- Over 2,000 teachers and\n  2,000 nurses, 20 schools in 2020.\n- Next 2,000.\n\n  \n- Five FIVE five sites, 5.\n";
        let fig = |written: &str, quote: &str| Figure {
            measure: "x".into(),
            value: Default::default(),
            max: None,
            unit: crate::figure::Unit::Count,
            noun: String::new(),
            qualifier: crate::figure::Qualifier::Exact,
            quote: quote.into(),
            written: written.into(),
            class: Default::default(),
            noun_from: Default::default(),
            context: Vec::new(),
            names: Vec::new(),
            sentence: String::new(),
            line: None,
            fragment: String::new(),
        };
        let claim = |figures: Vec<Figure>| Claim {
            topic: crate::claimset::TopicKey::from_slug("t"),
            label: String::new(),
            heading: None,
            section: None,
            text: None,
            figures,
        };
        let located = |raw: &str, spans: &[(usize, usize)]| {
            let mut claims = vec![
                claim(vec![
                    fig("2,000", "Over 2,000 teachers"),
                    fig("2,000", "2,000 nurses"),
                    fig("20", "20 schools"),
                    fig("", "nine"),
                ]),
                claim(Vec::new()),
                claim(vec![fig("2,000", "2,000"), fig("2,000", "2,000")]),
                claim(vec![fig("five", "five sites"), fig("FIVE", "five")]),
                claim(vec![fig("2020", "2020")]),
            ];
            locate_lines(&mut claims, raw, spans);
            let lines = |c: &Claim| c.figures.iter().map(|f| f.line).collect::<Vec<_>>();
            claims.iter().map(lines).collect::<Vec<_>>()
        };
        // The last block runs to the end; a block may start where one before it did.
        let spans = [(5, 7), (7, 8), (7, 8), (8, usize::MAX), (5, 6)];
        let want = vec![
            vec![Some(5), Some(6), Some(6), Some(5)],
            vec![],
            vec![Some(7), Some(7)],
            vec![Some(10), Some(10)],
            vec![Some(5)],
        ];
        assert_eq!(located(raw, &spans), want);
        // Lines ended by CRLF or a lone CR are counted alike.
        assert_eq!(located(&raw.replace('\n', "\r\n"), &spans), want);
        assert_eq!(located(&raw.replace('\n', "\r"), &spans), want);
        // A block past the end of the file keeps its first line.
        assert_eq!(located(raw, &[(40, 41)])[0], [Some(40); 4]);
    }

    #[test]
    fn number_tokens_are_first_words_lower_case() {
        let cases = [
            ("4.2 billion", "$4.2 billion", "4.2", true),
            ("FIVE", "five sites", "five", false),
            ("", "about 90,000 jobs.", "90,000", true),
            ("", "over 12. Then", "12", true),
            ("(20)", "", "20", true),
            ("", "no digits here", "", true),
            ("\u{c9}T\u{c9}", "", "\u{e9}t\u{e9}", false),
        ];
        for (written, quote, want, borrowed) in cases {
            let token = number_token(written, quote);
            assert_eq!(token, want, "{written:?} {quote:?}");
            assert_eq!(matches!(token, Cow::Borrowed(_)), borrowed, "{written:?}");
        }
    }

    #[test]
    fn lines_start_and_end_as_the_readers_split_them() {
        let long = "x".repeat(70);
        let texts = [
            "a\r\nb\rc\n\n  \nd".to_string(),
            format!("{long}\n{long}\n\n{long}\r\n{long}\r\r\n{long}\n"),
            format!("{long}\n\n\n{long}{long}\n{long}\n{long}"),
            String::new(),
            "\n\n\r".to_string(),
            format!("{}{long}\n{}", "\n".repeat(300), "y\n".repeat(200)),
        ];
        for (text, lf) in [
            ("\n".repeat(600), 600),
            ("ab\n".repeat(300), 300),
            (long, 0),
        ] {
            assert_eq!(count_byte(text.as_bytes(), b'\n'), lf);
        }
        for text in &texts {
            // Each line's start, split as `lines` would but with a lone CR ending a line too.
            let mut starts = vec![0];
            let b = text.as_bytes();
            for (i, &c) in b.iter().enumerate() {
                if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                    starts.push(i + 1);
                }
            }
            let cr = text.contains('\r');
            for target in 1..starts.len() + 3 {
                let want = starts
                    .get(target - 1)
                    .copied()
                    .unwrap_or(b.len())
                    .min(b.len());
                assert_eq!(line_start(b, cr, (1, 0), target), want, "{text:?} {target}");
                // From an earlier line's start too.
                let from = (target / 2).max(1);
                let pos = starts
                    .get(from - 1)
                    .copied()
                    .unwrap_or(b.len())
                    .min(b.len());
                assert_eq!(
                    line_start(b, cr, (from, pos), target),
                    want,
                    "{text:?} {target}"
                );
            }
            for end in 0..=b.len() {
                let want = starts.iter().filter(|&&s| s > 0 && s <= end).count();
                // A CR at the slice's end, its LF cut off, counts as a lone one.
                let cut_crlf = end > 0 && b[end - 1] == b'\r' && b.get(end) == Some(&b'\n');
                assert_eq!(
                    line_breaks(&b[..end], cr),
                    want + usize::from(cut_crlf),
                    "{text:?} {end}"
                );
            }
        }
    }
}
