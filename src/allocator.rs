//! The global allocator the `factdiff` binary installs (and its benches and examples, so that
//! their figures are the binary's): mimalloc 2, called without its aligned entry points
//! where plain ones already give the alignment.
//!
//! Extraction makes many small short-lived strings; mimalloc's thread-local free lists make
//! them cheaper than glibc's arenas, and worker threads do not contend for one lock. mimalloc
//! 2 rather than 3: a one-core add of the archive peaks at 21 MB under it against 37 MB, for
//! slightly less CPU time. The `mimalloc` crate sends every request through
//! `mi_malloc_aligned`, whose layers cost about a sixth of an allocation before they reach
//! the plain path for the alignments Rust nearly always asks (1 to 8).

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// mimalloc's `MI_MAX_ALIGN_SIZE`: a block of at least this size is aligned to it, a smaller
/// block to its own size.
const NATURAL_ALIGN: usize = 16;

/// mimalloc as the global allocator (`#[global_allocator] static A: Allocator = Allocator;`).
#[derive(Debug, Default, Clone, Copy)]
pub struct Allocator;

/// Whether mimalloc's plain entry points return memory of `size` bytes aligned to `align`:
/// the test `mi_malloc_aligned` itself makes before taking its plain path
/// (`mi_malloc_is_naturally_aligned`, first two cases).
fn naturally_aligned(size: usize, align: usize) -> bool {
    align <= NATURAL_ALIGN && align <= size
}

/// A block for `layout` from `plain` (size) when it aligns naturally, else from `aligned`
/// (size, alignment).
///
/// # Safety
/// `plain` and `aligned` are mimalloc's matching entry points (`mi_malloc` and
/// `mi_malloc_aligned`, or the zeroing pair).
unsafe fn request(
    layout: Layout,
    plain: unsafe extern "C" fn(usize) -> *mut c_void,
    aligned: unsafe extern "C" fn(usize, usize) -> *mut c_void,
) -> *mut u8 {
    let (size, align) = (layout.size(), layout.align());
    // SAFETY: FFI calls with a size and a power-of-two alignment, as they require.
    unsafe {
        if naturally_aligned(size, align) {
            plain(size).cast()
        } else {
            aligned(size, align).cast()
        }
    }
}

// SAFETY: each method hands the layout's request to mimalloc, which returns null or a block
// of at least `size` bytes. The plain entry points are taken only when mimalloc's own aligned
// entry points would take them too (`naturally_aligned`), so the block is aligned as the
// layout asks; every block, however allocated, is freed by `mi_free` and grown by
// `mi_realloc`/`mi_realloc_aligned`, which accept any mimalloc block.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: mimalloc's allocating entry points, as `request` requires.
        unsafe { request(layout, mi::mi_malloc, mi::mi_malloc_aligned) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as in `alloc`, zeroing.
        unsafe { request(layout, mi::mi_zalloc, mi::mi_zalloc_aligned) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator (the caller's contract), so from mimalloc.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        // SAFETY: `ptr` came from mimalloc (the caller's contract); a block kept in place
        // keeps its alignment, a new one is aligned as in `alloc`.
        unsafe {
            if naturally_aligned(new_size, align) {
                mi::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast(), new_size, align).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every size and alignment a block is asked for comes back aligned, zeroed when asked,
    /// and keeps its bytes when grown, then shrunk, across the plain/aligned boundary.
    #[test]
    fn blocks_are_aligned_and_keep_their_bytes() {
        let a = Allocator;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 3, 8, 15, 16, 17, 24, 48, 100, 1000, 5000, 70_000] {
                let layout = Layout::from_size_align(size, align).unwrap();
                let pattern = |i: usize| (i % 251) as u8;
                // SAFETY: non-zero sizes; every block is used within its size and freed
                // once, by this allocator, with the layout it has then.
                unsafe {
                    let p = a.alloc_zeroed(layout);
                    assert_eq!(p as usize % align, 0, "zeroed: size {size} align {align}");
                    let bytes = std::slice::from_raw_parts_mut(p, size);
                    assert!(bytes.iter().all(|&b| b == 0));
                    bytes
                        .iter_mut()
                        .enumerate()
                        .for_each(|(i, b)| *b = pattern(i));
                    let grown = a.realloc(p, layout, size * 3);
                    assert_eq!(
                        grown as usize % align,
                        0,
                        "grown: size {size} align {align}"
                    );
                    let kept = std::slice::from_raw_parts(grown, size);
                    assert!(kept.iter().enumerate().all(|(i, &b)| b == pattern(i)));
                    let big = Layout::from_size_align(size * 3, align).unwrap();
                    let small = size.div_ceil(2);
                    let shrunk = a.realloc(grown, big, small);
                    assert_eq!(
                        shrunk as usize % align,
                        0,
                        "shrunk: size {size} align {align}"
                    );
                    let kept = std::slice::from_raw_parts(shrunk, small);
                    assert!(kept.iter().enumerate().all(|(i, &b)| b == pattern(i)));
                    a.dealloc(shrunk, Layout::from_size_align(small, align).unwrap());
                    let plain = a.alloc(layout);
                    assert_eq!(
                        plain as usize % align,
                        0,
                        "plain: size {size} align {align}"
                    );
                    a.dealloc(plain, layout);
                }
            }
        }
    }

    #[test]
    fn plain_entry_points_only_for_natural_alignments() {
        let cases = [
            ((8, 8), true),
            ((1, 1), true),
            ((24, 16), true),
            ((4, 8), false),
            ((64, 32), false),
            ((0, 1), false),
        ];
        for ((size, align), plain) in cases {
            assert_eq!(naturally_aligned(size, align), plain, "{size}, {align}");
        }
    }
}
