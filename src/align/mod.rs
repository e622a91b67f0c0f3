//! Matching: pairs the claims of two editions (topic key, series rules, similarity), then their
//! figures by context over the whole edition, each pair with the evidence it was made on.

mod context;
mod figures;

pub use figures::{FigureReason, FigureSettings, NounMatch};

use crate::claimset::{ClaimSet, TopicKey};
use crate::text::sorted_common;
use crate::topics::{KeySource, TopicRules};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// The matching settings; each threshold says its direction in its name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlignSettings {
    /// Two claims with different keys pair only at or above this similarity (0–1).
    pub min_claim_similarity: f64,
    /// Two claims with the same key derived from their words (no heading on either side) pair
    /// only at or above this similarity: intros that open alike are not one topic.
    pub min_derived_key_similarity: f64,
    /// A claim pair found through its figures counts at most this much towards the similarity.
    pub figure_evidence_weight: f64,
    /// Figure pairing.
    pub figures: FigureSettings,
}

impl Default for AlignSettings {
    fn default() -> Self {
        // Chosen on the archive's multi-edition series: renamed headings of the same running
        // figure score 0.55–0.9; unrelated bullets of one sheet stay below 0.45.
        // A moved figure keeps most of its sentence ("… micro and small businesses … in
        // financing …"); an unrelated figure that merely shares a noun shares few words.
        AlignSettings {
            min_claim_similarity: 0.5,
            min_derived_key_similarity: 0.35,
            figure_evidence_weight: 0.3,
            figures: FigureSettings::default(),
        }
    }
}

/// Why two claims were paired.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "by", rename_all = "kebab-case")]
pub enum ClaimReason {
    /// The same topic key.
    SameTopic,
    /// An alias in the series' `topics.toml` maps one key onto the other.
    Alias,
    /// A topic rule in `topics.toml` gave both claims the key.
    TopicRule,
    /// Text and figure measures alike; `score` is the similarity (0–1).
    Similar {
        /// The blended similarity (0–1).
        score: f64,
    },
}

impl ClaimReason {
    /// One line for reports: "same topic", "similar text (0.72)".
    pub fn describe(&self) -> String {
        match self {
            ClaimReason::SameTopic => "same topic key".into(),
            ClaimReason::Alias => "topic alias in topics.toml".into(),
            ClaimReason::TopicRule => "topic rule in topics.toml".into(),
            ClaimReason::Similar { score } => format!("similar text and measures ({score:.2})"),
        }
    }
}

/// A figure's place: claim index, figure index.
pub type FigureAt = (usize, usize);

/// Two paired claims.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimPair {
    /// Index in the old edition.
    pub old: usize,
    /// Index in the new edition.
    pub new: usize,
    /// Why.
    pub reason: ClaimReason,
}

/// Two paired figures.
#[derive(Debug, Clone, PartialEq)]
pub struct FigurePair {
    /// Place in the old edition.
    pub old: FigureAt,
    /// Place in the new edition.
    pub new: FigureAt,
    /// Why.
    pub reason: FigureReason,
}

/// Everything matching found between two editions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    /// Paired claims, in the new edition's order.
    pub claims: Vec<ClaimPair>,
    /// Old claims without a partner.
    pub old_only: Vec<usize>,
    /// New claims without a partner.
    pub new_only: Vec<usize>,
    /// Paired figures.
    pub figures: Vec<FigurePair>,
    /// Old figures without a partner.
    pub old_figures_only: Vec<FigureAt>,
    /// New figures without a partner.
    pub new_figures_only: Vec<FigureAt>,
    /// Each claim's canonical key (after rules and aliases), old side.
    pub old_keys: Vec<TopicKey>,
    /// Each claim's canonical key, new side.
    pub new_keys: Vec<TopicKey>,
    /// Each figure's measure after figure rules, old side.
    pub old_measures: BTreeMap<FigureAt, String>,
    /// Each figure's measure after figure rules, new side.
    pub new_measures: BTreeMap<FigureAt, String>,
}

/// Measures that name no thing of their own: never paired across claims.
const GENERIC_MEASURES: [&str; 4] = ["usd", "count", "percent", "times"];

