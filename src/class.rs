//! Figure classes: whether a figure is a running total, a per-period amount, a target or plain,
//! read from the words around it in its sentence (and the sheet's title).
//!
//! Classes decide flags: a running total that fell is a `decrease`; two rounds of "new"
//! money are not; a changed goal is `target-changed`.

use crate::figure::{Figure, FigureClass};
use crate::text::{fold, sentence_at};
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

/// The cue lists by first byte, each cue with its list's bit, so that a figure's window is
/// read once for all three lists and compared only with the cues that can start at each of its
/// words (a search per cue per figure was a fifth of `add`'s time).
struct CueIndex {
    by_first: Vec<Vec<Cue>>,
}

/// A cue with its list's bit and its first four bytes (fewer for a shorter cue) as a number,
/// compared before the cue itself.
#[derive(Clone)]
struct Cue {
    text: &'static str,
    bit: u8,
    head: u32,
    mask: u32,
}

/// The first four bytes of `bytes` (zeros past its end) as one number.
fn head_of(bytes: &[u8]) -> u32 {
    let mut head = [0u8; 4];
    let n = bytes.len().min(4);
    head[..n].copy_from_slice(&bytes[..n]);
    u32::from_le_bytes(head)
}

const RUNNING: u8 = 1;
const TARGET: u8 = 2;
const PER_PERIOD: u8 = 4;

