//! A series' `topics.toml`: topic aliases, topic rules for headless claims and figure rules
//! that name a tracked figure.

use crate::claimset::{Claim, TopicKey};
use crate::error::{Error, Result};
use crate::figure::{Figure, Unit};
use crate::text::{fold, sentence_around, slug};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The rules of one series. All matching is case-insensitive on folded text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicRules {
    /// Other key → the key it stands for (`training-police = "training-civilian-police"`).
    #[serde(default)]
    pub aliases: BTreeMap<String, String>,
    /// Rules that give a claim without a heading its key.
    #[serde(default, rename = "topic")]
    pub topics: Vec<TopicRule>,
    /// Rules that give a figure its measure.
    #[serde(default, rename = "figure")]
    pub figures: Vec<FigureRule>,
}

/// A claim without a heading that mentions these phrases gets `key`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicRule {
    /// The key to give.
    pub key: String,
    /// The claim must mention at least one of these (when given).
    #[serde(default)]
    pub any: Vec<String>,
    /// The claim must mention all of these.
    #[serde(default)]
    pub all: Vec<String>,
}

/// A figure that matches gets `measure`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureRule {
    /// The measure to give.
    pub measure: String,
    /// Only figures in claims with this (canonical) topic.
    #[serde(default)]
    pub topic: Option<String>,
    /// The claim (heading or text) or the figure's quote mentions at least one of these.
    #[serde(default)]
    pub any: Vec<String>,
    /// The figure's quote holds all of these.
    #[serde(default)]
    pub quote: Vec<String>,
    /// Only figures in this unit.
    #[serde(default)]
    pub unit: Option<Unit>,
    /// The sentence holding the figure mentions all of these (needs the claim's text, so it
    /// acts when a pull is extracted; the measure it gives is stored with the claim set).
    #[serde(default)]
    pub near: Vec<String>,
}

/// How a claim got its canonical key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySource {
    /// Its own key (heading or derived).
    Own,
    /// An alias in `topics.toml`.
    Alias,
    /// A topic rule in `topics.toml`.
    Rule,
}

impl TopicRules {
    /// Reads a `topics.toml`; errors carry the line and column.
    pub fn load(path: &Path) -> Result<TopicRules> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        TopicRules::parse(&text, path)
    }

    /// Parses the text of a `topics.toml`.
    pub fn parse(text: &str, path: &Path) -> Result<TopicRules> {
        toml::from_str(text).map_err(|e| crate::claimset::toml_error(text, path, &e))
    }

    /// Loads `topics.toml` from a series folder when it exists, else no rules.
    pub fn load_optional(series_dir: &Path) -> Result<TopicRules> {
        let path = series_dir.join("topics.toml");
        if path.is_file() {
            TopicRules::load(&path)
        } else {
            Ok(TopicRules::default())
        }
    }

    /// True when there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.aliases.is_empty() && self.topics.is_empty() && self.figures.is_empty()
    }

    /// Follows aliases (at most a few steps, so a cycle cannot hang).
    pub fn canonical(&self, key: &str) -> String {
        let mut current = key;
        for _ in 0..8 {
            match self.aliases.get(current) {
                Some(next) if next != current => current = next,
                _ => break,
            }
        }
        current.to_string()
    }

    /// The key a claim files under, and why: a topic rule for a claim without heading
    /// (only when its text is known), then aliases.
    pub fn claim_key(&self, claim: &Claim) -> (TopicKey, KeySource) {
        if claim.heading.is_none() {
            if let Some(text) = &claim.text {
                let hay = fold(text);
                if let Some(rule) = self.topics.iter().find(|r| r.matches(&hay)) {
                    return (
                        TopicKey::from_slug(self.canonical(&rule.key)),
                        KeySource::Rule,
                    );
                }
            }
        }
        let canonical = self.canonical(claim.topic.as_str());
        if canonical != claim.topic.as_str() {
            (TopicKey::from_slug(canonical), KeySource::Alias)
        } else {
            (claim.topic.clone(), KeySource::Own)
        }
    }

    /// The measure a figure rule gives to `figure` in `claim` filed under `key`, if any.
    pub fn figure_measure(&self, claim: &Claim, key: &TopicKey, figure: &Figure) -> Option<&str> {
        let quote = fold(&figure.quote);
        let context = {
            let mut s = fold(claim.heading.as_deref().unwrap_or(""));
            s.push(' ');
            s.push_str(&fold(claim.text.as_deref().unwrap_or("")));
            s
        };
        self.figures
            .iter()
            .find(|rule| {
                rule.unit.is_none_or(|u| u == figure.unit)
                    && rule
                        .topic
                        .as_deref()
                        .is_none_or(|t| self.canonical(t) == key.as_str())
                    && rule.quote.iter().all(|p| quote.contains(&fold(p)))
                    && (rule.near.is_empty()
                        || claim
                            .text
                            .as_deref()
                            .and_then(|t| sentence_around(t, &figure.quote))
                            .is_some_and(|s| {
                                let s = fold(s);
                                rule.near.iter().all(|p| s.contains(&fold(p)))
                            }))
                    && (rule.any.is_empty()
                        || rule.any.iter().any(|p| {
                            let p = fold(p);
                            context.contains(&p) || quote.contains(&p)
                        }))
            })
            .map(|rule| rule.measure.as_str())
    }

    /// Applies the rules to a claim in place: rule key for a headless claim, rule measures.
    /// Aliases are left to matching, so the stored key stays the one the edition gives.
    pub fn apply(&self, claim: &mut Claim) {
        if self.is_empty() {
            return;
        }
        let (key, source) = self.claim_key(claim);
        if source == KeySource::Rule {
            claim.topic = key.clone();
        }
        let measures: Vec<Option<String>> = claim
            .figures
            .iter()
            .map(|f| self.figure_measure(claim, &key, f).map(str::to_string))
            .collect();
        for (figure, measure) in claim.figures.iter_mut().zip(measures) {
            if let Some(m) = measure {
                figure.measure = slug(&m);
            }
        }
    }
}

