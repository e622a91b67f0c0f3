//! `factdiff check FILE`: a fresh pull against the latest stored edition, failing on policy.

use super::policy::Policy;
use super::{write_stdout, CliResult, Context, OutputFormat};
use factdiff::ingest::{check, AddOptions, Ingest};
use factdiff::render::render_diff;
use factdiff::store::Store;
use std::path::PathBuf;

/// Compare a fresh pull with the latest stored edition of its series; exit 1 on policy.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Flags for --fail-on: decrease (a running total or count fell; never a per-period amount),
target-changed (a goal changed), hedged, dropped (a claim or figure dropped), republished,\nany (any change). Exit codes: 0 nothing fired, 1 a listed flag fired (named on stderr:\n\"factdiff: policy failed: decrease (2), dropped (5)\"), 2 error.\n\nExamples:\n  factdiff check pull.md --fail-on decrease,hedged\n  factdiff check pull.md --fail-on any --format markdown >> \"$GITHUB_STEP_SUMMARY\""
)]
pub struct Args {
    /// The fresh pull.
    file: PathBuf,
    /// Exit 1 when one of these fires (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "FLAGS")]
    fail_on: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    let policy = Policy::parse(&args.fail_on)?;
    let options = AddOptions {
        series: ctx.series.clone(),
        max_input_bytes: ctx.max_input_bytes,
        ..AddOptions::default()
    };
    let ingest = Ingest::open_read_only(Store::new(ctx.store.root()))?;
    let (_series, report) = check(&ingest, &args.file, &options)?;
    write_stdout(|out| render_diff(&report, args.format.render(), &ctx.render_options(), out))?;
    Ok(policy.fired(&report).exit())
}
