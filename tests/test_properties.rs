//! Properties over generated input (proptest): the claim-set TOML round trip, diff identity and
//! mirror symmetry, layout invariance of extraction, figure formatting against extraction, and
//! `add` giving the same store whatever the order of the pulls or the number of threads.

use crate::common::*;
use chrono::NaiveDate;
use factdiff::align::AlignSettings;
use factdiff::diff::{diff, ChangeKind};
use factdiff::figure::{format_value, Figure, Qualifier, Unit};
use factdiff::pipeline::{extract_bytes, ExtractOptions};
use factdiff::topics::TopicRules;
use factdiff::{Claim, ClaimSet, Edition, TopicKey};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn unit() -> impl Strategy<Value = Unit> {
    prop_oneof![
        Just(Unit::Usd),
        Just(Unit::Percent),
        Just(Unit::Times),
        Just(Unit::Count),
        Just(Unit::PercentagePoints),
        Just(Unit::Span),
        Just(Unit::Acres)
    ]
}

fn qualifier() -> impl Strategy<Value = Qualifier> {
    prop_oneof![
        Just(Qualifier::Exact),
        Just(Qualifier::Over),
        Just(Qualifier::AtLeast),
        Just(Qualifier::Nearly),
        Just(Qualifier::Approximately),
        Just(Qualifier::UpTo),
    ]
}

/// Any decimal: mantissa up to 96 bits, scale 0–28, either sign.
fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), any::<u32>(), 0u32..=28).prop_map(|(lo, hi, scale)| {
        let m = (i128::from(hi) << 64 | i128::from(lo as u64)) >> 32;
        Decimal::try_from_i128_with_scale(m, scale).unwrap_or(Decimal::ONE)
    })
}

/// Text with quotes, backslashes, newlines, tabs, control characters and other scripts.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ,.$%]{0,30}",
        "\\PC{0,20}",
        "[\"'\\\\\n\r\t\u{0}\u{7f}\u{feff}\u{202e}é中ع ]{0,12}",
    ]
}

prop_compose! {
    fn figure()(
        measure in "[a-z][a-z-]{0,12}",
        value in decimal(),
        max in proptest::option::of(decimal()),
        unit in unit(),
        noun in text(),
        qualifier in qualifier(),
        quote in text(),
        written in text(),
    ) -> Figure {
        Figure { measure, value, max, unit, noun, noun_from: Default::default(), qualifier, quote, written, class: Default::default(), context: Vec::new(), names: Vec::new() }
    }
}

prop_compose! {
    fn claim()(
        topic in "[a-z0-9][a-z0-9-]{0,20}",
        heading in proptest::option::of(text()),
        section in proptest::option::of(text()),
        text in proptest::option::of(text()),
        figures in proptest::collection::vec(figure(), 0..4),
    ) -> Claim {
        Claim { topic: TopicKey::from_slug(topic), heading, section, text, figures }
    }
}

