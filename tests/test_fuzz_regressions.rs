//! Inputs kept for the fuzz targets (`fuzz/`), replayed without the fuzzer.
//!
//! Every file in `tests/fuzz_regressions/<target>/` goes through the same checks as the fuzz
//! target of that name (`fuzz/fuzz_targets/<target>.rs`); a panic here is an old crash come back.
//! A target's folder must exist and hold at least one input, every folder must be a known
//! target, and at least one input per target must get past parsing into the checks (so a
//! folder of inputs that all fail early cannot pass by checking nothing). docs/robustness.md
//! says where each input came from.

use factdiff::align::AlignSettings;
use factdiff::diff::diff;
use factdiff::render::{render_diff, Format, RenderOptions};
use factdiff::topics::TopicRules;
use factdiff::ClaimSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The fuzz runs treat 10 s as a hang; these inputs take milliseconds even in a debug build.
const SLOW: Duration = Duration::from_secs(10);

/// A target's check: runs one input and says whether it got past parsing into the checks.
type Check = fn(&[u8]) -> bool;

const TARGETS: [(&str, Check); 4] = [
    ("read_extract", read_extract),
    ("html_ingest", html_ingest),
    ("claimset_toml", claimset_toml),
    ("diff_sets", diff_sets),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions")
}

/// The inputs of one target, sorted; panics when the folder is missing or holds no file.
fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = root().join(target);
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (every fuzz target keeps its inputs here)",
            dir.display()
        )
    });
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}: no input to replay", dir.display());
    files
}

fn replay(target: &str) {
    let (_, check) = TARGETS.iter().find(|(name, _)| *name == target).unwrap();
    let mut reached = 0;
    for path in inputs(target) {
        let bytes = std::fs::read(&path).unwrap();
        let start = Instant::now();
        reached += usize::from(check(&bytes));
        let took = start.elapsed();
        assert!(took < SLOW, "{} took {took:?}", path.display());
    }
    assert!(
        reached > 0,
        "{target}: no input got past parsing, so the replay checked nothing"
    );
}

fn read_extract(data: &[u8]) -> bool {
    let set =
        factdiff::pipeline::extract_bytes(data, Path::new("2023-01-01.md"), &Default::default());
    let _ = factdiff::extract::extract_figures(&String::from_utf8_lossy(data));
    set.is_ok()
}

fn html_ingest(data: &[u8]) -> bool {
    factdiff::pipeline::extract_bytes(data, Path::new("2023-01-01.html"), &Default::default())
        .is_ok()
}

fn claimset_toml(data: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(data) else {
        return false;
    };
    let path = Path::new("fuzz.toml");
    let Ok(set) = ClaimSet::from_toml(text, path) else {
        return false;
    };
    let written = set.to_toml();
    let back = ClaimSet::from_toml(&written, path)
        .unwrap_or_else(|e| panic!("to_toml wrote what from_toml refuses: {e}\n{written}"));
    assert_eq!(back, set, "round trip changed the claim set:\n{written}");
    true
}

/// Two claim sets joined by a line `#%%` (without it, the text cut in half).
fn diff_sets(data: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(data) else {
        return false;
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
        return false;
    };
    let (rules, settings) = (TopicRules::default(), AlignSettings::default());
    let same = diff(&a, &a, &rules, settings);
    assert!(same.is_empty(), "an edition differs from itself: {same:?}");
    let report = diff(&a, &b, &rules, settings);
    for format in [
        Format::Text,
        Format::Json,
        Format::Markdown,
        Format::Csv,
        Format::Html,
    ] {
        render_diff(&report, format, &RenderOptions::default(), &mut Vec::new())
            .expect("writing to a Vec cannot fail");
    }
    true
}

#[test]
fn read_extract_inputs() {
    replay("read_extract");
}

#[test]
fn html_ingest_inputs() {
    replay("html_ingest");
}

#[test]
fn claimset_toml_inputs() {
    replay("claimset_toml");
}

#[test]
fn diff_sets_inputs() {
    replay("diff_sets");
}

/// Nothing under `tests/fuzz_regressions/` escapes the replay: every entry is a target's folder.
#[test]
fn every_folder_is_a_replayed_target() {
    for entry in std::fs::read_dir(root()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            path.is_dir() && TARGETS.iter().any(|(target, _)| *target == name),
            "{}: not the folder of a fuzz target ({:?}), so never replayed",
            path.display(),
            TARGETS.map(|(target, _)| target)
        );
    }
}
