//! The one view of a report that the human renderers (text, Markdown, HTML) lay out: which
//! sections, in what order, their titles and row labels, each figure in its sentence with the
//! figure and the changed words marked and a link to the sentence in its source, and the legend
//! of flags. Built once from a [`Report`] or a [`History`]; renderers only format and escape it.

use super::{count, qualifier_mark, signed_percent, signed_value, EditionOrder, RenderOptions};
use crate::claimset::Edition;
use crate::diff::{Change, ChangeKind, Flag, Report};
use crate::figure::{Figure, Qualifier};
use crate::history::{History, Track};
use rust_decimal::Decimal;
use std::ops::Range;

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

/// How a piece of a sentence is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// As it is.
    Plain,
    /// The figure the row is about (bold, `<mark>`, colour).
    Figure,
    /// Words that differ from the other edition's sentence.
    Changed,
}

/// A run of a sentence with one mark; a marked run never starts or ends with white space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    /// The words.
    pub text: String,
    /// How they are shown.
    pub mark: Mark,
    /// For the figure: the link to its sentence in the source (`…#:~:text=…`), when known.
    pub link: Option<String>,
}

/// A figure as one edition states it: the edition, and its sentence cut into pieces (only the
/// figure's own words when the sentence was not kept).
pub(crate) struct Cited<'a> {
    /// The figure.
    pub figure: &'a Figure,
    /// The edition's label (its date).
    pub edition: String,
    /// The sentence, with the figure (and words changed from the other side) marked.
    pub pieces: Vec<Piece>,
    /// True when `pieces` hold the whole sentence, not just the figure's words.
    pub has_sentence: bool,
}

impl Cited<'_> {
    /// The link to the figure's sentence, when there is one.
    pub(crate) fn link(&self) -> Option<&str> {
        self.pieces.iter().find_map(|p| p.link.as_deref())
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
    /// The old edition's source, when it is a web address a report may link to.
    pub old_link: Option<&'a str>,
    /// The new edition's source, when it is a web address a report may link to.
    pub new_link: Option<&'a str>,
    /// The counts by kind ("2 figure-changed, 1 claim-added" or "no changes"); none when quiet.
    pub summary: Option<String>,
    /// A note when OLD is not the older edition.
    pub note: Option<&'static str>,
    /// The sections that have rows, in report order.
    pub sections: Vec<Section<'a>>,
    /// Every flag that occurs, in flag order, with its meaning.
    pub legend: Vec<(Flag, &'static str)>,
}

/// One section: its title and its rows.
pub(crate) struct Section<'a> {
    /// The heading.
    pub title: &'static str,
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
    /// What the figure is.
    pub label: &'a str,
    /// The old claim's label, when the figure moved from another claim.
    pub from: Option<&'a str>,
    /// The old figure in its sentence.
    pub old: Cited<'a>,
    /// The new figure in its sentence.
    pub new: Cited<'a>,
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
    /// The old claim's label.
    pub old: &'a str,
    /// The new claim's label.
    pub new: &'a str,
    /// How the pair was matched, when reasons are shown.
    pub reason: Option<&'a str>,
}

/// A reworded claim: its sentences that changed, old above new, changed words marked.
pub(crate) struct RewordRow<'a> {
    /// The claim's label.
    pub label: &'a str,
    /// The changed passages: old sentences and the new sentences in their place (either may
    /// be empty when sentences were only added or dropped).
    pub hunks: Vec<(Vec<Piece>, Vec<Piece>)>,
}

/// A figure that arrived in or left a paired claim.
pub(crate) struct FigureEntry<'a> {
    /// What the figure is.
    pub label: &'a str,
    /// The old claim's label, when it differs.
    pub from: Option<&'a str>,
    /// The figure in its sentence.
    pub cited: Cited<'a>,
    /// The flags.
    pub flags: Vec<Flag>,
}

/// A claim that arrived or left.
pub(crate) struct ClaimEntry<'a> {
    /// The claim's label.
    pub label: &'a str,
    /// The flags.
    pub flags: Vec<Flag>,
    /// Its words with its figures marked (and linked), when kept.
    pub text: Vec<Piece>,
    /// Its figures, each in its sentence.
    pub figures: Vec<Cited<'a>>,
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
        let sides = Sides {
            old_label: report.old.label(),
            new_label: report.new.label(),
            old_link: linkable(&report.old),
            new_link: linkable(&report.new),
        };
        DiffView {
            title: &report.new.title,
            old: &report.old,
            new: &report.new,
            sections: sections(report, options.reasons, &sides),
            old_label: sides.old_label,
            new_label: sides.new_label,
            old_link: sides.old_link,
            new_link: sides.new_link,
            summary,
            note: EditionOrder::of(report).note(),
            legend: legend(report.changes.iter().flat_map(Change::flags)),
        }
    }
}

