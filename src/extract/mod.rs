//! Extracting figures: one claim's text → its numbers with exact value, unit, qualifier,
//! counted noun, measure and quote.
//!
//! A hand-written, linear scanner: the text is cut once into `tokens` (numbers, words,
//! symbols) with byte spans, then each number-like token is read outward in the steps of
//! `draft` — money sign and `qualifiers` before it, `numbers` (scale words, ranges) and
//! `units` after it, then the counted noun (`nouns`). `context` rules reject what a
//! watchdog would not track (years, dates, times, ids, names with digits, list numbering,
//! ages, durations, compound adjectives such as "10-year"). When in doubt a number is left
//! out: a false figure is worse than a missed one. Every word list is in `lexicon`.
//!
//! A count with no noun is dropped; money, percent and multiples may have none. In a table
//! row (`table`), a cell's number takes its column's name as its noun.

mod context;
mod draft;
mod lexicon;
mod masks;
mod nouns;
mod numbers;
mod qualifiers;
mod table;
mod tokens;
mod units;

#[cfg(test)]
mod tests;

pub use lexicon::MEASURE_DROP_WORDS;
pub use nouns::{measure_for, MAX_NOUN_WORDS};
pub use table::{columns, extract_row, Column};

use crate::figure::Figure;
use tokens::Toks;

/// Finds every figure a watchdog would track in `text`, in reading order.
pub fn extract_figures(text: &str) -> Vec<Figure> {
    if !numbers::words::may_hold_number(text) {
        return Vec::new();
    }
    tokens::with_tokens(text, |t, leads| {
        let mut out = Vec::new();
        // The token to go on from: leads before it were read as part of a figure.
        let mut i = 0;
        for &lead in leads {
            if lead < i {
                continue;
            }
            let next = match figure_at(t, lead) {
                Ok((fig, next)) => {
                    out.push(fig);
                    next
                }
                Err(next) => next,
            };
            i = next.max(lead + 1);
        }
        out
    })
}

/// Reads a figure starting at token `i`: the figure and the token to go on from, or (when
/// the number there is no figure) the token to go on from.
fn figure_at(t: &Toks, i: usize) -> Result<(Figure, usize), usize> {
    let start = draft::start_at(t, i)?;
    let mut d = draft::read_amount(t, start)?;
    draft::read_unit_words(t, &mut d);
    draft::read_ratio(t, &mut d);
    draft::read_range(t, &mut d)?;
    draft::read_trailing_qualifier(t, &mut d);
    if draft::rejected_by_context(t, &d) {
        return Err(d.next);
    }
    draft::read_noun(t, &mut d);
    draft::check_noun(t, &mut d)?;
    draft::check_unit(t, &mut d)?;
    Ok((draft::into_figure(t, &d), d.next))
}
