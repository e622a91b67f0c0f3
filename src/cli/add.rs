//! `factdiff add FILE|DIR…`: store pulls as editions, never overwriting.

use super::error::is_broken_pipe;
use super::{CliError, CliResult, Context, Exit};
use factdiff::ingest::{collect_pulls, AddOptions, Ingest, Outcome};
use factdiff::store::Store;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// Store pulls as editions of their series (matched by title, or --series).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "A pull already stored (same digest) is skipped; a different pull under a stored date\n\
is kept as the next revision (2023-02-06.2.toml) and reported as republished. Folders are\n\
walked recursively for .txt, .md and .html pulls. A pull that cannot be read is reported and\n\
the others are still stored; the exit code is then 2. A pull without claims (a sheet of images, say) is\n\
skipped with a line on stderr and counted in the summary, not a failure. A pull with the same date, claims\n\
and figures as a stored edition (a mirror copy) is not stored again: \"same content\".\n\n\
Examples:\n  factdiff add pulls/2024-03-25.md\n  factdiff add --series root-causes new.txt\n  factdiff add archive/ --quiet\n  factdiff add --from-list new-pulls.txt"
)]
pub struct Args {
    /// The pulls (.txt, .md, .html) or folders of pulls.
    #[arg(required_unless_present = "from_list")]
    files: Vec<PathBuf>,
    /// Also read pull paths from this file, one per line ('-' for standard input).
    #[arg(long, value_name = "FILE")]
    from_list: Option<PathBuf>,
    /// Do not keep the raw pull beside its claim set.
    #[arg(long)]
    no_raw: bool,
    /// Leave the claims' own words out of the claim sets.
    #[arg(long)]
    no_text: bool,
    /// Flush each file to the disk before it becomes visible (survives power loss; slower).
    #[arg(long)]
    sync: bool,
    /// Worker threads for extraction (default: all cores; more than the cores are capped at
    /// the number of cores). With 1, each file is read, extracted and stored in turn on one
    /// thread. Output is the same for any number.
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
}

