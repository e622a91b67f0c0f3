//! Hostile and broken input: huge files, deep nesting, binary data, mixed scripts, absurd
//! numbers, broken claim sets, paths that try to leave the store. Every failure is exit 2 with
//! one line on stderr naming the file; nothing panics.

use crate::common::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

/// Exit 2, one stderr line naming `path` (and `needle`), no panic, nothing on stdout.
fn clean_failure(out: &Output, path: &Path, needle: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.contains(&path.display().to_string()),
        "names {}: {stderr}",
        path.display()
    );
    assert!(
        stderr.to_lowercase().contains(&needle.to_lowercase()),
        "{needle:?} not in {stderr:?}"
    );
}

fn no_panic(out: &Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        matches!(out.status.code(), Some(0..=2)),
        "exit {:?}: {stderr}",
        out.status.code()
    );
}

fn extract(path: &Path, extra: &[&str]) -> Output {
    factdiff()
        .arg("extract")
        .arg(path)
        .args(extra)
        .output()
        .unwrap()
}

fn extract_json(path: &Path) -> serde_json::Value {
    json(
        factdiff()
            .arg("extract")
            .arg(path)
            .args(["--format", "json", "--no-text"]),
    )
}

fn values(set: &serde_json::Value) -> Vec<String> {
    set["claims"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["figures"].as_array().into_iter().flatten())
        .map(|f| f["value"].as_str().unwrap().to_string())
        .collect()
}

const HEAD: &str = "FACT SHEET: Hostile Input\n\nJanuary 5, 2023\n\n";

/// Writes `bullets` bullets into a text pull of roughly `target` bytes (or `count` bullets).
fn write_bullets(path: &Path, count: usize) -> u64 {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    f.write_all(HEAD.as_bytes()).unwrap();
    for i in 0..count {
        writeln!(
            f,
            "- **Topic {i}:** The program created more than {} jobs in the region.",
            i + 1
        )
        .unwrap();
    }
    f.flush().unwrap();
    std::fs::metadata(path).unwrap().len()
}

/// The input limit passed small (`FACTDIFF_MAX_INPUT_MB=1`): a 2 MB pull of bullets is refused
/// before it is read by `extract`, `add` and `check`; a pull of exactly 1 MiB is read and one
/// byte more is refused.
#[test]
fn two_mb_pull_over_a_one_mb_limit() {
    let dir = tempfile::tempdir().unwrap();
    let limited = |cmd: &str, pull: &Path| {
        factdiff()
            .env("FACTDIFF_MAX_INPUT_MB", "1")
            .arg(cmd)
            .arg("--editions")
            .arg(dir.path().join("store"))
            .arg(pull)
            .output()
            .unwrap()
    };
    let big = dir.path().join("2023-01-05.txt");
    assert!(write_bullets(&big, 28_000) > 2_000_000);
    for cmd in ["extract", "add", "check"] {
        clean_failure(&limited(cmd, &big), &big, "too large");
    }

    let edge = dir.path().join("2023-01-06.txt");
    let mut text = format!("{HEAD}- Over 500 jobs created.\n").into_bytes();
    text.resize(1024 * 1024, b'\n');
    std::fs::write(&edge, &text).unwrap();
    let out = limited("extract", &edge);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"500\""));
    text.push(b'\n');
    std::fs::write(&edge, &text).unwrap();
    clean_failure(&limited("extract", &edge), &edge, "too large");
}

/// A file just under the input limit is read; the same over it is refused without reading.
#[test]
fn input_size_limit_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("2023-01-05.txt");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(factdiff::pipeline::MAX_INPUT_BYTES + 1).unwrap();
    drop(f);
    clean_failure(&extract(&p, &[]), &p, "too large");
    let store = dir.path().join("store");
    let out = factdiff()
        .arg("add")
        .arg("--editions")
        .arg(&store)
        .arg(&p)
        .output()
        .unwrap();
    clean_failure(&out, &p, "too large");
}

