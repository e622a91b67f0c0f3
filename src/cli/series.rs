//! `factdiff series`: the series in the store and their editions.

use super::{CliResult, Context};
use std::io::Write;
use std::process::ExitCode;

/// List the series in the store and their editions.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  factdiff series\n  factdiff series --editions archive-store")]
pub struct Args {}

pub fn run(ctx: &Context, _args: Args) -> CliResult {
    let mut out = std::io::stdout().lock();
    for name in ctx.store.series()? {
        let editions = ctx.store.editions(&name)?;
        let labels: Vec<String> = editions.iter().map(|e| e.label()).collect();
        writeln!(out, "{name}\t{}\t{}", editions.len(), labels.join(" "))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
