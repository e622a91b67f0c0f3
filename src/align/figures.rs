//! Figure alignment over the whole edition: every old figure against every new one of the same
//! unit kind, scored by context, paired one-to-one best first with a margin over the runner-up.

use super::context::{contexts, weighted_dice, weights, FigureContext, Vocabulary};
use super::{ClaimPair, FigureAt, FigurePair, Side, GENERIC_MEASURES};
use crate::figure::{Figure, FigureClass, NounFrom, Unit};
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The matching thresholds of figure pairing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigureSettings {
    /// Two figures pair only at or above this context score (0–1).
    pub min_figure_score: f64,
    /// The best partner must beat the runner-up by at least this much, else neither pairs.
    pub min_figure_margin: f64,
    /// Values further apart than this factor never pair (cents vs billions).
    pub max_value_ratio: f64,
    /// Figures in claims that were not paired need at least this near-context similarity
    /// (when both sentences are known): a shared noun alone does not make a moved figure.
    pub min_cross_claim_context: f64,
    /// Figures whose counted nouns differ need at least this near-context similarity.
    pub min_different_noun_context: f64,
}

impl Default for FigureSettings {
    fn default() -> Self {
        // Chosen on the development gold (tests/gold/match): restated running totals score
        // 0.5–0.9; unrelated figures of one claim stay below 0.45.
        FigureSettings {
            min_figure_score: 0.35,
            min_figure_margin: 0.1,
            max_value_ratio: 60.0,
            min_cross_claim_context: 0.2,
            min_different_noun_context: 0.5,
        }
    }
}

/// How strongly two nouns agree.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "by", content = "noun")]
pub enum NounMatch {
    /// The same counted noun (or the same measure from a series rule).
    Same(String),
    /// The same head noun ("doses" in "vaccine doses" and "safe doses").
    SameHead(String),
    /// One figure names no noun, and the other's noun stands near it ("$4.2 billion …
    /// committed" against "$1.2 billion in commitments").
    InSentence(String),
    /// Neither figure names a noun.
    Neither,
    /// The nouns differ.
    Different,
}

/// Why two figures were paired: the evidence, for people and for scripts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureReason {
    /// How the nouns agree.
    pub noun: NounMatch,
    /// Similarity (0–1) of the words around the two figures, when both sentences are known.
    pub context: Option<f64>,
    /// The class both figures share, when they share one other than plain.
    pub class: Option<FigureClass>,
    /// The two figures stand in claims that were paired.
    pub paired_claims: bool,
    /// The overall score (0–1).
    pub score: f64,
}

impl FigureReason {
    /// True when the pair is strong enough to vouch for the pairing of its two claims: the
    /// same noun, backed by the words around both figures.
    pub fn is_strong_evidence(&self) -> bool {
        matches!(self.noun, NounMatch::Same(_))
            && self.context.is_some_and(|c| c >= 0.3)
            && self.score >= 0.6
    }

    /// One line for reports: "same noun 'jobs', context 0.82, running total in both, in paired
    /// claims (score 0.74)".
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        match &self.noun {
            NounMatch::Same(n) => parts.push(format!("same noun '{n}'")),
            NounMatch::SameHead(n) => parts.push(format!("same head noun '{n}'")),
            NounMatch::InSentence(n) => parts.push(format!("noun '{n}' near both")),
            NounMatch::Neither => parts.push("no noun on either side".into()),
            NounMatch::Different => parts.push("different nouns".into()),
        }
        if let Some(c) = self.context {
            parts.push(format!("context {c:.2}"));
        }
        match self.class {
            Some(FigureClass::Running) => parts.push("running total in both".into()),
            Some(FigureClass::PerPeriod) => parts.push("per-period in both".into()),
            Some(FigureClass::Target) => parts.push("target in both".into()),
            _ => {}
        }
        if self.paired_claims {
            parts.push("in paired claims".into());
        } else {
            parts.push("across claims".into());
        }
        format!("{} (score {:.2})", parts.join(", "), self.score)
    }
}

