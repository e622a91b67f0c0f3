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

/// The text outside code spans: a code span renders its text, never a link or a mention.
fn outside_code(md: &str) -> String {
    let mut out = String::new();
    let mut rest = md;
    while let Some(i) = rest.find('`') {
        if rest[..i].ends_with('\\') {
            out.push_str(&rest[..=i]);
            rest = &rest[i + 1..];
            continue;
        }
        out.push_str(&rest[..i]);
        let fence = rest[i..].chars().take_while(|c| *c == '`').count();
        let after = &rest[i + fence..];
        match after.find(&"`".repeat(fence)) {
            Some(j) => rest = &after[j + fence..],
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn assert_markdown_inert(md: &str) {
    let text = outside_code(md);
    // Link definitions to the editions' checked sources are ours; nothing else links.
    let body: String = text
        .lines()
        .filter(|l| !(l.starts_with('[') && l.contains("]: <https://example.gov/")))
        .collect::<Vec<_>>()
        .join("\n");
    let lower = body.to_lowercase();
    for (i, _) in lower.match_indices("<script") {
        assert!(lower[..i].ends_with('\\'), "raw tag in\n{md}");
    }
    assert!(!body.contains("@everyone"), "live mention in\n{md}");
    assert!(!body.contains("http://"), "autolinked URL in\n{md}");
    assert!(!body.contains("[click]"), "{md}");
    for (i, _) in body.match_indices("](") {
        assert!(body[..i].ends_with('\\'), "live link at {}", &body[i..]);
    }
    assert!(md.contains("`@everyone`"), "{md}");
    assert!(md.contains(r"\<script>alert(1)\</script>"), "{md}");
    assert!(md.contains(r"\| a \| b \|"), "{md}");
    assert!(md.contains(r"\[click\](`http://evil.example`)"), "{md}");
    // Readable: `$` and `~` as written, no character references for plain characters.
    assert!(!md.contains("&#36;") && !md.contains("&#126;"), "{md}");
    // No line opens with '=' (a setext heading or a spreadsheet formula when pasted).
    assert!(md.lines().all(|l| !l.trim_start().starts_with('=')), "{md}");
    // `| a | b |` never splits a table row: every row has as many cells as its header.
    let pipes = |line: &str| {
        line.match_indices('|')
            .filter(|(i, _)| !line[..*i].ends_with('\\'))
            .count()
    };
    let mut width = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            width = None;
            continue;
        }
        match width {
            None => width = Some(pipes(line)),
            Some(w) => assert_eq!(pipes(line), w, "row breaks its table: {line}"),
        }
    }
}

#[test]
fn markdown_report_is_inert() {
    assert_markdown_inert(&render("markdown"));
}

/// Claim sets of the hostile pulls with a source URL each, in a temporary folder.
fn with_sources(source: &str) -> (tempfile::TempDir, [std::path::PathBuf; 2]) {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (i, file) in ["escaping/2024-01-10.html", "escaping/2024-02-10.html"]
        .iter()
        .enumerate()
    {
        let out = factdiff()
            .arg("extract")
            .arg(fixture(file))
            .args(["--source", &format!("{source}{i}")])
            .output()
            .unwrap();
        assert!(out.status.success());
        let path = dir.path().join(format!("{i}.toml"));
        std::fs::write(&path, out.stdout).unwrap();
        paths.push(path);
    }
    let [a, b]: [std::path::PathBuf; 2] = paths.try_into().unwrap();
    (dir, [a, b])
}

fn render_pair(pair: &[std::path::PathBuf; 2], format: &str) -> String {
    let out = factdiff()
        .arg("diff")
        .arg(&pair[0])
        .arg(&pair[1])
        .args(["--format", format])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn web_sources_are_linked_and_stay_inert() {
    let (_dir, pair) = with_sources("https://example.gov/sheet?id=(1)&v=");
    let md = render_pair(&pair, "markdown");
    assert_markdown_inert(&md);
    assert!(
        md.contains("[1]: <https://example.gov/sheet?id=(1)&v=0>"),
        "{md}"
    );
    assert!(md.contains("#:~:text="), "{md}");
    let html = render_pair(&pair, "html");
    assert!(
        html.contains(
            "<a href=\"https://example.gov/sheet?id=(1)&amp;v=0\" rel=\"noreferrer noopener\">"
        ),
        "{html}"
    );
    assert!(html.contains("#:~:text="), "{html}");
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script") && !lower.contains("href=\"http://evil"));
}

#[test]
fn sources_that_are_not_web_addresses_are_never_links() {
    for source in [
        "javascript:alert(1)//",
        "https://example.gov/\"><script>alert(1)</script>",
        "data:text/html,<b>x</b>",
    ] {
        let (_dir, pair) = with_sources(source);
        let html = render_pair(&pair, "html").to_lowercase();
        assert!(!html.contains("<a "), "{source}: {html}");
        assert!(
            !html.contains("<script") && !html.contains("<b>"),
            "{source}"
        );
        let md = render_pair(&pair, "markdown");
        assert!(!md.contains("]: <"), "{source}: {md}");
        assert_markdown_inert(&md);
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
