//! Terminal output: changed figures first (old → new, delta, percent, flags), then renames,
//! text changes, added and dropped figures and claims; history as one table. Fits 100 columns.

use super::escape::terminal as safe;
use super::view::{mark_key, DiffView, Direction, HistoryView, Movement, Rows, Side, UNTRACKED};
use super::RenderOptions;
use crate::diff::{Flag, Report};
use crate::figure::Figure;
use crate::history::History;
use std::io::{self, Write};

/// Lines longer than this are cut with an ellipsis.
const MAX_LINE_CHARS: usize = 100;

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn bold(&self, t: &str) -> String {
        self.paint("1", t)
    }
    fn dim(&self, t: &str) -> String {
        self.paint("2", t)
    }
    fn red(&self, t: &str) -> String {
        self.paint("31", t)
    }
    fn green(&self, t: &str) -> String {
        self.paint("32", t)
    }
    fn yellow(&self, t: &str) -> String {
        self.paint("33", t)
    }
}

/// The codes `Style` writes: with colour on, these and only these escape sequences pass.
const OWN_CODES: [&str; 6] = [
    "\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[0m",
];

/// The output boundary: every piece written goes through [`safe`] (no control sequence or
/// control character from a document reaches the terminal), except the renderer's own colour
/// codes when colour is on.
struct Boundary<'a> {
    out: &'a mut dyn Write,
    color: bool,
}