/// One scored candidate pair.
struct Candidate {
    score: f64,
    same_value: bool,
    old: FigureAt,
    new: FigureAt,
    reason: FigureReason,
}

/// A near word shared by more figures than this is too common to propose pairs by itself
/// (it still counts in the score).
const MAX_POSTINGS_PER_WORD: usize = 40;

/// A head noun shared by more figures than this proposes none by itself (the paired claim's
/// figures and uncommon words still do).
const MAX_POSTINGS_PER_HEAD: usize = 200;

/// Proposes the new figures worth scoring against an old one: same head noun, same value,
/// a shared uncommon near word, or a figure of the paired claim. Keeps pairing near-linear
/// on long editions instead of scoring every old figure against every new one.
struct CandidateIndex {
    by_head: BTreeMap<String, Vec<FigureAt>>,
    by_value: BTreeMap<(rust_decimal::Decimal, Unit), Vec<FigureAt>>,
    by_word: BTreeMap<u32, Vec<FigureAt>>,
}

impl CandidateIndex {
    fn new(cb: &[Vec<FigureContext>], news: &[FigureAt], b: &Side) -> Self {
        let mut index = CandidateIndex {
            by_head: BTreeMap::new(),
            by_value: BTreeMap::new(),
            by_word: BTreeMap::new(),
        };
        for &n in news {
            let c = &cb[n.0][n.1];
            let f = figure(b, n);
            if !c.head.is_empty() {
                index.by_head.entry(c.head.clone()).or_default().push(n);
            }
            index.by_value.entry((f.value, f.unit)).or_default().push(n);
            for &w in &c.near {
                index.by_word.entry(w).or_default().push(n);
            }
        }
        index
            .by_word
            .retain(|_, postings| postings.len() <= MAX_POSTINGS_PER_WORD);
        index
            .by_head
            .retain(|_, postings| postings.len() <= MAX_POSTINGS_PER_HEAD);
        index
    }

    /// The new figures to score against the old figure `f` with context `c`, in order.
    fn candidates(
        &self,
        c: &FigureContext,
        f: &Figure,
        partner: &[FigureAt],
    ) -> BTreeSet<FigureAt> {
        let mut out: BTreeSet<FigureAt> = partner.iter().copied().collect();
        if let Some(v) = self.by_head.get(&c.head) {
            out.extend(v);
        }
        if let Some(v) = self.by_value.get(&(f.value, f.unit)) {
            out.extend(v);
        }
        for w in c.near.iter().chain(&c.noun_ids) {
            if let Some(v) = self.by_word.get(w) {
                out.extend(v);
            }
        }
        out
    }
}

