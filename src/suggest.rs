//! `series suggest`: series that look like one sheet, for a person to merge.
//!
//! Two series are proposed together when their titles share their distinctive words (words
//! weighted by how few series use them), or when they share distinctive figures — the same
//! value in the same unit, rare across the store (a running total restated: "more than $4.2
//! billion", "$1.9 billion") — and some title words. Pairs are joined into groups; the group's
//! first series is the one with the most editions (the proposed target of `series merge`).
//! Nothing is merged: the list is for review.

use crate::error::Result;
use crate::figure::Unit;
use crate::index::Index;
use crate::series::series_words;
use crate::store::{load_stored, Store};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One series in a proposed group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    /// The series.
    pub series: String,
    /// Its latest title.
    pub title: String,
    /// How many editions.
    pub editions: usize,
    /// First edition date.
    pub first: NaiveDate,
    /// Last edition date.
    pub last: NaiveDate,
}

/// Series that look like one sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// The strongest pair's score (0–1 for titles; shared figures add to it).
    pub score: f64,
    /// Why, in words: the shared title words and figures.
    pub why: String,
    /// The series, the proposed merge target first.
    pub series: Vec<Member>,
}

/// Title similarity (idf-weighted shared words over all words) at which a pair is proposed on
/// its titles alone.
pub const MIN_TITLE_SCORE: f64 = 0.5;
/// With at least [`MIN_SHARED_FIGURES`] distinctive figures in common, this title similarity
/// is enough.
pub const MIN_TITLE_SCORE_WITH_FIGURES: f64 = 0.15;
/// Distinctive figures two series must share to count as evidence.
pub const MIN_SHARED_FIGURES: usize = 2;
/// A figure value found in more series than this is common, not distinctive.
const MAX_FIGURE_SERIES: usize = 6;
/// A word found in more series than this does not make a pair by itself.
const MAX_WORD_SERIES: usize = 60;

struct SeriesFeatures {
    member: Member,
    words: BTreeSet<String>,
    figures: BTreeSet<String>,
}

/// A figure worth following across series: a count of 100 or more, or an amount of money of a
/// million or more (percentages, small counts and times are too common to tell series apart).
fn figure_key(f: &crate::figure::Figure) -> Option<String> {
    let big = match f.unit {
        Unit::Count => f.value >= rust_decimal::Decimal::from(100),
        Unit::Usd => f.value >= rust_decimal::Decimal::from(1_000_000),
        _ => false,
    };
    big.then(|| format!("{}:{}", f.unit.as_str(), f.value.normalize()))
}

