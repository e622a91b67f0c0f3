//! The `factdiff` command: parses arguments, runs one subcommand, ends with its exit code
//! (named in `cli::exit`).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;

use std::process::ExitCode;

// Extraction makes many small short-lived strings; mimalloc's thread-local free lists make
// them cheaper than glibc's arenas, and the worker threads stop contending for one lock.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    keep_freed_pages();
    cli::run().into()
}

/// Tells mimalloc to keep freed memory instead of handing it back to the system 10 ms later:
/// each pull's buffers would otherwise fault in fresh zeroed huge pages, about 8 % of `add`'s
/// CPU time (docs/performance.md).
fn keep_freed_pages() {
    use std::os::raw::{c_int, c_long};
    extern "C" {
        fn mi_version() -> c_int;
        fn mi_option_set(option: c_int, value: c_long);
    }
    // `mi_option_purge_delay` in the option enum of mimalloc 3.x (include/mimalloc.h).
    const PURGE_DELAY: c_int = 15;
    // SAFETY: plain calls into the linked mimalloc, which allows setting an option at any time;
    // the version check keeps the enum value right if the library changes.
    unsafe {
        if mi_version() / 10000 == 3 {
            mi_option_set(PURGE_DELAY, -1);
        }
    }
}
