//! Bad input: one clear line on stderr naming the file, exit code 2, never a panic.

use crate::common::*;

fn fails_with(path: &std::path::Path, needle: &str) {
    let out = factdiff().arg("extract").arg(path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(needle), "{needle:?} not in {stderr:?}");
    assert!(
        stderr.contains(&path.display().to_string()),
        "names the file: {stderr}"
    );
    assert!(!stderr.contains("panicked"));
    assert!(out.stdout.is_empty());
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("2023-01-01.md");
    std::fs::write(&p, "  \n\n").unwrap();
    fails_with(&p, "empty");
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("2023-01-01.pdf");
    std::fs::write(&p, b"%PDF-1.7\n\x00\x01\x02binary").unwrap();
    fails_with(&p, "binary");
}

#[test]
fn invalid_utf8_gives_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("2023-01-01.txt");
    std::fs::write(&p, b"Title\n\n- Over 500 jobs caf\xe9 and more.\n").unwrap();
    fails_with(&p, "byte offset 26");
}

#[test]
fn no_date_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("sheet.txt");
    std::fs::write(
        &p,
        "FACT SHEET: Something\n\n- The agency hired more than 300 inspectors.\n",
    )
    .unwrap();
    fails_with(&p, "no edition date");
}

#[test]
fn no_claims() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("2023-01-01.md");
    std::fs::write(
        &p,
        "---\ntitle: 'FACT SHEET: Nothing'\ndate: '2023-01-01'\n---\n\n**January 2023**\n",
    )
    .unwrap();
    fails_with(&p, "no claims");
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    fails_with(&dir.path().join("nope.md"), "No such file");
}

#[test]
fn directory() {
    let dir = tempfile::tempdir().unwrap();
    fails_with(dir.path(), "directory");
}

#[test]
fn bad_date_flag() {
    let out = factdiff()
        .arg("extract")
        .arg(fixture("harbor/2023-03-14.md"))
        .args(["--date", "yesterday"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("yesterday"));
}

#[test]
fn malformed_claim_set_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.toml");
    std::fs::write(
        &p,
        "schema = 1\n[edition]\ntitle = \"x\"\ndate = 2023-02-30\n",
    )
    .unwrap();
    let out = factdiff().arg("diff").arg(&p).arg(&p).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("{}:4:", p.display())), "{stderr}");
}

#[test]
fn unknown_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("future.toml");
    std::fs::write(
        &p,
        "schema = 7\n[edition]\ntitle = \"x\"\ndate = 2023-02-01\n",
    )
    .unwrap();
    let out = factdiff().arg("diff").arg(&p).arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("schema version 7"));
}

#[test]
fn several_series_without_choice_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    for (s, ed) in [("alpha", "2023-03-14.md"), ("beta", "2024-04-02.md")] {
        factdiff()
            .args(["add", "--quiet", "--series", s, "--editions"])
            .arg(dir.path())
            .arg(fixture(&format!("harbor/{ed}")))
            .assert()
            .success();
    }
    let out = factdiff()
        .arg("diff")
        .arg("--editions")
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    // The most recently updated first; the way to list them all is named.
    assert!(
        stderr.contains("2 series here and none chosen; series here: beta, alpha")
            && stderr.contains("--series")
            && stderr.contains("`factdiff series` lists them all"),
        "{stderr}"
    );
}

/// Runs `factdiff` and returns its exit code and its stderr, which must be one line.
fn one_line(cmd: &mut assert_cmd::Command) -> (Option<i32>, String) {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(!stderr.contains("panicked"));
    (out.status.code(), stderr.trim_end().to_string())
}

#[test]
fn missing_store_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("nowhere");
    let (code, line) = one_line(factdiff().arg("history").arg("--editions").arg(&store));
    assert_eq!(code, Some(2));
    assert_eq!(
        line,
        format!(
            "factdiff: error: {}: no editions folder here; pass --editions DIR or run `factdiff add` first",
            store.display()
        )
    );
}

