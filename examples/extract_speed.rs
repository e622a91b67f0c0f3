//! Extraction work for CPU-time measurements on a shared machine, where wall-clock benches
//! swing with other people's load (see `docs/performance.md`).
//!
//! `extract_speed [figures|pipeline] PASSES` reads every document of the archive beside the
//! checkout (or `$FACTDIFF_ARCHIVE`), then runs PASSES passes of the extractor alone over every
//! claim text (`figures`) or of read → segment → extract over every document (`pipeline`), and
//! prints the bytes of one pass. Time it with `/usr/bin/time -f %U+%S` at 0 passes and at N
//! passes: (bytes × N) ÷ (CPU time difference) is the throughput in CPU time.

use factdiff::extract::extract_figures;
use factdiff::pipeline::{extract_bytes, ExtractOptions};
use std::hint::black_box;
use std::path::PathBuf;

// The allocator the `factdiff` binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: factdiff::allocator::Allocator = factdiff::allocator::Allocator;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args.first().map_or("figures", String::as_str);
    let passes: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(5);
    let dir = std::env::var_os("FACTDIFF_ARCHIVE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/archive/fact-sheets")
        });
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let docs: Vec<(PathBuf, Vec<u8>)> = paths
        .into_iter()
        .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
        .collect();
    let options = ExtractOptions {
        keep_text: true,
        ..ExtractOptions::default()
    };
    let mut count = 0;
    let bytes: usize = if what == "pipeline" {
        for _ in 0..passes {
            for (path, b) in &docs {
                if let Ok(set) = extract_bytes(black_box(b), path, &options) {
                    count += set.claims.len();
                }
            }
        }
        docs.iter().map(|(_, b)| b.len()).sum()
    } else {
        let texts: Vec<String> = docs
            .iter()
            .filter_map(|(path, b)| extract_bytes(b, path, &options).ok())
            .flat_map(|set| set.claims.into_iter().filter_map(|c| c.text))
            .collect();
        for _ in 0..passes {
            for t in &texts {
                count += extract_figures(black_box(t)).len();
            }
        }
        texts.iter().map(String::len).sum()
    };
    println!("{what}: {bytes} bytes per pass, {passes} passes ({count} results)");
}
