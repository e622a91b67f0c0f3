//! Acknowledged changes: an accept file lists changes a person has looked at (label, old value
//! → new value), so that a CI policy stops failing on them while the reports still show them.
//!
//! ```toml
//! # accept.toml
//! [[accept]]
//! label = "Creating Jobs"      # the claim's heading or topic key, as reports show it
//! measure = "jobs"             # optional: only this figure of the claim
//! old = "20000"                # the old value ("20,000", "$1.5 billion", "12%" are read too)
//! new = "18000"                # the new value
//! reason = "methodology revised in the March release"   # optional, for people
//!
//! [[accept]]
//! label = "Inspecting Vessels"
//! old = "18"                   # no `new`: the figure was dropped
//! ```
//!
//! An entry with neither `old` nor `new` accepts the claim-level changes of that claim (claim
//! added or dropped, words or topic changed), never a figure's.

use crate::diff::Change;
use crate::error::{Error, Result};
use crate::figure::Figure;
use crate::text::{fold, slug};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

/// One acknowledged change.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accepted {
    /// The claim's heading or topic key.
    pub label: String,
    /// The figure's measure, when the entry is about one figure of the claim.
    #[serde(default)]
    pub measure: Option<String>,
    /// The old value, as written in the report.
    #[serde(default)]
    pub old: Option<String>,
    /// The new value.
    #[serde(default)]
    pub new: Option<String>,
    /// Why it is accepted (for people; not read).
    #[serde(default)]
    pub reason: Option<String>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AcceptFile {
    #[serde(default)]
    accept: Vec<Accepted>,
}

/// An accept file, read.
#[derive(Debug, Clone, Default)]
pub struct AcceptList {
    /// Where it was read from.
    pub path: PathBuf,
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    label_folded: String,
    label_slug: String,
    measure: Option<String>,
    old: Option<Decimal>,
    new: Option<Decimal>,
}

/// Reads a value as a person copies it from a report: `20,000`, `$1.5 billion`, `12%`,
/// `18000`, `2.5 million`.
fn parse_value(text: &str, path: &Path) -> Result<Decimal> {
    let bad = || {
        Error::Invalid {
        path: path.to_path_buf(),
        message: format!(
            "accept: {text:?} is not a number (write it as the report shows it, e.g. \"20,000\" or \"$1.5 billion\")"
        ),
    }
    };
    let lower = text.trim().to_ascii_lowercase();
    let (number, scale) = match lower.rsplit_once(|c: char| c.is_ascii_whitespace()) {
        Some((n, word)) if word.chars().all(|c| c.is_ascii_alphabetic()) => {
            let scale = match word {
                "thousand" => 1_000u64,
                "million" => 1_000_000,
                "billion" => 1_000_000_000,
                "trillion" => 1_000_000_000_000,
                _ => return Err(bad()),
            };
            (n.to_string(), Some(Decimal::from(scale)))
        }
        _ => (lower, None),
    };
    let cleaned: String = number
        .chars()
        .filter(|c| !matches!(c, ',' | '$' | '%' | ' ' | '\u{a0}'))
        .collect();
    let value = cleaned.parse::<Decimal>().map_err(|_| bad())?;
    match scale {
        Some(s) => value.checked_mul(s).ok_or_else(bad),
        None => Ok(value),
    }
}

