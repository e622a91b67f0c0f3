//! Diffing: an alignment of two editions → changes with exact deltas and watchdog flags,
//! gathered in one [`Report`].

use crate::align::{align, AlignSettings, Alignment, FigureAt};
use crate::claimset::{Claim, ClaimSet, Edition, TopicKey};
use crate::figure::{Figure, FigureClass, Qualifier, Unit};
use crate::topics::TopicRules;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// What kind of change (**contract**: the kebab-case names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// A figure's value moved.
    FigureChanged,
    /// Only the qualifier moved ("more than" → "up to").
    QualifierChanged,
    /// The claim's words changed outside its figures (or a figure was re-written at another scale).
    TextChanged,
    /// A claim was paired under another topic key.
    TopicRenamed,
    /// A figure appeared in a paired claim.
    FigureAdded,
    /// A figure left a paired claim.
    FigureDropped,
    /// A claim appeared.
    ClaimAdded,
    /// A claim left.
    ClaimDropped,
}

impl ChangeKind {
    /// Every kind, in report order.
    pub const ALL: [ChangeKind; 8] = [
        ChangeKind::FigureChanged,
        ChangeKind::QualifierChanged,
        ChangeKind::TextChanged,
        ChangeKind::TopicRenamed,
        ChangeKind::FigureAdded,
        ChangeKind::FigureDropped,
        ChangeKind::ClaimAdded,
        ChangeKind::ClaimDropped,
    ];

    /// The contract name, e.g. `figure-changed`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::FigureChanged => "figure-changed",
            ChangeKind::QualifierChanged => "qualifier-changed",
            ChangeKind::TextChanged => "text-changed",
            ChangeKind::TopicRenamed => "topic-renamed",
            ChangeKind::FigureAdded => "figure-added",
            ChangeKind::FigureDropped => "figure-dropped",
            ChangeKind::ClaimAdded => "claim-added",
            ChangeKind::ClaimDropped => "claim-dropped",
        }
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A watchdog signal on a change or a history row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flag {
    /// A running total or plain count or amount fell (never a per-period amount or a goal).
    Decrease,
    /// A goal changed ("by 2030", "target").
    TargetChanged,
    /// The qualifier moved from exact/over/at-least to nearly/approximately/up-to.
    Hedged,
    /// The qualifier moved the other way.
    Firmed,
    /// Same value written at another scale ("$4.2 billion" → "$4,200 million").
    Rescaled,
    /// A figure left without a replacement.
    Dropped,
    /// The same value in three or more editions in a row (history).
    Stale,
    /// Absent from an edition, then back (history).
    Gap,
    /// Another release under the same date with different content.
    Republished,
}

impl Flag {
    /// The contract name, e.g. `hedged`.
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::Decrease => "decrease",
            Flag::TargetChanged => "target-changed",
            Flag::Hedged => "hedged",
            Flag::Firmed => "firmed",
            Flag::Rescaled => "rescaled",
            Flag::Dropped => "dropped",
            Flag::Stale => "stale",
            Flag::Gap => "gap",
            Flag::Republished => "republished",
        }
    }

    /// Parses a contract name.
    pub fn parse(name: &str) -> Option<Flag> {
        [
            Flag::Decrease,
            Flag::TargetChanged,
            Flag::Hedged,
            Flag::Firmed,
            Flag::Rescaled,
            Flag::Dropped,
            Flag::Stale,
            Flag::Gap,
            Flag::Republished,
        ]
        .into_iter()
        .find(|f| f.as_str() == name)
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One word-level piece of a text change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordChange {
    /// `equal`, `delete` or `insert`.
    pub tag: &'static str,
    /// The words.
    pub text: String,
}

/// The claim a change is about: its topic key and heading (the new side's, where there is one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRef {
    /// The topic key.
    pub topic: TopicKey,
    /// The claim's heading, when it has one.
    pub heading: Option<String>,
}

impl ClaimRef {
    fn of(claim: &Claim) -> ClaimRef {
        ClaimRef {
            topic: claim.topic.clone(),
            heading: claim.heading.clone(),
        }
    }
}