/// Claims with fewer words than this are never paired by similarity: too little to judge.
const MIN_WORDS_FOR_SIMILARITY: usize = 3;

/// Up to this many claim pairs left for similarity, each is tried; past it, only those
/// [`similarity_candidates`] finds.
const CROSS_PRODUCT_PAIRS: usize = 10_000;

/// A claim set in the one canonical form matching reads: the series' rules applied once (each
/// claim's canonical key and where it came from, each figure's measure after figure rules).
/// Build it once per claim set and compare it with as many others as needed.
pub struct Normalised<'a> {
    set: &'a ClaimSet,
    keys: Vec<(TopicKey, KeySource)>,
    measures: BTreeMap<FigureAt, String>,
    /// The measures the series' figure rules give (slugs).
    ruled: BTreeSet<String>,
}

/// The old name inside this module.
type Side<'a> = Normalised<'a>;

impl<'a> Normalised<'a> {
    /// Applies `rules` to `set` once.
    pub fn new(set: &'a ClaimSet, rules: &TopicRules) -> Normalised<'a> {
        let keys: Vec<_> = set.claims.iter().map(|c| rules.claim_key(c)).collect();
        let mut measures = BTreeMap::new();
        for (ci, claim) in set.claims.iter().enumerate() {
            for (fi, figure) in claim.figures.iter().enumerate() {
                let m = rules
                    .figure_measure(claim, &keys[ci].0, figure)
                    .map(crate::text::slug)
                    .unwrap_or_else(|| figure.measure.clone());
                measures.insert((ci, fi), m);
            }
        }
        Normalised {
            set,
            keys,
            measures,
            ruled: ruled_measures(rules),
        }
    }

    /// Each figure's measure after the series' figure rules, by (claim, figure) index.
    pub fn measures(&self) -> &BTreeMap<FigureAt, String> {
        &self.measures
    }

    fn claim_measures(&self, ci: usize) -> BTreeSet<&str> {
        self.measures
            .range((ci, 0)..(ci + 1, 0))
            .map(|(_, m)| m.as_str())
            .filter(|m| !GENERIC_MEASURES.contains(m))
            .collect()
    }

    /// Words of a claim for similarity: heading and text (or, without text, the quotes),
    /// numbers blanked so a changed figure does not count against the pair.
    fn words(&self, ci: usize) -> String {
        let claim = &self.set.claims[ci];
        let mut s = String::new();
        if let Some(h) = &claim.heading {
            s.push_str(h);
            s.push(' ');
        }
        match &claim.text {
            Some(t) => s.push_str(t),
            None => {
                for f in &claim.figures {
                    s.push_str(&f.quote);
                    s.push(' ');
                }
            }
        }
        number_blind_words(&s)
    }
}

/// The measures the series' figure rules give, as slugs.
fn ruled_measures(rules: &TopicRules) -> BTreeSet<String> {
    rules
        .figures
        .iter()
        .map(|r| crate::text::slug(&r.measure))
        .collect()
}

/// Pairs the claims and figures of `old` and `new`.
pub fn align(
    old: &ClaimSet,
    new: &ClaimSet,
    rules: &TopicRules,
    settings: AlignSettings,
) -> Alignment {
    align_normalised(
        &Normalised::new(old, rules),
        &Normalised::new(new, rules),
        settings,
    )
}

/// Pairs the claims and figures of two claim sets already in canonical form.
pub fn align_normalised(a: &Normalised, b: &Normalised, settings: AlignSettings) -> Alignment {
    let (old, new) = (a.set, b.set);
    let mut claims = ClaimPairing {
        old_partner: vec![None; old.claims.len()],
        new_taken: vec![false; new.claims.len()],
    };
    claims.by_key(a, b, settings);
    claims.by_similarity(a, b, settings, &BTreeMap::new());
    let (figures, old_figures_only, new_figures_only) =
        figures::align_figures(a, b, &claims.pairs(), &a.ruled, settings.figures);
    // Claims left over whose figures paired across them: the figures' contexts are evidence.
    let mut evidence: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for f in figures.iter().filter(|f| f.reason.is_strong_evidence()) {
        let e = evidence.entry((f.old.0, f.new.0)).or_default();
        *e = e.max(f.reason.score);
    }
    if !evidence.is_empty() {
        claims.by_similarity(a, b, settings, &evidence);
    }
    let pairs = claims.pairs();
    Alignment {
        old_only: (0..old.claims.len())
            .filter(|&i| claims.old_partner[i].is_none())
            .collect(),
        new_only: (0..new.claims.len())
            .filter(|&j| !claims.new_taken[j])
            .collect(),
        claims: pairs,
        figures,
        old_figures_only,
        new_figures_only,
        old_keys: a.keys.iter().map(|k| k.0.clone()).collect(),
        new_keys: b.keys.iter().map(|k| k.0.clone()).collect(),
        old_measures: a.measures.clone(),
        new_measures: b.measures.clone(),
    }
}

/// Claim pairing in progress: each old claim's partner, and which new claims are taken.
struct ClaimPairing {
    old_partner: Vec<Option<(usize, ClaimReason)>>,
    new_taken: Vec<bool>,
}

impl ClaimPairing {
    /// Steps 1 and 2: the same canonical key (own, alias or rule). A key can repeat
    /// (hand-edited sets, aliases): the n-th old claim with it pairs with the n-th new one, so
    /// an edition never differs from itself. Keys derived from words (no heading on either
    /// side) must also be backed by alike words: two intros that open alike are not one topic.
    fn by_key(&mut self, a: &Side, b: &Side, settings: AlignSettings) {
        let mut by_key: BTreeMap<&TopicKey, VecDeque<usize>> = BTreeMap::new();
        for (j, (key, _)) in b.keys.iter().enumerate() {
            by_key.entry(key).or_default().push_back(j);
        }
        for (i, (key, source)) in a.keys.iter().enumerate() {
            let Some(queue) = by_key.get_mut(key) else {
                continue;
            };
            let backed = |j: usize| {
                // Without the words (claim sets stored without text) the key is all there is.
                let derived = *source == KeySource::Own
                    && b.keys[j].1 == KeySource::Own
                    && a.set.claims[i].heading.is_none()
                    && b.set.claims[j].heading.is_none()
                    && a.set.claims[i].text.is_some()
                    && b.set.claims[j].text.is_some();
                !derived
                    || word_ratio(&a.words(i), &b.words(j)) >= settings.min_derived_key_similarity
            };
            let Some(pos) = queue.iter().position(|&j| backed(j)) else {
                continue;
            };
            let Some(j) = queue.remove(pos) else {
                continue;
            };
            let reason = match (source, b.keys[j].1) {
                (KeySource::Rule, _) | (_, KeySource::Rule) => ClaimReason::TopicRule,
                (KeySource::Alias, _) | (_, KeySource::Alias) => ClaimReason::Alias,
                _ => ClaimReason::SameTopic,
            };
            self.old_partner[i] = Some((j, reason));
            self.new_taken[j] = true;
        }
    }

