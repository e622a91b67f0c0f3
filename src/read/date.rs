//! Dates: ISO and common English date forms, datelines ("February 2023") and dates in file names.

use crate::text::{is_weekday_prefix, month_by_prefix};
use chrono::NaiveDate;

/// A date line is short; anything longer is prose that happens to start with a date.
const DATE_LINE_MAX_CHARS: usize = 40;

/// Parses `YYYY-MM-DD` or an English date: "February 06, 2023", "Feb. 6, 2023",
/// "6 February 2023", "Monday, February 6, 2023", "February 6th, 2023".
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() > DATE_LINE_MAX_CHARS {
        return None;
    }
    if let Some(d) = parse_iso(s) {
        return Some(d);
    }
    if !ends_with_digit(s) {
        return None;
    }
    let tokens = tokens(s);
    let mut rest: &[String] = &tokens;
    if let Some(first) = rest.first() {
        if is_weekday_prefix(first) {
            rest = rest.get(1..).unwrap_or_default();
        }
    }
    match rest {
        [a, b, c] => {
            let year = year(c)?;
            if let (Some(m), Some(d)) = (month_by_prefix(a), day(b)) {
                return NaiveDate::from_ymd_opt(year, m, d);
            }
            if let (Some(d), Some(m)) = (day(a), month_by_prefix(b)) {
                return NaiveDate::from_ymd_opt(year, m, d);
            }
            None
        }
        _ => None,
    }
}

/// True for a dateline naming only a month and a year ("February 2023"): furniture, not a date.
pub fn is_month_year(s: &str) -> bool {
    if s.len() > DATE_LINE_MAX_CHARS || !ends_with_digit(s) {
        return false;
    }
    matches!(tokens(s).as_slice(), [m, y] if month_by_prefix(m).is_some() && year(y).is_some())
}

/// Whether the last of [`tokens`] can be a year: the text ends with a digit before any white
/// space, commas and dots. Checked first, as most short blocks are no dates and their tokens
/// would each be a new string.
fn ends_with_digit(s: &str) -> bool {
    s.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .ends_with(|c: char| c.is_ascii_digit())
}

/// The first valid `YYYY-MM-DD` anywhere in a file name.
pub fn date_in_name(name: &str) -> Option<NaiveDate> {
    let bytes = name.as_bytes();
    let mut i = 0;
    while i + 10 <= bytes.len() {
        if let Some(d) = name.get(i..i + 10).and_then(parse_iso) {
            return Some(d);
        }
        i += 1;
    }
    None
}

/// `YYYY-MM-DD` exactly.
fn parse_iso(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    // The shape is checked: the digits are read directly, without a format string to parse.
    let number = |r: std::ops::Range<usize>| {
        b.get(r).map_or(0, |ds| {
            ds.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7), number(8..10))
}

/// Lower-case words, commas and trailing dots dropped ("Feb." → "feb").
fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| t.trim_end_matches('.').to_lowercase())
        .filter(|t| !t.is_empty())
        .collect()
}

/// A day 1–31, with or without an ordinal suffix ("6", "06", "6th").
fn day(t: &str) -> Option<u32> {
    let digits = t
        .strip_suffix("st")
        .or_else(|| t.strip_suffix("nd"))
        .or_else(|| t.strip_suffix("rd"))
        .or_else(|| t.strip_suffix("th"))
        .unwrap_or(t);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(t: &str) -> Option<i32> {
    if t.len() != 4 || !t.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn date_forms() {
        let cases = [
            ("2023-02-06", ymd(2023, 2, 6)),
            ("February 06, 2023", ymd(2023, 2, 6)),
            ("Feb. 6, 2023", ymd(2023, 2, 6)),
            ("Feb 6 2023", ymd(2023, 2, 6)),
            ("6 February 2023", ymd(2023, 2, 6)),
            ("Monday, February 6, 2023", ymd(2023, 2, 6)),
            ("February 6th, 2023", ymd(2023, 2, 6)),
            ("Sept. 21st, 2022", ymd(2022, 9, 21)),
            ("  March 1, 2024 ", ymd(2024, 3, 1)),
            ("February 30, 2023", None),
            ("February 2023", None),
            ("2023-2-6", None),
            ("May the fourth 2023", None),
            ("In February 6, 2023 the", None),
            ("", None),
            ("2023-02-06 and a long tail of words after it", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text), want, "{text:?}");
        }
    }

    #[test]
    fn month_year_datelines() {
        assert!(is_month_year("February 2023"));
        assert!(is_month_year("Mar. 2024"));
        assert!(!is_month_year("February 6, 2023"));
        assert!(!is_month_year("Pillar 2023"));
    }

    #[test]
    fn dates_in_file_names() {
        assert_eq!(date_in_name("2023-02-06.presidency.txt"), ymd(2023, 2, 6));
        assert_eq!(date_in_name("2021-01-15-fact-sheet-x.md"), ymd(2021, 1, 15));
        assert_eq!(date_in_name("sheet-2024-03-25.html"), ymd(2024, 3, 25));
        assert_eq!(date_in_name("2024-13-45.md"), None);
        assert_eq!(date_in_name("notes.md"), None);
        assert_eq!(date_in_name("é2024-03-25"), ymd(2024, 3, 25));
        for name in [
            "0000-01-01",
            "2024-00-10",
            "2024-02-30",
            "2024-02-29",
            "2023-02-29",
        ] {
            let by_format = NaiveDate::parse_from_str(name, "%Y-%m-%d").ok();
            assert_eq!(date_in_name(name), by_format, "{name}");
        }
    }
}
