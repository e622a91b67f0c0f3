//! `factdiff series`: the series in the store (title, editions, date range), and regrouping
//! them: `rename`, `merge`, `split`, and `suggest` (series that look like one).

use super::{open_index, write_stdout, CliResult, Context, Exit};
use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};
use factdiff::regroup;

/// List the series in the store, or regroup them.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Listing: each series' name, edition count, first and last date and latest title, most editions\n\
first. --format tsv prints the columns series, editions, first, last, title, labels (tab-separated,\n\
no header; labels space-separated); --format json an array of objects with those fields.\n\n\
Regrouping is atomic and survives a kill: a journal (.factdiff-regroup.json) is written first and the\n\
next command that opens the store finishes the job. Pins in series.toml follow a rename or a merge.\n\n\
Examples:\n  factdiff series\n  factdiff series --multi --format tsv\n  factdiff series suggest\n  factdiff series merge quad-summit quad-leaders-summit\n  factdiff series rename vice-president-harris-announces-public-private-partnership-has call-to-action-central-america\n  factdiff series split quad-leaders-summit --at 2024-01-01 quad-2024\n  factdiff series split quad-leaders-summit --before 2021-09-24 quad-summit    (undoes the merge above)"
)]
pub struct Args {
    #[command(subcommand)]
    action: Option<Action>,
    /// Only series with two or more editions.
    #[arg(long)]
    multi: bool,
    /// Output format of the listing.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    Text,
    Tsv,
    Json,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// Rename a series (its folder and the pins that name it).
    Rename {
        /// The series' name now.
        old: String,
        /// Its new name.
        new: String,
    },
    /// Move every edition of FROM into INTO (dates kept; a date INTO holds becomes a revision).
    Merge {
        /// The series that goes.
        from: String,
        /// The series that takes its editions.
        into: String,
    },
    /// Move the editions of SERIES dated --at DATE or later (or --before DATE) into a new
    /// series NEW.
    Split {
        /// The series to split.
        series: String,
        /// The first date that moves: editions dated on or after it go to NEW.
        #[arg(
            long,
            value_name = "DATE",
            required_unless_present = "before",
            conflicts_with = "before"
        )]
        at: Option<String>,
        /// Editions dated before this date go to NEW (undoes a merge of an older series).
        #[arg(long, value_name = "DATE")]
        before: Option<String>,
        /// The new series' name.
        new: String,
    },
    /// List series that look like one sheet (title words, shared running figures), to merge.
    Suggest {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

pub fn run(ctx: &Context, args: Args) -> CliResult {
    match args.action {
        None => list(ctx, args.multi, args.format),
        Some(Action::Rename { old, new }) => {
            let done = regroup::rename(&ctx.store, &old, &new)?;
            report(ctx, &done)
        }
        Some(Action::Merge { from, into }) => {
            let done = regroup::merge(&ctx.store, &from, &into)?;
            report(ctx, &done)
        }
        Some(Action::Split {
            series,
            at,
            before,
            new,
        }) => {
            let date = |v: &str| {
                NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| factdiff::Error::BadDate {
                    value: v.to_string(),
                })
            };
            let at = match (at, before) {
                (Some(a), _) => regroup::SplitAt::From(date(&a)?),
                (None, Some(b)) => regroup::SplitAt::Before(date(&b)?),
                (None, None) => unreachable!("clap requires --at or --before"),
            };
            let done = regroup::split(&ctx.store, &series, at, &new)?;
            report(ctx, &done)
        }
        Some(Action::Suggest { format }) => suggest(ctx, format),
    }
}

/// One line a terminal shows as it is: the one terminal sanitiser (escape sequences dropped
/// whole, other controls U+FFFD, direction overrides dropped), and no line break or tab.
fn plain(text: &str) -> String {
    factdiff::render::terminal_safe(text).replace(['\n', '\t'], " ")
}

