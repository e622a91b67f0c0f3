//! Figures of table rows: a number in a cell takes its column's name as its counted noun
//! ("Medicare Enrollees" over "1,095,969"), so a state-by-state table is read as figures a
//! later edition can be paired with, cell by cell.

use super::draft;
use super::lexicon::{HEAD_CUTS, HEAD_LEADS, HEAD_MONEY, HEAD_NOT_COUNTS};
use super::{extract_figures, measure_for, numbers, tokens};
use crate::figure::{Figure, NounFrom, Qualifier, Unit};
use crate::read::CELL_SEPARATOR;
use rust_decimal::Decimal;

/// A column name longer than this, once trimmed, is a note rather than a noun.
const MAX_COLUMN_WORDS: usize = 8;

/// What a table column's name says about the numbers under it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Column {
    /// The counted noun the name gives ("borrowers" for "Estimated Number of Borrowers
    /// Eligible for Student Debt Relief"); empty when it gives none.
    pub noun: String,
    /// What a bare whole number under it ("60,500") is: a count of `noun` (the name says
    /// nothing of money, shares, rates, averages or scales), dollars ("… Funding"), or nothing
    /// the name makes plain.
    pub bare: Option<Unit>,
    /// True when the name says its numbers are estimates or rounded.
    pub approximate: bool,
    /// The scale the name gives its numbers ("(billions)", "Millions of Dollars").
    pub scale: Option<Decimal>,
}

/// The noun of a column of totals: its bare numbers are what the row's other cells are.
const TOTAL: &str = "total";

/// The columns a table's head row names, one per cell. A head that names a column twice
/// ("State | Participants | State | Participants") folds several rows into one: its columns
/// name nothing, since a cell's row is no longer the row's first cell.
pub fn columns(head: &[String]) -> Vec<Column> {
    let folded = head.iter().enumerate().any(|(i, a)| {
        head[..i]
            .iter()
            .any(|b| a.trim().eq_ignore_ascii_case(b.trim()))
    });
    if folded {
        return vec![Column::default(); head.len()];
    }
    head.iter().map(|name| column(name)).collect()
}

