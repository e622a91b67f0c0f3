//! Rendering: a diff [`Report`] or a [`History`] → text for people or tools, written to any
//! writer. The human formats (text, Markdown, HTML) lay out one shared view (`view`); JSON
//! and CSV read the report's wire form (`wire`). Renderers only lay out and escape.

mod csv;
mod escape;
mod html;
mod json;
mod markdown;
mod terminal;
#[cfg(test)]
mod tests;
mod view;
mod wire;

pub use escape::terminal as terminal_safe;

use crate::diff::Report;
use crate::history::History;
use std::io::{self, Write};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text for a terminal (color optional).
    Text,
    /// One JSON object (**contract**).
    Json,
    /// GitHub-flavoured Markdown, for job summaries and pull requests; all source text inert.
    Markdown,
    /// RFC 4180 CSV with a header row, guarded against spreadsheet formula injection.
    Csv,
    /// One self-contained HTML page (inline CSS and SVG charts, no scripts, no network).
    Html,
}

/// Settings that shape the output, resolved once by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// Use ANSI colors.
    pub color: bool,
    /// Show how each pair was matched.
    pub reasons: bool,
    /// Leave out the summary lines (`--quiet`).
    pub quiet: bool,
    /// The width text output fits, in columns (the terminal's, resolved by the caller;
    /// [`DEFAULT_WIDTH`] when not a terminal). Long lines wrap at it.
    pub width: usize,
}

/// The width of text output when it does not go to a terminal.
pub const DEFAULT_WIDTH: usize = 100;

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            reasons: true,
            quiet: false,
            width: DEFAULT_WIDTH,
        }
    }
}

/// Writes a diff report.
pub fn render_diff(
    report: &Report,
    format: Format,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text => terminal::diff(report, options, out),
        Format::Json => json::diff(report, out),
        Format::Markdown => markdown::diff(report, options, out),
        Format::Csv => csv::diff(report, out),
        Format::Html => html::diff(report, options, out),
    }
}

/// Writes a history.
pub fn render_history(
    history: &History,
    format: Format,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text => terminal::history(history, options, out),
        Format::Json => json::history(history, out),
        Format::Markdown => markdown::history(history, options, out),
        Format::Csv => csv::history(history, out),
        Format::Html => html::history(history, options, out),
    }
}

/// Which of a report's two editions is older.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EditionOrder {
    /// OLD is older: the usual case.
    OldFirst,
    /// Both carry the same date and revision.
    SameDate,
    /// OLD is the newer edition.
    NewFirst,
}

impl EditionOrder {
    /// The order of `report`'s editions, by date and revision.
    pub(crate) fn of(report: &Report) -> EditionOrder {
        use std::cmp::Ordering::*;
        match (report.old.date, report.old.revision).cmp(&(report.new.date, report.new.revision)) {
            Less => EditionOrder::OldFirst,
            Equal => EditionOrder::SameDate,
            Greater => EditionOrder::NewFirst,
        }
    }

    /// A note for people when the order is not the usual one.
    pub(crate) fn note(self) -> Option<&'static str> {
        match self {
            EditionOrder::OldFirst => None,
            EditionOrder::SameDate => Some("both editions carry the same date"),
            EditionOrder::NewFirst => {
                Some("OLD is the newer edition: changes read from newer to older")
            }
        }
    }
}

/// The qualifier as a short mark for tables: `>` over, `≥` at least, `<~` nearly, `~` about, `≤` up to.
pub(crate) fn qualifier_mark(q: crate::figure::Qualifier) -> &'static str {
    use crate::figure::Qualifier::*;
    match q {
        Exact => "",
        Over => ">",
        AtLeast => "≥",
        Nearly => "<~",
        Approximately => "~",
        UpTo => "≤",
    }
}

/// The qualifier in words, as a reader would say it before the number ("more than").
pub(crate) fn qualifier_words(q: crate::figure::Qualifier) -> &'static str {
    use crate::figure::Qualifier::*;
    match q {
        Exact => "",
        Over => "more than",
        AtLeast => "at least",
        Nearly => "nearly",
        Approximately => "about",
        UpTo => "up to",
    }
}

/// A figure for people: the source's own words when recorded, else [`value_words`].
pub(crate) fn figure_words(f: &crate::figure::Figure) -> String {
    if !f.quote.trim().is_empty() {
        return f.quote.clone();
    }
    value_words(f)
}

/// A figure as qualifier words and value, whatever the source's words: "more than 90,000".
pub(crate) fn value_words(f: &crate::figure::Figure) -> String {
    match qualifier_words(f.qualifier) {
        "" => f.display_value(),
        words => format!("{words} {}", f.display_value()),
    }
}

/// A delta for people: an explicit sign (`+`, `−`) before the formatted magnitude; no sign on
/// zero.
pub(crate) fn signed_value(value: rust_decimal::Decimal, unit: crate::figure::Unit) -> String {
    // Two percentages differ by percentage points, not by a percentage ("+4.0 pp").
    let magnitude = if unit == crate::figure::Unit::Percent {
        format!("{:.1} pp", value.abs())
    } else {
        crate::figure::format_value(value.abs(), unit)
    };
    if value.is_zero() {
        magnitude
    } else if value.is_sign_negative() {
        format!("−{magnitude}")
    } else {
        format!("+{magnitude}")
    }
}

/// A percentage for people with an explicit sign: `+177.8%`, `−11.1%`.
pub(crate) fn signed_percent(p: rust_decimal::Decimal) -> String {
    if p.is_sign_negative() && !p.is_zero() {
        format!("−{}%", p.abs())
    } else {
        format!("+{p}%")
    }
}

/// "1 edition", "3 editions".
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