/// An edition's source when a report may link to it.
fn linkable(e: &Edition) -> Option<&str> {
    e.source.as_deref().filter(|s| crate::cite::is_linkable(s))
}

/// The two editions' labels and links, for building rows.
struct Sides<'a> {
    old_label: String,
    new_label: String,
    old_link: Option<&'a str>,
    new_link: Option<&'a str>,
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
fn sections<'a>(report: &'a Report, reasons: bool, sides: &Sides<'a>) -> Vec<Section<'a>> {
    let changes = &report.changes;
    let of = |keep: fn(&Change) -> bool| changes.iter().filter(move |c| keep(c));
    let figure_list = |side| {
        Rows::FigureList(
            side,
            changes
                .iter()
                .filter_map(|c| figure_entry(c, side, sides))
                .collect(),
        )
    };
    let claim_list = |side| {
        Rows::ClaimList(
            side,
            changes
                .iter()
                .filter_map(|c| claim_entry(c, side, sides))
                .collect(),
        )
    };
    // Value changes, then qualifier changes, then rescaled figures, even in a hand-built report
    // that is not in kind order.
    let figures = of(|c| matches!(c, Change::FigureChanged { .. }))
        .chain(of(|c| matches!(c, Change::QualifierChanged(_))))
        .chain(of(|c| matches!(c, Change::Rescaled(_))))
        .filter_map(|c| figure_row(c, reasons, sides))
        .collect();
    let sections = [
        Section {
            title: "Changed figures",
            rows: Rows::Figures(figures),
        },
        Section {
            title: "Renamed topics",
            rows: Rows::Renames(
                changes
                    .iter()
                    .filter_map(|c| rename_row(c, reasons))
                    .collect(),
            ),
        },
        Section {
            title: "Reworded claims",
            rows: Rows::Rewordings(changes.iter().filter_map(reword_row).collect()),
        },
        Section {
            title: "Figures added",
            rows: figure_list(Side::Added),
        },
        Section {
            title: "Figures dropped",
            rows: figure_list(Side::Dropped),
        },
        Section {
            title: "Claims added",
            rows: claim_list(Side::Added),
        },
        Section {
            title: "Claims dropped",
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

/// The link to a figure's sentence in an edition's source, when both are known.
fn figure_link(source: Option<&str>, f: &Figure) -> Option<String> {
    source.and_then(|s| crate::cite::fragment_link(s, &f.fragment))
}

/// A figure in its sentence; `other` is the sentence of the figure it is paired with, whose
/// differing words get marked.
fn cited<'a>(
    figure: &'a Figure,
    edition: &str,
    source: Option<&str>,
    other: Option<&Figure>,
) -> Cited<'a> {
    let link = figure_link(source, figure);
    if figure.sentence.is_empty() {
        return Cited {
            figure,
            edition: edition.to_string(),
            pieces: vec![Piece {
                text: super::figure_words(figure),
                mark: Mark::Figure,
                link,
            }],
            has_sentence: false,
        };
    }
    let changed = match other.map(|o| o.sentence.as_str()) {
        Some(o) if !o.is_empty() && o != figure.sentence && alike(o, &figure.sentence) => {
            changed_words(&figure.sentence, o)
        }
        _ => Vec::new(),
    };
    let quote = find_quote(&figure.sentence, &figure.quote);
    Cited {
        figure,
        edition: edition.to_string(),
        pieces: pieces(
            &figure.sentence,
            &changed,
            &quote.into_iter().collect::<Vec<_>>(),
            &[link],
        ),
        has_sentence: true,
    }
}

/// Where a figure's quote stands in its sentence.
fn find_quote(sentence: &str, quote: &str) -> Option<Range<usize>> {
    if quote.is_empty() {
        return None;
    }
    sentence.find(quote).map(|at| at..at + quote.len())
}

/// Two texts share at least this share of their words (in order) for their changed
/// words to be marked; below it nearly every word differs and marks would only be noise.
pub(crate) const MIN_MARKED_RATIO: f32 = 0.4;

/// True when two texts are alike enough to mark the words that differ: the words they share
/// in order, against all their words.
fn alike(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    let total = wa.len() + wb.len();
    if total == 0 {
        return true;
    }
    let shared: usize = similar::capture_diff_slices(similar::Algorithm::Myers, &wa, &wb)
        .iter()
        .filter(|op| op.tag() == similar::DiffTag::Equal)
        .map(|op| op.old_range().len())
        .sum();
    (2 * shared) as f32 / total as f32 >= MIN_MARKED_RATIO
}

/// The byte ranges of `text` whose words are not in `other` (a word diff).
fn changed_words(text: &str, other: &str) -> Vec<Range<usize>> {
    let diff = similar::TextDiff::from_words(other, text);
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    for change in diff.iter_all_changes() {
        let value: &str = change.value();
        match change.tag() {
            similar::ChangeTag::Delete => continue,
            similar::ChangeTag::Insert if !value.trim().is_empty() => {
                out.push(at..at + value.len());
            }
            _ => {}
        }
        at += value.len();
    }
    out
}

/// Cuts `text` into pieces: `figures[i]` marked as the figure (with `links[i]`), `changed`
/// ranges marked as changed; white space between two runs of one mark joins them, white
/// space at a run's edge stays plain.
fn pieces(
    text: &str,
    changed: &[Range<usize>],
    figures: &[Range<usize>],
    links: &[Option<String>],
) -> Vec<Piece> {
    // The mark of each character, and for figures which one.
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mark_at = |i: usize| -> (Mark, Option<usize>) {
        if let Some(k) = figures.iter().position(|r| r.contains(&i)) {
            return (Mark::Figure, Some(k));
        }
        if changed.iter().any(|r| r.contains(&i)) {
            return (Mark::Changed, None);
        }
        (Mark::Plain, None)
    };
    let mut marks: Vec<(Mark, Option<usize>)> = chars.iter().map(|(i, _)| mark_at(*i)).collect();
    // White space takes its neighbours' mark only when both sides agree.
    for k in 0..chars.len() {
        if !chars[k].1.is_whitespace() {
            continue;
        }
        let before = (0..k).rev().find(|&j| !chars[j].1.is_whitespace());
        let after = (k + 1..chars.len()).find(|&j| !chars[j].1.is_whitespace());
        marks[k] = match (before, after) {
            (Some(b), Some(a)) if marks[b] == marks[a] => marks[b],
            _ => (Mark::Plain, None),
        };
    }
    let mut out: Vec<Piece> = Vec::new();
    let mut run_start = 0;
    for k in 0..=chars.len() {
        let boundary = k == chars.len() || (k > 0 && marks[k] != marks[k - 1]);
        if !boundary || k == run_start {
            continue;
        }
        let (from, to) = (chars[run_start].0, chars.get(k).map_or(text.len(), |c| c.0));
        let (mark, which) = marks[run_start];
        out.push(Piece {
            text: text[from..to].to_string(),
            mark,
            link: which.and_then(|w| links.get(w).cloned().flatten()),
        });
        run_start = k;
    }
    out
}

fn figure_row<'a>(change: &'a Change, reasons: bool, sides: &Sides<'a>) -> Option<FigureRow<'a>> {
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
        label: &pair.label,
        from: pair
            .old_label
            .as_deref()
            .filter(|l| !pair.label.contains(*l)),
        old: cited(&pair.old, &sides.old_label, sides.old_link, Some(&pair.new)),
        new: cited(&pair.new, &sides.new_label, sides.new_link, Some(&pair.old)),
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
        old_label,
        reason,
        ..
    } = change
    else {
        return None;
    };
    Some(RenameRow {
        old: old_label,
        new: &claim.label,
        reason: reasons.then_some(reason.as_str()),
    })
}