/// Two paired figures of paired claims, each with its resolved measure.
#[derive(Debug, Clone, PartialEq)]
pub struct FigurePair {
    /// The new side's claim.
    pub claim: ClaimRef,
    /// The old side's key, when the figure moved from a claim under another key.
    pub old_topic: Option<TopicKey>,
    /// The old figure.
    pub old: Figure,
    /// The new figure; its measure is the pair's.
    pub new: Figure,
    /// How the pair was matched.
    pub reason: String,
}

/// One change between two editions; each variant carries only what applies to it.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A figure's value (or the top of its range) moved.
    FigureChanged {
        /// The two figures.
        pair: FigurePair,
        /// new − old, exact; none when beyond the decimal range (hand-edited claim sets).
        delta: Option<Decimal>,
        /// delta ÷ old × 100, rounded to one decimal place; none when old is zero.
        percent: Option<Decimal>,
    },
    /// Only the qualifier moved ("more than" → "up to").
    QualifierChanged(FigurePair),
    /// The same value written at another scale ("$4.2 billion" → "$4,200 million"): kind
    /// `text-changed`, flag `rescaled`.
    Rescaled(FigurePair),
    /// A claim was paired under another topic key.
    TopicRenamed {
        /// The new side's claim.
        claim: ClaimRef,
        /// The old key.
        old_topic: TopicKey,
        /// The old heading.
        old_heading: Option<String>,
        /// How the pair was matched.
        reason: String,
        /// The similarity score, when similarity made the pair.
        score: Option<f64>,
    },
    /// A paired claim's words changed outside its figures: kind `text-changed`.
    Reworded {
        /// The new side's claim.
        claim: ClaimRef,
        /// How the pair was matched.
        reason: String,
        /// The old claim's words.
        old_text: String,
        /// The new claim's words.
        new_text: String,
        /// Word-level diff of `old_text` → `new_text`.
        words: Vec<WordChange>,
    },
    /// A figure appeared in a paired claim.
    FigureAdded {
        /// The claim it appeared in.
        claim: ClaimRef,
        /// The figure.
        figure: Figure,
    },
    /// A figure left a paired claim (flag `dropped`).
    FigureDropped {
        /// The new side's claim paired with the one it left.
        claim: ClaimRef,
        /// The old claim's key, when it differs.
        old_topic: Option<TopicKey>,
        /// The figure.
        figure: Figure,
    },
    /// A claim appeared.
    ClaimAdded {
        /// The claim.
        claim: ClaimRef,
        /// Its words, when kept.
        text: Option<String>,
        /// The figures that arrive with it.
        figures: Vec<Figure>,
    },
    /// A claim left (flag `dropped` when figures left with it).
    ClaimDropped {
        /// The claim.
        claim: ClaimRef,
        /// Its words, when kept.
        text: Option<String>,
        /// The figures that leave with it.
        figures: Vec<Figure>,
    },
}

impl Change {
    /// The contract kind of this change.
    pub fn kind(&self) -> ChangeKind {
        match self {
            Change::FigureChanged { .. } => ChangeKind::FigureChanged,
            Change::QualifierChanged(_) => ChangeKind::QualifierChanged,
            Change::Rescaled(_) | Change::Reworded { .. } => ChangeKind::TextChanged,
            Change::TopicRenamed { .. } => ChangeKind::TopicRenamed,
            Change::FigureAdded { .. } => ChangeKind::FigureAdded,
            Change::FigureDropped { .. } => ChangeKind::FigureDropped,
            Change::ClaimAdded { .. } => ChangeKind::ClaimAdded,
            Change::ClaimDropped { .. } => ChangeKind::ClaimDropped,
        }
    }

