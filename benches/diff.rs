//! Diff of two ~20 KB editions in process (`diff::diff`).
//!
//! - `diff/root-causes-20k`: the stored root-causes claim sets 2023-02-06 → 2024-03-25 (no
//!   claim text), each grown to ~20 KB of TOML by repeating its claims under distinct keys;
//! - `diff/root-causes-stored`: the same pair as stored (9.8 KB → 15.4 KB);
//! - `diff/harbor-text-20k`: the harbor Markdown editions 2023-03-14 → 2024-04-02, each grown
//!   to ~20 KB of source by repeating its bullets under numbered headings, extracted with text.

mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use factdiff::align::AlignSettings;
use factdiff::pipeline::{extract_bytes, ExtractOptions};
use std::hint::black_box;
use std::path::Path;

const TARGET_BYTES: usize = 20_000;

fn bench_diff(c: &mut Criterion) {
    let rules = common::root_causes_rules();
    let old = common::root_causes("2023-02-06");
    let new = common::root_causes("2024-03-25");
    let old20 = common::grow_to(&old, TARGET_BYTES);
    let new20 = common::grow_to(&new, TARGET_BYTES);
    eprintln!(
        "note: root-causes-20k: {} → {} bytes of TOML, {} → {} claims",
        old20.to_toml().len(),
        new20.to_toml().len(),
        old20.claims.len(),
        new20.claims.len()
    );

    let harbor_rules = common::harbor_rules();
    let options = ExtractOptions {
        keep_text: true,
        rules: harbor_rules.clone(),
        ..ExtractOptions::default()
    };
    let dir = common::root().join("tests/fixtures/harbor");
    let grow = |name: &str| {
        let md = std::fs::read_to_string(dir.join(name)).expect("fixture");
        let text = common::grow_markdown(&md, TARGET_BYTES);
        let set = extract_bytes(text.as_bytes(), Path::new(name), &options).expect("extracts");
        (text.len(), set)
    };
    let (old_bytes, hold) = grow("2023-03-14.md");
    let (new_bytes, hnew) = grow("2024-04-02.md");
    eprintln!(
        "note: harbor-text-20k: {old_bytes} → {new_bytes} bytes of Markdown, {} → {} claims",
        hold.claims.len(),
        hnew.claims.len()
    );

    let settings = AlignSettings::default();
    for (name, o, n, r) in [
        ("root-causes-stored", &old, &new, &rules),
        ("root-causes-20k", &old20, &new20, &rules),
        ("harbor-text-20k", &hold, &hnew, &harbor_rules),
    ] {
        // How much is left to the all-pairs word similarity (the costly step of matching).
        let al = factdiff::align::align(o, n, r, settings);
        eprintln!(
            "note: {name}: {} claim pairs, {} old and {} new claims unpaired",
            al.claims.len(),
            al.old_only.len(),
            al.new_only.len()
        );
    }
    let mut group = c.benchmark_group("diff");
    group.bench_function("root-causes-stored", |b| {
        b.iter(|| factdiff::diff::diff(black_box(&old), black_box(&new), &rules, settings))
    });
    group.bench_function("root-causes-20k", |b| {
        b.iter(|| factdiff::diff::diff(black_box(&old20), black_box(&new20), &rules, settings))
    });
    group.sample_size(20);
    group.bench_function("harbor-text-20k", |b| {
        b.iter(|| factdiff::diff::diff(black_box(&hold), black_box(&hnew), &harbor_rules, settings))
    });
    group.finish();
}

criterion_group!(benches, bench_diff);
criterion_main!(benches);
