//! The steps of `examples/ci/factdiff.yml`, run on the Harbor fixtures: two scheduled runs.

use crate::common::*;
use std::path::Path;

const FAIL_ON: &str = "decrease,hedged,dropped";

fn code(cmd: &mut assert_cmd::Command) -> i32 {
    let out = cmd.output().unwrap();
    out.status.code().expect("exited")
}

/// `check "$newest" --fail-on …` against the store, as the workflow's policy step runs it.
fn check(store: &Path, pull: &Path) -> i32 {
    code(
        factdiff()
            .arg("--editions")
            .arg(store)
            .arg("check")
            .arg(pull)
            .args(["--fail-on", FAIL_ON, "--quiet"]),
    )
}

/// `add pulls/ --quiet`, then `diff --format markdown >> "$GITHUB_STEP_SUMMARY"`.
fn add_and_summarize(store: &Path, pulls: &Path, summary: &Path) {
    factdiff()
        .arg("--editions")
        .arg(store)
        .args(["add", "--quiet"])
        .arg(pulls)
        .assert()
        .success()
        .stdout("");
    let out = factdiff()
        .arg("--editions")
        .arg(store)
        .args(["diff", "--format", "markdown"])
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::write(summary, out.stdout).unwrap();
}

#[test]
fn scheduled_runs_store_report_and_enforce_policy() {
    let work = tempfile::tempdir().unwrap();
    let store = work.path().join("editions");
    let pulls = work.path().join("pulls");
    let summary = work.path().join("step-summary.md");
    std::fs::create_dir_all(&pulls).unwrap();

    // First run: no store yet, so the workflow skips `check`; two pulls arrive, in date order.
    for ed in ["2022-05-10.md", "2023-03-14.md"] {
        std::fs::copy(fixture(&format!("harbor/{ed}")), pulls.join(ed)).unwrap();
    }
    assert_eq!(
        code(factdiff().arg("--editions").arg(&store).arg("series")),
        2,
        "no store yet: the workflow's guard sees exit 2"
    );
    add_and_summarize(&store, &pulls, &summary);
    let series: Vec<_> = std::fs::read_dir(&store)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert_eq!(series.len(), 1, "one series folder: {series:?}");
    let first = std::fs::read_to_string(&summary).unwrap();
    assert!(
        first.contains("[2022-05-10][1] → [2023-03-14][2]"),
        "{first}"
    );
    assert!(first.contains("### Changed figures"), "{first}");
    // Each changed figure: its label, then each side's sentence, linked to its source.
    assert!(first.contains("\n- **Creating Jobs**"), "{first}");
    assert!(
        first.contains("  - 2023-03-14: Federal grants for "),
        "{first}"
    );

    // Second run: the 2024 pull arrives; `check` runs before `add` and the policy fires.
    let newest = pulls.join("2024-04-02.md");
    std::fs::copy(fixture("harbor/2024-04-02.md"), &newest).unwrap();
    assert_eq!(check(&store, &newest), 1, "decrease/hedged/dropped fire");
    add_and_summarize(&store, &pulls, &summary);
    let second = std::fs::read_to_string(&summary).unwrap();
    assert!(
        second.contains("[2023-03-14][1] → [2024-04-02][2]"),
        "{second}"
    );
    assert!(second.contains("### Changed figures"), "{second}");
    assert!(second.contains("#:~:text="), "{second}");
    assert!(
        second.contains("decrease") && second.contains("hedged"),
        "{second}"
    );

    // A pull already stored is checked against itself: nothing fires. This is why the
    // workflow checks before it adds.
    assert_eq!(check(&store, &newest), 0);

    // Third run with nothing new: add skips everything and the summary is unchanged.
    add_and_summarize(&store, &pulls, &summary);
    assert_eq!(std::fs::read_to_string(&summary).unwrap(), second);
}
