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
