//! `factdiff check`: policy exit codes for a fresh pull.

use crate::common::*;

fn check(store: &std::path::Path, pull: &std::path::Path, fail_on: &str) -> Option<i32> {
    factdiff()
        .arg("check")
        .arg("--editions")
        .arg(store)
        .arg(pull)
        .args(["--fail-on", fail_on])
        .output()
        .unwrap()
        .status
        .code()
}

/// A store with only the 2023 edition, to check the 2024 pull against.
fn store_2023() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let series = dir.path().join("harbor");
    std::fs::create_dir_all(&series).unwrap();
    std::fs::copy(fixture("harbor/topics.toml"), series.join("topics.toml")).unwrap();
    factdiff()
        .args(["add", "--quiet", "--series", "harbor", "--editions"])
        .arg(dir.path())
        .arg(fixture("harbor/2023-03-14.md"))
        .assert()
        .success();
    dir
}

#[test]
fn each_flag_fires_on_the_next_edition() {
    let store = store_2023();
    let pull = fixture("harbor/2024-04-02.md");
    for flag in ["decrease", "hedged", "dropped", "any"] {
        assert_eq!(check(store.path(), &pull, flag), Some(1), "{flag}");
    }
    assert_eq!(check(store.path(), &pull, "republished"), Some(0));
}

#[test]
fn nothing_fires_on_the_same_pull() {
    let store = store_2023();
    let pull = fixture("harbor/2023-03-14.md");
    assert_eq!(
        check(
            store.path(),
            &pull,
            "decrease,hedged,dropped,republished,any"
        ),
        Some(0)
    );
}

#[test]
fn republished_fires_on_a_changed_pull_of_the_same_date() {
    let store = store_2023();
    let dir = tempfile::tempdir().unwrap();
    let pull = dir.path().join("2023-03-14.md");
    let text = std::fs::read_to_string(fixture("harbor/2023-03-14.md"))
        .unwrap()
        .replace("22 channels", "23 channels");
    std::fs::write(&pull, text).unwrap();
    assert_eq!(check(store.path(), &pull, "republished"), Some(1));
    assert_eq!(check(store.path(), &pull, "decrease"), Some(0));
}

#[test]
fn errors_exit_two() {
    let store = store_2023();
    assert_eq!(
        check(store.path(), &store.path().join("missing.md"), "any"),
        Some(2)
    );
    assert_eq!(
        check(store.path(), &fixture("harbor/2024-04-02.md"), "bogus"),
        Some(2)
    );
    // No store folder at all (a mistyped --editions): an error.
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(
        check(
            &empty.path().join("nowhere"),
            &fixture("harbor/2024-04-02.md"),
            "any"
        ),
        Some(2)
    );
    // An empty store: a new series, not an error.
    assert_eq!(
        check(empty.path(), &fixture("harbor/2024-04-02.md"), "any"),
        Some(0)
    );
}

/// Runs `check` with extra arguments: (exit code, stdout, stderr).
fn check_with(
    store: &std::path::Path,
    pull: &std::path::Path,
    extra: &[&str],
) -> (i32, String, String) {
    let out = factdiff()
        .arg("check")
        .arg("--editions")
        .arg(store)
        .arg(pull)
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A store holding the 2022 and 2024 Harbor editions (no `--series` needed: one series).
fn store_2022_2024() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    factdiff()
        .args(["add", "--quiet", "--editions"])
        .arg(dir.path())
        .arg(fixture("harbor/2022-05-10.md"))
        .arg(fixture("harbor/2024-04-02.md"))
        .assert()
        .success();
    dir
}

#[test]
fn a_back_filled_pull_is_compared_with_the_edition_before_it() {
    let store = store_2022_2024();
    let (code, stdout, stderr) = check_with(
        store.path(),
        &fixture("harbor/2023-03-14.md"),
        &["--format", "json", "--fail-on", "decrease"],
    );
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["old"]["date"], "2022-05-10", "the edition before it");
    assert_eq!(report["new"]["date"], "2023-03-14");
    assert_eq!(report["older"], "old");
    assert!(
        stderr.contains("compared with 2022-05-10, the stored edition before this pull; a later edition is stored: 2024-04-02"),
        "{stderr}"
    );
    // Against the later 2024 edition every running total would have read as a fall.
    assert_eq!(code, i32::from(flagged(&report, "decrease") > 0));
}

#[test]
fn a_pull_older_than_every_edition_is_a_first_edition() {
    let store = store_2023();
    let (code, stdout, _) = check_with(
        store.path(),
        &fixture("harbor/2022-05-10.md"),
        &["--fail-on", "any"],
    );
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("first edition of harbor: nothing stored before this pull; the edition after it is 2023-03-14"),
        "{stdout}"
    );
}

