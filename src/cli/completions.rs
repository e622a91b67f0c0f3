//! `factdiff completions SHELL`: a shell completion script on stdout.

use super::{write_stdout, Cli, CliResult, Context, Exit};
use clap::CommandFactory;
use clap_complete::Shell;

/// Print a shell completion script.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  factdiff completions bash > ~/.local/share/bash-completion/completions/factdiff\n  factdiff completions zsh > ~/.zfunc/_factdiff          (with fpath+=~/.zfunc in .zshrc)\n  factdiff completions fish > ~/.config/fish/completions/factdiff.fish\n  factdiff completions powershell >> $PROFILE"
)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: Shell,
}

pub fn run(_ctx: &Context, args: Args) -> CliResult {
    let mut cmd = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "factdiff", &mut script);
    write_stdout(|out| out.write_all(&script))?;
    Ok(Exit::Success)
}
