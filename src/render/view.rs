//! The one view of a report that the human renderers (text, Markdown, HTML) lay out: which
//! sections, in what order, their titles, columns and row labels, and the legend of flags.
//! Built once from a [`Report`] or a [`History`]; renderers only format and escape it.

use super::{count, qualifier_mark, signed_percent, signed_value, EditionOrder, RenderOptions};
use crate::claimset::Edition;
use crate::diff::{Change, ChangeKind, ClaimRef, Flag, Report, WordChange};
use crate::figure::{Figure, Qualifier};
use crate::history::{History, Track};
use rust_decimal::Decimal;

/// A table column: its title, and whether it holds numbers (right-aligned).
pub(crate) type Column<S = &'static str> = (S, bool);

/// Which way a number moved, for coloring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// Up.
    Up,
    /// Down.
    Down,
    /// Zero, or no number.
    Flat,
}

impl Direction {
    fn of(value: Option<Decimal>) -> Direction {
        match value {
            Some(d) if d.is_sign_negative() && !d.is_zero() => Direction::Down,
            Some(d) if !d.is_zero() => Direction::Up,
            _ => Direction::Flat,
        }
    }
}

/// Whether a list holds what arrived or what left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// Arrived in the new edition.
    Added,
    /// Left with the old edition.
    Dropped,
}

impl Side {
    /// `+` or `-`.
    pub(crate) fn mark(self) -> &'static str {
        match self {
            Side::Added => "+",
            Side::Dropped => "-",
        }
    }
}

/// A diff report as the human renderers show it.
pub(crate) struct DiffView<'a> {
    /// The new edition's title.
    pub title: &'a str,
    /// The old edition's header.
    pub old: &'a Edition,
    /// The new edition's header.
    pub new: &'a Edition,
    /// The old edition's label (its date).
    pub old_label: String,
    /// The new edition's label.
    pub new_label: String,
    /// The counts by kind ("2 figure-changed, 1 claim-added" or "no changes"); none when quiet.
    pub summary: Option<String>,
    /// A note when OLD is not the older edition.
    pub note: Option<&'static str>,
    /// The sections that have rows, in report order.
    pub sections: Vec<Section<'a>>,
    /// Every flag that occurs, in flag order, with its meaning.
    pub legend: Vec<(Flag, &'static str)>,
}

/// One section: its title, its table columns (none for lists) and its rows.
pub(crate) struct Section<'a> {
    /// The heading.
    pub title: &'static str,
    /// The table columns, for sections shown as tables.
    pub columns: Vec<Column>,
    /// The rows.
    pub rows: Rows<'a>,
}

/// The rows of a section, by what they show.
pub(crate) enum Rows<'a> {
    /// Changed figures: old → new.
    Figures(Vec<FigureRow<'a>>),
    /// Renamed topics.
    Renames(Vec<RenameRow<'a>>),
    /// Reworded claims.
    Rewordings(Vec<RewordRow<'a>>),
    /// Figures that arrived in or left a paired claim.
    FigureList(Side, Vec<FigureEntry<'a>>),
    /// Claims that arrived or left, with their figures.
    ClaimList(Side, Vec<ClaimEntry<'a>>),
}

/// How a paired figure moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Movement {
    /// Its value moved (delta and percent apply).
    Value,
    /// Only its qualifier moved.
    Qualifier,
    /// The same value, written at another scale.
    Rescaled,
}

/// A changed figure.
pub(crate) struct FigureRow<'a> {
    /// The claim's label.
    pub topic: &'a str,
    /// The old claim's key, when the figure moved from another topic.
    pub from: Option<&'a str>,
    /// The measure.
    pub measure: &'a str,
    /// The old figure.
    pub old: &'a Figure,
    /// The new figure.
    pub new: &'a Figure,
    /// What moved.
    pub movement: Movement,
    /// The signed delta (`+160,000`, `−$1 billion`), when there is one.
    pub delta: Option<String>,
    /// The signed percent (`+177.8%`), when there is one.
    pub percent: Option<String>,
    /// Which way the value moved.
    pub direction: Direction,
    /// The flags.
    pub flags: Vec<Flag>,
    /// How the pair was matched, when reasons are shown.
    pub reason: Option<&'a str>,
}

/// A renamed topic.
pub(crate) struct RenameRow<'a> {
    /// The old label: heading, else key.
    pub old: &'a str,
    /// The new label.
    pub new: &'a str,
    /// How the pair was matched, when reasons are shown.
    pub reason: Option<&'a str>,
}

/// A reworded claim.
pub(crate) struct RewordRow<'a> {
    /// The claim's label.
    pub topic: &'a str,
    /// The word-level diff as recorded.
    pub words: &'a [WordChange],
    /// The same diff regrouped for reading (see [`word_runs`]).
    pub runs: Vec<(&'static str, String)>,
    /// The old words.
    pub old_text: &'a str,
    /// The new words.
    pub new_text: &'a str,
}

/// A figure that arrived in or left a paired claim.
pub(crate) struct FigureEntry<'a> {
    /// The claim's label.
    pub topic: &'a str,
    /// The old claim's key, when it differs.
    pub from: Option<&'a str>,
    /// The figure.
    pub figure: &'a Figure,
    /// The flags.
    pub flags: Vec<Flag>,
}