/// The worker threads `--jobs N` gets: at least one, at most the number of cores.
pub fn capped_jobs(n: usize) -> usize {
    let cores = std::thread::available_parallelism()
        .map(std::num::NonZeroUsize::get)
        .unwrap_or(1);
    n.clamp(1, cores)
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    if let Some(n) = args.jobs {
        let threads = capped_jobs(n);
        if threads != n && !ctx.quiet {
            warn_line!("factdiff: --jobs {n}: using {threads} (the number of cores)");
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
            .map_err(|e| CliError::Message(format!("--jobs {n}: {e}")))?;
    }
    let mut inputs = args.files.clone();
    if let Some(list) = &args.from_list {
        let text = if list.as_os_str() == "-" {
            std::io::read_to_string(std::io::stdin())
                .map_err(|e| CliError::Message(format!("standard input: {e}")))?
        } else {
            std::fs::read_to_string(list).map_err(|e| factdiff::Error::io(list, e))?
        };
        inputs.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(PathBuf::from),
        );
    }
    let files = collect_pulls(&inputs)?;
    let options = AddOptions {
        series: ctx.series.clone(),
        keep_raw: !args.no_raw,
        keep_text: !args.no_text,
        max_input_bytes: ctx.max_input_bytes,
        ..AddOptions::default()
    };
    if let Some(series) = &options.series {
        factdiff::store::check_name(series)?;
    }
    let store = Store::new(ctx.store.root())
        .with_sync(args.sync)
        .with_lock_wait_notice(super::lock_wait_notice);
    let mut ingest = Ingest::open_for_writing(store)?;
    let bar = (!ctx.quiet && files.len() > 1 && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    // Each pull's line is written as it is stored, so nothing is kept per pull.
    let mut out = std::io::stdout().lock();
    let (mut added, mut skipped, mut revised, mut failed) = (0, 0, 0, 0);
    let (mut copies, mut empty) = (0, 0);
    let asked_series = options.series.clone();
    let mut write_error: Option<std::io::Error> = None;
    ingest.add_each(&files, &options, |_, result| {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
        match &result {
            Ok(Outcome::Added { .. }) => added += 1,
            Ok(Outcome::Skipped { .. }) => skipped += 1,
            Ok(Outcome::SameContent { .. }) => copies += 1,
            Ok(Outcome::NoClaims { .. }) => empty += 1,
            Ok(Outcome::Revised { .. }) => revised += 1,
            Err(_) => failed += 1,
        }
        // Counted always; a stored pull's line is made only when it is shown (warnings and
        // failures are shown even with --quiet).
        let shown = !(ctx.quiet || write_error.is_some());
        let warns = matches!(result, Ok(Outcome::NoClaims { .. }) | Err(_));
        if !shown && !warns {
            return;
        }
        let line = match result {
            Ok(Outcome::Added { file, path, .. }) => {
                format!("added    {} → {}", file.display(), path.display())
            }
            Ok(Outcome::Skipped { file, existing }) => {
                let elsewhere = asked_series.as_deref().filter(|asked| {
                    existing
                        .parent()
                        .and_then(|p| p.file_name())
                        .is_some_and(|s| s != *asked)
                });
                match elsewhere {
                    Some(_) => format!(
                        "skipped  {} (already stored as {}, in another series; `factdiff series merge` or `split` moves editions)",
                        file.display(),
                        existing.display()
                    ),
                    None => format!(
                        "skipped  {} (already stored as {})",
                        file.display(),
                        existing.display()
                    ),
                }
            }
            Ok(Outcome::SameContent { file, existing }) => {
                format!(
                    "same     {} (same content as {}: another copy, not stored)",
                    file.display(),
                    existing.display()
                )
            }
            Ok(Outcome::NoClaims { file }) => {
                let line = format!(
                    "factdiff: skipped {}: no claims (images only?)",
                    file.display()
                );
                // A warning, shown like a failure even with --quiet: a sheet that stores
                // nothing deserves a look.
                let show = || warn_line!("{}", factdiff::render::terminal_safe(&line));
                match &bar {
                    Some(bar) => bar.suspend(show),
                    None => show(),
                }
                return;
            }
            Ok(Outcome::Revised {
                file, path, report, ..
            }) => {
                format!(
                    "revised  {} → {} [republished: {} change(s) against {}]",
                    file.display(),
                    path.display(),
                    report.changes.len(),
                    report.old.label()
                )
            }
            Err(e) => {
                let line = CliError::from(e).line("add");
                let show = || warn_line!("{}", factdiff::render::terminal_safe(&line));
                match &bar {
                    Some(bar) => bar.suspend(show),
                    None => show(),
                }
                return;
            }
        };
        // File names are the user's, but any byte but `/` and NUL may be in them.
        let mut write = || writeln!(out, "{}", factdiff::render::terminal_safe(&line));
        let written = match &bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        };
        // A closed pipe stops the lines, not the storing: every pull is still stored.
        if let Err(e) = written {
            write_error = Some(e);
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let written = match write_error {
        Some(e) => Err(e),
        None if ctx.quiet => out.flush(),
        None => {
            let mut tail = String::new();
            if copies > 0 {
                tail.push_str(&format!(", {copies} same content"));
            }
            if empty > 0 {
                tail.push_str(&format!(", {empty} without claims"));
            }
            if failed > 0 {
                tail.push_str(&format!(", {failed} failed"));
            }
            writeln!(
                out,
                "{added} added, {skipped} skipped, {revised} revised{tail}"
            )
            .and_then(|()| out.flush())
        }
    };
    // A closed pipe ends the report, not the exit code: a pull that failed still exits 2.
    match written {
        Err(e) if !is_broken_pipe(&e) => Err(e.into()),
        _ if failed > 0 => Ok(Exit::Error),
        _ => Ok(Exit::Success),
    }
}
