//! `factdiff series`: the listing, and regrouping (`rename`, `merge`, `split`) that round-trips
//! and refuses conflicts without changing anything.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file below `root` (relative path → bytes), not the machine-local cache and lock.
pub fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            if e.file_name() == factdiff::index::CACHE_FILE
                || e.file_name() == factdiff::store::LOCK_FILE
            {
                continue;
            }
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                let rel = e.path().strip_prefix(root).unwrap().display().to_string();
                out.insert(rel, std::fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

/// Two trees are the same, or the first differing file is named (not printed whole).
#[track_caller]
fn assert_same(got: &BTreeMap<String, Vec<u8>>, want: &BTreeMap<String, Vec<u8>>, what: &str) {
    let keys = |t: &BTreeMap<String, Vec<u8>>| t.keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(got), keys(want), "{what}: other files");
    for (k, v) in want {
        assert!(
            got[k] == *v,
            "{what}: {k} differs:\n{}",
            String::from_utf8_lossy(&got[k])
        );
    }
}

fn run(store: &Path, args: &[&str]) -> std::process::Output {
    factdiff()
        .arg("--editions")
        .arg(store)
        .args(args)
        .output()
        .unwrap()
}

fn ok(store: &Path, args: &[&str]) -> String {
    let out = run(store, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Two series of generated pulls: `a` (3 editions, 2020-01-01…) and `b` (4 editions, dates
/// after a's), each with its raw copies and the same `topics.toml`.
fn two_series(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    let a = write_generated_pulls(&dir.join("pa"), "FACT SHEET: Harbor Pilots Program", 3, 1);
    let b_dir = dir.join("pb");
    std::fs::create_dir_all(&b_dir).unwrap();
    let b: Vec<PathBuf> = (0..4u32)
        .map(|i| {
            let (date, text) = generated_pull(
                "FACT SHEET: Harbor Pilot Training",
                30 + i * 3,
                90 + u64::from(i),
            );
            let p = b_dir.join(format!("{date}.txt"));
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect();
    let mut args = vec!["add", "--quiet", "--series", "a"];
    let a_paths: Vec<&str> = a.iter().map(|p| p.to_str().unwrap()).collect();
    args.extend(a_paths);
    ok(&store, &args);
    // The same rules in both: a merge keeps one copy, a split copies it back.
    std::fs::write(store.join("a/topics.toml"), "[aliases]\n").unwrap();
    std::fs::create_dir_all(store.join("b")).unwrap();
    std::fs::write(store.join("b/topics.toml"), "[aliases]\n").unwrap();
    let mut args = vec!["add", "--quiet", "--series", "b"];
    let b_paths: Vec<&str> = b.iter().map(|p| p.to_str().unwrap()).collect();
    args.extend(b_paths);
    ok(&store, &args);
    store
}

#[test]
fn listing_shows_title_count_and_range_in_three_formats() {
    let dir = tempfile::tempdir().unwrap();
    let store = two_series(dir.path());
    let text = ok(&store, &["series"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("b "), "most editions first: {text}");
    assert!(
        lines[0].contains("  4  2020-01-31 … 2020-02-09  FACT SHEET: Harbor Pilot Training"),
        "{text}"
    );
    assert_eq!(lines[2], "2 series, 2 with two or more editions");
    let tsv = ok(&store, &["series", "--format", "tsv"]);
    let first: Vec<&str> = tsv.lines().next().unwrap().split('\t').collect();
    assert_eq!(
        first,
        [
            "b",
            "4",
            "2020-01-31",
            "2020-02-09",
            "FACT SHEET: Harbor Pilot Training",
            "2020-01-31 2020-02-03 2020-02-06 2020-02-09"
        ]
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&store, &["series", "--format", "json"])).unwrap();
    assert_eq!(json[1]["series"], "a");
    assert_eq!(json[1]["editions"], 3);
    assert_eq!(json[1]["first"], "2020-01-01");
    assert_eq!(json[1]["title"], "FACT SHEET: Harbor Pilots Program");
}

#[test]
fn rename_round_trips_and_moves_pins() {
    let dir = tempfile::tempdir().unwrap();
    let store = two_series(dir.path());
    std::fs::write(
        store.join("series.toml"),
        "# pins\n[[pin]]\nseries = \"a\"   # keep\ntitles = [\"Harbor Pilots\"]\n",
    )
    .unwrap();
    let before = tree(&store);
    let out = ok(&store, &["series", "rename", "a", "pilots"]);
    assert!(out.contains("renamed a → pilots (3 edition(s))"), "{out}");
    assert!(!store.join("a").exists());
    let pins = std::fs::read_to_string(store.join("series.toml")).unwrap();
    assert_eq!(
        pins,
        "# pins\n[[pin]]\nseries = \"pilots\"   # keep\ntitles = [\"Harbor Pilots\"]\n"
    );
    // The index follows: the new name is a series, the old one is not.
    let tsv = ok(&store, &["series", "--format", "tsv"]);
    assert!(tsv.contains("pilots\t3\t"), "{tsv}");
    ok(&store, &["series", "rename", "pilots", "a"]);
    assert_same(&tree(&store), &before, "rename back");
}

#[test]
fn merge_then_split_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let store = two_series(dir.path());
    let before = tree(&store);
    let out = ok(&store, &["series", "merge", "a", "b"]);
    assert!(
        out.contains("merged a into b (3 edition(s) moved)"),
        "{out}"
    );
    assert!(!store.join("a").exists());
    let listing = ok(&store, &["series", "--format", "tsv"]);
    assert!(
        listing.starts_with("b\t7\t2020-01-01\t2020-02-09\t"),
        "{listing}"
    );
    // A later pull titled like `a` now joins `b`: merge left a pin.
    let pins = std::fs::read_to_string(store.join("series.toml")).unwrap();
    assert!(
        pins.contains("like = [\"FACT SHEET: Harbor Pilots Program\"]"),
        "{pins}"
    );
    // Split the old editions back out: the store is as it was (the pin goes too).
    let out = ok(
        &store,
        &["series", "split", "b", "--before", "2020-01-31", "a"],
    );
    assert!(out.contains("split b (3 edition(s) moved to a)"), "{out}");
    assert_same(&tree(&store), &before, "merge then split");
}

#[test]
fn merge_makes_same_date_editions_revisions_and_split_keeps_names() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    // Two series holding an edition of the same date (different pulls).
    let x = dir.path().join("x.md");
    let y = dir.path().join("y.md");
    std::fs::copy(fixture("harbor/2023-03-14.md"), &x).unwrap();
    let changed = std::fs::read_to_string(fixture("harbor/2023-03-14.md"))
        .unwrap()
        .replace("more than 20,000 jobs", "more than 21,000 jobs");
    std::fs::write(&y, changed).unwrap();
    ok(
        &store,
        &["add", "--quiet", "--series", "x", x.to_str().unwrap()],
    );
    ok(
        &store,
        &["add", "--quiet", "--series", "y", y.to_str().unwrap()],
    );
    let out = ok(&store, &["series", "merge", "y", "x"]);
    assert!(out.contains("y/2023-03-14 → x/2023-03-14.2"), "{out}");
    let mut names: Vec<String> = std::fs::read_dir(store.join("x"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "2023-03-14.2.md",
            "2023-03-14.2.toml",
            "2023-03-14.md",
            "2023-03-14.toml"
        ]
    );
    let moved = std::fs::read_to_string(store.join("x/2023-03-14.2.toml")).unwrap();
    assert!(moved.contains("\nrevision = 2\n"), "{moved}");
    // The revision diffs against its original, as an `add` of it would have made.
    let r = json(
        factdiff()
            .arg("--editions")
            .arg(&store)
            .args(["diff", "--series", "x", "2023-03-14.1", "2023-03-14.2"])
            .args(["--format", "json"]),
    );
    assert_eq!(r["summary"]["figure-changed"], 1, "{r:#}");
}

#[test]
fn conflicts_are_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let store = two_series(dir.path());
    // Different topics.toml in both.
    std::fs::write(store.join("a/topics.toml"), "[aliases]\nx = \"y\"\n").unwrap();
    let before = tree(&store);
    let out = run(&store, &["series", "merge", "a", "b"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot merge series \"a\" into \"b\": both hold a different topics.toml")
            && stderr.contains("nothing was changed"),
        "{stderr}"
    );
    assert_same(&tree(&store), &before, "topics conflict");
    std::fs::write(store.join("a/topics.toml"), "[aliases]\n").unwrap();
    // The same pull in both.
    let pull = store.join("b/2020-01-31.txt");
    let copy = dir.path().join("copy.txt");
    std::fs::copy(&pull, &copy).unwrap();
    let out = run(&store, &["add", "--series", "a", copy.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("in another series"), "{stdout}");
    // (add never stores a pull twice: place a copy of b's claim set in a by hand.)
    std::fs::copy(
        store.join("b/2020-01-31.toml"),
        store.join("a/2020-01-31.toml"),
    )
    .unwrap();
    let before = tree(&store);
    let out = run(&store, &["series", "merge", "a", "b"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("the same pull is stored in both"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_same(&tree(&store), &before, "same pull conflict");
    // Targets that exist, sources that do not, names that are not portable.
    for args in [
        &["series", "rename", "a", "b"][..],
        &["series", "rename", "a", "B"],
        &["series", "rename", "nope", "c"],
        &["series", "rename", "a", "CON"],
        &["series", "rename", "a", "x:y"],
        &["series", "merge", "a", "a"],
        &["series", "split", "b", "--at", "2020-01-01", "c"],
        &["series", "split", "b", "--at", "2030-01-01", "c"],
        &["series", "split", "b", "--at", "2020-02-03", "a"],
    ] {
        let out = run(&store, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert_same(&tree(&store), &before, &format!("{args:?}"));
    }
}

#[test]
fn suggest_proposes_sheets_that_look_like_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    // "Quad Summit" and "Quad Leaders' Summit": one title holds the other's words.
    let quad = |title: &str, day: u32, seed: u64| {
        let (date, text) = generated_pull(title, day, seed);
        let p = dir.path().join(format!("{date}-{seed}.txt"));
        std::fs::write(&p, text).unwrap();
        p
    };
    let pulls = [
        quad("Fact Sheet: Quad Summit", 0, 1),
        quad("Fact Sheet: Quad Leaders' Summit", 200, 2),
        quad("Fact Sheet: Quad Leaders' Summit", 560, 3),
        // Parallel sheets on other subjects: never proposed.
        quad("FACT SHEET: How the Plan Helps Black Communities", 10, 4),
        quad("FACT SHEET: How the Plan Helps Latino Communities", 10, 5),
    ];
    // Other sheets, so that words weigh as in a real store ("leaders" is common, "quad" rare).
    let others: Vec<PathBuf> = [
        "Leaders Commit to Ocean Cleanup Goals",
        "Leaders Meet on Grid Energy Storage",
        "Leaders Launch Vaccine Manufacturing Partnership",
        "Leaders Agree on Critical Minerals Supply",
        "Leaders Announce Cyber Workforce Compact",
        "Governors Expand Rural Broadband Access",
        "Mayors Pledge Cleaner City Buses",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| quad(&format!("FACT SHEET: {t}"), 20 + i as u32, 100 + i as u64))
    .collect();
    let mut args = vec!["add", "--quiet"];
    args.extend(pulls.iter().chain(&others).map(|p| p.to_str().unwrap()));
    ok(&store, &args);
    let listing = ok(&store, &["series", "--format", "tsv"]);
    assert_eq!(listing.lines().count(), 11, "{listing}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&store, &["series", "suggest", "--format", "json"])).unwrap();
    let groups = json.as_array().unwrap();
    assert_eq!(groups.len(), 1, "{json:#}");
    let names: Vec<&str> = groups[0]["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["series"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["quad-leaders-summit", "quad-summit"]);
    let text = ok(&store, &["series", "suggest"]);
    assert!(
        text.contains("→ factdiff series merge quad-summit quad-leaders-summit"),
        "{text}"
    );
}
