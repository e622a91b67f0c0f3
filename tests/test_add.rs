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

#[test]
fn folders_are_walked_and_lists_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let pulls = dir.path().join("pulls/nested");
    std::fs::create_dir_all(&pulls).unwrap();
    for ed in ["2022-05-10.md", "2023-03-14.md"] {
        std::fs::copy(fixture(&format!("harbor/{ed}")), pulls.join(ed)).unwrap();
    }
    std::fs::write(pulls.join("notes.json"), "{}").unwrap();
    let store = dir.path().join("store");
    let out = add(&store, &[dir.path().join("pulls")], &["--no-raw"]);
    assert!(out.contains("2 added"), "{out}");
    let list = dir.path().join("list.txt");
    std::fs::write(
        &list,
        format!(
            "# new pulls\n{}\n\n",
            fixture("harbor/2024-04-02.md").display()
        ),
    )
    .unwrap();
    let out = add(&store, &[], &["--from-list", list.to_str().unwrap()]);
    assert!(out.contains("1 added"), "{out}");
}

#[test]
fn pins_in_series_toml_choose_and_split_series() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("series.toml"),
        "[[pin]]\nseries = \"harbor-2024\"\ntitles = [\"Harbor Renewal\"]\n",
    )
    .unwrap();
    let out = add(
        dir.path(),
        &[fixture("harbor/2024-04-02.md")],
        &["--no-raw"],
    );
    assert!(out.contains("harbor-2024"), "{out}");
    assert_eq!(files_in(dir.path()), ["harbor-2024", "series.toml"]);
    std::fs::write(
        dir.path().join("series.toml"),
        "[[pin]]\nseries = \"../out\"\ntitles = [\"x\"]\n",
    )
    .unwrap();
    let out = factdiff()
        .arg("add")
        .arg("--editions")
        .arg(dir.path())
        .arg(fixture("harbor/2023-03-14.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a pin cannot escape the store");
}

#[test]
fn a_bad_pull_is_reported_and_the_others_stored() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("2023-01-01.md");
    std::fs::write(&empty, "").unwrap();
    let out = factdiff()
        .arg("add")
        .arg("--editions")
        .arg(dir.path().join("store"))
        .arg(&empty)
        .arg(fixture("harbor/2023-03-14.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("1 added, 0 skipped, 0 revised, 1 failed"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("2023-01-01.md") && stderr.contains("empty"),
        "{stderr}"
    );
}

#[test]
fn a_sheet_without_claims_is_skipped_not_failed() {
    let dir = tempfile::tempdir().unwrap();
    let pulls = dir.path().join("pulls");
    std::fs::create_dir_all(&pulls).unwrap();
    std::fs::copy(fixture("harbor/2023-03-14.md"), pulls.join("2023-03-14.md")).unwrap();
    // A sheet of images: a title, a date, no text.
    std::fs::write(
        pulls.join("2023-03-10-images.md"),
        "---\ntitle: 'FACT SHEET: The Plan in Pictures'\ndate: '2023-03-10'\n---\n\n![chart](chart.png)\n",
    )
    .unwrap();
    let out = factdiff()
        .arg("add")
        .arg("--editions")
        .arg(dir.path().join("store"))
        .arg(&pulls)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        format!(
            "factdiff: skipped {}: no claims (images only?)\n",
            pulls.join("2023-03-10-images.md").display()
        )
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.ends_with("1 added, 0 skipped, 0 revised, 1 without claims\n"),
        "{stdout}"
    );
    // --quiet keeps the warning (it is not progress).
    let out = factdiff()
        .args(["add", "--quiet", "--editions"])
        .arg(dir.path().join("store"))
        .arg(&pulls)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no claims"));
    assert!(out.stdout.is_empty());
    // A pull that cannot be read still fails the run, after the others are stored.
    std::fs::write(pulls.join("2023-03-11-empty.md"), "").unwrap();
    let out = factdiff()
        .arg("add")
        .arg("--editions")
        .arg(dir.path().join("store"))
        .arg(&pulls)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.ends_with("0 added, 1 skipped, 0 revised, 1 without claims, 1 failed\n"),
        "{stdout}"
    );
}

/// Sets a file's modification time an hour back (pulls changed within two seconds are not
/// noted: their time cannot tell a later change apart).
fn age(path: &std::path::Path) {
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
}

