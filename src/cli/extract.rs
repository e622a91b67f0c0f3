//! `factdiff extract FILE`: one pull → its claim set as TOML or JSON on stdout.

use super::{write_stdout, CliResult, Context, Exit};
use factdiff::parse_date;
use factdiff::pipeline::{extract_file, ExtractOptions};
use factdiff::topics::TopicRules;
use std::path::PathBuf;

/// Read one edition and print its claim set.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  factdiff extract pulls/2023-02-06.md\n  factdiff extract page.txt --date 2023-02-06 --format json\n  factdiff extract sheet.md --no-text --topics editions/root-causes/topics.toml"
)]
pub struct Args {
    /// The pull to read (.txt, .md or .html).
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimSetFormat::Toml)]
    format: ClaimSetFormat,
    /// The edition date (YYYY-MM-DD), overriding the document.
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// The title, overriding the document.
    #[arg(long)]
    title: Option<String>,
    /// The source URL, overriding the document.
    #[arg(long, value_name = "URL")]
    source: Option<String>,
    /// Leave the claims' own words out of the claim set.
    #[arg(long)]
    no_text: bool,
    /// A series' topics.toml whose rules give headless claims and figures their keys.
    #[arg(long, value_name = "FILE")]
    topics: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ClaimSetFormat {
    Toml,
    Json,
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    let date = match &args.date {
        Some(d) => {
            Some(parse_date(d).ok_or_else(|| factdiff::Error::BadDate { value: d.clone() })?)
        }
        None => None,
    };
    let rules = match &args.topics {
        Some(p) => TopicRules::load(p)?,
        None => TopicRules::default(),
    };
    let options = ExtractOptions {
        date,
        title: args.title,
        source: args.source,
        keep_text: !args.no_text,
        rules,
        max_input_bytes: ctx.max_input_bytes,
        digest: None,
    };
    let set = extract_file(&args.file, &options)?;
    // Written as it is made: the text of a large claim set is ten times its pull.
    write_stdout(|out| match args.format {
        ClaimSetFormat::Toml => set.write_toml(out),
        ClaimSetFormat::Json => set.write_json(out),
    })?;
    Ok(Exit::Success)
}
