//! `factdiff check FILE`: a fresh pull against its neighbour in the store, failing on policy.

use super::policy::Policy;
use super::{write_stdout, CliResult, Context, OutputFormat};
use factdiff::accept::AcceptList;
use factdiff::ingest::{AddOptions, Ingest};
use factdiff::render::render_diff;
use factdiff::store::Store;
use std::path::PathBuf;

/// Compare a pull with the stored edition before it in its series; exit 1 on policy.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "The series is found as `add` finds it: the series already holding the pull, --series, a pin in\n\
series.toml, else the title. The pull is compared with the edition dated on or before it (a back-filled\n\
older pull is never compared with a later edition; the next one is named on stderr); a pull stored\n\
already is compared with the edition before it, so check gives the same verdict after `add`. A pull that matches\n\
no series is a new series: reported, exit 0 (unless --fail-on new-series). A pull with the same date,\n\
claims and figures as a stored edition is another copy of it, not republished.\n\n\
--fail-on takes decrease, hedged, dropped (a claim or figure dropped), republished, any (any change)\n\
and new-series, each optionally with a threshold: dropped>=3 (three or more), decrease>=5% (a fall of\n\
5 % or more). --accept FILE lists acknowledged changes (label, old, new) that no longer count.\n\
Exit codes: 0 nothing fired, 1 a rule fired (named on stderr: \"factdiff: policy failed: decrease (2)\"),\n\
2 error. check never takes the store's lock: it reads only.\n\n\
Examples:\n  factdiff check pull.md --fail-on decrease,hedged\n  factdiff check pull.md --fail-on 'decrease>=5%,dropped>=3' --accept accept.toml\n  factdiff check pull.md --fail-on any --format markdown >> \"$GITHUB_STEP_SUMMARY\""
)]
pub struct Args {
    /// The fresh pull.
    file: PathBuf,
    /// Exit 1 when one of these fires (comma-separated; FLAG or FLAG>=N or decrease>=N%).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    fail_on: Vec<String>,
    /// Acknowledged changes that no longer fail the policy (TOML: label, old, new).
    #[arg(long, value_name = "FILE")]
    accept: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    let mut policy = Policy::parse(&args.fail_on)?;
    if let Some(path) = &args.accept {
        policy = policy.with_accept(AcceptList::load(path)?);
    }
    let options = AddOptions {
        series: ctx.series.clone(),
        max_input_bytes: ctx.max_input_bytes,
        ..AddOptions::default()
    };
    if !ctx.store.root().is_dir() {
        return Err(factdiff::Error::NoStore {
            root: ctx.store.root().to_path_buf(),
        }
        .into());
    }
    let mut ingest = Ingest::open_read_only(Store::new(ctx.store.root()))?;
    let checked = ingest.check(&args.file, &options)?;
    // The process ends next: freeing the index of a large store would only cost time (check
    // holds no lock, so nothing is left behind).
    std::mem::forget(ingest);
    let note = |text: String| {
        if !ctx.quiet {
            warn_line!("factdiff: {text}");
        }
    };
    let Some(report) = &checked.report else {
        // Nothing to compare with: a new series, or an edition older than every stored one.
        let (status, text) = if checked.new_series {
            (
                "new-series",
                format!(
                    "new series: no stored series matches this pull; `add` would start {:?}",
                    checked.series
                ),
            )
        } else {
            (
                "first-edition",
                format!(
                    "first edition of {}: nothing stored before this pull{}",
                    checked.series,
                    checked
                        .next
                        .as_ref()
                        .map(|n| format!("; the edition after it is {}", n.label()))
                        .unwrap_or_default()
                ),
            )
        };
        write_stdout(|out| match args.format {
            OutputFormat::Json => writeln!(
                out,
                "{}",
                serde_json::json!({"status": status, "series": checked.series})
            ),
            OutputFormat::Text | OutputFormat::Markdown => writeln!(out, "{text}"),
            OutputFormat::Csv | OutputFormat::Html => Ok(()),
        })?;
        if !matches!(args.format, OutputFormat::Text | OutputFormat::Markdown) {
            note(text);
        }
        let fired = if checked.new_series {
            policy.fired_new_series()
        } else {
            policy.fired_nothing()
        };
        return Ok(fired.exit());
    };
    write_stdout(|out| render_diff(report, args.format.render(), &ctx.render_options(), out))?;
    // The usual case (a pull newer than every stored edition, compared with the latest) needs
    // no note: the report names both editions. A back-filled pull does.
    if checked.same_pull && !ctx.quiet {
        if let Some(previous) = &checked.previous {
            note(format!(
                "check: this pull is stored already; compared with {}, the edition before it",
                previous.label()
            ));
        }
    }
    if let (Some(previous), Some(next)) = (&checked.previous, &checked.next) {
        note(format!(
            "check: series {}: compared with {}, the stored edition before this pull; a later edition is stored: {}",
            checked.series,
            previous.label(),
            next.label()
        ));
    }
    if let Some(copy) = &checked.same_content {
        note(format!(
            "same content, other copy: {} holds the same claims and figures under this date (not republished)",
            copy.label()
        ));
    }
    Ok(policy.fired(report).exit())
}