/// Pairs the figures of two editions; returns the pairs and the figures left on each side.
pub(super) fn align_figures(
    a: &Side,
    b: &Side,
    claims: &[ClaimPair],
    ruled: &BTreeSet<String>,
    settings: FigureSettings,
) -> (Vec<FigurePair>, Vec<FigureAt>, Vec<FigureAt>) {
    let mut vocab = Vocabulary::default();
    let ca = contexts(a.set, &mut vocab);
    let cb = contexts(b.set, &mut vocab);
    let weights = weights(&vocab, &[&ca, &cb]);
    let claim_partner: BTreeMap<usize, usize> = claims.iter().map(|p| (p.old, p.new)).collect();

    fn noun_counts(side: &[Vec<FigureContext>]) -> BTreeMap<&str, usize> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for c in side.iter().flatten() {
            *counts.entry(c.noun.as_str()).or_default() += 1;
        }
        counts
    }
    let (na, nb) = (noun_counts(&ca), noun_counts(&cb));
    let olds: Vec<FigureAt> = a.measures.keys().copied().collect();
    let news: Vec<FigureAt> = b.measures.keys().copied().collect();
    let index = CandidateIndex::new(&cb, &news, b);
    let new_by_claim: BTreeMap<usize, Vec<FigureAt>> =
        news.iter().fold(BTreeMap::new(), |mut m, &n| {
            m.entry(n.0).or_insert_with(Vec::new).push(n);
            m
        });
    let mut candidates = Vec::new();
    for &o in &olds {
        let partner_figures = claim_partner
            .get(&o.0)
            .and_then(|j| new_by_claim.get(j))
            .map_or(&[][..], Vec::as_slice);
        for n in index.candidates(&ca[o.0][o.1], figure(a, o), partner_figures) {
            let inputs = PairInputs {
                old: (figure(a, o), &ca[o.0][o.1], a.measures[&o].as_str()),
                new: (figure(b, n), &cb[n.0][n.1], b.measures[&n].as_str()),
                paired_claims: claim_partner.get(&o.0) == Some(&n.0),
                ruled: ruled.contains(a.measures[&o].as_str()) && a.measures[&o] == b.measures[&n],
                unique_noun: {
                    let noun = ca[o.0][o.1].noun.as_str();
                    // One word ("organizations") names too little to stand for a figure.
                    noun.contains(' ') && na.get(noun) == Some(&1) && nb.get(noun) == Some(&1)
                },
                weights: &weights,
            };
            if let Some((score, reason)) = score(&inputs, settings) {
                let (fa, fb) = (inputs.old.0, inputs.new.0);
                candidates.push(Candidate {
                    score,
                    same_value: fa.value == fb.value
                        && fa.max == fb.max
                        && fa.qualifier == fb.qualifier,
                    old: o,
                    new: n,
                    reason,
                });
            }
        }
    }
    let pairs = pick(candidates, settings);
    let old_done: BTreeSet<FigureAt> = pairs.iter().map(|p| p.old).collect();
    let new_done: BTreeSet<FigureAt> = pairs.iter().map(|p| p.new).collect();
    let old_only = olds
        .into_iter()
        .filter(|at| !old_done.contains(at))
        .collect();
    let new_only = news
        .into_iter()
        .filter(|at| !new_done.contains(at))
        .collect();
    (pairs, old_only, new_only)
}

fn figure<'s>(side: &'s Side, at: FigureAt) -> &'s Figure {
    &side.set.claims[at.0].figures[at.1]
}