/// One 8 MiB line: a cost that grew faster than linearly with the line would not finish (the
/// 50 MB release figure in docs/limits.md was measured by hand).
#[test]
fn a_single_8_mb_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("2023-01-06.txt");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&p).unwrap());
    f.write_all(HEAD.as_bytes()).unwrap();
    f.write_all(b"- ").unwrap();
    // One line, no figures worth keeping after the first: words only.
    let chunk = "the partners keep working across the region with states and ports ";
    let mut written = 0;
    f.write_all(b"More than 500 jobs: ").unwrap();
    while written < 8 * 1024 * 1024 {
        f.write_all(chunk.as_bytes()).unwrap();
        written += chunk.len();
    }
    f.write_all(b"\n").unwrap();
    f.flush().unwrap();
    drop(f);
    let set = extract_json(&p);
    assert_eq!(set["claims"].as_array().unwrap().len(), 1);
    assert_eq!(values(&set), ["500"]);
}

#[test]
fn hundred_thousand_bullets() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("2023-01-05.txt");
    write_bullets(&p, 100_000);
    let out = factdiff()
        .arg("extract")
        .arg(&p)
        .args(["--no-text", "--format", "json"])
        .output()
        .unwrap();
    no_panic(&out);
    assert!(out.status.success());
    let set: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = set["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 100_000);
    assert_eq!(claims[99_999]["figures"][0]["value"], "100000");
}

#[test]
fn nul_bytes_are_binary() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("2023-01-01.txt");
    std::fs::write(&p, b"FACT SHEET: X\n\n- Over 500 jobs\x00 created.\n").unwrap();
    clean_failure(&extract(&p, &[]), &p, "binary");
    let out = factdiff()
        .arg("add")
        .arg("--editions")
        .arg(dir.path().join("store"))
        .arg(&p)
        .output()
        .unwrap();
    clean_failure(&out, &p, "binary");
}

#[test]
fn right_to_left_and_mixed_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("2023-01-03.txt");
    std::fs::write(
        &p,
        "FACT SHEET: التوظيف والتدريب — תעסוקה\n\nJanuary 3, 2023\n\n\
         - **التوظيف:** أكثر من 20,000 jobs و $60 million تمويل.\n\n\
         - **תעסוקה:** more than 1,500 harbor pilots ו-35% גידול.\n\n\
         - **Смешанный 混合:** The agency trained 4,321 inspectors.\n\n\
         - \u{202b}**עברית:** over 2,500 vessels inspected\u{202c}\n",
    )
    .unwrap();
    let set = extract_json(&p);
    let vals = values(&set);
    for want in ["20000", "60000000", "1500", "4321", "2500"] {
        assert!(vals.iter().any(|v| v == want), "{want} not in {vals:?}");
    }
    // Every figure taken is written in the text as such: no digit invented or lost.
    for v in &vals {
        assert!(v.chars().all(|c| c.is_ascii_digit() || c == '.'), "{v}");
    }
}

#[test]
fn forty_digit_numbers_and_trillion_trillion() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("2023-01-02.txt");
    std::fs::write(
        &p,
        "FACT SHEET: Big Numbers\n\nJanuary 2, 2023\n\n\
         - The agency created 1234567890123456789012345678901234567890 jobs.\n\
         - We spent $999 trillion trillion on things.\n\
         - Over 99,999,999,999,999,999,999,999,999,999,999 people reached.\n\
         - $79,228,162,514,264,337,593,543,950,336 in loans.\n\
         - 7.9e28 widgets and 10^40 stars.\n\
         - Another 500 jobs.\n",
    )
    .unwrap();
    let out = extract(&p, &["--format", "json"]);
    no_panic(&out);
    assert!(out.status.success());
    let set: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let vals = values(&set);
    // Values beyond the decimal range are skipped, never wrapped or rounded.
    assert!(vals.contains(&"500".to_string()), "{vals:?}");
    for v in &vals {
        assert!(v.len() <= 29, "{v}");
        assert!(
            !v.starts_with("1234567890123456789012345678"),
            "truncated 40-digit value kept: {v}"
        );
    }
}

