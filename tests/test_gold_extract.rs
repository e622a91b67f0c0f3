//! The figure extractor against a hand-read gold set (`tests/gold/extract`): 25 archive
//! documents whose every figure was marked by a person. Scores precision, recall, F1 and
//! "fully right" (qualifier and noun too), prints a table, writes `target/gold-extract.json`,
//! and fails when F1 or precision falls below the floors measured before the rules change.
//! `scripts/gold-extract.sh BIN` scores any other binary the same way (keep the two in step).

use crate::common::factdiff;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Overall F1 of the tool before the rules change (0.764), less 0.02.
const MIN_F1: f64 = 0.744;
/// Overall precision of the tool before the rules change (0.928), less 0.02.
const MIN_PRECISION: f64 = 0.908;

/// The tool's unit names (lowercase) and the gold set's names for them.
const UNIT_MAP: &[(&str, &str)] = &[
    ("usd", "usd"),
    ("count", "count"),
    ("percent", "percent"),
    ("%", "percent"),
    ("times", "times"),
    ("pp", "percentage-points"),
    ("percentage-points", "percentage-points"),
    ("percentage_points", "percentage-points"),
    ("span", "span"),
    ("duration", "span"),
    ("mw", "megawatts"),
    ("gw", "gigawatts"),
];

/// A figure, from the gold set or from the tool.
#[derive(Debug, Clone)]
struct Fig {
    quote: String,
    value: String,
    unit: String,
    qualifier: String,
    noun: String,
}

impl Fig {
    fn to_json(&self) -> Value {
        json!({
            "quote": self.quote,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "noun": self.noun,
        })
    }
}

fn gold_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/extract")
}

fn archive_dir() -> PathBuf {
    let shared = std::env::var_os("FACTDIFF_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    shared.join("archive")
}

fn unit_key(unit: &str) -> String {
    let u = unit.trim().to_lowercase();
    UNIT_MAP
        .iter()
        .find(|(tool, _)| *tool == u)
        .map_or(u.clone(), |(_, gold)| (*gold).to_string())
}

/// A canonical decimal string: "1500000000.0" -> "1500000000", "+0.10" -> "0.1".
fn value_key(v: &str) -> String {
    let mut s = v.trim().replace(',', "");
    let neg = s.starts_with('-');
    s = s.trim_start_matches(['+', '-']).to_string();
    if s.contains(['e', 'E']) {
        if let Ok(x) = s.parse::<f64>() {
            s = format!("{x}");
        }
    }
    let (whole, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let frac = frac.trim_end_matches('0');
    let mut out = whole.to_string();
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    if neg && out != "0" {
        out.insert(0, '-');
    }
    out
}

fn norm_text(s: &str) -> String {
    let lowered: String = s
        .replace('\u{a0}', " ")
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '[' | ']'))
        .collect();
    lowered.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn overlaps(gold_quote: &str, tool_quote: &str) -> bool {
    let (a, b) = (norm_text(gold_quote), norm_text(tool_quote));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

/// The last word of a noun, lowercase, punctuation dropped, one trailing "s" trimmed.
fn last_word(noun: &str) -> String {
    let cleaned: String = noun
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' || c.is_whitespace() {
                c
            } else {
                ' '
            }
        })
        .collect();
    let w = cleaned.split_whitespace().last().unwrap_or("");
    w.strip_suffix('s').unwrap_or(w).to_string()
}

/// An empty gold noun accepts anything; otherwise the last words must be equal.
fn noun_agrees(gold_noun: &str, tool_noun: &str) -> bool {
    if gold_noun.trim().is_empty() {
        return true;
    }
    let g = last_word(gold_noun);
    !g.is_empty() && g == last_word(tool_noun)
}

fn fully_right(gold: &Fig, tool: &Fig) -> bool {
    gold.qualifier == tool.qualifier && noun_agrees(&gold.noun, &tool.noun)
}

/// The documents (in order) and the gold rows of each.
fn load_gold() -> Vec<(String, Vec<Fig>)> {
    let docs = std::fs::read_to_string(gold_dir().join("docs.txt")).expect("docs.txt");
    let mut out: Vec<(String, Vec<Fig>)> = docs
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| (l.to_string(), Vec::new()))
        .collect();
    let tsv = std::fs::read_to_string(gold_dir().join("figures.tsv")).expect("figures.tsv");
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    assert_eq!(
        header,
        ["doc", "quote", "value", "unit", "qualifier", "noun", "note"],
        "figures.tsv header"
    );
    for (n, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 6, "figures.tsv line {}: {line:?}", n + 2);
        let fig = Fig {
            quote: cols[1].to_string(),
            value: cols[2].to_string(),
            unit: cols[3].to_string(),
            qualifier: cols[4].to_string(),
            noun: cols[5].to_string(),
        };
        match out.iter_mut().find(|(d, _)| d == cols[0]) {
            Some((_, rows)) => rows.push(fig),
            None => panic!("figures.tsv line {}: {} not in docs.txt", n + 2, cols[0]),
        }
    }
    out
}

