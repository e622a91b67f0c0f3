//! Terminal output: changed figures first (label, old → new, delta, percent, flags, and each
//! side's sentence), then renames, reworded sentences old above new, added and dropped figures
//! and claims; history as one table. Lines fit the width the caller resolved
//! ([`RenderOptions::width`]) and wrap rather than cut.

use super::escape::terminal as safe;
use super::view::{
    mark_key, Cited, DiffView, Direction, HistoryView, Mark, Movement, Piece, Rows, Side, TrackRow,
    UNTRACKED,
};
use super::RenderOptions;
use crate::diff::{Flag, Report};
use crate::figure::Figure;
use crate::history::History;
use std::io::{self, Write};

/// The narrowest width laid out; a smaller one is taken as this.
const MIN_WIDTH: usize = 40;

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color && !text.is_empty() {
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

/// How a run of words is painted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ink {
    Plain,
    Bold,
    Dim,
    Red,
    Green,
    BoldYellow,
}

impl Style {
    fn ink(&self, ink: Ink, t: &str) -> String {
        match ink {
            Ink::Plain => t.to_string(),
            Ink::Bold => self.bold(t),
            Ink::Dim => self.dim(t),
            Ink::Red => self.red(t),
            Ink::Green => self.green(t),
            Ink::BoldYellow => self.paint("1;33", t),
        }
    }
}

/// Lays out inked text in lines of at most `width` characters: `first` opens the first line,
/// `rest` the others; words longer than a line are broken only when they must be.
fn wrap(
    style: &Style,
    runs: &[(String, Ink)],
    width: usize,
    first: &str,
    rest: &str,
) -> Vec<String> {
    // Words, each a list of inked fragments.
    let mut words: Vec<Vec<(String, Ink)>> = Vec::new();
    let mut open = false;
    for (text, ink) in runs {
        for c in text.chars() {
            if c.is_whitespace() {
                open = false;
                continue;
            }
            if !open {
                words.push(Vec::new());
                open = true;
            }
            let Some(word) = words.last_mut() else {
                continue;
            };
            match word.last_mut() {
                Some((t, i)) if i == ink => t.push(c),
                _ => word.push((c.to_string(), *ink)),
            }
        }
        if text.ends_with(char::is_whitespace) {
            open = false;
        }
    }
    let len = |w: &[(String, Ink)]| w.iter().map(|(t, _)| t.chars().count()).sum::<usize>();
    // Each line is a list of inked runs: a space between two words of one ink joins their run,
    // so a marked phrase is painted once.
    let paint = |runs: &[(String, Ink)]| {
        runs.iter()
            .map(|(t, i)| style.ink(*i, t))
            .collect::<String>()
    };
    let mut lines = Vec::new();
    let mut runs: Vec<(String, Ink)> = vec![(first.to_string(), Ink::Plain)];
    let mut used = first.chars().count();
    let mut empty = true;
    for w in &words {
        let n = len(w);
        if !empty && used + 1 + n > width {
            lines.push(paint(&runs));
            runs = vec![(rest.to_string(), Ink::Plain)];
            used = rest.chars().count();
            empty = true;
        }
        if !empty {
            let ink = match (runs.last(), w.first()) {
                (Some((_, a)), Some((_, b))) if a == b => *a,
                _ => Ink::Plain,
            };
            push_run(&mut runs, " ", ink);
            used += 1;
        }
        for (t, i) in w {
            push_run(&mut runs, t, *i);
        }
        used += n;
        empty = false;
    }
    lines.push(paint(&runs));
    lines
}

/// Appends text to the last run when it has the same ink, else opens a run.
fn push_run(runs: &mut Vec<(String, Ink)>, text: &str, ink: Ink) {
    match runs.last_mut() {
        Some((t, i)) if *i == ink => t.push_str(text),
        _ => runs.push((text.to_string(), ink)),
    }
}

/// Plain text in lines of at most `width` characters.
fn wrap_plain(
    style: &Style,
    text: &str,
    ink: Ink,
    width: usize,
    first: &str,
    rest: &str,
) -> Vec<String> {
    wrap(style, &[(text.to_string(), ink)], width, first, rest)
}

