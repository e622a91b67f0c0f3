//! Command-line front end: clap definitions, settings resolved once, one module per subcommand.

/// `eprintln!` that never panics: a stderr that cannot be written (a log file on a full disk)
/// loses the line instead of ending the run with a panic.
macro_rules! warn_line {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod add;
mod check;
mod completions;
mod diff;
mod error;
mod exit;
mod extract;
mod history;
mod man;
mod policy;
mod series;

pub use error::CliError;
pub use exit::Exit;

use clap::{Parser, Subcommand, ValueEnum};
use factdiff::claimset::ClaimSet;
use factdiff::pipeline::{extract_file, ExtractOptions};
use factdiff::store::Store;
use factdiff::topics::TopicRules;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Track claims and figures across dated editions of recurring fact sheets.
#[derive(Debug, Parser)]
#[command(name = "factdiff", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The editions folder.
    #[arg(long, global = true, value_name = "DIR", default_value = "editions")]
    editions: PathBuf,
    /// The series to use when the store holds several.
    #[arg(long, global = true, value_name = "NAME")]
    series: Option<String>,
    /// Silence progress and summaries.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// When to color the output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, Subcommand)]
enum Command {
    Extract(extract::Args),
    Add(add::Args),
    Check(check::Args),
    Diff(diff::Args),
    History(history::Args),
    Series(series::Args),
    Completions(completions::Args),
    Man(man::Args),
}

impl Command {
    /// The subcommand's name, as typed.
    fn name(&self) -> &'static str {
        match self {
            Command::Extract(_) => "extract",
            Command::Add(_) => "add",
            Command::Check(_) => "check",
            Command::Diff(_) => "diff",
            Command::History(_) => "history",
            Command::Series(_) => "series",
            Command::Completions(_) => "completions",
            Command::Man(_) => "man",
        }
    }
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Output formats offered on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Markdown,
    Json,
    Csv,
    Html,
}

impl OutputFormat {
    fn render(self) -> factdiff::render::Format {
        match self {
            OutputFormat::Text => factdiff::render::Format::Text,
            OutputFormat::Json => factdiff::render::Format::Json,
            OutputFormat::Markdown => factdiff::render::Format::Markdown,
            OutputFormat::Csv => factdiff::render::Format::Csv,
            OutputFormat::Html => factdiff::render::Format::Html,
        }
    }
}

/// Settings every subcommand may use, resolved once from the flags and the environment.
pub struct Context {
    store: Store,
    series: Option<String>,
    quiet: bool,
    color: bool,
    /// The width text output fits (`COLUMNS`, else the terminal's, else 100).
    width: usize,
    /// The largest pull read, in bytes (`FACTDIFF_MAX_INPUT_MB`).
    max_input_bytes: u64,
}

pub type CliResult<T = Exit> = Result<T, CliError>;

/// Parses the command line, runs it and reports a failure: the exit code to end with.
pub fn run() -> Exit {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout (exit 0) and usage errors to stderr (exit 2).
            let _ = e.print();
            return if e.use_stderr() {
                Exit::Error
            } else {
                Exit::Success
            };
        }
    };
    let command = cli.command.name();
    match run_parsed(cli) {
        Ok(exit) => exit,
        // A closed pipe (`factdiff diff | head`) is the reader's choice, not a failure.
        Err(err) if err.is_broken_pipe() => Exit::Success,
        Err(err) => {
            // File names and quoted input may hold control characters: made safe like stdout.
            warn_line!("{}", factdiff::render::terminal_safe(&err.line(command)));
            Exit::Error
        }
    }
}

/// The one environment setting besides NO_COLOR: a larger (or smaller) input limit, in MiB.
fn max_input_bytes() -> CliResult<u64> {
    let Some(value) = std::env::var_os("FACTDIFF_MAX_INPUT_MB") else {
        return Ok(factdiff::pipeline::MAX_INPUT_BYTES);
    };
    match value.to_str().and_then(|v| v.trim().parse::<u64>().ok()) {
        Some(mb) => Ok(mb.saturating_mul(1024 * 1024)),
        None => Err(CliError::Message(format!(
            "FACTDIFF_MAX_INPUT_MB={}: expected a whole number of megabytes",
            value.to_string_lossy()
        ))),
    }
}