/// A claim that arrived or left.
pub(crate) struct ClaimEntry<'a> {
    /// The claim's label.
    pub topic: &'a str,
    /// The flags.
    pub flags: Vec<Flag>,
    /// Its words, when kept.
    pub text: Option<&'a str>,
    /// The figures that arrive or leave with it.
    pub figures: &'a [Figure],
}

/// A claim's label: its heading when it has one, else its topic key.
fn label(claim: &ClaimRef) -> &str {
    claim.heading.as_deref().unwrap_or(claim.topic.as_str())
}

impl<'a> DiffView<'a> {
    /// The view of `report` under `options`.
    pub(crate) fn new(report: &'a Report, options: &RenderOptions) -> DiffView<'a> {
        let summary = (!options.quiet).then(|| {
            let parts = summary_parts(report);
            if parts.is_empty() {
                "no changes".to_string()
            } else {
                parts.join(", ")
            }
        });
        DiffView {
            title: &report.new.title,
            old: &report.old,
            new: &report.new,
            old_label: report.old.label(),
            new_label: report.new.label(),
            summary,
            note: EditionOrder::of(report).note(),
            sections: sections(report, options.reasons),
            legend: legend(report.changes.iter().flat_map(Change::flags)),
        }
    }
}

/// The summary counts in report order (changed figures first), zero counts left out.
fn summary_parts(report: &Report) -> Vec<String> {
    ChangeKind::ALL
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

/// The sections with rows: changed figures, renamed topics, reworded claims, figures added and
/// dropped, claims added and dropped.
fn sections(report: &Report, reasons: bool) -> Vec<Section<'_>> {
    let changes = &report.changes;
    let of = |keep: fn(&Change) -> bool| changes.iter().filter(move |c| keep(c));
    let with_reasons = |mut columns: Vec<Column>| {
        if reasons {
            columns.push(("Paired by", false));
        }
        columns
    };
    let figure_columns = || {
        vec![
            ("Topic", false),
            ("Measure", false),
            ("Figure", false),
            ("Flags", false),
        ]
    };
    let figure_list = |side| {
        Rows::FigureList(
            side,
            changes
                .iter()
                .filter_map(|c| figure_entry(c, side))
                .collect(),
        )
    };
    let claim_list = |side| {
        Rows::ClaimList(
            side,
            changes
                .iter()
                .filter_map(|c| claim_entry(c, side))
                .collect(),
        )
    };
    // Value changes, then qualifier changes, then rescaled figures, even in a hand-built report
    // that is not in kind order.
    let figures = of(|c| matches!(c, Change::FigureChanged { .. }))
        .chain(of(|c| matches!(c, Change::QualifierChanged(_))))
        .chain(of(|c| matches!(c, Change::Rescaled(_))))
        .filter_map(|c| figure_row(c, reasons))
        .collect();
    let sections = [
        Section {
            title: "Changed figures",
            columns: with_reasons(vec![
                ("Topic", false),
                ("Measure", false),
                ("Old", false),
                ("New", false),
                ("Δ", true),
                ("%", true),
                ("Flags", false),
            ]),
            rows: Rows::Figures(figures),
        },
        Section {
            title: "Renamed topics",
            columns: with_reasons(vec![("Old topic", false), ("New topic", false)]),
            rows: Rows::Renames(
                changes
                    .iter()
                    .filter_map(|c| rename_row(c, reasons))
                    .collect(),
            ),
        },
        Section {
            title: "Reworded claims",
            columns: Vec::new(),
            rows: Rows::Rewordings(changes.iter().filter_map(reword_row).collect()),
        },
        Section {
            title: "Figures added",
            columns: figure_columns(),
            rows: figure_list(Side::Added),
        },
        Section {
            title: "Figures dropped",
            columns: figure_columns(),
            rows: figure_list(Side::Dropped),
        },
        Section {
            title: "Claims added",
            columns: Vec::new(),
            rows: claim_list(Side::Added),
        },
        Section {
            title: "Claims dropped",
            columns: Vec::new(),
            rows: claim_list(Side::Dropped),
        },
    ];
    sections
        .into_iter()
        .filter(|s| !s.rows.is_empty())
        .collect()
}

impl Rows<'_> {
    fn is_empty(&self) -> bool {
        match self {
            Rows::Figures(r) => r.is_empty(),
            Rows::Renames(r) => r.is_empty(),
            Rows::Rewordings(r) => r.is_empty(),
            Rows::FigureList(_, r) => r.is_empty(),
            Rows::ClaimList(_, r) => r.is_empty(),
        }
    }
}

