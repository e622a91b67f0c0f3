//! The extractor end to end: tables of real phrasings with the figures each must give (and
//! the many that must give none), one file per kind, and inputs that must stay safe.

mod nouns;
mod phrasings;
mod refusals;
mod units;

use super::extract_figures;
use crate::figure::{Figure, Qualifier, Unit};
use rust_decimal::Decimal;
use std::str::FromStr;

/// One expected figure: value, max, unit, qualifier, noun, quote.
type Want = (
    &'static str,
    Option<&'static str>,
    Unit,
    Qualifier,
    &'static str,
    &'static str,
);

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("test decimal")
}

#[test]
fn table_of_phrasings() {
    let tables = [
        phrasings::PHRASINGS,
        refusals::REFUSALS,
        units::UNITS,
        nouns::NOUNS,
    ];
    let cases: Vec<&(&str, &[Want])> = tables.iter().flat_map(|t| t.iter()).collect();
    assert!(cases.len() >= 100, "{} cases", cases.len());
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got: Vec<_> = extract_figures(text)
            .into_iter()
            .map(|f| (f.value, f.max, f.unit, f.qualifier, f.noun, f.quote))
            .collect();
        let want: Vec<_> = want
            .iter()
            .map(|(v, m, u, q, n, quote)| {
                (d(v), m.map(d), *u, *q, n.to_string(), quote.to_string())
            })
            .collect();
        if got != want {
            failures.push(format!("{text}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn written_keeps_the_number_words() {
    let w: Vec<String> = extract_figures(
        "It gave $4.2 billion, then $4,200 million, to six municipalities and 30% of 90,000 firms.",
    )
    .into_iter()
    .map(|f| f.written)
    .collect();
    assert_eq!(w, ["4.2 billion", "4,200 million", "six", "30", "90,000"]);
}

#[test]
fn pathological_inputs_stay_linear_and_safe() {
    let inputs = [
        "9".repeat(100_000),
        "1-".repeat(50_000),
        "$".repeat(100_000),
        "more than ".repeat(20_000),
        "1,000 ".repeat(20_000),
        "a".repeat(100_000),
        "U.S.".repeat(20_000),
        "é–’".repeat(30_000),
        // A list read back from each item, and articles merged into the leads.
        format!(
            "It sent 40 nurses to Ohio, {}.",
            "5 to Utah, ".repeat(5_000)
        ),
        "a million homes and ".repeat(5_000),
    ];
    for text in &inputs {
        let start = std::time::Instant::now();
        let figs = extract_figures(text);
        assert!(
            start.elapsed().as_secs() < 5,
            "slow on {:?}…",
            &text.get(..20)
        );
        assert!(figs.iter().all(|f| text.contains(&f.quote)));
    }
}

proptest::proptest! {
    #[test]
    fn never_panics_and_quotes_are_substrings(
        text in "[0-9a-zA-Z$%+,.:;()/~ \\-–—’'éU.S.]{0,80}"
    ) {
        for f in extract_figures(&text) {
            proptest::prop_assert!(text.contains(&f.quote));
            proptest::prop_assert_eq!(f.value, f.value.normalize());
        }
    }
}

/// Reads the real 2023-02-06 edition when the shared corpus sits beside the repository.
#[test]
#[ignore = "needs ../shared/corpus"]
fn root_causes_2023_edition() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/root-causes/2023-02-06.presidency.txt");
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let figures: Vec<Figure> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("• "))
        .flat_map(extract_figures)
        .collect();
    let quotes: Vec<&str> = figures.iter().map(|f| f.quote.as_str()).collect();
    assert_eq!(figures.len(), 37, "{quotes:#?}");
    for want in [
        "nearly 8,000 private sector firms",
        "more than 90,000 jobs",
        "$179 million in financing",
        "more than $4.2 billion",
        "six municipalities",
        "nearly $420 million in humanitarian assistance",
    ] {
        assert!(quotes.contains(&want), "{want} missing");
    }
}
