//! Words of a figure's sentence: content words (folded, stemmed, no stop words or numbers),
//! the words near a figure, and the names acting in its sentence — the matcher's evidence,
//! also kept in claim sets stored without their text.

use super::{fold, is_stop_word, month_of, sentence_around, StopRole};
use std::collections::HashSet;

/// Words on either side of a figure that count as its near context.
pub(crate) const NEAR_WINDOW_WORDS: usize = 10;

/// Words naming a group of people or places a figure is restricted to: two figures whose near
/// words differ in these count different things ("jobs" vs "jobs for Black workers").
pub(crate) const SCOPE_WORDS: &[&str] = &[
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
    "disability",
    "disabled",
    "seniors",
    "senior",
    "lgbtq",
    "lgbtqi",
    "white",
    "manufacturing",
    "construction",
];

/// A content word: folded, stemmed, not a stop word, not a number.
pub(crate) fn content_words(text: &str) -> Vec<String> {
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
    if word.len() > 5 && word.ends_with("sses") {
        word[..word.len() - 2].to_string()
    } else if word.len() > 4 && word.ends_with("ies") {
        format!("{}y", &word[..word.len() - 3])
    } else if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        word[..word.len() - 1].to_string()
    } else {
        word.to_string()
    }
}

/// Every word the edition writes in lower case somewhere: a capitalised word that never
/// appears so is a name even at the start of a sentence ("Nextil has committed …").
pub(crate) fn lower_case_words<'t>(texts: impl Iterator<Item = &'t str>) -> HashSet<&'t str> {
    texts
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect()
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

/// The names in a sentence: capitalised words (the first only when `lower` never holds it), folded, minus months and
/// words that are capitalised everywhere ([`NOT_NAMES`]).
pub(crate) fn names(sentence: &str, lower: &HashSet<&str>) -> Vec<String> {
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .enumerate()
        // The first word is capitalised anyway: a name only if the edition never writes it
        // in lower case.
        .filter(|(i, w)| *i > 0 || !lower.contains(w.to_lowercase().as_str()))
        .map(|(_, w)| w)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(fold)
        .filter(|w| {
            w.len() > 1
                && month_of(w).is_none()
                && !NOT_NAMES.contains(&w.as_str())
                && !SCOPE_WORDS.contains(&w.as_str())
        })
        .collect()
}

/// The claim's first sentence (up to the first '.', '!' or '?' followed by a space).
fn first_sentence(text: &str) -> Option<&str> {
    let end = text
        .match_indices(['.', '!', '?'])
        .map(|(i, _)| i)
        .find(|&i| text.as_bytes().get(i + 1).is_none_or(|b| *b == b' '))
        .map_or(text.len(), |i| i + 1);
    text.get(..end)
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

/// The words of one figure's sentence that matching reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FigureWords {
    /// Content words within [`NEAR_WINDOW_WORDS`] of the figure, its own words included.
    pub near: Vec<String>,
    /// Content words of the whole sentence.
    pub sentence: Vec<String>,
    /// Names acting in the sentence (else in the claim's first sentence).
    pub names: Vec<String>,
}

/// The words around `quote` in `text`, or none when the quote is not in it; `lower` holds
/// the words the edition writes in lower case ([`lower_case_words`]).
pub(crate) fn figure_words(text: &str, quote: &str, lower: &HashSet<&str>) -> Option<FigureWords> {
    let sentence = sentence_around(text, quote)?;
    let (near, all) = near_and_sentence(sentence, quote);
    let mut found = names(sentence, lower);
    if found.is_empty() {
        if let Some(first) = first_sentence(text) {
            found = names(first, lower);
        }
    }
    Some(FigureWords {
        near,
        sentence: all,
        names: found,
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
            ("businesses", "business"),
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
    fn names_skip_sentence_starts_the_edition_writes_in_lower_case() {
        let lower: HashSet<&str> = ["the", "companies"].into_iter().collect();
        assert_eq!(
            names("Nextil has committed to invest in Guatemala.", &lower),
            vec!["nextil", "guatemala"]
        );
        assert_eq!(
            names("Companies in the Northern Triangle hired 5 people.", &lower),
            vec!["northern", "triangle"]
        );
    }

    #[test]
    fn figure_words_take_the_first_sentence_names_when_the_sentence_has_none() {
        let text = "Nextil has committed to invest $40 million. The plants will create 3,000 jobs.";
        let lower = lower_case_words([text].into_iter());
        let w = figure_words(text, "3,000 jobs", &lower).expect("quote found");
        assert_eq!(w.names, vec!["nextil"]);
        assert!(w.near.contains(&"plant".to_string()), "{:?}", w.near);
    }
}