    /// The claim the change is about (the new side's, where there is one).
    pub fn claim(&self) -> &ClaimRef {
        match self {
            Change::FigureChanged { pair, .. }
            | Change::QualifierChanged(pair)
            | Change::Rescaled(pair) => &pair.claim,
            Change::TopicRenamed { claim, .. }
            | Change::Reworded { claim, .. }
            | Change::FigureAdded { claim, .. }
            | Change::FigureDropped { claim, .. }
            | Change::ClaimAdded { claim, .. }
            | Change::ClaimDropped { claim, .. } => claim,
        }
    }

    /// The topic key (the new edition's where there is one).
    pub fn topic(&self) -> &TopicKey {
        &self.claim().topic
    }

    /// The measure of the figure the change is about, for figure changes.
    pub fn measure(&self) -> Option<&str> {
        match self {
            Change::FigureChanged { pair, .. }
            | Change::QualifierChanged(pair)
            | Change::Rescaled(pair) => Some(&pair.new.measure),
            Change::FigureAdded { figure, .. } | Change::FigureDropped { figure, .. } => {
                Some(&figure.measure)
            }
            _ => None,
        }
    }

    /// new − old, for changed figures.
    pub fn delta(&self) -> Option<Decimal> {
        match self {
            Change::FigureChanged { delta, .. } => *delta,
            _ => None,
        }
    }

    /// The watchdog flags on this change, in flag order.
    pub fn flags(&self) -> Vec<Flag> {
        match self {
            Change::FigureChanged { pair, delta, .. } => {
                let fell = delta.is_some_and(|d| d.is_sign_negative() && !d.is_zero());
                let classes = [pair.old.class, pair.new.class];
                let target = classes.contains(&FigureClass::Target);
                // One round's amount smaller than the last round's is no fall of a total.
                let per_period = classes.contains(&FigureClass::PerPeriod);
                let mut flags = Vec::new();
                if target {
                    flags.push(Flag::TargetChanged);
                } else if fell && !per_period && matches!(pair.new.unit, Unit::Count | Unit::Usd) {
                    flags.push(Flag::Decrease);
                }
                flags.extend(qualifier_flag(pair.old.qualifier, pair.new.qualifier));
                flags
            }
            Change::QualifierChanged(pair) => {
                qualifier_flag(pair.old.qualifier, pair.new.qualifier)
                    .into_iter()
                    .collect()
            }
            Change::Rescaled(_) => vec![Flag::Rescaled],
            Change::FigureDropped { .. } => vec![Flag::Dropped],
            Change::ClaimDropped { figures, .. } if !figures.is_empty() => vec![Flag::Dropped],
            _ => Vec::new(),
        }
    }
}

/// All changes between two editions, with their headers and counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The old edition's header.
    pub old: Edition,
    /// The new edition's header.
    pub new: Edition,
    /// The changes, in report order (changed figures first).
    pub changes: Vec<Change>,
    /// How many changes of each kind (every kind listed).
    pub summary: BTreeMap<&'static str, usize>,
    /// Flags on the pair of editions as a whole (`republished`).
    pub flags: Vec<Flag>,
}

impl Report {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// True when any change carries `flag` (`dropped` also counts dropped claims and figures).
    pub fn has_flag(&self, flag: Flag) -> bool {
        self.flag_count(flag) > 0
    }

    /// How many changes carry `flag` (`dropped` also counts dropped claims and figures), plus
    /// one when the pair of editions as a whole carries it (`republished`).
    pub fn flag_count(&self, flag: Flag) -> usize {
        usize::from(self.flags.contains(&flag))
            + self
                .changes
                .iter()
                .filter(|c| {
                    c.flags().contains(&flag)
                        || (flag == Flag::Dropped
                            && matches!(
                                c,
                                Change::ClaimDropped { .. } | Change::FigureDropped { .. }
                            ))
                })
                .count()
    }
}

