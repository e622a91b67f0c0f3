//! GitHub-flavoured Markdown for job summaries and pull requests: a summary line, tables of
//! changed, added and dropped figures, renames, claims, and word-level rewordings folded in
//! `<details>`; history as one table. Every piece of source text goes through [`md`].

use super::escape::markdown as md;
use super::view::{flag_meaning, Column, DiffView, Rows};
use super::{figure_words, qualifier_mark, signed_value, RenderOptions};
use crate::diff::{Flag, Report};
use crate::history::History;
use std::io::{self, Write};

/// Flag names joined for a table cell.
fn flag_list(flags: &[Flag]) -> String {
    flags
        .iter()
        .map(|f| f.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The topic cell: the claim's label, and the old key when the figure moved from another topic.
fn topic_cell(topic: &str, from: Option<&str>) -> String {
    match from {
        Some(old) => format!("{} (from {})", md(topic), md(old)),
        None => md(topic),
    }
}

/// One table row from already-escaped cells.
fn row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    writeln!(out, "| {} |", cells.join(" | "))
}

/// A header row and its alignment row (`true` marks right-aligned columns).
fn header<S: AsRef<str>>(out: &mut dyn Write, cols: &[Column<S>]) -> io::Result<()> {
    let names: Vec<String> = cols.iter().map(|(n, _)| md(n.as_ref())).collect();
    row(out, &names)?;
    let rule: Vec<String> = cols
        .iter()
        .map(|(_, right)| if *right { "---:" } else { "---" }.to_string())
        .collect();
    row(out, &rule)
}

pub(super) fn diff(
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let view = DiffView::new(report, options);
    writeln!(out, "## {}", md(view.title))?;
    writeln!(out)?;
    let mut line = format!("**{} → {}**", md(&view.old_label), md(&view.new_label));
    if let Some(summary) = &view.summary {
        line.push_str(": ");
        line.push_str(summary);
    }
    writeln!(out, "{line}")?;
    if let Some(note) = view.note {
        writeln!(out)?;
        writeln!(out, "> **Note:** {}", md(note))?;
    }
    for section in &view.sections {
        writeln!(out, "\n### {}\n", section.title)?;
        if !section.columns.is_empty() {
            header(out, &section.columns)?;
        }
        match &section.rows {
            Rows::Figures(rows) => {
                for r in rows {
                    let mut cells = vec![
                        topic_cell(r.topic, r.from),
                        md(r.measure),
                        md(&figure_words(r.old)),
                        md(&figure_words(r.new)),
                        md(r.delta.as_deref().unwrap_or("")),
                        md(r.percent.as_deref().unwrap_or("")),
                        md(&flag_list(&r.flags)),
                    ];
                    cells.extend(r.reason.map(md));
                    row(out, &cells)?;
                }
            }
            Rows::Renames(rows) => {
                for r in rows {
                    let mut cells = vec![md(r.old), md(r.new)];
                    cells.extend(r.reason.map(md));
                    row(out, &cells)?;
                }
            }
            Rows::Rewordings(rows) => {
                for r in rows {
                    // `<summary>` sits in raw HTML; `md` output is inert there too (entities only).
                    writeln!(out, "<details>")?;
                    writeln!(out, "<summary>{}</summary>", md(r.topic))?;
                    writeln!(out)?;
                    writeln!(out, "{}", word_diff(&r.runs))?;
                    writeln!(out)?;
                    writeln!(out, "</details>")?;
                    writeln!(out)?;
                }
            }
            Rows::FigureList(_, rows) => {
                for r in rows {
                    let cells = [
                        topic_cell(r.topic, r.from),
                        md(&r.figure.measure),
                        md(&figure_words(r.figure)),
                        md(&flag_list(&r.flags)),
                    ];
                    row(out, &cells)?;
                }
            }
            Rows::ClaimList(_, rows) => {
                for r in rows {
                    let mut line = format!("- **{}**", md(r.topic));
                    if !r.flags.is_empty() {
                        line.push_str(&format!(" ({})", md(&flag_list(&r.flags))));
                    }
                    if let Some(text) = r.text {
                        line.push_str(": ");
                        line.push_str(&md(text));
                    }
                    writeln!(out, "{line}")?;
                    for f in r.figures {
                        writeln!(out, "  - {} ({})", md(&figure_words(f)), md(&f.measure))?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// The word-level diff as one paragraph: deleted words struck through, inserted words bold.
fn word_diff(runs: &[(&str, String)]) -> String {
    let mut text = String::new();
    for (tag, run) in runs {
        if *tag == "equal" {
            text.push_str(&md(run));
            continue;
        }
        // GFM needs the delimiters to touch the words and to have space outside them.
        if !text.is_empty() && !text.ends_with(' ') {
            text.push(' ');
        }
        let mark = if *tag == "delete" { "~~" } else { "**" };
        text.push_str(&format!("{mark}{}{mark}", md(run)));
    }
    if text.trim().is_empty() {
        // Only whitespace moved: say so rather than print an empty block.
        return "_(whitespace only)_".to_string();
    }
    text.trim().to_string()
}

pub(super) fn history(
    history: &History,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    if let Some(last) = history.editions.last() {
        writeln!(out, "## {}", md(&last.title))?;
        writeln!(out)?;
    }
    if !options.quiet {
        let span = match (history.editions.first(), history.editions.last()) {
            (Some(a), Some(b)) => format!(" from {} to {}", md(&a.label()), md(&b.label())),
            _ => String::new(),
        };
        writeln!(
            out,
            "**{}** over {}{span}",
            super::count(history.tracks.len(), "tracked figure"),
            super::count(history.editions.len(), "edition")
        )?;
        writeln!(out)?;
    }
    if history.tracks.is_empty() {
        writeln!(out, "No tracked figures (a figure is tracked once it appears in two editions; `--all` shows every one).")?;
        return Ok(());
    }
    let labels: Vec<String> = history.editions.iter().map(|e| e.label()).collect();
    let mut cols: Vec<(&str, bool)> = vec![("Figure", false)];
    cols.extend(labels.iter().map(|l| (l.as_str(), true)));
    cols.push(("Net", true));
    cols.push(("Flags", false));
    header(out, &cols)?;
    let mut seen_flags: Vec<Flag> = Vec::new();
    for t in &history.tracks {
        let mut cells = vec![format!("{} · {}", md(&t.topic), md(&t.measure))];
        for v in &t.values {
            cells.push(match v {
                Some(f) => md(&format!(
                    "{}{}",
                    qualifier_mark(f.qualifier),
                    f.display_value()
                )),
                None => String::new(),
            });
        }
        cells.push(md(&t
            .net
            .map(|n| signed_value(n, t.unit))
            .unwrap_or_default()));
        cells.push(md(&flag_list(&t.flags)));
        row(out, &cells)?;
        for f in &t.flags {
            if !seen_flags.contains(f) {
                seen_flags.push(*f);
            }
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        md("Legend: > more than · ≥ at least · <~ nearly · ~ about · ≤ up to (as many as) · no mark: exact · blank: absent from that edition · Net: last value − first value.")
    )?;
    if !seen_flags.is_empty() {
        seen_flags.sort();
        writeln!(out)?;
        for f in seen_flags {
            writeln!(out, "- **{}**: {}", f.as_str(), md(flag_meaning(f)))?;
        }
    }
    Ok(())
}