impl Write for Boundary<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // The renderer writes whole `str` pieces (`write!`), so no character is split.
        let text = String::from_utf8_lossy(buf);
        let mut rest: &str = &text;
        while !rest.is_empty() {
            let own = if self.color {
                rest.match_indices('\x1b').find_map(|(i, _)| {
                    OWN_CODES
                        .iter()
                        .find(|c| rest[i..].starts_with(**c))
                        .map(|c| (i, c.len()))
                })
            } else {
                None
            };
            let (plain, code) = match own {
                Some((i, len)) => (&rest[..i], &rest[i..i + len]),
                None => (rest, ""),
            };
            self.out.write_all(safe(plain).as_bytes())?;
            self.out.write_all(code.as_bytes())?;
            rest = &rest[plain.len() + code.len()..];
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Breaks a comma-separated list into lines of at most `max` characters.
fn wrap_list(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in text.split(", ") {
        if !line.is_empty() && line.chars().count() + 2 + part.chars().count() > max {
            line.push(',');
            lines.push(std::mem::take(&mut line));
        } else if !line.is_empty() {
            line.push_str(", ");
        }
        line.push_str(part);
    }
    lines.push(line);
    lines
}

/// Cuts `text` (made safe first) to `max` characters, ending with an ellipsis when cut.
fn clip(text: &str, max: usize) -> String {
    let text = safe(text);
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

/// A figure in the source's words (quoted), else its qualifier and value.
fn figure_words(f: &Figure) -> String {
    if f.quote.is_empty() {
        format!("{} {}", f.qualifier, f.display_value())
    } else {
        format!("\"{}\"", f.quote)
    }
}

fn flags(style: &Style, flags: &[Flag]) -> String {
    if flags.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = flags.iter().map(|f| f.as_str()).collect();
    format!("  {}", style.yellow(&format!("[{}]", names.join(", "))))
}

pub(super) fn diff(
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let out = &mut Boundary {
        out,
        color: options.color,
    };
    let view = DiffView::new(report, options);
    let style = Style {
        color: options.color,
    };
    writeln!(
        out,
        "{}",
        style.bold(&format!(
            "{} → {}  {}",
            view.old_label,
            view.new_label,
            clip(view.title, 60)
        ))
    )?;
    if let Some(note) = view.note {
        writeln!(out, "{}", style.yellow(&format!("note: {note}")))?;
    }
    if let Some(summary) = &view.summary {
        for l in wrap_list(summary, MAX_LINE_CHARS) {
            writeln!(out, "{}", style.dim(&l))?;
        }
    }
    let reason = |out: &mut dyn Write, reason: Option<&str>| -> io::Result<()> {
        match reason {
            Some(r) => writeln!(out, "    {}", style.dim(&format!("paired: {r}"))),
            None => Ok(()),
        }
    };
    let paint = |side: Side, text: &str| match side {
        Side::Added => style.green(text),
        Side::Dropped => style.red(text),
    };
    for section in &view.sections {
        writeln!(out)?;
        writeln!(out, "{}", style.bold(section.title))?;
        match &section.rows {
            Rows::Figures(rows) => {
                for row in rows {
                    let head = format!("{} · {}", row.topic, row.measure);
                    writeln!(out, "  {}", style.bold(&clip(&head, MAX_LINE_CHARS - 2)))?;
                    writeln!(
                        out,
                        "    {}",
                        clip(&figure_words(row.old), MAX_LINE_CHARS - 4)
                    )?;
                    writeln!(
                        out,
                        "  → {}",
                        clip(&figure_words(row.new), MAX_LINE_CHARS - 4)
                    )?;
                    let mut line = String::from("    ");
                    match row.movement {
                        Movement::Value => {
                            // A delta beyond the decimal range has always printed as zero here.
                            let d = row.delta.clone().unwrap_or_else(|| {
                                super::signed_value(Default::default(), row.new.unit)
                            });
                            let pct = row
                                .percent
                                .as_ref()
                                .map(|p| format!(" ({p})"))
                                .unwrap_or_default();
                            let text = format!("{d}{pct}");
                            line.push_str(&if row.direction == Direction::Down {
                                style.red(&text)
                            } else {
                                style.green(&text)
                            });
                        }
                        Movement::Qualifier => {
                            let (a, b) = (row.old.qualifier, row.new.qualifier);
                            line.push_str(&format!("qualifier {a} → {b}"));
                        }
                        Movement::Rescaled => line.push_str("same value, written at another scale"),
                    }
                    line.push_str(&flags(&style, &row.flags));
                    writeln!(out, "{line}")?;
                    reason(out, row.reason)?;
                }
            }
            Rows::Renames(rows) => {
                for row in rows {
                    let line = format!("{} → {}", row.old, row.new);
                    writeln!(out, "  {}", clip(&line, MAX_LINE_CHARS - 2))?;
                    reason(out, row.reason)?;
                }
            }
            Rows::Rewordings(rows) => {
                for row in rows {
                    writeln!(out, "  {}", clip(row.topic, MAX_LINE_CHARS - 2))?;
                    // One line per changed run: the old words, then the new ones.
                    for w in row.words.iter().filter(|w| w.tag != "equal") {
                        let (mark, side) = if w.tag == "delete" {
                            ("-", Side::Dropped)
                        } else {
                            ("+", Side::Added)
                        };
                        let line = clip(&format!("{mark} {}", w.text.trim()), MAX_LINE_CHARS - 4);
                        writeln!(out, "    {}", paint(side, &line))?;
                    }
                }
            }
            Rows::FigureList(side, rows) => {
                for row in rows {
                    let line = format!(
                        "{} {} · {}",
                        side.mark(),
                        row.topic,
                        figure_words(row.figure)
                    );
                    let line = paint(*side, &clip(&line, MAX_LINE_CHARS - 2));
                    writeln!(out, "  {line}{}", flags(&style, &row.flags))?;
                }
            }
            Rows::ClaimList(side, rows) => {
                for row in rows {
                    let line = clip(
                        &format!("{} {}", side.mark(), row.topic),
                        MAX_LINE_CHARS - 2,
                    );
                    let line = paint(*side, &line);
                    writeln!(out, "  {line}{}", flags(&style, &row.flags))?;
                    for f in row.figures {
                        writeln!(out, "      {}", clip(&figure_words(f), MAX_LINE_CHARS - 6))?;
                    }
                }
            }
        }
    }
    Ok(())
}

pub(super) fn history(
    history: &History,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let out = &mut Boundary {
        out,
        color: options.color,
    };
    let view = HistoryView::new(history, options);
    let style = Style {
        color: options.color,
    };
    if let Some(title) = view.title {
        writeln!(out, "{}", style.bold(&clip(title, MAX_LINE_CHARS)))?;
    }
    if view.rows.is_empty() {
        writeln!(
            out,
            "no tracked figures ({UNTRACKED}; --all shows every one)"
        )?;
        return Ok(());
    }
    let dates = &view.labels;
    // Column widths from the cells that are there (a track is in a few of many editions);
    // each line is then made as it is written, never the whole table.
    let mut cell_w: Vec<usize> = dates.iter().map(String::len).collect();
    for r in &view.rows {
        for (k, c) in r.present_cells() {
            if let Some(w) = cell_w.get_mut(k) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let net_w = view
        .rows
        .iter()
        .filter_map(|r| r.net.as_ref())
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(0)
        .max(3);
    let fixed: usize = cell_w.iter().map(|w| w + 2).sum::<usize>() + net_w + 2 + 12;
    let name_w = MAX_LINE_CHARS.saturating_sub(fixed).clamp(20, 48);
    let push_pad = |line: &mut String, s: &str, w: usize| {
        line.push_str(s);
        line.extend(std::iter::repeat_n(
            ' ',
            w.saturating_sub(s.chars().count()),
        ));
    };
    let push_lpad = |line: &mut String, s: &str, w: usize| {
        line.extend(std::iter::repeat_n(
            ' ',
            w.saturating_sub(s.chars().count()),
        ));
        line.push_str(s);
    };

    let mut header = String::new();
    push_pad(&mut header, "figure", name_w);
    for (d, w) in dates.iter().zip(&cell_w) {
        header.push_str("  ");
        push_lpad(&mut header, d, *w);
    }
    header.push_str("  ");
    push_lpad(&mut header, "net", net_w);
    header.push_str("  flags");
    writeln!(out, "{}", style.bold(header.trim_end()))?;
    let mut line = String::new();
    for r in &view.rows {
        line.clear();
        // The measure first: it tells rows apart when the name is cut.
        let name = format!("{} · {}", r.track.measure, r.track.topic);
        push_pad(&mut line, &clip(&name, name_w), name_w);
        for (c, w) in r.cells().zip(&cell_w) {
            line.push_str("  ");
            push_lpad(&mut line, c.as_deref().unwrap_or_default(), *w);
        }
        line.push_str("  ");
        push_lpad(&mut line, r.net.as_deref().unwrap_or_default(), net_w);
        let flags = r
            .track
            .flags
            .iter()
            .map(|f| f.as_str())
            .collect::<Vec<_>>()
            .join(",");
        if !flags.is_empty() {
            line.push_str("  ");
            line.push_str(&style.yellow(&flags));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    if !view.quiet {
        writeln!(out)?;
        writeln!(out, "{}", style.dim(&mark_key("  ")))?;
    }
    Ok(())
}
