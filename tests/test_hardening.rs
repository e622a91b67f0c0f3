//! Hardening, round two (issue 15): special files among the pulls, the input limit counted
//! while reading, terminal escapes, hidden HTML content, super-linear history and HTML.

use crate::common::*;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

/// Long enough for a debug build on a busy machine; a hang runs into it and fails the test.
const TIMEOUT: Duration = Duration::from_secs(60);

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// A store path and a folder of pulls: two Harbor editions.
fn pulls() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let pulls = dir.path().join("pulls");
    std::fs::create_dir_all(&pulls).unwrap();
    for ed in ["2022-05-10.md", "2023-03-14.md"] {
        std::fs::copy(fixture(&format!("harbor/{ed}")), pulls.join(ed)).unwrap();
    }
    (dir, store, pulls)
}

fn add(store: &Path, inputs: &[&Path]) -> Output {
    factdiff()
        .arg("add")
        .arg("--editions")
        .arg(store)
        .args(["--series", "harbor"])
        .args(inputs)
        .timeout(TIMEOUT)
        .output()
        .unwrap()
}

/// Exit 2 (not a timeout, not a signal), no panic, and stderr names the file and what it is.
fn refused(out: &Output, name: &str, what: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.lines()
            .any(|l| l.contains(name) && l.contains(what) && l.contains("expected a regular file")),
        "no line naming {name} as {what}: {err}"
    );
}

// ---- special files among the pulls (items 2 and 3) --------------------------------------------

#[cfg(unix)]
#[test]
fn add_refuses_a_fifo_among_the_pulls_and_stores_the_others() {
    let (_dir, store, pulls) = pulls();
    mkfifo(&pulls.join("2024-04-02.md"));
    let started = Instant::now();
    let out = add(&store, &[&pulls]);
    refused(&out, "2024-04-02.md", "is a FIFO (named pipe)");
    assert!(started.elapsed() < TIMEOUT);
    // The two real pulls were stored, and the lock was let go: a second run goes through.
    let stored: Vec<String> = std::fs::read_dir(store.join("harbor"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml") && n.starts_with("20"))
        .collect();
    assert_eq!(stored.len(), 2, "{stored:?}");
    let again = add(&store, &[&pulls.join("2022-05-10.md")]);
    assert!(again.status.success(), "{}", stderr(&again));
}

#[cfg(unix)]
#[test]
fn a_fifo_named_as_a_pull_or_claim_set_never_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("2023-03-14.md");
    mkfifo(&fifo);
    let toml_fifo = dir.path().join("2023-03-14.toml");
    mkfifo(&toml_fifo);
    let store = harbor_store();
    let old = fixture("harbor/2022-05-10.md");
    let runs: [(&str, Vec<&Path>, &Path); 4] = [
        ("extract", vec![&fifo], &fifo),
        ("diff", vec![&old, &fifo], &fifo),
        ("diff", vec![&old, &toml_fifo], &toml_fifo),
        ("check", vec![&fifo], &fifo),
    ];
    for (command, args, named) in runs {
        let out = factdiff()
            .arg(command)
            .arg("--editions")
            .arg(store.path())
            .args(["--series", "harbor"])
            .args(args)
            .timeout(TIMEOUT)
            .output()
            .unwrap();
        let name = named.file_name().unwrap().to_string_lossy().into_owned();
        refused(&out, &name, "is a FIFO (named pipe)");
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_to_dev_zero_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("2023-03-14.md");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    for command in ["extract", "add"] {
        let started = Instant::now();
        let out = factdiff()
            .arg(command)
            .arg("--editions")
            .arg(dir.path().join("store"))
            .arg(&link)
            .timeout(TIMEOUT)
            .output()
            .unwrap();
        refused(&out, "2023-03-14.md", "is a character device");
        // Refused by kind, before a byte is read: no time to fill memory.
        assert!(started.elapsed() < Duration::from_secs(20), "{command}");
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_to_a_regular_pull_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("linked.md");
    std::os::unix::fs::symlink(fixture("harbor/2023-03-14.md"), &link).unwrap();
    let out = factdiff()
        .args(["extract", "--format", "json"])
        .arg(&link)
        .timeout(TIMEOUT)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"claims\""));
}

/// The limit is counted on the bytes read: a `/proc` file reports a length of 0.
#[cfg(target_os = "linux")]
#[test]
fn the_input_limit_holds_when_the_reported_length_is_zero() {
    use factdiff::pipeline::{extract_file, ExtractOptions};
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("2023-03-14.txt");
    std::os::unix::fs::symlink("/proc/self/maps", &link).unwrap();
    if std::fs::metadata(&link).ok().map(|m| m.len()) != Some(0) {
        return; // no procfs
    }
    let options = ExtractOptions {
        max_input_bytes: 64,
        ..ExtractOptions::default()
    };
    let err = extract_file(&link, &options).unwrap_err();
    assert!(
        matches!(err, factdiff::Error::TooLarge { limit: 64, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("2023-03-14.txt"), "{err}");
}
