//! GitHub-flavoured Markdown for job summaries and pull requests: a summary line, tables of
//! changed, added and dropped figures, renames, claims, and word-level rewordings folded in
//! `<details>`; history as one table. Every piece of source text goes through [`md`].

use super::escape::markdown as md;
use super::view::{mark_key, Column, DiffView, HistoryView, Rows, NET_KEY, UNTRACKED};
use super::{figure_words, RenderOptions};
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
                    let mut line = format!("- **{}**", md(r.topic).trim());
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
        text.push_str(&format!("{mark}{}{mark}", md(run).trim()));
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
    let view = HistoryView::new(history, options);
    if let Some(title) = view.title {
        writeln!(out, "## {}", md(title))?;
        writeln!(out)?;
    }
    if let Some(summary) = &view.summary {
        let span = match &summary.span {
            Some((a, b)) => format!(" from {} to {}", md(a), md(b)),
            None => String::new(),
        };
        writeln!(
            out,
            "**{}** over {}{span}",
            summary.tracked, summary.editions
        )?;
        writeln!(out)?;
    }
    if view.rows.is_empty() {
        writeln!(
            out,
            "No tracked figures ({UNTRACKED}; `--all` shows every one)."
        )?;
        return Ok(());
    }
    header(out, &view.columns)?;
    for r in &view.rows {
        let t = r.track;
        let mut cells = vec![format!("{} · {}", md(&t.topic), md(&t.measure))];
        cells.extend(r.cells().map(|c| c.as_deref().map(md).unwrap_or_default()));
        cells.push(md(r.net.as_deref().unwrap_or("")));
        cells.push(md(&flag_list(&t.flags)));
        row(out, &cells)?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        md(&format!(
            "Legend: {} · no mark: exact · blank: absent from that edition · {NET_KEY}",
            mark_key(" · ")
        ))
    )?;
    if !view.legend.is_empty() {
        writeln!(out)?;
        for (f, meaning) in &view.legend {
            writeln!(out, "- **{}**: {}", f.as_str(), md(meaning))?;
        }
    }
    Ok(())
}
