//! `factdiff man`: the roff man page, generated from the command-line definitions.

use super::{write_stdout, Cli, CliResult, Context, Exit};
use clap::CommandFactory;
use std::io::Write;

/// Print the man page (roff) for factdiff and its subcommands.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "The page covers the global options and every subcommand, from the same definitions as --help.\n\nExamples:\n  factdiff man | man -l -\n  factdiff man > ~/.local/share/man/man1/factdiff.1"
)]
pub struct Args {}

pub fn run(_ctx: &Context, _args: Args) -> CliResult {
    let page = page()?;
    write_stdout(|out| out.write_all(&page))?;
    Ok(Exit::Success)
}

/// factdiff(1): the main page, then one section per subcommand with its options and examples.
fn page() -> std::io::Result<Vec<u8>> {
    let cmd = Cli::command();
    let mut buf = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    man.render_options_section(&mut buf)?;
    man.render_subcommands_section(&mut buf)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        write_subcommand(&mut buf, sub)?;
    }
    man.render_extra_section(&mut buf)?;
    man.render_version_section(&mut buf)?;
    Ok(buf)
}

/// One subcommand as a `.SH` section: usage, about, its own arguments, after-help text.
fn write_subcommand(buf: &mut Vec<u8>, sub: &clap::Command) -> std::io::Result<()> {
    let name = sub.get_name();
    writeln!(buf, ".SH \"FACTDIFF {}\"", name.to_uppercase())?;
    let mut sub = sub.clone().bin_name(format!("factdiff {name}"));
    let usage = sub.render_usage().to_string();
    let usage = usage.trim_start_matches("Usage: ");
    writeln!(buf, ".B {}", roff_escape(usage))?;
    if let Some(about) = sub.get_about() {
        writeln!(buf, ".PP\n{}", roff_escape(&about.to_string()))?;
    }
    for arg in sub
        .get_arguments()
        .filter(|a| !a.is_global_set() && !a.is_hide_set())
    {
        let id = arg.get_id().as_str();
        if id == "help" || id == "version" {
            continue;
        }
        let head = match (arg.get_long(), arg.get_short()) {
            (Some(l), Some(s)) => format!("\\-{s}, \\-\\-{l}"),
            (Some(l), None) => format!("\\-\\-{}", roff_escape(l)),
            (None, Some(s)) => format!("\\-{s}"),
            (None, None) => {
                let names = arg
                    .get_value_names()
                    .map(|v| {
                        v.iter()
                            .map(|s| s.to_string())
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .unwrap_or_else(|| id.to_uppercase());
                roff_escape(&names)
            }
        };
        let takes_value = arg.get_action().takes_values();
        let head = match (
            takes_value,
            arg.get_long().is_some() || arg.get_short().is_some(),
        ) {
            (true, true) => {
                let names = arg
                    .get_value_names()
                    .map(|v| {
                        v.iter()
                            .map(|s| s.to_string())
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .unwrap_or_else(|| id.to_uppercase());
                format!("{head} \\fI<{}>\\fR", roff_escape(&names))
            }
            _ => head,
        };
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        writeln!(buf, ".TP\n\\fB{head}\\fR")?;
        let mut help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            help.push_str(&format!(" [default: {}]", defaults.join(", ")));
        }
        if !values.is_empty() && arg.get_long().is_some() {
            help.push_str(&format!(" [possible values: {}]", values.join(", ")));
        }
        writeln!(buf, "{}", roff_escape(&help))?;
    }
    if let Some(after) = sub.get_after_help() {
        writeln!(buf, ".PP\n.nf")?;
        for line in after.to_string().lines() {
            writeln!(buf, "{}", roff_escape(line))?;
        }
        writeln!(buf, ".fi")?;
    }
    Ok(())
}

/// Escapes text for roff: backslashes, leading dots and quotes, and hyphens.
fn roff_escape(s: &str) -> String {
    let mut out = s.replace('\\', "\\e").replace('-', "\\-");
    if out.starts_with('.') || out.starts_with('\'') {
        out.insert_str(0, "\\&");
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn page_names_every_subcommand() {
        let page = String::from_utf8(super::page().unwrap()).unwrap();
        assert!(
            page.starts_with(".ie") || page.contains(".TH factdiff"),
            "{page}"
        );
        for sub in [
            "extract",
            "add",
            "check",
            "diff",
            "history",
            "series",
            "completions",
            "man",
        ] {
            assert!(
                page.contains(&format!(".SH \"FACTDIFF {}\"", sub.to_uppercase())),
                "{sub}"
            );
        }
    }
}
