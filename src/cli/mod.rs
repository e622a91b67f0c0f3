//! Command-line front end: clap definitions, settings resolved once, one module per subcommand.

mod add;
mod check;
mod completions;
mod diff;
mod extract;
mod history;
mod man;
mod series;

use clap::{Parser, Subcommand, ValueEnum};
use factdiff::claimset::ClaimSet;
use factdiff::pipeline::{extract_file, ExtractOptions};
use factdiff::store::Store;
use factdiff::topics::TopicRules;
use std::fmt;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
    /// The largest pull read, in bytes (`FACTDIFF_MAX_INPUT_MB`).
    max_input_bytes: u64,
}

/// A failure to report: a library error, an I/O error on output, or a message.
#[derive(Debug)]
pub enum CliError {
    Lib(factdiff::Error),
    Io(std::io::Error),
    Message(String),
}

impl CliError {
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Lib(e) => write!(f, "{e}"),
            CliError::Io(e) => write!(f, "writing output: {e}"),
            CliError::Message(m) => f.write_str(m),
        }
    }
}

impl From<factdiff::Error> for CliError {
    fn from(e: factdiff::Error) -> Self {
        CliError::Lib(e)
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Io(e)
    }
}

pub type CliResult<T = ExitCode> = Result<T, CliError>;

/// Parses the command line and runs it.
pub fn run() -> CliResult {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout (exit 0) and usage errors to stderr (exit 2).
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return Ok(ExitCode::from(code));
        }
    };
    let max_input_bytes = max_input_bytes()?;
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
        }
    };
    let ctx = Context {
        store: Store::new(cli.editions),
        series: cli.series,
        quiet: cli.quiet,
        color,
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

impl Context {
    fn render_options(&self) -> factdiff::render::RenderOptions {
        factdiff::render::RenderOptions {
            color: self.color,
            reasons: true,
            quiet: self.quiet,
        }
    }
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
        return Err(CliError::Message(format!(
            "{arg}: no such file, and no series in {} to look the date up in",
            ctx.store.root().display()
        )));
    };
    match ctx.store.find(series, arg)? {
        Some(e) => Ok(factdiff::store::load_stored(&e)?),
        None => {
            let labels: Vec<String> = ctx
                .store
                .editions(series)?
                .iter()
                .map(|e| e.label())
                .collect();
            Err(CliError::Message(format!(
                "{arg}: no such file, and no edition of that date in series {series:?} (editions: {})",
                labels.join(", ")
            )))
        }
    }
}
