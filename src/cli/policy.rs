//! `check --fail-on` and `diff --exit-code`: what fires on a report, and the one stderr line
//! that names it (`factdiff: policy failed: decrease (2), dropped (5)`).

use super::exit::Exit;
use super::CliError;
use factdiff::diff::{Flag, Report};

/// One thing a policy can fail on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// Any change at all.
    Any,
    /// A change carrying this flag.
    Flag(Flag),
}

impl Trigger {
    fn name(self) -> &'static str {
        match self {
            Trigger::Any => "any",
            Trigger::Flag(f) => f.as_str(),
        }
    }

    /// How many changes (or edition-wide flags) set it off.
    fn count(self, report: &Report) -> usize {
        match self {
            Trigger::Any => report.changes.len() + report.flags.len(),
            Trigger::Flag(f) => report.flag_count(f),
        }
    }
}

/// The triggers asked for, in the order given, each once.
#[derive(Debug, Default)]
pub struct Policy(Vec<Trigger>);

impl Policy {
    /// `diff --exit-code`: any change.
    pub fn any_change() -> Policy {
        Policy(vec![Trigger::Any])
    }

    /// `--fail-on decrease,hedged,…`: the flags `check` knows, and `any`.
    pub fn parse(names: &[String]) -> Result<Policy, CliError> {
        let mut triggers = Vec::new();
        for name in names {
            let trigger = match name.trim() {
                "any" => Trigger::Any,
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
                            "--fail-on: unknown flag {n:?}; use decrease, target-changed, hedged, dropped, republished or any"
                        )))
                    }
                },
            };
            if !triggers.contains(&trigger) {
                triggers.push(trigger);
            }
        }
        Ok(Policy(triggers))
    }

    /// What fired on `report`: each trigger that did, with its count.
    pub fn fired(&self, report: &Report) -> Fired {
        Fired(
            self.0
                .iter()
                .map(|t| (t.name(), t.count(report)))
                .filter(|&(_, n)| n > 0)
                .collect(),
        )
    }
}

/// The triggers that fired, with their counts.
#[derive(Debug, PartialEq, Eq)]
pub struct Fired(Vec<(&'static str, usize)>);

impl Fired {
    /// `factdiff: policy failed: decrease (2), dropped (5)`, when anything fired.
    pub fn line(&self) -> Option<String> {
        if self.0.is_empty() {
            return None;
        }
        let parts: Vec<String> = self.0.iter().map(|(n, c)| format!("{n} ({c})")).collect();
        Some(format!("factdiff: policy failed: {}", parts.join(", ")))
    }

    /// Prints the line on stderr when anything fired, and gives the exit code. Called after
    /// the output is written, whether or not its reader kept the pipe open.
    pub fn exit(&self) -> Exit {
        match self.line() {
            Some(line) => {
                eprintln!("{line}");
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
        assert_eq!(
            p.0,
            [
                Trigger::Flag(Flag::Dropped),
                Trigger::Flag(Flag::Decrease),
                Trigger::Any
            ]
        );
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
        let fired = Fired(vec![("decrease", 2), ("dropped", 5)]);
        assert_eq!(
            fired.line().as_deref(),
            Some("factdiff: policy failed: decrease (2), dropped (5)")
        );
        assert_eq!(Fired(Vec::new()).line(), None);
        assert_eq!(Fired(Vec::new()).exit(), Exit::Success);
    }
}