/// Compares two editions.
pub fn diff(old: &ClaimSet, new: &ClaimSet, rules: &TopicRules, settings: AlignSettings) -> Report {
    let al = align(old, new, rules, settings);
    let mut changes = Vec::new();
    figure_changes(old, new, &al, &mut changes);
    claim_changes(old, new, &al, &mut changes);
    unpaired_figures(old, new, &al, &mut changes);
    // Stable report order: by kind, then by where the change sits in the new (else old) edition.
    changes.sort_by_key(|(pos, c): &(Position, Change)| (c.kind(), *pos));
    let changes: Vec<Change> = changes.into_iter().map(|(_, c)| c).collect();
    let mut summary: BTreeMap<&'static str, usize> =
        ChangeKind::ALL.iter().map(|k| (k.as_str(), 0)).collect();
    for c in &changes {
        *summary.entry(c.kind().as_str()).or_default() += 1;
    }
    Report {
        old: old.edition.clone(),
        new: new.edition.clone(),
        changes,
        summary,
        flags: Vec::new(),
    }
}

/// Where a change sits: (side rank, claim, figure) — new side first, then old-only things.
type Position = (u8, usize, usize);

fn figure(set: &ClaimSet, at: FigureAt) -> &Figure {
    &set.claims[at.0].figures[at.1]
}

fn with_measure(f: &Figure, measure: Option<&String>) -> Figure {
    let mut f = f.clone();
    if let Some(m) = measure {
        f.measure = m.clone();
    }
    f
}

fn figure_changes(
    old: &ClaimSet,
    new: &ClaimSet,
    al: &Alignment,
    out: &mut Vec<(Position, Change)>,
) {
    for pair in &al.figures {
        let a = with_measure(figure(old, pair.old), al.old_measures.get(&pair.old));
        let b = with_measure(figure(new, pair.new), al.new_measures.get(&pair.new));
        let (old_claim, new_claim) = (&old.claims[pair.old.0], &new.claims[pair.new.0]);
        let value_moved = a.value != b.value || a.max != b.max;
        let pair_of = |old_fig: Figure, new_fig: Figure| FigurePair {
            claim: ClaimRef::of(new_claim),
            old_topic: (old_claim.topic != new_claim.topic).then(|| old_claim.topic.clone()),
            old: old_fig,
            new: new_fig,
            reason: pair.reason.describe().to_string(),
        };
        let change = if value_moved {
            // A difference beyond the decimal range (only from hand-edited claim sets) has no delta.
            let raw = b.value.checked_sub(a.value);
            let percent = raw.and_then(|d| percent(a.value, d));
            let delta = raw.map(|d| d.normalize());
            Change::FigureChanged {
                pair: pair_of(a, b),
                delta,
                percent,
            }
        } else if a.qualifier != b.qualifier {
            Change::QualifierChanged(pair_of(a, b))
        } else if written_scale(&a.written) != written_scale(&b.written) {
            Change::Rescaled(pair_of(a, b))
        } else {
            continue;
        };
        out.push(((0, pair.new.0, pair.new.1), change));
    }
}

fn claim_changes(
    old: &ClaimSet,
    new: &ClaimSet,
    al: &Alignment,
    out: &mut Vec<(Position, Change)>,
) {
    for pair in &al.claims {
        let (a, b) = (&old.claims[pair.old], &new.claims[pair.new]);
        // A derived key (no heading on either side) names no topic of its own: a changed one
        // is just re-worded text, reported as such, not as a renamed topic.
        if a.topic != b.topic && (a.heading.is_some() || b.heading.is_some()) {
            let score = match pair.reason {
                crate::align::ClaimReason::Similar { score } => Some(score),
                _ => None,
            };
            let c = Change::TopicRenamed {
                claim: ClaimRef::of(b),
                old_topic: a.topic.clone(),
                old_heading: a.heading.clone(),
                reason: pair.reason.describe(),
                score,
            };
            out.push(((0, pair.new, 0), c));
        }
        if let (Some(ta), Some(tb)) = (&a.text, &b.text) {
            let (wa, wb) = (outside_figures(ta, a), outside_figures(tb, b));
            if wa != wb {
                let c = Change::Reworded {
                    claim: ClaimRef::of(b),
                    reason: pair.reason.describe(),
                    old_text: ta.clone(),
                    new_text: tb.clone(),
                    words: word_diff(ta, tb),
                };
                out.push(((0, pair.new, usize::MAX), c));
            }
        }
    }
    let unpaired_figures =
        |set: &ClaimSet, ci: usize, left: &[FigureAt], measures: &BTreeMap<FigureAt, String>| {
            set.claims[ci]
                .figures
                .iter()
                .enumerate()
                .filter(|(fi, _)| left.contains(&(ci, *fi)))
                .map(|(fi, f)| with_measure(f, measures.get(&(ci, fi))))
                .collect::<Vec<_>>()
        };
    for &j in &al.new_only {
        let claim = &new.claims[j];
        let c = Change::ClaimAdded {
            claim: ClaimRef::of(claim),
            text: claim.text.clone(),
            figures: unpaired_figures(new, j, &al.new_figures_only, &al.new_measures),
        };
        out.push(((0, j, 0), c));
    }
    for &i in &al.old_only {
        let claim = &old.claims[i];
        let c = Change::ClaimDropped {
            claim: ClaimRef::of(claim),
            text: claim.text.clone(),
            figures: unpaired_figures(old, i, &al.old_figures_only, &al.old_measures),
        };
        out.push(((1, i, 0), c));
    }
}

