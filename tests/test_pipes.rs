//! `factdiff … | head -c 1`: a reader that closes the pipe early is not an error. Every command
//! and format exits 0, or 1 when a policy fired, and a fired policy is still named on stderr.
//!
//! Each case first runs to the end and checks that its output is far larger than a pipe buffer
//! (64 KiB on Linux), so the run whose reader leaves after one byte must meet a closed pipe
//! (Rust ignores SIGPIPE: the write returns EPIPE and the error reaches the front end).

use crate::common::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Claims per generated edition: enough for every format to write well over 128 KiB.
const TOPICS: usize = 1200;

/// More than twice a Linux pipe buffer.
const BIG: usize = 128 * 1024;

/// A long sheet: `TOPICS` headed bullets with two figures each. Edition 1 drops every tenth
/// topic, edition 2 also every tenth plus one; each edition moves every figure.
fn long_sheet(date_line: &str, edition: usize) -> String {
    let mut s = format!("# FACT SHEET: A Long Sheet\n\n{date_line}\n\n");
    for i in 0..TOPICS {
        if (edition >= 1 && i % 10 == 0) || (edition >= 2 && i % 10 == 1) {
            continue;
        }
        s.push_str(&format!(
            "- **Topic {i}:** The office has funded more than {} projects so far and trained {} officers.\n\n",
            1000 + i + edition * 7,
            50 + i - edition
        ));
    }
    s
}

/// A store with two long editions, and a third pull to check against it.
struct Long {
    dir: tempfile::TempDir,
}

impl Long {
    fn new() -> Long {
        let dir = tempfile::tempdir().unwrap();
        for (name, date, edition) in [
            ("2024-01-02.md", "January 2, 2024", 0),
            ("2024-06-03.md", "June 3, 2024", 1),
            ("2024-12-02.md", "December 2, 2024", 2),
        ] {
            std::fs::write(dir.path().join(name), long_sheet(date, edition)).unwrap();
        }
        factdiff()
            .args(["add", "--quiet", "--series", "long", "--editions"])
            .arg(dir.path().join("store"))
            .arg(dir.path().join("2024-01-02.md"))
            .arg(dir.path().join("2024-06-03.md"))
            .assert()
            .success();
        Long { dir }
    }

    fn store(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    /// The pull `check` compares with the latest stored edition.
    fn pull(&self) -> PathBuf {
        self.dir.path().join("2024-12-02.md")
    }

    fn first(&self) -> PathBuf {
        self.dir.path().join("2024-01-02.md")
    }
}

fn command(args: &[&Path]) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("factdiff"));
    cmd.env_clear().env("NO_COLOR", "1").args(args);
    cmd
}

/// Runs `args` twice: to the end (output larger than a pipe buffer, exit `code`), then with a
/// reader that takes one byte and closes the pipe (exit `code` again, no error on stderr, and
/// the policy line `policy` when one is expected).
fn closed_pipe(args: &[&Path], code: i32, policy: Option<&str>) {
    let full = command(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&full.stderr);
    assert_eq!(full.status.code(), Some(code), "{args:?}: {stderr}");
    assert!(
        full.stdout.len() > BIG,
        "{args:?}: only {} bytes of output, too little to fill a pipe",
        full.stdout.len()
    );
    assert_eq!(stderr.lines().next(), policy, "{args:?}");

    let mut child = command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(code), "{args:?} | head -c 1: {stderr}");
    assert!(!stderr.contains("error"), "{args:?} | head -c 1: {stderr}");
    assert_eq!(
        stderr.lines().count(),
        usize::from(policy.is_some()),
        "{stderr}"
    );
    assert_eq!(stderr.lines().next(), policy, "{args:?} | head -c 1");
    assert_eq!(first[0], full.stdout[0], "{args:?}: the same output");
}

fn p(s: &str) -> &Path {
    Path::new(s)
}

fn extract(format: &str) {
    let long = Long::new();
    closed_pipe(
        &[p("extract"), &long.first(), p("--format"), p(format)],
        0,
        None,
    );
}

fn diff(format: &str) {
    let long = Long::new();
    let store = long.store();
    closed_pipe(
        &[p("diff"), p("--editions"), &store, p("--format"), p(format)],
        0,
        None,
    );
}

