//! Snapshots of every report format for the root-causes editions stored in the repository.
//!
//! When extraction or rendering changes on purpose, review and accept the new snapshots:
//! `INSTA_UPDATE=always cargo test --test tests snapshots` (or `cargo insta review`), then read
//! the diff of `tests/snapshots/` before committing. CI (`CI=true`) fails on any mismatch.

use crate::common::*;

const FORMATS: [&str; 5] = ["text", "markdown", "json", "csv", "html"];

fn run(args: &[&str]) -> String {
    let editions = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("editions");
    let out = factdiff()
        .arg("--editions")
        .arg(editions)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn diff_latest_two() {
    for format in FORMATS {
        let out = run(&["diff", "--format", format]);
        // The default pair is the two latest editions.
        assert_eq!(
            out,
            run(&["diff", "2023-02-06", "2024-03-25", "--format", format])
        );
        insta::assert_snapshot!(format!("diff_2023-02-06_2024-03-25.{format}"), out);
    }
}

#[test]
fn diff_first_two() {
    for format in FORMATS {
        let out = run(&["diff", "2022-04-19", "2023-02-06", "--format", format]);
        insta::assert_snapshot!(format!("diff_2022-04-19_2023-02-06.{format}"), out);
    }
}

#[test]
fn history_all_editions() {
    for format in FORMATS {
        let out = run(&["history", "--format", format]);
        insta::assert_snapshot!(format!("history.{format}"), out);
    }
}