/// Proposes groups of series that look like one, strongest first.
pub fn suggest(store: &Store, index: &Index) -> Result<Vec<Group>> {
    let mut all: Vec<SeriesFeatures> = Vec::new();
    for s in index.summaries() {
        let mut words = BTreeSet::new();
        let mut figures = BTreeSet::new();
        for (stored, entry) in index.editions(store, &s.series) {
            words.extend(series_words(&entry.title));
            let set = load_stored(&stored)?;
            for (_, f) in set.figures() {
                if let Some(k) = figure_key(f) {
                    figures.insert(k);
                }
            }
        }
        all.push(SeriesFeatures {
            member: Member {
                series: s.series.clone(),
                title: s.title.clone(),
                editions: s.editions,
                first: s.first,
                last: s.last,
            },
            words,
            figures,
        });
    }
    let n = all.len().max(1) as f64;
    let mut word_df: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut fig_df: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in all.iter().enumerate() {
        for w in &s.words {
            word_df.entry(w).or_default().push(i);
        }
        for f in &s.figures {
            fig_df.entry(f).or_default().push(i);
        }
    }
    let idf = |df: usize| (n / df as f64).ln().max(0.0) + 0.1;
    let word_weight: HashMap<&str, f64> = word_df.iter().map(|(w, v)| (*w, idf(v.len()))).collect();
    // Candidate pairs: series sharing an uncommon word or a distinctive figure.
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for list in word_df.values().filter(|v| v.len() <= MAX_WORD_SERIES) {
        for (k, &a) in list.iter().enumerate() {
            for &b in &list[k + 1..] {
                pairs.insert((a, b));
            }
        }
    }
    for list in fig_df.values().filter(|v| v.len() <= MAX_FIGURE_SERIES) {
        for (k, &a) in list.iter().enumerate() {
            for &b in &list[k + 1..] {
                pairs.insert((a, b));
            }
        }
    }
    let mut edges: Vec<(f64, usize, usize, String)> = Vec::new();
    for (a, b) in pairs {
        let (sa, sb) = (&all[a], &all[b]);
        let shared: Vec<&String> = sa.words.intersection(&sb.words).collect();
        let shared_w: f64 = shared.iter().map(|w| word_weight[w.as_str()]).sum();
        let union_w: f64 = sa
            .words
            .union(&sb.words)
            .map(|w| word_weight[w.as_str()])
            .sum();
        let title = if union_w > 0.0 {
            shared_w / union_w
        } else {
            0.0
        };
        let figures: Vec<&String> = sa
            .figures
            .intersection(&sb.figures)
            .filter(|f| fig_df[f.as_str()].len() <= MAX_FIGURE_SERIES)
            .collect();
        let by_title = title >= MIN_TITLE_SCORE && shared.len() >= 2;
        let by_figures =
            figures.len() >= MIN_SHARED_FIGURES && title >= MIN_TITLE_SCORE_WITH_FIGURES;
        if !(by_title || by_figures) {
            continue;
        }
        let score = title + 0.1 * figures.len().min(5) as f64;
        let mut why = format!(
            "titles share {}",
            shared
                .iter()
                .map(|w| w.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
        if !figures.is_empty() {
            let shown: Vec<String> = figures.iter().take(4).map(|f| show_figure(f)).collect();
            why.push_str(&format!(
                "; {} figure(s) in common: {}",
                figures.len(),
                shown.join(", ")
            ));
        }
        edges.push((score, a, b, why));
    }
    edges.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    // Union-find: pairs become groups.
    let mut parent: Vec<usize> = (0..all.len()).collect();
    fn find(parent: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while parent[r] != r {
            r = parent[r];
        }
        let mut x = x;
        while parent[x] != r {
            let next = parent[x];
            parent[x] = r;
            x = next;
        }
        r
    }
    let mut best: HashMap<usize, (f64, String)> = HashMap::new();
    for (score, a, b, why) in &edges {
        let (ra, rb) = (find(&mut parent, *a), find(&mut parent, *b));
        if ra != rb {
            parent[rb] = ra;
        }
        let r = find(&mut parent, *a);
        let keep = best.get(&r).is_none_or(|(s, _)| s < score);
        if keep {
            best.insert(r, (*score, why.clone()));
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (_, a, b, _) in &edges {
        for x in [*a, *b] {
            let r = find(&mut parent, x);
            let g = groups.entry(r).or_default();
            if !g.contains(&x) {
                g.push(x);
            }
        }
    }
    let mut out: Vec<Group> = groups
        .into_iter()
        .map(|(root, members)| {
            let (score, why) = best
                .iter()
                .find(|(r, _)| find(&mut parent.clone(), **r) == root)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            let mut series: Vec<Member> = members.iter().map(|&i| all[i].member.clone()).collect();
            series.sort_by(|a, b| {
                b.editions
                    .cmp(&a.editions)
                    .then(a.first.cmp(&b.first))
                    .then(a.series.cmp(&b.series))
            });
            Group { score, why, series }
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.series[0].series.cmp(&b.series[0].series))
    });
    Ok(out)
}

/// `usd:4200000000` → `$4200000000`; `count:90000` → `90000`.
fn show_figure(key: &str) -> String {
    match key.split_once(':') {
        Some(("USD", v)) => format!("${v}"),
        Some((_, v)) => v.to_string(),
        None => key.to_string(),
    }
}
