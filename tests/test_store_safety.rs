//! The store under attack or after accidents: planted links, an index that lies or is a
//! folder, leftovers of killed runs, names no other system can check out, revision names that
//! only look right. One test per defect found by the adversarial probe (issue 15: 1, 6, 9, 10).

use crate::common::*;
use std::path::{Path, PathBuf};
use std::process::Output;

fn add(store: &Path, extra: &[&str], pulls: &[PathBuf]) -> Output {
    factdiff()
        .arg("add")
        .arg("--editions")
        .arg(store)
        .args(extra)
        .args(pulls)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[cfg(unix)]
#[test]
fn planted_index_temporaries_never_write_outside() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("st");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::create_dir_all(&store).unwrap();
    let victim = outside.join("victim.txt");
    std::fs::write(&victim, "victim").unwrap();
    // Links under the temporary names of every likely process id, old and new style.
    for pid in 1..2000u32 {
        for name in [
            format!(".factdiff-index.json.{pid}.tmp"),
            format!(".factdiff-index.json.{pid}.0.tmp"),
        ] {
            std::os::unix::fs::symlink("../outside/victim.txt", store.join(name)).unwrap();
        }
    }
    // And under the names of the very process that runs `add` (a shell plants them, then
    // execs the binary under its own process id), whatever the machine's pid range; `-f`
    // because a pid below 2000 (the pid counter wraps) already has its link from above.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(
            r#"i=0; while [ $i -lt 64 ]; do
                 ln -sf ../outside/victim.txt "$1/.factdiff-index.json.$$.$i.tmp" || exit 99
                 i=$((i+1))
               done
               exec "$0" add --quiet --editions "$1" "$2""#,
        )
        .arg(assert_cmd::cargo::cargo_bin("factdiff"))
        .arg(&store)
        .arg(fixture("harbor/2023-03-14.md"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "victim");
    // The sweep removed the links (not their target).
    assert!(
        !names(&store).iter().any(|n| n.ends_with(".tmp")),
        "{:?}",
        names(&store)
    );
    assert_eq!(names(&outside), ["victim.txt"]);
}

#[cfg(unix)]
#[test]
fn a_dangling_lock_link_is_refused_and_its_target_never_made() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("st");
    std::fs::create_dir_all(&store).unwrap();
    let target = dir.path().join("made-outside");
    std::os::unix::fs::symlink(&target, store.join(".factdiff.lock")).unwrap();
    let out = add(&store, &[], &[fixture("harbor/2023-03-14.md")]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(".factdiff.lock: is a symbolic link; the store never follows one"),
        "{err}"
    );
    assert!(!target.exists(), "the lock's target was created");
    assert_eq!(names(&store), [".factdiff.lock"], "nothing stored");
}

#[cfg(unix)]
#[test]
fn linked_rule_files_are_refused_without_quoting_their_target() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("st");
    std::fs::create_dir_all(store.join("harbor")).unwrap();
    let secret = dir.path().join("secret.toml");
    std::fs::write(&secret, "api_key = \"hunter2\"\n").unwrap();
    // series.toml
    std::os::unix::fs::symlink(&secret, store.join("series.toml")).unwrap();
    let out = add(&store, &[], &[fixture("harbor/2023-03-14.md")]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("series.toml: is a symbolic link"), "{err}");
    assert!(
        !err.contains("hunter2") && !err.contains("api_key"),
        "{err}"
    );
    std::fs::remove_file(store.join("series.toml")).unwrap();
    // topics.toml
    std::os::unix::fs::symlink(&secret, store.join("harbor/topics.toml")).unwrap();
    let out = add(
        &store,
        &["--series", "harbor"],
        &[fixture("harbor/2023-03-14.md")],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("topics.toml: is a symbolic link"), "{err}");
    assert!(
        !err.contains("hunter2") && !err.contains("api_key"),
        "{err}"
    );
}

#[test]
fn an_index_that_is_a_folder_fails_before_anything_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("st");
    std::fs::create_dir_all(store.join(".factdiff-index.json")).unwrap();
    let out = add(&store, &[], &[fixture("harbor/2023-03-14.md")]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(".factdiff-index.json: not a regular file; remove it"),
        "{err}"
    );
    assert_eq!(names(&store), [".factdiff-index.json", ".factdiff.lock"]);
    // Reading commands are not blocked: they rebuild the index in memory.
    std::fs::remove_dir(store.join(".factdiff-index.json")).unwrap();
    let ok = add(&store, &["--quiet"], &[fixture("harbor/2023-03-14.md")]);
    assert!(ok.status.success());
    std::fs::remove_file(store.join(".factdiff-index.json")).unwrap();
    std::fs::create_dir(store.join(".factdiff-index.json")).unwrap();
    let listing = factdiff()
        .args(["series", "--format", "tsv", "--editions"])
        .arg(&store)
        .output()
        .unwrap();
    assert!(listing.status.success(), "{}", stderr(&listing));
    assert!(String::from_utf8_lossy(&listing.stdout).starts_with("harbor-renewal-initiative"));
}