impl CueIndex {
    fn new(lists: &[(&[&'static str], u8)]) -> CueIndex {
        let mut by_first = vec![Vec::new(); 256];
        for (cues, bit) in lists {
            for cue in *cues {
                if let Some(&b) = cue.as_bytes().first() {
                    let n = cue.len().min(4);
                    by_first[usize::from(b)].push(Cue {
                        text: cue,
                        bit: *bit,
                        head: head_of(cue.as_bytes()),
                        mask: u32::from_le_bytes(
                            [0, 1, 2, 3].map(|k| if k < n { 0xff } else { 0 }),
                        ),
                    });
                }
            }
        }
        CueIndex { by_first }
    }

    /// The bits of the lists with a cue right after a space of `near` (`near` holds " {cue}").
    fn lists_in(&self, near: &str) -> u8 {
        let bytes = near.as_bytes();
        let mut found = 0;
        for space in memchr::memchr_iter(b' ', bytes) {
            let at = &bytes[space + 1..];
            let Some(&first) = at.first() else { break };
            let head = head_of(at);
            for cue in &self.by_first[usize::from(first)] {
                if found & cue.bit == 0
                    && head & cue.mask == cue.head
                    && at.starts_with(cue.text.as_bytes())
                {
                    found |= cue.bit;
                }
            }
        }
        found
    }
}

static CUES: LazyLock<CueIndex> = LazyLock::new(|| {
    CueIndex::new(&[
        (RUNNING_CUES, RUNNING),
        (TARGET_CUES, TARGET),
        (PER_PERIOD_CUES, PER_PERIOD),
    ])
});

/// Classifies each figure of one claim from the claim's text; a figure the sheet's title
/// states (`title_figures`) is its headline total unless its own words say otherwise.
pub fn classify(text: &str, figures: &mut [Figure], title_figures: &[Figure]) {
    // One window buffer for all of the claim's figures.
    let mut near = String::new();
    for figure in figures.iter_mut() {
        figure.class = class_of(text, figure, title_figures, &mut near);
    }
}

/// The class of one figure in `text` (`near` is scratch room for its window).
fn class_of(
    text: &str,
    figure: &Figure,
    title_figures: &[Figure],
    near: &mut String,
) -> FigureClass {
    let quote = figure.quote.as_str();
    // As `sentence_around`, keeping where the quote was found.
    let found_at = (!quote.is_empty())
        .then(|| crate::text::find_first(text.as_bytes(), quote.as_bytes()))
        .flatten();
    let Some(sentence) = found_at.and_then(|at| sentence_at(text, at, quote.len())) else {
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

/// Writes " {before} {quote} {after} " into `near`: up to [`CUE_WINDOW_WORDS`] folded words
/// before and after `quote` in `sentence` around the folded quote (just the quote when it is
/// not found). `at` is where `quote` first stands in `sentence`.
fn window(sentence: &str, at: Option<usize>, quote: &str, near: &mut String) {
    near.clear();
    let Some(at) = at else {
        near.push_str("  ");
        push_folded(near, quote);
        near.push_str("  ");
        return;
    };
    near.push(' ');
    push_words(near, &sentence[..at], true);
    near.push(' ');
    push_folded(near, quote);
    near.push(' ');
    push_words(near, &sentence[at + quote.len()..], false);
    near.push(' ');
}

/// True for a character of a window word: ASCII letters and digits, and apostrophes.
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '\''
}

/// Pushes `fold(text)` onto `near`, without its own allocation when `text` is plain ASCII.
fn push_folded(near: &mut String, text: &str) {
    // `fold` leaves text below 0x7F to whitespace and case alone.
    if !text.bytes().all(|b| b < 0x7f) {
        near.push_str(&fold(text));
        return;
    }
    for (i, w) in text.split_whitespace().enumerate() {
        if i > 0 {
            near.push(' ');
        }
        let start = near.len();
        near.push_str(w);
        near[start..].make_ascii_lowercase();
    }
}

/// Pushes the last (`last`) or first [`CUE_WINDOW_WORDS`] words of `fold(text)` onto `near`,
/// one space apart.
fn push_words(near: &mut String, text: &str, last: bool) {
    let Some((runs, n)) = plain_runs(text.as_bytes(), last) else {
        let pieces = if last {
            last_pieces(text, CUE_WINDOW_WORDS)
        } else {
            first_pieces(text, CUE_WINDOW_WORDS)
        };
        let folded = fold(pieces);
        let words = folded.split(|c: char| !is_word(c));
        push_kept(near, words.filter(|w| !w.is_empty()), last);
        return;
    };
    for (i, &(s, e)) in runs[..n].iter().enumerate() {
        if i > 0 {
            near.push(' ');
        }
        let from = near.len();
        near.push_str(&text[s..e]);
        near[from..].make_ascii_lowercase();
    }
}

/// Where the last (`last`) or first [`CUE_WINDOW_WORDS`] words of `bytes` stand (start, end,
/// in order) when the bytes around them are plain ASCII: folding maps each character on its
/// own and keeps plain ASCII, so those words are the folded text's. None when a byte at or
/// above 0x7F is met first (`fold` would transliterate it).
fn plain_runs(bytes: &[u8], last: bool) -> Option<([(usize, usize); CUE_WINDOW_WORDS], usize)> {
    let word = |b: u8| is_word(char::from(b));
    let mut runs = [(0, 0); CUE_WINDOW_WORDS];
    let mut n = 0;
    if last {
        let mut i = bytes.len();
        while n < CUE_WINDOW_WORDS {
            while i > 0 && !word(bytes[i - 1]) {
                if bytes[i - 1] >= 0x7f {
                    return None;
                }
                i -= 1;
            }
            let end = i;
            while i > 0 && word(bytes[i - 1]) {
                i -= 1;
            }
            if i == end {
                break;
            }
            // A word is whole only when plain ASCII (or the text's end) bounds it.
            if i > 0 && bytes[i - 1] >= 0x7f {
                return None;
            }
            runs[n] = (i, end);
            n += 1;
        }
        runs[..n].reverse();
    } else {
        let mut i = 0;
        while n < CUE_WINDOW_WORDS {
            while i < bytes.len() && !word(bytes[i]) {
                if bytes[i] >= 0x7f {
                    return None;
                }
                i += 1;
            }
            let start = i;
            while i < bytes.len() && word(bytes[i]) {
                i += 1;
            }
            if i == start {
                break;
            }
            if bytes.get(i).is_some_and(|&b| b >= 0x7f) {
                return None;
            }
            runs[n] = (start, i);
            n += 1;
        }
    }
    Some((runs, n))
}

/// Pushes the last or first [`CUE_WINDOW_WORDS`] of `words` (in order), lower case.
fn push_kept<'a, I>(near: &mut String, words: I, last: bool)
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
            near.push(' ');
        }
        let start = near.len();
        near.push_str(w);
        near[start..].make_ascii_lowercase();
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
        classify(text, &mut figures, &[]);
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
    fn windows_match_folding_whole_pieces() {
        let sentences = [
            "Since   2021, the U.S. and its partners\u{2014}in all (Caf\u{e9}) 40 \u{2014} \u{5317}\u{4eac} \u{2014} regions\u{2014}have trained 5,000 Nurses, doctors and midwives across Central America, for the long \u{2018}term\u{2019} and \u{2014}more.",
            "To Date, the\tPartnership's   members\u{b}HAVE mobilized $5.2  Billion in new commitments this year.",
            "A \u{212a}elvin \u{130}stanbul stra\u{df}e 12 MILLION x",
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
        ];
        let mut near = String::new();
        for sentence in sentences {
            for quote in quotes {
                window(sentence, sentence.find(quote), quote, &mut near);
                assert_eq!(
                    near,
                    window_by_fold(sentence, quote),
                    "{quote} in {sentence}"
                );
            }
        }
    }

    #[test]
    fn a_title_figure_is_a_running_total() {
        let title =
            extract_figures("Partnership Has Generated More Than $5.2 Billion in Commitments");
        let text = "The partnership has generated more than $5.2 billion in commitments.";
        let mut figures = extract_figures(text);
        classify(text, &mut figures, &title);
        assert_eq!(figures[0].class, FigureClass::Running);
        let mut figures = extract_figures(text);
        classify(text, &mut figures, &[]);
        assert_eq!(figures[0].class, FigureClass::Plain);
    }
}