prop_compose! {
    fn claim_set()(
        title in text(),
        day in 0u32..40_000,
        source in proptest::option::of(text()),
        digest in proptest::option::of("sha256:[0-9a-f]{64}"),
        revision in proptest::option::of(2u32..100),
        claims in proptest::collection::vec(claim(), 0..6),
    ) -> ClaimSet {
        ClaimSet {
            schema: factdiff::claimset::SCHEMA_VERSION,
            edition: Edition {
                title,
                date: NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Days::new(day.into()),
                source,
                digest,
                revision,
            },
            claims,
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn claim_set_toml_round_trip(set in claim_set()) {
        let text = set.to_toml();
        let back = ClaimSet::from_toml(&text, Path::new("x.toml"))
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &set);
        prop_assert_eq!(back.to_toml(), text);
    }
}

/// Claim sets the aligner pairs by topic key alone: a fixed pool of distinct topics, each
/// with its own measure, present or absent, with a value.
const POOL: [(&str, &str, &str, Unit); 6] = [
    ("creating-jobs", "Creating Jobs", "jobs", Unit::Count),
    (
        "training-pilots",
        "Training Pilots",
        "harbor-pilots",
        Unit::Count,
    ),
    ("grants", "Grants", "grants", Unit::Usd),
    ("wetlands", "Restoring Wetlands", "acres", Unit::Count),
    ("vessels", "Inspecting Vessels", "vessels", Unit::Count),
    ("growth", "Port Growth", "growth", Unit::Percent),
];

fn pooled_set() -> impl Strategy<Value = ClaimSet> {
    (
        proptest::collection::vec(proptest::option::of((1u64..10_000_000, qualifier())), 6),
        0u32..3000,
    )
        .prop_map(|(slots, day)| ClaimSet {
            schema: factdiff::claimset::SCHEMA_VERSION,
            edition: Edition {
                title: "FACT SHEET: Harbor".into(),
                date: NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + chrono::Days::new(day.into()),
                source: None,
                digest: None,
                revision: None,
            },
            claims: slots
                .iter()
                .zip(POOL)
                .filter_map(|(slot, (key, heading, measure, unit))| {
                    let (v, q) = (*slot)?;
                    Some(Claim {
                        topic: TopicKey::from_slug(key),
                        heading: Some(heading.into()),
                        section: None,
                        text: None,
                        figures: vec![Figure {
                            measure: measure.into(),
                            value: Decimal::from(v),
                            max: None,
                            unit,
                            noun: measure.into(),
                            noun_from: Default::default(),
                            qualifier: q,
                            quote: format!("{v} {measure}"),
                            written: v.to_string(),
                            class: Default::default(),
                            context: Vec::new(),
                            names: Vec::new(),
                        }],
                    })
                })
                .collect(),
        })
}

fn mirror(kind: ChangeKind) -> ChangeKind {
    match kind {
        ChangeKind::FigureAdded => ChangeKind::FigureDropped,
        ChangeKind::FigureDropped => ChangeKind::FigureAdded,
        ChangeKind::ClaimAdded => ChangeKind::ClaimDropped,
        ChangeKind::ClaimDropped => ChangeKind::ClaimAdded,
        k => k,
    }
}

/// (kind, topic, measure) → delta, for comparing reports.
fn changes(
    r: &factdiff::diff::Report,
    flip: bool,
) -> BTreeMap<(String, String, String), Option<Decimal>> {
    r.changes
        .iter()
        .map(|c| {
            let kind = if flip { mirror(c.kind()) } else { c.kind() };
            let delta = c.delta().map(|d| if flip { -d } else { d });
            (
                (
                    kind.as_str().to_string(),
                    c.topic().to_string(),
                    c.measure().unwrap_or_default().to_string(),
                ),
                delta,
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn diff_with_itself_is_empty(set in claim_set()) {
        let r = diff(&set, &set, &TopicRules::default(), AlignSettings::default());
        prop_assert!(r.changes.is_empty(), "{:?}", r.changes);
    }

    #[test]
    fn diff_is_mirror_symmetric(a in pooled_set(), b in pooled_set()) {
        let rules = TopicRules::default();
        let ab = diff(&a, &b, &rules, AlignSettings::default());
        let ba = diff(&b, &a, &rules, AlignSettings::default());
        prop_assert_eq!(changes(&ab, false), changes(&ba, true));
        for kind in ["claim-added", "figure-added"] {
            let dropped = kind.replace("added", "dropped");
            prop_assert_eq!(ab.summary[kind], ba.summary[dropped.as_str()]);
        }
    }
}

/// Headings and the sentences under them, for generated sheets.
const HEADINGS: [&str; 6] = [
    "Creating Jobs",
    "Training Harbor Pilots",
    "Inspecting Vessels",
    "Restoring Wetlands",
    "Growing the Compact",
    "Supporting Schools",
];

fn sheet_bullets() -> impl Strategy<Value = Vec<(String, String)>> {
    proptest::collection::vec((1u64..5_000_000, 1u32..900, 0usize..3), 1..6).prop_map(|rows| {
        rows.iter()
            .enumerate()
            .map(|(i, (n, m, form))| {
                let n = factdiff::figure::group_thousands(Decimal::from(*n));
                let text = match form {
                    0 => format!("Federal grants have helped create more than {n} jobs across the region."),
                    1 => format!("Partners committed ${m} million to modernize terminals serving {n} families."),
                    _ => format!("Over {n} harbor pilots completed the course, and approximately {m} vessels were inspected."),
                };
                (HEADINGS[i].to_string(), text)
            })
            .collect()
    })
}

fn layout() -> impl Strategy<Value = Layout> {
    (
        prop_oneof![
            Just("-"),
            Just("*"),
            Just("•"),
            Just("–"),
            Just("·"),
            Just("1.")
        ],
        30usize..400,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(bullet, wrap, bold_headings, crlf, bom)| Layout {
            bullet,
            wrap,
            bold_headings,
            crlf,
            bom,
        })
}

fn claims_of(text: &str) -> Result<Vec<Claim>, TestCaseError> {
    let options = ExtractOptions {
        keep_text: true,
        ..ExtractOptions::default()
    };
    extract_bytes(text.as_bytes(), Path::new("2023-03-14.txt"), &options)
        .map(|s| s.claims)
        .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn extraction_ignores_layout(bullets in sheet_bullets(), layout in layout()) {
        let pairs: Vec<(&str, &str)> = bullets.iter().map(|(h, t)| (h.as_str(), t.as_str())).collect();
        let sheet = Sheet {
            title: "FACT SHEET: Update on the Harbor Renewal Initiative",
            date_line: "March 14, 2023",
            intro: "The Secretary continues to lead the Harbor Renewal Initiative with states and port authorities.",
            bullets: &pairs,
        };
        let base = claims_of(&sheet.render(Layout::default()))?;
        prop_assert_eq!(base.len(), bullets.len() + 1);
        let other = claims_of(&sheet.render(layout))?;
        prop_assert_eq!(other, base, "layout {:?}", layout);
    }
}

/// A sentence around a formatted value that extraction reads back.
fn sentence(shown: &str, unit: Unit) -> String {
    match unit {
        Unit::Usd => format!("The program committed {shown} in financing."),
        Unit::Percent => format!("Costs fell by {shown} last year."),
        _ => format!("The agency created {shown} jobs."),
    }
}

fn formatted_value() -> impl Strategy<Value = (Decimal, Unit)> {
    prop_oneof![
        // Whole dollars and cents; millions, billions and trillions with up to three decimals.
        (1u64..1_000_000_000_000_000).prop_map(|v| (Decimal::from(v), Unit::Usd)),
        (1u64..100_000_000, 0u32..=2).prop_map(|(v, s)| (Decimal::new(v as i64, s), Unit::Usd)),
        (
            1u64..1_000_000,
            0u32..=3,
            prop_oneof![Just(6u32), Just(9), Just(12)]
        )
            .prop_map(|(v, s, e)| (
                Decimal::new(v as i64, s) * Decimal::from(10u64.pow(e)),
                Unit::Usd
            )),
        (1u64..1_000_000_000_000).prop_map(|v| (Decimal::from(v), Unit::Count)),
        (1u64..100_000, 0u32..=2).prop_map(|(v, s)| (Decimal::new(v as i64, s), Unit::Percent)),
    ]
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn formatted_values_extract_back(case in formatted_value()) {
        let (value, unit) = case;
        let shown = format_value(value, unit);
        let text = sentence(&shown, unit);
        let figures = factdiff::extract::extract_figures(&text);
        prop_assert_eq!(figures.len(), 1, "{}: {:?}", text, figures);
        prop_assert_eq!(figures[0].value, value.normalize(), "{}", text);
        prop_assert_eq!(figures[0].unit, unit, "{}", text);
    }
}

fn add(cwd: &Path, pulls: &[PathBuf], extra: &[&str]) -> Vec<u8> {
    let out = factdiff()
        .current_dir(cwd)
        .args(["add", "--editions", "editions"])
        .args(extra)
        .args(pulls)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Relative path → bytes.
type Snapshot = BTreeMap<String, Vec<u8>>;

/// Every file below `root`, relative path → bytes; not the machine-local cache and lock (inode numbers,
/// times, absolute paths), which two stores never share.
fn snapshot(root: &Path) -> Snapshot {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            if e.file_name() == factdiff::index::CACHE_FILE
                || e.file_name() == factdiff::store::LOCK_FILE
            {
                continue;
            }
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                let rel = e.path().strip_prefix(root).unwrap().display().to_string();
                out.insert(rel, std::fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

fn history(cwd: &Path) -> Vec<u8> {
    let listing = factdiff()
        .current_dir(cwd)
        .args([
            "series",
            "--quiet",
            "--format",
            "tsv",
            "--editions",
            "editions",
        ])
        .output()
        .unwrap();
    let listing = String::from_utf8(listing.stdout).unwrap();
    let names: Vec<&str> = listing
        .lines()
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert_eq!(names.len(), 2, "{listing}");
    let mut all = listing.clone().into_bytes();
    for series in names {
        let out = factdiff()
            .current_dir(cwd)
            .args([
                "history",
                "--all",
                "--format",
                "json",
                "--editions",
                "editions",
                "--series",
                series,
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        all.extend(out.stdout);
    }
    all
}

/// Two sheets' pulls with distinct dates, in one folder.
fn two_sheets(dir: &Path, each: u32) -> Vec<PathBuf> {
    let mut pulls = write_generated_pulls(
        &dir.join("harbor"),
        "FACT SHEET: Harbor Renewal Initiative",
        each,
        7,
    );
    pulls.extend(write_generated_pulls(
        &dir.join("broadband"),
        "FACT SHEET: Rural Broadband Program",
        each,
        1000,
    ));
    pulls
}

#[test]
fn add_order_does_not_change_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let pulls = two_sheets(&dir.path().join("pulls"), 6);
    // A fixed set of orders: as listed, reversed, interleaved, and one at a time shuffled.
    let mut orders: Vec<Vec<PathBuf>> = vec![pulls.clone(), pulls.iter().rev().cloned().collect()];
    let mut interleaved = pulls.clone();
    interleaved.sort_by_key(|p| (p.file_name().unwrap().to_owned(), p.clone()));
    orders.push(interleaved);
    let mut reference: Option<(Snapshot, Vec<u8>)> = None;
    for (i, order) in orders.iter().enumerate() {
        let cwd = dir.path().join(format!("run{i}"));
        std::fs::create_dir_all(&cwd).unwrap();
        if i == 2 {
            // One pull per run.
            for p in order {
                add(&cwd, std::slice::from_ref(p), &["--quiet"]);
            }
        } else {
            add(&cwd, order, &["--quiet"]);
        }
        let got = (snapshot(&cwd.join("editions")), history(&cwd));
        assert!(got.0.len() > 24, "{:?}", got.0.keys());
        match &reference {
            None => reference = Some(got),
            Some(r) => {
                assert_eq!(
                    r.0.keys().collect::<Vec<_>>(),
                    got.0.keys().collect::<Vec<_>>(),
                    "order {i}"
                );
                for (k, v) in &r.0 {
                    assert!(got.0[k] == *v, "order {i}: {k} differs");
                }
                assert_eq!(r.1, got.1, "history differs for order {i}");
            }
        }
    }
}

#[test]
fn add_output_is_the_same_for_any_number_of_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let pulls_dir = dir.path().join("pulls");
    two_sheets(&pulls_dir, 15);
    let mut runs = Vec::new();
    for jobs in ["1", "2"] {
        let cwd = dir.path().join(format!("jobs{jobs}"));
        std::fs::create_dir_all(&cwd).unwrap();
        let stdout = add(&cwd, std::slice::from_ref(&pulls_dir), &["--jobs", jobs]);
        runs.push((stdout, snapshot(&cwd.join("editions"))));
    }
    let text = String::from_utf8_lossy(&runs[0].0);
    assert!(text.contains("30 added, 0 skipped"), "{text}");
    assert_eq!(runs[0].0, runs[1].0, "stdout differs");
    assert_eq!(runs[0].1, runs[1].1, "store differs");
}