/// Every figure of every claim the built binary extracts from `path`.
fn tool_figures(path: &Path) -> Vec<Fig> {
    let out = factdiff()
        .arg("extract")
        .arg(path)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(2) && stderr.contains("no claims") {
        return Vec::new();
    }
    assert!(
        out.status.success(),
        "extract {}: exit {:?}\n{stderr}",
        path.display(),
        out.status.code()
    );
    let set: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let field = |f: &Value, k: &str| f[k].as_str().unwrap_or_default().to_string();
    set["claims"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|c| c["figures"].as_array().into_iter().flatten())
        .map(|f| Fig {
            quote: field(f, "quote"),
            value: field(f, "value"),
            unit: field(f, "unit"),
            qualifier: field(f, "qualifier"),
            noun: field(f, "noun"),
        })
        .collect()
}

/// One-to-one matching on value and unit, quote-overlapping rows first; within a pass the
/// row with the same qualifier, then an agreeing noun, then the earliest wins.
fn match_figures(gold: &[Fig], found: &[Fig]) -> Vec<(usize, usize)> {
    let mut used_g = vec![false; gold.len()];
    let mut used_t = vec![false; found.len()];
    let mut pairs = Vec::new();
    for need_overlap in [true, false] {
        for (ti, t) in found.iter().enumerate() {
            if used_t[ti] {
                continue;
            }
            let best = gold
                .iter()
                .enumerate()
                .filter(|(gi, g)| {
                    !used_g[*gi]
                        && value_key(&g.value) == value_key(&t.value)
                        && unit_key(&g.unit) == unit_key(&t.unit)
                        && (!need_overlap || overlaps(&g.quote, &t.quote))
                })
                .min_by_key(|(gi, g)| {
                    (
                        g.qualifier != t.qualifier,
                        !noun_agrees(&g.noun, &t.noun),
                        *gi,
                    )
                })
                .map(|(gi, _)| gi);
            if let Some(gi) = best {
                used_g[gi] = true;
                used_t[ti] = true;
                pairs.push((gi, ti));
            }
        }
    }
    pairs
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    gold: usize,
    found: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
    fully_right: usize,
    unit_mismatch: usize,
}

