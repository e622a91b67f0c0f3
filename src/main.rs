//! The `factdiff` command: parses arguments, runs one subcommand, ends with its exit code
//! (named in `cli::exit`).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;

use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: factdiff::allocator::Allocator = factdiff::allocator::Allocator;

fn main() -> ExitCode {
    cli::run().into()
}
