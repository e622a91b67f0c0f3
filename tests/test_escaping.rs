//! End to end: hostile text in a pull stays inert in every report format that renders markup.
//!
//! The fixture pair (`tests/fixtures/escaping/`) holds `<script>alert(1)</script>`, `| a | b |`,
//! `@everyone`, `=HYPERLINK("http://x")` and `[click](http://evil.example)` in headings, claim
//! text and claims that are changed, added and dropped.

use crate::common::*;

const HOSTILE: [&str; 5] = [
    "<script>alert(1)</script>",
    "| a | b |",
    "@everyone",
    "=HYPERLINK(\"http://x\")",
    "[click](http://evil.example)",
];

fn render(format: &str) -> String {
    let out = factdiff()
        .arg("diff")
        .arg(fixture("escaping/2024-01-10.html"))
        .arg(fixture("escaping/2024-02-10.html"))
        .args(["--format", format])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The test proves something only if the claims really carry the hostile strings.
#[test]
fn fixture_claims_hold_the_hostile_text() {
    for file in ["escaping/2024-01-10.html", "escaping/2024-02-10.html"] {
        let set = json(
            factdiff()
                .arg("extract")
                .arg(fixture(file))
                .args(["--format", "json"]),
        );
        let texts: String = set["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["text"].as_str().unwrap_or_default().to_string() + "\n")
            .collect();
        for h in HOSTILE {
            assert!(texts.contains(h), "{file}: {h:?} missing from\n{texts}");
        }
    }
    // And the reports carry them: the CSV keeps source text raw (guarded against formulas).
    let csv = render("csv");
    for h in ["<script>alert(1)</script>", "| a | b |", "@everyone"] {
        assert!(csv.contains(h), "{h:?} missing from\n{csv}");
    }
}

#[test]
fn html_report_is_inert() {
    let html = render("html");
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "{html}");
    assert!(
        lower.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(!lower.contains("href=\"http://evil"), "{html}");
    assert!(!lower.contains("href=\"http://x"), "{html}");
    assert!(
        !lower.contains("javascript:") && !lower.contains("onerror="),
        "{html}"
    );
}

#[test]
fn markdown_report_is_inert() {
    let md = render("markdown");
    assert!(!md.to_lowercase().contains("<script"), "{md}");
    assert!(!md.contains("@everyone"), "live mention in\n{md}");
    assert!(md.contains("@&#8203;everyone"), "{md}");
    assert!(!md.contains("](http"), "live link in\n{md}");
    assert!(!md.contains("http://"), "autolinked URL in\n{md}");
    assert!(!md.contains("[click]"), "{md}");
    // No line opens with '=' (a setext heading or a spreadsheet formula when pasted).
    assert!(md.lines().all(|l| !l.trim_start().starts_with('=')), "{md}");
    // `| a | b |` never splits a table row: every row has as many cells as its header.
    let mut width = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            width = None;
            continue;
        }
        let cells = line.matches('|').count();
        match width {
            None => width = Some(cells),
            Some(w) => assert_eq!(cells, w, "row breaks its table: {line}"),
        }
    }
}

/// Splits RFC 4180 CSV into rows of cells.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\r') => {}
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

#[test]
fn csv_report_holds_no_formula() {
    let csv = render("csv");
    let rows = parse_csv(&csv);
    assert!(rows.len() > 5, "{csv}");
    let width = rows[0].len();
    let mut guarded = 0;
    for row in &rows {
        assert_eq!(row.len(), width, "ragged row {row:?}");
        for cell in row {
            let is_number = cell.parse::<f64>().is_ok();
            assert!(
                !cell.starts_with(['=', '+', '@', '\t', '\r'])
                    && (!cell.starts_with('-') || is_number),
                "cell a spreadsheet would run: {cell:?}"
            );
            if cell.starts_with("'=HYPERLINK") {
                guarded += 1;
            }
        }
    }
    assert!(
        guarded >= 2,
        "the =HYPERLINK cells should be there, guarded\n{csv}"
    );
}
