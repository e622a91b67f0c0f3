//! End-to-end tests: they run the `factdiff` binary on fixtures we wrote ourselves.

mod common;
mod test_add;
mod test_check;
mod test_ci_example;
mod test_cli;
mod test_crash;
mod test_diff;
mod test_errors;
mod test_escaping;
mod test_extract;
mod test_fuzz_regressions;
mod test_gold_extract;
mod test_gold_match;
mod test_hardening;
mod test_history;
mod test_hostile;
mod test_pipes;
mod test_properties;
mod test_reports;
mod test_series;
mod test_snapshots;
mod test_store_safety;
mod test_tables;
