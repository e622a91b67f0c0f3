//! The wire form of a diff report (**contract**: field names, order and omissions as in
//! `docs/diff.schema.json`): one flat record per change, with only the fields that apply.
//! JSON serialises these records; CSV reads its cells from them.

use super::EditionOrder;
use crate::claimset::{Edition, TopicKey};
use crate::diff::{Change, FigurePair, Flag, Report, WordChange};
use crate::figure::Figure;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// The whole report: edition headers, changes, counts by kind, edition flags, which is older.
#[derive(Serialize)]
pub(super) struct ReportWire<'a> {
    old: &'a Edition,
    new: &'a Edition,
    changes: Vec<ChangeWire<'a>>,
    summary: &'a BTreeMap<&'static str, usize>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    flags: &'a [Flag],
    /// `old`, `new`, or `same-date`: which edition is older.
    older: &'static str,
}

impl<'a> ReportWire<'a> {
    /// The wire form of `report`.
    pub(super) fn new(report: &'a Report) -> ReportWire<'a> {
        ReportWire {
            old: &report.old,
            new: &report.new,
            changes: report.changes.iter().map(ChangeWire::new).collect(),
            summary: &report.summary,
            flags: &report.flags,
            older: match EditionOrder::of(report) {
                EditionOrder::OldFirst => "old",
                EditionOrder::SameDate => "same-date",
                EditionOrder::NewFirst => "new",
            },
        }
    }
}

/// One change as a flat record; fields that do not apply are left out.
#[derive(Serialize)]
pub(super) struct ChangeWire<'a> {
    pub(super) kind: &'static str,
    pub(super) topic: &'a TopicKey,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) old_topic: Option<&'a TopicKey>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) heading: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) old_heading: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) measure: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) old: Option<&'a Figure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) new: Option<&'a Figure>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    pub(super) delta: Option<Decimal>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    pub(super) percent: Option<Decimal>,
    /// What `delta` counts when it is not the figures' own unit: `percentage-points` for
    /// two percentages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) delta_unit: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) flags: Vec<Flag>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) reason: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) figures: Option<&'a [Figure]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) old_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) new_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    words: Vec<WordWire<'a>>,
}

/// One piece of a word-level diff: `equal`, `delete` or `insert`, and its words.
#[derive(Serialize)]
struct WordWire<'a> {
    tag: &'static str,
    text: &'a str,
}

impl<'a> ChangeWire<'a> {
    /// The wire form of `change`.
    pub(super) fn new(change: &'a Change) -> ChangeWire<'a> {
        let claim = change.claim();
        let mut w = ChangeWire {
            kind: change.kind().as_str(),
            topic: &claim.topic,
            old_topic: None,
            heading: claim.heading.as_deref(),
            old_heading: None,
            measure: change.measure(),
            old: None,
            new: None,
            delta: None,
            percent: None,
            delta_unit: None,
            flags: change.flags(),
            reason: None,
            score: None,
            figures: None,
            old_text: None,
            new_text: None,
            words: Vec::new(),
        };
        match change {
            Change::FigureChanged {
                pair,
                delta,
                percent,
            } => {
                w.figure_pair(pair);
                w.delta = *delta;
                w.percent = *percent;
                if pair.new.unit == crate::figure::Unit::Percent && delta.is_some() {
                    w.delta_unit = Some("percentage-points");
                }
            }
            Change::QualifierChanged(pair) | Change::Rescaled(pair) => w.figure_pair(pair),
            Change::TopicRenamed {
                old_topic,
                old_heading,
                reason,
                score,
                ..
            } => {
                w.old_topic = Some(old_topic);
                w.old_heading = old_heading.as_deref();
                w.reason = Some(reason);
                w.score = *score;
            }
            Change::Reworded {
                reason,
                old_text,
                new_text,
                words,
                ..
            } => {
                w.reason = Some(reason);
                w.old_text = Some(old_text);
                w.new_text = Some(new_text);
                w.words = words.iter().map(WordWire::new).collect();
            }
            Change::FigureAdded { figure, .. } => w.new = Some(figure),
            Change::FigureDropped {
                old_topic, figure, ..
            } => {
                w.old_topic = old_topic.as_ref();
                w.old = Some(figure);
            }
            Change::ClaimAdded { text, figures, .. } => {
                w.new_text = text.as_deref();
                w.figures = Some(figures);
            }
            Change::ClaimDropped { text, figures, .. } => {
                w.old_text = text.as_deref();
                w.figures = Some(figures);
            }
        }
        w
    }

    /// The fields of two paired figures.
    fn figure_pair(&mut self, pair: &'a FigurePair) {
        self.old_topic = pair.old_topic.as_ref();
        self.old = Some(&pair.old);
        self.new = Some(&pair.new);
        self.reason = Some(&pair.reason);
    }
}

impl<'a> WordWire<'a> {
    fn new(word: &'a WordChange) -> WordWire<'a> {
        WordWire {
            tag: word.tag,
            text: &word.text,
        }
    }
}
