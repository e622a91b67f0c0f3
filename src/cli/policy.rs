//! `check --fail-on` and `diff --exit-code`: what fires on a report, and the one stderr line
//! that names it (`factdiff: policy failed: decrease (2), dropped (5)`).
//!
//! A rule is a flag (`decrease`, `hedged`, `dropped`, `republished`), `any` (any change) or
//! `new-series` (the pull matched no stored series), optionally with a threshold:
//! `dropped>=3` fires on three or more, `decrease>=5%` on decreases of 5 % or more. Changes an
//! accept file acknowledges ([`AcceptList`]) are not counted.

use super::exit::Exit;
use super::CliError;
use factdiff::accept::AcceptList;
use factdiff::diff::{Change, Flag, Report};
use rust_decimal::Decimal;

/// One thing a policy can fail on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// Any change at all.
    Any,
    /// A change carrying this flag.
    Flag(Flag),
    /// `check`: no stored series matched the pull.
    NewSeries,
}

impl Trigger {
    fn name(self) -> &'static str {
        match self {
            Trigger::Any => "any",
            Trigger::Flag(f) => f.as_str(),
            Trigger::NewSeries => "new-series",
        }
    }

    /// True when `change` counts towards the trigger.
    fn counts(self, change: &Change) -> bool {
        match self {
            Trigger::Any => true,
            Trigger::NewSeries => false,
            Trigger::Flag(f) => {
                change.flags().contains(&f)
                    || (f == Flag::Dropped
                        && matches!(
                            change,
                            Change::ClaimDropped { .. } | Change::FigureDropped { .. }
                        ))
            }
        }
    }
}

/// How much of a trigger it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Threshold {
    /// At least this many changes (1 when none is written).
    Count(usize),
    /// At least one change whose value moved by this many percent or more (`decrease>=5%`).
    Percent(Decimal),
}

/// A trigger with its threshold, as written (`decrease>=5%`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    trigger: Trigger,
    threshold: Threshold,
    /// The rule as the policy line names it.
    name: String,
}

impl Rule {
    /// How many changes (or edition-wide flags) set it off, accepted ones left out.
    fn count(&self, report: &Report, accept: &AcceptList) -> usize {
        let edition_wide = match self.trigger {
            Trigger::Any => report.flags.len(),
            Trigger::Flag(f) => usize::from(report.flags.contains(&f)),
            Trigger::NewSeries => 0,
        };
        let changes = report
            .changes
            .iter()
            .filter(|c| self.trigger.counts(c) && !accept.accepts(c))
            .filter(|c| match self.threshold {
                Threshold::Count(_) => true,
                Threshold::Percent(p) => match c {
                    // A change without a percentage (from zero, or beyond the range) counts.
                    Change::FigureChanged { percent, .. } => percent.is_none_or(|x| x.abs() >= p),
                    _ => false,
                },
            })
            .count();
        edition_wide + changes
    }

    fn fires(&self, n: usize) -> bool {
        match self.threshold {
            Threshold::Count(min) => n >= min,
            Threshold::Percent(_) => n >= 1,
        }
    }
}

/// The rules asked for, in the order given, each once, and the accepted changes.
#[derive(Debug, Default)]
pub struct Policy {
    rules: Vec<Rule>,
    accept: AcceptList,
}

const KNOWN: &str =
    "use decrease, target-changed, hedged, dropped, republished, any or new-series, optionally with a threshold (dropped>=3, decrease>=5%)";

impl Policy {
    /// `diff --exit-code`: any change.
    pub fn any_change() -> Policy {
        Policy {
            rules: vec![Rule {
                trigger: Trigger::Any,
                threshold: Threshold::Count(1),
                name: "any".into(),
            }],
            accept: AcceptList::default(),
        }
    }

    /// `--fail-on decrease,hedged>=2,decrease>=5%,…`: the flags `check` knows, `any` and
    /// `new-series`, each with an optional threshold.
    pub fn parse(names: &[String]) -> Result<Policy, CliError> {
        let mut rules: Vec<Rule> = Vec::new();
        for name in names {
            let spec = name.trim();
            let (flag, threshold) = match spec.split_once(">=") {
                Some((f, t)) => (f.trim(), Some(t.trim())),
                None => (spec, None),
            };
            let trigger = match flag {
                "any" => Trigger::Any,
                "new-series" => Trigger::NewSeries,
                n => match Flag::parse(n).filter(|f| {
                    matches!(
                        f,
                        Flag::Decrease
                            | Flag::TargetChanged
                            | Flag::Hedged
                            | Flag::Dropped
                            | Flag::Republished
                    )
                }) {
                    Some(f) => Trigger::Flag(f),
                    None => {
                        return Err(CliError::Message(format!(
                            "--fail-on: unknown flag {n:?}; {KNOWN}"
                        )))
                    }
                },
            };
            let bad = |why: &str| CliError::Message(format!("--fail-on: {spec:?}: {why}; {KNOWN}"));
            let threshold = match threshold {
                None => Threshold::Count(1),
                Some(t) => match t.strip_suffix('%') {
                    Some(p) => {
                        if trigger != Trigger::Flag(Flag::Decrease) {
                            return Err(bad("a percentage threshold applies to decrease only"));
                        }
                        match p.trim().parse::<Decimal>() {
                            Ok(p) if p >= Decimal::ZERO => Threshold::Percent(p),
                            _ => return Err(bad("expected a percentage like 5%")),
                        }
                    }
                    None => match t.parse::<usize>() {
                        Ok(n) if n >= 1 => Threshold::Count(n),
                        _ => return Err(bad("expected a count of 1 or more")),
                    },
                },
            };
            let name = match threshold {
                Threshold::Count(1) if !spec.contains(">=") => trigger.name().to_string(),
                Threshold::Count(n) => format!("{}>={n}", trigger.name()),
                Threshold::Percent(p) => format!("{}>={p}%", trigger.name()),
            };
            let rule = Rule {
                trigger,
                threshold,
                name,
            };
            if !rules.contains(&rule) {
                rules.push(rule);
            }
        }
        Ok(Policy {
            rules,
            accept: AcceptList::default(),
        })
    }

