//! The `factdiff` command: parses arguments, runs one subcommand, ends with its exit code
//! (named in `cli::exit`).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;

use std::process::ExitCode;

// Extraction makes many small short-lived strings; mimalloc's thread-local free lists make
// them cheaper than glibc's arenas, and the worker threads stop contending for one lock.
// mimalloc 2 (the `v2` feature): a one-core add of the archive peaks at 21 MB under it
// against 37 MB under mimalloc 3, for slightly less CPU time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run().into()
}
