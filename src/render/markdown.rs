//! GitHub-flavoured Markdown for job summaries and pull requests: a summary line, tables of
//! changed, added and dropped figures, renames, claims, and word-level rewordings folded in
//! `<details>`; history as one table. Every piece of source text goes through [`md`].

use super::escape::markdown as md;
use super::{
    figure_words, flag_meaning, order_note, qualifier_mark, signed_percent, signed_value,
    topic_label, word_runs, RenderOptions,
};
use crate::diff::{Change, ChangeKind, Flag, Report};
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

/// The topic cell: heading (or key), and the old key when the figure moved from another topic.
fn topic_cell(c: &Change) -> String {
    match &c.old_topic {
        Some(old) => format!("{} (from {})", md(&topic_label(c)), md(old.as_str())),
        None => md(&topic_label(c)),
    }
}

/// One table row from already-escaped cells.
fn row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    writeln!(out, "| {} |", cells.join(" | "))
}

/// A header row and its alignment row (`r` marks right-aligned columns).
fn header(out: &mut dyn Write, cols: &[(&str, bool)]) -> io::Result<()> {
    let names: Vec<String> = cols.iter().map(|(n, _)| md(n)).collect();
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
    writeln!(out, "## {}", md(&report.new.title))?;
    writeln!(out)?;
    let mut line = format!(
        "**{} → {}**",
        md(&report.old.label()),
        md(&report.new.label())
    );
    if !options.quiet {
        let parts: Vec<String> = super::summary_parts(report);
        line.push_str(": ");
        line.push_str(&if parts.is_empty() {
            "no changes".to_string()
        } else {
            parts.join(", ")
        });
    }
    writeln!(out, "{line}")?;
    if let Some(note) = order_note(report) {
        writeln!(out)?;
        writeln!(out, "> **Note:** {}", md(note))?;
    }
    let of = |kind: ChangeKind| report.changes.iter().filter(move |c| c.kind == kind);

    let figures: Vec<&Change> = of(ChangeKind::FigureChanged)
        .chain(of(ChangeKind::QualifierChanged))
        .chain(of(ChangeKind::TextChanged).filter(|c| c.old.is_some()))
        .collect();
    if !figures.is_empty() {
        writeln!(out, "\n### Changed figures\n")?;
        let mut cols = vec![
            ("Topic", false),
            ("Measure", false),
            ("Old", false),
            ("New", false),
            ("Δ", true),
            ("%", true),
            ("Flags", false),
        ];
        if options.reasons {
            cols.push(("Paired by", false));
        }
        header(out, &cols)?;
        for c in figures {
            let (Some(a), Some(b)) = (&c.old, &c.new) else {
                continue;
            };
            let delta = c.delta.map(|d| signed_value(d, b.unit)).unwrap_or_default();
            let pct = c.percent.map(signed_percent).unwrap_or_default();
            let mut cells = vec![
                topic_cell(c),
                md(c.measure.as_deref().unwrap_or("")),
                md(&figure_words(a)),
                md(&figure_words(b)),
                md(&delta),
                md(&pct),
                md(&flag_list(&c.flags)),
            ];
            if options.reasons {
                cells.push(md(c.reason.as_deref().unwrap_or("")));
            }
            row(out, &cells)?;
        }
    }

    let renamed: Vec<&Change> = of(ChangeKind::TopicRenamed).collect();
    if !renamed.is_empty() {
        writeln!(out, "\n### Renamed topics\n")?;
        let mut cols = vec![("Old topic", false), ("New topic", false)];
        if options.reasons {
            cols.push(("Paired by", false));
        }
        header(out, &cols)?;
        for c in renamed {
            let old = c
                .old_heading
                .clone()
                .or(c.old_topic.as_ref().map(|t| t.to_string()))
                .unwrap_or_default();
            let mut cells = vec![md(&old), md(&topic_label(c))];
            if options.reasons {
                cells.push(md(c.reason.as_deref().unwrap_or("")));
            }
            row(out, &cells)?;
        }
    }

    let texts: Vec<&Change> = of(ChangeKind::TextChanged)
        .filter(|c| c.old.is_none())
        .collect();
    if !texts.is_empty() {
        writeln!(out, "\n### Reworded claims\n")?;
        for c in texts {
            // `<summary>` sits in raw HTML; `md` output is inert there too (entities only).
            writeln!(out, "<details>")?;
            writeln!(out, "<summary>{}</summary>", md(&topic_label(c)))?;
            writeln!(out)?;
            writeln!(out, "{}", word_diff(c))?;
            writeln!(out)?;
            writeln!(out, "</details>")?;
            writeln!(out)?;
        }
    }

    for (kind, title) in [
        (ChangeKind::FigureAdded, "Figures added"),
        (ChangeKind::FigureDropped, "Figures dropped"),
    ] {
        let list: Vec<&Change> = of(kind).collect();
        if list.is_empty() {
            continue;
        }
        writeln!(out, "\n### {title}\n")?;
        header(
            out,
            &[
                ("Topic", false),
                ("Measure", false),
                ("Figure", false),
                ("Flags", false),
            ],
        )?;
        for c in list {
            let Some(f) = c.new.as_ref().or(c.old.as_ref()) else {
                continue;
            };
            row(
                out,
                &[
                    topic_cell(c),
                    md(&f.measure),
                    md(&figure_words(f)),
                    md(&flag_list(&c.flags)),
                ],
            )?;
        }
    }

    for (kind, title) in [
        (ChangeKind::ClaimAdded, "Claims added"),
        (ChangeKind::ClaimDropped, "Claims dropped"),
    ] {
        let list: Vec<&Change> = of(kind).collect();
        if list.is_empty() {
            continue;
        }
        writeln!(out, "\n### {title}\n")?;
        for c in list {
            let mut line = format!("- **{}**", md(&topic_label(c)));
            if !c.flags.is_empty() {
                line.push_str(&format!(" ({})", md(&flag_list(&c.flags))));
            }
            if let Some(text) = c.new_text.as_ref().or(c.old_text.as_ref()) {
                line.push_str(": ");
                line.push_str(&md(text));
            }
            writeln!(out, "{line}")?;
            for f in c.figures.iter().flatten() {
                writeln!(out, "  - {} ({})", md(&figure_words(f)), md(&f.measure))?;
            }
        }
    }
    Ok(())
}

/// The word-level diff as one paragraph: deleted words struck through, inserted words bold.
fn word_diff(c: &Change) -> String {
    let mut text = String::new();
    for (tag, run) in word_runs(&c.words) {
        if tag == "equal" {
            text.push_str(&md(&run));
            continue;
        }
        // GFM needs the delimiters to touch the words and to have space outside them.
        if !text.is_empty() && !text.ends_with(' ') {
            text.push(' ');
        }
        let mark = if tag == "delete" { "~~" } else { "**" };
        text.push_str(&format!("{mark}{}{mark}", md(&run)));
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
