//! `factdiff series`: the series in the store and their editions.

use super::{write_stdout, CliResult, Context, Exit};

/// List the series in the store and their editions, most editions first.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Output: one line per series — name, number of editions, edition labels (tab-separated).\n\n\
Examples:\n  factdiff series\n  factdiff series --multi --editions archive-store"
)]
pub struct Args {
    /// Only series with two or more editions.
    #[arg(long)]
    multi: bool,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    let mut rows = Vec::new();
    for name in ctx.store.series()? {
        let labels: Vec<String> = ctx
            .store
            .editions(&name)?
            .iter()
            .map(|e| e.label())
            .collect();
        if !args.multi || labels.len() >= 2 {
            rows.push((name, labels));
        }
    }
    rows.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    write_stdout(|out| {
        for (name, labels) in &rows {
            // Folder names are the user's, but a folder may have been made by hand.
            let name = factdiff::render::terminal_safe(name);
            writeln!(out, "{name}\t{}\t{}", labels.len(), labels.join(" "))?;
        }
        if !ctx.quiet {
            let multi = rows.iter().filter(|r| r.1.len() >= 2).count();
            writeln!(
                out,
                "{} series, {multi} with two or more editions",
                rows.len()
            )?;
        }
        Ok(())
    })?;
    Ok(Exit::Success)
}
