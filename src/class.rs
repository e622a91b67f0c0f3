//! Figure classes: whether a figure is a running total, a per-period amount, a target or plain,
//! read from the words around it in its sentence (and the sheet's title).
//!
//! Classes decide flags: a running total that fell is a `decrease`; two rounds of "new"
//! money are not; a changed goal is `target-changed`.

use crate::figure::{Figure, FigureClass};
use crate::text::{fold, sentence_at, Cut, Cutter};
use std::sync::LazyLock;

/// Words on either side of a figure that its class cues are looked for in.
const CUE_WINDOW_WORDS: usize = 8;

/// Phrases that make a figure a total to date.
const RUNNING_CUES: &[&str] = &[
    "overall total",
    "total of",
    "in total",
    "to date",
    "so far",
    "thus far",
    "brings the total",
    "bringing the total",
    "brings the overall",
    "bringing the overall",
    "brings total",
    "cumulative",
    "cumulatively",
    "altogether",
    "since taking office",
    "since the president took office",
    "since the start",
    "since the beginning",
    "since launching",
    "since its launch",
    "since the launch",
    "since january",
    "since february",
    "since march",
    "since april",
    "since may",
    "since june",
    "since july",
    "since august",
    "since september",
    "since october",
    "since november",
    "since december",
    "since 20",
    "since 19",
    "has now",
    "have now",
    "now totals",
    "total commitments",
];

/// Phrases that make a figure one round's amount.
const PER_PERIOD_CUES: &[&str] = &[
    "new commitments",
    "new investments",
    "new funding",
    "in new",
    "additional",
    "announced today",
    "announcing today",
    "today announced",
    "today announcing",
    "this year",
    "this month",
    "this quarter",
    "this week",
    "last month",
    "last quarter",
    "per year",
    "per month",
    "a year",
    "a month",
    "each year",
    "each month",
    "annually",
    "in the first quarter",
    "in the second quarter",
    "in the third quarter",
    "in the fourth quarter",
];

/// Phrases that make a figure a goal.
const TARGET_CUES: &[&str] = &[
    "goal",
    "target",
    "aims to",
    "aim to",
    "aiming to",
    "by 20",
    "by the end of",
    "pledged to",
    "pledge to",
    "committed to reaching",
];

/// The cues by their first four bytes (every cue has at least four), in a small hash table,
/// so that a figure's window is read once for all three lists and each of its words costs one
/// look-up; most words start no cue and miss at once (a search per cue per figure was a fifth
/// of `add`'s time, a scan of the cues sharing a word's first byte a third of the classes').
struct CueIndex {
    /// Open addressing on the head, [`HEAD_SLOTS`] slots: a head (0: empty) and the range of
    /// `cues` that start with it.
    slots: Vec<(u32, u8, u8)>,
    /// The cues, grouped by head.
    cues: Vec<Cue>,
}

/// A cue with its list's bit.
#[derive(Clone)]
struct Cue {
    text: &'static [u8],
    bit: u8,
}

/// Slots of [`CueIndex`]: a power of two, several times the number of distinct heads (34), so
/// probes are short.
const HEAD_SLOTS: usize = 256;
/// The length of the shortest cue: the bytes of a head.
const HEAD_LEN: usize = 4;

const RUNNING: u8 = 1;
const TARGET: u8 = 2;
const PER_PERIOD: u8 = 4;
const ALL_LISTS: u8 = RUNNING | TARGET | PER_PERIOD;

/// The first slot to probe for `head`.
fn slot_of(head: u32) -> usize {
    (head.wrapping_mul(0x9E37_79B1) >> 24) as usize % HEAD_SLOTS
}

/// The four bytes of a head as one number.
fn head_of(bytes: [u8; HEAD_LEN]) -> u32 {
    u32::from_le_bytes(bytes)
}