impl TopicRule {
    fn matches(&self, folded_text: &str) -> bool {
        (self.any.is_empty() || self.any.iter().any(|p| folded_text.contains(&fold(p))))
            && self.all.iter().all(|p| folded_text.contains(&fold(p)))
            && !(self.any.is_empty() && self.all.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::Qualifier;
    use rust_decimal::Decimal;

    const RULES: &str = r#"
[aliases]
training-police = "training-civilian-police"
policing = "training-police"

[[topic]]
key = "creating-opportunities"
any = ["private sector companies", "private sector firms"]

[[figure]]
measure = "call-to-action-commitments"
any = ["Call to Action"]
unit = "USD"
"#;

    fn claim(heading: Option<&str>, text: &str, quote: &str, unit: Unit) -> Claim {
        Claim {
            topic: TopicKey::from_text(heading.unwrap_or(text)),
            heading: heading.map(str::to_string),
            section: None,
            text: Some(text.to_string()),
            figures: vec![Figure {
                measure: "usd".into(),
                value: Decimal::ONE,
                max: None,
                unit,
                noun: String::new(),
                noun_from: Default::default(),
                qualifier: Qualifier::Exact,
                quote: quote.into(),
                written: "1".into(),
                class: Default::default(),
                context: Vec::new(),
                names: Vec::new(),
            }],
        }
    }

    #[test]
    fn aliases_follow_chains() {
        let rules = TopicRules::parse(RULES, Path::new("topics.toml")).unwrap();
        assert_eq!(rules.canonical("policing"), "training-civilian-police");
        assert_eq!(rules.canonical("other"), "other");
    }

    #[test]
    fn topic_rules_key_only_headless_claims() {
        let rules = TopicRules::parse(RULES, Path::new("topics.toml")).unwrap();
        let mut headless = claim(
            None,
            "Support for Private Sector Companies helped",
            "$1",
            Unit::Usd,
        );
        rules.apply(&mut headless);
        assert_eq!(headless.topic.as_str(), "creating-opportunities");
        let mut headed = claim(Some("Jobs"), "private sector companies", "$1", Unit::Usd);
        rules.apply(&mut headed);
        assert_eq!(headed.topic.as_str(), "jobs");
    }

    #[test]
    fn figure_rules_respect_unit() {
        let rules = TopicRules::parse(RULES, Path::new("topics.toml")).unwrap();
        let mut money = claim(
            Some("X"),
            "the Vice President’s Call to Action",
            "$1",
            Unit::Usd,
        );
        rules.apply(&mut money);
        assert_eq!(money.figures[0].measure, "call-to-action-commitments");
        let mut count = claim(Some("X"), "the Call to Action", "1", Unit::Count);
        rules.apply(&mut count);
        assert_eq!(count.figures[0].measure, "usd");
    }

    #[test]
    fn unknown_fields_are_errors_with_position() {
        let err = TopicRules::parse(
            "[[topic]]\nkey = \"a\"\nphrase = [\"x\"]\n",
            Path::new("t.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("t.toml:"), "{err}");
    }
}