fn reword_row(change: &Change) -> Option<RewordRow<'_>> {
    let Change::Reworded {
        claim,
        old_text,
        new_text,
        ..
    } = change
    else {
        return None;
    };
    Some(RewordRow {
        label: &claim.label,
        hunks: sentence_hunks(old_text, new_text),
    })
}

/// The sentences that changed between two texts: each old sentence above the new one that
/// replaced it (the words that differ marked), and sentences only one side has on their own
/// (the other side empty).
pub(crate) fn sentence_hunks(old: &str, new: &str) -> Vec<(Vec<Piece>, Vec<Piece>)> {
    let (a, b) = (crate::text::sentences(old), crate::text::sentences(new));
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b);
    let mut hunks = Vec::new();
    let (mut olds, mut news): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    for op in ops {
        let (tag, ra, rb) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            pair_sentences(&olds, &news, &mut hunks);
            olds.clear();
            news.clear();
            continue;
        }
        olds.extend(&a[ra]);
        news.extend(&b[rb]);
    }
    pair_sentences(&olds, &news, &mut hunks);
    hunks
}

/// Pairs the changed sentences of one place in order: an old sentence with the next new one
/// alike enough to be its rewording; the sentences in between stand alone.
fn pair_sentences(olds: &[&str], news: &[&str], hunks: &mut Vec<(Vec<Piece>, Vec<Piece>)>) {
    let alone = |text: &str| pieces(text, &[], &[], &[]);
    let mut j = 0;
    for o in olds {
        match (j..news.len()).find(|&k| alike(o, news[k])) {
            Some(k) => {
                for n in &news[j..k] {
                    hunks.push((Vec::new(), alone(n)));
                }
                let n = news[k];
                hunks.push((
                    pieces(o, &changed_words(o, n), &[], &[]),
                    pieces(n, &changed_words(n, o), &[], &[]),
                ));
                j = k + 1;
            }
            None => hunks.push((alone(o), Vec::new())),
        }
    }
    for n in &news[j..] {
        hunks.push((Vec::new(), alone(n)));
    }
}

