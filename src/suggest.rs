//! `series suggest`: series that look like one sheet, for a person to merge.
//!
//! Two series are proposed together when the words of their titles (weighted by how few series
//! use them) mostly agree — one title holding the other's, as "Quad Summit" and "Quad Leaders'
//! Summit" — or when they agree less but share running evidence: the same figures (a value in a
//! unit, rare across the store: a total restated) or the same named measures
//! (`private-sector-commitments`). Two titles that differ by one or two swapped words
//! ("… Helps Black Communities" / "… Helps Latino Communities") name parallel sheets on other
//! subjects and are never proposed. A series joins a group only when it pairs with at least
//! half of it; the group's first series (most editions) is the proposed `series merge` target.
//! Nothing is merged: the list is for review.

use crate::error::Result;
use crate::figure::Unit;
use crate::index::Index;
use crate::series::series_words;
use crate::store::{load_stored, Store};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

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

/// Title similarity (idf-weighted shared words over all words, best pair of titles) at which a
/// pair is proposed on its titles alone, when one title's words hold the other's.
pub const MIN_TITLE_SCORE: f64 = 0.6;
/// With some running evidence (shared figures or measures worth [`MIN_FIGURE_SCORE`]), this
/// title similarity is enough.
pub const MIN_TITLE_SCORE_WITH_FIGURES: f64 = 0.45;
/// Figure evidence that, with a title similarity of [`MIN_TITLE_SCORE_WEAK`], proposes a pair.
pub const MIN_FIGURE_SCORE: f64 = 0.5;
/// Strong figure evidence.
pub const STRONG_FIGURE_SCORE: f64 = 0.9;
/// The least title similarity for a pair proposed on strong figure evidence.
pub const MIN_TITLE_SCORE_WEAK: f64 = 0.25;
/// A figure or measure found in more series than this is common, not evidence.
const MAX_FIGURE_SERIES: usize = 10;
/// A word found in more series than this does not make a candidate pair by itself.
const MAX_WORD_SERIES: usize = 60;

struct SeriesFeatures {
    member: Member,
    /// Each edition title's words.
    titles: Vec<BTreeSet<String>>,
    /// Every title word.
    words: BTreeSet<String>,
    /// `unit:value` of big figures.
    figures: BTreeSet<String>,
    /// Named measures (`private-sector-commitments`).
    measures: BTreeSet<String>,
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

/// A measure that names something (`private-sector-commitments`), not a bare unit.
fn measure_key(f: &crate::figure::Figure) -> Option<String> {
    let generic = matches!(f.measure.as_str(), "usd" | "count" | "percent" | "times");
    (!generic && f.measure.contains('-')).then(|| f.measure.clone())
}

/// Words that are spellings of each other ("declarationon" / "declaration").
fn alike(a: &str, b: &str) -> bool {
    a.len().min(b.len()) >= 5 && (a.contains(b) || b.contains(a))
}

/// Inverted lists: feature → the series holding it.
fn postings<'a>(
    all: &'a [SeriesFeatures],
    of: impl Fn(&'a SeriesFeatures) -> &'a BTreeSet<String>,
) -> HashMap<&'a str, Vec<usize>> {
    let mut out: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in all.iter().enumerate() {
        for f in of(s) {
            out.entry(f.as_str()).or_default().push(i);
        }
    }
    out
}