/// The codes `Style` writes: with colour on, these and only these escape sequences pass.
const OWN_CODES: [&str; 7] = [
    "\x1b[1m",
    "\x1b[2m",
    "\x1b[31m",
    "\x1b[32m",
    "\x1b[33m",
    "\x1b[1;33m",
    "\x1b[0m",
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

/// A figure in the source's words (quoted), else its qualifier and value.
fn figure_words(f: &Figure) -> String {
    if f.quote.is_empty() {
        format!("{} {}", f.qualifier, f.display_value())
    } else {
        format!("\"{}\"", f.quote)
    }
}

/// A row's label wrapped to the width, in its side's colour, its flags after the last line.
fn write_flagged(
    out: &mut dyn Write,
    style: &Style,
    side: Side,
    text: &str,
    row_flags: &[Flag],
    width: usize,
) -> io::Result<()> {
    let lines = wrap_plain(
        style,
        text,
        Ink::Plain,
        width.saturating_sub(12),
        "  ",
        "    ",
    );
    let last = lines.len().saturating_sub(1);
    for (i, l) in lines.iter().enumerate() {
        let tail = if i == last {
            flags(style, row_flags)
        } else {
            String::new()
        };
        let line = match side {
            Side::Added => style.green(l),
            Side::Dropped => style.red(l),
        };
        writeln!(out, "{line}{tail}")?;
    }
    Ok(())
}

fn flags(style: &Style, flags: &[Flag]) -> String {
    if flags.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = flags.iter().map(|f| f.as_str()).collect();
    format!("  {}", style.yellow(&format!("[{}]", names.join(", "))))
}

/// Inked runs of a sentence: the figure bold yellow and changed words in the side's colour
/// when color is on; without color, changed words of a rewording are bracketed (`[-…-]`
/// old, `{+…+}` new) and the rest is plain.
fn inked(pieces: &[Piece], color: bool, side: Side, bracket_changes: bool) -> Vec<(String, Ink)> {
    pieces
        .iter()
        .map(|p| {
            let changed = if side == Side::Dropped {
                Ink::Red
            } else {
                Ink::Green
            };
            match (p.mark, color) {
                (Mark::Plain, _) => (p.text.clone(), Ink::Plain),
                (Mark::Figure, true) => (p.text.clone(), Ink::BoldYellow),
                (Mark::Changed, true) => (p.text.clone(), changed),
                (Mark::Changed, false) if bracket_changes => {
                    let text = match side {
                        Side::Dropped => format!("[-{}-]", p.text),
                        Side::Added => format!("{{+{}+}}", p.text),
                    };
                    (text, Ink::Plain)
                }
                (_, false) => (p.text.clone(), Ink::Plain),
            }
        })
        .collect()
}

/// One side of a figure: "2023-02-06  the sentence…" wrapped under its date.
fn cited_lines(style: &Style, c: &Cited, side: Side, indent: usize, width: usize) -> Vec<String> {
    let first = format!("{}{}  ", " ".repeat(indent), c.edition);
    let rest = " ".repeat(first.chars().count());
    wrap(
        style,
        &inked(&c.pieces, style.color, side, false),
        width,
        &first,
        &rest,
    )
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
    let width = options.width.max(MIN_WIDTH);
    let head = format!("{} → {}  {}", view.old_label, view.new_label, view.title);
    for l in wrap_plain(&style, &head, Ink::Bold, width, "", "    ") {
        writeln!(out, "{l}")?;
    }
    if let Some(note) = view.note {
        writeln!(out, "{}", style.yellow(&format!("note: {note}")))?;
    }
    if let Some(summary) = &view.summary {
        for l in wrap_list(summary, width) {
            writeln!(out, "{}", style.dim(&l))?;
        }
    }
    let reason = |out: &mut dyn Write, reason: Option<&str>| -> io::Result<()> {
        if let Some(r) = reason {
            for l in wrap_plain(
                &style,
                &format!("paired: {r}"),
                Ink::Dim,
                width,
                "    ",
                "      ",
            ) {
                writeln!(out, "{l}")?;
            }
        }
        Ok(())
    };
    let label_lines =
        |out: &mut dyn Write, label: &str, from: Option<&str>, lead: &str| -> io::Result<()> {
            let text = match from {
                Some(old) => format!("{label} (from {old})"),
                None => label.to_string(),
            };
            let rest = " ".repeat(lead.chars().count() + 2);
            for l in wrap_plain(&style, &text, Ink::Bold, width, lead, &rest) {
                writeln!(out, "{l}")?;
            }
            Ok(())
        };
    for section in &view.sections {
        writeln!(out)?;
        writeln!(out, "{}", style.bold(section.title))?;
        match &section.rows {
            Rows::Figures(rows) => {
                for row in rows {
                    label_lines(out, row.label, row.from, "  ")?;
                    for l in wrap_plain(
                        &style,
                        &figure_words(row.old.figure),
                        Ink::Plain,
                        width,
                        "    ",
                        "     ",
                    ) {
                        writeln!(out, "{l}")?;
                    }
                    for l in wrap_plain(
                        &style,
                        &figure_words(row.new.figure),
                        Ink::Plain,
                        width,
                        "  → ",
                        "     ",
                    ) {
                        writeln!(out, "{l}")?;
                    }
                    let mut line = String::from("    ");
                    match row.movement {
                        Movement::Value => {
                            // A delta beyond the decimal range has always printed as zero here.
                            let d = row.delta.clone().unwrap_or_else(|| {
                                super::signed_value(Default::default(), row.new.figure.unit)
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
                            let (a, b) = (row.old.figure.qualifier, row.new.figure.qualifier);
                            line.push_str(&format!("qualifier {a} → {b}"));
                        }
                        Movement::Rescaled => line.push_str("same value, written at another scale"),
                    }
                    line.push_str(&flags(&style, &row.flags));
                    writeln!(out, "{line}")?;
                    for (c, side) in [(&row.old, Side::Dropped), (&row.new, Side::Added)] {
                        if c.has_sentence {
                            for l in cited_lines(&style, c, side, 4, width) {
                                writeln!(out, "{l}")?;
                            }
                        }
                    }
                    reason(out, row.reason)?;
                }
            }
            Rows::Renames(rows) => {
                for row in rows {
                    let line = format!("{} → {}", row.old, row.new);
                    for l in wrap_plain(&style, &line, Ink::Plain, width, "  ", "    ") {
                        writeln!(out, "{l}")?;
                    }
                    reason(out, row.reason)?;
                }
            }
            Rows::Rewordings(rows) => {
                for row in rows {
                    label_lines(out, row.label, None, "  ")?;
                    // Whole sentences, old above new, changed words marked.
                    for (old, new) in &row.hunks {
                        let (old_tag, new_tag) = match (old.is_empty(), new.is_empty()) {
                            (true, _) => ("", " new"),
                            (_, true) => (" dropped", ""),
                            _ => ("", ""),
                        };
                        for (label, pieces, side, tag) in [
                            (&view.old_label, old, Side::Dropped, old_tag),
                            (&view.new_label, new, Side::Added, new_tag),
                        ] {
                            if pieces.is_empty() {
                                continue;
                            }
                            let first = format!("    {label}  ");
                            let rest = " ".repeat(first.chars().count());
                            let mut runs = inked(pieces, style.color, side, true);
                            if !tag.is_empty() {
                                runs.insert(0, (format!("({}) ", tag.trim()), Ink::Dim));
                            }
                            for l in wrap(&style, &runs, width, &first, &rest) {
                                writeln!(out, "{l}")?;
                            }
                        }
                    }
                }
            }
            Rows::FigureList(side, rows) => {
                for row in rows {
                    let mut text = format!("{} {}", side.mark(), row.label);
                    if let Some(old) = row.from {
                        text.push_str(&format!(" (from {old})"));
                    }
                    let c = &row.cited;
                    // Without its sentence, the figure's own words follow the label.
                    if !c.has_sentence {
                        text.push_str(&format!(" · {}", figure_words(c.figure)));
                    }
                    write_flagged(out, &style, *side, &text, &row.flags, width)?;
                    if c.has_sentence {
                        for l in cited_lines(&style, c, *side, 6, width) {
                            writeln!(out, "{l}")?;
                        }
                    }
                }
            }
            Rows::ClaimList(side, rows) => {
                for row in rows {
                    let text = format!("{} {}", side.mark(), row.label);
                    write_flagged(out, &style, *side, &text, &row.flags, width)?;
                    // Each figure's sentence once (figures sharing a sentence show it once).
                    let mut shown: Vec<&str> = Vec::new();
                    for c in &row.figures {
                        if c.has_sentence {
                            if shown.contains(&c.figure.sentence.as_str()) {
                                continue;
                            }
                            shown.push(&c.figure.sentence);
                            let runs = inked(&c.pieces, style.color, *side, false);
                            for l in wrap(&style, &runs, width, "      ", "      ") {
                                writeln!(out, "{l}")?;
                            }
                        } else {
                            for l in wrap_plain(
                                &style,
                                &figure_words(c.figure),
                                Ink::Plain,
                                width,
                                "      ",
                                "       ",
                            ) {
                                writeln!(out, "{l}")?;
                            }
                        }
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
    let width = options.width.max(MIN_WIDTH);
    if let Some(title) = view.title {
        for l in wrap_plain(&style, title, Ink::Bold, width, "", "    ") {
            writeln!(out, "{l}")?;
        }
    }
    if view.rows.is_empty() {
        writeln!(
            out,
            "no tracked figures ({UNTRACKED}; --all shows every one)"
        )?;
        return Ok(());
    }
    let dates = &view.labels;
    // Widths from a first pass over the cells that are there; each row is then made as it is
    // written: a whole table held at once was 44 million cells and 1.4 GB for the archive as
    // one series.
    let flags_of = |r: &TrackRow| {
        r.track
            .flags
            .iter()
            .map(|f| f.as_str())
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut cell_w: Vec<usize> = dates.iter().map(String::len).collect();
    let (mut net_w, mut flags_w, mut longest) = (3, 5, 0);
    for r in &view.rows {
        for (k, f) in r.track.values.present() {
            if let Some(w) = cell_w.get_mut(k) {
                *w = (*w).max(super::view::cell_text(f).chars().count());
            }
        }
        net_w = net_w.max(r.net.as_deref().map_or(0, |n| n.chars().count()));
        flags_w = flags_w.max(flags_of(r).chars().count());
        longest = longest.max(r.label.chars().count());
    }
    let fixed: usize = cell_w.iter().map(|w| w + 2).sum::<usize>() + net_w + 2 + flags_w + 2;
    // The labels take what the numbers leave, and wrap within it.
    let name_w = width
        .saturating_sub(fixed)
        .clamp(MIN_LABEL_CHARS, MAX_LABEL_CHARS)
        .min(longest.max(6));
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
    let plain = Style { color: false };
    for r in &view.rows {
        let name_lines = wrap_plain(&plain, r.label, Ink::Plain, name_w, "", "  ");
        let mut line = pad(name_lines.first().map_or("", String::as_str), name_w);
        for (c, w) in r.cells().zip(&cell_w) {
            line.push_str("  ");
            line.push_str(&lpad(c.as_deref().unwrap_or_default(), *w));
        }
        line.push_str("  ");
        line.push_str(&lpad(r.net.as_deref().unwrap_or_default(), net_w));
        let flags = flags_of(r);
        if !flags.is_empty() {
            line.push_str("  ");
            line.push_str(&style.yellow(&flags));
        }
        writeln!(out, "{}", line.trim_end())?;
        for more in name_lines.iter().skip(1) {
            writeln!(out, "{}", more.trim_end())?;
        }
    }
    if !view.quiet {
        writeln!(out)?;
        writeln!(out, "{}", style.dim(&mark_key("  ")))?;
    }
    Ok(())
}

/// The label column of a history table is at least this wide.
const MIN_LABEL_CHARS: usize = 16;
/// … and at most this wide (longer labels wrap).
const MAX_LABEL_CHARS: usize = 60;
