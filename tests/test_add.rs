//! `factdiff add`: storing pulls safely.

use crate::common::*;

fn add(store: &std::path::Path, files: &[std::path::PathBuf], extra: &[&str]) -> String {
    let out = factdiff()
        .arg("add")
        .arg("--editions")
        .arg(store)
        .args(extra)
        .args(files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    v.sort();
    v
}

#[test]
fn same_pull_twice_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let pull = fixture("harbor/2023-03-14.md");
    let first = add(dir.path(), std::slice::from_ref(&pull), &[]);
    assert!(first.contains("1 added"), "{first}");
    let series = files_in(dir.path());
    assert_eq!(series, ["harbor-renewal-initiative-gulf-coast-region"]);
    let folder = dir.path().join(&series[0]);
    let before = files_in(&folder);
    assert_eq!(before, ["2023-03-14.md", "2023-03-14.toml"]);
    let second = add(dir.path(), &[pull], &[]);
    assert!(second.contains("0 added, 1 skipped"), "{second}");
    assert_eq!(files_in(&folder), before);
}

#[test]
fn archive_copy_joins_the_series_by_title() {
    let dir = tempfile::tempdir().unwrap();
    add(
        dir.path(),
        &[
            fixture("harbor/2022-05-10.md"),
            fixture("harbor/2024-04-02.md"),
        ],
        &["--no-raw"],
    );
    let series = files_in(dir.path());
    assert_eq!(series.len(), 1, "{series:?}");
    assert_eq!(
        files_in(&dir.path().join(&series[0])),
        ["2022-05-10.toml", "2024-04-02.toml"]
    );
}

#[test]
fn revised_pull_under_a_stored_date_is_kept_as_revision() {
    let dir = tempfile::tempdir().unwrap();
    add(
        dir.path(),
        &[fixture("harbor/2023-03-14.md")],
        &["--series", "harbor"],
    );
    let revised = dir.path().join("2023-03-14-revised.md");
    let text = std::fs::read_to_string(fixture("harbor/2023-03-14.md"))
        .unwrap()
        .replace("more than 20,000 jobs", "more than 21,000 jobs");
    std::fs::write(&revised, text).unwrap();
    let out = add(dir.path(), &[revised], &["--series", "harbor"]);
    assert!(
        out.contains("republished") && out.contains("1 revised"),
        "{out}"
    );
    let folder = dir.path().join("harbor");
    assert_eq!(
        files_in(&folder),
        [
            "2023-03-14.2.md",
            "2023-03-14.2.toml",
            "2023-03-14.md",
            "2023-03-14.toml"
        ]
    );
    let stored = std::fs::read_to_string(folder.join("2023-03-14.2.toml")).unwrap();
    assert!(stored.contains("revision = 2"));
    // The revision diffs against its original by label.
    let r = json(
        factdiff()
            .arg("diff")
            .arg("--editions")
            .arg(dir.path())
            .args(["2023-03-14.1", "2023-03-14.2", "--format", "json"]),
    );
    assert_eq!(r["summary"]["figure-changed"], 1, "{r:#}");
}

#[test]
fn bad_series_names_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["../escape", "/abs", "a/b"] {
        let out = factdiff()
            .arg("add")
            .arg("--editions")
            .arg(dir.path())
            .args(["--series", bad])
            .arg(fixture("harbor/2023-03-14.md"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
    assert!(files_in(dir.path()).is_empty());
}