#[test]
fn an_index_entry_no_file_backs_does_not_skip_a_new_pull() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("st");
    let out = add(
        &store,
        &["--quiet", "--series", "harbor"],
        &[fixture("harbor/2022-05-10.md")],
    );
    assert!(out.status.success());
    // Plant the digest of the next pull on the stored edition's entry.
    let next = fixture("harbor/2023-03-14.md");
    let extracted = json(
        factdiff()
            .arg("extract")
            .arg(&next)
            .args(["--format", "json"]),
    );
    let digest = extracted["edition"]["digest"].as_str().unwrap().to_string();
    let index_path = store.join(".factdiff-index.json");
    let index = std::fs::read_to_string(&index_path).unwrap();
    let stored = factdiff::ClaimSet::load(&store.join("harbor/2022-05-10.toml")).unwrap();
    let planted = index.replace(stored.edition.digest.as_deref().unwrap(), &digest);
    assert_ne!(planted, index);
    std::fs::write(&index_path, planted).unwrap();
    let out = add(&store, &[], &[next]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("1 added, 0 skipped"), "{stdout}");
    assert!(store.join("harbor/2023-03-14.toml").exists());
}

#[test]
fn an_empty_folder_left_behind_does_not_push_the_series_to_a_new_name() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("st");
    std::fs::create_dir_all(store.join("harbor-renewal-initiative-gulf-coast-region")).unwrap();
    // (An older version made the folder before its first file.) Also a temporary folder and
    // file a killed run left.
    std::fs::create_dir_all(store.join(".harbor.123.0.tmp")).unwrap();
    std::fs::write(store.join(".harbor.123.0.tmp/2023-03-14.toml"), "half").unwrap();
    let out = add(&store, &[], &[fixture("harbor/2023-03-14.md")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        names(&store)
            .into_iter()
            .filter(|n| !n.starts_with('.'))
            .collect::<Vec<_>>(),
        ["harbor-renewal-initiative-gulf-coast-region"],
        "no -2 folder"
    );
    assert!(store
        .join("harbor-renewal-initiative-gulf-coast-region/2023-03-14.toml")
        .exists());
    assert!(!store.join(".harbor.123.0.tmp").exists());
}

#[test]
fn a_folder_prepared_with_rules_is_used_for_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("st");
    let folder = store.join("harbor-renewal-initiative-gulf-coast-region");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(fixture("harbor/topics.toml"), folder.join("topics.toml")).unwrap();
    let out = add(&store, &["--quiet"], &[fixture("harbor/2023-03-14.md")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        folder.join("2023-03-14.toml").exists(),
        "{:?}",
        names(&store)
    );
}