fn figure_row(change: &Change, reasons: bool) -> Option<FigureRow<'_>> {
    let (pair, movement, delta, percent) = match change {
        Change::FigureChanged {
            pair,
            delta,
            percent,
        } => (pair, Movement::Value, *delta, *percent),
        Change::QualifierChanged(pair) => (pair, Movement::Qualifier, None, None),
        Change::Rescaled(pair) => (pair, Movement::Rescaled, None, None),
        _ => return None,
    };
    Some(FigureRow {
        topic: label(&pair.claim),
        from: pair.old_topic.as_ref().map(|t| t.as_str()),
        measure: &pair.new.measure,
        old: &pair.old,
        new: &pair.new,
        movement,
        delta: delta.map(|d| signed_value(d, pair.new.unit)),
        percent: percent.map(signed_percent),
        direction: Direction::of(delta),
        flags: change.flags(),
        reason: reasons.then_some(pair.reason.as_str()),
    })
}

fn rename_row(change: &Change, reasons: bool) -> Option<RenameRow<'_>> {
    let Change::TopicRenamed {
        claim,
        old_topic,
        old_heading,
        reason,
        ..
    } = change
    else {
        return None;
    };
    Some(RenameRow {
        old: old_heading.as_deref().unwrap_or(old_topic.as_str()),
        new: label(claim),
        reason: reasons.then_some(reason.as_str()),
    })
}

fn reword_row(change: &Change) -> Option<RewordRow<'_>> {
    let Change::Reworded {
        claim,
        old_text,
        new_text,
        words,
        ..
    } = change
    else {
        return None;
    };
    Some(RewordRow {
        topic: label(claim),
        words,
        runs: word_runs(words),
        old_text,
        new_text,
    })
}

fn figure_entry(change: &Change, side: Side) -> Option<FigureEntry<'_>> {
    let (claim, from, figure) = match (side, change) {
        (Side::Added, Change::FigureAdded { claim, figure }) => (claim, None, figure),
        (
            Side::Dropped,
            Change::FigureDropped {
                claim,
                old_topic,
                figure,
            },
        ) => (claim, old_topic.as_ref(), figure),
        _ => return None,
    };
    Some(FigureEntry {
        topic: label(claim),
        from: from.map(|t| t.as_str()),
        figure,
        flags: change.flags(),
    })
}

fn claim_entry(change: &Change, side: Side) -> Option<ClaimEntry<'_>> {
    let (claim, text, figures) = match (side, change) {
        (
            Side::Added,
            Change::ClaimAdded {
                claim,
                text,
                figures,
            },
        )
        | (
            Side::Dropped,
            Change::ClaimDropped {
                claim,
                text,
                figures,
            },
        ) => (claim, text, figures),
        _ => return None,
    };
    Some(ClaimEntry {
        topic: label(claim),
        flags: change.flags(),
        text: text.as_deref(),
        figures,
    })
}

/// Each flag once, in flag order, with its meaning.
fn legend(flags: impl Iterator<Item = Flag>) -> Vec<(Flag, &'static str)> {
    let mut flags: Vec<Flag> = flags.collect();
    flags.sort();
    flags.dedup();
    flags.into_iter().map(|f| (f, flag_meaning(f))).collect()
}