/// A claim set with huge values of opposite sign: diff and history must not overflow.
#[test]
fn extreme_values_in_claim_sets_do_not_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let series = dir.path().join("s");
    std::fs::create_dir_all(&series).unwrap();
    for (date, value) in [
        ("2023-01-01", "-79228162514264337593543950335"),
        ("2023-02-01", "79228162514264337593543950335"),
        ("2023-03-01", "0.0000000000000000000000000001"),
    ] {
        std::fs::write(
            series.join(format!("{date}.toml")),
            format!(
                "schema = 1\n[edition]\ntitle = \"T\"\ndate = {date}\n\n[[claims]]\ntopic = \"jobs\"\n\n\
                 [[claims.figures]]\nmeasure = \"jobs\"\nvalue = \"{value}\"\nunit = \"USD\"\n\
                 qualifier = \"exact\"\nquote = \"x\"\n"
            ),
        )
        .unwrap();
    }
    for format in ["text", "json", "csv", "markdown", "html"] {
        for args in [
            vec!["diff", "2023-01-01", "2023-02-01"],
            vec!["diff", "2023-02-01", "2023-03-01"],
            vec!["history", "--all"],
        ] {
            let out = factdiff()
                .args(&args)
                .arg("--editions")
                .arg(dir.path())
                .args(["--format", format])
                .output()
                .unwrap();
            no_panic(&out);
            assert!(
                out.status.success(),
                "{args:?} {format}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

fn claim_set_error(text: &str, needle: &str) {
    claim_set_error_in(text, needle, true);
}

/// `direct`: also refused when named as a file (not only inside a store).
fn claim_set_error_in(text: &str, needle: &str, direct: bool) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("2023-01-01.toml");
    std::fs::write(&p, text).unwrap();
    if direct {
        let out = factdiff().arg("diff").arg(&p).arg(&p).output().unwrap();
        clean_failure(&out, &p, needle);
    }
    // The same file in a store: `series`, `diff`, `history` and `add` all say which file.
    let store = dir.path().join("store");
    std::fs::create_dir_all(store.join("s")).unwrap();
    let stored = store.join("s/2023-01-01.toml");
    std::fs::copy(&p, &stored).unwrap();
    std::fs::write(
        store.join("s/2023-02-01.toml"),
        "schema = 1\n[edition]\ntitle = \"T\"\ndate = 2023-02-01\n",
    )
    .unwrap();
    for args in [vec!["diff"], vec!["history"]] {
        let out = factdiff()
            .args(&args)
            .arg("--editions")
            .arg(&store)
            .output()
            .unwrap();
        clean_failure(&out, &stored, needle);
    }
    let pull = dir.path().join("2024-01-01.txt");
    std::fs::write(&pull, "FACT SHEET: T\n\n- Over 5 jobs.\n").unwrap();
    let out = factdiff()
        .arg("add")
        .arg("--editions")
        .arg(&store)
        .arg(&pull)
        .output()
        .unwrap();
    clean_failure(&out, &stored, needle);
}

const GOOD_FIGURE: &str = "schema = 1\n[edition]\ntitle = \"T\"\ndate = 2023-01-01\n\n[[claims]]\ntopic = \"jobs\"\n\n[[claims.figures]]\nmeasure = \"jobs\"\nvalue = \"5\"\nunit = \"count\"\nqualifier = \"exact\"\nquote = \"5 jobs\"\n";

#[test]
fn claim_set_value_of_the_wrong_type() {
    claim_set_error(
        &GOOD_FIGURE.replace("value = \"5\"", "value = 5"),
        "expected a decimal written as a string",
    );
    claim_set_error(
        &GOOD_FIGURE.replace("value = \"5\"", "value = 0.1"),
        "expected a decimal written as a string",
    );
    claim_set_error(
        &GOOD_FIGURE.replace("value = \"5\"", "value = \"5\"\nmax = 7"),
        "expected a decimal written as a string",
    );
}

#[test]
fn claim_set_figures_of_the_wrong_type() {
    claim_set_error(
        "schema = 1\n[edition]\ntitle = \"T\"\ndate = 2023-01-01\n\n[[claims]]\ntopic = \"jobs\"\nfigures = \"x\"\n",
        ":8:11: invalid type: string \"x\", expected a sequence",
    );
}

#[test]
fn claim_set_bad_decimal_and_unit() {
    claim_set_error(
        &GOOD_FIGURE.replace("\"5\"", "\"5 million\""),
        "invalid decimal \"5 million\"",
    );
    claim_set_error(
        &GOOD_FIGURE.replace("\"count\"", "\"EUR\""),
        "unknown variant `EUR`",
    );
}

#[test]
fn claim_set_without_edition_or_date() {
    claim_set_error("schema = 1\n", "edition");
    claim_set_error("schema = 1\n[edition]\ntitle = \"T\"\n", "date");
}

#[test]
fn claim_set_of_an_unknown_schema() {
    claim_set_error(
        &GOOD_FIGURE.replace("schema = 1", "schema = 99"),
        "schema version 99",
    );
}

/// The store reads the date from the file name; a header that disagrees is refused by name.
#[test]
fn claim_set_header_date_disagrees_with_its_file_name() {
    claim_set_error_in(
        &GOOD_FIGURE.replace("date = 2023-01-01", "date = 2022-12-31"),
        "the edition date 2022-12-31 disagrees with the file name's date 2023-01-01",
        false,
    );
}

/// Two releases of one date: `<date>.toml` and `<date>.2.toml` are both fine.
#[test]
fn revision_files_of_one_date_are_fine() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("s");
    std::fs::create_dir_all(&s).unwrap();
    std::fs::write(s.join("2023-01-01.toml"), GOOD_FIGURE).unwrap();
    std::fs::write(
        s.join("2023-01-01.2.toml"),
        GOOD_FIGURE.replace("\"5\"", "\"6\""),
    )
    .unwrap();
    let out = factdiff()
        .args(["diff", "--format", "json", "--editions"])
        .arg(dir.path())
        .output()
        .unwrap();
    no_panic(&out);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["summary"]["figure-changed"], 1, "{r:#}");
}