#[test]
fn jobs_are_capped_at_the_core_count() {
    let dir = tempfile::tempdir().unwrap();
    let start = std::time::Instant::now();
    let out = add(
        &dir.path().join("st"),
        &["--jobs", "100000"],
        &[fixture("harbor/2023-03-14.md")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let cores = std::thread::available_parallelism().unwrap().get();
    if cores < 100000 {
        assert!(
            stderr(&out).contains(&format!(
                "--jobs 100000: using {cores} (the number of cores)"
            )),
            "{}",
            stderr(&out)
        );
    }
    assert!(start.elapsed() < std::time::Duration::from_secs(30));
    let help = factdiff().args(["add", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("capped at the number of cores"), "{help}");
}

#[test]
fn series_names_that_do_not_travel_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("st");
    for bad in [
        "a\nb",
        "a\u{1b}[31m",
        "a\tb",
        " ",
        "CON",
        "nul",
        "COM1",
        "lpt9.txt",
        "a:b",
        "*",
        "a?b",
        "a|b",
        "dots.",
        "../x",
    ] {
        let out = add(
            &store,
            &["--series", bad],
            &[fixture("harbor/2023-03-14.md")],
        );
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        let err = stderr(&out);
        assert!(err.contains("invalid series name"), "{bad:?}: {err}");
        assert_eq!(
            err.lines().count(),
            1,
            "{bad:?}: the name is quoted, escaped: {err}"
        );
        assert!(!err.contains('\u{1b}'), "{bad:?}");
    }
    assert!(!store.exists() || names(&store).iter().all(|n| n.starts_with('.')));
}

#[test]
fn titles_that_would_make_device_names_get_a_safe_folder() {
    let dir = tempfile::tempdir().unwrap();
    let pull = dir.path().join("con.md");
    std::fs::write(
        &pull,
        "---\ntitle: 'CON'\ndate: '2023-01-05'\n---\n\n- The office hired more than 40 inspectors.\n",
    )
    .unwrap();
    let store = dir.path().join("st");
    let out = add(&store, &["--quiet"], &[pull]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        store.join("con-series/2023-01-05.toml").exists(),
        "{:?}",
        names(&store)
    );
}

#[test]
fn revision_names_are_read_strictly_and_the_file_name_wins() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("st");
    let out = add(
        &store,
        &["--quiet", "--series", "h"],
        &[fixture("harbor/2023-03-14.md")],
    );
    assert!(out.status.success());
    let folder = store.join("h");
    let stored = std::fs::read_to_string(folder.join("2023-03-14.toml")).unwrap();
    // Look-alike names are not editions.
    std::fs::write(folder.join("2023-03-14.02.toml"), &stored).unwrap();
    std::fs::write(folder.join("2023-03-14.+2.toml"), &stored).unwrap();
    // A header claiming revision 7 in the first release's file.
    let claimed = stored.replacen("\ndigest = ", "\nrevision = 7\ndigest = ", 1);
    std::fs::write(folder.join("2023-03-14.toml"), claimed).unwrap();
    let listing = factdiff()
        .args(["series", "--format", "tsv", "--editions"])
        .arg(&store)
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&listing.stdout);
    assert!(listing.starts_with("h\t1\t"), "{listing}");
    assert!(listing.trim_end().ends_with("\t2023-03-14"), "{listing}");
    let r = json(factdiff().arg("--editions").arg(&store).args([
        "diff",
        "2023-03-14",
        "2023-03-14",
        "--format",
        "json",
    ]));
    assert!(r["old"].get("revision").is_none(), "{r:#}");
    assert!(r["new"].get("revision").is_none(), "{r:#}");
    // A label with a leading zero names nothing either.
    let out = factdiff()
        .arg("--editions")
        .arg(&store)
        .args(["diff", "2023-03-14.02", "2023-03-14"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_never_waits_for_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("st");
    let out = add(
        &store,
        &["--quiet", "--series", "h"],
        &[fixture("harbor/2023-03-14.md")],
    );
    assert!(out.status.success());
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(store.join(".factdiff.lock"))
        .unwrap();
    lock.lock().unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("factdiff"))
        .env_clear()
        .arg("check")
        .arg("--editions")
        .arg(&store)
        .args(["--series", "h"])
        .arg(fixture("harbor/2024-04-02.md"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("check waited for the lock");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    lock.unlock().unwrap();
}

#[test]
fn folders_added_by_hand_after_a_run_are_seen_by_readers() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("st");
    let out = add(
        &store,
        &["--quiet", "--series", "h"],
        &[
            fixture("harbor/2022-05-10.md"),
            fixture("harbor/2023-03-14.md"),
        ],
    );
    assert!(out.status.success());
    // The run sealed the root; a folder copied in by hand breaks the seal.
    let copy = store.join("harbor-copy");
    std::fs::create_dir(&copy).unwrap();
    for f in ["2022-05-10.toml", "2023-03-14.toml"] {
        std::fs::copy(store.join("h").join(f), copy.join(f)).unwrap();
    }
    let listing = factdiff()
        .args(["series", "--format", "tsv", "--editions"])
        .arg(&store)
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&listing.stdout);
    assert!(listing.contains("harbor-copy\t2\t"), "{listing}");
    let out = factdiff()
        .args(["check", "--series", "harbor-copy", "--editions"])
        .arg(&store)
        .arg(fixture("harbor/2024-04-02.md"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["old"]["date"], "2023-03-14");
    // And a folder removed by hand is no series any more.
    std::fs::remove_dir_all(&copy).unwrap();
    let out = factdiff()
        .args(["history", "--series", "harbor-copy", "--editions"])
        .arg(&store)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no series named \"harbor-copy\""),
        "{}",
        stderr(&out)
    );
}