fn unpaired_figures(
    old: &ClaimSet,
    new: &ClaimSet,
    al: &Alignment,
    out: &mut Vec<(Position, Change)>,
) {
    let paired_new: Vec<usize> = al.claims.iter().map(|p| p.new).collect();
    let paired_old: Vec<usize> = al.claims.iter().map(|p| p.old).collect();
    for &at in &al.new_figures_only {
        if paired_new.contains(&at.0) {
            let c = Change::FigureAdded {
                claim: ClaimRef::of(&new.claims[at.0]),
                figure: with_measure(figure(new, at), al.new_measures.get(&at)),
            };
            out.push(((0, at.0, at.1), c));
        }
    }
    for &at in &al.old_figures_only {
        if let Some(p) = al.claims.iter().find(|p| p.old == at.0) {
            let (old_claim, new_claim) = (&old.claims[at.0], &new.claims[p.new]);
            let c = Change::FigureDropped {
                claim: ClaimRef::of(new_claim),
                old_topic: (old_claim.topic != new_claim.topic).then(|| old_claim.topic.clone()),
                figure: with_measure(figure(old, at), al.old_measures.get(&at)),
            };
            out.push(((0, p.new, usize::MAX - 1 - at.1), c));
        } else {
            debug_assert!(!paired_old.contains(&at.0));
        }
    }
}

/// The scale word a number was written with ("4.2 billion" → "billion"), or "".
pub fn written_scale(written: &str) -> &str {
    const SCALES: [&str; 9] = [
        "thousand", "million", "billion", "trillion", "k", "m", "b", "mn", "bn",
    ];
    written
        .rsplit(|c: char| c.is_whitespace() || c.is_ascii_digit() || c == '.' || c == ',')
        .find(|w| !w.is_empty())
        .filter(|w| SCALES.contains(&w.to_ascii_lowercase().as_str()))
        .map(|w| match w.to_ascii_lowercase().as_str() {
            "k" | "thousand" => "thousand",
            "m" | "mn" | "million" => "million",
            "b" | "bn" | "billion" => "billion",
            _ => "trillion",
        })
        .unwrap_or("")
}

/// delta ÷ old × 100 to one decimal, exact; none when old is zero.
fn percent(old: Decimal, delta: Decimal) -> Option<Decimal> {
    if old.is_zero() {
        return None;
    }
    let p = delta.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(old)?;
    Some(p.round_dp(1).normalize())
}

/// Hedged when a firm or floor qualifier turns soft, firmed the other way.
pub fn qualifier_flag(old: Qualifier, new: Qualifier) -> Option<Flag> {
    match (old.is_firm(), new.is_firm()) {
        (true, false) => Some(Flag::Hedged),
        (false, true) => Some(Flag::Firmed),
        _ => None,
    }
}

