//! Renderer tests on hand-built editions: escaping in every format, CSV shape, HTML staying
//! offline, determinism.

use super::escape;
use super::{render_diff, render_history, Format, RenderOptions};
use crate::align::AlignSettings;
use crate::claimset::{Claim, ClaimSet, Edition, TopicKey, SCHEMA_VERSION};
use crate::diff::{diff, Change, ChangeKind, Flag, Report};
use crate::figure::{Figure, Qualifier, Unit};
use crate::history::{history, History};
use crate::topics::TopicRules;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

const SCRIPT: &str = "<script>alert(1)</script>";
const PIPES: &str = "| a | b |";
const FORMULA: &str = "=HYPERLINK(\"http://x\")";
const LINK: &str = "[click](http://evil.example)";

fn fig(measure: &str, value: &str, unit: Unit, q: Qualifier, quote: &str) -> Figure {
    Figure {
        measure: measure.into(),
        value: Decimal::from_str(value).unwrap(),
        max: None,
        unit,
        noun: String::new(),
        noun_from: Default::default(),
        qualifier: q,
        quote: quote.into(),
        written: String::new(),
        class: Default::default(),
        context: Vec::new(),
        names: Vec::new(),
        sentence: String::new(),
        line: None,
        fragment: String::new(),
    }
}

fn claim(heading: &str, text: &str, figures: Vec<Figure>) -> Claim {
    Claim {
        topic: TopicKey::from_text(heading),
        label: heading.into(),
        heading: Some(heading.into()),
        section: None,
        text: Some(text.into()),
        figures,
    }
}

/// An edition as extraction leaves it: each figure with its sentence and fragment.
fn edition(date: (i32, u32, u32), claims: Vec<Claim>) -> ClaimSet {
    let mut set = ClaimSet {
        schema: SCHEMA_VERSION,
        edition: Edition {
            title: format!("FACT SHEET: Update on Progress {SCRIPT}"),
            date: NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap(),
            source: Some(format!(
                "https://example.gov/fact-sheet-{}-{}",
                date.0, date.1
            )),
            digest: None,
            revision: None,
        },
        claims,
    };
    crate::cite::annotate(&mut set);
    set
}

/// The hostile claim text: markup, table pipes, a mention, a formula and a link.
fn hostile(extra: &str) -> String {
    format!("@everyone see {LINK} and {FORMULA} {PIPES} {SCRIPT} {extra}")
}

fn editions() -> Vec<ClaimSet> {
    use Qualifier::*;
    use Unit::*;
    let hostile_heading = format!("Outreach {SCRIPT} {PIPES}");
    let e1 =
        edition(
            (2022, 4, 19),
            vec![
            claim(
                "Creating Opportunities",
                "Creating Opportunities: more than 90,000 jobs created by private sector firms.",
                vec![fig("jobs", "90000", Count, Over, "more than 90,000 jobs")],
            ),
            claim(
                "Financing",
                "Financing: $4.2 billion in financing mobilized.",
                vec![fig("financing", "4200000000", Usd, Exact, "$4.2 billion")],
            ),
            claim(
                "Training Police",
                "Training Police: 18 police academies trained 1,500 officers.",
                vec![
                    fig("academies", "18", Count, Exact, "18 police academies"),
                    fig("officers", "1500", Count, Exact, "1,500 officers"),
                ],
            ),
            claim(
                "Combatting Smuggling",
                "Combatting Smuggling: nearly 1,200 arrests of smugglers.",
                vec![fig("arrests", "1200", Count, Nearly, "nearly 1,200 arrests")],
            ),
            claim(
                &hostile_heading,
                &hostile("about 30% reached."),
                vec![fig("share", "30", Percent, Approximately, FORMULA)],
            ),
        ],
        );
    let e2 = edition(
        (2023, 2, 6),
        vec![
            claim(
                "Creating Opportunities",
                "Creating Opportunities: up to an estimated 250,000 jobs created by private sector firms across the region.",
                vec![fig("jobs", "250000", Count, UpTo, "up to an estimated 250,000 jobs")],
            ),
            claim(
                "Financing",
                "Financing: $3.2 billion in financing mobilized.",
                vec![fig("financing", "3200000000", Usd, Exact, "$3.2 billion")],
            ),
            claim(
                "Training Civilian Police",
                "Training Civilian Police: 18 police academies trained officers.",
                vec![fig("academies", "18", Count, Exact, "18 police academies")],
            ),
            claim(
                &hostile_heading,
                &hostile("about 35% reached, #1 in the region."),
                vec![fig("share", "35", Percent, Approximately, FORMULA)],
            ),
            claim(
                LINK,
                &format!("{SCRIPT} @everyone {FORMULA}"),
                vec![fig("grants", "500", Count, Over, "+500 grants")],
            ),
        ],
    );
    let e3 = edition(
        (2024, 3, 1),
        vec![
            claim(
                "Creating Opportunities",
                "Creating Opportunities: up to an estimated 250,000 jobs created by private sector firms across the region.",
                vec![fig("jobs", "250000", Count, UpTo, "up to an estimated 250,000 jobs")],
            ),
            claim(
                "Financing",
                "Financing: about $3.2 billion in financing mobilized.",
                vec![fig("financing", "3200000000", Usd, Approximately, "about $3.2 billion")],
            ),
            claim(
                "Training Civilian Police",
                "Training Civilian Police: 18 police academies trained officers.",
                vec![fig("academies", "18", Count, Exact, "18 police academies")],
            ),
            claim(
                "Combatting Smuggling",
                "Combatting Smuggling: nearly 1,300 arrests of smugglers.",
                vec![fig("arrests", "1300", Count, Nearly, "nearly 1,300 arrests")],
            ),
            claim(
                &hostile_heading,
                &hostile("about 40% reached."),
                vec![fig("share", "40", Percent, Approximately, FORMULA)],
            ),
            claim(
                LINK,
                &format!("{SCRIPT} @everyone {FORMULA}"),
                vec![fig("grants", "450", Count, Over, "+450 grants")],
            ),
        ],
    );
    vec![e1, e2, e3]
}

