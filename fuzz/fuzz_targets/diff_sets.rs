//! Two claim sets from one input → diff, the self-diff is empty, and every format renders.
//!
//! The input is two TOML claim sets joined by a line `#%%`; without it, the input is cut in half.
#![no_main]

use factdiff::align::AlignSettings;
use factdiff::diff::diff;
use factdiff::render::{render_diff, Format, RenderOptions};
use factdiff::topics::TopicRules;
use factdiff::ClaimSet;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

const FORMATS: [Format; 5] = [
    Format::Text,
    Format::Json,
    Format::Markdown,
    Format::Csv,
    Format::Html,
];

fn halves(text: &str) -> (&str, &str) {
    if let Some((a, b)) = text.split_once("\n#%%\n") {
        return (a, b);
    }
    let mut mid = text.len() / 2;
    while !text.is_char_boundary(mid) {
        mid += 1;
    }
    text.split_at(mid)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (a, b) = halves(text);
    let path = Path::new("fuzz.toml");
    let (Ok(a), Ok(b)) = (ClaimSet::from_toml(a, path), ClaimSet::from_toml(b, path)) else {
        return;
    };
    let rules = TopicRules::default();
    let settings = AlignSettings::default();
    let same = diff(&a, &a, &rules, settings);
    assert!(same.is_empty(), "an edition differs from itself: {same:?}");
    let report = diff(&a, &b, &rules, settings);
    let options = RenderOptions::default();
    for format in FORMATS {
        let mut out = Vec::new();
        render_diff(&report, format, &options, &mut out).expect("writing to a Vec cannot fail");
    }
});
