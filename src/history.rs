//! History: all editions of a series → one row of values per tracked figure, with first and
//! last appearance, net change and flags (`decrease`, `hedged`, `stale`, `gap`…).

use crate::align::{align_normalised, AlignSettings, FigureAt, Normalised};
use crate::claimset::{ClaimSet, Edition};
use crate::diff::{qualifier_flag, Flag};
use crate::figure::{Figure, Unit};
use crate::topics::TopicRules;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

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
    /// One cell per edition, in edition order; `None` where absent. Held sparse (a track
    /// is usually in a few of many editions); iterates and serialises as one value per edition.
    pub values: Values,
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
        self.values.cells.len()
    }
}

/// A track's value in each edition, stored for the editions that hold one: memory follows the
/// figures, not tracks × editions. Serialises as a dense array (`null` where absent).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Values {
    /// How many editions there are.
    len: usize,
    /// The editions holding the figure: (edition index, figure), in edition order.
    cells: Vec<(usize, Figure)>,
}

impl Values {
    /// `len` editions, the figure in those of `cells` (edition index, figure); cells past
    /// `len` are left out, and a later cell for the same edition replaces an earlier one.
    pub fn new(len: usize, cells: impl IntoIterator<Item = (usize, Figure)>) -> Values {
        let mut cells: Vec<(usize, Figure)> = cells.into_iter().filter(|(k, _)| *k < len).collect();
        cells.reverse();
        cells.sort_by_key(|(k, _)| *k); // stable: the later of two equal indices first
        cells.dedup_by_key(|(k, _)| *k);
        Values { len, cells }
    }

    /// How many editions (cells, present or not).
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are no editions.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The figure in edition `k`, if it holds one.
    pub fn get(&self, k: usize) -> Option<&Figure> {
        let i = self.cells.binary_search_by_key(&k, |(e, _)| *e).ok()?;
        self.cells.get(i).map(|(_, f)| f)
    }

    /// One item per edition, in order: the figure or `None`.
    pub fn iter(&self) -> impl Iterator<Item = Option<&Figure>> + '_ {
        let mut cells = self.cells.iter().peekable();
        (0..self.len).map(move |k| cells.next_if(|(e, _)| *e == k).map(|(_, f)| f))
    }

    /// The editions holding the figure: (edition index, figure), in order.
    pub fn present(&self) -> impl Iterator<Item = (usize, &Figure)> + '_ {
        self.cells.iter().map(|(k, f)| (*k, f))
    }
}

impl<'a> IntoIterator for &'a Values {
    type Item = Option<&'a Figure>;
    type IntoIter = Box<dyn Iterator<Item = Option<&'a Figure>> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl FromIterator<Option<Figure>> for Values {
    /// Dense values, one per edition.
    fn from_iter<I: IntoIterator<Item = Option<Figure>>>(iter: I) -> Values {
        let mut len = 0;
        let mut cells = Vec::new();
        for (k, v) in iter.into_iter().enumerate() {
            len = k + 1;
            if let Some(f) = v {
                cells.push((k, f));
            }
        }
        Values { len, cells }
    }
}