    /// Step 3: similarity among what is left, best pairs first; `evidence` holds, per claim
    /// pair, the best score of a figure pair linking them.
    fn by_similarity(
        &mut self,
        a: &Side,
        b: &Side,
        settings: AlignSettings,
        evidence: &BTreeMap<(usize, usize), f64>,
    ) {
        let old_left: Vec<usize> = (0..a.set.claims.len())
            .filter(|&i| self.old_partner[i].is_none())
            .collect();
        let new_left: Vec<usize> = (0..b.set.claims.len())
            .filter(|&j| !self.new_taken[j])
            .collect();
        if old_left.is_empty() || new_left.is_empty() {
            return;
        }
        let old_words: Vec<String> = old_left.iter().map(|&i| a.words(i)).collect();
        let new_words: Vec<String> = new_left.iter().map(|&j| b.words(j)).collect();
        // Sorted word lists give a cheap upper bound of the word ratio, so most hopeless pairs
        // skip the diff itself.
        fn sorted(w: &str) -> Vec<&str> {
            let mut v: Vec<&str> = w.split_whitespace().collect();
            v.sort_unstable();
            v
        }
        let old_sorted: Vec<Vec<&str>> = old_words.iter().map(|w| sorted(w)).collect();
        let new_sorted: Vec<Vec<&str>> = new_words.iter().map(|w| sorted(w)).collect();
        let old_measures: Vec<BTreeSet<&str>> =
            old_left.iter().map(|&i| a.claim_measures(i)).collect();
        let new_measures: Vec<BTreeSet<&str>> =
            new_left.iter().map(|&j| b.claim_measures(j)).collect();
        // A second pass (with figure evidence) looks only at the pairs the evidence names: the
        // others were judged already, on the same words. The first looks only at the pairs
        // that can reach the threshold (the whole cross product was 4 million pairs for two
        // editions of 2,000 claims).
        let candidates_of: Vec<Vec<usize>> = if !evidence.is_empty() {
            let new_pos: BTreeMap<usize, usize> = new_left
                .iter()
                .enumerate()
                .map(|(nj, &j)| (j, nj))
                .collect();
            old_left
                .iter()
                .map(|&i| {
                    evidence
                        .range((i, 0)..(i + 1, 0))
                        .filter_map(|(&(_, j), _)| new_pos.get(&j).copied())
                        .collect()
                })
                .collect()
        } else if old_left.len().saturating_mul(new_left.len()) <= CROSS_PRODUCT_PAIRS {
            // Fact sheets hold tens of claims: every pair costs less than an index.
            vec![(0..new_left.len()).collect(); old_left.len()]
        } else {
            similarity_candidates(
                [&old_sorted, &new_sorted],
                [&old_measures, &new_measures],
                settings.min_claim_similarity,
            )
        };
        // A table row pairs by its name (its key) only: rows alike in all but the name are
        // other states, drugs or programs.
        let old_rows: Vec<bool> = old_left
            .iter()
            .map(|&i| is_table_row(&a.set.claims[i]))
            .collect();
        let new_rows: Vec<bool> = new_left
            .iter()
            .map(|&j| is_table_row(&b.set.claims[j]))
            .collect();
        let mut candidates = Vec::new();
        for (oi, &i) in old_left.iter().enumerate() {
            let ma = &old_measures[oi];
            for &nj in &candidates_of[oi] {
                let j = new_left[nj];
                let (sa, sb) = (&old_sorted[oi], &new_sorted[nj]);
                if sa.len() < MIN_WORDS_FOR_SIMILARITY || sb.len() < MIN_WORDS_FOR_SIMILARITY {
                    continue;
                }
                if old_rows[oi] || new_rows[nj] {
                    continue;
                }
                let bonus =
                    evidence.get(&(i, j)).copied().unwrap_or(0.0) * settings.figure_evidence_weight;
                let measures = measure_share(ma, &new_measures[nj]);
                let best_text = ratio_bound(sa, sb);
                if blend(best_text + 1e-6, measures) + bonus < settings.min_claim_similarity {
                    continue;
                }
                let score = blend(word_ratio(&old_words[oi], &new_words[nj]), measures) + bonus;
                if score >= settings.min_claim_similarity {
                    // Ties break on the two keys in sorted order, the same both ways round.
                    let (ka, kb) = (a.keys[i].0.as_str(), b.keys[j].0.as_str());
                    let tie = if ka <= kb { (ka, kb) } else { (kb, ka) };
                    candidates.push((score.min(1.0), tie, i, j));
                }
            }
        }
        candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(&y.1)));
        for (score, _, i, j) in candidates {
            if self.old_partner[i].is_none() && !self.new_taken[j] {
                let score = (score * 100.0).round() / 100.0;
                self.old_partner[i] = Some((j, ClaimReason::Similar { score }));
                self.new_taken[j] = true;
            }
        }
    }

    /// The pairs made so far, in the new edition's order.
    fn pairs(&self) -> Vec<ClaimPair> {
        let mut claims: Vec<ClaimPair> = self
            .old_partner
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                p.as_ref().map(|(j, r)| ClaimPair {
                    old: i,
                    new: *j,
                    reason: r.clone(),
                })
            })
            .collect();
        claims.sort_by_key(|p| (p.new, p.old));
        claims
    }
}

