//! Reports a watchdog can quote: human labels (never slugs), each figure in its sentence,
//! links to the sentence in the source, text that fits the terminal, old claim sets readable.

use crate::common::*;
use regex::Regex;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

const HUMAN: [&str; 3] = ["text", "markdown", "html"];

/// `diff` of the first two Harbor editions in a format (the store keeps their words).
fn harbor_diff(store: &Path, format: &str) -> String {
    let out = factdiff()
        .arg("diff")
        .arg("--editions")
        .arg(store)
        .args(["2022-05-10", "2023-03-14", "--format", format])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The repository's own editions (kept without text), diffed in a format.
fn repo_diff(format: &str) -> String {
    let editions = Path::new(env!("CARGO_MANIFEST_DIR")).join("editions");
    let out = factdiff()
        .arg("--editions")
        .arg(editions)
        .args(["diff", "2022-04-19", "2023-02-06", "--format", format])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Every topic key and measure a report names that is a slug of several words, and the unit
/// measures (`usd`, `count`…): what no label may be. (A one-word measure such as `leaders` is
/// the counted noun itself, a word a label may well be.)
fn slugs(report: &Value) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = ["usd", "count", "percent", "times"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for c in report["changes"].as_array().unwrap() {
        for key in ["topic", "old_topic", "measure"] {
            if let Some(s) = c[key].as_str().filter(|s| s.contains('-')) {
                out.insert(s.to_string());
            }
        }
    }
    out
}

/// The labels a human format shows, read back with a regex per format.
fn labels(format: &str, out: &str) -> Vec<String> {
    let patterns: &[&str] = match format {
        // "  label" heads a changed figure or a rewording; "  + label" a listed one.
        "text" => &[r"(?m)^  (?:[+-] )?([^ →].*?)(?:  \[[a-z, -]+\])?$"],
        // "- **label**" opens every list item; a renamed topic is "- old → **new**".
        "markdown" => &[r"(?m)^- \*\*(.+?)\*\*", r"(?m)^- (.+?) → \*\*"],
        "html" => &[
            r"<h3[^>]*>([^<]+)",
            r"<li><strong>([^<]+)</strong>",
            r#"<th scope="row" class="label">([^<]+)</th>"#,
        ],
        _ => unreachable!(),
    };
    let mut found = Vec::new();
    for p in patterns {
        for cap in Regex::new(p).unwrap().captures_iter(out) {
            found.push(cap[1].trim().to_string());
        }
    }
    found
}

fn assert_human_labels(format: &str, out: &str, slugs: &BTreeSet<String>) {
    let slug = Regex::new(r"^[a-z0-9]+(?:-[a-z0-9]+)+$").unwrap();
    let found = labels(format, out);
    assert!(
        found.len() >= 5,
        "{format}: too few labels read back: {found:?}\n{out}"
    );
    for label in &found {
        // A label is a phrase of words; it may quote a word with hyphens, never be a key.
        let bare = label.trim_end_matches(|c: char| !c.is_alphanumeric());
        assert!(!slug.is_match(bare), "{format}: slug as a label: {label:?}");
        assert!(!slugs.contains(bare), "{format}: key as a label: {label:?}");
    }
}

#[test]
fn no_slug_is_ever_a_label() {
    let store = harbor_store();
    let report = json(
        factdiff()
            .arg("diff")
            .arg("--editions")
            .arg(store.path())
            .args(["2022-05-10", "2023-03-14", "--format", "json"]),
    );
    let keys = slugs(&report);
    assert!(keys.iter().any(|k| k.contains('-')), "{keys:?}");
    for format in HUMAN {
        assert_human_labels(format, &harbor_diff(store.path(), format), &keys);
    }
    // The repository's editions keep no text: labels still come from headings and phrases.
    let repo = repo_diff("json");
    let repo_keys = slugs(&serde_json::from_str(&repo).unwrap());
    for format in HUMAN {
        assert_human_labels(format, &repo_diff(format), &repo_keys);
    }
    // History rows are labelled too: the keys stay in JSON (and in HTML tooltips).
    let history = |format: &str| {
        let out = factdiff()
            .arg("history")
            .arg("--editions")
            .arg(store.path())
            .args(["--format", format])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let tracks: Value = serde_json::from_str(&history("json")).unwrap();
    let mut keys = BTreeSet::new();
    for t in tracks["tracks"].as_array().unwrap() {
        for k in [&t["measure"], &t["topic"]] {
            keys.insert(k.as_str().unwrap().to_string());
        }
    }
    let text = history("text");
    for k in keys.iter().filter(|k| k.contains('-')) {
        assert!(!text.contains(k.as_str()), "{k} in\n{text}");
    }
    let row_label = Regex::new(r"(?m)^\| (?:\[)?([^|\]]+)").unwrap();
    let md = history("markdown");
    let md_labels: Vec<String> = row_label
        .captures_iter(&md)
        .map(|c| c[1].trim().to_string())
        .filter(|l| l != "Figure" && l != "---")
        .collect();
    assert!(md_labels.len() >= 5, "{md}");
    for l in md_labels.iter().chain(&labels("html", &history("html"))) {
        assert!(!keys.contains(l) || !l.contains('-'), "key as a label: {l}");
    }
}

#[test]
fn every_change_has_a_label_and_every_paired_figure_its_sentences() {
    let store = harbor_store();
    let report = json(
        factdiff()
            .arg("diff")
            .arg("--editions")
            .arg(store.path())
            .args(["2022-05-10", "2023-03-14", "--format", "json"]),
    );
    let slug = Regex::new(r"^[a-z0-9]+(?:-[a-z0-9]+)+$").unwrap();
    let mut pairs = 0;
    for c in report["changes"].as_array().unwrap() {
        let label = c["label"].as_str().unwrap();
        assert!(!label.is_empty() && !slug.is_match(label), "{c:#}");
        if c.get("old").is_some() && c.get("new").is_some() {
            pairs += 1;
            for side in ["old", "new"] {
                let f = &c[side];
                let sentence = f["sentence"].as_str().unwrap_or_default();
                assert!(
                    sentence.contains(f["quote"].as_str().unwrap()),
                    "{side} sentence lacks its quote: {c:#}"
                );
                assert!(f["line"].as_u64().is_some_and(|l| l > 0), "{c:#}");
                assert!(!f["fragment"].as_str().unwrap().is_empty(), "{c:#}");
            }
        }
    }
    assert!(pairs >= 5, "{report:#}");
}

#[test]
fn markdown_and_html_link_editions_and_figures_to_their_sources() {
    let store = harbor_store();
    let md = harbor_diff(store.path(), "markdown");
    assert!(
        md.contains("[1]: <https://example.gov/briefing-room/2022/05/10/fact-sheet-update-on-the-harbor-renewal-initiative/>"),
        "{md}"
    );
    let fragments = md.matches("#:~:text=").count();
    let html = harbor_diff(store.path(), "html");
    let linked = html.matches("#:~:text=").count();
    // Each changed figure links both sides; each added or dropped figure its own side.
    let report = json(
        factdiff()
            .arg("diff")
            .arg("--editions")
            .arg(store.path())
            .args(["2022-05-10", "2023-03-14", "--format", "json"]),
    );
    let figures: usize = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            usize::from(c.get("old").is_some())
                + usize::from(c.get("new").is_some())
                + c["figures"].as_array().map_or(0, Vec::len)
        })
        .sum();
    assert!(linked >= figures, "{linked} links for {figures} figures");
    assert!(fragments >= 1 && fragments <= linked, "{md}");
    // A link's text directive is percent-encoded: no raw space, comma, dash or ampersand.
    let directive = Regex::new(r"#:~:text=([^>\x22]+)").unwrap();
    for cap in directive
        .captures_iter(&html)
        .chain(directive.captures_iter(&md))
    {
        assert!(
            !cap[1].contains([' ', ',', '-', '&']),
            "unencoded directive {}",
            &cap[1]
        );
    }
}

#[test]
fn markdown_reads_as_written() {
    let store = harbor_store();
    let md = harbor_diff(store.path(), "markdown");
    assert!(!md.contains("&#36;") && !md.contains("&#126;"), "{md}");
    assert!(md.contains("$45 million"), "{md}");
    let history = factdiff()
        .arg("history")
        .arg("--editions")
        .arg(store.path())
        .args(["--format", "markdown"])
        .output()
        .unwrap();
    let history = String::from_utf8(history.stdout).unwrap();
    assert!(history.contains(">$800 million"), "{history}");
    assert!(!history.contains("&#"), "{history}");
}

#[test]
fn text_wraps_to_the_terminal_width() {
    let store = harbor_store();
    let run = |columns: Option<&str>| {
        let mut cmd = factdiff();
        cmd.arg("diff")
            .arg("--editions")
            .arg(store.path())
            .args(["2022-05-10", "2023-03-14"]);
        if let Some(c) = columns {
            cmd.env("COLUMNS", c);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    let widest = |text: &str| text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    // Piped: 100 columns. COLUMNS wins when set.
    let piped = run(None);
    assert!(widest(&piped) <= 100, "{piped}");
    assert!(widest(&piped) > 80, "the width is used: {piped}");
    let narrow = run(Some("60"));
    assert!(widest(&narrow) <= 60, "{narrow}");
    let wide = run(Some("160"));
    assert!(widest(&wide) > 100, "{wide}");
    // Wrapped, not cut: every word of a sentence is there.
    for text in [&piped, &narrow, &wide] {
        assert!(!text.contains('…'), "{text}");
        let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words(text).contains("Dredging crews removed more than 4 million cubic yards of sediment, reopening 22 channels."),
            "{text}"
        );
    }
    // Reworded claims: whole sentences, old above new, changed words marked.
    let rewording = narrow
        .split("Reworded claims")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap();
    assert!(
        rewording.contains("[-") && rewording.contains("{+"),
        "{rewording}"
    );
    let old_at = rewording.find("2022-05-10").unwrap();
    let new_at = rewording.find("2023-03-14").unwrap();
    assert!(old_at < new_at, "{rewording}");
}

#[test]
fn claim_sets_of_schema_1_still_load() {
    let old = fixture("v1/2023-02-06.toml");
    let new = fixture("v1/2024-03-25.toml");
    let text = std::fs::read_to_string(&old).unwrap();
    assert!(
        text.starts_with("schema = 1\n"),
        "the fixture is a version-1 file"
    );
    assert!(!text.contains("\nlabel = "), "written before labels");
    let report = json(
        factdiff()
            .arg("diff")
            .arg(&old)
            .arg(&new)
            .args(["--format", "json"]),
    );
    let changes = report["changes"].as_array().unwrap();
    assert!(changes.len() > 20, "{report:#}");
    let slug = Regex::new(r"^[a-z0-9]+(?:-[a-z0-9]+)+$").unwrap();
    for c in changes {
        let label = c["label"].as_str().unwrap();
        assert!(!label.is_empty() && !slug.is_match(label), "{c:#}");
    }
    // Against a claim set of the current schema as well.
    let current =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("editions/root-causes/2024-03-25.toml");
    assert!(std::fs::read_to_string(&current)
        .unwrap()
        .starts_with("schema = 2\n"));
    factdiff()
        .arg("diff")
        .arg(&old)
        .arg(&current)
        .assert()
        .success();
}

/// The archive folder of `../shared` (or `$FACTDIFF_SHARED`).
fn shared_archive() -> std::path::PathBuf {
    std::env::var_os("FACTDIFF_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
        .join("archive/fact-sheets")
}

/// Two real series whose editions were rewritten between releases: the Call to Action for
/// Northern Central America ($4.2 billion → $5.2 billion, restated in a reworded lead) and the
/// Root Causes strategy updates (headings renamed, paragraphs rewritten).
const ARCHIVE_PAIRS: [(&str, &str); 2] = [
    (
        "2023-02-06-fact-sheet-vice-president-harris-announces-public-private-partnership-has-generated-more-than-4-2-billion-in-private-sector-commitments-for-northern-central-america.md",
        "2024-03-25-fact-sheet-vice-president-harris-announces-public-private-partnership-has-generated-more-than-5-2-billion-in-private-sector-commitments-for-northern-central-america.md",
    ),
    (
        "2023-02-06-fact-sheet-update-on-the-u-s-strategy-for-addressing-the-root-causes-of-migration-in-central-america-2.md",
        "2024-03-25-fact-sheet-update-on-the-u-s-strategy-for-addressing-the-root-causes-of-migration-in-central-america-3.md",
    ),
];

#[test]
#[ignore = "needs ../shared (run by .ci/run)"]
fn archive_series_changes_are_labelled_and_quoted_in_their_sentences() {
    let archive = shared_archive();
    assert!(archive.is_dir(), "no archive at {}", archive.display());
    let slug = Regex::new(r"^[a-z0-9]+(?:-[a-z0-9]+)+$").unwrap();
    for (old, new) in ARCHIVE_PAIRS {
        let run = |format: &str| {
            let out = factdiff()
                .arg("diff")
                .arg(archive.join(old))
                .arg(archive.join(new))
                .args(["--format", format])
                .output()
                .unwrap();
            assert!(out.status.success(), "{old}: {:?}", out.status);
            String::from_utf8(out.stdout).unwrap()
        };
        let report: Value = serde_json::from_str(&run("json")).unwrap();
        let mut changed = 0;
        for c in report["changes"].as_array().unwrap() {
            let label = c["label"].as_str().unwrap();
            assert!(!label.is_empty() && !slug.is_match(label), "{c:#}");
            if c["kind"] == "figure-changed" {
                changed += 1;
                for side in ["old", "new"] {
                    let f = &c[side];
                    let sentence = f["sentence"].as_str().unwrap_or_default();
                    assert!(
                        sentence.contains(f["quote"].as_str().unwrap()),
                        "{side} sentence lacks its quote: {c:#}"
                    );
                }
            }
        }
        assert!(changed >= 4, "{old}: {changed} changed figures");
        let keys = slugs(&report);
        for format in HUMAN {
            assert_human_labels(format, &run(format), &keys);
        }
        // Each changed figure links to its sentence in the source.
        let html = run("html");
        assert!(html.matches("#:~:text=").count() >= 2 * changed, "{old}");
    }
}
