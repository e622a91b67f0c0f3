//! Rendering: a diff [`Report`] or a [`History`] → text for people or tools, written to any
//! writer. Renderers only lay out; every figure they print was computed before.

mod csv;
mod escape;
mod html;
mod json;
mod markdown;
mod terminal;
#[cfg(test)]
mod tests;

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

/// A figure for people: the source's own words when recorded, else qualifier words and value.
pub(crate) fn figure_words(f: &crate::figure::Figure) -> String {
    if !f.quote.trim().is_empty() {
        return f.quote.clone();
    }
    match qualifier_words(f.qualifier) {
        "" => f.display_value(),
        words => format!("{words} {}", f.display_value()),
    }
}

/// A delta for people: an explicit sign (`+`, `−`) before the formatted magnitude; no sign on
/// zero.
pub(crate) fn signed_value(value: rust_decimal::Decimal, unit: crate::figure::Unit) -> String {
    let magnitude = crate::figure::format_value(value.abs(), unit);
    if value.is_zero() {
        magnitude
    } else if value.is_sign_negative() {
        format!("−{magnitude}")
    } else {
        format!("+{magnitude}")
    }
}

/// The summary counts in report order (changed figures first), zero counts left out.
pub(crate) fn summary_parts(report: &Report) -> Vec<String> {
    crate::diff::ChangeKind::ALL
        .iter()
        .filter_map(|k| {
            report
                .summary
                .get(k.as_str())
                .filter(|n| **n > 0)
                .map(|n| format!("{n} {k}"))
        })
        .collect()
}

/// A percentage for people with an explicit sign: `+177.8%`, `−11.1%`.
pub(crate) fn signed_percent(p: rust_decimal::Decimal) -> String {
    if p.is_sign_negative() && !p.is_zero() {
        format!("−{}%", p.abs())
    } else {
        format!("+{p}%")
    }
}

/// The claim's heading when it has one, else its topic key.
pub(crate) fn topic_label(c: &crate::diff::Change) -> String {
    match &c.heading {
        Some(h) => h.clone(),
        None => c.topic.to_string(),
    }
}

/// What each flag means, for legends.
pub(crate) fn flag_meaning(flag: crate::diff::Flag) -> &'static str {
    use crate::diff::Flag::*;
    match flag {
        Decrease => "a count or money figure fell",
        Hedged => "the qualifier softened (exact or a floor became nearly, about or up to)",
        Firmed => "the qualifier firmed (a soft figure became exact or a floor)",
        Rescaled => "the same value written at another scale",
        Dropped => "a figure left without a replacement",
        Stale => "the same value in three or more editions in a row",
        Gap => "absent from an edition, then back",
        Republished => "another release under the same date with different content",
    }
}

/// A word diff regrouped for reading: changed words separated only by spaces form one deleted
/// run and one inserted run ("~~more than 90,000~~ **up to 250,000**" rather than word by word
/// alternation). Runs carry no outer whitespace: it moves to `equal` pieces (one space).
pub(crate) fn word_runs(words: &[crate::diff::WordChange]) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let (mut del, mut ins, mut gap) = (String::new(), String::new(), String::new());
    let flush = |out: &mut Vec<(&'static str, String)>, del: &mut String, ins: &mut String| {
        let lead = [&*del, &*ins]
            .iter()
            .any(|r| r.starts_with(char::is_whitespace));
        let trail = [&*del, &*ins]
            .iter()
            .any(|r| r.ends_with(char::is_whitespace));
        if lead {
            out.push(("equal", " ".to_string()));
        }
        for (tag, run) in [("delete", del), ("insert", ins)] {
            if !run.trim().is_empty() {
                out.push((tag, run.trim().to_string()));
            }
            run.clear();
        }
        if trail {
            out.push(("equal", " ".to_string()));
        }
    };
    for w in words {
        let in_group = !del.is_empty() || !ins.is_empty();
        if w.tag == "equal" {
            if in_group && w.text.trim().is_empty() {
                gap.push_str(&w.text);
                continue;
            }
            flush(&mut out, &mut del, &mut ins);
            out.push(("equal", std::mem::take(&mut gap) + &w.text));
        } else {
            if in_group && !gap.is_empty() {
                // The group goes on across the space; both sides keep it.
                del.push_str(&gap);
                ins.push_str(&gap);
                gap.clear();
            }
            if w.tag == "delete" {
                del.push_str(&w.text);
            } else {
                ins.push_str(&w.text);
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    if !gap.is_empty() {
        out.push(("equal", gap));
    }
    out
}

/// "1 edition", "3 editions".
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