fn report() -> Report {
    let sets = editions();
    diff(
        &sets[0],
        &sets[1],
        &TopicRules::default(),
        AlignSettings::default(),
    )
}

fn hist() -> History {
    history(
        &editions(),
        &TopicRules::default(),
        AlignSettings::default(),
    )
}

fn diff_text(format: Format) -> String {
    let mut out = Vec::new();
    render_diff(&report(), format, &RenderOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn history_text(format: Format) -> String {
    let mut out = Vec::new();
    render_history(&hist(), format, &RenderOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn fixture_covers_every_section() {
    let r = report();
    for kind in [
        ChangeKind::FigureChanged,
        ChangeKind::QualifierChanged,
        ChangeKind::TextChanged,
        ChangeKind::TopicRenamed,
        ChangeKind::FigureDropped,
        ChangeKind::ClaimAdded,
        ChangeKind::ClaimDropped,
    ] {
        // QualifierChanged needs a same-value pair; the fixture's qualifier moves with a value.
        if kind == ChangeKind::QualifierChanged {
            continue;
        }
        assert!(
            r.changes.iter().any(|c| c.kind() == kind),
            "fixture lacks {kind}: {:#?}",
            r.changes
        );
    }
    assert!(hist().tracks.len() >= 5);
}

#[test]
fn view_shows_every_change_once_in_report_order() {
    use super::view::{DiffView, Rows};
    let r = hand_report();
    let view = DiffView::new(&r, &RenderOptions::default());
    let titles: Vec<&str> = view.sections.iter().map(|s| s.title).collect();
    assert_eq!(
        titles,
        [
            "Changed figures",
            "Renamed topics",
            "Reworded claims",
            "Figures added",
            "Claims added",
            "Claims dropped"
        ]
    );
    let rows: usize = view
        .sections
        .iter()
        .map(|s| match &s.rows {
            Rows::Figures(r) => r.len(),
            Rows::Renames(r) => r.len(),
            Rows::Rewordings(r) => r.len(),
            Rows::FigureList(_, r) => r.len(),
            Rows::ClaimList(_, r) => r.len(),
        })
        .sum();
    assert_eq!(rows, r.changes.len());
    // Changed figures list value changes before qualifier changes, whatever the report order.
    let Rows::Figures(figures) = &view.sections[0].rows else {
        panic!("first section is not changed figures");
    };
    assert_eq!(figures[0].movement, super::view::Movement::Value);
    assert_eq!(
        figures.last().unwrap().movement,
        super::view::Movement::Qualifier
    );
    let legend: Vec<Flag> = view.legend.iter().map(|(f, _)| *f).collect();
    let mut want: Vec<Flag> = r.changes.iter().flat_map(Change::flags).collect();
    want.sort();
    want.dedup();
    assert_eq!(legend, want);
    // Reasons are shown only when asked for, in the columns and the rows alike.
    let quiet = RenderOptions {
        reasons: false,
        quiet: true,
        ..RenderOptions::default()
    };
    let view = DiffView::new(&r, &quiet);
    assert!(view.summary.is_none());
    assert!(figures.iter().all(|f| f.reason.is_some()));
    let Rows::Figures(figures) = &view.sections[0].rows else {
        panic!("first section is not changed figures");
    };
    assert!(figures.iter().all(|f| f.reason.is_none()));
}

#[test]
fn history_view_has_one_row_per_track_and_a_sorted_legend() {
    use super::view::{Direction, HistoryView};
    let h = hist();
    let view = HistoryView::new(&h, &RenderOptions::default());
    let names: Vec<&str> = view.columns.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Figure",
            "2022-04-19",
            "2023-02-06",
            "2024-03-01",
            "Net",
            "Flags"
        ]
    );
    assert_eq!(view.rows.len(), h.tracks.len());
    let jobs = view
        .rows
        .iter()
        .find(|r| r.track.measure == "jobs")
        .unwrap();
    assert_eq!(jobs.cells().next().flatten().as_deref(), Some(">90,000"));
    assert_eq!(jobs.net.as_deref(), Some("+160,000"));
    assert_eq!(jobs.direction, Direction::Up);
    let arrests = view
        .rows
        .iter()
        .find(|r| r.track.measure == "arrests")
        .unwrap();
    assert_eq!(
        arrests.cells().nth(1),
        Some(None),
        "absent from the second edition"
    );
    let mut want: Vec<Flag> = h.tracks.iter().flat_map(|t| t.flags.clone()).collect();
    want.sort();
    want.dedup();
    let legend: Vec<Flag> = view.legend.iter().map(|(f, _)| *f).collect();
    assert_eq!(legend, want);
    let quiet = RenderOptions {
        quiet: true,
        ..RenderOptions::default()
    };
    assert!(HistoryView::new(&h, &quiet).summary.is_none());
}

// ---- escaping helpers -------------------------------------------------------------------------

#[test]
fn markdown_escape_exact_forms() {
    let cases = [
        (SCRIPT, r"\<script>alert(1)\</script>"),
        (PIPES, r"\| a \| b \|"),
        ("@everyone", "`@everyone`"),
        ("to @everyone.", "to `@everyone`."),
        ("mail a.b@example.org", "mail `a.b@example.org`"),
        (FORMULA, "\\=HYPERLINK(\"`http://x`\")"),
        (LINK, r"\[click\](`http://evil.example`)"),
        ("visit www.x.org.", "visit `www.x.org`."),
        ("see #12 and C#1", "see `#12` and C#1"),
        (
            "a `tick` in http://x/`y`",
            "a \\`tick\\` in `` http://x/`y` ``",
        ),
        ("# Title", r"\# Title"),
        ("> quote", r"\> quote"),
        ("- item", r"\- item"),
        ("+ item", r"\+ item"),
        ("1. item", r"1\. item"),
        ("12) item", r"12\) item"),
        ("a - b 1. c # d > e", "a - b 1. c # d > e"),
        ("+160,000", "+160,000"),
        ("-2", "-2"),
        ("1.5%", "1.5%"),
        ("---", r"\---"),
        ("==", r"\=="),
        ("=1+2", r"\=1+2"),
        ("*a* _b_ `c` ~d~ \\", r"\*a\* \_b\_ \`c\` \~d\~ \\"),
        ("snake_case stays", "snake_case stays"),
        ("$7 million and $8.5 billion", "$7 million and $8.5 billion"),
        ("<~$7 million", r"<\~$7 million"),
        ("$x$ math", r"\$x\$ math"),
        ("AT&T and &amp; &#36;", r"AT&T and \&amp; \&#36;"),
        ("line\r\none\n\ntwo\tthree", "line one two three"),
        ("90,000 jobs", "90,000 jobs"),
        ("a < b > c", "a < b > c"),
        ("<!-- x --> </p>", r"\<!-- x --> \</p>"),
    ];
    for (text, want) in cases {
        assert_eq!(escape::markdown(text), want, "{text:?}");
    }
    // Text that continues a line keeps its leading characters.
    assert_eq!(
        escape::markdown_inline("# 1 in the region"),
        "# 1 in the region"
    );
    assert_eq!(
        escape::markdown_url("https://x.gov/a b<c>"),
        "<https://x.gov/a%20b%3Cc%3E>"
    );
}

#[test]
fn html_escape_exact_forms() {
    assert_eq!(
        escape::html("<a href=\"x\">'&'</a>"),
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
    );
}

#[test]
fn csv_field_quotes_and_guards() {
    assert_eq!(escape::csv_field("plain"), "plain");
    assert_eq!(escape::csv_field("a,b"), "\"a,b\"");
    assert_eq!(escape::csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(escape::csv_field("two\nlines"), "\"two\nlines\"");
    assert_eq!(
        escape::csv_field(FORMULA),
        "\"'=HYPERLINK(\"\"http://x\"\")\""
    );
    assert_eq!(escape::csv_field("+500 grants"), "'+500 grants");
    assert_eq!(escape::csv_field("@everyone"), "'@everyone");
    assert_eq!(escape::csv_field("\tx"), "'\tx");
    assert_eq!(escape::csv_field("\rx"), "\"'\rx\"");
    assert_eq!(
        escape::csv_field("-2+3+cmd|' /C calc'!A0"),
        "'-2+3+cmd|' /C calc'!A0"
    );
    // Plain numbers stay numbers.
    assert_eq!(escape::csv_field("-2"), "-2");
    assert_eq!(escape::csv_field("-11.1"), "-11.1");
    assert_eq!(escape::csv_field("160000"), "160000");
    assert_eq!(escape::csv_field("-"), "'-");
    assert_eq!(escape::csv_field("-.5"), "'-.5");
}

// ---- Markdown ---------------------------------------------------------------------------------

/// Pipes that split cells: `|` not escaped with a backslash.
fn cell_pipes(line: &str) -> usize {
    line.match_indices('|')
        .filter(|(i, _)| !line[..*i].ends_with('\\'))
        .count()
}

/// The text outside code spans (a code span renders nothing: no link, no mention).
fn outside_code(md: &str) -> String {
    let mut out = String::new();
    let mut rest = md;
    while let Some(i) = rest.find('`') {
        // An escaped backtick is plain text.
        if rest[..i].ends_with('\\') {
            out.push_str(&rest[..=i]);
            rest = &rest[i + 1..];
            continue;
        }
        out.push_str(&rest[..i]);
        let fence = rest[i..].chars().take_while(|c| *c == '`').count();
        let after = &rest[i + fence..];
        match after.find(&"`".repeat(fence)) {
            Some(j) => {
                out.push_str("CODE");
                rest = &after[j + fence..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Inert Markdown: no tag, no live link but our own reference links to the editions' web
/// sources, no mention or URL outside a code span, no table row broken by a pipe, no line
/// opening with `=`, no character reference standing for a plain character.
pub(crate) fn assert_markdown_inert(md: &str) {
    let text = outside_code(md);
    // Our own link definitions (`[3]: <https://…>`) are the only addresses outside code.
    let body: Vec<&str> = text
        .lines()
        .filter(|l| !(l.starts_with('[') && l.contains("]: <https://example.gov/")))
        .collect();
    let body = body.join("\n");
    for bad in ["@everyone", "http://", "https://", "[click]", "www."] {
        assert!(!body.contains(bad), "{bad:?} outside code in\n{md}");
    }
    // An inline link needs `](` with its bracket unescaped.
    for (i, _) in body.match_indices("](") {
        assert!(body[..i].ends_with('\\'), "live link at {}", &body[i..]);
    }
    // Every `<` that could open a tag is escaped.
    for (i, _) in body.match_indices('<') {
        let next = body[i + 1..].chars().next();
        let tag = next.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        assert!(
            !tag || body[..i].ends_with('\\'),
            "raw tag at {}",
            &body[i..body.len().min(i + 40)]
        );
    }
    // Every table row has as many cell separators as its header.
    let mut width = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let w = *width.get_or_insert(cell_pipes(line));
            assert_eq!(cell_pipes(line), w, "stray pipe in row: {line}");
        } else {
            width = None;
        }
        assert!(!line.trim_start().starts_with('='), "{line}");
    }
    assert!(!md.contains("&#36;") && !md.contains("&#126;"), "{md}");
}

#[test]
fn markdown_diff_is_inert_and_complete() {
    let md = diff_text(Format::Markdown);
    assert_markdown_inert(&md);
    assert!(md.contains(r"\<script>alert(1)\</script>"), "{md}");
    assert!(md.contains(r"\| a \| b \|"), "{md}");
    assert!(md.contains("`@everyone`"), "{md}");
    assert!(md.contains(r"\[click\](`http://evil.example`)"), "{md}");
    assert!(md.contains("=HYPERLINK(\"`http://x`\")"), "{md}");
    // Each edition links to its source, each figure to its sentence there.
    assert!(
        md.contains("**[2022-04-19][1] → [2023-02-06][2]**: "),
        "{md}"
    );
    assert!(
        md.contains("[1]: <https://example.gov/fact-sheet-2022-4>"),
        "{md}"
    );
    assert!(
        md.contains("[**$4.2 billion**][5] in financing mobilized."),
        "{md}"
    );
    assert!(
        md.contains("[5]: <https://example.gov/fact-sheet-2022-4#:~:text=Financing%3A%20%244.2%20billion%20in%20financing%20mobilized.>"),
        "{md}"
    );
    assert!(md.contains("### Changed figures"), "{md}");
    assert!(
        md.contains("- **Creating Opportunities**: **+160,000 (+177.8%)** · flags: hedged"),
        "{md}"
    );
    assert!(
        md.contains("- **Financing**: **−$1 billion (−23.8%)** · flags: decrease"),
        "{md}"
    );
    assert!(md.contains("### Renamed topics"), "{md}");
    assert!(
        md.contains("- Training Police → **Training Civilian Police**"),
        "{md}"
    );
    assert!(md.contains("### Claims dropped"), "{md}");
    assert!(
        md.contains("- **Combatting Smuggling**: Combatting Smuggling: [**nearly 1,200 arrests**]"),
        "{md}"
    );
    assert!(md.contains("### Claims added"), "{md}");
    assert!(md.contains("### Figures dropped"), "{md}");
}

#[test]
fn markdown_sentences_mark_the_figure_and_changed_words() {
    let md = diff_text(Format::Markdown);
    // Old above new, whole sentences, changed words in bold.
    assert!(
        md.contains("  - 2022-04-19: Creating Opportunities: **more than 90,000** jobs created by private sector **firms.**\n  - 2023-02-06: Creating Opportunities: **up to an estimated 250,000** jobs created by private sector **firms across the region.**"),
        "{md}"
    );
    assert!(
        md.contains(
            "  - 2022-04-19: Training Police: 18 police academies trained **1,500** officers."
        ),
        "{md}"
    );
    assert!(
        md.contains(
            "  - 2023-02-06: Training **Civilian** Police: 18 police academies trained officers."
        ),
        "{md}"
    );
    assert!(
        md.contains("about **35% reached, `#1` in the region.**"),
        "{md}"
    );
}

#[test]
fn markdown_history_table_and_legend() {
    let md = history_text(Format::Markdown);
    assert_markdown_inert(&md);
    assert!(
        md.contains("| Figure | 2022-04-19 | 2023-02-06 | 2024-03-01 | Net | Flags |"),
        "{md}"
    );
    assert!(
        md.contains(
            "| [Creating Opportunities][1] | >90,000 | ≤250,000 | ≤250,000 | +160,000 | hedged |"
        ),
        "{md}"
    );
    assert!(md.contains(r"| <\~1,200 |  | <\~1,300 |"), "{md}");
    assert!(md.contains("Legend: > more than"), "{md}");
    assert!(md.contains("- **gap**: "), "{md}");
}

// ---- CSV --------------------------------------------------------------------------------------

/// A strict RFC 4180 reader: records end in CRLF; quoted fields may hold anything.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            '"' => panic!("bare quote inside an unquoted field: {field:?}"),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_field_start = true;
            }
            '\n' => panic!("bare LF outside quotes after {field:?}"),
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(
        field.is_empty() && record.is_empty(),
        "last record lacks CRLF"
    );
    records
}

fn assert_csv_inert(records: &[Vec<String>]) {
    let width = records[0].len();
    for r in records {
        assert_eq!(r.len(), width, "{r:?}");
        for cell in r {
            let numeric = cell.strip_prefix('-').is_some_and(|d| {
                !d.is_empty() && d.chars().all(|c| c.is_ascii_digit() || c == '.')
            });
            assert!(
                !cell.starts_with(['=', '+', '@', '\t', '\r'])
                    && (!cell.starts_with('-') || numeric),
                "live formula cell {cell:?}"
            );
        }
    }
}

#[test]
fn csv_diff_parses_back_with_fixed_width() {
    let text = diff_text(Format::Csv);
    let records = parse_csv(&text);
    assert_eq!(records[0], super::csv::DIFF_COLUMNS.to_vec());
    assert_csv_inert(&records);
    let r = report();
    // One row per change, plus one per extra figure of added and dropped claims.
    let extra: usize = r
        .changes
        .iter()
        .map(|c| match c {
            Change::ClaimAdded { figures, .. } | Change::ClaimDropped { figures, .. } => {
                figures.len().saturating_sub(1)
            }
            _ => 0,
        })
        .sum();
    assert_eq!(records.len(), 1 + r.changes.len() + extra);
    let col = |name: &str| {
        super::csv::DIFF_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap()
    };
    let fin = records
        .iter()
        .find(|r| r[col("measure")] == "financing")
        .unwrap();
    assert_eq!(fin[col("old_value")], "4200000000");
    assert_eq!(fin[col("delta")], "-1000000000");
    assert_eq!(fin[col("percent")], "-23.8");
    assert_eq!(fin[col("flags")], "decrease");
    let share = records
        .iter()
        .find(|r| r[col("measure")] == "share")
        .unwrap();
    assert_eq!(share[col("old_quote")], "'=HYPERLINK(\"http://x\")");
    assert!(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""));
    let jobs = records
        .iter()
        .find(|r| r[col("measure")] == "jobs")
        .unwrap();
    assert_eq!(jobs[col("flags")], "hedged");
    assert_eq!(jobs[col("new_qualifier")], "up-to");
}

#[test]
fn csv_history_has_one_row_per_edition_and_track() {
    let text = history_text(Format::Csv);
    let records = parse_csv(&text);
    assert_eq!(records[0], super::csv::HISTORY_COLUMNS.to_vec());
    assert_csv_inert(&records);
    let h = hist();
    assert_eq!(records.len(), 1 + h.tracks.len() * h.editions.len());
    let arrests: Vec<&Vec<String>> = records.iter().filter(|r| r[2] == "arrests").collect();
    assert_eq!(arrests.len(), 3);
    assert_eq!(arrests[1][4], "", "absent edition has an empty value");
    assert_eq!(arrests[1][6], "count", "absent edition keeps the unit");
    assert!(arrests[0][9].contains("gap"), "{:?}", arrests[0]);
}

// ---- HTML -------------------------------------------------------------------------------------

/// Checks the page loads nothing and runs nothing: no scripts, no external resources, and
/// links (`<a href>`) only to the editions' `https://example.gov/` sources, without referrer.
/// `http` stands elsewhere only in text, in text attributes (`aria-label`, `title`), and in the
/// SVG namespace.
fn assert_html_offline(html: &str) {
    let lower = html.to_lowercase();
    for bad in [
        "<script",
        "<link",
        "<img",
        "<iframe",
        "<object",
        "<embed",
        "src=",
        "url(",
        "@import",
        "javascript:",
    ] {
        assert!(!lower.contains(bad), "found {bad}");
    }
    for tag in tags(&lower) {
        // Event handler attributes: ` onload=` and the like.
        assert!(
            !tag.split_whitespace()
                .any(|w| w.starts_with("on") && w.contains('=')),
            "handler in {tag}"
        );
        if tag.starts_with("<a ") {
            assert!(
                tag.starts_with("<a href=\"https://example.gov/")
                    && tag.ends_with(" rel=\"noreferrer noopener\">"),
                "link {tag}"
            );
            continue;
        }
        assert!(!tag.contains("href="), "href in {tag}");
        // Text attributes hold escaped words for people; nothing else names an address.
        let mut cleaned = tag.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        for attr in ["aria-label=\"", "title=\""] {
            while let Some(i) = cleaned.find(attr) {
                let from = i + attr.len();
                let end = cleaned[from..]
                    .find('"')
                    .map_or(cleaned.len(), |j| from + j + 1);
                cleaned.replace_range(i..end, "");
            }
        }
        assert!(
            !cleaned.contains("http:") && !cleaned.contains("https:") && !cleaned.contains("//"),
            "URL in tag {tag}"
        );
    }
}

/// The text of every tag (`<…>`).
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        out.push(&rest[i..end]);
        rest = &rest[end..];
    }
    out
}

fn assert_balanced(html: &str) {
    for el in [
        "table", "section", "svg", "tr", "ul", "li", "p", "div", "figure", "details",
    ] {
        let open =
            html.matches(&format!("<{el}>")).count() + html.matches(&format!("<{el} ")).count();
        let close = html.matches(&format!("</{el}>")).count();
        assert_eq!(open, close, "<{el}> opened {open}, closed {close}");
    }
}

#[test]
fn html_diff_is_escaped_offline_and_complete() {
    let html = diff_text(Format::Html);
    assert_html_offline(&html);
    assert_balanced(&html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("=HYPERLINK(&quot;http://x&quot;)"));
    assert!(
        html.contains("[click](http://evil.example)"),
        "kept as text"
    );
    // Editions link to their sources; each figure to its sentence there, marked.
    assert!(
        html.contains("<a href=\"https://example.gov/fact-sheet-2022-4\" rel=\"noreferrer noopener\">2022-04-19</a>"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"https://example.gov/fact-sheet-2023-2#:~:text=Financing%3A%20%243.2%20billion%20in%20financing%20mobilized.\" rel=\"noreferrer noopener\"><mark>$3.2 billion</mark></a>"),
        "{html}"
    );
    // Changed words are marked on each side, old above (or beside) new.
    assert!(
        html.contains("trained <mark class=\"old\">1,500</mark> officers."),
        "{html}"
    );
    assert!(
        html.contains("Training <mark class=\"new\">Civilian</mark> Police"),
        "{html}"
    );
    assert!(
        html.contains("about <mark class=\"new\">35% reached, #1 in the region.</mark>"),
        "{html}"
    );
    assert!(html.contains("<h3>Creating Opportunities</h3>"), "{html}");
    // Fits any screen and prints: a measure, a phone layout, URLs alone break anywhere.
    assert!(html.contains("@media print"));
    assert!(html.contains("main{max-width:78rem"));
    assert!(html.contains("@media (max-width:40rem)"));
    assert!(html.contains(".url{overflow-wrap:anywhere"));
    assert_eq!(html.matches("overflow-wrap:anywhere").count(), 1);
    assert!(html.contains("name=\"viewport\""));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
}

#[test]
fn html_history_has_accessible_charts() {
    let html = history_text(Format::Html);
    assert_html_offline(&html);
    assert_balanced(&html);
    let h = hist();
    assert_eq!(html.matches("<svg class=\"chart\"").count(), h.tracks.len());
    assert_eq!(html.matches("role=\"img\"").count(), h.tracks.len());
    for chart in html.split("<svg class=\"chart\"").skip(1) {
        assert!(chart.contains("aria-label=\""));
        let title_at = chart.find("<title>").unwrap();
        assert!(title_at < chart.find("<line").unwrap(), "title first");
    }
    // Jobs: a floor (▲) then ceilings (▼): one up-triangle and two down-triangles in its chart.
    let jobs = html
        .split("<svg class=\"chart\"")
        .skip(1)
        .find(|c| c.contains("Chart of Creating Opportunities over"))
        .unwrap();
    assert_eq!(jobs.matches("(floor)</title>").count(), 1);
    assert_eq!(jobs.matches("(ceiling)</title>").count(), 2);
    // Printed numbers come from format_value: the y axis of financing reads in billions.
    let fin = html
        .split("<svg class=\"chart\"")
        .skip(1)
        .find(|c| c.contains("Chart of Financing over"))
        .unwrap();
    assert!(fin.contains(">$4 billion</text>"), "{fin}");
    assert!(fin.contains(">$0</text>"), "{fin}");
    // A gap is drawn dashed.
    let arrests = html
        .split("<svg class=\"chart\"")
        .skip(1)
        .find(|c| c.contains("Chart of Combatting Smuggling over"))
        .unwrap();
    assert!(arrests.contains("stroke-dasharray"), "{arrests}");
    assert!(html.contains("<th scope=\"row\">2022-04-19</th>"));
    // Rows are labelled for people; the keys are a tooltip.
    assert!(html.contains("<th scope=\"row\" class=\"label\">Creating Opportunities</th>"));
    assert!(html.contains(
        "title=\"measure jobs · topic creating-opportunities\">Creating Opportunities</h3>"
    ));
    // Each edition's words, the figure marked and linked to its sentence.
    assert!(
        html.contains("<a href=\"https://example.gov/fact-sheet-2022-4#:~:text=Financing%3A%20%244.2%20billion%20in%20financing%20mobilized.\" rel=\"noreferrer noopener\"><mark>$4.2 billion</mark></a>"),
        "{html}"
    );
}

#[test]
fn nice_steps_are_round_and_exact() {
    let d = |s: &str| Decimal::from_str(s).unwrap();
    assert_eq!(super::html::nice_step(d("250000")), d("100000"));
    assert_eq!(super::html::nice_step(d("4200000000")), d("2000000000"));
    assert_eq!(super::html::nice_step(d("40")), d("10"));
    assert_eq!(super::html::nice_step(d("1")), d("0.5"));
}

// ---- all formats ------------------------------------------------------------------------------

#[test]
fn rendering_is_deterministic() {
    for format in [Format::Markdown, Format::Csv, Format::Html] {
        assert_eq!(diff_text(format), diff_text(format), "{format:?}");
        assert_eq!(history_text(format), history_text(format), "{format:?}");
    }
}

#[test]
fn empty_history_and_empty_diff_render() {
    let sets = editions();
    let same = diff(
        &sets[0],
        &sets[0],
        &TopicRules::default(),
        AlignSettings::default(),
    );
    let empty = History {
        editions: vec![sets[0].edition.clone()],
        tracks: Vec::new(),
    };
    for format in [Format::Markdown, Format::Csv, Format::Html] {
        let mut out = Vec::new();
        render_diff(&same, format, &RenderOptions::default(), &mut out).unwrap();
        assert!(!out.is_empty());
        let mut out = Vec::new();
        render_history(&empty, format, &RenderOptions::default(), &mut out).unwrap();
        assert!(!out.is_empty());
    }
    let mut out = Vec::new();
    render_diff(&same, Format::Markdown, &RenderOptions::default(), &mut out).unwrap();
    assert!(String::from_utf8(out).unwrap().contains("no changes"));
}

/// A report built by hand: a qualifier-only change, a range, a rescaled figure, and the old
/// edition newer than the new one.
fn hand_report() -> Report {
    let sets = editions();
    let mut r = diff(
        &sets[1],
        &sets[0],
        &TopicRules::default(),
        AlignSettings::default(),
    );
    let Change::FigureChanged { pair, .. } = &r.changes[0] else {
        panic!(
            "the fixture's first change is a changed figure: {:?}",
            r.changes[0]
        );
    };
    let mut pair = pair.clone();
    let mut old = fig("jobs", "250000", Unit::Count, Qualifier::Over, "");
    old.max = Some(Decimal::from_str("300000").unwrap());
    pair.old = old.clone();
    old.qualifier = Qualifier::UpTo;
    pair.new = old;
    let q = Change::QualifierChanged(pair);
    assert_eq!(q.flags(), [Flag::Hedged]);
    r.changes.insert(0, q);
    r
}

#[test]
fn qualifier_changes_ranges_and_order_notes_render() {
    let r = hand_report();
    let quiet = RenderOptions {
        color: false,
        reasons: false,
        quiet: true,
        ..RenderOptions::default()
    };
    let render = |format, options: &RenderOptions| {
        let mut out = Vec::new();
        render_diff(&r, format, options, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    let md = render(Format::Markdown, &RenderOptions::default());
    assert!(
        md.contains("- **Creating Opportunities**: qualifier over → up-to · flags: hedged\n  - 2023-02-06: **more than 250,000–300,000**\n  - 2022-04-19: **up to 250,000–300,000**\n"),
        "{md}"
    );
    assert!(md.contains("> **Note:** OLD is the newer edition"), "{md}");
    let md_quiet = render(Format::Markdown, &quiet);
    assert!(!md_quiet.contains("paired by"), "{md_quiet}");
    assert!(
        md_quiet.contains("**[2023-02-06][1] → [2022-04-19][2]**\n"),
        "{md_quiet}"
    );
    let csv = parse_csv(&render(Format::Csv, &quiet));
    assert_csv_inert(&csv);
    let q = &csv[1];
    assert_eq!(q[0], "qualifier-changed");
    assert_eq!((q[5].as_str(), q[6].as_str()), ("250000", "300000"));
    let html = render(Format::Html, &RenderOptions::default());
    assert_html_offline(&html);
    assert_balanced(&html);
    assert!(html.contains("OLD is the newer edition"));
    assert!(html.contains("more than 250,000–300,000"));
    assert!(!render(Format::Html, &quiet).contains("Paired by"));
}

/// The sample pages render well-formed and offline; the seven-edition history slants all its
/// date labels and dashes its line across the edition without the figure. With
/// `FACTDIFF_SAMPLES=DIR` the pages are also written there for a look in a browser:
/// `FACTDIFF_SAMPLES=/tmp cargo test --lib render::tests::samples`.
#[test]
fn samples() {
    let long = long_history_html();
    assert_eq!(long.matches("transform=\"rotate(-40").count(), 7, "{long}");
    assert!(long.contains("stroke-dasharray"), "{long}");
    let dir = std::env::var_os("FACTDIFF_SAMPLES").map(std::path::PathBuf::from);
    for (name, text) in [
        ("factdiff-diff.html", diff_text(Format::Html)),
        ("factdiff-history.html", history_text(Format::Html)),
        ("factdiff-diff.md", diff_text(Format::Markdown)),
        ("factdiff-history.md", history_text(Format::Markdown)),
        ("factdiff-diff.csv", diff_text(Format::Csv)),
        ("factdiff-history-long.html", long),
        ("factdiff-history.csv", history_text(Format::Csv)),
    ] {
        assert!(!text.trim().is_empty(), "{name} is empty");
        if name.ends_with(".html") {
            assert_html_offline(&text);
            assert_balanced(&text);
        }
        if let Some(dir) = &dir {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
}

/// Seven editions, a range and a gap: slanted date labels and range bars.
fn long_history_html() -> String {
    let mut h = hist();
    let base = h.editions[0].clone();
    h.editions = (0..7)
        .map(|i| {
            let mut e = base.clone();
            e.date = NaiveDate::from_ymd_opt(2018 + i, 1 + i as u32, 10).unwrap();
            e
        })
        .collect();
    let mut t = h.tracks[0].clone();
    let q = [
        Qualifier::Exact,
        Qualifier::Over,
        Qualifier::Over,
        Qualifier::Nearly,
        Qualifier::UpTo,
        Qualifier::UpTo,
        Qualifier::Approximately,
    ];
    t.values = (0..7)
        .map(|i| {
            (i != 3).then(|| {
                let mut f = fig(
                    "jobs",
                    &format!("{}", 40000 + i * 35000),
                    Unit::Count,
                    q[i],
                    "",
                );
                if i == 5 {
                    f.max = Some(Decimal::from(300000));
                }
                f
            })
        })
        .collect();
    h.tracks = vec![t];
    let mut out = Vec::new();
    render_history(&h, Format::Html, &RenderOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}
