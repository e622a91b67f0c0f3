//! History: all editions of a series → one row of values per tracked figure, with first and
//! last appearance, net change and flags (`decrease`, `hedged`, `stale`, `gap`…).

use crate::align::{align_normalised, AlignSettings, FigureAt, Normalised};
use crate::claimset::{ClaimSet, Edition};
use crate::diff::{qualifier_flag, Flag};
use crate::figure::{Figure, Unit};
use crate::topics::TopicRules;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// The same value in this many consecutive editions is flagged `stale`.
pub const MIN_STALE_EDITIONS: usize = 3;

/// One figure followed through the editions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Track {
    /// The topic key in the latest edition that holds the figure.
    pub topic: String,
    /// What the figure is, for people: its label in the latest edition that holds it.
    pub label: String,
    /// The measure in the latest edition that holds the figure.
    pub measure: String,
    /// The unit.
    pub unit: Unit,
    /// One cell per edition, in edition order; `None` where absent.
    pub values: Vec<Option<Figure>>,
    /// Index of the first edition holding the figure.
    pub first: usize,
    /// Index of the last edition holding the figure.
    pub last: usize,
    /// last − first value, exact (none with a single appearance).
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    pub net: Option<Decimal>,
    /// Flags over the whole run.
    pub flags: Vec<Flag>,
    /// Every topic key the figure was filed under, oldest first.
    pub topics: Vec<String>,
}

impl Track {
    /// How many editions hold the figure.
    pub fn appearances(&self) -> usize {
        self.values.iter().filter(|v| v.is_some()).count()
    }
}

/// Every tracked figure of a series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct History {
    /// The editions, oldest first.
    pub editions: Vec<Edition>,
    /// The tracks, ordered by first appearance, then position.
    pub tracks: Vec<Track>,
}

impl History {
    /// Keeps the tracks named by `terms` — a measure or topic equal to a term, or, for a term
    /// that names none exactly, containing it — and, unless `all` or terms are given, only
    /// those seen in two or more editions.
    pub fn filtered(mut self, terms: &[String], all: bool) -> History {
        let terms: Vec<String> = terms.iter().map(|t| crate::text::slug(t)).collect();
        let exact = |t: &Track, term: &str| t.measure == term || t.topics.iter().any(|k| k == term);
        let loose = |t: &Track, term: &str| {
            t.measure.contains(term) || t.topics.iter().any(|k| k.contains(term))
        };
        let named: Vec<bool> = self
            .tracks
            .iter()
            .map(|t| {
                terms.is_empty()
                    || terms.iter().any(|term| {
                        let any_exact = self.tracks.iter().any(|u| exact(u, term));
                        if any_exact {
                            exact(t, term)
                        } else {
                            loose(t, term)
                        }
                    })
            })
            .collect();
        let mut keep = named.into_iter();
        self.tracks.retain(|t| {
            keep.next().unwrap_or(false) && (all || !terms.is_empty() || t.appearances() >= 2)
        });
        self
    }
}

/// Follows every figure through `sets` (sorted here by date and revision).
pub fn history(sets: &[ClaimSet], rules: &TopicRules, settings: AlignSettings) -> History {
    let mut order: Vec<&ClaimSet> = sets.iter().collect();
    order.sort_by_key(|s| (s.edition.date, s.edition.revision.unwrap_or(1)));
    let n = order.len();
    // Track id per figure of each edition.
    let mut ids: Vec<BTreeMap<FigureAt, usize>> = vec![BTreeMap::new(); n];
    let mut cells: Vec<Vec<Option<(Figure, String)>>> = Vec::new();
    // Each track's label in the latest edition seen so far.
    let mut labels: Vec<String> = Vec::new();

    // The series' rules applied once per edition: one canonical form every pair reads.
    let normalised: Vec<Normalised> = order.iter().map(|s| Normalised::new(s, rules)).collect();
    for k in 0..n {
        let set = order[k];
        let prev = if k > 0 {
            Some(align_normalised(
                &normalised[k - 1],
                &normalised[k],
                settings,
            ))
        } else {
            None
        };
        let measures = normalised[k].measures();
        let keys: Vec<String> = set.claims.iter().map(|c| c.topic.to_string()).collect();
        if let Some(al) = &prev {
            for pair in &al.figures {
                if let Some(&id) = ids[k - 1].get(&pair.old) {
                    ids[k].insert(pair.new, id);
                }
            }
        }
        for (ci, claim) in set.claims.iter().enumerate() {
            for (fi, f) in claim.figures.iter().enumerate() {
                let at = (ci, fi);
                let mut fig = f.clone();
                if let Some(m) = measures.get(&at) {
                    fig.measure = m.clone();
                }
                let id = match ids[k].get(&at) {
                    Some(&id) => id,
                    None => {
                        let id = revive(&cells, k, &keys[ci], &fig).unwrap_or_else(|| {
                            cells.push(vec![None; n]);
                            cells.len() - 1
                        });
                        ids[k].insert(at, id);
                        id
                    }
                };
                labels.resize(cells.len(), String::new());
                labels[id] = crate::diff::ClaimRef::of(claim).figure_label(&fig);
                cells[id][k] = Some((fig, keys[ci].clone()));
            }
        }
    }

    let tracks = cells
        .into_iter()
        .zip(labels)
        .filter_map(|(row, label)| build_track(row, label))
        .collect();
    History {
        editions: order.iter().map(|s| s.edition.clone()).collect(),
        tracks,
    }
}

