//! `factdiff diff`: changes between editions of the Harbor series, and the differ's properties.

use crate::common::*;
use serde_json::Value;

fn diff_json(store: &std::path::Path, args: &[&str]) -> Value {
    json(
        factdiff()
            .arg("diff")
            .arg("--editions")
            .arg(store)
            .args(args)
            .args(["--format", "json"]),
    )
}

fn changes<'a>(report: &'a Value, kind: &str) -> Vec<&'a Value> {
    report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == kind)
        .collect()
}

fn change<'a>(report: &'a Value, kind: &str, measure: &str) -> &'a Value {
    changes(report, kind)
        .into_iter()
        .find(|c| c["measure"] == measure)
        .unwrap_or_else(|| panic!("no {kind} of {measure} in {report:#}"))
}

fn flags(c: &Value) -> Vec<&str> {
    c["flags"]
        .as_array()
        .map(|f| f.iter().map(|x| x.as_str().unwrap()).collect())
        .unwrap_or_default()
}

#[test]
fn latest_two_editions_by_default() {
    let store = harbor_store();
    let r = diff_json(store.path(), &[]);
    assert_eq!(r["old"]["date"], "2023-03-14");
    assert_eq!(r["new"]["date"], "2024-04-02");

    let jobs = change(&r, "figure-changed", "jobs");
    assert_eq!(jobs["old"]["quote"], "more than 20,000 jobs");
    assert_eq!(jobs["new"]["quote"], "up to an estimated 45,000 jobs");
    assert_eq!(jobs["delta"], "25000");
    assert_eq!(jobs["percent"], "125");
    assert_eq!(flags(jobs), ["hedged"]);
    assert_eq!(jobs["topic"], "creating-jobs");

    let pilots = change(&r, "figure-changed", "harbor-pilots");
    assert_eq!(pilots["old"]["value"], "2000");
    assert_eq!(pilots["new"]["value"], "2600");
    assert_eq!(flags(pilots), ["hedged"]);

    let vessels = change(&r, "figure-changed", "vessels");
    assert_eq!(vessels["delta"], "-2");
    assert_eq!(flags(vessels), ["decrease"]);

    // Same value written at another scale: flagged, never a change of value.
    let compact = change(&r, "text-changed", "harbor-compact-pledges");
    assert_eq!(flags(compact), ["rescaled"]);
    assert!(changes(&r, "figure-changed")
        .iter()
        .all(|c| c["measure"] != "harbor-compact-pledges"));

    let renamed = changes(&r, "topic-renamed");
    assert!(
        renamed
            .iter()
            .any(|c| c["old_topic"] == "training-harbor-pilots" && c["topic"] == "training-pilots"),
        "{renamed:#?}"
    );

    let dropped = changes(&r, "claim-dropped");
    assert!(dropped.iter().any(|c| c["topic"] == "restoring-wetlands"));
    let wetlands = dropped
        .iter()
        .find(|c| c["topic"] == "restoring-wetlands")
        .unwrap();
    assert_eq!(
        wetlands["figures"].as_array().unwrap().len(),
        2,
        "figures leave with their claim"
    );
    assert!(changes(&r, "claim-added")
        .iter()
        .any(|c| c["topic"] == "building-seawalls"));
    assert!(changes(&r, "figure-dropped")
        .iter()
        .any(|c| c["old"]["quote"] == "$60 million in financing"));

    for c in r["changes"].as_array().unwrap() {
        if c.get("old").is_some() && c.get("new").is_some() {
            assert!(c["reason"].is_string(), "every pair has its reason: {c:#}");
        }
    }
    assert_eq!(
        r["summary"]["figure-changed"].as_u64().unwrap() as usize,
        changes(&r, "figure-changed").len()
    );
}

