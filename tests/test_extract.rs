//! `factdiff extract`: claim sets from every form a pull arrives in.

use crate::common::*;
use serde_json::Value;

/// The claims without the lines their figures stand on: another layout of the same sheet puts
/// them on other lines.
fn without_lines(claims: &Value) -> Value {
    let mut claims = claims.clone();
    for c in claims.as_array_mut().into_iter().flatten() {
        for f in c["figures"].as_array_mut().into_iter().flatten() {
            f.as_object_mut().map(|o| o.remove("line"));
        }
    }
    claims
}

fn extract_json(path: &std::path::Path) -> Value {
    json(
        factdiff()
            .arg("extract")
            .arg(path)
            .args(["--format", "json"]),
    )
}

fn figure<'a>(set: &'a Value, quote: &str) -> &'a Value {
    set["claims"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["figures"].as_array().into_iter().flatten())
        .find(|f| f["quote"] == quote)
        .unwrap_or_else(|| panic!("no figure quoted {quote:?} in {set:#}"))
}

#[test]
fn markdown_edition_gives_exact_figures() {
    let set = extract_json(&fixture("harbor/2023-03-14.md"));
    assert_eq!(set["edition"]["date"], "2023-03-14");
    assert_eq!(
        set["edition"]["title"],
        "FACT SHEET: Update on the Harbor Renewal Initiative for the Gulf Coast Region"
    );
    assert!(set["edition"]["source"]
        .as_str()
        .unwrap()
        .starts_with("https://example.gov/"));
    assert!(set["edition"]["digest"]
        .as_str()
        .unwrap()
        .starts_with("sha256:"));

    let jobs = figure(&set, "more than 20,000 jobs");
    assert_eq!(jobs["value"], "20000");
    assert_eq!(jobs["unit"], "count");
    assert_eq!(jobs["qualifier"], "over");
    assert_eq!(jobs["measure"], "jobs");

    let compact = figure(&set, "more than $1.5 billion");
    assert_eq!(compact["value"], "1500000000");
    assert_eq!(compact["unit"], "USD");

    let hours = figure(&set, "3,500+ hours");
    assert_eq!(hours["value"], "3500");
    assert_eq!(hours["qualifier"], "over");

    let firms = figure(&set, "nearly 900 small port businesses");
    assert_eq!(firms["qualifier"], "nearly");

    // The five-year span only qualifies the $200 million; June 2021 is a date.
    let all: Vec<&Value> = set["claims"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["figures"].as_array().into_iter().flatten())
        .collect();
    assert!(
        all.iter()
            .all(|f| f["value"] != "5" && f["value"] != "2021"),
        "{all:#?}"
    );
    assert_eq!(figure(&set, "$200 million program")["value"], "200000000");
}

