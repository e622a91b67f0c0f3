//! `factdiff history [MEASURE|TOPIC…]`: each tracked figure across all editions of a series.

use super::{open_index, write_stdout, CliResult, Context, Exit, OutputFormat};
use factdiff::align::AlignSettings;
use factdiff::render::render_history;

/// Follow figures through every edition of a series.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  factdiff history                       figures seen in two or more editions\n  factdiff history jobs civilian-police  figures whose measure or topic matches\n  factdiff history --all --format json"
)]
pub struct Args {
    /// Measures or topics to show (a slug or part of one); all tracked figures when none.
    terms: Vec<String>,
    /// Show figures seen in only one edition too.
    #[arg(long)]
    all: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    let series = open_index(ctx)?.resolve(&ctx.store, ctx.series.as_deref(), None)?;
    let rules = ctx.store.rules(&series)?;
    let sets = ctx.store.load_all(&series)?;
    let history = factdiff::history::history(&sets, &rules, AlignSettings::default())
        .filtered(&args.terms, args.all);
    write_stdout(|out| render_history(&history, args.format.render(), &ctx.render_options(), out))?;
    Ok(Exit::Success)
}