#[test]
fn a_pull_of_no_stored_series_is_a_new_series() {
    let store = store_2023();
    let dir = tempfile::tempdir().unwrap();
    let pull = dir.path().join("2024-01-09.md");
    std::fs::write(
        &pull,
        "---\ntitle: 'FACT SHEET: Rural Broadband Grants Reach Every County'\ndate: '2024-01-09'\n---\n\n- **Grants:** More than 300 counties have received grants.\n",
    )
    .unwrap();
    let (code, stdout, stderr) =
        check_with(store.path(), &pull, &["--fail-on", "decrease,dropped"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        "new series: no stored series matches this pull; `add` would start \"rural-broadband-grants-reach-every-county\"\n"
    );
    let (code, stdout, stderr) = check_with(
        store.path(),
        &pull,
        &["--fail-on", "new-series", "--format", "json"],
    );
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "{\"series\":\"rural-broadband-grants-reach-every-county\",\"status\":\"new-series\"}\n"
    );
    assert!(
        stderr.ends_with("factdiff: policy failed: new-series (1)\n"),
        "{stderr}"
    );
}

#[test]
fn another_copy_of_a_stored_edition_is_not_republished() {
    let store = store_2023();
    // The same edition as plain text copied from another archive: other furniture, same claims.
    let (code, stdout, stderr) = check_with(
        store.path(),
        &fixture("harbor/2023-03-14.archive.txt"),
        &["--fail-on", "republished,any"],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("no changes"), "{stdout}");
    assert!(stderr.contains("same content, other copy"), "{stderr}");
    // `add` does not store it as a revision either.
    let out = factdiff()
        .args(["add", "--editions"])
        .arg(store.path())
        .arg(fixture("harbor/2023-03-14.archive.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("0 added, 0 skipped, 0 revised, 1 same content"),
        "{stdout}"
    );
}

#[test]
fn thresholds_count_and_measure() {
    let store = store_2023();
    let pull = fixture("harbor/2024-04-02.md");
    // One decrease, of 11.1 %; four dropped (three figures and a claim).
    for (rule, code) in [
        ("decrease>=5%", 1),
        ("decrease>=11.1%", 1),
        ("decrease>=12%", 0),
        ("dropped>=4", 1),
        ("dropped>=5", 0),
        ("hedged>=2", 1),
        ("hedged>=3", 0),
    ] {
        let (got, _, stderr) = check_with(store.path(), &pull, &["--fail-on", rule]);
        assert_eq!(got, code, "{rule}: {stderr}");
        if code == 1 {
            assert!(
                stderr.contains(&format!("policy failed: {rule} (")),
                "{rule}: {stderr}"
            );
        }
    }
}

#[test]
fn accepted_changes_no_longer_fail_the_policy() {
    let store = store_2023();
    let pull = fixture("harbor/2024-04-02.md");
    let dir = tempfile::tempdir().unwrap();
    let accept = dir.path().join("accept.toml");
    std::fs::write(
        &accept,
        "# reviewed 2024-04-03\n[[accept]]\nlabel = \"Inspecting Vessels\"\nold = \"18\"\nnew = \"16\"\nreason = \"two vessels re-flagged\"\n",
    )
    .unwrap();
    let (code, _, stderr) = check_with(
        store.path(),
        &pull,
        &[
            "--fail-on",
            "decrease",
            "--accept",
            accept.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("1 accepted change(s) not counted"),
        "{stderr}"
    );
    // Another flag on the same claim still counts; the report still shows the change.
    let (code, stdout, stderr) = check_with(
        store.path(),
        &pull,
        &[
            "--fail-on",
            "decrease,dropped",
            "--accept",
            accept.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert!(
        stderr.ends_with("factdiff: policy failed: dropped (4)\n"),
        "{stderr}"
    );
    assert!(stdout.contains("Inspecting Vessels"), "{stdout}");
    // A wrong value accepts nothing; a malformed file is an error naming its line.
    std::fs::write(
        &accept,
        "[[accept]]\nlabel = \"Inspecting Vessels\"\nold = \"18\"\nnew = \"15\"\n",
    )
    .unwrap();
    let (code, _, _) = check_with(
        store.path(),
        &pull,
        &[
            "--fail-on",
            "decrease",
            "--accept",
            accept.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    std::fs::write(&accept, "[[accept]]\nlable = \"x\"\n").unwrap();
    let (code, _, stderr) = check_with(
        store.path(),
        &pull,
        &[
            "--fail-on",
            "decrease",
            "--accept",
            accept.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("accept.toml:2:"), "{stderr}");
}

#[test]
fn the_series_is_found_by_title_among_many() {
    let store = store_2023();
    // Other series beside it.
    let dir = tempfile::tempdir().unwrap();
    let pulls = write_generated_pulls(
        &dir.path().join("p"),
        "FACT SHEET: Rural Broadband Program",
        2,
        3,
    );
    factdiff()
        .args(["add", "--quiet", "--editions"])
        .arg(store.path())
        .args(&pulls)
        .assert()
        .success();
    let (code, stdout, stderr) = check_with(
        store.path(),
        &fixture("harbor/2024-04-02.md"),
        &["--format", "json", "--fail-on", "hedged"],
    );
    assert_eq!(code, 1, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["old"]["date"], "2023-03-14");
}
