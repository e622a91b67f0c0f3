//! The `factdiff` command: parses arguments, runs one subcommand, maps errors to exit codes.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;

use std::process::ExitCode;

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
