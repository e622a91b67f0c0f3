//! History over 1,000 editions of one series in process (`history::history`).
//!
//! The editions are generated from a stored edition with a fixed seed: about a fifth of the
//! values move each week, and now and then a claim is dropped or comes back.
//!
//! - `history/root-causes-1000`: from the root-causes 2024-03-25 claim set (no text);
//! - `history/harbor-text-1000`: from the harbor 2024-04-02 edition, extracted with text.

mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use factdiff::align::AlignSettings;
use std::hint::black_box;

const EDITIONS: usize = 1_000;
const SEED: u64 = 0x5eed_fac7;

fn bench_history(c: &mut Criterion) {
    let settings = AlignSettings::default();
    let rules = common::root_causes_rules();
    let base = common::root_causes("2024-03-25");
    let rc = common::perturbed_series(&base, EDITIONS, SEED);

    let harbor_rules = common::harbor_rules();
    let harbor = common::harbor_sets();
    let hb = common::perturbed_series(harbor.last().expect("harbor"), EDITIONS, SEED);

    for (name, sets, rules) in [
        ("root-causes-1000", &rc, &rules),
        ("harbor-text-1000", &hb, &harbor_rules),
    ] {
        let h = factdiff::history::history(sets, rules, settings);
        let figures: usize = sets.iter().map(|s| s.figures().count()).sum();
        eprintln!(
            "note: {name}: {} editions, {figures} figures in all, {} tracks",
            sets.len(),
            h.tracks.len()
        );
    }

    let mut group = c.benchmark_group("history");
    group.sample_size(10);
    group.bench_function("root-causes-1000", |b| {
        b.iter(|| factdiff::history::history(black_box(&rc), &rules, settings))
    });
    group.bench_function("harbor-text-1000", |b| {
        b.iter(|| factdiff::history::history(black_box(&hb), &harbor_rules, settings))
    });
    group.finish();
}

criterion_group!(benches, bench_history);
criterion_main!(benches);