fn history(format: &str) {
    let long = Long::new();
    let store = long.store();
    closed_pipe(
        &[
            p("history"),
            p("--editions"),
            &store,
            p("--format"),
            p(format),
        ],
        0,
        None,
    );
}

/// `check --fail-on dropped`: the policy line its JSON report implies (the third edition drops
/// more topics), checked once against the exact count of dropped topics.
fn dropped_line(long: &Long) -> String {
    let report = json(
        factdiff()
            .args([
                "check",
                "--series",
                "long",
                "--format",
                "json",
                "--editions",
            ])
            .arg(long.store())
            .arg(long.pull()),
    );
    let dropped = flagged(&report, "dropped");
    let claims = report["summary"]["claim-dropped"].as_u64().unwrap();
    assert_eq!(
        claims,
        (TOPICS / 10) as u64,
        "every tenth plus one topic dropped"
    );
    assert!(dropped as u64 >= claims);
    format!("factdiff: policy failed: dropped ({dropped})")
}

fn check(format: &str, fail_on: &str, fires: bool) {
    let long = Long::new();
    let (store, pull) = (long.store(), long.pull());
    let line = fires.then(|| dropped_line(&long));
    let code = if fires { 1 } else { 0 };
    closed_pipe(
        &[
            p("check"),
            // The store was made with --series: its title is too short to match by.
            p("--series"),
            p("long"),
            p("--editions"),
            &store,
            &pull,
            p("--fail-on"),
            p(fail_on),
            p("--format"),
            p(format),
        ],
        code,
        line.as_deref(),
    );
}

#[test]
fn extract_toml() {
    extract("toml");
}

#[test]
fn extract_json() {
    extract("json");
}

#[test]
fn diff_text() {
    diff("text");
}

#[test]
fn diff_markdown() {
    diff("markdown");
}

#[test]
fn diff_json() {
    diff("json");
}

#[test]
fn diff_csv() {
    diff("csv");
}

#[test]
fn diff_html() {
    diff("html");
}

#[test]
fn history_text() {
    history("text");
}

#[test]
fn history_markdown() {
    history("markdown");
}

#[test]
fn history_json() {
    history("json");
}

#[test]
fn history_csv() {
    history("csv");
}

#[test]
fn history_html() {
    history("html");
}

#[test]
fn check_text_policy_fired() {
    check("text", "dropped", true);
}

#[test]
fn check_json_policy_fired() {
    check("json", "dropped", true);
}

/// `republished` is asked for too but does not fire (another date): only `dropped` is named.
#[test]
fn check_markdown_policy_fired() {
    check("markdown", "dropped,republished", true);
}

#[test]
fn check_csv_policy_fired() {
    check("csv", "dropped", true);
}

#[test]
fn check_html_policy_fired() {
    check("html", "dropped", true);
}

/// Another date, so `republished` does not fire.
#[test]
fn check_text_policy_not_fired() {
    check("text", "republished", false);
}

#[test]
fn check_json_policy_not_fired() {
    check("json", "republished", false);
}

#[test]
fn check_markdown_policy_not_fired() {
    check("markdown", "republished", false);
}

#[test]
fn check_csv_policy_not_fired() {
    check("csv", "republished", false);
}

#[test]
fn check_html_policy_not_fired() {
    check("html", "republished", false);
}

#[test]
fn diff_exit_code_fired() {
    let long = Long::new();
    let (store, pull) = (long.store(), long.pull());
    let out = factdiff()
        .args(["diff", "--editions"])
        .arg(&store)
        .args(["2024-06-03", "--exit-code", "--format", "json"])
        .arg(&pull)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let changes = json["changes"].as_array().unwrap().len();
    assert!(changes > 100, "{changes}");
    let line = format!("factdiff: policy failed: any ({changes})");
    for format in ["text", "json"] {
        closed_pipe(
            &[
                p("diff"),
                p("--editions"),
                &store,
                p("2024-06-03"),
                &pull,
                p("--exit-code"),
                p("--format"),
                p(format),
            ],
            1,
            Some(&line),
        );
    }
}
