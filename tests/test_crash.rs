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
    // How long one whole run takes here: the kills are spread over it. The shortest of three
    // probes, so that a busy moment does not stretch it past most runs.
    let whole = (0..3)
        .map(|k| {
            let start = Instant::now();
            run_add(&dir.path().join(format!("probe{k}")), &pulls);
            start.elapsed()
        })
        .min()
        .unwrap()
        .max(Duration::from_millis(5));
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
        .arg("--quiet")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    assert!(child.try_wait().unwrap().is_none(), "add did not wait");
    assert!(!store.join("s").exists(), "wrote while the lock was held");
    lock.unlock().unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    // It said why it waited (it looked hung), even with --quiet.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("waiting for another run that is writing to this store")
            && err.contains(".factdiff.lock is locked"),
        "{err}"
    );
    assert_complete(&store, &pulls);
}

/// Every file below `root` (relative path → bytes), not the machine-local cache and lock.
fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    if !root.exists() {
        return out;
    }
    for f in all_files(root) {
        // Machine-local: the cache (stamps) and the lock (the last writer's seal of the root).
        if f.file_name()
            .is_some_and(|n| n == factdiff::index::CACHE_FILE || n == factdiff::store::LOCK_FILE)
        {
            continue;
        }
        let rel = f.strip_prefix(root).unwrap().display().to_string();
        out.insert(rel, std::fs::read(&f).unwrap());
    }
    out
}

/// `diff -r` of two stores (the cache and the lock aside), when the machine has `diff`; and the same
/// comparison in process, naming the first file that differs.
#[track_caller]
fn assert_identical(got: &Path, want: &Path, what: &str) {
    if let Ok(out) = Command::new("diff")
        .args([
            "-r",
            "-x",
            factdiff::index::CACHE_FILE,
            "-x",
            factdiff::store::LOCK_FILE,
        ])
        .arg(want)
        .arg(got)
        .output()
    {
        let report = String::from_utf8_lossy(&out.stdout);
        let head: Vec<&str> = report.lines().filter(|l| l.len() < 300).take(20).collect();
        assert!(
            out.status.success(),
            "{what}: diff -r differs:\n{}",
            head.join("\n")
        );
    }
    let (g, w) = (snapshot(got), snapshot(want));
    assert_eq!(
        g.keys().collect::<Vec<_>>(),
        w.keys().collect::<Vec<_>>(),
        "{what}: other files"
    );
    for (k, v) in &w {
        assert!(g[k] == *v, "{what}: {k} differs");
    }
}

/// Pulls of several sheets, filed by title (no `--series`): new series are made during the
/// run, some titles join others, one pull repeats a date (a revision), one is another copy of
/// a stored edition, one has no claims.
fn mixed_pulls(dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let titles = [
        "FACT SHEET: Harbor Renewal Initiative",
        "FACT SHEET: Rural Broadband Program",
        "FACT SHEET: Update on the Rural Broadband Program",
        "FACT SHEET: Wetlands Restoration Grants",
        "FACT SHEET: Coastal Pilots Training",
    ];
    let mut out = Vec::new();
    for i in 0..36u32 {
        let title = titles[(i % 5) as usize];
        let (date, text) = generated_pull(title, i * 2, 500 + u64::from(i));
        let p = dir.join(format!("{date}-{i:02}.txt"));
        std::fs::write(&p, text).unwrap();
        out.push(p);
    }
    // A second release of a stored date with other figures: a revision.
    let (date, text) = generated_pull(titles[0], 0, 9001);
    let p = dir.join(format!("{date}-revised.txt"));
    std::fs::write(&p, text).unwrap();
    out.push(p);
    // The same content as another pull, other furniture: not stored.
    let copy = std::fs::read_to_string(&out[3]).unwrap().replace(
        "The agency continues its work",
        "Printed from the archive.\n\nThe agency continues its work",
    );
    let p = dir.join("copy-of-03.txt");
    std::fs::write(&p, copy).unwrap();
    out.push(p);
    let p = dir.join("images-only.md");
    std::fs::write(
        &p,
        "---\ntitle: 'FACT SHEET: Pictures'\ndate: '2020-03-01'\n---\n\n![a](a.png)\n",
    )
    .unwrap();
    out.push(p);
    out
}

