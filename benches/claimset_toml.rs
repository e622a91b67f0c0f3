//! Writing claim sets as TOML: the hand-written `ClaimSet::to_toml` against the `toml` crate's
//! serializer (`toml::to_string` on the same `Serialize` impl).
//!
//! Input: every 8th Markdown document of `../shared/archive/fact-sheets` (about 200), extracted
//! with its words kept as `add` stores them; without the archive, the repository's fixtures.
//! Before timing, each claim set is written both ways and read back, and the bench stops unless
//! both give the same claim set; it prints how many outputs are byte-identical, the bytes
//! written and the allocations per claim set. docs/performance.md has the figures.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use factdiff::pipeline::{extract_bytes, ExtractOptions};
use factdiff::ClaimSet;
use std::alloc::{GlobalAlloc, Layout};
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};

/// The binary's allocator, counting while `COUNTING` is set (one relaxed load otherwise).
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static ALLOCS: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);

fn count(size: usize) {
    if COUNTING.load(Relaxed) {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(size as u64, Relaxed);
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { factdiff::allocator::Allocator.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { factdiff::allocator::Allocator.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        unsafe { factdiff::allocator::Allocator.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { factdiff::allocator::Allocator.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn claim_sets() -> Vec<ClaimSet> {
    let Some(dir) = common::archive_dir() else {
        eprintln!(
            "note: ../shared/archive/fact-sheets is not beside the checkout: the repository's \
             fixtures instead (set FACTDIFF_ARCHIVE to point at a copy)"
        );
        let mut sets = common::root_causes_all();
        sets.extend(common::harbor_sets());
        return sets;
    };
    let options = ExtractOptions {
        keep_text: true,
        ..ExtractOptions::default()
    };
    common::files_with_ext(&dir, "md")
        .iter()
        .step_by(8)
        .filter_map(|p| extract_bytes(&std::fs::read(p).ok()?, p, &options).ok())
        .collect()
}

/// Allocations and bytes allocated by `f`.
fn allocations(f: impl FnOnce()) -> (u64, u64) {
    ALLOCS.store(0, Relaxed);
    BYTES.store(0, Relaxed);
    COUNTING.store(true, Relaxed);
    f();
    COUNTING.store(false, Relaxed);
    (ALLOCS.load(Relaxed), BYTES.load(Relaxed))
}

fn hand(sets: &[ClaimSet]) -> usize {
    sets.iter().map(|s| black_box(s).to_toml().len()).sum()
}

fn serde(sets: &[ClaimSet]) -> usize {
    sets.iter()
        .map(|s| toml::to_string(black_box(s)).expect("serializes").len())
        .sum()
}

fn bench_toml(c: &mut Criterion) {
    let sets = claim_sets();
    let n = sets.len();
    let claims: usize = sets.iter().map(|s| s.claims.len()).sum();
    let path = Path::new("bench.toml");
    let mut identical = 0;
    for set in &sets {
        let (a, b) = (set.to_toml(), toml::to_string(set).expect("serializes"));
        for (how, text) in [("to_toml", &a), ("toml::to_string", &b)] {
            let back = ClaimSet::from_toml(text, path)
                .unwrap_or_else(|e| panic!("{how} wrote what from_toml refuses: {e}\n{text}"));
            assert!(back == *set, "{how} changed the claim set:\n{text}");
        }
        identical += usize::from(a == b);
    }
    let (hand_allocs, hand_bytes) = allocations(|| {
        hand(&sets);
    });
    let (serde_allocs, serde_bytes) = allocations(|| {
        serde(&sets);
    });
    eprintln!(
        "note: claimset_toml: {n} claim sets, {claims} claims; both writers round-trip every one; \
         {identical} of {n} byte-identical; output {} / {} bytes (to_toml / toml::to_string); \
         per claim set {:.0} / {:.0} allocations, {:.0} / {:.0} bytes allocated",
        hand(&sets),
        serde(&sets),
        hand_allocs as f64 / n as f64,
        serde_allocs as f64 / n as f64,
        hand_bytes as f64 / n as f64,
        serde_bytes as f64 / n as f64,
    );
    if let Some(set) = sets
        .iter()
        .find(|s| s.to_toml() != toml::to_string(s).unwrap())
    {
        let (a, b) = (set.to_toml(), toml::to_string(set).unwrap());
        let line = a.lines().zip(b.lines()).find(|(x, y)| x != y);
        eprintln!("note: first difference: {line:?}");
    }

    let mut group = c.benchmark_group("claimset_toml");
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function("to_toml", |b| b.iter(|| hand(&sets)));
    group.bench_function("toml_to_string", |b| b.iter(|| serde(&sets)));
    group.finish();
}

criterion_group!(benches, bench_toml);
criterion_main!(benches);