    /// Leaves the changes an accept file lists out of every count.
    pub fn with_accept(mut self, accept: AcceptList) -> Policy {
        self.accept = accept;
        self
    }

    /// What fired on `report`: each rule that did, with its count.
    pub fn fired(&self, report: &Report) -> Fired {
        let accepted = if self.accept.is_empty() {
            0
        } else {
            report
                .changes
                .iter()
                .filter(|c| self.accept.accepts(c))
                .count()
        };
        Fired {
            fired: self
                .rules
                .iter()
                .map(|r| (r.name.clone(), r.count(report, &self.accept), r))
                .filter(|(_, n, r)| r.fires(*n))
                .map(|(name, n, _)| (name, n))
                .collect(),
            accepted,
        }
    }

    /// What fired when a pull matched no stored series: `new-series`, when asked for.
    pub fn fired_new_series(&self) -> Fired {
        Fired {
            fired: self
                .rules
                .iter()
                .filter(|r| r.trigger == Trigger::NewSeries)
                .map(|r| (r.name.clone(), 1))
                .collect(),
            accepted: 0,
        }
    }

    /// Nothing compared (a first edition): nothing fires.
    pub fn fired_nothing(&self) -> Fired {
        Fired::default()
    }
}

/// The rules that fired, with their counts, and how many changes were accepted.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Fired {
    fired: Vec<(String, usize)>,
    accepted: usize,
}

impl Fired {
    /// `factdiff: policy failed: decrease (2), dropped (5)`, when anything fired.
    pub fn line(&self) -> Option<String> {
        if self.fired.is_empty() {
            return None;
        }
        let parts: Vec<String> = self
            .fired
            .iter()
            .map(|(n, c)| format!("{n} ({c})"))
            .collect();
        Some(format!("factdiff: policy failed: {}", parts.join(", ")))
    }

    /// Prints the line on stderr when anything fired (and how many accepted changes were left
    /// out), and gives the exit code. Called after the output is written, whether or not its
    /// reader kept the pipe open.
    pub fn exit(&self) -> Exit {
        if self.accepted > 0 {
            warn_line!(
                "factdiff: policy: {} accepted change(s) not counted",
                self.accepted
            );
        }
        match self.line() {
            Some(line) => {
                warn_line!("{line}");
                Exit::PolicyFailed
            }
            None => Exit::Success,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_known_flags_once_in_order() {
        let p = Policy::parse(&names(&["dropped", " decrease", "dropped", "any"])).unwrap();
        let triggers: Vec<Trigger> = p.rules.iter().map(|r| r.trigger).collect();
        assert_eq!(
            triggers,
            [
                Trigger::Flag(Flag::Dropped),
                Trigger::Flag(Flag::Decrease),
                Trigger::Any
            ]
        );
    }

    #[test]
    fn parses_thresholds() {
        let p = Policy::parse(&names(&[
            "decrease>=5%",
            "dropped>=3",
            "new-series",
            "hedged>=1",
        ]))
        .unwrap();
        let rules: Vec<(&str, Threshold)> = p
            .rules
            .iter()
            .map(|r| (r.name.as_str(), r.threshold))
            .collect();
        assert_eq!(
            rules,
            [
                ("decrease>=5%", Threshold::Percent(Decimal::from(5))),
                ("dropped>=3", Threshold::Count(3)),
                ("new-series", Threshold::Count(1)),
                ("hedged>=1", Threshold::Count(1)),
            ]
        );
        for bad in [
            "dropped>=5%",
            "decrease>=x%",
            "dropped>=0",
            "dropped>=",
            "any>=-1",
        ] {
            let err = Policy::parse(&names(&[bad])).unwrap_err();
            assert!(err.to_string().starts_with("--fail-on: "), "{bad}: {err}");
        }
    }

    #[test]
    fn refuses_flags_check_does_not_fail_on() {
        for bad in ["bogus", "stale", "rescaled", ""] {
            let err = Policy::parse(&names(&[bad])).unwrap_err();
            assert!(
                err.to_string().starts_with("--fail-on: unknown flag"),
                "{err}"
            );
        }
    }

    #[test]
    fn line_names_each_trigger_with_its_count() {
        let fired = Fired {
            fired: vec![("decrease".into(), 2), ("dropped>=3".into(), 5)],
            accepted: 0,
        };
        assert_eq!(
            fired.line().as_deref(),
            Some("factdiff: policy failed: decrease (2), dropped>=3 (5)")
        );
        assert_eq!(Fired::default().line(), None);
        assert_eq!(Fired::default().exit(), Exit::Success);
    }
}