/// A TSV cell: no tab or line break inside.
fn cell(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn list(ctx: &Context, multi: bool, format: ListFormat) -> CliResult {
    let mut index = open_index(ctx)?;
    if !ctx.store.root().is_dir() {
        return Err(factdiff::Error::NoStore {
            root: ctx.store.root().to_path_buf(),
        }
        .into());
    }
    // The listing checks every folder: it is the one command that shows them all.
    index.ensure_all(&ctx.store)?;
    let mut rows: Vec<(factdiff::index::SeriesSummary, Vec<String>)> = index
        .summaries()
        .into_iter()
        .filter(|s| !multi || s.editions >= 2)
        .map(|s| {
            let labels = index
                .editions(&ctx.store, &s.series)
                .iter()
                .map(|(e, _)| e.label())
                .collect();
            (s, labels)
        })
        .collect();
    rows.sort_by(|a, b| {
        b.0.editions
            .cmp(&a.0.editions)
            .then_with(|| a.0.series.cmp(&b.0.series))
    });
    write_stdout(|out| {
        match format {
            ListFormat::Json => {
                let list: Vec<serde_json::Value> = rows
                    .iter()
                    .map(|(s, labels)| {
                        serde_json::json!({
                            "series": s.series,
                            "title": s.title,
                            "editions": s.editions,
                            "first": s.first.to_string(),
                            "last": s.last.to_string(),
                            "labels": labels,
                        })
                    })
                    .collect();
                serde_json::to_writer_pretty(&mut *out, &list).map_err(std::io::Error::other)?;
                writeln!(out)?;
            }
            ListFormat::Tsv => {
                for (s, labels) in &rows {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        s.series,
                        s.editions,
                        s.first,
                        s.last,
                        cell(&s.title),
                        labels.join(" ")
                    )?;
                }
            }
            ListFormat::Text => {
                let width = rows
                    .iter()
                    .map(|(s, _)| s.series.chars().count())
                    .max()
                    .unwrap_or(6)
                    .clamp(6, 48);
                for (s, _) in &rows {
                    let range = if s.first == s.last {
                        format!("{:<23}", s.first)
                    } else {
                        format!("{} … {}", s.first, s.last)
                    };
                    writeln!(
                        out,
                        "{:<width$}  {:>3}  {}  {}",
                        plain(&s.series),
                        s.editions,
                        range,
                        plain(&short(&s.title, 90)),
                    )?;
                }
                if !ctx.quiet {
                    let multi = rows.iter().filter(|r| r.0.editions >= 2).count();
                    writeln!(
                        out,
                        "{} series, {multi} with two or more editions",
                        rows.len()
                    )?;
                }
            }
        }
        Ok(())
    })?;
    Ok(Exit::Success)
}

fn report(ctx: &Context, done: &regroup::Regrouped) -> CliResult {
    if ctx.quiet {
        return Ok(Exit::Success);
    }
    let plan = &done.plan;
    write_stdout(|out| {
        match plan.action.as_str() {
            "rename" => writeln!(
                out,
                "renamed {} → {} ({} edition(s))",
                plan.from, plan.into, done.editions
            )?,
            "merge" => writeln!(
                out,
                "merged {} into {} ({} edition(s) moved)",
                plan.from, plan.into, done.editions
            )?,
            _ => writeln!(
                out,
                "split {} ({} edition(s) moved to {})",
                plan.from, done.editions, plan.into
            )?,
        }
        for (old, new) in &done.renumbered {
            writeln!(out, "  {old} → {new} (same date: now a revision)")?;
        }
        if plan.series_toml.is_some() {
            writeln!(out, "  series.toml pins updated")?;
        }
        Ok(())
    })?;
    Ok(Exit::Success)
}

fn suggest(ctx: &Context, format: ListFormat) -> CliResult {
    let mut index = open_index(ctx)?;
    if !ctx.store.root().is_dir() {
        return Err(factdiff::Error::NoStore {
            root: ctx.store.root().to_path_buf(),
        }
        .into());
    }
    index.ensure_all(&ctx.store)?;
    let groups = factdiff::suggest::suggest(&ctx.store, &index)?;
    write_stdout(|out| {
        match format {
            ListFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, &groups).map_err(std::io::Error::other)?;
                writeln!(out)?;
            }
            ListFormat::Tsv => {
                for (i, g) in groups.iter().enumerate() {
                    for m in &g.series {
                        writeln!(
                            out,
                            "{}\t{:.2}\t{}\t{}\t{}",
                            i + 1,
                            g.score,
                            m.series,
                            m.editions,
                            cell(&m.title)
                        )?;
                    }
                }
            }
            ListFormat::Text => {
                for (i, g) in groups.iter().enumerate() {
                    writeln!(
                        out,
                        "group {} (score {:.2}): {}",
                        i + 1,
                        g.score,
                        plain(&g.why)
                    )?;
                    for m in &g.series {
                        writeln!(
                            out,
                            "  {}  ({}, {} … {})  {}",
                            plain(&m.series),
                            m.editions,
                            m.first,
                            m.last,
                            plain(&short(&m.title, 90))
                        )?;
                    }
                    if let Some(into) = g.series.first() {
                        for m in &g.series[1..] {
                            writeln!(
                                out,
                                "  → factdiff series merge {} {}",
                                m.series, into.series
                            )?;
                        }
                    }
                }
                if !ctx.quiet {
                    writeln!(
                        out,
                        "{} group(s) to review; nothing is merged until you run `factdiff series merge`",
                        groups.len()
                    )?;
                }
            }
        }
        Ok(())
    })?;
    Ok(Exit::Success)
}
