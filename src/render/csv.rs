//! CSV (RFC 4180: commas, CRLF, quoted fields) with a header row: one row per change, or one
//! row per edition × track. Values are exact decimals as stored; cells are guarded against
//! spreadsheet formula injection (see [`csv_field`]).

use super::escape::csv_field;
use super::wire::ChangeWire;
use crate::claimset::Edition;
use crate::diff::{Change, Flag, Report};
use crate::figure::Figure;
use crate::history::History;
use std::io::{self, Write};

/// The diff columns, in order: the change, then each side's date, sentence and URL (the
/// source's address with a text fragment pointing at the sentence, when known).
pub(crate) const DIFF_COLUMNS: [&str; 28] = [
    "kind",
    "topic",
    "old_topic",
    "heading",
    "measure",
    "old_value",
    "old_max",
    "old_unit",
    "old_qualifier",
    "old_quote",
    "new_value",
    "new_max",
    "new_unit",
    "new_qualifier",
    "new_quote",
    "delta",
    "percent",
    "flags",
    "reason",
    "old_text",
    "new_text",
    "label",
    "old_date",
    "old_sentence",
    "old_url",
    "new_date",
    "new_sentence",
    "new_url",
];

/// The history columns, in order.
pub(crate) const HISTORY_COLUMNS: [&str; 13] = [
    "series_title",
    "topic",
    "measure",
    "edition",
    "value",
    "max",
    "unit",
    "qualifier",
    "quote",
    "flags",
    "label",
    "sentence",
    "url",
];

/// Writes one record: guarded, quoted fields joined by commas, ended by CRLF.
fn record<S: AsRef<str>>(out: &mut dyn Write, cells: &[S]) -> io::Result<()> {
    let line: Vec<String> = cells.iter().map(|c| csv_field(c.as_ref())).collect();
    out.write_all(line.join(",").as_bytes())?;
    out.write_all(b"\r\n")
}

fn flags(list: &[Flag]) -> String {
    list.iter()
        .map(|f| f.as_str())
        .collect::<Vec<_>>()
        .join(";")
}

/// value, max, unit, qualifier, quote of a figure (five empty cells for none).
fn figure_cells(f: Option<&Figure>) -> [String; 5] {
    match f {
        Some(f) => [
            f.value.to_string(),
            f.max.map(|m| m.to_string()).unwrap_or_default(),
            f.unit.to_string(),
            f.qualifier.to_string(),
            f.quote.clone(),
        ],
        None => Default::default(),
    }
}

/// Which sides of the report a change has: (old, new).
fn sides_of(c: &Change) -> (bool, bool) {
    match c {
        Change::FigureAdded { .. } | Change::ClaimAdded { .. } => (false, true),
        Change::FigureDropped { .. } | Change::ClaimDropped { .. } => (true, false),
        _ => (true, true),
    }
}

/// date, sentence and URL of one side: the URL points at the figure's sentence when its
/// fragment is known, else at the edition's source.
fn side_cells(edition: &Edition, figure: Option<&Figure>) -> [String; 3] {
    let source = edition.source.clone().unwrap_or_default();
    let url = figure
        .and_then(|f| crate::cite::fragment_link(&source, &f.fragment))
        .unwrap_or(source);
    [
        edition.label(),
        figure.map(|f| f.sentence.clone()).unwrap_or_default(),
        url,
    ]
}

/// One row per change, from its wire form. A claim that arrives or leaves carries its figures:
/// one row per figure (in the `new_*` or `old_*` cells), or one row with empty figure cells when
/// it has none.
pub(super) fn diff(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    record(out, &DIFF_COLUMNS)?;
    for c in &report.changes {
        let w = ChangeWire::new(c);
        let claim_figures: Vec<Option<&Figure>> = match w.figures {
            Some(figs) if !figs.is_empty() => figs.iter().map(Some).collect(),
            _ => vec![None],
        };
        for extra in claim_figures {
            let (old, new) = match c {
                Change::ClaimAdded { .. } => (None, extra),
                Change::ClaimDropped { .. } => (extra, None),
                _ => (w.old, w.new),
            };
            let measure = w.measure.or(extra.map(|f| f.measure.as_str()));
            let mut cells: Vec<String> = vec![
                w.kind.to_string(),
                w.topic.to_string(),
                w.old_topic.map(|t| t.to_string()).unwrap_or_default(),
                w.heading.unwrap_or_default().to_string(),
                measure.unwrap_or_default().to_string(),
            ];
            cells.extend(figure_cells(old));
            cells.extend(figure_cells(new));
            cells.push(w.delta.map(|d| d.to_string()).unwrap_or_default());
            cells.push(w.percent.map(|p| p.to_string()).unwrap_or_default());
            cells.push(flags(&w.flags));
            cells.push(w.reason.unwrap_or_default().to_string());
            cells.push(w.old_text.unwrap_or_default().to_string());
            cells.push(w.new_text.unwrap_or_default().to_string());
            cells.push(w.label.to_string());
            let (has_old, has_new) = sides_of(c);
            for (has, edition, figure) in [(has_old, &report.old, old), (has_new, &report.new, new)]
            {
                if has {
                    cells.extend(side_cells(edition, figure));
                } else {
                    cells.extend([String::new(), String::new(), String::new()]);
                }
            }
            record(out, &cells)?;
        }
    }
    Ok(())
}

/// One row per track × edition, track by track; where the edition lacks the figure, the value,
/// qualifier and quote cells are empty.
pub(super) fn history(history: &History, out: &mut dyn Write) -> io::Result<()> {
    record(out, &HISTORY_COLUMNS)?;
    let series = history
        .editions
        .last()
        .map(|e| e.title.clone())
        .unwrap_or_default();
    for t in &history.tracks {
        let track_flags = flags(&t.flags);
        for (edition, value) in history.editions.iter().zip(t.values.iter()) {
            let [_, sentence, url] = side_cells(edition, value);
            let [value, max, _, qualifier, quote] = figure_cells(value);
            record(
                out,
                &[
                    series.clone(),
                    t.topic.clone(),
                    t.measure.clone(),
                    edition.label(),
                    value,
                    max,
                    t.unit.to_string(),
                    qualifier,
                    quote,
                    track_flags.clone(),
                    t.label.clone(),
                    sentence,
                    url,
                ],
            )?;
        }
    }
    Ok(())
}