/// What each flag means, for legends and tooltips.
pub(crate) fn flag_meaning(flag: Flag) -> &'static str {
    use crate::diff::Flag::*;
    match flag {
        Decrease => "a running total or plain count or amount fell (per-period amounts and goals never flag)",
        TargetChanged => "a goal or target changed",
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
pub(crate) fn word_runs(words: &[WordChange]) -> Vec<(&'static str, String)> {
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

// ---- history ----------------------------------------------------------------------------------

/// A history as the human renderers show it.
pub(crate) struct HistoryView<'a> {
    /// The latest edition's title.
    pub title: Option<&'a str>,
    /// "3 tracked figures over 3 editions from A to B"; none when quiet.
    pub summary: Option<HistorySummary>,
    /// Leave out keys that only repeat what the table shows (`--quiet`).
    pub quiet: bool,
    /// The editions' labels, oldest first.
    pub labels: Vec<String>,
    /// The overview table's columns: figure, one per edition, net, flags.
    pub columns: Vec<Column<String>>,
    /// One row per track.
    pub rows: Vec<TrackRow<'a>>,
    /// Every flag that occurs, in flag order, with its meaning.
    pub legend: Vec<(Flag, &'static str)>,
}

/// The counts a history's summary line gives.
pub(crate) struct HistorySummary {
    /// "3 tracked figures".
    pub tracked: String,
    /// "3 editions".
    pub editions: String,
    /// The first and last edition labels.
    pub span: Option<(String, String)>,
}

/// One track in the overview.
pub(crate) struct TrackRow<'a> {
    /// The track (topic, measure, values, flags).
    pub track: &'a Track,
    /// The signed net change, when there is one.
    pub net: Option<String>,
    /// Which way the net change went.
    pub direction: Direction,
}

impl TrackRow<'_> {
    /// One cell per edition: qualifier mark and value (`>90,000`); none where absent. Made as
    /// they are written: held for a whole table they were 44 million cells and 2.7 GB for the
    /// archive as one series.
    pub(crate) fn cells(&self) -> impl Iterator<Item = Option<String>> + '_ {
        self.track.values.iter().map(|v| v.map(cell_text))
    }

    /// The cells of the editions that hold the figure, by edition index.
    pub(crate) fn present_cells(&self) -> impl Iterator<Item = (usize, String)> + '_ {
        self.track.values.present().map(|(k, f)| (k, cell_text(f)))
    }
}

/// A history cell: qualifier mark and value (`>90,000`).
fn cell_text(f: &Figure) -> String {
    format!("{}{}", qualifier_mark(f.qualifier), f.display_value())
}

impl<'a> HistoryView<'a> {
    /// The view of `history` under `options`.
    pub(crate) fn new(history: &'a History, options: &RenderOptions) -> HistoryView<'a> {
        let labels: Vec<String> = history.editions.iter().map(|e| e.label()).collect();
        let summary = (!options.quiet).then(|| HistorySummary {
            tracked: count(history.tracks.len(), "tracked figure"),
            editions: count(history.editions.len(), "edition"),
            span: labels
                .first()
                .zip(labels.last())
                .map(|(a, b)| (a.clone(), b.clone())),
        });
        let mut columns = vec![("Figure".to_string(), false)];
        columns.extend(labels.iter().map(|l| (l.clone(), true)));
        columns.push(("Net".to_string(), true));
        columns.push(("Flags".to_string(), false));
        let rows = history
            .tracks
            .iter()
            .map(|track| TrackRow {
                track,
                net: track.net.map(|n| signed_value(n, track.unit)),
                direction: Direction::of(track.net),
            })
            .collect();
        HistoryView {
            title: history.editions.last().map(|e| e.title.as_str()),
            summary,
            quiet: options.quiet,
            labels,
            columns,
            rows,
            legend: legend(history.tracks.iter().flat_map(|t| t.flags.iter().copied())),
        }
    }
}

/// Why a history can be empty.
pub(crate) const UNTRACKED: &str = "a figure is tracked once it appears in two editions";

/// The last key entry of a history table.
pub(crate) const NET_KEY: &str = "Net: last value − first value.";

/// The qualifier marks of history tables and what they stand for.
const MARKS: [(Qualifier, &str); 5] = [
    (Qualifier::Over, "more than"),
    (Qualifier::AtLeast, "at least"),
    (Qualifier::Nearly, "nearly"),
    (Qualifier::Approximately, "about"),
    (Qualifier::UpTo, "up to (as many as)"),
];

/// The key to the qualifier marks, entries joined by `sep`: "> more than · ≥ at least · …".
pub(crate) fn mark_key(sep: &str) -> String {
    MARKS
        .iter()
        .map(|(q, words)| format!("{} {words}", qualifier_mark(*q)))
        .collect::<Vec<_>>()
        .join(sep)
}
