//! Figure classes: whether a figure is a running total, a per-period amount, a target or plain,
//! read from the words around it in its sentence (and the sheet's title).
//!
//! Classes decide flags: a running total that fell is a `decrease`; two rounds of "new"
//! money are not; a changed goal is `target-changed`.

use crate::figure::{Figure, FigureClass};
use crate::text::{fold, sentence_around};
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
    by_first: Vec<Vec<(&'static str, u8)>>,
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
                    by_first[usize::from(b)].push((*cue, *bit));
                }
            }
        }
        CueIndex { by_first }
    }

    /// The bits of the lists with a cue right after a space of `near` (`near` holds " {cue}").
    fn lists_in(&self, near: &str) -> u8 {
        let bytes = near.as_bytes();
        let mut found = 0;
        for i in 1..bytes.len() {
            if bytes[i - 1] == b' ' {
                for (cue, bit) in &self.by_first[usize::from(bytes[i])] {
                    if found & bit == 0 && bytes[i..].starts_with(cue.as_bytes()) {
                        found |= bit;
                    }
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
    for figure in figures.iter_mut() {
        figure.class = class_of(text, figure, title_figures);
    }
}

/// The class of one figure in `text`.
fn class_of(text: &str, figure: &Figure, title_figures: &[Figure]) -> FigureClass {
    let Some(sentence) = sentence_around(text, &figure.quote) else {
        return FigureClass::Plain;
    };
    let found = CUES.lists_in(&window(sentence, &figure.quote));
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

/// " {before} {quote} {after} ": up to [`CUE_WINDOW_WORDS`] folded words before and after
/// `quote` in `sentence` around the folded quote (just the quote when it is not found).
fn window(sentence: &str, quote: &str) -> String {
    let quote_folded = fold(quote);
    let Some(at) = sentence.find(quote) else {
        return format!("  {quote_folded}  ");
    };
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '\'';
    let before = fold(last_pieces(&sentence[..at], CUE_WINDOW_WORDS));
    let after = fold(first_pieces(
        &sentence[at + quote.len()..],
        CUE_WINDOW_WORDS,
    ));
    let mut near = String::with_capacity(2 * CUE_WINDOW_WORDS * 8 + quote_folded.len() + 4);
    near.push(' ');
    let last: Vec<&str> = before
        .rsplit(|c: char| !is_word(c))
        .filter(|w| !w.is_empty())
        .take(CUE_WINDOW_WORDS)
        .collect();
    for (i, w) in last.iter().rev().enumerate() {
        if i > 0 {
            near.push(' ');
        }
        near.push_str(w);
    }
    near.push(' ');
    near.push_str(&quote_folded);
    near.push(' ');
    let first = after
        .split(|c: char| !is_word(c))
        .filter(|w| !w.is_empty())
        .take(CUE_WINDOW_WORDS);
    for (i, w) in first.enumerate() {
        if i > 0 {
            near.push(' ');
        }
        near.push_str(w);
    }
    near.push(' ');
    near
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