fn bulk_add(store: &Path, pulls: &[PathBuf]) -> Command {
    let mut cmd = Command::new(bin());
    cmd.env_clear()
        .args(["add", "--quiet", "--editions"])
        .arg(store)
        .args(pulls)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// True once a series folder is in `store` (new series appear whole, by a rename).
fn has_series(store: &Path) -> bool {
    std::fs::read_dir(store).is_ok_and(|mut d| {
        d.any(|e| e.is_ok_and(|e| !e.file_name().to_string_lossy().starts_with('.')))
    })
}

/// `trials` kills of a bulk add at random moments, each followed by a clean re-run: the store
/// is then identical to one an uninterrupted run made.
fn killed_bulk_adds_rerun_to_the_uninterrupted_store(trials: u32) {
    let dir = tempfile::tempdir().unwrap();
    let pulls = mixed_pulls(&dir.path().join("pulls"));
    let reference = dir.path().join("reference");
    assert!(bulk_add(&reference, &pulls).status().unwrap().success());
    // Three whole runs: the shortest, and the earliest moment a series folder appeared (before
    // it the pulls are read and extracted; after it, stored). The kills are spread over both.
    let mut whole = Duration::MAX;
    let mut storing = Duration::MAX;
    for k in 0..3 {
        let probe = dir.path().join(format!("probe{k}"));
        let start = Instant::now();
        let mut child = bulk_add(&probe, &pulls).spawn().unwrap();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if has_series(&probe) {
                storing = storing.min(start.elapsed());
            }
            std::thread::sleep(Duration::from_micros(200));
        };
        assert!(status.success());
        whole = whole.min(start.elapsed());
    }
    let whole = whole.max(Duration::from_millis(5));
    let storing = storing.min(whole);
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let (mut mid_run, mut early, mut finished) = (0, 0, 0);
    for i in 0..trials {
        let store = dir.path().join(format!("trial{i}"));
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let fraction = (seed % 1000) as f64 / 1000.0;
        let mut child = bulk_add(&store, &pulls).spawn().unwrap();
        let delay = match i % 4 {
            0 => Duration::from_micros(seed % 5000),
            1 => whole.mul_f64(fraction),
            // While storing: once this run's first series folder is there, within the time
            // the probes spent storing.
            _ => {
                let start = Instant::now();
                while !has_series(&store)
                    && child.try_wait().unwrap().is_none()
                    && start.elapsed() < whole * 20
                {
                    std::thread::sleep(Duration::from_micros(100));
                }
                (whole - storing).mul_f64(fraction)
            }
        };
        std::thread::sleep(delay);
        let _ = child.kill();
        let killed = !child.wait().unwrap().success();
        match (killed, has_series(&store)) {
            (false, _) => finished += 1,
            (true, true) => mid_run += 1,
            (true, false) => early += 1,
        }
        assert!(
            bulk_add(&store, &pulls).status().unwrap().success(),
            "trial {i}"
        );
        assert_identical(
            &store,
            &reference,
            &format!("trial {i} (killed after {delay:?})"),
        );
        std::fs::remove_dir_all(&store).unwrap();
    }
    // The record for docs/robustness.md (`--nocapture`).
    println!(
        "{trials} kill trials over a {whole:?} run (storing from {storing:?}): {mid_run} killed \
         while storing, {early} before anything was stored, {finished} finished first; every \
         re-run identical to the uninterrupted store"
    );
    if trials >= 20 {
        assert!(mid_run > 0, "no kill landed while pulls were being stored");
    }
}

#[test]
fn killed_bulk_adds_rerun_to_the_uninterrupted_store_quick() {
    killed_bulk_adds_rerun_to_the_uninterrupted_store(6);
}

/// The acceptance run: 200 kills (about two minutes in a debug build).
#[test]
#[ignore = "slow: run by .ci/run"]
fn killed_bulk_adds_rerun_to_the_uninterrupted_store_200() {
    killed_bulk_adds_rerun_to_the_uninterrupted_store(200);
}