/// The width text output fits: `COLUMNS` when set to a number, else the terminal's width when
/// stdout is one, else [`factdiff::render::DEFAULT_WIDTH`].
fn output_width() -> usize {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| *c > 0);
    let tty = || {
        std::io::stdout()
            .is_terminal()
            .then(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
            .flatten()
    };
    columns
        .or_else(tty)
        .unwrap_or(factdiff::render::DEFAULT_WIDTH)
}

fn run_parsed(cli: Cli) -> CliResult {
    let max_input_bytes = max_input_bytes()?;
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
        }
    };
    let ctx = Context {
        store: Store::new(cli.editions).with_lock_wait_notice(lock_wait_notice),
        series: cli.series,
        quiet: cli.quiet,
        color,
        width: output_width(),
        max_input_bytes,
    };
    match cli.command {
        Command::Extract(args) => extract::run(&ctx, args),
        Command::Add(args) => add::run(&ctx, args),
        Command::Check(args) => check::run(&ctx, args),
        Command::Diff(args) => diff::run(&ctx, args),
        Command::History(args) => history::run(&ctx, args),
        Command::Series(args) => series::run(&ctx, args),
        Command::Completions(args) => completions::run(&ctx, args),
        Command::Man(args) => man::run(&ctx, args),
    }
}

impl Context {
    fn render_options(&self) -> factdiff::render::RenderOptions {
        factdiff::render::RenderOptions {
            color: self.color,
            reasons: true,
            quiet: self.quiet,
            width: self.width,
        }
    }
}

/// Writes a command's output on stdout. A reader that closed the pipe early (`| head -c 1`)
/// ends the output, not the command: it goes on to its exit code (a policy that fired still
/// exits 1).
fn write_stdout(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> CliResult<()> {
    // Block-buffered: stdout alone flushes each line, a system call per line of a long table.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if error::is_broken_pipe(&e) => Ok(()),
        Err(e) => Err(CliError::Io(e)),
        Ok(()) => Ok(()),
    }
}

/// Opens the store's index to read it (finishing a regrouping a killed run left, first).
fn open_index(ctx: &Context) -> CliResult<factdiff::index::Index> {
    if ctx.store.root().is_dir() {
        factdiff::regroup::recover_if_needed(&ctx.store)?;
    }
    Ok(factdiff::index::Index::open(
        &ctx.store,
        factdiff::index::Mode::Read,
    )?)
}

/// Loads an edition named on the command line: a claim-set file, a raw pull (extracted on the
/// fly with the series' rules), or a date in the store (`2023-02-06`, `2023-02-06.2`).
fn load_edition(
    ctx: &Context,
    arg: &str,
    series: Option<&str>,
    rules: &TopicRules,
) -> CliResult<ClaimSet> {
    let path = Path::new(arg);
    if path.exists() {
        if path.extension().is_some_and(|e| e == "toml") {
            return Ok(ClaimSet::load(path)?);
        }
        let options = ExtractOptions {
            keep_text: true,
            rules: rules.clone(),
            max_input_bytes: ctx.max_input_bytes,
            ..ExtractOptions::default()
        };
        return Ok(extract_file(path, &options)?);
    }
    let Some(series) = series else {
        // Not a file, and no series to look a date up in: the file's own error says why.
        let err = std::fs::metadata(path)
            .err()
            .unwrap_or_else(|| std::io::ErrorKind::NotFound.into());
        return Err(factdiff::Error::io(path, err).into());
    };
    match ctx.store.find(series, arg)? {
        Some(e) => Ok(factdiff::store::load_stored(&e)?),
        None => {
            let available: Vec<String> = ctx
                .store
                .editions(series)?
                .iter()
                .map(|e| e.label())
                .collect();
            Err(factdiff::Error::NoSuchEdition {
                series: series.to_string(),
                label: arg.to_string(),
                available,
            }
            .into())
        }
    }
}

/// Said before waiting for another writer's lock, even with `--quiet`: a run that only waited
/// looked hung.
fn lock_wait_notice(lock: &Path) {
    warn_line!(
        "factdiff: waiting for another run that is writing to this store ({} is locked)",
        factdiff::render::terminal_safe(&lock.display().to_string())
    );
}
