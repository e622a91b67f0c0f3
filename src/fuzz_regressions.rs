//! Inputs that once crashed or hung a fuzz target (`fuzz/`), replayed without the fuzzer.
//!
//! Each file in `tests/fuzz_regressions/<target>/` goes through the same checks as the target
//! of that name; a panic here is the old crash come back.

use crate::align::AlignSettings;
use crate::claimset::ClaimSet;
use crate::diff::diff;
use crate::render::{render_diff, Format, RenderOptions};
use crate::topics::TopicRules;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Far above any honest input here; the fuzz runs treat 10 s as a hang.
const SLOW: Duration = Duration::from_secs(10);

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

fn each(target: &str, check: impl Fn(&[u8])) {
    for (path, bytes) in inputs(target) {
        let start = Instant::now();
        check(&bytes);
        let took = start.elapsed();
        assert!(took < SLOW, "{} took {took:?}", path.display());
    }
}

#[test]
fn read_extract() {
    each("read_extract", |data| {
        let _ =
            crate::pipeline::extract_bytes(data, Path::new("2023-01-01.md"), &Default::default());
        let _ = crate::extract::extract_figures(&String::from_utf8_lossy(data));
    });
}

#[test]
fn html_ingest() {
    each("html_ingest", |data| {
        let _ =
            crate::pipeline::extract_bytes(data, Path::new("2023-01-01.html"), &Default::default());
    });
}

#[test]
fn claimset_toml() {
    each("claimset_toml", |data| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        let path = Path::new("fuzz.toml");
        let Ok(set) = ClaimSet::from_toml(text, path) else {
            return;
        };
        let written = set.to_toml();
        let back = ClaimSet::from_toml(&written, path).unwrap();
        assert_eq!(back, set, "{written}");
    });
}

#[test]
fn diff_sets() {
    each("diff_sets", |data| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        let (a, b) = match text.split_once("\n#%%\n") {
            Some(halves) => halves,
            None => {
                let mut mid = text.len() / 2;
                while !text.is_char_boundary(mid) {
                    mid += 1;
                }
                text.split_at(mid)
            }
        };
        let path = Path::new("fuzz.toml");
        let (Ok(a), Ok(b)) = (ClaimSet::from_toml(a, path), ClaimSet::from_toml(b, path)) else {
            return;
        };
        let (rules, settings) = (TopicRules::default(), AlignSettings::default());
        let same = diff(&a, &a, &rules, settings);
        assert!(
            same.is_empty(),
            "an edition differs from itself: {:?}",
            same.changes
        );
        let report = diff(&a, &b, &rules, settings);
        for format in [
            Format::Text,
            Format::Json,
            Format::Markdown,
            Format::Csv,
            Format::Html,
        ] {
            render_diff(&report, format, &RenderOptions::default(), &mut Vec::new()).unwrap();
        }
    });
}