/// Copies a store (files and folders).
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A store of two long series, `a` (older editions) and `b`, sharing some dates.
fn regroup_store(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    let a = write_generated_pulls(&dir.join("pa"), "FACT SHEET: Harbor Pilots Program", 60, 7);
    let b: Vec<PathBuf> = (0..60u32)
        .map(|i| {
            let (date, text) = generated_pull(
                "FACT SHEET: Harbor Pilot Training",
                120 + i * 3,
                700 + u64::from(i),
            );
            let p = dir.join("pb").join(format!("{date}.txt"));
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect();
    for (series, pulls) in [("a", &a), ("b", &b)] {
        let ok = Command::new(bin())
            .env_clear()
            .args(["add", "--quiet", "--series", series, "--editions"])
            .arg(&store)
            .args(pulls)
            .status()
            .unwrap();
        assert!(ok.success());
    }
    store
}

fn series_cmd(store: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(bin());
    cmd.env_clear()
        .args(["--editions"])
        .arg(store)
        .args(["series", "--quiet"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// `merge`, `split` and `rename` killed at random moments: the next command that opens the
/// store finishes the job, so the store is exactly the regrouped one (or, killed before the
/// journal was written, exactly the original); no claim set is lost or doubled.
fn killed_regroupings_finish(trials: u32) {
    let dir = tempfile::tempdir().unwrap();
    let original = regroup_store(dir.path());
    let ops: [&[&str]; 3] = [
        &["merge", "a", "b"],
        &["split", "b", "--at", "2020-07-01", "c"],
        &["rename", "a", "z"],
    ];
    let mut finished_by_recovery = 0;
    for (k, op) in ops.iter().enumerate() {
        let done = dir.path().join(format!("done{k}"));
        copy_tree(&original, &done);
        let start = Instant::now();
        assert!(series_cmd(&done, op).status().unwrap().success(), "{op:?}");
        let whole = start.elapsed().max(Duration::from_millis(2));
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15 ^ k as u64;
        for i in 0..trials {
            let store = dir.path().join(format!("op{k}-{i}"));
            copy_tree(&original, &store);
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let delay = whole.mul_f64((seed % 1000) as f64 / 1000.0);
            let mut child = series_cmd(&store, op).spawn().unwrap();
            std::thread::sleep(delay);
            let _ = child.kill();
            child.wait().unwrap();
            if store.join(factdiff::regroup::JOURNAL_FILE).exists() {
                finished_by_recovery += 1;
            }
            // Any command that opens the store finishes the regrouping (or finds it never
            // started): here one that only reads.
            let listing = Command::new(bin())
                .env_clear()
                .args(["series", "--format", "tsv", "--editions"])
                .arg(&store)
                .output()
                .unwrap();
            assert!(listing.status.success(), "{op:?} trial {i}");
            assert!(!store.join(factdiff::regroup::JOURNAL_FILE).exists());
            // A temporary file the kill left (the journal's, say) goes with the next writer.
            let empty = dir.path().join("empty-list");
            std::fs::write(&empty, "").unwrap();
            let add = Command::new(bin())
                .env_clear()
                .args(["add", "--quiet", "--editions"])
                .arg(&store)
                .arg("--from-list")
                .arg(&empty)
                .status()
                .unwrap();
            assert!(add.success());
            let started = snapshot(&store) != snapshot(&original);
            let want = if started { &done } else { &original };
            assert_identical(
                &store,
                want,
                &format!("{op:?} trial {i} (killed after {delay:?})"),
            );
            std::fs::remove_dir_all(&store).unwrap();
        }
    }
    if trials >= 20 {
        assert!(
            finished_by_recovery > 0,
            "no kill landed inside a regrouping"
        );
    }
}

#[test]
fn killed_regroupings_finish_quick() {
    killed_regroupings_finish(4);
}

#[test]
#[ignore = "slow: run by .ci/run"]
fn killed_regroupings_finish_many() {
    killed_regroupings_finish(60);
}

/// Series folders of `store` holding no claim set (an interrupted run used to leave them).
fn empty_series_folders(store: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(store) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .filter(|p| {
            !std::fs::read_dir(p).unwrap().any(|e| {
                let name = e.unwrap().file_name().to_string_lossy().into_owned();
                name.ends_with(".toml") && name != "topics.toml"
            })
        })
        .map(|p| p.display().to_string())
        .collect()
}

/// A full disk, simulated with a file-size limit (`RLIMIT_FSIZE`, with `SIGXFSZ` ignored so a
/// write past it fails with `EFBIG` as it would with `ENOSPC`): `add` fails part way at
/// different points with exit 2, leaves no empty series folder, and a re-run with room makes
/// the store an uninterrupted run makes (a full 3 MB disk once left 1,415 empty folders and
/// `-2` series).
#[cfg(unix)]
#[test]
fn failed_writes_leave_no_empty_folder_and_rerun_to_the_uninterrupted_store() {
    use std::os::unix::process::CommandExt;
    let dir = tempfile::tempdir().unwrap();
    let pulls = mixed_pulls(&dir.path().join("pulls"));
    let reference = dir.path().join("reference");
    assert!(bulk_add(&reference, &pulls).status().unwrap().success());
    let mut failed = 0;
    for limit in [0u64, 600, 1_200, 2_000, 4_000, 12_000] {
        let store = dir.path().join(format!("limit{limit}"));
        let mut cmd = bulk_add(&store, &pulls);
        // Output to files under the same limit, as a CI log on a full disk: a failed write to
        // stderr must lose the line, not panic (exit 101).
        let log = |name: &str| std::fs::File::create(dir.path().join(name)).unwrap();
        cmd.stdout(log("out.txt")).stderr(log("err.txt"));
        // SAFETY: only async-signal-safe calls (signal, setrlimit) between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                let lim = libc::rlimit {
                    rlim_cur: limit as libc::rlim_t,
                    rlim_max: limit as libc::rlim_t,
                };
                if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let status = cmd.status().unwrap();
        if !status.success() {
            failed += 1;
            assert_eq!(status.code(), Some(2), "limit {limit}: {status:?}");
        }
        assert_eq!(
            empty_series_folders(&store),
            Vec::<String>::new(),
            "limit {limit}"
        );
        assert!(
            bulk_add(&store, &pulls).status().unwrap().success(),
            "limit {limit}: re-run"
        );
        assert_identical(&store, &reference, &format!("file-size limit {limit}"));
    }
    assert!(failed >= 4, "only {failed} runs ran into the limit");
}