fn figure_entry<'a>(change: &'a Change, side: Side, sides: &Sides<'a>) -> Option<FigureEntry<'a>> {
    let (label, from, figure) = match (side, change) {
        (Side::Added, Change::FigureAdded { label, figure, .. }) => (label, None, figure),
        (
            Side::Dropped,
            Change::FigureDropped {
                label,
                old_label,
                figure,
                ..
            },
        ) => (label, old_label.as_deref(), figure),
        _ => return None,
    };
    let cited = match side {
        Side::Added => cited(figure, &sides.new_label, sides.new_link, None),
        Side::Dropped => cited(figure, &sides.old_label, sides.old_link, None),
    };
    Some(FigureEntry {
        label,
        from: from.filter(|f| !label.contains(*f)),
        cited,
        flags: change.flags(),
    })
}

fn claim_entry<'a>(change: &'a Change, side: Side, sides: &Sides<'a>) -> Option<ClaimEntry<'a>> {
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
    let (edition, source) = match side {
        Side::Added => (&sides.new_label, sides.new_link),
        Side::Dropped => (&sides.old_label, sides.old_link),
    };
    // The claim's words with each figure's quote marked, in reading order.
    let text = match text {
        Some(t) => {
            let mut ranges = Vec::new();
            let mut links = Vec::new();
            let mut from = 0;
            for f in figures {
                if let Some(at) = t.get(from..).and_then(|rest| rest.find(&f.quote)) {
                    let at = from + at;
                    if !f.quote.is_empty() {
                        ranges.push(at..at + f.quote.len());
                        links.push(figure_link(source, f));
                        from = at + f.quote.len();
                    }
                }
            }
            pieces(t, &[], &ranges, &links)
        }
        None => Vec::new(),
    };
    Some(ClaimEntry {
        label: &claim.label,
        flags: change.flags(),
        text,
        figures: figures
            .iter()
            .map(|f| cited(f, edition, source, None))
            .collect(),
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
    /// What the figure is, for people.
    pub label: &'a str,
    /// The history's editions, oldest first (for each cell's link).
    pub editions: &'a [Edition],
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

    /// One entry per edition (`labels` are the editions' labels): the figure in its sentence,
    /// linked to its source; none where absent. Made as they are written, as the cells are.
    pub(crate) fn cited<'v>(
        &'v self,
        labels: &'v [String],
    ) -> impl Iterator<Item = Option<Cited<'v>>> + 'v {
        self.track
            .values
            .iter()
            .zip(self.editions)
            .zip(labels)
            .map(|((v, e), l)| v.map(|f| cited(f, l, linkable(e), None)))
    }
}

/// A history cell: qualifier mark and value (`>90,000`).
pub(crate) fn cell_text(f: &Figure) -> String {
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
                label: &track.label,
                editions: &history.editions,
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
