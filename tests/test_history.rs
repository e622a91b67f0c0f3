//! `factdiff history`: each figure through every edition.

use crate::common::*;

#[test]
fn follows_running_figures_through_renames() {
    let store = harbor_store();
    let h = json(
        factdiff()
            .arg("history")
            .arg("--editions")
            .arg(store.path())
            .args(["--format", "json"]),
    );
    let dates: Vec<&str> = h["editions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2022-05-10", "2023-03-14", "2024-04-02"]);
    let track = |measure: &str| {
        h["tracks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["measure"] == measure)
            .unwrap_or_else(|| panic!("no track {measure}: {h:#}"))
    };
    let values = |measure: &str| -> Vec<Option<String>> {
        track(measure)["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["value"].as_str().map(str::to_string))
            .collect()
    };
    assert_eq!(
        values("jobs"),
        [
            Some("12000".into()),
            Some("20000".into()),
            Some("45000".into())
        ]
    );
    assert_eq!(
        values("harbor-pilots"),
        [
            Some("1200".into()),
            Some("2000".into()),
            Some("2600".into())
        ]
    );
    assert_eq!(track("jobs")["net"], "33000");
    assert!(track("jobs")["flags"]
        .as_array()
        .unwrap()
        .contains(&"hedged".into()));
    assert_eq!(
        values("financing"),
        [Some("45000000".into()), Some("60000000".into()), None]
    );
}

#[test]
fn terms_filter_and_table_layout() {
    let store = harbor_store();
    let out = factdiff()
        .arg("history")
        .arg("--editions")
        .arg(store.path())
        .args(["jobs", "pilots"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(">12,000") && text.contains(">20,000") && text.contains("≤45,000"),
        "{text}"
    );
    assert!(text.contains("2022-05-10") && text.contains("2024-04-02"));
    // Rows are labelled for people: the heading and the counted noun, not the keys.
    assert!(
        text.contains("harbor pilots") && !text.contains("harbor-pilots"),
        "{text}"
    );
    assert!(!text.contains("financing"), "filtered out: {text}");
}
