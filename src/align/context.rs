//! A figure's context: its counted noun, the words around it in its sentence, its heading and
//! section, its unit, its class and the groups it is about — the evidence figures pair on.
//!
//! Contexts depend on one claim set only, so they can be built once and reused to compare an
//! edition with any other document.

use crate::claimset::{Claim, ClaimSet};
use crate::figure::{Figure, FigureClass};
use crate::text::{fold, is_stop_word, sentence_around, StopRole};
use std::collections::HashMap;

/// Words on either side of a figure that count as its near context.
const NEAR_WINDOW_WORDS: usize = 10;

/// Words naming a group of people or places a figure is restricted to: two figures whose near
/// words differ in these count different things ("jobs" vs "jobs for Black workers").
const SCOPE_WORDS: &[&str] = &[
    "black",
    "african",
    "hispanic",
    "latino",
    "latinos",
    "latina",
    "latinas",
    "latinx",
    "asian",
    "native",
    "tribal",
    "indigenous",
    "women",
    "woman",
    "men",
    "veterans",
    "veteran",
    "rural",
    "disabilities",
    "disabled",
    "seniors",
    "lgbtq",
    "lgbtqi",
    "white",
    "manufacturing",
    "construction",
];

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

/// A content word: folded, stemmed, not a stop word, not a number.
fn content_words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() > 1 && !w.bytes().any(|b| b.is_ascii_digit()))
        .filter(|w| !is_stop_word(w, StopRole::Key))
        .map(stem)
        .collect()
}

/// A light stem: the regular plural, "-ment(s)", "-ed" and "-ing" go, so "commitments",
/// "committed" and "commit" meet ("commit").
pub(crate) fn stem(word: &str) -> String {
    let w = singular(word);
    let mut s = w.as_str();
    for suffix in ["ment", "ing", "ed"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            if rest.len() >= 4 {
                s = rest;
                break;
            }
        }
    }
    let b = s.as_bytes();
    // "committ" → "commit": a doubled final consonant left by the suffix.
    if s.len() != w.len() && b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
        let last = b[b.len() - 1];
        if !matches!(last, b'a' | b'e' | b'i' | b'o' | b'u' | b's' | b'l') {
            s = &s[..s.len() - 1];
        }
    }
    s.to_string()
}

/// A plural's singular, by the regular rules only ("companies" → "company", "jobs" → "job").
pub(crate) fn singular(word: &str) -> String {
    if word.len() > 4 && word.ends_with("ies") {
        format!("{}y", &word[..word.len() - 3])
    } else if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        word[..word.len() - 1].to_string()
    } else {
        word.to_string()
    }
}

/// Builds the context of every figure of `set`, by claim and figure index.
pub(crate) fn contexts(set: &ClaimSet, vocab: &mut Vocabulary) -> Vec<Vec<FigureContext>> {
    set.claims
        .iter()
        .map(|claim| {
            claim
                .figures
                .iter()
                .map(|f| figure_context(claim, f, vocab))
                .collect()
        })
        .collect()
}