fn add_to(store: &Path, series: Option<&str>, pull: &Path) -> Output {
    let mut cmd = factdiff();
    cmd.arg("add").arg("--editions").arg(store);
    if let Some(s) = series {
        cmd.args(["--series", s]);
    }
    cmd.arg(pull).output().unwrap()
}

fn pull_in(dir: &Path) -> PathBuf {
    let p = dir.join("2023-03-14.md");
    std::fs::copy(fixture("harbor/2023-03-14.md"), &p).unwrap();
    p
}

fn tree(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let t = e.file_type().unwrap();
            out.push(e.path().display().to_string());
            if t.is_dir() {
                stack.push(e.path());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn series_names_that_escape_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let pull = pull_in(dir.path());
    let store = dir.path().join("store");
    let outside = dir.path().join("x");
    for bad in ["../x", "/abs", "..", ".", "a/../../x", ".hidden"] {
        let out = add_to(&store, Some(bad), &pull);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {stderr}");
        assert!(!stderr.contains("panicked"));
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("invalid series name"), "{stderr}");
    }
    assert!(!outside.exists());
    assert!(!Path::new("/abs").exists());
    for bad in ["../x", "/abs"] {
        let out = factdiff()
            .args(["diff", "--series", bad, "--editions"])
            .arg(&store)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
}

#[cfg(unix)]
#[test]
fn symlinked_series_folder_is_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let pull = pull_in(dir.path());
    let store = dir.path().join("store");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::os::unix::fs::symlink(&outside, store.join("linked")).unwrap();
    let out = add_to(&store, Some("linked"), &pull);
    clean_failure(&out, &store.join("linked"), "symbolic link");
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
    // Matched by title, the pull goes to a new, real folder beside the link.
    let out = add_to(&store, None, &pull);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
    // A symlinked folder is not listed as a series.
    let out = factdiff()
        .args(["series", "--quiet", "--format", "tsv", "--editions"])
        .arg(&store)
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(!listing.contains("linked"), "{listing}");
}

#[cfg(unix)]
#[test]
fn symlinked_claim_set_file_is_ignored_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let pull = pull_in(dir.path());
    let store = dir.path().join("store");
    let series = store.join("harbor");
    std::fs::create_dir_all(&series).unwrap();
    let target = dir.path().join("target.toml");
    std::fs::write(&target, "not a claim set").unwrap();
    std::os::unix::fs::symlink(&target, series.join("2023-03-14.toml")).unwrap();
    std::os::unix::fs::symlink(&target, series.join("2023-03-14.2.md")).unwrap();
    let out = add_to(&store, Some("harbor"), &pull);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "not a claim set");
    // The link is skipped: the edition is stored beside it under the next free name.
    let t = tree(&series);
    assert!(t.iter().any(|p| p.ends_with("2023-03-14.2.toml")), "{t:?}");
    let out = factdiff()
        .args(["series", "--quiet", "--format", "tsv", "--editions"])
        .arg(&store)
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&out.stdout);
    let fields: Vec<&str> = listing.trim_end().split('\t').collect();
    assert_eq!(
        fields[..4],
        ["harbor", "1", "2023-03-14", "2023-03-14"],
        "{listing}"
    );
    assert_eq!(fields[5], "2023-03-14.2", "{listing}");
}
