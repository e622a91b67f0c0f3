//! Rendering: a diff [`Report`] or a [`History`] → text for people or tools, written to any
//! writer. Renderers only lay out; every figure they print was computed before.

mod json;
mod terminal;

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
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            reasons: true,
            quiet: false,
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
    }
}

/// Which of two editions is older, in words for reports.
pub(crate) fn order_note(report: &Report) -> Option<&'static str> {
    use std::cmp::Ordering::*;
    match (report.old.date, report.old.revision).cmp(&(report.new.date, report.new.revision)) {
        Less => None,
        Equal => Some("both editions carry the same date"),
        Greater => Some("OLD is the newer edition: changes read from newer to older"),
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
