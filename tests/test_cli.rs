//! The command line itself: completions, the man page, broken pipes, color.

use crate::common::*;
use std::io::Read;
use std::process::{Command, Stdio};

fn stdout_of(args: &[&str]) -> String {
    let out = factdiff().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn root_causes() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("editions")
}

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "_factdiff()"),
        ("zsh", "#compdef factdiff"),
        ("fish", "complete -c factdiff"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[factdiff]"),
    ] {
        let script = stdout_of(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: no {marker:?}");
        for sub in [
            "extract", "add", "check", "diff", "history", "series", "man",
        ] {
            assert!(script.contains(sub), "{shell}: {sub} not completed");
        }
        assert!(script.contains("fail-on"), "{shell}");
    }
    factdiff().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_page_is_roff_for_every_subcommand() {
    let page = stdout_of(&["man"]);
    assert!(page.contains(".TH factdiff 1"), "{page}");
    assert!(page.contains(".SH SYNOPSIS"));
    for sub in [
        "EXTRACT",
        "ADD",
        "CHECK",
        "DIFF",
        "HISTORY",
        "SERIES",
        "COMPLETIONS",
    ] {
        assert!(page.contains(&format!(".SH \"FACTDIFF {sub}\"")), "{sub}");
    }
    assert!(page.contains("\\-\\-fail\\-on"), "options are listed");
    assert!(page.contains("Examples:"), "after-help examples are kept");
    // Visible in the main help, not hidden.
    assert!(stdout_of(&["--help"]).contains("man "));
}

#[test]
fn every_subcommand_help_has_examples() {
    for sub in [
        "extract",
        "add",
        "check",
        "diff",
        "history",
        "series",
        "completions",
        "man",
    ] {
        let help = stdout_of(&[sub, "--help"]);
        assert!(help.contains("Examples:"), "{sub} --help:\n{help}");
        assert!(help.contains(&format!("factdiff {sub}")), "{sub}");
    }
}

/// `factdiff … | head`: the reader closes the pipe early; that is not an error.
#[test]
fn broken_pipe_exits_zero() {
    // A pull big enough that its claim set far exceeds a pipe buffer (64 KiB).
    let dir = tempfile::tempdir().unwrap();
    let pull = dir.path().join("2024-01-01.md");
    let mut text = String::from("# FACT SHEET: A Long Sheet\n\nJanuary 1, 2024\n\n");
    for i in 0..1500 {
        text.push_str(&format!(
            "- **Topic {i}:** The office funded more than {} projects and trained {} officers.\n\n",
            1000 + i,
            50 + i
        ));
    }
    std::fs::write(&pull, text).unwrap();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("factdiff"))
        .env_clear()
        .env("NO_COLOR", "1")
        .arg("extract")
        .arg(&pull)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut head = [0u8; 16];
    stdout.read_exact(&mut head).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "stderr: {stderr}");
    assert!(!stderr.contains("error"), "stderr: {stderr}");
    assert_eq!(&head[..10], b"schema = 2");
}

#[test]
fn color_always_never_and_no_color() {
    let run = |args: &[&str], no_color: bool| {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("factdiff"));
        cmd.env_clear()
            .arg("--editions")
            .arg(root_causes())
            .args(args);
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let esc = "\x1b[";
    assert!(run(&["diff", "--color", "always"], false).contains(esc));
    assert!(run(&["history", "--color", "always"], false).contains(esc));
    assert!(!run(&["diff", "--color", "never"], false).contains(esc));
    assert!(!run(&["diff"], true).contains(esc), "NO_COLOR");
    assert!(!run(&["diff"], false).contains(esc), "auto off a terminal");
    assert!(!run(&["diff", "--color", "always", "--format", "json"], false).contains(esc));
}

/// `check --fail-on`: one stderr line naming each flag that fired with its count, in the
/// order asked; nothing on stderr when nothing fired.
#[test]
fn check_names_the_policy_that_fired() {
    let store = tempfile::tempdir().unwrap();
    factdiff()
        .args(["add", "--quiet", "--series", "harbor", "--editions"])
        .arg(store.path())
        .arg(fixture("harbor/2023-03-14.md"))
        .assert()
        .success();
    let pull = fixture("harbor/2024-04-02.md");
    let run = |fail_on: &str| {
        factdiff()
            .arg("check")
            .arg("--editions")
            .arg(store.path())
            .arg(&pull)
            .args(["--fail-on", fail_on, "--format", "json"])
            .output()
            .unwrap()
    };
    let out = run("decrease,republished,dropped");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let (decrease, dropped) = (flagged(&report, "decrease"), flagged(&report, "dropped"));
    assert!(decrease > 0 && dropped > 0, "{decrease} {dropped}");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("factdiff: policy failed: decrease ({decrease}), dropped ({dropped})\n")
    );
    let out = run("republished");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run("any");
    let changes = report["changes"].as_array().unwrap().len();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("factdiff: policy failed: any ({changes})\n")
    );
}

/// `diff --exit-code`: exit 1 and one stderr line with the number of changes; none when the
/// editions are the same.
#[test]
fn diff_exit_code_names_the_changes() {
    let store = harbor_store();
    let out = factdiff()
        .arg("diff")
        .arg("--editions")
        .arg(store.path())
        .args(["--exit-code", "--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let changes = report["changes"].as_array().unwrap().len();
    assert!(changes > 0);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("factdiff: policy failed: any ({changes})\n")
    );
    let out = factdiff()
        .arg("diff")
        .arg("--editions")
        .arg(store.path())
        .args(["2023-03-14", "2023-03-14", "--exit-code"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
}