#[test]
fn a_rerun_stats_pulls_instead_of_reading_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let pull = dir.path().join("2023-03-14.md");
    std::fs::copy(fixture("harbor/2023-03-14.md"), &pull).unwrap();
    age(&pull);
    let first = add(&store, std::slice::from_ref(&pull), &["--series", "h"]);
    assert!(first.contains("1 added"), "{first}");
    let cache = std::fs::read_to_string(store.join(".factdiff-cache.json")).unwrap();
    assert!(cache.contains("\"status\":\"stored\""), "{cache}");
    // Rewritten in place at the same size, its time set back: the stamp says unchanged, so
    // the pull is not read again (the blind spot every stat-based tool shares).
    let meta = std::fs::metadata(&pull).unwrap();
    let text = std::fs::read_to_string(&pull)
        .unwrap()
        .replace("20,000 jobs", "21,000 jobs");
    std::fs::write(&pull, &text).unwrap();
    assert_eq!(std::fs::metadata(&pull).unwrap().len(), meta.len());
    std::fs::File::options()
        .write(true)
        .open(&pull)
        .unwrap()
        .set_modified(meta.modified().unwrap())
        .unwrap();
    let second = add(&store, std::slice::from_ref(&pull), &["--series", "h"]);
    assert!(
        second.ends_with("0 added, 1 skipped, 0 revised\n"),
        "{second}"
    );
    // Its time moves: read again, and the change is stored as a revision.
    age(&pull);
    let third = add(&store, std::slice::from_ref(&pull), &["--series", "h"]);
    assert!(third.contains("1 revised"), "{third}");
    // A stored edition deleted by hand: the note no longer holds and the pull is stored again.
    std::fs::remove_file(store.join("h/2023-03-14.2.toml")).unwrap();
    std::fs::remove_file(store.join("h/2023-03-14.2.md")).unwrap();
    let fourth = add(&store, std::slice::from_ref(&pull), &["--series", "h"]);
    assert!(fourth.contains("1 revised"), "{fourth}");
}

/// `add --no-text` into a series with rules keeps each figure's context words, as `extract
/// --no-text` does (it stored none: the text was dropped before the words were taken).
#[test]
fn no_text_with_series_rules_keeps_context_words() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("st");
    std::fs::create_dir_all(store.join("harbor")).unwrap();
    std::fs::copy(
        fixture("harbor/topics.toml"),
        store.join("harbor/topics.toml"),
    )
    .unwrap();
    let pull = fixture("harbor/2022-05-10.md");
    add(
        &store,
        std::slice::from_ref(&pull),
        &["--no-text", "--series", "harbor"],
    );
    let stored = std::fs::read_to_string(store.join("harbor/2022-05-10.toml")).unwrap();
    let extracted = String::from_utf8(
        factdiff()
            .arg("extract")
            .arg(&pull)
            .arg("--no-text")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let contexts = |s: &str| s.matches("\ncontext = [").count();
    assert!(contexts(&extracted) > 0);
    assert_eq!(contexts(&stored), contexts(&extracted), "{stored}");
    assert!(!stored.contains("\ntext = "), "{stored}");
}

/// A pull over 1 MiB has its claim set written a part at a time, not made whole on a worker:
/// the bytes are those `extract` writes, in a new series, in an existing one and as a revision.
#[test]
fn a_large_pull_is_stored_as_extract_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("st");
    let pull = |name: &str, base: u64| {
        let mut text = String::from("# FACT SHEET: Large Pulls\n\nMarch 1, 2023\n\n");
        // Long bullets: few claims, so the run stays quick in a debug build.
        let words =
            "and the port authority said its crews kept working on the channels ".repeat(14);
        let mut i = base;
        while text.len() < 1_100_000 {
            text.push_str(&format!(
                "- **Heading {i}:** The agency hired more than {i} inspectors {words}.\n"
            ));
            i += 1;
        }
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let first = pull("first.md", 1);
    let second = pull("second.md", 7);
    let extracted = |p: &std::path::Path| {
        let out = factdiff()
            .arg("extract")
            .arg(p)
            .arg("--no-text")
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let flags = ["--no-text", "--no-raw", "--quiet", "--series", "large"];
    add(&store, std::slice::from_ref(&first), &flags);
    add(&store, std::slice::from_ref(&second), &flags);
    let series = store.join("large");
    assert_eq!(files_in(&series), ["2023-03-01.2.toml", "2023-03-01.toml"]);
    let stored = std::fs::read_to_string(series.join("2023-03-01.toml")).unwrap();
    assert!(stored == extracted(&first), "new series");
    let revised = std::fs::read_to_string(series.join("2023-03-01.2.toml")).unwrap();
    assert!(
        revised.replacen("revision = 2\n", "", 1) == extracted(&second),
        "revision"
    );
}
