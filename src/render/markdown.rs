//! GitHub-flavoured Markdown for job summaries and pull requests: a summary line with links to
//! both editions, then lists — each changed, added or dropped figure with its label and its
//! sentence (the figure in bold, linked to the sentence in its source), renames, rewordings
//! old above new — and history as one table. Every piece of source text goes through [`md`],
//! which escapes only what would render, so the raw text reads as it was written.

use super::escape::{markdown as md, markdown_inline as md_inline, markdown_url};
use super::view::{
    mark_key, Cited, Column, DiffView, HistoryView, Mark, Movement, Piece, Rows, NET_KEY, UNTRACKED,
};
use super::RenderOptions;
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

/// " · flags: decrease, hedged", or nothing.
fn flag_note(flags: &[Flag]) -> String {
    if flags.is_empty() {
        String::new()
    } else {
        format!(" · flags: {}", flag_list(flags))
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

/// The links of one document, written once at its end as reference definitions
/// (`[3]: <https://…>`) so that the raw text reads without long addresses in it.
#[derive(Default)]
struct Links {
    urls: Vec<String>,
}

impl Links {
    /// `text` (already escaped) as a reference link to `url`, when there is one.
    fn to(&mut self, text: &str, url: Option<&str>) -> String {
        let Some(url) = url else {
            return text.to_string();
        };
        let n = match self.urls.iter().position(|u| u == url) {
            Some(i) => i + 1,
            None => {
                self.urls.push(url.to_string());
                self.urls.len()
            }
        };
        format!("[{text}][{n}]")
    }

    /// The definitions, after a blank line.
    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.urls.is_empty() {
            return Ok(());
        }
        writeln!(out)?;
        for (i, u) in self.urls.iter().enumerate() {
            writeln!(out, "[{}]: {}", i + 1, markdown_url(u))?;
        }
        Ok(())
    }
}

/// A sentence from its pieces: marked words in bold, the figure linked to its sentence.
fn sentence(links: &mut Links, pieces: &[Piece]) -> String {
    let mut out = String::new();
    for p in pieces {
        let text = md_inline(&p.text);
        match p.mark {
            Mark::Plain => out.push_str(&text),
            Mark::Figure | Mark::Changed => {
                out.push_str(&links.to(&format!("**{text}**"), p.link.as_deref()))
            }
        }
    }
    out
}

/// "- 2023-02-06: the sentence", one side of a figure.
fn cited_line(out: &mut dyn Write, links: &mut Links, indent: &str, c: &Cited) -> io::Result<()> {
    writeln!(
        out,
        "{indent}- {}: {}",
        md(&c.edition),
        sentence(links, &c.pieces)
    )
}

/// The label, and the old claim's label when the figure moved from another claim.
fn label_text(label: &str, from: Option<&str>) -> String {
    match from {
        Some(old) => format!("**{}** (from {})", md(label).trim(), md_inline(old)),
        None => format!("**{}**", md(label).trim()),
    }
}

pub(super) fn diff(
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let view = DiffView::new(report, options);
    let mut links = Links::default();
    writeln!(out, "## {}", md(view.title))?;
    writeln!(out)?;
    let mut line = format!(
        "**{} → {}**",
        links.to(&md(&view.old_label), view.old_link),
        links.to(&md(&view.new_label), view.new_link)
    );
    if let Some(summary) = &view.summary {
        line.push_str(": ");
        line.push_str(&md_inline(summary));
    }
    writeln!(out, "{line}")?;
    if let Some(note) = view.note {
        writeln!(out)?;
        writeln!(out, "> **Note:** {}", md_inline(note))?;
    }
    for section in &view.sections {
        writeln!(out, "\n### {}\n", section.title)?;
        match &section.rows {
            Rows::Figures(rows) => {
                for r in rows {
                    let what = match r.movement {
                        Movement::Value => {
                            let mut d = r.delta.clone().unwrap_or_default();
                            if let Some(p) = &r.percent {
                                d.push_str(&format!(" ({p})"));
                            }
                            format!("**{}**", md_inline(&d))
                        }
                        Movement::Qualifier => format!(
                            "qualifier {} → {}",
                            r.old.figure.qualifier, r.new.figure.qualifier
                        ),
                        Movement::Rescaled => "same value, written at another scale".to_string(),
                    };
                    writeln!(
                        out,
                        "- {}: {what}{}",
                        label_text(r.label, r.from),
                        flag_note(&r.flags)
                    )?;
                    cited_line(out, &mut links, "  ", &r.old)?;
                    cited_line(out, &mut links, "  ", &r.new)?;
                    if let Some(reason) = r.reason {
                        writeln!(out, "  - paired by: {}", md_inline(reason))?;
                    }
                }
            }
            Rows::Renames(rows) => {
                for r in rows {
                    let mut line = format!("- {} → **{}**", md(r.old), md_inline(r.new).trim());
                    if let Some(reason) = r.reason {
                        line.push_str(&format!(" (paired by: {})", md_inline(reason)));
                    }
                    writeln!(out, "{line}")?;
                }
            }
            Rows::Rewordings(rows) => {
                for r in rows {
                    // Bold holds no outer whitespace (a label may end in a dropped control).
                    writeln!(out, "- **{}**", md(r.label).trim())?;
                    for (old, new) in &r.hunks {
                        // A sentence only one side has is tagged; a pair shows old above new.
                        let (old_tag, new_tag) = match (old.is_empty(), new.is_empty()) {
                            (true, _) => ("", " (new)"),
                            (_, true) => (" (dropped)", ""),
                            _ => ("", ""),
                        };
                        for (label, pieces, tag) in [
                            (&view.old_label, old, old_tag),
                            (&view.new_label, new, new_tag),
                        ] {
                            if !pieces.is_empty() {
                                writeln!(
                                    out,
                                    "  - {}{tag}: {}",
                                    md(label),
                                    sentence(&mut links, pieces)
                                )?;
                            }
                        }
                    }
                }
            }
            Rows::FigureList(_, rows) => {
                for r in rows {
                    writeln!(
                        out,
                        "- {}: {}{}",
                        label_text(r.label, r.from),
                        sentence(&mut links, &r.cited.pieces),
                        flag_note(&r.flags)
                    )?;
                }
            }
            Rows::ClaimList(_, rows) => {
                for r in rows {
                    let mut line = format!("- **{}**", md(r.label).trim());
                    if !r.text.is_empty() {
                        line.push_str(": ");
                        line.push_str(&sentence(&mut links, &r.text));
                    }
                    line.push_str(&flag_note(&r.flags));
                    writeln!(out, "{line}")?;
                    if r.text.is_empty() {
                        for f in &r.figures {
                            writeln!(out, "  - {}", sentence(&mut links, &f.pieces))?;
                        }
                    }
                }
            }
        }
    }
    links.write(out)
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
    let mut links = Links::default();
    for r in &view.rows {
        let t = r.track;
        let latest = r
            .cited(&view.labels)
            .flatten()
            .filter_map(|c| c.link().map(str::to_string))
            .last();
        let mut cells = vec![links.to(&md(r.label), latest.as_deref())];
        cells.extend(
            r.cells()
                .map(|c| c.as_deref().map(md_inline).unwrap_or_default()),
        );
        // Values and the net are ours ("<~$7 million", "+160,000"): inline escapes suffice.
        cells.push(md_inline(r.net.as_deref().unwrap_or("")));
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
    links.write(out)
}
