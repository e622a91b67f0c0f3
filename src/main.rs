//! The `factdiff` command: parses arguments, runs one subcommand, maps errors to exit codes.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;

use std::process::ExitCode;

// Extraction makes many small short-lived strings; mimalloc's thread-local free lists make
// them cheaper than glibc's arenas, and the worker threads stop contending for one lock.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`factdiff diff | head`) is the reader's choice, not a failure.
            if err.is_broken_pipe() {
                return ExitCode::SUCCESS;
            }
            eprintln!("factdiff: error: {err}");
            ExitCode::from(2)
        }
    }
}