#[test]
fn headings_give_topic_keys() {
    let set = extract_json(&fixture("harbor/2023-03-14.md"));
    let topics: Vec<&str> = set["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["topic"].as_str().unwrap())
        .collect();
    for key in [
        "creating-jobs",
        "growing-the-harbor-compact",
        "training-harbor-pilots",
        "restoring-wetlands",
    ] {
        assert!(topics.contains(&key), "{key} missing from {topics:?}");
    }
}

#[test]
fn plain_text_archive_copy_matches_markdown() {
    let md = extract_json(&fixture("harbor/2023-03-14.md"));
    let txt = extract_json(&fixture("harbor/2023-03-14.archive.txt"));
    assert_eq!(without_lines(&md["claims"]), without_lines(&txt["claims"]));
    assert_eq!(md["edition"]["title"], txt["edition"]["title"]);
    assert_eq!(md["edition"]["date"], txt["edition"]["date"]);
    assert_eq!(
        txt["edition"]["source"],
        "https://archive.example.org/node/123456"
    );
}

#[test]
fn layout_does_not_change_the_claim_set() {
    let dir = tempfile::tempdir().unwrap();
    let base = Layout::default();
    let variants = [
        base,
        Layout { wrap: 40, ..base },
        Layout { wrap: 1000, ..base },
        Layout {
            bullet: "•",
            ..base
        },
        Layout {
            bullet: "*",
            ..base
        },
        Layout {
            bullet: "–",
            ..base
        },
        Layout {
            bullet: "·",
            ..base
        },
        Layout {
            bullet: "1.",
            ..base
        },
        Layout {
            bold_headings: false,
            ..base
        },
        Layout { crlf: true, ..base },
        Layout { bom: true, ..base },
        Layout {
            bullet: "•",
            wrap: 55,
            bold_headings: false,
            crlf: true,
            bom: true,
        },
    ];
    let mut first: Option<Value> = None;
    for (i, layout) in variants.iter().enumerate() {
        let path = dir.path().join(format!("2023-03-14-v{i}.txt"));
        std::fs::write(&path, HARBOR_2023.render(*layout)).unwrap();
        let set = extract_json(&path);
        assert_eq!(
            set["claims"].as_array().unwrap().len(),
            6,
            "{layout:?}: {set:#}"
        );
        match &first {
            None => first = Some(without_lines(&set["claims"])),
            Some(f) => assert_eq!(
                &without_lines(&set["claims"]),
                f,
                "layout {layout:?} changed the claims"
            ),
        }
    }
}

#[test]
fn toml_output_round_trips_through_diff() {
    let out = factdiff()
        .arg("extract")
        .arg(fixture("harbor/2023-03-14.md"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("schema = 2\n"), "{text}");
    assert!(text.contains("date = 2023-03-14\n"));
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.toml");
    std::fs::write(&a, &text).unwrap();
    // A stored claim set diffs empty against the pull it came from.
    factdiff()
        .arg("diff")
        .arg(&a)
        .arg(fixture("harbor/2023-03-14.md"))
        .arg("--exit-code")
        .assert()
        .code(0);
}

#[test]
fn overrides_and_no_text() {
    let set = json(
        factdiff()
            .arg("extract")
            .arg(fixture("harbor/2023-03-14.md"))
            .args([
                "--format",
                "json",
                "--date",
                "2023-03-15",
                "--title",
                "T",
                "--source",
                "https://x.example/",
            ])
            .arg("--no-text"),
    );
    assert_eq!(set["edition"]["date"], "2023-03-15");
    assert_eq!(set["edition"]["title"], "T");
    assert_eq!(set["edition"]["source"], "https://x.example/");
    assert!(set["claims"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c.get("text").is_none()));
}

#[test]
fn output_is_deterministic() {
    let run = || {
        factdiff()
            .arg("extract")
            .arg(fixture("harbor/2024-04-02.md"))
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run(), run());
}

#[test]
fn html_page_matches_the_text_edition() {
    // The page wraps the sheet in chrome that carries numbers of its own: a cookie banner,
    // header, navigation ("Call 1-800-555-0100"), asides ("Over 9,000 subscribers"), a footer
    // ("© 2023"), <script> and <style>. Copied to a dateless name: the date must come from the page.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("harbor-page.html");
    std::fs::copy(fixture("harbor/2023-03-14.html"), &page).unwrap();
    let html = extract_json(&page);
    let txt = extract_json(&fixture("harbor/2023-03-14.archive.txt"));
    assert_eq!(
        without_lines(&html["claims"]),
        without_lines(&txt["claims"])
    );
    assert_eq!(html["edition"]["title"], txt["edition"]["title"]);
    assert_eq!(html["edition"]["date"], "2023-03-14");
    assert_eq!(
        html["edition"]["source"],
        "https://example.gov/briefing-room/2023/03/14/fact-sheet-update-on-the-harbor-renewal-initiative-2/"
    );
    let all = html["claims"].to_string();
    for chrome in [
        "9,000", "9000", "1-800", "555", "cookie", "2019", "412", "Related",
    ] {
        assert!(
            !all.contains(chrome),
            "page chrome {chrome:?} leaked into {all}"
        );
    }
}