/// A claim's words with its figures' quotes cut out, folded, so that only
/// changes outside the figures count as text changes.
fn outside_figures(text: &str, claim: &Claim) -> Vec<String> {
    let mut rest = text.to_string();
    for f in &claim.figures {
        if !f.quote.is_empty() {
            rest = rest.replacen(&f.quote, " ", 1);
        }
    }
    crate::text::fold(&rest)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Word-level diff of two texts. Changed words separated only by spaces come out as one
/// deleted run and one inserted run, so a re-worded phrase reads as a phrase.
pub fn word_diff(old: &str, new: &str) -> Vec<WordChange> {
    let diff = similar::TextDiff::from_words(old, new);
    let chunks: Vec<(similar::ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    let mut out: Vec<WordChange> = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let flush = |out: &mut Vec<WordChange>, deleted: &mut String, inserted: &mut String| {
        for (tag, text) in [("delete", deleted), ("insert", inserted)] {
            if !text.trim().is_empty() {
                out.push(WordChange {
                    tag,
                    text: text.trim_end().to_string(),
                });
            }
            text.clear();
        }
    };
    for (i, &(tag, text)) in chunks.iter().enumerate() {
        match tag {
            similar::ChangeTag::Delete => deleted.push_str(text),
            similar::ChangeTag::Insert => inserted.push_str(text),
            similar::ChangeTag::Equal => {
                let in_change = !deleted.is_empty() || !inserted.is_empty();
                let more_change = chunks
                    .get(i + 1)
                    .is_some_and(|(t, _)| *t != similar::ChangeTag::Equal);
                if in_change && more_change && text.trim().is_empty() {
                    deleted.push_str(text);
                    inserted.push_str(text);
                    continue;
                }
                let had_trailing_space = deleted.ends_with(' ') || inserted.ends_with(' ');
                flush(&mut out, &mut deleted, &mut inserted);
                let mut text = text.to_string();
                if had_trailing_space && !text.starts_with(' ') {
                    text.insert(0, ' ');
                }
                match out.last_mut() {
                    Some(last) if last.tag == "equal" => last.text.push_str(&text),
                    _ => out.push(WordChange { tag: "equal", text }),
                }
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_groups_phrases() {
        let w = word_diff(
            "create more than 90,000 jobs in the region",
            "create up to an estimated 250,000 jobs in the region",
        );
        let changed: Vec<(&str, &str)> = w
            .iter()
            .filter(|c| c.tag != "equal")
            .map(|c| (c.tag, c.text.as_str()))
            .collect();
        assert_eq!(
            changed,
            [
                ("delete", "more than 90,000"),
                ("insert", "up to an estimated 250,000")
            ]
        );
        let joined: String = w
            .iter()
            .filter(|c| c.tag != "insert")
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(
            joined.split_whitespace().collect::<Vec<_>>().join(" "),
            "create more than 90,000 jobs in the region"
        );
    }

    #[test]
    fn written_scales_are_found() {
        let cases = [
            ("4.2 billion", "billion"),
            ("4,200 million", "million"),
            ("90,000", ""),
            ("1.2B", "billion"),
            ("500K", "thousand"),
            ("three million", "million"),
        ];
        for (w, want) in cases {
            assert_eq!(written_scale(w), want, "{w}");
        }
    }

    #[test]
    fn qualifier_flags() {
        use Qualifier::*;
        assert_eq!(qualifier_flag(Over, UpTo), Some(Flag::Hedged));
        assert_eq!(qualifier_flag(Nearly, UpTo), None);
        assert_eq!(qualifier_flag(UpTo, Exact), Some(Flag::Firmed));
        assert_eq!(qualifier_flag(Over, AtLeast), None);
    }

    #[test]
    fn percent_is_exact_and_rounded() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(percent(d("90000"), d("160000")), Some(d("177.8")));
        assert_eq!(percent(d("18"), d("-2")), Some(d("-11.1")));
        assert_eq!(percent(d("0"), d("5")), None);
    }
}
