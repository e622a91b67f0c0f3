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
    cli::run().into()
}
