//! Crash safety of `add`: killed at any moment and re-run, or run twice at once, the store
//! ends complete — no partial file, no temporary file, nothing lost, nothing stored twice.

use crate::common::*;
use factdiff::ClaimSet;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("factdiff")
}

fn add_cmd(store: &Path, pulls: &[PathBuf]) -> Command {
    let mut cmd = Command::new(bin());
    cmd.env_clear()
        .arg("add")
        .arg("--editions")
        .arg(store)
        .args(["--series", "s"])
        .args(pulls)
        .stdin(Stdio::null());
    cmd
}

fn run_add(store: &Path, pulls: &[PathBuf]) -> String {
    let out = add_cmd(store, pulls).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"));
    String::from_utf8(out.stdout).unwrap()
}

/// Every file below `dir` (recursively), by path.
fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path());
            }
        }
    }
    out.sort();
    out
}

/// The store holds each pull exactly once, whole, with its raw copy, and nothing else.
fn assert_complete(store: &Path, pulls: &[PathBuf]) {
    let sources: BTreeMap<String, &PathBuf> = pulls
        .iter()
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    let series = store.join("s");
    let mut tomls = Vec::new();
    let mut raws = Vec::new();
    for f in all_files(store) {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            !name.ends_with(".tmp"),
            "temporary file left: {}",
            f.display()
        );
        if f.parent() == Some(store) {
            assert!(
                [
                    ".factdiff.lock",
                    ".factdiff-index.json",
                    ".factdiff-cache.json"
                ]
                .contains(&name.as_str()),
                "unexpected {name}"
            );
            continue;
        }
        assert_eq!(f.parent(), Some(series.as_path()), "{}", f.display());
        if let Some(stem) = name.strip_suffix(".toml") {
            let set = ClaimSet::load(&f).unwrap_or_else(|e| panic!("partial claim set: {e}"));
            assert_eq!(set.edition.date.to_string(), stem, "one revision per pull");
            tomls.push(stem.to_string());
        } else if let Some(stem) = name.strip_suffix(".txt") {
            let src = sources
                .get(stem)
                .unwrap_or_else(|| panic!("raw copy of no pull: {name}"));
            assert!(
                std::fs::read(&f).unwrap() == std::fs::read(src).unwrap(),
                "raw copy {name} differs from its pull"
            );
            raws.push(stem.to_string());
        } else {
            panic!("unexpected file {}", f.display());
        }
    }
    let want: Vec<String> = sources.keys().cloned().collect();
    assert_eq!(tomls, want, "every pull stored exactly once");
    assert_eq!(raws, want, "every raw copy present");
    // The index agrees: `series` lists every date, and a further add skips everything.
    let out = Command::new(bin())
        .env_clear()
        .args(["series", "--quiet", "--format", "tsv", "--editions"])
        .arg(store)
        .output()
        .unwrap();
    let listing = String::from_utf8(out.stdout).unwrap();
    let fields: Vec<&str> = listing.trim_end().split('\t').collect();
    assert_eq!(fields[..2], ["s", &want.len().to_string()], "{listing}");
    assert_eq!(fields[5], want.join(" "), "{listing}");
    let again = run_add(store, pulls);
    assert!(
        again.ends_with(&format!("0 added, {} skipped, 0 revised\n", want.len())),
        "{again}"
    );
}

#[test]
fn killed_add_reruns_to_a_complete_store() {
    let dir = tempfile::tempdir().unwrap();
    let pulls = write_generated_pulls(&dir.path().join("pulls"), "FACT SHEET: Crash Test", 40, 3);
    // How long one whole run takes here: the kills are spread over it.
    let start = Instant::now();
    run_add(&dir.path().join("probe"), &pulls);
    let whole = start.elapsed().max(Duration::from_millis(5));
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut mid_run = 0;
    // 20 stores, 10 kills each: later kills on a full store would only test skipping.
    for i in 0..200u32 {
        let store = dir.path().join(format!("store{}", i / 10));
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // A quarter of the kills land in the first few ms (start-up, lock, index), the rest
        // anywhere in a whole run.
        let delay = if i % 4 == 0 {
            Duration::from_micros(seed % 4000)
        } else {
            whole.mul_f64((seed % 1000) as f64 / 1000.0)
        };
        let mut child = add_cmd(&store, &pulls)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL; it may already have finished
        child.wait().unwrap();
        let stored = std::fs::read_dir(store.join("s"))
            .map(|d| d.flatten().count())
            .unwrap_or(0);
        if stored > 0 && stored < 2 * pulls.len() {
            mid_run += 1;
        }
        if i % 10 == 9 {
            run_add(&store, &pulls);
            assert_complete(&store, &pulls);
        }
    }
    assert!(mid_run > 0, "no kill landed while pulls were being stored");
}

#[test]
fn two_adds_at_once_lose_and_duplicate_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let pulls = write_generated_pulls(&dir.path().join("pulls"), "FACT SHEET: Race Test", 30, 11);
    for round in 0..4 {
        // A fresh store (created by the racers) and an existing one.
        let store = dir.path().join(format!("store{round}"));
        if round % 2 == 1 {
            run_add(&store, &pulls[..1]);
        }
        let a = add_cmd(&store, &pulls[..20])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let b: Vec<PathBuf> = pulls[10..].iter().rev().cloned().collect();
        let b = add_cmd(&store, &b).stdout(Stdio::piped()).spawn().unwrap();
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        assert!(a.status.success() && b.status.success());
        let count = |out: &[u8], what: &str| -> usize {
            let text = String::from_utf8_lossy(out);
            let last = text.lines().last().unwrap_or_default().to_string();
            last.split(", ")
                .find_map(|p| p.strip_suffix(what))
                .and_then(|n| n.trim().parse().ok())
                .unwrap_or_else(|| panic!("{text}"))
        };
        let added = count(&a.stdout, " added") + count(&b.stdout, " added");
        let revised = count(&a.stdout, " revised") + count(&b.stdout, " revised");
        assert_eq!(added + usize::from(round % 2 == 1), 30, "round {round}");
        assert_eq!(revised, 0);
        assert_complete(&store, &pulls);
    }
}

/// While another process holds the store's lock, `add` waits and writes nothing.
#[test]
fn add_waits_for_the_store_lock() {
    let dir = tempfile::tempdir().unwrap();
    let pulls = write_generated_pulls(&dir.path().join("pulls"), "FACT SHEET: Lock Test", 3, 5);
    let store = dir.path().join("store");
    std::fs::create_dir_all(&store).unwrap();
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(store.join(".factdiff.lock"))
        .unwrap();
    lock.lock().unwrap();
    let mut child = add_cmd(&store, &pulls)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    assert!(child.try_wait().unwrap().is_none(), "add did not wait");
    assert!(!store.join("s").exists(), "wrote while the lock was held");
    lock.unlock().unwrap();
    assert!(child.wait().unwrap().success());
    assert_complete(&store, &pulls);
}