impl Counts {
    fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.found)
    }
    fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.gold)
    }
    fn f1(&self) -> Option<f64> {
        match (self.precision(), self.recall()) {
            (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        }
    }
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.found += o.found;
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.fully_right += o.fully_right;
        self.unit_mismatch += o.unit_mismatch;
    }
    fn to_json(self) -> Value {
        json!({
            "gold": self.gold,
            "found": self.found,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn_,
            "precision": self.precision(),
            "recall": self.recall(),
            "f1": self.f1(),
            "fully_right": self.fully_right,
            "unit_mismatch": self.unit_mismatch,
        })
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

fn fmt(x: Option<f64>) -> String {
    x.map_or_else(|| "    -".to_string(), |v| format!("{v:5.3}"))
}

fn label(doc: &str) -> String {
    let (folder, name) = doc.split_once('/').unwrap_or(("", doc));
    format!("{}/{name}", &folder[..folder.len().min(2)])
        .chars()
        .take(52)
        .collect()
}

fn row(name: &str, c: &Counts) -> String {
    format!(
        "{name:<52} {:>5} {:>5} {:>4} {:>4} {:>4} {} {} {} {:>4} {:>5}",
        c.gold,
        c.found,
        c.tp,
        c.fp,
        c.fn_,
        fmt(c.precision()),
        fmt(c.recall()),
        fmt(c.f1()),
        c.fully_right,
        c.unit_mismatch
    )
}

/// Scores one document: its counts and the JSON detail (misses, false positives, wrong parts).
fn score_doc(gold: &[Fig], found: &[Fig]) -> (Counts, Value) {
    let pairs = match_figures(gold, found);
    let matched_g: BTreeSet<usize> = pairs.iter().map(|p| p.0).collect();
    let matched_t: BTreeSet<usize> = pairs.iter().map(|p| p.1).collect();
    let missed: Vec<&Fig> = (0..gold.len())
        .filter(|i| !matched_g.contains(i))
        .map(|i| &gold[i])
        .collect();
    let false_pos: Vec<&Fig> = (0..found.len())
        .filter(|i| !matched_t.contains(i))
        .map(|i| &found[i])
        .collect();
    let missed_values: BTreeSet<String> = missed.iter().map(|g| value_key(&g.value)).collect();
    let counts = Counts {
        gold: gold.len(),
        found: found.len(),
        tp: pairs.len(),
        fp: false_pos.len(),
        fn_: missed.len(),
        fully_right: pairs
            .iter()
            .filter(|(g, t)| fully_right(&gold[*g], &found[*t]))
            .count(),
        unit_mismatch: false_pos
            .iter()
            .filter(|t| missed_values.contains(&value_key(&t.value)))
            .count(),
    };
    let wrong: Vec<Value> = pairs
        .iter()
        .filter(|(g, t)| !fully_right(&gold[*g], &found[*t]))
        .map(|(g, t)| {
            json!({
                "quote": gold[*g].quote,
                "gold_qualifier": gold[*g].qualifier,
                "tool_qualifier": found[*t].qualifier,
                "gold_noun": gold[*g].noun,
                "tool_noun": found[*t].noun,
            })
        })
        .collect();
    let detail = json!({
        "missed": missed.iter().map(|f| f.to_json()).collect::<Vec<_>>(),
        "false_positives": false_pos.iter().map(|f| f.to_json()).collect::<Vec<_>>(),
        "wrong_detail": wrong,
    });
    (counts, detail)
}

#[test]
#[ignore = "needs ../shared (run by .ci/run)"]
fn gold_extract_scores_above_the_floor() {
    let archive = archive_dir();
    assert!(
        archive.is_dir(),
        "no archive at {} (set FACTDIFF_SHARED to the shared folder)",
        archive.display()
    );
    let header = format!(
        "{:<52} {:>5} {:>5} {:>4} {:>4} {:>4} {:>5} {:>5} {:>5} {:>4} {:>5}",
        "doc", "gold", "found", "TP", "FP", "FN", "P", "R", "F1", "full", "unit≠"
    );
    let mut lines = vec![header.clone()];
    let mut overall = Counts::default();
    let mut docs_json = Vec::new();
    let gold = load_gold();
    for (doc, rows) in &gold {
        let found = tool_figures(&archive.join(doc));
        let (counts, detail) = score_doc(rows, &found);
        overall.add(&counts);
        lines.push(row(&label(doc), &counts));
        let mut entry = counts.to_json();
        entry["doc"] = json!(doc);
        for key in ["missed", "false_positives", "wrong_detail"] {
            entry[key] = detail[key].clone();
        }
        docs_json.push(entry);
    }
    lines.push("-".repeat(header.chars().count()));
    lines.push(row("OVERALL", &overall));
    lines.push(format!(
        "fully right: {} of {} TP ({}), {} of gold",
        overall.fully_right,
        overall.tp,
        fmt(ratio(overall.fully_right, overall.tp)).trim(),
        fmt(ratio(overall.fully_right, overall.gold)).trim()
    ));
    println!("{}", lines.join("\n"));

    let mut overall_json = overall.to_json();
    overall_json["docs"] = json!(gold.len());
    let summary = json!({
        "binary": "cargo-built factdiff",
        "min_f1": MIN_F1,
        "min_precision": MIN_PRECISION,
        "overall": overall_json,
        "docs": docs_json,
    });
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    std::fs::create_dir_all(&target).expect("target dir");
    let out = target.join("gold-extract.json");
    std::fs::write(&out, serde_json::to_string_pretty(&summary).unwrap() + "\n")
        .expect("write gold-extract.json");
    println!("summary written to {}", out.display());

    let f1 = overall.f1().unwrap_or(0.0);
    let precision = overall.precision().unwrap_or(0.0);
    assert!(
        f1 >= MIN_F1,
        "overall F1 {f1:.3} fell below the floor {MIN_F1} (see {})",
        out.display()
    );
    assert!(
        precision >= MIN_PRECISION,
        "overall precision {precision:.3} fell below the floor {MIN_PRECISION} (see {})",
        out.display()
    );
}

#[test]
fn gold_set_is_well_formed() {
    let units = [
        "USD",
        "count",
        "percent",
        "percentage-points",
        "span",
        "times",
        "miles",
        "acres",
        "tons",
        "megawatts",
        "gigawatts",
        "gallons",
        "barrels",
        "liters",
        "pounds",
        "kilograms",
        "degrees",
    ];
    let qualifiers = [
        "exact",
        "over",
        "at-least",
        "nearly",
        "approximately",
        "up-to",
    ];
    let gold = load_gold();
    assert!(gold.len() >= 25, "{} documents", gold.len());
    let total: usize = gold.iter().map(|(_, rows)| rows.len()).sum();
    assert!(total >= 500, "{total} figures");
    for (doc, rows) in &gold {
        for r in rows {
            assert!(units.contains(&r.unit.as_str()), "{doc}: unit {:?}", r.unit);
            assert!(
                qualifiers.contains(&r.qualifier.as_str()),
                "{doc}: qualifier {:?}",
                r.qualifier
            );
            assert_eq!(value_key(&r.value), r.value, "{doc}: value {:?}", r.value);
            assert!(!r.quote.trim().is_empty(), "{doc}: empty quote");
        }
    }
}

#[test]
fn scorer_helpers() {
    assert_eq!(value_key("1500000000.0"), "1500000000");
    assert_eq!(value_key("+0.10"), "0.1");
    assert_eq!(value_key("-500"), "-500");
    assert_eq!(value_key("0"), "0");
    assert_eq!(unit_key("USD"), unit_key("usd"));
    assert_eq!(unit_key("PP"), "percentage-points");
    assert!(noun_agrees("new transmission-related jobs", "jobs"));
    assert!(noun_agrees("companies and organizations", "organization"));
    assert!(noun_agrees("", "anything"));
    assert!(!noun_agrees("port investment", ""));
    assert!(overlaps(
        "more than $4.2 billion",
        "more than $4.2\u{a0}billion in grants"
    ));
    assert!(!overlaps("$3 billion", "$30 billion"));
}