#[test]
fn unknown_series_lists_the_others() {
    let store = harbor_store();
    let (code, line) = one_line(
        factdiff()
            .arg("history")
            .arg("--editions")
            .arg(store.path())
            .args(["--series", "nope"]),
    );
    assert_eq!(code, Some(2));
    assert!(
        line.ends_with(
            "no series named \"nope\"; series here: harbor; `factdiff series` lists them all"
        ),
        "{line}"
    );
}

#[test]
fn diff_of_one_edition_asks_for_two() {
    let dir = tempfile::tempdir().unwrap();
    factdiff()
        .args(["add", "--quiet", "--series", "harbor", "--editions"])
        .arg(dir.path())
        .arg(fixture("harbor/2023-03-14.md"))
        .assert()
        .success();
    let (code, line) = one_line(factdiff().arg("diff").arg("--editions").arg(dir.path()));
    assert_eq!(code, Some(2));
    assert_eq!(
        line,
        "factdiff: error: series \"harbor\" has 1 edition(s), 2 needed; name OLD and NEW"
    );
}

#[test]
fn unknown_edition_date_lists_the_editions() {
    let store = harbor_store();
    let (code, line) = one_line(
        factdiff()
            .arg("diff")
            .arg("--editions")
            .arg(store.path())
            .args(["2099-01-01", "2024-04-02"]),
    );
    assert_eq!(code, Some(2));
    assert_eq!(
        line,
        "factdiff: error: 2099-01-01: no edition of that date in series \"harbor\" \
         (editions: 2022-05-10, 2023-03-14, 2024-04-02); no file of that name either"
    );
}

/// `--date` is a flag of `extract` only: `add` is not told to pass it.
#[test]
fn no_date_hint_fits_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("sheet.txt");
    std::fs::write(
        &p,
        "FACT SHEET: Something\n\n- The agency hired more than 300 inspectors.\n",
    )
    .unwrap();
    let (code, line) = one_line(factdiff().arg("extract").arg(&p));
    assert_eq!(code, Some(2));
    assert!(line.ends_with("; pass --date YYYY-MM-DD"), "{line}");
    let out = factdiff()
        .args(["add", "--quiet", "--editions"])
        .arg(dir.path().join("store"))
        .arg(&p)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("no edition date") && !stderr.contains("--date"),
        "{stderr}"
    );
}

/// The input limit comes from FACTDIFF_MAX_INPUT_MB, for every command that reads a pull.
#[test]
fn input_limit_from_the_environment() {
    let store = harbor_store();
    let pull = fixture("harbor/2024-04-02.md");
    for args in [
        vec!["extract"],
        vec!["add", "--series", "harbor"],
        vec!["check"],
        vec!["diff", "2023-03-14"],
    ] {
        let (code, line) = one_line(
            factdiff()
                .env("FACTDIFF_MAX_INPUT_MB", "0")
                .args(&args)
                .arg("--editions")
                .arg(store.path())
                .arg(&pull),
        );
        assert_eq!(code, Some(2), "{args:?}");
        assert!(
            line.starts_with(&format!(
                "factdiff: error: {}: file too large",
                pull.display()
            )) && line.ends_with("the limit is 0 bytes); raise it with FACTDIFF_MAX_INPUT_MB"),
            "{args:?}: {line}"
        );
    }
    factdiff()
        .env("FACTDIFF_MAX_INPUT_MB", "1")
        .arg("extract")
        .arg(&pull)
        .assert()
        .success();
    let (code, line) = one_line(
        factdiff()
            .env("FACTDIFF_MAX_INPUT_MB", "lots")
            .arg("extract")
            .arg(&pull),
    );
    assert_eq!(code, Some(2));
    assert_eq!(
        line,
        "factdiff: error: FACTDIFF_MAX_INPUT_MB=lots: expected a whole number of megabytes"
    );
}