impl AcceptList {
    /// Reads an accept file; errors name the line and column.
    pub fn load(path: &Path) -> Result<AcceptList> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        AcceptList::parse(&text, path)
    }

    /// Parses the text of an accept file.
    pub fn parse(text: &str, path: &Path) -> Result<AcceptList> {
        let file: AcceptFile =
            toml::from_str(text).map_err(|e| crate::claimset::toml_error(text, path, &e))?;
        let mut entries = Vec::new();
        for a in file.accept {
            if a.label.trim().is_empty() {
                return Err(Error::Invalid {
                    path: path.to_path_buf(),
                    message: "accept: an entry has an empty label".into(),
                });
            }
            entries.push(Entry {
                label_folded: fold(&a.label),
                label_slug: slug(&a.label),
                measure: a.measure.as_deref().map(slug),
                old: a.old.as_deref().map(|v| parse_value(v, path)).transpose()?,
                new: a.new.as_deref().map(|v| parse_value(v, path)).transpose()?,
            });
        }
        Ok(AcceptList {
            path: path.to_path_buf(),
            entries,
        })
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when it lists nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// True when an entry acknowledges this change.
    pub fn accepts(&self, change: &Change) -> bool {
        self.entries.iter().any(|e| e.accepts(change))
    }
}

impl Entry {
    fn names_claim(&self, change: &Change) -> bool {
        let claim = change.claim();
        let mut topics = vec![claim.topic.as_str()];
        if let Change::FigureDropped {
            old_topic: Some(t), ..
        }
        | Change::TopicRenamed { old_topic: t, .. } = change
        {
            topics.push(t.as_str());
        }
        if let Change::FigureChanged { pair, .. }
        | Change::QualifierChanged(pair)
        | Change::Rescaled(pair) = change
        {
            if let Some(t) = &pair.old_topic {
                topics.push(t.as_str());
            }
        }
        topics
            .iter()
            .any(|t| *t == self.label_slug || fold(t) == self.label_folded)
            || claim
                .heading
                .as_deref()
                .is_some_and(|h| fold(h) == self.label_folded)
    }

    fn measure_ok(&self, f: &Figure) -> bool {
        self.measure.as_deref().is_none_or(|m| m == f.measure)
    }

    fn accepts(&self, change: &Change) -> bool {
        if !self.names_claim(change) {
            return false;
        }
        match change {
            Change::FigureChanged { pair, .. }
            | Change::QualifierChanged(pair)
            | Change::Rescaled(pair) => {
                (self.old.is_some() || self.new.is_some())
                    && self.measure_ok(&pair.new)
                    && self.old.is_none_or(|v| v == pair.old.value)
                    && self.new.is_none_or(|v| v == pair.new.value)
            }
            Change::FigureDropped { figure, .. } => {
                self.new.is_none()
                    && self.old.is_some_and(|v| v == figure.value)
                    && self.measure_ok(figure)
            }
            Change::FigureAdded { figure, .. } => {
                self.old.is_none()
                    && self.new.is_some_and(|v| v == figure.value)
                    && self.measure_ok(figure)
            }
            Change::ClaimAdded { .. }
            | Change::ClaimDropped { .. }
            | Change::Reworded { .. }
            | Change::TopicRenamed { .. } => self.old.is_none() && self.new.is_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_read_as_reports_write_them() {
        let p = Path::new("accept.toml");
        assert_eq!(parse_value("20,000", p).unwrap(), Decimal::from(20000));
        assert_eq!(
            parse_value("$1.5", p).unwrap(),
            "1.5".parse::<Decimal>().unwrap()
        );
        assert_eq!(parse_value("12%", p).unwrap(), Decimal::from(12));
        assert_eq!(
            parse_value("$1.5 billion", p).unwrap(),
            Decimal::from(1_500_000_000u64)
        );
        assert_eq!(
            parse_value("2.5 Million", p).unwrap(),
            Decimal::from(2_500_000)
        );
        assert!(parse_value("many", p).is_err());
        assert!(parse_value("3 dozen", p).is_err());
    }

    #[test]
    fn bad_files_name_the_line() {
        let err =
            AcceptList::parse("[[accept]]\nlable = \"x\"\n", Path::new("a.toml")).unwrap_err();
        assert!(matches!(err, Error::Toml { line: 2, .. }), "{err}");
        let err = AcceptList::parse(
            "[[accept]]\nlabel = \"x\"\nold = \"lots\"\n",
            Path::new("a.toml"),
        )
        .unwrap_err();
        assert!(err.to_string().contains("not a number"), "{err}");
    }
}