impl CueIndex {
    fn new(lists: &[(&[&'static str], u8)]) -> CueIndex {
        let mut cues: Vec<(u32, Cue)> = lists
            .iter()
            .flat_map(|(cues, bit)| cues.iter().map(move |c| (c, *bit)))
            .filter_map(|(c, bit)| {
                let head = c.as_bytes().first_chunk::<HEAD_LEN>()?;
                let cue = Cue {
                    text: c.as_bytes(),
                    bit,
                };
                Some((head_of(*head), cue))
            })
            .collect();
        debug_assert!(cues.len() == lists.iter().map(|l| l.0.len()).sum::<usize>());
        cues.sort_by_key(|(head, _)| *head);
        let mut slots = vec![(0u32, 0u8, 0u8); HEAD_SLOTS];
        let mut from = 0;
        while let Some(&(head, _)) = cues.get(from) {
            let to = from + cues[from..].iter().take_while(|(h, _)| *h == head).count();
            let mut slot = slot_of(head);
            while slots[slot].0 != 0 {
                slot = (slot + 1) % HEAD_SLOTS;
            }
            // 75 cues: the range fits in bytes.
            slots[slot] = (head, from as u8, to as u8);
            from = to;
        }
        CueIndex {
            slots,
            cues: cues.into_iter().map(|(_, cue)| cue).collect(),
        }
    }

    /// The bits of the lists with a cue right after a space of `near` (`near` holds " {cue}").
    fn lists_in(&self, near: &Window) -> u8 {
        let mut found = 0;
        for &start in &near.starts {
            let at = &near.text[start..];
            let Some(&head) = at.first_chunk::<HEAD_LEN>() else {
                continue;
            };
            found |= self.cues_at(head_of(head), at, found);
            if found == ALL_LISTS {
                break;
            }
        }
        found
    }

    /// The bits of the lists not in `found` with a cue that `at` (starting with `head`) starts.
    fn cues_at(&self, head: u32, at: &[u8], found: u8) -> u8 {
        let mut slot = slot_of(head);
        loop {
            let (key, from, to) = self.slots[slot];
            if key == head {
                return self.cues[usize::from(from)..usize::from(to)]
                    .iter()
                    .filter(|cue| found & cue.bit == 0 && at.starts_with(cue.text))
                    .fold(0, |bits, cue| bits | cue.bit);
            }
            if key == 0 {
                return 0;
            }
            slot = (slot + 1) % HEAD_SLOTS;
        }
    }
}

static CUES: LazyLock<CueIndex> = LazyLock::new(|| {
    CueIndex::new(&[
        (RUNNING_CUES, RUNNING),
        (TARGET_CUES, TARGET),
        (PER_PERIOD_CUES, PER_PERIOD),
    ])
});

/// Room that [`classify`] writes each figure's window in, kept across the claims of a
/// document so that a claim costs no allocation, and the sentences it cut.
#[derive(Default)]
pub struct Scratch {
    near: Window,
    cuts: Vec<Option<Cut>>,
}

impl Scratch {
    /// The sentence of each figure of the claim classed last, in reading order as
    /// [`crate::cite`] reads them (none when its quote is not found), so that the citation
    /// does not cut it again.
    pub(crate) fn cuts(&self) -> &[Option<Cut>] {
        &self.cuts
    }
}

/// Classifies each figure of one claim from the claim's text; a figure the sheet's title
/// states (`title_figures`) is its headline total unless its own words say otherwise.
pub fn classify(
    text: &str,
    figures: &mut [Figure],
    title_figures: &[Figure],
    scratch: &mut Scratch,
) {
    scratch.cuts.clear();
    let mut cutter = Cutter::new(text);
    for figure in figures.iter_mut() {
        let quote = figure.quote.as_str();
        let first = (!quote.is_empty())
            .then(|| crate::text::find_first(text.as_bytes(), quote.as_bytes()))
            .flatten();
        // The citation's sentence, of the quote in reading order; the class reads the words
        // around the quote's first place, most often the same.
        let at = cutter.place(quote, first);
        let cut = cutter.sentence(at, quote.len());
        let sentence = if at == first {
            cut
        } else {
            first.and_then(|at| sentence_at(text, at, quote.len()))
        };
        figure.class = class_of(
            text,
            figure,
            first,
            sentence,
            title_figures,
            &mut scratch.near,
        );
        let first = first.filter(|_| at == first);
        scratch
            .cuts
            .push(cut.map(|s| Cut::new(text, s, first, quote)));
    }
}

/// The class of one figure in `text`, whose quote first stands at `found_at`, in `sentence`
/// (`near` is scratch room for its window).
fn class_of(
    text: &str,
    figure: &Figure,
    found_at: Option<usize>,
    sentence: Option<&str>,
    title_figures: &[Figure],
    near: &mut Window,
) -> FigureClass {
    let quote = figure.quote.as_str();
    let Some(sentence) = sentence else {
        return FigureClass::Plain;
    };
    // The quote's first place in the text is its first in the sentence, unless trimming the
    // sentence cut into it.
    let start = sentence.as_ptr() as usize - text.as_ptr() as usize;
    let at = found_at
        .and_then(|at| at.checked_sub(start))
        .filter(|&at| sentence.as_bytes()[at..].starts_with(quote.as_bytes()))
        .or_else(|| crate::text::find_first(sentence.as_bytes(), quote.as_bytes()));
    window(sentence, at, quote, near);
    let found = CUES.lists_in(near);
    if found & RUNNING != 0 {
        return FigureClass::Running;
    }
    if found & TARGET != 0 {
        return FigureClass::Target;
    }
    if found & PER_PERIOD != 0 {
        return FigureClass::PerPeriod;
    }
    let in_title = title_figures
        .iter()
        .any(|t| t.unit == figure.unit && t.value == figure.value);
    if in_title {
        return FigureClass::Running;
    }
    FigureClass::Plain
}

/// A figure's window of folded words, and where each of its words starts: the places a cue
/// may start, known as the window is written (a scan for its spaces cost as much as the cues).
#[derive(Default)]
struct Window {
    /// " {before} {quote} {after} ".
    text: Vec<u8>,
    /// The offset after each space of `text`.
    starts: Vec<usize>,
}

impl Window {
    fn clear(&mut self) {
        self.text.clear();
        self.starts.clear();
    }

    fn space(&mut self) {
        self.text.push(b' ');
        self.starts.push(self.text.len());
    }

    /// Pushes folded text, which may hold spaces.
    fn push_spaced(&mut self, folded: &str) {
        let from = self.text.len();
        self.text.extend_from_slice(folded.as_bytes());
        let spaces = memchr::memchr_iter(b' ', folded.as_bytes());
        self.starts.extend(spaces.map(|i| from + i + 1));
    }

    /// Pushes a word (no white space) in lower case.
    fn push_lower(&mut self, word: &[u8]) {
        self.text.extend(word.iter().map(u8::to_ascii_lowercase));
    }

    /// What to go back to with [`Window::truncate`].
    fn mark(&self) -> (usize, usize) {
        (self.text.len(), self.starts.len())
    }

    fn truncate(&mut self, (text, starts): (usize, usize)) {
        self.text.truncate(text);
        self.starts.truncate(starts);
    }
}

/// Writes " {before} {quote} {after} " into `near`: up to [`CUE_WINDOW_WORDS`] folded words
/// before and after `quote` in `sentence` around the folded quote (just the quote when it is
/// not found). `at` is where `quote` first stands in `sentence`.
fn window(sentence: &str, at: Option<usize>, quote: &str, near: &mut Window) {
    near.clear();
    // Room for the window at once (it is about as long as the sentence at most), rather than
    // growing it word by word for each claim.
    near.text.reserve(sentence.len().max(quote.len()) + 8);
    near.starts.reserve(4 * CUE_WINDOW_WORDS);
    let Some(at) = at else {
        near.space();
        near.space();
        push_folded(near, quote);
        near.space();
        near.space();
        return;
    };
    near.space();
    push_words(near, &sentence[..at], true);
    near.space();
    push_folded(near, quote);
    near.space();
    push_words(near, &sentence[at + quote.len()..], false);
    near.space();
}

/// True for a character of a window word: ASCII letters and digits, and apostrophes.
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '\''
}

/// What each byte is to the window loops, in one table look-up: [`SEPARATOR`] (plain ASCII
/// that is not in a word), [`NOT_PLAIN`] (0x7F and above: `fold` would transliterate it), or
/// else a byte of a word (see [`is_word`]), lower case.
const WINDOW_BYTE: [u8; 256] = {
    let mut t = [SEPARATOR; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c >= 0x7f {
            t[b] = NOT_PLAIN;
        } else if c.is_ascii_alphanumeric() || c == b'\'' {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};
const SEPARATOR: u8 = 0;
const NOT_PLAIN: u8 = 0xff;

/// Pushes `fold(text)` onto `near`, without its own allocation when `text` is plain ASCII.
fn push_folded(near: &mut Window, text: &str) {
    let mark = near.mark();
    // A space is owed before the next byte of a word: white space followed a word.
    let mut gap = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // The bytes before the next white space or byte above 0x7E, eight at a time.
        let solid = chunk_at(bytes, i).map(solid_lanes);
        if let Some((lanes @ 1.., lower)) = solid {
            if gap {
                near.space();
                gap = false;
            }
            // All eight go in (one store), then the bytes past the solid ones come off.
            near.text.extend_from_slice(&lower.to_le_bytes());
            near.text.truncate(near.text.len() - (8 - lanes));
            i += lanes;
            continue;
        }
        i += 1;
        match b {
            // `fold` leaves text below 0x7F to white space and case alone; above, it folds.
            0x7f.. => {
                near.truncate(mark);
                near.push_spaced(&fold(text));
                return;
            }
            // Below 0x7F, `split_whitespace` splits at the ASCII white space `char` knows.
            b' ' | b'\t'..=b'\r' => gap = near.text.len() > mark.0,
            _ => {
                if gap {
                    near.space();
                    gap = false;
                }
                near.text.push(b.to_ascii_lowercase());
            }
        }
    }
}

/// The eight bytes of `bytes` from `i` as one number (lowest first); near the end, the last
/// eight shifted down, the lanes past the end 0x80 (no plain byte). None when `bytes` is
/// shorter than eight or `i` is past its end.
fn chunk_at(bytes: &[u8], i: usize) -> Option<u64> {
    let load = |c: &[u8]| <[u8; 8]>::try_from(c).ok().map(u64::from_le_bytes);
    if let Some(w) = bytes.get(i..i + 8).and_then(load) {
        return Some(w);
    }
    let left = bytes.len().checked_sub(i).filter(|&n| n > 0)?;
    let last = load(bytes.get(bytes.len().checked_sub(8)?..)?)?;
    // `left` is 1 to 7 here: both shifts stay below 64.
    Some((last >> (8 * (8 - left))) | (HIGH_BITS << (8 * left)))
}

/// How many of the eight bytes of `w` (lowest first) come before the first that is ASCII
/// white space or 0x7F and above, and `w` with ASCII capitals in lower case (the arithmetic of
/// [`lane_masks`]).
fn solid_lanes(w: u64) -> (usize, u64) {
    let lanes = Lanes::of(w);
    let capitals = lanes.in_range(b'A', b'Z') & lanes.ascii;
    let blank = (lanes.in_range(b'\t', b'\r') | lanes.in_range(b' ', b' ')) & lanes.ascii;
    let not_plain = (w | lanes.at_least(0x7f)) & HIGH_BITS;
    let lanes = ((blank | not_plain).trailing_zeros() / 8) as usize;
    (lanes, w | (capitals >> 2))
}

/// Pushes the last (`last`) or first [`CUE_WINDOW_WORDS`] words of `fold(text)` onto `near`,
/// one space apart.
fn push_words(near: &mut Window, text: &str, last: bool) {
    let bytes = text.as_bytes();
    let plain = if last {
        last_words_start(bytes).is_some_and(|from| push_plain_words(near, &bytes[from..]))
    } else {
        push_plain_words(near, bytes)
    };
    if plain {
        return;
    }
    let pieces = if last {
        last_pieces(text, CUE_WINDOW_WORDS)
    } else {
        first_pieces(text, CUE_WINDOW_WORDS)
    };
    let folded = fold(pieces);
    let words = folded.split(|c: char| !is_word(c));
    push_kept(near, words.filter(|w| !w.is_empty()), last);
}

/// Where the last [`CUE_WINDOW_WORDS`] words of `bytes` start (its end when it has none), when
/// the bytes from there on are plain ASCII: folding maps each character on its own and keeps
/// plain ASCII, so those words are the folded text's. None when a byte at or above 0x7F is met
/// first (`fold` would transliterate it).
fn last_words_start(bytes: &[u8]) -> Option<usize> {
    let (mut words, mut in_word) = (0, false);
    let mut end = bytes.len();
    // Eight bytes at a time from the end while they are plain and do not complete the words:
    // all they change is the count of words, by the words that end in them.
    while let Some(chunk) = end
        .checked_sub(8)
        .and_then(|start| bytes.get(start..end))
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        let (word, _, not_plain) = lane_masks(u64::from_le_bytes(chunk));
        // A word ends at a word byte whose next byte (the lane above, for the top lane the
        // chunk after) is not one.
        let next = (word >> 8) | if in_word { 1 << 63 } else { 0 };
        let ends = (word & !next).count_ones() as usize;
        if not_plain != 0 || words + ends >= CUE_WINDOW_WORDS {
            break;
        }
        words += ends;
        in_word = word & 0x80 != 0;
        end -= 8;
    }
    for (i, &b) in bytes
        .get(..end)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .rev()
    {
        match WINDOW_BYTE[usize::from(b)] {
            // A word is whole only when plain ASCII (or the text's end) bounds it.
            NOT_PLAIN => return None,
            SEPARATOR if in_word && words == CUE_WINDOW_WORDS => return Some(i + 1),
            SEPARATOR => in_word = false,
            _ if !in_word => (words, in_word) = (words + 1, true),
            _ => {}
        }
    }
    Some(0)
}

/// Pushes the first [`CUE_WINDOW_WORDS`] words of `bytes` onto `near`, lower case, one space
/// apart, when plain ASCII bounds each (see [`last_words_start`]); else pushes nothing and
/// returns false.
fn push_plain_words(near: &mut Window, bytes: &[u8]) -> bool {
    let mark = near.mark();
    let mut words = 0;
    let mut i = 0;
    loop {
        let Some(&b) = bytes.get(i) else {
            return true;
        };
        match WINDOW_BYTE[usize::from(b)] {
            NOT_PLAIN => break,
            SEPARATOR => i += 1,
            _ => {
                if words > 0 {
                    near.space();
                }
                i = push_word(&mut near.text, bytes, i);
                words += 1;
                let next = bytes.get(i).map(|&b| WINDOW_BYTE[usize::from(b)]);
                if words == CUE_WINDOW_WORDS && next != Some(NOT_PLAIN) {
                    return true;
                }
            }
        }
    }
    near.truncate(mark);
    false
}

/// Pushes the window word (ASCII letters, digits, apostrophes) that starts at `i` in lower
/// case, eight bytes at a time while eight are left; returns where it ends.
fn push_word(out: &mut Vec<u8>, bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes
        .get(i..i + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        let (lanes, lower) = word_lanes(u64::from_le_bytes(chunk));
        // All eight go in (one store), then the bytes past the word come off.
        out.extend_from_slice(&lower.to_le_bytes());
        out.truncate(out.len() - (8 - lanes));
        i += lanes;
        if lanes < 8 {
            return i;
        }
    }
    while let Some(&b) = bytes.get(i) {
        match WINDOW_BYTE[usize::from(b)] {
            SEPARATOR | NOT_PLAIN => break,
            lower => out.push(lower),
        }
        i += 1;
    }
    i
}

/// How many of the eight bytes of `w` (lowest first) are a window word's before the first
/// that is not, and `w` with ASCII capitals in lower case.
fn word_lanes(w: u64) -> (usize, u64) {
    let (word, capitals, _) = lane_masks(w);
    let lanes = ((!word & HIGH_BITS).trailing_zeros() / 8) as usize;
    (lanes, w | (capitals >> 2))
}

/// The high bit of each byte of every lane of [`lane_masks`].
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Byte-wise range tests on the low seven bits of a word's eight bytes (SWAR), where no sum
/// carries into the next byte; results in the high bit of each byte.
struct Lanes {
    /// The word without its high bits.
    x: u64,
    /// The high bit of each byte that is ASCII.
    ascii: u64,
}

impl Lanes {
    #[inline]
    fn of(w: u64) -> Lanes {
        Lanes {
            x: w & !HIGH_BITS,
            ascii: !w & HIGH_BITS,
        }
    }

    /// Set where the byte's low seven bits are `lo` or more.
    #[inline]
    fn at_least(&self, lo: u8) -> u64 {
        const ONES: u64 = 0x0101_0101_0101_0101;
        self.x + ONES * u64::from(0x80 - lo)
    }

    /// Set where the byte's low seven bits are within `lo..=hi`.
    #[inline]
    fn in_range(&self, lo: u8, hi: u8) -> u64 {
        self.at_least(lo) & !self.at_least(hi + 1)
    }
}

/// The bytes of `w` (high bit of each) that are a window word's (see [`is_word`]), that are
/// ASCII capitals, and that are not plain (0x7F and above): byte-wise arithmetic (SWAR) on the
/// low seven bits, where no sum carries into the next byte.
fn lane_masks(w: u64) -> (u64, u64, u64) {
    let lanes = Lanes::of(w);
    let (ascii, in_range) = (lanes.ascii, |lo: u8, hi: u8| lanes.in_range(lo, hi));
    let capitals = in_range(b'A', b'Z') & ascii;
    let letters = capitals | in_range(b'a', b'z');
    let digits = in_range(b'0', b'9');
    let apostrophes = in_range(b'\'', b'\'');
    let word = (letters | digits | apostrophes) & ascii;
    let not_plain = (w | lanes.at_least(0x7f)) & HIGH_BITS;
    (word, capitals, not_plain)
}

/// Pushes the last or first [`CUE_WINDOW_WORDS`] of `words` (in order), lower case.
fn push_kept<'a, I>(near: &mut Window, words: I, last: bool)
where
    I: DoubleEndedIterator<Item = &'a str> + Clone,
{
    let skip = if last {
        words.clone().count().saturating_sub(CUE_WINDOW_WORDS)
    } else {
        0
    };
    for (i, w) in words.skip(skip).take(CUE_WINDOW_WORDS).enumerate() {
        if i > 0 {
            near.space();
        }
        near.push_lower(w.as_bytes());
    }
}

/// The end of `s` from the space before its last `n` space-separated pieces holding an ASCII
/// letter or digit (all of `s` when it has fewer). Folding maps each character on its own, so a
/// cut at a space parts no word, and each such piece folds to a word at least: the last `n`
/// words of the folded end are those of the folded whole, without folding a long sentence.
fn last_pieces(s: &str, n: usize) -> &str {
    let bytes = s.as_bytes();
    let (mut pieces, mut alnum) = (0, false);
    for i in (0..bytes.len()).rev() {
        if bytes[i] == b' ' {
            pieces += usize::from(alnum);
            alnum = false;
            if pieces == n {
                return &s[i..];
            }
        } else {
            alnum |= bytes[i].is_ascii_alphanumeric();
        }
    }
    s
}

/// The start of `s` up to the space after its first `n` pieces (see [`last_pieces`]).
fn first_pieces(s: &str, n: usize) -> &str {
    let bytes = s.as_bytes();
    let (mut pieces, mut alnum) = (0, false);
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' ' {
            pieces += usize::from(alnum);
            alnum = false;
            if pieces == n {
                return &s[..i];
            }
        } else {
            alnum |= b.is_ascii_alphanumeric();
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_figures;

    fn classes(text: &str) -> Vec<(String, FigureClass)> {
        let mut figures = extract_figures(text);
        classify(text, &mut figures, &[], &mut Scratch::default());
        figures.into_iter().map(|f| (f.quote, f.class)).collect()
    }

    #[test]
    fn cues_set_the_class() {
        let cases = [
            (
                "Today's announcement brings the overall total of new commitments to more than $5.2 billion.",
                FigureClass::Running,
            ),
            (
                "Companies announced $950 million in new commitments.",
                FigureClass::PerPeriod,
            ),
            (
                "The program has reached 3 million youth since May 2021.",
                FigureClass::Running,
            ),
            (
                "The plan sets a goal of 500,000 chargers by 2030.",
                FigureClass::Target,
            ),
            ("The agency trained 9,000 police officers.", FigureClass::Plain),
        ];
        for (text, want) in cases {
            let got = classes(text);
            assert!(!got.is_empty(), "{text}: no figure");
            assert_eq!(got[0].1, want, "{text}: {got:?}");
        }
    }

    #[test]
    fn windows_fold_only_the_words_they_keep() {
        let sentence = "Since   2021, the U.S. and its partners\u{2014}in all (Caf\u{e9}) 40 \u{2014} \u{5317}\u{4eac} \u{2014} regions\u{2014}have trained 5,000 nurses, doctors and midwives across Central America, for the long \u{2018}term\u{2019} and \u{2014}more.";
        for quote in ["5,000 nurses", "40", "Since", "more.", "trained"] {
            let at = sentence.find(quote).unwrap();
            let whole = |s: &str, last: bool| {
                let f = fold(s);
                let is_word = |c: char| c.is_ascii_alphanumeric() || c == '\'';
                let w: Vec<String> = f
                    .split(|c: char| !is_word(c))
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect();
                let k = w.len().min(CUE_WINDOW_WORDS);
                if last {
                    w[w.len() - k..].to_vec()
                } else {
                    w[..k].to_vec()
                }
            };
            let before = &sentence[..at];
            let after = &sentence[at + quote.len()..];
            assert_eq!(
                whole(last_pieces(before, CUE_WINDOW_WORDS), true),
                whole(before, true),
                "{quote}"
            );
            assert_eq!(
                whole(first_pieces(after, CUE_WINDOW_WORDS), false),
                whole(after, false),
                "{quote}"
            );
        }
    }

    /// The window as first written: whole pieces folded, then split.
    fn window_by_fold(sentence: &str, quote: &str) -> String {
        let quote_folded = fold(quote);
        let Some(at) = sentence.find(quote) else {
            return format!("  {quote_folded}  ");
        };
        let before = fold(last_pieces(&sentence[..at], CUE_WINDOW_WORDS));
        let after = fold(first_pieces(
            &sentence[at + quote.len()..],
            CUE_WINDOW_WORDS,
        ));
        let mut last: Vec<&str> = before
            .rsplit(|c: char| !is_word(c))
            .filter(|w| !w.is_empty())
            .take(CUE_WINDOW_WORDS)
            .collect();
        last.reverse();
        let first: Vec<&str> = after
            .split(|c: char| !is_word(c))
            .filter(|w| !w.is_empty())
            .take(CUE_WINDOW_WORDS)
            .collect();
        format!(" {} {quote_folded} {} ", last.join(" "), first.join(" "))
    }

    #[test]
    fn word_lanes_read_as_the_byte_table() {
        for lane in 0..8 {
            for b in 0..=255u8 {
                let mut bytes = *b"aZ'09zAq";
                bytes[lane] = b;
                let (lanes, lower) = word_lanes(u64::from_le_bytes(bytes));
                let want = bytes
                    .iter()
                    .take_while(|&&b| !matches!(WINDOW_BYTE[usize::from(b)], SEPARATOR | NOT_PLAIN))
                    .count();
                assert_eq!(lanes, want, "{b:#x} in lane {lane}");
                let lower = lower.to_le_bytes();
                for k in 0..lanes {
                    assert_eq!(
                        lower[k],
                        WINDOW_BYTE[usize::from(bytes[k])],
                        "{b:#x} in {lane}"
                    );
                }
            }
        }
    }

    /// `count` texts of up to `max_len` bytes drawn from `alphabet` by a xorshift generator:
    /// the same texts on every run.
    fn random_texts(mut seed: u64, count: usize, max_len: u64, alphabet: &[u8]) -> Vec<Vec<u8>> {
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        (0..count)
            .map(|_| {
                let len = next() % max_len;
                (0..len)
                    .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn last_words_start_as_a_byte_loop_finds_it() {
        // The start as first found, a byte at a time from the end.
        let by_bytes = |bytes: &[u8]| {
            let (mut words, mut in_word) = (0, false);
            for (i, &b) in bytes.iter().enumerate().rev() {
                match WINDOW_BYTE[usize::from(b)] {
                    NOT_PLAIN => return None,
                    SEPARATOR if in_word && words == CUE_WINDOW_WORDS => return Some(i + 1),
                    SEPARATOR => in_word = false,
                    _ if !in_word => (words, in_word) = (words + 1, true),
                    _ => {}
                }
            }
            Some(0)
        };
        let alphabet = b"aZq09' ,.-\x7f\xc3Supercalifragilistic a b";
        for t in random_texts(0x2545_f491_4f6c_dd1d, 50_000, 90, alphabet) {
            assert_eq!(last_words_start(&t), by_bytes(&t), "{t:?}");
        }
    }

    #[test]
    fn plain_words_match_a_byte_loop() {
        // The window words as first pushed, a byte at a time.
        let by_bytes = |bytes: &[u8]| -> Option<Vec<u8>> {
            let (mut out, mut words, mut in_word) = (Vec::new(), 0, false);
            for &b in bytes {
                match WINDOW_BYTE[usize::from(b)] {
                    NOT_PLAIN => return None,
                    SEPARATOR if in_word && words == CUE_WINDOW_WORDS => break,
                    SEPARATOR => in_word = false,
                    lower => {
                        if !in_word {
                            if words > 0 {
                                out.push(b' ');
                            }
                            (words, in_word) = (words + 1, true);
                        }
                        out.push(lower);
                    }
                }
            }
            Some(out)
        };
        let alphabet = b"aZq09' ,.-\x7f\xc3Supercalifragilistic";
        for t in random_texts(0x9e37_79b9_7f4a_7c15, 20_000, 70, alphabet) {
            let mut near = Window::default();
            near.text.extend_from_slice(b" x");
            let pushed = push_plain_words(&mut near, &t);
            let want = by_bytes(&t);
            assert_eq!(pushed, want.is_some(), "{t:?}");
            let mut expected = b" x".to_vec();
            expected.extend(want.unwrap_or_default());
            assert_eq!(near.text, expected, "{t:?}");
        }
    }

    #[test]
    fn folded_quotes_match_a_byte_loop() {
        // The quote as first pushed, a byte at a time (None: `fold` takes over).
        let by_bytes = |bytes: &[u8]| -> Option<Vec<u8>> {
            let (mut out, mut gap) = (Vec::new(), false);
            for &b in bytes {
                match b {
                    0x7f.. => return None,
                    b' ' | b'\t'..=b'\r' => gap = !out.is_empty(),
                    _ => {
                        if gap {
                            out.push(b' ');
                            gap = false;
                        }
                        out.push(b.to_ascii_lowercase());
                    }
                }
            }
            Some(out)
        };
        let alphabet = b"aZq09$%' ,.-\t\n\x0b\r\x0e\x1f\x7f\xc3AZ@[`{ Billion MILLION";
        for t in random_texts(0x1234_5678_9abc_def1, 20_000, 40, alphabet) {
            let Some(want) = by_bytes(&t) else {
                continue;
            };
            let Ok(text) = std::str::from_utf8(&t) else {
                continue;
            };
            let mut near = Window::default();
            near.text.extend_from_slice(b" x ");
            push_folded(&mut near, text);
            let mut expected = b" x ".to_vec();
            expected.extend(&want);
            assert_eq!(near.text, expected, "{text:?}");
        }
        let cases: [(&[u8], usize, Option<u64>); 6] = [
            (b"abcdefgh", 0, Some(u64::from_le_bytes(*b"abcdefgh"))),
            (b"abcdefghij", 1, Some(u64::from_le_bytes(*b"bcdefghi"))),
            (b"abcdefghij", 3, Some(u64::from_le_bytes(*b"defghij\x80"))),
            (
                b"abcdefghij",
                9,
                Some(u64::from_le_bytes(*b"j\x80\x80\x80\x80\x80\x80\x80")),
            ),
            (b"abcdefghij", 10, None),
            (b"abcdefg", 0, None),
        ];
        for (bytes, i, want) in cases {
            assert_eq!(chunk_at(bytes, i), want, "{bytes:?} {i}");
        }
        for (w, lanes) in [
            (*b"abcdefgh", 8),
            (*b"ABC DEFG", 3),
            (*b"\tbcdefgh", 0),
            (*b"abcdefg\r", 7),
            (*b"AB\x7fCDEFG", 2),
            (*b"@[`{Z\x0e\x1f\x0b", 7),
        ] {
            let (got, lower) = solid_lanes(u64::from_le_bytes(w));
            assert_eq!(got, lanes, "{w:?}");
            assert_eq!(
                lower.to_le_bytes()[..lanes],
                w[..lanes].to_ascii_lowercase(),
                "{w:?}"
            );
        }
    }

    #[test]
    fn windows_match_folding_whole_pieces() {
        let sentences = [
            "Since   2021, the U.S. and its partners\u{2014}in all (Caf\u{e9}) 40 \u{2014} \u{5317}\u{4eac} \u{2014} regions\u{2014}have trained 5,000 Nurses, doctors and midwives across Central America, for the long \u{2018}term\u{2019} and \u{2014}more.",
            "To Date, the\tPartnership's   members\u{b}HAVE mobilized $5.2  Billion in new commitments this year.",
            "A \u{212a}elvin \u{130}stanbul stra\u{df}e 12 MILLION x",
            "\u{e9}1 2 3 4 5 6 7 8 9, QUOTE A b c d e f g h\u{e9}",
            "\u{e9} 1 2 3 4 5 6 7 8, QUOTE A b c d e f g h \u{e9}",
            "1 2 3 4 5 6 7 8\u{e9} QUOTE \u{e9}A b c d e f g h i",
            "x\u{7f}1 2 3 4 5 6 7 8 QUOTE A b c d e f g h\u{7f}i",
        ];
        let quotes = [
            "5,000 Nurses",
            "40",
            "Since",
            "more.",
            "trained",
            "$5.2  Billion",
            "To",
            "x",
            "12 MILLION",
            "absent",
            "\u{2014}have",
            "Billion in",
            "QUOTE",
        ];
        let mut near = Window::default();
        for sentence in sentences {
            for quote in quotes {
                window(sentence, sentence.find(quote), quote, &mut near);
                assert_eq!(
                    String::from_utf8_lossy(&near.text),
                    window_by_fold(sentence, quote),
                    "{quote} in {sentence}"
                );
                let spaces: Vec<usize> = memchr::memchr_iter(b' ', &near.text)
                    .map(|i| i + 1)
                    .collect();
                assert_eq!(near.starts, spaces, "{quote} in {sentence}");
            }
        }
    }

    #[test]
    fn cue_index_finds_what_a_search_per_cue_finds() {
        // The lists as first searched: each cue after any space of the window.
        let by_search = |near: &str| {
            let lists = [
                (RUNNING_CUES, RUNNING),
                (TARGET_CUES, TARGET),
                (PER_PERIOD_CUES, PER_PERIOD),
            ];
            lists
                .iter()
                .filter(|(cues, _)| cues.iter().any(|c| near.contains(&format!(" {c}"))))
                .fold(0, |bits, (_, bit)| bits | bit)
        };
        let mut windows = vec![
            " ".to_string(),
            "".to_string(),
            " goa".to_string(),
            " goal".to_string(),
            "goal".to_string(),
            " since 2021 the goals a year".to_string(),
            "  $5 billion  ".to_string(),
        ];
        for cues in [RUNNING_CUES, TARGET_CUES, PER_PERIOD_CUES] {
            for cue in cues {
                windows.push(format!(" x {cue}"));
                windows.push(format!(" x {cue}s y"));
                windows.push(format!(" x {}", &cue[..cue.len() - 1]));
                windows.push(format!(" x{cue} y"));
            }
        }
        let mut near = Window::default();
        for text in windows {
            near.clear();
            near.push_spaced(&text);
            assert_eq!(CUES.lists_in(&near), by_search(&text), "{text:?}");
        }
    }

    #[test]
    fn a_title_figure_is_a_running_total() {
        let title =
            extract_figures("Partnership Has Generated More Than $5.2 Billion in Commitments");
        let text = "The partnership has generated more than $5.2 billion in commitments.";
        let mut figures = extract_figures(text);
        classify(text, &mut figures, &title, &mut Scratch::default());
        assert_eq!(figures[0].class, FigureClass::Running);
        let mut figures = extract_figures(text);
        classify(text, &mut figures, &[], &mut Scratch::default());
        assert_eq!(figures[0].class, FigureClass::Plain);
    }
}
