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
    assert!(
        stderr.contains("alpha, beta") && stderr.contains("--series"),
        "{stderr}"
    );
}
