//! Starts Scrollstop: no subcommand opens the window; a subcommand runs headless.

use std::process::ExitCode;

use clap::Parser;
use scrollstop::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(command) => cli::run(&cli, command, &mut std::io::stdout().lock()),
        None => cli.workspace_path().and_then(|path| {
            scrollstop::ui::run(path).map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `scrollstop check | head`: the reader has what it wanted; nothing went wrong.
        Err(error) if cli::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("scrollstop: {error:#}");
            ExitCode::FAILURE
        }
    }
}