/// What scoring one pair looks at.
struct PairInputs<'x> {
    old: (&'x Figure, &'x FigureContext, &'x str),
    new: (&'x Figure, &'x FigureContext, &'x str),
    paired_claims: bool,
    /// Both figures carry the measure a series rule gives.
    ruled: bool,
    /// The old figure's noun names exactly one figure in each edition.
    unique_noun: bool,
    weights: &'x [f64],
}

/// The context score of one old/new pair, or none when they may never pair.
fn score(p: &PairInputs, settings: FigureSettings) -> Option<(f64, FigureReason)> {
    let (fa, ca, ma) = p.old;
    let (fb, cb, mb) = p.new;
    if fa.unit != fb.unit || ca.scope != cb.scope || ca.percent_is_change != cb.percent_is_change {
        return None;
    }
    let same_value = fa.value == fb.value && fa.max == fb.max;
    if !same_value && !values_comparable(fa, fb, settings.max_value_ratio) {
        return None;
    }
    let noun = if ma == mb && !GENERIC_MEASURES.contains(&ma) {
        NounMatch::Same(if fb.noun.is_empty() {
            mb.to_string()
        } else {
            fb.noun.clone()
        })
    } else if ca.noun.is_empty() && cb.noun.is_empty() {
        NounMatch::Neither
    } else if !ca.noun.is_empty() && ca.noun == cb.noun {
        NounMatch::Same(fb.noun.clone())
    } else if !ca.head.is_empty() && ca.head == cb.head && nested(&ca.noun_ids, &cb.noun_ids) {
        NounMatch::SameHead(cb.head.clone())
    } else if one_noun_in_other_sentence(ca, cb) {
        NounMatch::InSentence(if fa.noun.is_empty() {
            fb.noun.clone()
        } else {
            fa.noun.clone()
        })
    } else {
        NounMatch::Different
    };
    let noun_score = match noun {
        NounMatch::Same(_) => 1.0,
        NounMatch::SameHead(_) => 0.7,
        NounMatch::InSentence(_) => 0.6,
        NounMatch::Neither => 0.4,
        NounMatch::Different => 0.0,
    };
    // Weighted mean over the evidence both sides have.
    let mut sum = 0.35 * noun_score + 0.15 * f64::from(u8::from(p.paired_claims));
    let mut weight = 0.5;
    let both_text = ca.has_text && cb.has_text;
    let near = weighted_dice(&ca.near, &cb.near, p.weights);
    if let (true, Some(x)) = (both_text, near) {
        sum += 0.3 * x;
        weight += 0.3;
    }
    if let (true, Some(x)) = (
        both_text,
        weighted_dice(&ca.sentence, &cb.sentence, p.weights),
    ) {
        sum += 0.1 * x;
        weight += 0.1;
    }
    if ca.heading.is_empty() || cb.heading.is_empty() {
        // A heading on one side only says nothing either way.
    } else if let Some(x) = weighted_dice(&ca.heading, &cb.heading, p.weights) {
        sum += 0.1 * x;
        weight += 0.1;
    }
    // Different counted nouns pair only when the words around both figures say they are one
    // ("20,000 workers" → "20,000 people trained" in the same sentence frame).
    if noun == NounMatch::Different
        && (!both_text || near.unwrap_or(0.0) < settings.min_different_noun_context)
    {
        return None;
    }
    let unique_same_noun = p.unique_noun && matches!(noun, NounMatch::Same(_));
    // A table cell is named by its column and its row: another row's cell is another thing
    // ("Maine: 400 households" is not "Vermont: 700 households").
    let in_column = fa.noun_from == NounFrom::Column || fb.noun_from == NounFrom::Column;
    if in_column && !p.paired_claims && !p.ruled {
        return None;
    }
    if !p.paired_claims && !p.ruled {
        // Different names acting in the two sentences: another company's or agency's figure.
        if !unique_same_noun && actors_differ(&ca.actors, &cb.actors) {
            return None;
        }
        // Across claims the words around the figures must speak: without them (claim sets
        // stored without text) only a series rule moves a figure; a bare head noun needs
        // more than the least context.
        if !both_text {
            return None;
        }
        if matches!(noun, NounMatch::SameHead(_) | NounMatch::InSentence(_))
            && near.unwrap_or(0.0) < settings.min_cross_claim_context + 0.1
        {
            return None;
        }
    }
    if both_text
        && !p.paired_claims
        && !unique_same_noun
        && near.unwrap_or(0.0) < settings.min_cross_claim_context
    {
        return None;
    }
    let mut s = sum / weight;
    if unique_same_noun {
        // A noun that names one figure in each edition is the figure's name.
        s += 0.1;
    }
    if same_value {
        s += 0.05;
    }
    let class = (ca.class == cb.class && !ca.class.is_plain()).then_some(ca.class);
    match (ca.class, cb.class) {
        // A total to date and one round's amount are different things.
        (FigureClass::Running, FigureClass::PerPeriod)
        | (FigureClass::PerPeriod, FigureClass::Running) => s -= 0.15,
        // "an additional $350 million" is rarely the restated "$700 million".
        (FigureClass::Plain, FigureClass::PerPeriod)
        | (FigureClass::PerPeriod, FigureClass::Plain) => s -= 0.05,
        _ => {}
    }
    if class == Some(FigureClass::Running) {
        // Two totals to date of one unit are most likely the same running figure.
        s += 0.1;
    }
    // Not clamped: above 1 still ranks a paired claim's figure over a look-alike elsewhere.
    (s >= settings.min_figure_score).then(|| {
        let reason = FigureReason {
            noun,
            context: if both_text {
                near.map(|x| (x * 100.0).round() / 100.0)
            } else {
                None
            },
            class,
            paired_claims: p.paired_claims,
            score: (s.clamp(0.0, 1.0) * 100.0).round() / 100.0,
        };
        (s, reason)
    })
}

/// True when two values are within the allowed factor of each other (percent and multiples
/// are always comparable in size).
fn values_comparable(a: &Figure, b: &Figure, max_ratio: f64) -> bool {
    if matches!(a.unit, Unit::Percent | Unit::Times) {
        return true;
    }
    let (Some(x), Some(y)) = (a.value.abs().to_f64(), b.value.abs().to_f64()) else {
        return false;
    };
    if x == 0.0 || y == 0.0 {
        return x == y;
    }
    let ratio = if x > y { x / y } else { y / x };
    ratio <= max_ratio
}

/// One-to-one, best first: a candidate pairs when its score beats every other candidate of
/// either figure by the margin (or the values are equal, when the choice does not matter);
/// a close call leaves both figures unpaired rather than risk a false pair.
fn pick(mut candidates: Vec<Candidate>, settings: FigureSettings) -> Vec<FigurePair> {
    candidates.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| (x.new, x.old).cmp(&(y.new, y.old)))
    });
    let mut by_old: BTreeMap<FigureAt, Vec<usize>> = BTreeMap::new();
    let mut by_new: BTreeMap<FigureAt, Vec<usize>> = BTreeMap::new();
    for (i, c) in candidates.iter().enumerate() {
        by_old.entry(c.old).or_default().push(i);
        by_new.entry(c.new).or_default().push(i);
    }
    let mut old_state: BTreeMap<FigureAt, bool> = BTreeMap::new(); // true: paired, false: blocked
    let mut new_state: BTreeMap<FigureAt, bool> = BTreeMap::new();
    let mut pairs = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        if old_state.contains_key(&c.old) || new_state.contains_key(&c.new) {
            continue;
        }
        let free_other = |list: &Vec<usize>| {
            list.iter()
                .filter(|&&k| k != i)
                .map(|&k| &candidates[k])
                .filter(|k| !old_state.contains_key(&k.old) && !new_state.contains_key(&k.new))
                .map(|k| k.score)
                .fold(f64::NEG_INFINITY, f64::max)
        };
        let runner = free_other(&by_old[&c.old]).max(free_other(&by_new[&c.new]));
        // Equal values: whichever copy pairs, a reader sees no change.
        if c.score - runner >= settings.min_figure_margin || c.same_value {
            old_state.insert(c.old, true);
            new_state.insert(c.new, true);
            pairs.push(FigurePair {
                old: c.old,
                new: c.new,
                reason: c.reason.clone(),
            });
        } else {
            old_state.insert(c.old, false);
            new_state.insert(c.new, false);
        }
    }
    pairs.sort_by_key(|p| (p.new, p.old));
    pairs
}

/// True when exactly one figure names a noun and all its words stand near the other figure.
fn one_noun_in_other_sentence(a: &FigureContext, b: &FigureContext) -> bool {
    let (named, other) = match (a.noun_ids.is_empty(), b.noun_ids.is_empty()) {
        (false, true) => (a, b),
        (true, false) => (b, a),
        _ => return false,
    };
    named
        .noun_ids
        .iter()
        .all(|w| other.near.binary_search(w).is_ok())
}

/// True when one sorted id list holds every id of the other ("safe and effective doses" in
/// "safe and effective vaccine doses"; not "direct jobs" and "indirect jobs").
fn nested(a: &[u32], b: &[u32]) -> bool {
    let common = crate::text::sorted_common(a, b);
    common == a.len().min(b.len())
}

/// Most names acting around two figures differ (a place both mention does not make them one
/// actor's figures): Jaccard overlap below a quarter, both sides naming someone.
fn actors_differ(a: &[u32], b: &[u32]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let common = crate::text::sorted_common(a, b);
    let union = a.len() + b.len() - common;
    (common as f64) < 0.25 * union as f64
}
