//! A figure's context: its counted noun, the words around it in its sentence, its heading and
//! section, its unit, its class and the groups it is about — the evidence figures pair on.
//!
//! Contexts depend on one claim set only, so they can be built once and reused to compare an
//! edition with any other document.

use crate::claimset::{Claim, ClaimSet};
use crate::figure::{Figure, FigureClass};
use crate::text::{
    content_words, figure_words, fold, lower_case_words, sentence_around, FigureWords, SCOPE_WORDS,
};
use std::collections::{HashMap, HashSet};

/// Word ids, interned per comparison so sets compare as sorted integer lists.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    ids: HashMap<String, u32>,
}

impl Vocabulary {
    /// How many words are known.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    fn id(&mut self, word: &str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(word.to_string()).or_insert(next)
    }

    /// Sorted, de-duplicated ids of `words`.
    fn set<'w>(&mut self, words: impl IntoIterator<Item = &'w str>) -> Vec<u32> {
        let mut v: Vec<u32> = words.into_iter().map(|w| self.id(w)).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// The evidence one figure brings to pairing.
#[derive(Debug, Clone)]
pub(crate) struct FigureContext {
    /// The counted noun, folded and singular ("company and organization").
    pub noun: String,
    /// The noun's last word, stemmed ("organization").
    pub head: String,
    /// The noun's words (ids), to look for in the other figure's sentence.
    pub noun_ids: Vec<u32>,
    /// Content words within [`NEAR_WINDOW_WORDS`] of the figure (ids).
    pub near: Vec<u32>,
    /// Content words of the whole sentence (ids).
    pub sentence: Vec<u32>,
    /// Content words of the claim's heading and section (ids).
    pub heading: Vec<u32>,
    /// Scope words near the figure ("black", "women"…).
    pub scope: Vec<&'static str>,
    /// Names in the figure's sentence (capitalised words past its first, ids): who acts.
    pub actors: Vec<u32>,
    /// For a percentage, whether it is a change ("by 50 percent") or a level ("to 15
    /// percent"); the two never pair.
    pub percent_is_change: bool,
    /// Whether the claim kept its text (without it only noun and heading speak).
    pub has_text: bool,
    /// The figure's class.
    pub class: FigureClass,
}

/// Builds the context of every figure of `set`, by claim and figure index.
pub(crate) fn contexts(set: &ClaimSet, vocab: &mut Vocabulary) -> Vec<Vec<FigureContext>> {
    let lower = lower_case_words(set.claims.iter().filter_map(|c| c.text.as_deref()));
    set.claims
        .iter()
        .map(|claim| {
            // Heading and section words once per claim.
            let mut heading_text = claim.heading.clone().unwrap_or_default();
            if let Some(s) = &claim.section {
                heading_text.push(' ');
                heading_text.push_str(s);
            }
            let heading = vocab.set(content_words(&heading_text).iter().map(String::as_str));
            claim
                .figures
                .iter()
                .map(|f| figure_context(claim, &heading, f, vocab, &lower))
                .collect()
        })
        .collect()
}

fn figure_context(
    claim: &Claim,
    heading: &[u32],
    figure: &Figure,
    vocab: &mut Vocabulary,
    lower: &HashSet<&str>,
) -> FigureContext {
    let noun_words = content_words(&figure.noun);
    let noun = noun_words.join(" ");
    let head = noun_words.last().cloned().unwrap_or_default();
    let heading = heading.to_vec();
    // The claim's own words when kept, else the words stored with the figure (`--no-text`).
    let words = claim
        .text
        .as_deref()
        .and_then(|t| figure_words(t, &figure.quote, lower))
        .or_else(|| {
            (!figure.context.is_empty()).then(|| FigureWords {
                near: figure.context.clone(),
                sentence: figure.context.clone(),
                names: figure.names.clone(),
            })
        });
    let has_text = words.is_some();
    let words = words.unwrap_or_else(|| FigureWords {
        near: content_words(&figure.quote),
        ..FigureWords::default()
    });
    // Near words are stems already; the list holds both forms of the words that change.
    let mut scope: Vec<&'static str> = SCOPE_WORDS
        .iter()
        .copied()
        .filter(|s| words.near.iter().any(|w| w == s))
        .collect();
    scope.sort_unstable();
    let percent_is_change = figure.unit == crate::figure::Unit::Percent
        && claim
            .text
            .as_deref()
            .and_then(|t| sentence_around(t, &figure.quote))
            .is_some_and(|s| {
                let at = s.find(&figure.quote).unwrap_or(0);
                let before = fold(s.get(..at).unwrap_or(""));
                let last = before.split_whitespace().last().unwrap_or("");
                matches!(last, "by" | "of")
                    && !before.ends_with("share of")
                    && !before.ends_with("total of")
            });
    FigureContext {
        actors: vocab.set(words.names.iter().map(String::as_str)),
        percent_is_change,
        noun_ids: vocab.set(noun_words.iter().map(String::as_str)),
        noun,
        head,
        near: vocab.set(words.near.iter().map(String::as_str)),
        sentence: vocab.set(words.sentence.iter().map(String::as_str)),
        heading,
        scope,
        has_text,
        class: figure.class,
    }
}

/// Word weights from how many figure contexts hold each word (rare words say more): the
/// natural log of 1 + contexts ÷ contexts holding the word.
pub(crate) fn weights(vocab: &Vocabulary, sides: &[&Vec<Vec<FigureContext>>]) -> Vec<f64> {
    let mut df = vec![0u32; vocab.len()];
    let mut n = 0u32;
    for side in sides {
        for c in side.iter().flatten() {
            n += 1;
            for &w in &c.near {
                df[w as usize] += 1;
            }
        }
    }
    df.into_iter()
        .map(|d| (1.0 + f64::from(n) / f64::from(d.max(1))).ln())
        .collect()
}

/// Dice similarity of two sorted id sets, each word weighted (0–1); none when both are empty.
pub(crate) fn weighted_dice(a: &[u32], b: &[u32], weights: &[f64]) -> Option<f64> {
    if a.is_empty() && b.is_empty() {
        return None;
    }
    let w = |id: &u32| weights.get(*id as usize).copied().unwrap_or(1.0);
    let total: f64 = a.iter().map(w).sum::<f64>() + b.iter().map(w).sum::<f64>();
    let (mut i, mut j, mut common) = (0, 0, 0.0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += w(x);
                i += 1;
                j += 1;
            }
        }
    }
    Some(if total > 0.0 {
        2.0 * common / total
    } else {
        0.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighted_dice_of_sets() {
        let w = [1.0, 1.0, 1.0, 3.0];
        assert_eq!(weighted_dice(&[], &[], &w), None);
        assert_eq!(weighted_dice(&[1, 2], &[2, 0], &w), Some(0.5));
        assert_eq!(weighted_dice(&[1], &[1], &w), Some(1.0));
        // A rare shared word outweighs a common one.
        assert!(weighted_dice(&[3, 0], &[3, 1], &w) > weighted_dice(&[3, 0], &[0, 1], &w));
    }

    #[test]
    fn scope_words_are_read_near_the_figure() {
        let claim = Claim {
            topic: crate::claimset::TopicKey::from_text("jobs"),
            heading: None,
            section: None,
            text: Some("The economy added 2.6 million jobs for Black workers.".into()),
            figures: crate::extract::extract_figures(
                "The economy added 2.6 million jobs for Black workers.",
            ),
        };
        let mut vocab = Vocabulary::default();
        let c = figure_context(&claim, &[], &claim.figures[0], &mut vocab, &HashSet::new());
        assert_eq!(c.scope, vec!["black"]);
        assert!(c.actors.is_empty(), "'Black' is a scope word, not a name");
        assert_eq!(c.head, "job");
    }
}
