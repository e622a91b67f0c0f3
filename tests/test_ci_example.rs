//! The steps of `examples/ci/factdiff.yml`, run on the Harbor fixtures: four scheduled runs,
//! with the workflow's policy (thresholds) and an accept file.

use crate::common::*;
use std::path::Path;

/// `FAIL_ON` in the workflow.
const FAIL_ON: &str = "decrease>=5%,hedged,dropped>=3";

/// One run of the job's steps: add every pull, check the newest (with the accept file when it
/// exists), write the job summary. Returns the check step's exit code and its stderr.
fn scheduled_run(store: &Path, pulls: &Path, accept: &Path, summary: &Path) -> (i32, String) {
    // Add the pulls to the store.
    factdiff()
        .arg("add")
        .arg(pulls)
        .arg("--quiet")
        .arg("--editions")
        .arg(store)
        .assert()
        .success()
        .stdout("");
    // Check the newest pull against policy.
    let mut names: Vec<String> = std::fs::read_dir(pulls)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let newest = pulls.join(names.last().unwrap());
    let mut check = factdiff();
    check
        .arg("--editions")
        .arg(store)
        .arg("check")
        .arg(&newest)
        .args(["--fail-on", FAIL_ON]);
    if accept.exists() {
        check.arg("--accept").arg(accept);
    }
    let out = check.args(["--format", "markdown"]).output().unwrap();
    let code = out.status.code().expect("exited");
    assert_ne!(code, 2, "{}", String::from_utf8_lossy(&out.stderr));
    // Report in the job summary: the check report, then the series.
    let mut text = out.stdout;
    text.extend_from_slice(b"Series in the store:\n");
    let series = factdiff()
        .arg("--editions")
        .arg(store)
        .args(["series", "--quiet"])
        .output()
        .unwrap();
    assert!(series.status.success());
    text.extend(series.stdout);
    std::fs::write(summary, text).unwrap();
    (code, String::from_utf8(out.stderr).unwrap())
}

#[test]
fn scheduled_runs_store_report_and_enforce_policy() {
    let work = tempfile::tempdir().unwrap();
    let store = work.path().join("editions");
    let pulls = work.path().join("pulls");
    let accept = work.path().join("factdiff-accept.toml");
    let summary = work.path().join("step-summary.md");
    std::fs::create_dir_all(&pulls).unwrap();
    let arrive = |ed: &str| {
        std::fs::copy(fixture(&format!("harbor/{ed}")), pulls.join(ed)).unwrap();
    };

    // Run 1: the first pull. Stored; nothing before it to compare with.
    arrive("2022-05-10.md");
    let (code, _) = scheduled_run(&store, &pulls, &accept, &summary);
    assert_eq!(code, 0);
    let first = std::fs::read_to_string(&summary).unwrap();
    assert!(
        first.starts_with("first edition of harbor-renewal-initiative-gulf-coast-region"),
        "{first}"
    );

    // Run 2: the 2023 edition. A running total fell by 97 % and three claims were dropped: the
    // policy fires, after the edition was stored and reported.
    arrive("2023-03-14.md");
    let (code, stderr) = scheduled_run(&store, &pulls, &accept, &summary);
    assert_eq!(code, 1);
    assert!(
        stderr.ends_with("factdiff: policy failed: decrease>=5% (1), dropped>=3 (3)\n"),
        "{stderr}"
    );
    let second = std::fs::read_to_string(&summary).unwrap();
    assert!(second.contains("**2022-05-10 → 2023-03-14**"), "{second}");
    assert!(second.contains("| Inspecting Vessels"), "{second}");
    assert!(
        second
            .contains("harbor-renewal-initiative-gulf-coast-region    2  2022-05-10 … 2023-03-14"),
        "{second}"
    );

    // Someone reviews the report and accepts two changes (the accept file of the example):
    // the re-run of the job stores nothing new and passes — the same pull gets the same
    // comparison after `add`, minus what was accepted.
    let example = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ci/accept.toml"),
    )
    .unwrap();
    assert!(example.contains("[[accept]]"));
    std::fs::write(
        &accept,
        "[[accept]]\nlabel = \"Inspecting Vessels\"\nold = \"640\"\nnew = \"18\"\n\
         reason = \"2022 counted every inspection, 2023 repeat offenders only\"\n\n\
         [[accept]]\nlabel = \"read-harbor-renewal-report\"\nreason = \"a link, not a claim\"\n",
    )
    .unwrap();
    let (code, stderr) = scheduled_run(&store, &pulls, &accept, &summary);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("2 accepted change(s) not counted"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&summary).unwrap(),
        second,
        "same report"
    );

    // Run 3: the 2024 edition. Figures hedged, a total down 11 %, four things dropped.
    arrive("2024-04-02.md");
    let (code, stderr) = scheduled_run(&store, &pulls, &accept, &summary);
    assert_eq!(code, 1);
    assert!(
        stderr.ends_with("factdiff: policy failed: decrease>=5% (1), hedged (2), dropped>=3 (4)\n"),
        "{stderr}"
    );
    let third = std::fs::read_to_string(&summary).unwrap();
    assert!(third.contains("**2023-03-14 → 2024-04-02**"), "{third}");

    // Run 4: nothing new. Nothing is stored, and the verdict on the newest pull holds.
    let before = std::fs::read_dir(store.join("harbor-renewal-initiative-gulf-coast-region"))
        .unwrap()
        .count();
    let (code, _) = scheduled_run(&store, &pulls, &accept, &summary);
    assert_eq!(code, 1);
    assert_eq!(std::fs::read_to_string(&summary).unwrap(), third);
    assert_eq!(
        std::fs::read_dir(store.join("harbor-renewal-initiative-gulf-coast-region"))
            .unwrap()
            .count(),
        before
    );
}

/// The workflow file names what the test runs.
#[test]
fn the_workflow_uses_thresholds_and_an_accept_file() {
    let yml = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ci/factdiff.yml"),
    )
    .unwrap();
    assert!(
        yml.contains(&format!("FAIL_ON: {FAIL_ON}")),
        "FAIL_ON differs"
    );
    assert!(yml.contains("ACCEPT: factdiff-accept.toml"));
    assert!(yml.contains("factdiff add pulls/ --quiet"));
    assert!(yml.contains(r#"factdiff check "pulls/$newest" --fail-on "$FAIL_ON" "${accept[@]}" --format markdown > check.md"#));
    assert!(yml.contains(":(exclude)editions/.factdiff-cache.json"));
}
