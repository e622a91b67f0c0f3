//! Terminal output: changed figures first (old → new, delta, percent, flags), then renames,
//! text changes, added and dropped figures and claims; history as one table. Fits 100 columns.

use super::{order_note, qualifier_mark, RenderOptions};
use crate::diff::{Change, ChangeKind, Report};
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

/// Cuts `text` to `max` characters, ending with an ellipsis when cut.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

fn topic_label(c: &Change) -> String {
    match &c.heading {
        Some(h) => h.clone(),
        None => c.topic.to_string(),
    }
}

fn figure_words(f: &Figure) -> String {
    if f.quote.is_empty() {
        format!("{} {}", f.qualifier, f.display_value())
    } else {
        format!("\"{}\"", f.quote)
    }
}

fn flags(style: &Style, c: &Change) -> String {
    if c.flags.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = c.flags.iter().map(|f| f.as_str()).collect();
    format!("  {}", style.yellow(&format!("[{}]", names.join(", "))))
}

pub(super) fn diff(
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let style = Style {
        color: options.color,
    };
    writeln!(
        out,
        "{}",
        style.bold(&format!(
            "{} → {}  {}",
            report.old.label(),
            report.new.label(),
            clip(&report.new.title, 60)
        ))
    )?;
    if let Some(note) = order_note(report) {
        writeln!(out, "{}", style.yellow(&format!("note: {note}")))?;
    }
    if !options.quiet {
        let parts: Vec<String> = super::summary_parts(report);
        let line = if parts.is_empty() {
            "no changes".to_string()
        } else {
            parts.join(", ")
        };
        for l in wrap_list(&line, MAX_LINE_CHARS) {
            writeln!(out, "{}", style.dim(&l))?;
        }
    }
    let section = |out: &mut dyn Write, title: &str| -> io::Result<()> {
        writeln!(out)?;
        writeln!(out, "{}", style.bold(title))
    };
    let of = |kind: ChangeKind| report.changes.iter().filter(move |c| c.kind == kind);

    let figures: Vec<&Change> = of(ChangeKind::FigureChanged)
        .chain(of(ChangeKind::QualifierChanged))
        .chain(of(ChangeKind::TextChanged).filter(|c| c.old.is_some()))
        .collect();
    if !figures.is_empty() {
        section(out, "Changed figures")?;
        for c in figures {
            let (Some(a), Some(b)) = (&c.old, &c.new) else {
                continue;
            };
            let head = format!(
                "{} · {}",
                topic_label(c),
                c.measure.as_deref().unwrap_or("")
            );
            writeln!(out, "  {}", style.bold(&clip(&head, MAX_LINE_CHARS - 2)))?;
            writeln!(out, "    {}", clip(&figure_words(a), MAX_LINE_CHARS - 4))?;
            writeln!(out, "  → {}", clip(&figure_words(b), MAX_LINE_CHARS - 4))?;
            let mut line = String::from("    ");
            match c.kind {
                ChangeKind::FigureChanged => {
                    let delta = c.delta.unwrap_or_default();
                    let d = super::signed_value(delta, b.unit);
                    let pct = c
                        .percent
                        .map(|p| format!(" ({})", super::signed_percent(p)))
                        .unwrap_or_default();
                    let text = format!("{d}{pct}");
                    line.push_str(&if delta.is_sign_negative() {
                        style.red(&text)
                    } else {
                        style.green(&text)
                    });
                }
                ChangeKind::QualifierChanged => {
                    line.push_str(&format!("qualifier {} → {}", a.qualifier, b.qualifier));
                }
                _ => line.push_str("same value, written at another scale"),
            }
            line.push_str(&flags(&style, c));
            writeln!(out, "{line}")?;
            if options.reasons {
                if let Some(r) = &c.reason {
                    writeln!(out, "    {}", style.dim(&format!("paired: {r}")))?;
                }
            }
        }
    }

    let renamed: Vec<&Change> = of(ChangeKind::TopicRenamed).collect();
    if !renamed.is_empty() {
        section(out, "Renamed topics")?;
        for c in renamed {
            let old = c
                .old_heading
                .clone()
                .or(c.old_topic.as_ref().map(|t| t.to_string()))
                .unwrap_or_default();
            writeln!(
                out,
                "  {}",
                clip(&format!("{old} → {}", topic_label(c)), MAX_LINE_CHARS - 2)
            )?;
            if options.reasons {
                if let Some(r) = &c.reason {
                    writeln!(out, "    {}", style.dim(&format!("paired: {r}")))?;
                }
            }
        }
    }

    let texts: Vec<&Change> = of(ChangeKind::TextChanged)
        .filter(|c| c.old.is_none())
        .collect();
    if !texts.is_empty() {
        section(out, "Reworded claims")?;
        for c in texts {
            writeln!(out, "  {}", clip(&topic_label(c), MAX_LINE_CHARS - 2))?;
            // One line per changed run: the old words, then the new ones.
            for w in c.words.iter().filter(|w| w.tag != "equal") {
                let (mark, paint): (&str, fn(&Style, &str) -> String) = if w.tag == "delete" {
                    ("-", Style::red)
                } else {
                    ("+", Style::green)
                };
                let line = clip(&format!("{mark} {}", w.text.trim()), MAX_LINE_CHARS - 4);
                writeln!(out, "    {}", paint(&style, &line))?;
            }
        }
    }

    for (kind, title, mark) in [
        (ChangeKind::FigureAdded, "Figures added", "+"),
        (ChangeKind::FigureDropped, "Figures dropped", "-"),
    ] {
        let list: Vec<&Change> = of(kind).collect();
        if list.is_empty() {
            continue;
        }
        section(out, title)?;
        for c in list {
            let Some(f) = c.new.as_ref().or(c.old.as_ref()) else {
                continue;
            };
            let line = format!("{mark} {} · {}", topic_label(c), figure_words(f));
            let line = clip(&line, MAX_LINE_CHARS - 2);
            let painted = if mark == "+" {
                style.green(&line)
            } else {
                style.red(&line)
            };
            writeln!(out, "  {painted}{}", flags(&style, c))?;
        }
    }

    for (kind, title, mark) in [
        (ChangeKind::ClaimAdded, "Claims added", "+"),
        (ChangeKind::ClaimDropped, "Claims dropped", "-"),
    ] {
        let list: Vec<&Change> = of(kind).collect();
        if list.is_empty() {
            continue;
        }
        section(out, title)?;
        for c in list {
            let line = clip(&format!("{mark} {}", topic_label(c)), MAX_LINE_CHARS - 2);
            let painted = if mark == "+" {
                style.green(&line)
            } else {
                style.red(&line)
            };
            writeln!(out, "  {painted}{}", flags(&style, c))?;
            for f in c.figures.iter().flatten() {
                writeln!(out, "      {}", clip(&figure_words(f), MAX_LINE_CHARS - 6))?;
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
    let style = Style {
        color: options.color,
    };
    if let Some(last) = history.editions.last() {
        writeln!(out, "{}", style.bold(&clip(&last.title, MAX_LINE_CHARS)))?;
    }
    if history.tracks.is_empty() {
        writeln!(out, "no tracked figures (a figure is tracked once it appears in two editions; --all shows every one)")?;
        return Ok(());
    }
    let dates: Vec<String> = history.editions.iter().map(|e| e.label()).collect();
    let rows: Vec<(String, Vec<String>, String, String)> = history
        .tracks
        .iter()
        .map(|t| {
            // The measure first: it tells rows apart when the name is cut.
            let name = format!("{} · {}", t.measure, t.topic);
            let cells = t
                .values
                .iter()
                .map(|v| match v {
                    Some(f) => format!("{}{}", qualifier_mark(f.qualifier), f.display_value()),
                    None => "".into(),
                })
                .collect();
            let net = t
                .net
                .map(|n| super::signed_value(n, t.unit))
                .unwrap_or_default();
            let flags = t
                .flags
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join(",");
            (name, cells, net, flags)
        })
        .collect();
    let cell_w: Vec<usize> = (0..dates.len())
        .map(|i| {
            rows.iter()
                .map(|r| r.1[i].chars().count())
                .max()
                .unwrap_or(0)
                .max(dates[i].len())
        })
        .collect();
    let net_w = rows
        .iter()
        .map(|r| r.2.chars().count())
        .max()
        .unwrap_or(0)
        .max(3);
    let fixed: usize = cell_w.iter().map(|w| w + 2).sum::<usize>() + net_w + 2 + 12;
    let name_w = MAX_LINE_CHARS.saturating_sub(fixed).clamp(20, 48);
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())));
    let lpad =
        |s: &str, w: usize| format!("{}{s}", " ".repeat(w.saturating_sub(s.chars().count())));

    let mut header = pad("figure", name_w);
    for (d, w) in dates.iter().zip(&cell_w) {
        header.push_str("  ");
        header.push_str(&lpad(d, *w));
    }
    header.push_str("  ");
    header.push_str(&lpad("net", net_w));
    header.push_str("  flags");
    writeln!(out, "{}", style.bold(header.trim_end()))?;
    for (name, cells, net, flags) in &rows {
        let mut line = pad(&clip(name, name_w), name_w);
        for (c, w) in cells.iter().zip(&cell_w) {
            line.push_str("  ");
            line.push_str(&lpad(c, *w));
        }
        line.push_str("  ");
        line.push_str(&lpad(net, net_w));
        if !flags.is_empty() {
            line.push_str("  ");
            line.push_str(&style.yellow(flags));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    if !options.quiet {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            style.dim("> more than  ≥ at least  <~ nearly  ~ about  ≤ up to (as many as)")
        )?;
    }
    Ok(())
}
