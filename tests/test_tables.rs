//! Tables: each cell's number is a figure named by its column, paired only with the same row of
//! the next edition.

use crate::common::*;
use serde_json::Value;

fn edition(date: &str) -> std::path::PathBuf {
    fixture(&format!("tables/{date}.md"))
}

fn figures(set: &Value) -> Vec<(String, String, String, String, String)> {
    let mut out = Vec::new();
    for c in set["claims"].as_array().unwrap() {
        for f in c["figures"].as_array().into_iter().flatten() {
            out.push((
                c["label"].as_str().unwrap().to_string(),
                f["value"].as_str().unwrap().to_string(),
                f["unit"].as_str().unwrap().to_string(),
                f["noun"].as_str().unwrap().to_string(),
                f["qualifier"].as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

#[test]
fn cells_take_their_column_and_scale() {
    let set = json(
        factdiff()
            .arg("extract")
            .arg(edition("2025-03-03"))
            .args(["--format", "json"]),
    );
    let got = figures(&set);
    let ohio: Vec<_> = got.iter().filter(|f| f.0 == "Ohio").collect();
    assert_eq!(
        ohio,
        [
            &(
                "Ohio".into(),
                "1200".into(),
                "count".into(),
                "households served".into(),
                "approximately".into()
            ),
            &(
                "Ohio".into(),
                "4500000".into(),
                "USD".into(),
                "grant funding".into(),
                "exact".into()
            ),
        ]
    );
    // Every row gives both of its cells; the column heads give none.
    assert_eq!(got.len(), 1 + 4 * 2, "{got:#?}");
    let cell = &set["claims"][2]["figures"][0];
    assert_eq!(cell["noun_from"], "column");
}

#[test]
fn rows_pair_by_name_only() {
    let r = json(
        factdiff()
            .arg("diff")
            .arg(edition("2025-03-03"))
            .arg(edition("2025-06-02"))
            .args(["--format", "json"]),
    );
    let changes = r["changes"].as_array().unwrap();
    let changed: Vec<(&str, &str, &str)> = changes
        .iter()
        .filter(|c| c["kind"] == "figure-changed")
        .map(|c| {
            (
                c["label"].as_str().unwrap(),
                c["old"]["value"].as_str().unwrap(),
                c["new"]["value"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        changed.contains(&("Ohio: households served", "1200", "1450")),
        "{changed:?}"
    );
    assert!(
        changed.contains(&("Iowa: grant funding", "3000000", "3500000")),
        "{changed:?}"
    );
    assert!(
        changed.contains(&("Utah: households served", "600", "550")),
        "{changed:?}"
    );
    // Maine left the table and Vermont joined it: never "Maine → Vermont".
    assert!(
        changes.iter().all(|c| !(c["kind"] == "figure-changed"
            && c.to_string().contains("Maine")
            && c.to_string().contains("Vermont"))),
        "{changes:#?}"
    );
    let kinds = |kind: &str| {
        changes
            .iter()
            .filter(|c| c["kind"] == kind)
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(kinds("claim-dropped").contains("Maine"));
    assert!(kinds("claim-added").contains("Vermont"));
}

#[test]
fn markdown_pipe_tables_read_like_html_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2025-07-01.md");
    std::fs::write(
        &path,
        "# Update on Apprenticeships\n\nNew apprentices by state, this quarter:\n\n\
         | State | New Apprentices | Average Wage |\n|---|---:|---:|\n\
         | Ohio | 2,150 | $21.50 |\n| Iowa | 1,040 | 19.75 |\n",
    )
    .unwrap();
    let set = json(
        factdiff()
            .arg("extract")
            .arg(&path)
            .args(["--format", "json"]),
    );
    let got = figures(&set);
    assert_eq!(
        got,
        [
            (
                "Ohio".into(),
                "2150".into(),
                "count".into(),
                "new apprentices".into(),
                "exact".into()
            ),
            (
                "Ohio".into(),
                "21.5".into(),
                "USD".into(),
                "average wage".into(),
                "exact".into()
            ),
            // A bare number under "Average Wage" is no count: only the count is read.
            (
                "Iowa".into(),
                "1040".into(),
                "count".into(),
                "new apprentices".into(),
                "exact".into()
            ),
        ]
    );
}