#[test]
fn headless_first_edition_pairs_through_rules_and_measures() {
    let store = harbor_store();
    let r = diff_json(store.path(), &["2022-05-10", "2023-03-14"]);
    let jobs = change(&r, "figure-changed", "jobs");
    assert_eq!(
        (jobs["old"]["value"].as_str(), jobs["new"]["value"].as_str()),
        (Some("12000"), Some("20000"))
    );
    let financing = change(&r, "figure-changed", "financing");
    assert_eq!(financing["old"]["value"], "45000000");
    assert_eq!(financing["new"]["value"], "60000000");
    let compact = change(&r, "figure-changed", "harbor-compact-pledges");
    assert_eq!(compact["delta"], "700000000");
    let pilots = change(&r, "figure-changed", "harbor-pilots");
    assert_eq!(pilots["old"]["value"], "1200");
    // "$12.5 million" for the shelters is the same in both: not reported.
    assert!(r["changes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["old"]["value"] != "12500000" || c["kind"] != "figure-changed"));
}

#[test]
fn diff_of_an_edition_with_itself_is_empty() {
    let store = harbor_store();
    for d in ["2022-05-10", "2023-03-14", "2024-04-02"] {
        let r = diff_json(store.path(), &[d, d]);
        assert_eq!(r["changes"].as_array().unwrap().len(), 0, "{d}: {r:#}");
        assert_eq!(r["older"], "same-date");
    }
}

#[test]
fn reversed_diff_mirrors() {
    let store = harbor_store();
    let ab = diff_json(store.path(), &["2023-03-14", "2024-04-02"]);
    let ba = diff_json(store.path(), &["2024-04-02", "2023-03-14"]);
    assert_eq!(ba["older"], "new");
    fn swap(k: &str) -> &str {
        match k {
            "claim-added" => "claim-dropped",
            "claim-dropped" => "claim-added",
            "figure-added" => "figure-dropped",
            "figure-dropped" => "figure-added",
            other => other,
        }
    }
    for kind in [
        "figure-changed",
        "qualifier-changed",
        "claim-added",
        "claim-dropped",
        "figure-added",
        "figure-dropped",
        "topic-renamed",
    ] {
        assert_eq!(ab["summary"][kind], ba["summary"][swap(kind)], "{kind}");
    }
    for c in changes(&ab, "figure-changed") {
        let m = c["measure"].as_str().unwrap();
        let back = change(&ba, "figure-changed", m);
        let d: rust_decimal::Decimal = c["delta"].as_str().unwrap().parse().unwrap();
        let e: rust_decimal::Decimal = back["delta"].as_str().unwrap().parse().unwrap();
        assert_eq!(d, -e, "{m}");
        assert_eq!(c["old"]["quote"], back["new"]["quote"]);
    }
}

#[test]
fn reformatted_copy_diffs_empty() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("2023-03-14-a.md");
    let b = dir.path().join("2023-03-14-b.txt");
    std::fs::write(&a, HARBOR_2023.render(Layout::default())).unwrap();
    std::fs::write(
        &b,
        HARBOR_2023.render(Layout {
            bullet: "•",
            wrap: 50,
            bold_headings: false,
            crlf: true,
            bom: true,
        }),
    )
    .unwrap();
    let r = json(
        factdiff()
            .arg("diff")
            .arg(&a)
            .arg(&b)
            .args(["--format", "json"]),
    );
    assert_eq!(r["changes"].as_array().unwrap().len(), 0, "{r:#}");
}

#[test]
fn planted_changes_are_exactly_reported() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("2023-03-14.md");
    std::fs::write(&a, HARBOR_2023.render(Layout::default())).unwrap();
    let mut bullets: Vec<(&str, &str)> = HARBOR_2023.bullets.to_vec();
    // A value, a qualifier only, a number at another scale, a removed and a new bullet.
    bullets[0].1 = "Federal grants for nearly 900 small port businesses have helped create and sustain more than 24,000 jobs. Additionally, family-run fisheries have accessed $60 million in financing to recover from storms.";
    bullets[2].1 =
        "Up to 2,000 harbor pilots have completed the federal safety course since June 2021.";
    bullets[1].1 = "In response to the Secretary's Harbor Compact, approximately 35 port operators and shippers have committed more than $1,500 million to modernize terminals.";
    bullets.remove(4);
    bullets.push((
        "Opening Training Centers",
        "The Department opened 7 maritime training centers.",
    ));
    let planted = Sheet {
        bullets: &bullets,
        ..HARBOR_2023
    };
    let b = dir.path().join("2023-03-15.md");
    std::fs::write(
        &b,
        planted
            .render(Layout::default())
            .replace("March 14, 2023", "March 15, 2023"),
    )
    .unwrap();
    let r = json(
        factdiff()
            .arg("diff")
            .arg(&a)
            .arg(&b)
            .args(["--format", "json"]),
    );
    let kinds: Vec<(&str, &str)> = r["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["kind"].as_str().unwrap(), c["topic"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("figure-changed", "creating-jobs"),
            ("qualifier-changed", "training-harbor-pilots"),
            ("text-changed", "growing-the-harbor-compact"),
            ("claim-added", "opening-training-centers"),
            ("claim-dropped", "restoring-wetlands"),
        ],
        "{r:#}"
    );
    let q = change(&r, "qualifier-changed", "harbor-pilots");
    assert_eq!(flags(q), ["hedged"]);
}

#[test]
fn exit_code_on_change() {
    let store = harbor_store();
    factdiff()
        .arg("diff")
        .arg("--editions")
        .arg(store.path())
        .arg("--exit-code")
        .assert()
        .code(1);
    factdiff()
        .arg("diff")
        .arg("--editions")
        .arg(store.path())
        .args(["2023-03-14", "2023-03-14", "--exit-code"])
        .assert()
        .code(0);
}

#[test]
fn terminal_report_shows_changed_figures_first() {
    let store = harbor_store();
    let out = factdiff()
        .arg("diff")
        .arg("--editions")
        .arg(store.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let changed = text.find("Changed figures").expect(&text);
    let added = text.find("Claims added").expect(&text);
    assert!(changed < added);
    assert!(text.contains("\"more than 20,000 jobs\""));
    assert!(text.contains("+25,000 (+125%)"));
    assert!(!text.contains('\u{1b}'), "no color with NO_COLOR");
    assert!(
        text.lines().all(|l| l.chars().count() <= 100),
        "fits 100 columns:\n{text}"
    );
}

#[test]
fn json_output_validates_against_the_published_schema() {
    let schema: Value = serde_json::from_str(include_str!("../docs/diff.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let store = harbor_store();
    for pair in [
        ["2022-05-10", "2023-03-14"],
        ["2023-03-14", "2024-04-02"],
        ["2024-04-02", "2022-05-10"],
    ] {
        let r = diff_json(store.path(), &pair);
        let errors: Vec<String> = validator
            .iter_errors(&r)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{pair:?}: {errors:#?}");
    }
}