/// Proposes groups of series that look like one, strongest first.
pub fn suggest(store: &Store, index: &Index) -> Result<Vec<Group>> {
    let mut all: Vec<SeriesFeatures> = Vec::new();
    for s in index.summaries() {
        let mut titles = Vec::new();
        let mut figures = BTreeSet::new();
        let mut measures = BTreeSet::new();
        for (stored, entry) in index.editions(store, &s.series) {
            titles.push(
                series_words(&entry.title)
                    .into_iter()
                    .collect::<BTreeSet<_>>(),
            );
            let set = load_stored(&stored)?;
            for (_, f) in set.figures() {
                figures.extend(figure_key(f));
                measures.extend(measure_key(f));
            }
        }
        let words = titles.iter().flatten().cloned().collect();
        all.push(SeriesFeatures {
            member: Member {
                series: s.series.clone(),
                title: s.title.clone(),
                editions: s.editions,
                first: s.first,
                last: s.last,
            },
            titles,
            words,
            figures,
            measures,
        });
    }
    let n = all.len().max(1) as f64;
    let idf = |df: usize| (n / df.max(1) as f64).ln().max(0.0) + 0.1;
    let word_lists = postings(&all, |s| &s.words);
    let figure_lists = postings(&all, |s| &s.figures);
    let measure_lists = postings(&all, |s| &s.measures);
    let weight = |w: &str| idf(word_lists.get(w).map_or(1, Vec::len));
    // Candidate pairs: series sharing an uncommon word, figure or measure.
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (lists, max) in [
        (&word_lists, MAX_WORD_SERIES),
        (&figure_lists, MAX_FIGURE_SERIES),
        (&measure_lists, MAX_FIGURE_SERIES),
    ] {
        for list in lists.values().filter(|v| v.len() <= max) {
            for (k, &a) in list.iter().enumerate() {
                for &b in &list[k + 1..] {
                    pairs.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    let mut edges: Vec<(f64, usize, usize, String)> = Vec::new();
    for (a, b) in pairs {
        let (sa, sb) = (&all[a], &all[b]);
        // The best pair of titles.
        let mut best: Option<(f64, &BTreeSet<String>, &BTreeSet<String>)> = None;
        for x in &sa.titles {
            for y in &sb.titles {
                let shared: f64 = x.intersection(y).map(|w| weight(w)).sum();
                let union: f64 = x.union(y).map(|w| weight(w)).sum();
                let score = if union > 0.0 { shared / union } else { 0.0 };
                if best.is_none_or(|(s, _, _)| score > s) {
                    best = Some((score, x, y));
                }
            }
        }
        let Some((title, x, y)) = best else { continue };
        // Words only one title has, spellings of each other set aside.
        let only_x: Vec<&String> = x
            .difference(y)
            .filter(|w| !y.difference(x).any(|v| alike(w, v)))
            .collect();
        let only_y: Vec<&String> = y
            .difference(x)
            .filter(|w| !x.difference(y).any(|v| alike(w, v)))
            .collect();
        let swap = !only_x.is_empty() && !only_y.is_empty();
        // One or two words swapped, the rest alike: a parallel sheet on another subject
        // ("… Helps Black Communities" / "… Helps Latino Communities").
        let parallel = swap && only_x.len() <= 2 && only_y.len() <= 2;
        if parallel {
            continue;
        }
        let figures: Vec<&String> = sa
            .figures
            .intersection(&sb.figures)
            .filter(|f| figure_lists[f.as_str()].len() <= MAX_FIGURE_SERIES)
            .collect();
        let measures: Vec<&String> = sa
            .measures
            .intersection(&sb.measures)
            .filter(|m| measure_lists[m.as_str()].len() <= MAX_FIGURE_SERIES)
            .collect();
        let evidence: f64 = figures
            .iter()
            .map(|f| idf(figure_lists[f.as_str()].len()) / 6.0)
            .sum::<f64>()
            + measures
                .iter()
                .map(|m| idf(measure_lists[m.as_str()].len()) / 12.0)
                .sum::<f64>();
        let proposed = (title >= MIN_TITLE_SCORE && !swap)
            || (title >= MIN_TITLE_SCORE_WITH_FIGURES && evidence >= MIN_FIGURE_SCORE)
            || (title >= MIN_TITLE_SCORE_WEAK && evidence >= STRONG_FIGURE_SCORE);
        if !proposed {
            continue;
        }
        let shared: Vec<&str> = x.intersection(y).map(String::as_str).collect();
        let mut why = format!("titles share {}", shared.join(" "));
        if !figures.is_empty() {
            let shown: Vec<String> = figures.iter().take(3).map(|f| show_figure(f)).collect();
            why.push_str(&format!("; same figures: {}", shown.join(", ")));
        }
        if !measures.is_empty() {
            let shown: Vec<&str> = measures.iter().take(3).map(|m| m.as_str()).collect();
            why.push_str(&format!("; same measures: {}", shown.join(", ")));
        }
        edges.push((title + evidence / 4.0, a, b, why));
    }
    edges.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)).then(p.2.cmp(&q.2)));
    // Groups: a series joins a group when it pairs with at least half of its members, so one
    // loose pair does not chain unrelated sheets together.
    let passing: BTreeSet<(usize, usize)> = edges.iter().map(|e| (e.1, e.2)).collect();
    let pairs_with = |a: usize, members: &[usize]| {
        members
            .iter()
            .filter(|&&m| passing.contains(&(a.min(m), a.max(m))))
            .count()
    };
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<(f64, String, Vec<usize>)> = Vec::new();
    for (score, a, b, why) in &edges {
        match (group_of.get(a).copied(), group_of.get(b).copied()) {
            (None, None) => {
                group_of.insert(*a, groups.len());
                group_of.insert(*b, groups.len());
                groups.push((*score, why.clone(), vec![*a, *b]));
            }
            (Some(g), None) | (None, Some(g)) => {
                let newcomer = if group_of.contains_key(a) { *b } else { *a };
                let members = &groups[g].2;
                if pairs_with(newcomer, members) * 2 >= members.len() {
                    groups[g].2.push(newcomer);
                    group_of.insert(newcomer, g);
                }
            }
            (Some(_), Some(_)) => {}
        }
    }
    let mut out: Vec<Group> = groups
        .into_iter()
        .map(|(score, why, members)| {
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

/// `USD:4200000000` → `$4200000000`; `count:90000` → `90000`.
fn show_figure(key: &str) -> String {
    match key.split_once(':') {
        Some(("USD", v)) => format!("${v}"),
        Some((_, v)) => v.to_string(),
        None => key.to_string(),
    }
}