/// True for a claim read from a table row: a figure of it is named by its column.
fn is_table_row(claim: &crate::claimset::Claim) -> bool {
    claim
        .figures
        .iter()
        .any(|f| f.noun_from == crate::figure::NounFrom::Column)
}

/// Word similarity (0–1) blended with the share of named measures the claims have in common.
/// The weight of the words in [`blend`] when a claim has measures.
const TEXT_WEIGHT: f64 = 0.6;

fn blend(text: f64, measures: Option<f64>) -> f64 {
    match measures {
        Some(shared) => TEXT_WEIGHT * text + (1.0 - TEXT_WEIGHT) * shared,
        None => text,
    }
}

/// For each old claim (by position in `sorted[0]`), the new claims (positions in `sorted[1]`,
/// ascending) that may reach `min` in the first similarity pass: those sharing a measure, and
/// those whose words could score high enough alone. A pair not listed cannot pass
/// [`ratio_bound`]'s test, so leaving it out changes no result.
///
/// Without a shared measure the score is the word ratio (neither claim has a measure) or
/// [`TEXT_WEIGHT`] times it, so the words must reach `t` = `min` or `min / TEXT_WEIGHT`. The
/// bound `2c / (la + lb) ≥ t` needs `c ≥ t·l / (2 − t)` common words for either length `l`,
/// and two word multisets with `c` in common share a word among each one's first `l − c + 1`
/// words in one global order (prefix filtering); rare words first keep those lists short.
fn similarity_candidates<'w>(
    sorted: [&[Vec<&'w str>]; 2],
    measures: [&[BTreeSet<&str>]; 2],
    min: f64,
) -> Vec<Vec<usize>> {
    use std::collections::HashMap;
    type Token<'w> = (&'w str, u32);
    // Each occurrence of a word is its own token ("the", 0), ("the", 1): sets then intersect
    // as the multisets do (the words come sorted).
    fn tokens<'w>(words: &[&'w str]) -> Vec<Token<'w>> {
        let mut out: Vec<Token<'w>> = Vec::with_capacity(words.len());
        for (k, w) in words.iter().enumerate() {
            let n = match k.checked_sub(1).and_then(|p| out.get(p)) {
                Some(&(prev, n)) if prev == *w => n + 1,
                _ => 0,
            };
            out.push((w, n));
        }
        out
    }
    let [old, new] = sorted;
    let mut old_tokens: Vec<Vec<Token<'w>>> = old.iter().map(|w| tokens(w)).collect();
    let mut new_tokens: Vec<Vec<Token<'w>>> = new.iter().map(|w| tokens(w)).collect();
    let mut freq: HashMap<Token<'w>, usize> = HashMap::new();
    for t in old_tokens.iter().chain(&new_tokens).flatten() {
        *freq.entry(*t).or_default() += 1;
    }
    for t in old_tokens.iter_mut().chain(new_tokens.iter_mut()) {
        t.sort_unstable_by_key(|x| (freq.get(x).copied().unwrap_or(0), *x));
    }
    // Slightly below the thresholds: a candidate too many is harmless, one too few is not.
    let loose = min - 1e-3;
    let strict = min / TEXT_WEIGHT - 1e-3;
    let prefix = |t: &[Token<'w>], threshold: f64| -> usize {
        if threshold <= 0.0 {
            return t.len();
        }
        if threshold >= 1.0 + 1e-3 {
            return 0;
        }
        let l = t.len() as f64;
        let need = (threshold * l / (2.0 - threshold)).ceil().max(1.0);
        (l - need + 1.0).clamp(0.0, l) as usize
    };
    let usable = |words: &Vec<&str>| words.len() >= MIN_WORDS_FOR_SIMILARITY;
    // New claims by the tokens of their prefixes: for pairs needing `strict` (all new claims)
    // and for pairs needing `loose` (new claims without measures).
    let mut strict_index: HashMap<Token<'w>, Vec<usize>> = HashMap::new();
    let mut loose_index: HashMap<Token<'w>, Vec<usize>> = HashMap::new();
    let mut by_measure: HashMap<&str, Vec<usize>> = HashMap::new();
    for (nj, t) in new_tokens.iter().enumerate() {
        if !usable(&new[nj]) {
            continue;
        }
        for tok in &t[..prefix(t, strict)] {
            strict_index.entry(*tok).or_default().push(nj);
        }
        if measures[1][nj].is_empty() {
            for tok in &t[..prefix(t, loose)] {
                loose_index.entry(*tok).or_default().push(nj);
            }
        }
        for m in &measures[1][nj] {
            by_measure.entry(m).or_default().push(nj);
        }
    }
    old_tokens
        .iter()
        .enumerate()
        .map(|(oi, t)| {
            let mut found: Vec<usize> = Vec::new();
            if !usable(&old[oi]) {
                return found;
            }
            let measured = !measures[0][oi].is_empty();
            for tok in &t[..prefix(t, strict)] {
                let hits = strict_index.get(tok).into_iter().flatten();
                // A measureless pair is judged by the loose index below.
                found.extend(hits.filter(|&&nj| measured || !measures[1][nj].is_empty()));
            }
            if !measured {
                for tok in &t[..prefix(t, loose)] {
                    found.extend(loose_index.get(tok).into_iter().flatten());
                }
            }
            for m in &measures[0][oi] {
                found.extend(by_measure.get(m).into_iter().flatten());
            }
            found.sort_unstable();
            found.dedup();
            found
        })
        .collect()
}

