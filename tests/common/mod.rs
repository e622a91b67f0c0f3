//! Shared helpers for the end-to-end tests.
#![allow(dead_code)] // each test file uses its own subset

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The fixture folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fixture path.
pub fn fixture(rel: &str) -> PathBuf {
    fixtures().join(rel)
}

/// The binary with a clean environment: no color, no inherited settings.
pub fn factdiff() -> Command {
    let mut cmd = Command::cargo_bin("factdiff").expect("binary built");
    cmd.env_clear()
        .env("NO_COLOR", "1")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    cmd
}

/// A temporary store holding the Harbor series (three editions and its topics.toml).
pub fn harbor_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let series = dir.path().join("harbor");
    std::fs::create_dir_all(&series).unwrap();
    std::fs::copy(fixture("harbor/topics.toml"), series.join("topics.toml")).unwrap();
    for ed in ["2022-05-10.md", "2023-03-14.md", "2024-04-02.md"] {
        factdiff()
            .arg("add")
            .arg("--editions")
            .arg(dir.path())
            .args(["--series", "harbor", "--quiet"])
            .arg(fixture(&format!("harbor/{ed}")))
            .assert()
            .success();
    }
    dir
}

/// Runs the binary and parses its stdout as JSON.
pub fn json(cmd: &mut Command) -> serde_json::Value {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "exit {:?}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON on stdout")
}

/// A fact sheet laid out in a chosen style, to prove format invariance.
pub struct Sheet<'a> {
    pub title: &'a str,
    pub date_line: &'a str,
    pub intro: &'a str,
    pub bullets: &'a [(&'a str, &'a str)],
}

/// How to lay a sheet out.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    pub bullet: &'static str,
    pub wrap: usize,
    pub bold_headings: bool,
    pub crlf: bool,
    pub bom: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            bullet: "-",
            wrap: 72,
            bold_headings: true,
            crlf: false,
            bom: false,
        }
    }
}

/// Word-wraps at `width` columns, continuation lines indented by `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            out.push_str(&line);
            out.push('\n');
            out.push_str(indent);
            line.clear();
        } else if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out
}

impl Sheet<'_> {
    /// The sheet as a text pull in `layout`.
    pub fn render(&self, layout: Layout) -> String {
        let mut s = String::new();
        if layout.bom {
            s.push('\u{feff}');
        }
        s.push_str(&format!("{}\n\n{}\n\n", self.title, self.date_line));
        s.push_str(&wrap(self.intro, layout.wrap, ""));
        s.push_str("\n\n");
        for (i, (heading, text)) in self.bullets.iter().enumerate() {
            let marker = if layout.bullet == "1." {
                format!("{}.", i + 1)
            } else {
                layout.bullet.to_string()
            };
            let lead = if layout.bold_headings {
                format!("**{heading}:**")
            } else {
                format!("{heading}:")
            };
            s.push_str(&format!("{marker} "));
            s.push_str(&wrap(&format!("{lead} {text}"), layout.wrap, "    "));
            s.push_str("\n\n");
        }
        if layout.crlf {
            s = s.replace('\n', "\r\n");
        }
        s
    }
}

/// The Harbor sheet's 2023 content, for layout variants.
pub const HARBOR_2023: Sheet<'static> = Sheet {
    title: "FACT SHEET: Update on the Harbor Renewal Initiative for the Gulf Coast Region",
    date_line: "March 14, 2023",
    intro: "The Secretary continues to lead the Harbor Renewal Initiative, which rebuilds working waterfronts in partnership with states and port authorities.",
    bullets: &[
        ("Creating Jobs", "Federal grants for nearly 900 small port businesses have helped create and sustain more than 20,000 jobs. Additionally, family-run fisheries have accessed $60 million in financing to recover from storms."),
        ("Growing the Harbor Compact", "In response to the Secretary's Harbor Compact, approximately 35 port operators and shippers have committed more than $1.5 billion to modernize terminals."),
        ("Training Harbor Pilots", "Over 2,000 harbor pilots have completed the federal safety course since June 2021."),
        ("Inspecting Vessels", "The Coast Guard has inspected 18 vessels flagged for repeat violations and referred 9 cases to prosecutors."),
        ("Restoring Wetlands", "A five-year, $200 million program is restoring 30,000 acres of coastal wetlands."),
    ],
};

/// A small generated pull: a text sheet dated `2020-01-01` + `day` days, its figures drawn
/// from `seed`. Same arguments, same bytes.
pub fn generated_pull(title: &str, day: u32, seed: u64) -> (String, String) {
    let date = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(day.into());
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move |m: u64| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 33) % m
    };
    let mut s = format!("{title}\n\n{}\n\n", date.format("%B %-d, %Y"));
    s.push_str("The agency continues its work with partners across the region.\n\n");
    let heads = [
        ("Creating Jobs", "jobs"),
        ("Training Pilots", "harbor pilots"),
        ("Inspecting Vessels", "vessels"),
        ("Restoring Wetlands", "acres of wetlands"),
    ];
    for (h, noun) in heads {
        let n = 100 + next(90_000);
        let m = 1 + next(900);
        s.push_str(&format!(
            "- **{h}:** More than {n} {noun} so far, backed by ${m} million in grants.\n\n"
        ));
    }
    (date.format("%Y-%m-%d").to_string(), s)
}

/// Writes `count` generated pulls of one sheet into `dir` (`<date>.txt`); returns their paths.
pub fn write_generated_pulls(dir: &Path, title: &str, count: u32, seed: u64) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    (0..count)
        .map(|i| {
            let (date, text) = generated_pull(title, i * 3, seed + u64::from(i));
            let p = dir.join(format!("{date}.txt"));
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect()
}

/// Counts the changes of a JSON report that carry `flag` (`dropped` also counts dropped claims
/// and figures), as the contract's fields say: what `--fail-on` reports for that flag.
pub fn flagged(report: &serde_json::Value, flag: &str) -> usize {
    report["changes"]
        .as_array()
        .expect("a changes list")
        .iter()
        .filter(|c| {
            let flags = c["flags"].as_array().cloned().unwrap_or_default();
            flags.iter().any(|f| f == flag)
                || (flag == "dropped"
                    && matches!(c["kind"].as_str(), Some("claim-dropped" | "figure-dropped")))
        })
        .count()
}