/// Reads one column name.
fn column(name: &str) -> Column {
    let all: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let approximate = all.iter().any(|w| {
        ["estimated", "approximate", "rounded"]
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a))
    });
    // A scale word after a number is part of an amount ("Share of $4.5 Billion Award").
    let scale = all
        .iter()
        .enumerate()
        .filter(|(i, _)| *i == 0 || !all[i - 1].bytes().any(|b| b.is_ascii_digit()))
        .find_map(|(_, w)| scale_of(w));
    let dollar_sign = name
        .split_whitespace()
        .any(|w| w.trim_matches(['(', ')', '[', ']']) == "$");
    let plain = outside_brackets(name);
    let words: Vec<&str> = plain
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != '-'))
        .filter(|w| !w.is_empty() && !w.bytes().any(|b| b.is_ascii_digit()) && !is_scale(w))
        .collect();
    let mut first = 0;
    while first + 1 < words.len() && HEAD_LEADS.has(words[first]) {
        first += 1;
    }
    let end = words[first..]
        .iter()
        .position(|w| HEAD_CUTS.has(w))
        .map_or(words.len(), |p| first + p);
    let mut kept = &words[first..end];
    while let Some((last, rest)) = kept.split_last() {
        if !(HEAD_LEADS.has(last) || is_trailing_joiner(last)) || rest.is_empty() {
            break;
        }
        kept = rest;
    }
    if kept.is_empty() || kept.len() > MAX_COLUMN_WORDS || is_trailing_joiner(kept[0]) {
        return Column::default();
    }
    let head = kept.last().copied().unwrap_or_default();
    let opener = kept.first().copied().unwrap_or_default();
    let bare = if name.contains('%') {
        None
    } else if HEAD_MONEY.has(head) || dollar_sign {
        Some(Unit::Usd)
    } else if HEAD_NOT_COUNTS.has(head) || HEAD_NOT_COUNTS.has(opener) || name.contains('$') {
        None
    } else {
        Some(Unit::Count)
    };
    // "Millions of Dollars" names the unit, not what is counted.
    let noun = if kept.len() == 1 && head.eq_ignore_ascii_case("dollars") {
        String::new()
    } else {
        kept.iter()
            .map(|w| noun_word(w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    Column {
        noun,
        bare,
        approximate,
        scale,
    }
}

/// `text` without what stands in brackets ("(rounded to the nearest hundred)").
fn outside_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn is_scale(word: &str) -> bool {
    scale_of(word).is_some()
}

/// The factor a scale word stands for ("millions" → 1,000,000).
fn scale_of(word: &str) -> Option<Decimal> {
    let singular = word.strip_suffix(['s', 'S']).unwrap_or(word);
    let zeros = [
        ("thousand", 3),
        ("million", 6),
        ("billion", 9),
        ("trillion", 12),
    ]
    .iter()
    .find(|(s, _)| singular.eq_ignore_ascii_case(s))?
    .1;
    Some(Decimal::from_i128_with_scale(10i128.pow(zeros), 0))
}

/// Qualifier and joining words a trimmed name may end with ("Share of Over $385 Million").
fn is_trailing_joiner(word: &str) -> bool {
    [
        "and", "or", "over", "than", "more", "nearly", "about", "almost", "up", "a", "an",
    ]
    .iter()
    .any(|j| word.eq_ignore_ascii_case(j))
}

/// A word of a column noun as prose writes it: lower case, acronyms kept ("FY", "TCUs").
fn noun_word(word: &str) -> String {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    if letters >= 2 && upper + 1 >= letters && upper >= 2 {
        word.to_string()
    } else {
        word.to_lowercase()
    }
}

/// The figures of one table row. The first cell names the row; each other cell's figures take
/// their column's noun when they have none. `width` is the most cells a row of the table has:
/// a row with fewer (an empty cell was left out, so which cell is which is unknown) is read as
/// plain text, and so is every row when `width` is not the head's width or one more (the head
/// may leave out the name of the row-name column).
pub fn extract_row(text: &str, columns: &[Column], width: usize) -> Vec<Figure> {
    let cells: Vec<&str> = text.split(CELL_SEPARATOR).collect();
    let offset = match width.checked_sub(columns.len()) {
        Some(d @ (0 | 1)) if cells.len() == width && width > 1 => d,
        _ => return extract_figures(text),
    };
    let mut by_cell: Vec<Vec<Figure>> = Vec::with_capacity(cells.len());
    by_cell.push(extract_figures(cells[0]));
    for (k, cell) in cells.iter().enumerate().skip(1) {
        let column = &columns[k - offset];
        let mut figures = extract_figures(cell);
        if figures.is_empty() && column.noun != TOTAL {
            figures.extend(
                column
                    .bare
                    .and_then(|unit| bare_number(cell, unit, column.scale.is_some())),
            );
        }
        by_cell.push(figures);
    }
    // A column of totals holds what the row's other cells hold, when they agree.
    let mut units = by_cell.iter().skip(1).flatten().map(|f| f.unit);
    let first = units.next();
    let row_unit = first.filter(|u| units.all(|v| v == *u));
    for (k, cell) in cells.iter().enumerate().skip(1) {
        if columns[k - offset].noun == TOTAL && by_cell[k].is_empty() {
            let scaled = columns[k - offset].scale.is_some();
            by_cell[k].extend(row_unit.and_then(|unit| bare_number(cell, unit, scaled)));
        }
    }
    let mut out = Vec::new();
    for (k, mut figures) in by_cell.into_iter().enumerate() {
        if let Some(column) = k.checked_sub(offset).filter(|_| k > 0).map(|i| &columns[i]) {
            for f in &mut figures {
                scale_by_column(f, column);
                if f.noun.is_empty() {
                    name_by_column(f, column);
                }
            }
        }
        out.append(&mut figures);
    }
    out
}

/// Multiplies an amount or count written without a scale word by its column's scale ("$579"
/// under "Amount (billions)" is $579 billion).
fn scale_by_column(f: &mut Figure, column: &Column) {
    let Some(scale) = column.scale else { return };
    if !matches!(f.unit, Unit::Usd | Unit::Count) || f.written.contains(char::is_alphabetic) {
        return;
    }
    // A product too large for a decimal is left as written rather than wrong.
    let Some(value) = f.value.checked_mul(scale) else {
        return;
    };
    let max = match f.max.map(|m| m.checked_mul(scale)) {
        Some(None) => return,
        Some(Some(m)) => Some(m.normalize()),
        None => None,
    };
    f.value = value.normalize();
    f.max = max;
}

/// Gives a figure its column's noun, and the column's hedge when the cell has none.
fn name_by_column(f: &mut Figure, column: &Column) {
    if column.noun.is_empty() {
        return;
    }
    f.noun.clone_from(&column.noun);
    f.noun_from = NounFrom::Column;
    f.measure = measure_for(&f.noun, f.unit);
    if column.approximate && f.qualifier == Qualifier::Exact {
        f.qualifier = Qualifier::Approximately;
    }
}

/// A cell that is a whole number and nothing else ("60,500", "More than 80,000",
/// "1.2 million"; a fraction too under a `scaled` column): its figure in `unit`, without a
/// noun.
fn bare_number(cell: &str, unit: Unit, scaled: bool) -> Option<Figure> {
    if !numbers::words::may_hold_number(cell) {
        return None;
    }
    tokens::with_tokens(cell, |t, leads| {
        let i = *leads.first()?;
        let start = draft::start_at(t, i).ok()?;
        let mut d = draft::read_amount(t, start).ok()?;
        draft::read_unit_words(t, &mut d);
        draft::read_range(t, &mut d).ok()?;
        draft::read_trailing_qualifier(t, &mut d);
        if draft::rejected_by_context(t, &d) {
            return None;
        }
        draft::read_noun(t, &mut d);
        let bare = d.unit == Unit::Count && d.noun.0 == d.noun.1 && d.noun_tail.is_none();
        let whole = scaled || d.amount.scaled || d.value.fract().is_zero();
        // Nothing but marks after the number ("60,500*").
        let alone = (d.next..t.len()).all(|j| t.word(j).is_none() && !t.is_num(j));
        if !(bare && whole && alone) {
            return None;
        }
        let mut f = draft::into_figure(t, &d);
        f.unit = unit;
        f.measure = measure_for("", unit);
        Some(f)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_give_nouns() {
        // (name, noun, counts, approximate): counts is "a bare number is a count"
        let cases = [
            (
                "Estimated Number of Borrowers Eligible for Student Debt Relief (rounded to the nearest hundred)",
                "borrowers",
                true,
                true,
            ),
            ("Estimated Number of Pell Borrowers Eligible", "pell borrowers", true, true),
            ("Medicare Enrollees", "medicare enrollees", true, false),
            ("How Many Fewer People Served*", "fewer people served", true, false),
            (
                "Number of Medicare Part D Enrollees Who Used the Drug from June 2022-May 2023",
                "medicare part d enrollees",
                true,
                false,
            ),
            (
                "Share of $4.5 Billion American Rescue Plan Award",
                "share of american rescue plan award",
                false,
                false,
            ),
            ("Share of Over $385 Million Announced Today", "share", false, false),
            ("Total", "total", true, false),
            ("Average Cost per Enrollee", "average cost", false, false),
            ("Unemployment Rate", "unemployment rate", false, false),
            ("Jobs (in thousands)", "jobs", true, false),
            ("Millions of Dollars", "", false, false),
            ("FY 2022 CR Award", "FY CR award", false, false),
            ("More than 80,000", "", false, false),
            ("2021", "", false, false),
        ];
        for (name, noun, counts, approximate) in cases {
            let c = column(name);
            assert_eq!(c.noun, noun, "{name}");
            if !noun.is_empty() {
                assert_eq!(c.bare == Some(Unit::Count), counts, "{name}: counts");
            }
            assert_eq!(c.approximate, approximate, "{name}: approximate");
        }
    }

    fn row(text: &str, head: &[&str]) -> Vec<(String, Unit, String, Qualifier)> {
        let width = text.split(CELL_SEPARATOR).count();
        table_row(text, head, width)
    }

    fn table_row(
        text: &str,
        head: &[&str],
        width: usize,
    ) -> Vec<(String, Unit, String, Qualifier)> {
        let head: Vec<String> = head.iter().map(|s| s.to_string()).collect();
        extract_row(text, &columns(&head), width)
            .into_iter()
            .map(|f| (f.value.to_string(), f.unit, f.noun, f.qualifier))
            .collect()
    }

    #[test]
    fn cells_take_their_column_nouns() {
        let head = ["State", "Medicare Enrollees", "Average Cost per Enrollee"];
        assert_eq!(
            row("Alabama | 1,095,969 | $4,448", &head),
            [
                (
                    "1095969".into(),
                    Unit::Count,
                    "medicare enrollees".into(),
                    Qualifier::Exact
                ),
                (
                    "4448".into(),
                    Unit::Usd,
                    "average cost".into(),
                    Qualifier::Exact
                ),
            ]
        );
        // A bare number under a column of costs is no count.
        assert_eq!(row("Alaska | 114,560 | 4,448", &head).len(), 1);
        // The head leaves out the row-name column.
        let short = ["Estimated Borrowers (rounded)"];
        assert_eq!(
            row("AK | More than 60,500", &short),
            [(
                "60500".into(),
                Unit::Count,
                "borrowers".into(),
                Qualifier::Over
            )]
        );
        assert_eq!(
            row("AK | 60,500", &short),
            [(
                "60500".into(),
                Unit::Count,
                "borrowers".into(),
                Qualifier::Approximately
            )]
        );
    }

    #[test]
    fn columns_of_dollars_and_totals() {
        let head = ["Flexible Funding", "Stabilization Funding", "Total"];
        let got = row("Alabama | 281,637,028 | 451,360,337 | 732,997,365", &head);
        let units: Vec<Unit> = got.iter().map(|f| f.1).collect();
        assert_eq!(units, [Unit::Usd; 3]);
        assert_eq!(got[2].2, "total");
        let head = ["State", "Medicare Enrollees", "Beneficiaries", "Total"];
        let got = row("Ohio | 1,000 | 2,000 | 3,000", &head);
        let units: Vec<Unit> = got.iter().map(|f| f.1).collect();
        assert_eq!(units, [Unit::Count; 3]);
        // Cells that disagree leave the total unread.
        let head = ["State", "Enrollees", "Funding", "Total"];
        assert_eq!(row("Ohio | 1,000 | 2,000 | 3,000", &head).len(), 2);
        // A scale in the name multiplies what is written without one.
        let head = ["State", "Funding ($ millions)", "Jobs (thousands)"];
        let got = row("Ohio | 12.5 | 1.5 million", &head);
        assert_eq!(got[0].0, "12500000");
        assert_eq!(got[0].1, Unit::Usd);
        assert_eq!(got[1].0, "1500000");
        let got = row("Total | $579", &["Amount (billions)"]);
        assert_eq!((got[0].0.as_str(), got[0].1), ("579000000000", Unit::Usd));
        let got = row("Ohio | 702", &["State", "Millions of Dollars"]);
        assert_eq!((got[0].0.as_str(), got[0].2.as_str()), ("702000000", ""));
    }

    #[test]
    fn rows_missing_a_cell_are_plain_text() {
        // The head leaves out the row-name column (rows have 4 cells); Ohio's funding cell is
        // empty, so its 3 cells would line up as if the head named the row-name column.
        let head = ["Funding", "Jobs", "Total"];
        // (Dollars and a count: the total is neither, so it is left unread.)
        assert_eq!(table_row("Iowa | $5 | 10 | 15", &head, 4).len(), 2);
        assert!(table_row("Ohio | 10 | 15", &head, 4).is_empty());
    }

    #[test]
    fn folded_tables_name_nothing() {
        let head = ["State", "Participants", "State", "Participants"];
        // 27,800 is Missouri's, not Delaware's: no noun, so no figure.
        assert!(row("Delaware | 100 | Missouri | 27,800", &head).is_empty());
    }

    #[test]
    fn cells_that_are_not_counts_stay_out() {
        let head = ["State", "Fiscal Year", "Enrollees"];
        // A year, a cell with words after the number, a cell that does not line up.
        assert!(row("Ohio | 2021 | 12 new sites", &head)
            .iter()
            .all(|(_, _, noun, _)| noun == "new sites"));
        assert!(row("Ohio | 2021", &head).is_empty());
        assert!(row("Ohio | 1.5 | 4", &["State", "Enrollees", "Sites"])
            .iter()
            .all(|(v, _, _, _)| v == "4"));
    }
}