/// The share of named measures two claims have in common, or none when neither has one.
fn measure_share(ma: &BTreeSet<&str>, mb: &BTreeSet<&str>) -> Option<f64> {
    let union = ma.union(mb).count();
    (union > 0).then(|| ma.intersection(mb).count() as f64 / union as f64)
}

/// An upper bound of [`word_ratio`]: twice the words the two share (as multisets) over all
/// words, since a common subsequence can use no word more often than both hold it.
fn ratio_bound(a: &[&str], b: &[&str]) -> f64 {
    let common = sorted_common(a, b);
    let total = a.len() + b.len();
    if total == 0 {
        0.0
    } else {
        2.0 * common as f64 / total as f64
    }
}

/// Similarity (0–1) of two texts over their words alone: the spaces between words are not
/// tokens here, else every pair of long texts would look half alike.
fn word_ratio(a: &str, b: &str) -> f64 {
    if a == b && !a.trim().is_empty() {
        return 1.0; // what the diff gives, without it
    }
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    f64::from(similar::TextDiff::from_slices(&wa, &wb).ratio())
}

/// Folded words with every number blanked, for similarity.
fn number_blind_words(text: &str) -> String {
    crate::text::fold(text)
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.chars().any(|c| c.is_ascii_digit()) {
                "#"
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_bound_is_never_below_the_ratio() {
        let texts = [
            "the program trained more than # police officers in the region",
            "the region trained officers and police more than once",
            "police police police",
            "a b c d e f",
        ];
        for x in texts {
            for y in texts {
                let mut sx: Vec<&str> = x.split_whitespace().collect();
                let mut sy: Vec<&str> = y.split_whitespace().collect();
                sx.sort_unstable();
                sy.sort_unstable();
                assert!(
                    ratio_bound(&sx, &sy) + 1e-6 >= word_ratio(x, y),
                    "{x} / {y}"
                );
            }
        }
    }

    /// Every pair that can pass the first similarity pass is a candidate, whatever the
    /// words, repeats, lengths and measures (checked against the whole cross product).
    #[test]
    fn similarity_candidates_miss_no_pair_that_can_pass() {
        let vocab = [
            "the", "a", "police", "jobs", "#", "region", "grants", "ports", "of", "x",
        ];
        let measure_names = ["jobs", "grants", "ports"];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |m: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m as u64) as usize
        };
        for round in 0..40 {
            let mut side = || {
                let claims = 1 + next(30);
                let mut words: Vec<Vec<&str>> = Vec::new();
                let mut measures: Vec<BTreeSet<&str>> = Vec::new();
                for _ in 0..claims {
                    let len = next(14);
                    let mut w: Vec<&str> = (0..len).map(|_| vocab[next(vocab.len())]).collect();
                    w.sort_unstable();
                    words.push(w);
                    measures.push((0..next(3)).map(|_| measure_names[next(3)]).collect());
                }
                (words, measures)
            };
            let (ow, om) = side();
            let (nw, nm) = side();
            for min in [0.3, 0.5, 0.7, 0.9] {
                let found = similarity_candidates([&ow, &nw], [&om, &nm], min);
                for oi in 0..ow.len() {
                    for nj in 0..nw.len() {
                        let usable = ow[oi].len() >= MIN_WORDS_FOR_SIMILARITY
                            && nw[nj].len() >= MIN_WORDS_FOR_SIMILARITY;
                        let share = measure_share(&om[oi], &nm[nj]);
                        let passes =
                            usable && blend(ratio_bound(&ow[oi], &nw[nj]) + 1e-6, share) >= min;
                        if passes {
                            assert!(
                                found[oi].contains(&nj),
                                "round {round}, min {min}: {:?} / {:?} ({:?} / {:?})",
                                ow[oi],
                                nw[nj],
                                om[oi],
                                nm[nj]
                            );
                        }
                    }
                }
            }
        }
    }

    /// Two editions of 1,000 claims of their own words (but for a few common ones) and their
    /// own measures: the cross product is a million pairs; no candidate among them.
    #[test]
    fn similarity_candidates_prune_unrelated_claims() {
        let n = 1_000;
        let own: Vec<Vec<String>> = (0..2 * n)
            .map(|c| (0..8).map(|k| format!("w{c}x{k}")).collect())
            .collect();
        let side = |from: usize| {
            let words: Vec<Vec<&str>> = (from..from + n)
                .map(|c| {
                    let mut w: Vec<&str> = own[c].iter().map(String::as_str).collect();
                    w.extend(["the", "agency", "said", "in", "the", "region", "#", "#"]);
                    w.sort_unstable();
                    w
                })
                .collect();
            let measures: Vec<BTreeSet<&str>> = (from..from + n)
                .map(|c| BTreeSet::from([own[c][0].as_str()]))
                .collect();
            (words, measures)
        };
        let (ow, om) = side(0);
        let (nw, nm) = side(n);
        let found = similarity_candidates([&ow, &nw], [&om, &nm], 0.5);
        let total: usize = found.iter().map(Vec::len).sum();
        assert_eq!(total, 0, "{total} candidate pairs");
        // Claims without measures pass on words alone: half their words in common (the eight
        // common ones here) may reach 0.5, so each pair is a candidate; a third may not.
        let none: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); n];
        let found = similarity_candidates([&ow, &nw], [&none, &none], 0.5);
        let total: usize = found.iter().map(Vec::len).sum();
        assert_eq!(total, n * n);
        fn fewer<'w>(w: &[Vec<&'w str>]) -> Vec<Vec<&'w str>> {
            w.iter()
                .map(|w| {
                    let mut w: Vec<&str> = w
                        .iter()
                        .copied()
                        .filter(|x| !matches!(*x, "in" | "region" | "#"))
                        .collect();
                    w.dedup();
                    w
                })
                .collect()
        }
        let found = similarity_candidates([&fewer(&ow), &fewer(&nw)], [&none, &none], 0.5);
        let total: usize = found.iter().map(Vec::len).sum();
        assert_eq!(total, 0, "{total} candidate pairs");
    }

    #[test]
    fn word_ratio_ignores_the_spaces_between_words() {
        let a = "the region comprises most of the oceans and countries rely on them";
        let b = "the president hosted the prime ministers in delaware for a summit";
        assert!(word_ratio(a, b) < 0.3, "{}", word_ratio(a, b));
        assert_eq!(word_ratio(a, a), 1.0);
        let renamed = word_ratio(
            "training civilian police the government has provided professionalization training for # civilian police",
            "training police the department of state provided professional training for # civilian police",
        );
        assert!(renamed >= 0.5, "{renamed}");
    }
}