fn figure_context(claim: &Claim, figure: &Figure, vocab: &mut Vocabulary) -> FigureContext {
    let noun_words = content_words(&figure.noun);
    let noun = noun_words.join(" ");
    let head = noun_words.last().cloned().unwrap_or_default();
    let mut heading_text = claim.heading.clone().unwrap_or_default();
    if let Some(s) = &claim.section {
        heading_text.push(' ');
        heading_text.push_str(s);
    }
    let heading = vocab.set(content_words(&heading_text).iter().map(String::as_str));
    let sentence_text = claim
        .text
        .as_deref()
        .and_then(|t| sentence_around(t, &figure.quote));
    let (near_words, sentence_words) = match sentence_text {
        Some(s) => near_and_sentence(s, &figure.quote),
        None => (content_words(&figure.quote), Vec::new()),
    };
    let scope: Vec<&'static str> = {
        let mut v: Vec<&'static str> = SCOPE_WORDS
            .iter()
            .copied()
            .filter(|s| near_words.iter().any(|w| w == s || singular(s) == *w))
            .collect();
        v.sort_unstable();
        v
    };
    let actors = vocab.set(
        sentence_text
            .map(names)
            .unwrap_or_default()
            .iter()
            .map(String::as_str),
    );
    let percent_is_change = figure.unit == crate::figure::Unit::Percent
        && sentence_text.is_some_and(|s| {
            let at = s.find(&figure.quote).unwrap_or(0);
            let before = fold(s.get(..at).unwrap_or(""));
            let last = before.split_whitespace().last().unwrap_or("");
            matches!(last, "by" | "of")
                && !before.ends_with("share of")
                && !before.ends_with("total of")
        });
    FigureContext {
        actors,
        percent_is_change,
        noun_ids: vocab.set(noun_words.iter().map(String::as_str)),
        noun,
        head,
        near: vocab.set(near_words.iter().map(String::as_str)),
        sentence: vocab.set(sentence_words.iter().map(String::as_str)),
        heading,
        scope,
        has_text: sentence_text.is_some(),
        class: figure.class,
    }
}

/// Words that are capitalised in most sentences without naming anyone.
const NOT_NAMES: &[&str] = &[
    "president",
    "vice",
    "administration",
    "united",
    "states",
    "america",
    "american",
    "americans",
    "u",
    "s",
    "us",
    "federal",
    "government",
    "today",
    "this",
    "the",
    "these",
    "in",
    "since",
    "through",
    "and",
    "of",
    "for",
    "white",
    "house",
    "biden",
    "harris",
    "biden-harris",
    "department",
    "national",
    "new",
    "act",
    "congress",
];

/// The names in a sentence: capitalised words past the first, folded, minus months and
/// words that are capitalised everywhere ([`NOT_NAMES`]).
fn names(sentence: &str) -> Vec<String> {
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .skip(1)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(fold)
        .filter(|w| {
            w.len() > 1
                && crate::text::month_of(w).is_none()
                && !NOT_NAMES.contains(&w.as_str())
                && !SCOPE_WORDS.contains(&w.as_str())
        })
        .collect()
}

/// The content words near the quote (the quote's own words included) and those of the whole
/// sentence.
fn near_and_sentence(sentence: &str, quote: &str) -> (Vec<String>, Vec<String>) {
    let at = sentence.find(quote).unwrap_or(0);
    let before = content_words(sentence.get(..at).unwrap_or(""));
    let own = content_words(quote);
    let after = content_words(sentence.get(at + quote.len()..).unwrap_or(""));
    let mut near: Vec<String> = before[before.len().saturating_sub(NEAR_WINDOW_WORDS)..].to_vec();
    near.extend(own.iter().cloned());
    near.extend(after.iter().take(NEAR_WINDOW_WORDS).cloned());
    let mut all = before;
    all.extend(own);
    all.extend(after);
    (near, all)
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
    fn singulars() {
        let cases = [
            ("companies", "company"),
            ("jobs", "job"),
            ("business", "business"),
            ("doses", "dose"),
            ("gas", "gas"),
        ];
        for (w, want) in cases {
            assert_eq!(singular(w), want);
        }
        let stems = [
            ("commitments", "commit"),
            ("committed", "commit"),
            ("investments", "invest"),
            ("training", "train"),
            ("jobs", "job"),
            ("need", "need"),
        ];
        for (w, want) in stems {
            assert_eq!(stem(w), want, "{w}");
        }
    }

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
            label: String::new(),
            heading: None,
            section: None,
            text: Some("The economy added 2.6 million jobs for Black workers.".into()),
            figures: crate::extract::extract_figures(
                "The economy added 2.6 million jobs for Black workers.",
            ),
        };
        let mut vocab = Vocabulary::default();
        let c = figure_context(&claim, &claim.figures[0], &mut vocab);
        assert_eq!(c.scope, vec!["black"]);
        assert!(c.actors.is_empty(), "'Black' is a scope word, not a name");
        assert_eq!(c.head, "job");
    }
}
