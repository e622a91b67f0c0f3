//! Extraction throughput: raw bytes → read → segment → extract (`pipeline::extract_bytes`).
//!
//! Groups: `extract/harbor` (the repository's Markdown fixtures), `extract/archive` (every
//! document of `../shared/archive/fact-sheets`, all processed in each iteration; skipped with a
//! note when the archive is not beside the checkout) and `extract/figures` (figure extraction
//! alone, `extract::extract_figures` over every claim text of the archive, in MB of claim
//! text). Throughput is in decimal MB/s, the unit of the target.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use factdiff::extract::extract_figures;
use factdiff::pipeline::{extract_bytes, ExtractOptions};
use std::hint::black_box;
use std::path::PathBuf;

// The allocator the `factdiff` binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: factdiff::allocator::Allocator = factdiff::allocator::Allocator;

fn run_all(docs: &[(PathBuf, Vec<u8>)], options: &ExtractOptions) -> usize {
    let mut claims = 0;
    for (path, bytes) in docs {
        // A document with no date or no claims is a truthful error; it still costs the work.
        if let Ok(set) = extract_bytes(black_box(bytes), path, options) {
            claims += set.claims.len();
        }
    }
    claims
}

fn load(paths: &[PathBuf]) -> Vec<(PathBuf, Vec<u8>)> {
    paths
        .iter()
        .map(|p| (p.clone(), std::fs::read(p).expect("readable input")))
        .collect()
}

fn bench_extract(c: &mut Criterion) {
    let harbor = load(&common::files_with_ext(
        &common::root().join("tests/fixtures/harbor"),
        "md",
    ));
    let options = ExtractOptions {
        keep_text: true,
        rules: common::harbor_rules(),
        ..ExtractOptions::default()
    };
    let bytes: usize = harbor.iter().map(|(_, b)| b.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.bench_function("harbor", |b| b.iter(|| run_all(&harbor, &options)));
    group.finish();

    match common::archive_dir() {
        None => eprintln!(
            "note: extract/archive skipped: ../shared/archive/fact-sheets is not beside the \
             checkout (set FACTDIFF_ARCHIVE to point at a copy)"
        ),
        Some(dir) => {
            let docs = load(&common::files_with_ext(&dir, "md"));
            let bytes: usize = docs.iter().map(|(_, b)| b.len()).sum();
            eprintln!(
                "note: extract/archive: {} documents, {:.2} MB per iteration",
                docs.len(),
                bytes as f64 / 1e6
            );
            let options = ExtractOptions {
                keep_text: true,
                ..ExtractOptions::default()
            };
            let mut group = c.benchmark_group("extract");
            group.throughput(Throughput::BytesDecimal(bytes as u64));
            group.sample_size(10);
            group.bench_function("archive", |b| b.iter(|| run_all(&docs, &options)));
            group.finish();

            // The figure extractor alone, over the claim texts the pipeline hands it.
            let texts: Vec<String> = docs
                .iter()
                .filter_map(|(path, bytes)| extract_bytes(bytes, path, &options).ok())
                .flat_map(|set| set.claims.into_iter().filter_map(|c| c.text))
                .collect();
            let bytes: usize = texts.iter().map(String::len).sum();
            eprintln!(
                "note: extract/figures: {} claim texts, {:.2} MB per iteration",
                texts.len(),
                bytes as f64 / 1e6
            );
            let mut group = c.benchmark_group("extract");
            group.throughput(Throughput::BytesDecimal(bytes as u64));
            group.sample_size(20);
            group.bench_function("figures", |b| {
                b.iter(|| {
                    texts
                        .iter()
                        .map(|t| extract_figures(black_box(t)).len())
                        .sum::<usize>()
                })
            });
            group.finish();
        }
    }
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