impl Serialize for Values {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
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
///
/// Time is linear in editions × figures besides the alignment of each edition with the one
/// before: a figure left unpaired looks for a track to continue (a gap) in an index of the
/// tracks by their latest topic, measure and unit, never in every track.
pub fn history(sets: &[ClaimSet], rules: &TopicRules, settings: AlignSettings) -> History {
    let mut order: Vec<&ClaimSet> = sets.iter().collect();
    order.sort_by_key(|s| (s.edition.date, s.edition.revision.unwrap_or(1)));
    let n = order.len();
    // Each track's cells, in edition order: (edition, figure, topic key).
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    // Tracks by their latest cell's topic, measure and unit, with the edition of that cell.
    let mut latest: HashMap<RowKey, BTreeSet<(usize, usize)>> = HashMap::new();
    // Track id per figure of the previous edition and of this one.
    let mut prev_ids: HashMap<FigureAt, usize> = HashMap::new();
    // Each track's label in the latest edition seen so far.
    let mut labels: Vec<String> = Vec::new();

    // The series' rules applied once per edition; only the previous edition's form is kept.
    let mut prev_norm: Option<Normalised> = None;
    for (k, set) in order.iter().enumerate() {
        let norm = Normalised::new(set, rules);
        let prev = prev_norm
            .as_ref()
            .map(|p| align_normalised(p, &norm, settings));
        let measures = norm.measures();
        let mut ids: HashMap<FigureAt, usize> = HashMap::new();
        if let Some(al) = &prev {
            for pair in &al.figures {
                if let Some(&id) = prev_ids.get(&pair.old) {
                    ids.insert(pair.new, id);
                }
            }
        }
        for (ci, claim) in set.claims.iter().enumerate() {
            let key = claim.topic.to_string();
            for (fi, f) in claim.figures.iter().enumerate() {
                let at = (ci, fi);
                let mut fig = f.clone();
                if let Some(m) = measures.get(&at) {
                    fig.measure = m.clone();
                }
                let row_key = (key.clone(), fig.measure.clone(), fig.unit);
                let id = match ids.get(&at) {
                    Some(&id) => id,
                    None => {
                        let id = revive(&latest, k, &row_key).unwrap_or_else(|| {
                            rows.push(Vec::new());
                            rows.len() - 1
                        });
                        ids.insert(at, id);
                        id
                    }
                };
                labels.resize(rows.len(), String::new());
                if let Some(label) = labels.get_mut(id) {
                    *label = crate::diff::ClaimRef::of(claim).figure_label(&fig);
                }
                let Some(row) = rows.get_mut(id) else {
                    continue;
                };
                // The track leaves the bucket of its latest cell for this one's.
                if let Some((last, old, old_topic)) = row.last() {
                    let old_key = (old_topic.clone(), old.measure.clone(), old.unit);
                    if let Some(bucket) = latest.get_mut(&old_key) {
                        bucket.remove(&(*last, id));
                    }
                }
                if row.last().is_some_and(|c| c.0 == k) {
                    row.pop();
                }
                latest.entry(row_key).or_default().insert((k, id));
                row.push((k, fig, key.clone()));
            }
        }
        prev_ids = ids;
        prev_norm = Some(norm);
    }

    labels.resize(rows.len(), String::new());
    let tracks = rows
        .into_iter()
        .zip(labels)
        .filter_map(|(row, label)| build_track(row, n, label))
        .collect();
    History {
        editions: order.iter().map(|s| s.edition.clone()).collect(),
        tracks,
    }
}

/// One cell of a track: the edition's index, the figure, its topic key.
type Cell = (usize, Figure, String);

/// Topic key, measure and unit: what a figure must share with a track's latest cell to
/// continue it after a gap.
type RowKey = (String, String, Unit);

/// A figure that is absent from the previous edition but matches exactly one track that
/// ended earlier (same topic, measure and unit) continues that track: a gap.
fn revive(
    latest: &HashMap<RowKey, BTreeSet<(usize, usize)>>,
    k: usize,
    key: &RowKey,
) -> Option<usize> {
    if k < 2 {
        return None;
    }
    // Tracks whose latest cell is before the previous edition: neither in it nor in this one.
    let mut ended = latest.get(key)?.range(..(k - 1, 0));
    match (ended.next(), ended.next()) {
        (Some(&(_, id)), None) => Some(id),
        _ => None,
    }
}

fn build_track(row: Vec<Cell>, n: usize, label: String) -> Option<Track> {
    let first = row.first()?.0;
    let (last, latest, topic) = row.last()?.clone();
    let mut topics: Vec<String> = Vec::new();
    for (_, _, t) in &row {
        if !topics.contains(t) {
            topics.push(t.clone());
        }
    }
    let values = Values::new(n, row.into_iter().map(|(k, f, _)| (k, f)));
    let present: Vec<(usize, &Figure)> = values.present().collect();
    let mut flags = Vec::new();
    let mut net = None;
    if let [(_, first_fig), .., (_, last_fig)] = present.as_slice() {
        // None when the difference is beyond the decimal range (hand-edited claim sets).
        net = last_fig
            .value
            .checked_sub(first_fig.value)
            .map(|d| d.normalize());
    }
    for w in present.windows(2) {
        let (a, b) = (w[0].1, w[1].1);
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
    // stale: the same value in MIN_STALE_EDITIONS consecutive editions.
    let mut run = 0;
    let mut prev: Option<(usize, Decimal)> = None;
    for &(k, f) in &present {
        match prev {
            Some((p, v)) if p + 1 == k && v == f.value => run += 1,
            _ => run = 1,
        }
        prev = Some((k, f.value));
        if run >= MIN_STALE_EDITIONS && !flags.contains(&Flag::Stale) {
            flags.push(Flag::Stale);
        }
    }
    if present.len() < last - first + 1 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claimset::{Claim, TopicKey};
    use crate::figure::Qualifier;
    use std::str::FromStr;

    fn fig(measure: &str, value: u64) -> Figure {
        Figure {
            measure: measure.into(),
            value: Decimal::from_str(&value.to_string()).unwrap(),
            max: None,
            unit: Unit::Count,
            noun: measure.into(),
            qualifier: Qualifier::Exact,
            quote: format!("{value} {measure}"),
            written: String::new(),
            class: Default::default(),
            noun_from: Default::default(),
            context: Vec::new(),
            names: Vec::new(),
            sentence: String::new(),
            line: None,
            fragment: String::new(),
        }
    }

    fn set(day: u32, claims: Vec<(&str, &str, Vec<Figure>)>) -> ClaimSet {
        ClaimSet {
            schema: crate::claimset::SCHEMA_VERSION,
            edition: Edition {
                title: "T".into(),
                date: chrono::NaiveDate::from_ymd_opt(2023, 1, day).unwrap(),
                source: None,
                digest: None,
                revision: None,
            },
            claims: claims
                .into_iter()
                .map(|(topic, text, figures)| Claim {
                    topic: TopicKey::from_text(topic),
                    label: String::new(),
                    heading: None,
                    section: None,
                    text: Some(text.into()),
                    figures,
                })
                .collect(),
        }
    }

    fn run(sets: &[ClaimSet]) -> History {
        history(sets, &TopicRules::default(), AlignSettings::default())
    }

    /// The algorithm before the revive index: every track scanned for every unpaired figure.
    fn reference(sets: &[ClaimSet]) -> Vec<Vec<Option<(Figure, String)>>> {
        let (rules, settings) = (TopicRules::default(), AlignSettings::default());
        let mut order: Vec<&ClaimSet> = sets.iter().collect();
        order.sort_by_key(|s| (s.edition.date, s.edition.revision.unwrap_or(1)));
        let n = order.len();
        let mut ids: Vec<std::collections::BTreeMap<FigureAt, usize>> = vec![Default::default(); n];
        let mut cells: Vec<Vec<Option<(Figure, String)>>> = Vec::new();
        let normalised: Vec<Normalised> =
            order.iter().map(|s| Normalised::new(s, &rules)).collect();
        for k in 0..n {
            let set = order[k];
            let prev =
                (k > 0).then(|| align_normalised(&normalised[k - 1], &normalised[k], settings));
            let measures = normalised[k].measures();
            if let Some(al) = &prev {
                for pair in &al.figures {
                    if let Some(&id) = ids[k - 1].get(&pair.old) {
                        ids[k].insert(pair.new, id);
                    }
                }
            }
            for (ci, claim) in set.claims.iter().enumerate() {
                let key = claim.topic.to_string();
                for (fi, f) in claim.figures.iter().enumerate() {
                    let mut fig = f.clone();
                    if let Some(m) = measures.get(&(ci, fi)) {
                        fig.measure = m.clone();
                    }
                    let id = match ids[k].get(&(ci, fi)) {
                        Some(&id) => id,
                        None => {
                            let found: Vec<usize> = if k >= 2 {
                                cells
                                    .iter()
                                    .enumerate()
                                    .filter(|(_, r)| r[k - 1].is_none() && r[k].is_none())
                                    .filter(|(_, r)| {
                                        r[..k].iter().rev().flatten().next().is_some_and(
                                            |(g, t)| {
                                                *t == key
                                                    && g.measure == fig.measure
                                                    && g.unit == fig.unit
                                            },
                                        )
                                    })
                                    .map(|(i, _)| i)
                                    .collect()
                            } else {
                                Vec::new()
                            };
                            let id = match found.as_slice() {
                                [one] => *one,
                                _ => {
                                    cells.push(vec![None; n]);
                                    cells.len() - 1
                                }
                            };
                            ids[k].insert((ci, fi), id);
                            id
                        }
                    };
                    cells[id][k] = Some((fig, key.clone()));
                }
            }
        }
        cells
    }

    #[test]
    fn a_figure_back_after_a_gap_continues_its_only_matching_track() {
        let jobs = |v| {
            vec![(
                "jobs",
                "The agency created jobs in ports.",
                vec![fig("jobs", v)],
            )]
        };
        let other = vec![("other", "Nothing to see here at all today.", vec![])];
        let h = run(&[set(1, jobs(100)), set(2, other.clone()), set(3, jobs(90))]);
        assert_eq!(h.tracks.len(), 1, "{:#?}", h.tracks);
        let t = &h.tracks[0];
        assert_eq!((t.first, t.last, t.appearances()), (0, 2, 2));
        assert!(t.flags.contains(&Flag::Gap) && t.flags.contains(&Flag::Decrease));
        assert_eq!(t.values.get(1), None);
        assert_eq!(t.values.get(2).map(|f| f.value), Some(Decimal::from(90)));
    }

    #[test]
    fn values_are_sparse_but_iterate_and_serialise_densely() {
        let v = Values::new(4, [(2, fig("a", 5)), (0, fig("a", 1)), (9, fig("a", 7))]);
        assert_eq!(v.len(), 4);
        let dense: Vec<Option<u64>> = v
            .iter()
            .map(|f| f.map(|f| f.value.try_into().unwrap()))
            .collect();
        assert_eq!(dense, [Some(1), None, Some(5), None]);
        let json = serde_json::to_value(&v).unwrap();
        assert_eq!(json.as_array().unwrap().len(), 4);
        assert!(json[1].is_null() && json[3].is_null() && json[2]["value"] == "5");
        let back: Values = v.iter().map(|f| f.cloned()).collect();
        assert_eq!(back, v);
    }

    /// The revive index gives the same tracks as the scan it replaced, on editions built to
    /// collide: few topics and measures, figures coming and going.
    #[test]
    fn the_revive_index_agrees_with_the_full_scan() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        let topics = ["ports", "grants", "loans", "jobs"];
        let measures = ["ports", "grants", "inspectors"];
        let words = [
            "north", "south", "river", "coast", "federal", "state", "new", "old",
        ];
        let mut gaps = 0;
        for round in 0..6 {
            let sets: Vec<ClaimSet> = (1..=12)
                .map(|day| {
                    let claims = (0..1 + next(5))
                        .map(|_| {
                            let topic = topics[next(4) as usize];
                            let text: Vec<&str> = (0..6).map(|_| words[next(8) as usize]).collect();
                            let figs: Vec<Figure> = (0..next(3))
                                .map(|_| fig(measures[next(3) as usize], 1 + next(4) * 10))
                                .collect();
                            (topic, text.join(" "), figs)
                        })
                        .collect::<Vec<_>>();
                    let claims = claims
                        .iter()
                        .map(|(t, x, f)| (*t, x.as_str(), f.clone()))
                        .collect();
                    set(day, claims)
                })
                .collect();
            let want: Vec<Vec<Option<Figure>>> = reference(&sets)
                .into_iter()
                .map(|row| row.into_iter().map(|c| c.map(|(f, _)| f)).collect())
                .collect();
            let h = run(&sets);
            gaps += h
                .tracks
                .iter()
                .filter(|t| t.flags.contains(&Flag::Gap))
                .count();
            let got: Vec<Vec<Option<Figure>>> = h
                .tracks
                .iter()
                .map(|t| t.values.iter().map(|f| f.cloned()).collect())
                .collect();
            assert_eq!(got, want, "round {round}");
        }
        assert!(
            gaps > 0,
            "the editions revive no track: the test proves nothing"
        );
    }
}