/// A figure that is absent from the previous edition but matches exactly one track that
/// ended earlier (same topic, measure and unit) continues that track: a gap.
fn revive(
    cells: &[Vec<Option<(Figure, String)>>],
    k: usize,
    key: &str,
    fig: &Figure,
) -> Option<usize> {
    if k < 2 {
        return None;
    }
    let candidates: Vec<usize> = cells
        .iter()
        .enumerate()
        .filter(|(_, row)| row[k - 1].is_none() && row[k].is_none())
        .filter(|(_, row)| {
            row[..k]
                .iter()
                .rev()
                .flatten()
                .next()
                .is_some_and(|(f, t)| t == key && f.measure == fig.measure && f.unit == fig.unit)
        })
        .map(|(i, _)| i)
        .collect();
    match candidates.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

fn build_track(row: Vec<Option<(Figure, String)>>, label: String) -> Option<Track> {
    let first = row.iter().position(Option::is_some)?;
    let last = row.iter().rposition(Option::is_some)?;
    let (latest, topic) = row[last].clone()?;
    let mut topics: Vec<String> = Vec::new();
    for (_, t) in row.iter().flatten() {
        if !topics.contains(t) {
            topics.push(t.clone());
        }
    }
    let values: Vec<Option<Figure>> = row.into_iter().map(|c| c.map(|(f, _)| f)).collect();
    let present: Vec<&Figure> = values.iter().flatten().collect();
    let mut flags = Vec::new();
    let mut net = None;
    if present.len() >= 2 {
        // None when the difference is beyond the decimal range (hand-edited claim sets).
        net = present[present.len() - 1]
            .value
            .checked_sub(present[0].value)
            .map(|d| d.normalize());
        for w in present.windows(2) {
            let (a, b) = (w[0], w[1]);
            if b.value < a.value
                && matches!(b.unit, Unit::Count | Unit::Usd)
                && !flags.contains(&Flag::Decrease)
            {
                flags.push(Flag::Decrease);
            }
            if let Some(f) = qualifier_flag(a.qualifier, b.qualifier) {
                if !flags.contains(&f) {
                    flags.push(f);
                }
            }
        }
    }
    // stale: the same value in MIN_STALE_EDITIONS consecutive editions.
    let mut run = 0;
    let mut prev: Option<Decimal> = None;
    for v in &values {
        match v {
            Some(f) if prev == Some(f.value) => run += 1,
            Some(f) => {
                run = 1;
                prev = Some(f.value);
            }
            None => {
                run = 0;
                prev = None;
            }
        }
        if run >= MIN_STALE_EDITIONS && !flags.contains(&Flag::Stale) {
            flags.push(Flag::Stale);
        }
    }
    if values[first..=last].iter().any(Option::is_none) {
        flags.push(Flag::Gap);
    }
    flags.sort();
    Some(Track {
        topic,
        label,
        measure: latest.measure.clone(),
        unit: latest.unit,
        values,
        first,
        last,
        net,
        flags,
        topics,
    })
}
