//! `factdiff diff [OLD] [NEW]`: what changed between two editions.

use super::policy::Policy;
use super::{load_edition, open_index, write_stdout, CliResult, Context, Exit, OutputFormat};
use factdiff::align::AlignSettings;
use factdiff::render::render_diff;
use factdiff::topics::TopicRules;

/// Compare two editions: changed, added and dropped figures and claims, with flags.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "OLD and NEW are dates in the store (2023-02-06, 2023-02-06.2), claim-set files or raw pulls.\n\
Dates are looked up in --series; without it, in the series a file argument's title belongs to, or the\n\
store's only series.\n\nExamples:\n  factdiff diff                          the two latest editions\n  factdiff diff 2022-04-19 2023-02-06\n  factdiff diff 2024-03-25 new-pull.md --format json\n  factdiff diff --exit-code              exit 1 when anything changed (\"factdiff: policy failed: any (N)\" on stderr)"
)]
pub struct Args {
    /// The older edition (default: the second latest).
    old: Option<String>,
    /// The newer edition (default: the latest).
    new: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Exit 1 when anything changed (as `check --fail-on any`), naming the count on stderr.
    #[arg(long)]
    exit_code: bool,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    let is_file = |a: &Option<String>| {
        a.as_deref()
            .is_some_and(|a| std::path::Path::new(a).exists())
    };
    let uses_store = args.new.is_none()
        || [&args.old, &args.new]
            .iter()
            .any(|a| a.is_some() && !is_file(a));
    let series = if uses_store {
        // A file argument's title finds its series when none is named.
        let title = if ctx.series.is_none() {
            [&args.old, &args.new]
                .iter()
                .filter(|a| is_file(a))
                .find_map(|a| {
                    load_edition(ctx, a.as_deref()?, None, &TopicRules::default())
                        .ok()
                        .map(|set| set.edition.title)
                })
        } else {
            None
        };
        let mut index = open_index(ctx)?;
        Some(index.resolve(&ctx.store, ctx.series.as_deref(), title.as_deref())?)
    } else {
        None
    };
    let rules = match &series {
        Some(s) => ctx.store.rules(s)?,
        None => TopicRules::default(),
    };
    let (old, new) = match (&args.old, &args.new) {
        (Some(o), Some(n)) => (
            load_edition(ctx, o, series.as_deref(), &rules)?,
            load_edition(ctx, n, series.as_deref(), &rules)?,
        ),
        (only, None) => {
            let series = series.as_deref().unwrap_or_default();
            let editions = ctx.store.editions(series)?;
            let latest = editions.last().map(|e| e.label());
            match (only, latest) {
                (Some(o), Some(latest)) => (
                    load_edition(ctx, o, Some(series), &rules)?,
                    load_edition(ctx, &latest, Some(series), &rules)?,
                ),
                (None, _) if editions.len() >= 2 => (
                    factdiff::store::load_stored(&editions[editions.len() - 2])?,
                    factdiff::store::load_stored(&editions[editions.len() - 1])?,
                ),
                _ => {
                    return Err(factdiff::Error::TooFewEditions {
                        series: series.to_string(),
                        found: editions.len(),
                        needed: 2,
                    }
                    .into())
                }
            }
        }
        (None, Some(_)) => unreachable!("clap fills OLD before NEW"),
    };
    let report = factdiff::diff::diff(&old, &new, &rules, AlignSettings::default());
    write_stdout(|out| render_diff(&report, args.format.render(), &ctx.render_options(), out))?;
    if args.exit_code {
        return Ok(Policy::any_change().fired(&report).exit());
    }
    Ok(Exit::Success)
}
