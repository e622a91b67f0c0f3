//! `factdiff add FILE…`: store pulls as editions, never overwriting.

use super::{CliResult, Context};
use factdiff::ingest::{AddOptions, Ingest, Outcome};
use factdiff::store::Store;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Store pulls as editions of their series (matched by title, or --series).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "A pull already stored (same digest) is skipped; a different pull under a stored date\nis kept as the next revision (2023-02-06.2.toml) and reported as republished.\n\nExamples:\n  factdiff add pulls/2024-03-25.md\n  factdiff add --series root-causes new.txt\n  factdiff add --no-raw pulls/*.md"
)]
pub struct Args {
    /// The pulls (.txt, .md, .html).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Do not keep the raw pull beside its claim set.
    #[arg(long)]
    no_raw: bool,
    /// Leave the claims' own words out of the claim sets.
    #[arg(long)]
    no_text: bool,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    let options = AddOptions {
        series: ctx.series.clone(),
        keep_raw: !args.no_raw,
        keep_text: !args.no_text,
        ..AddOptions::default()
    };
    let mut ingest = Ingest::open(Store::new(ctx.store.root()))?;
    let progress =
        (!ctx.quiet && args.files.len() > 1 && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(args.files.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
    let mut out = std::io::stdout().lock();
    let (mut added, mut skipped, mut revised) = (0, 0, 0);
    for file in &args.files {
        if let Some(bar) = &progress {
            bar.set_message(file.display().to_string());
        }
        let outcome = ingest.add(file, &options)?;
        let line = match &outcome {
            Outcome::Added { file, path, .. } => {
                added += 1;
                format!("added    {} → {}", file.display(), path.display())
            }
            Outcome::Skipped { file, existing } => {
                skipped += 1;
                format!(
                    "skipped  {} (already stored as {})",
                    file.display(),
                    existing.display()
                )
            }
            Outcome::Revised {
                file, path, report, ..
            } => {
                revised += 1;
                format!(
                    "revised  {} → {} [republished: {} change(s) against {}]",
                    file.display(),
                    path.display(),
                    report.changes.len(),
                    report.old.label()
                )
            }
        };
        if let Some(bar) = &progress {
            bar.inc(1);
        }
        if !ctx.quiet {
            match &progress {
                Some(bar) => bar.suspend(|| writeln!(out, "{line}"))?,
                None => writeln!(out, "{line}")?,
            }
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if !ctx.quiet {
        writeln!(out, "{added} added, {skipped} skipped, {revised} revised")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
