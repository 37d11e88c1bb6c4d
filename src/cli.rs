//! The command line: the workspace's operations without a window.
//!
//! `scrollstop` with no subcommand opens the window; each subcommand runs headless, prints to
//! stdout, and reports errors on stderr with a sentence that says what to do and a non-zero
//! exit code. Commands call the [`Workspace`] facade only. The commands and their options are
//! in `cli/args.rs`, the printed reports in `cli/print.rs`.

mod args;
mod draft;
mod dry_run;
mod plan;
mod print;
mod reach;
mod team;

use std::io::Write;

use anyhow::{Context, bail};

use crate::domain::{Account, Handle};
use crate::text::plural;
use crate::workspace::{ImportOptions, MappingError, Silent, Workspace, parse_map_arg};

pub use args::{Cli, Command};
use print::{ListedVideo, print_checked, print_import, print_info};

/// Runs a headless command, writing its output to `out`.
pub fn run(cli: &Cli, command: &Command, out: &mut dyn Write) -> anyhow::Result<()> {
    match command {
        Command::Info { json } => {
            let workspace = Workspace::open_for_reading(&cli.workspace_path()?)?;
            let info = workspace.info()?;
            if *json {
                serde_json::to_writer_pretty(&mut *out, &info)?;
                writeln!(out)?;
            } else {
                print_info(&info, out)?;
            }
        }
        Command::Check { account, json } => {
            let workspace = Workspace::open_for_reading(&cli.workspace_path()?)?;
            let now = chrono::Utc::now();
            let mut all = Vec::new();
            for acc in accounts(&workspace, account.as_deref())? {
                let checked = workspace.check_drafts(acc.id, now)?;
                if !*json {
                    print_checked(&acc, &checked, out)?;
                }
                all.extend(checked);
            }
            if *json {
                serde_json::to_writer_pretty(&mut *out, &all)?;
                writeln!(out)?;
            }
        }
        Command::Import {
            account,
            map,
            export_date,
            skip_bad_rows,
            dry_run,
            json,
            paths,
        } => {
            let mapping = map
                .iter()
                .map(|m| {
                    parse_map_arg(m).map_err(|e| match e {
                        // Its message names the argument already.
                        MappingError::NoColumn(_) => anyhow::anyhow!("{e}"),
                        _ => anyhow::anyhow!("--map {m}: {e}"),
                    })
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            let account = account.as_deref().map(account_arg).transpose()?;
            let path = cli.workspace_path()?;
            let options = ImportOptions {
                account_must_match: account.is_some(),
                account,
                export_date: *export_date,
                mapping,
                skip_bad_rows: *skip_bad_rows,
                ..ImportOptions::default()
            };
            // Without --dry-run no preview is shown first: read and commit in one pass.
            let report = if *dry_run {
                dry_run::preview_import(&path, paths, options, *json, out)?
            } else {
                Workspace::open(&path)?.import_now(paths, options, &Silent)?
            };
            if *json {
                serde_json::to_writer_pretty(&mut *out, &report)?;
                writeln!(out)?;
            } else {
                print_import(&report, *dry_run, out)?;
            }
            if report.has_problems() && !report.committed {
                // A file naming no account has one rejection for all its rows: count rows.
                let rows = report
                    .files
                    .iter()
                    .map(|f| f.changes.rejected)
                    .sum::<usize>()
                    .max(report.rejected.len());
                let files = report.errors.len();
                if rows == 0 {
                    bail!(
                        "nothing was written: {} refused (listed above). Fix or replace {}.",
                        plural(files, "file was", "files were"),
                        if files == 1 { "it" } else { "them" }
                    );
                }
                let refused = if files == 0 {
                    String::new()
                } else {
                    format!(" and {}", plural(files, "file", "files"))
                };
                bail!(
                    "nothing was written: {}{refused} rejected (listed above). Fix them, or pass --skip-bad-rows to import the rest.",
                    plural(rows, "row was", "rows were")
                );
            }
        }
        Command::Videos { account, json: _ } => {
            let workspace = Workspace::open_for_reading(&cli.workspace_path()?)?;
            let mut listed = Vec::new();
            for acc in accounts(&workspace, account.as_deref())? {
                for v in workspace.videos(acc.id)? {
                    listed.push(ListedVideo::new(&acc, v));
                }
            }
            serde_json::to_writer_pretty(&mut *out, &listed)?;
            writeln!(out)?;
        }
        Command::Predict {
            draft,
            at,
            above,
            json,
        } => {
            let workspace = Workspace::open_for_reading(&cli.workspace_path()?)?;
            reach::predict(&workspace, *draft, *at, *above, *json, out)?;
        }
        Command::Backtest {
            account,
            min_history,
            json,
        } => {
            let workspace = Workspace::open_for_reading(&cli.workspace_path()?)?;
            let chosen = accounts(&workspace, account.as_deref())?;
            reach::backtest(&workspace, &chosen, *min_history, *json, out)?;
        }
        Command::Plan {
            account,
            from,
            to,
            per_day,
            dry_run,
            json,
        } => {
            let mut workspace = Workspace::open_existing(&cli.workspace_path()?)?;
            let accounts = accounts(&workspace, account.as_deref())?;
            let args = plan::PlanArgs {
                from: *from,
                to: *to,
                per_day: *per_day,
                dry_run: *dry_run,
                json: *json,
                accounts: &accounts,
            };
            plan::plan(&mut workspace, &args, out)?;
        }
        Command::Export {
            account,
            format,
            from,
            to,
            output,
        } => {
            let workspace = Workspace::open_for_reading(&cli.workspace_path()?)?;
            let accounts = accounts(&workspace, account.as_deref())?;
            let args = plan::ExportArgs {
                format: *format,
                from: *from,
                to: *to,
                output,
                accounts: &accounts,
            };
            plan::export(&workspace, &args, out)?;
        }
        Command::Draft(command) => {
            let path = cli.workspace_path()?;
            let mut workspace = match command {
                draft::DraftCommand::List { .. } | draft::DraftCommand::Show { .. } => {
                    Workspace::open_for_reading(&path)?
                }
                _ => Workspace::open_existing(&path)?,
            };
            let author = cli.author(&workspace);
            draft::run(&mut workspace, command, &author, out)?;
        }
        Command::Team(command) => {
            let path = cli.workspace_path()?;
            team::run(&path, |ws| cli.author(ws), command, out)?;
        }
        Command::Sync { watch, json } => {
            team::sync(&cli.workspace_path()?, *watch, *json, out)?;
        }
        Command::Undo | Command::Redo => {
            let mut workspace = Workspace::open_existing(&cli.workspace_path()?)?;
            let author = cli.author(&workspace);
            let undo = matches!(command, Command::Undo);
            let done = if undo {
                workspace.undo(&author)?
            } else {
                workspace.redo(&author)?
            };
            match done {
                Some(done) => writeln!(out, "{}.", done.summary)?,
                None if undo => writeln!(out, "Nothing of {author}'s to undo.")?,
                None => writeln!(out, "Nothing of {author}'s to redo.")?,
            }
        }
        Command::History { draft, limit, json } => {
            let workspace = Workspace::open_for_reading(&cli.workspace_path()?)?;
            let history = match draft {
                Some(id) => {
                    let id = draft::draft_id(&workspace, id)?;
                    workspace.draft_history(id)?
                }
                None => workspace.recent_history(*limit)?,
            };
            if *json {
                serde_json::to_writer_pretty(&mut *out, &history)?;
                writeln!(out)?;
            } else {
                draft::print_history(&history, out)?;
            }
        }
        Command::Demo { seed } => {
            let Some(path) = &cli.workspace else {
                bail!(
                    "scrollstop demo needs --workspace PATH: choose a new file for the demo, e.g. `scrollstop demo --workspace demo.sqlite`."
                );
            };
            let info = Workspace::create_demo_at(path, *seed, &Silent).with_context(|| {
                format!("could not create the demo workspace in {}", path.display())
            })?;
            writeln!(out, "Created the demo workspace (seed {seed}).")?;
            print_info(&info, out)?;
        }
    }
    Ok(())
}

/// True when `error` is a write to a pipe whose reader has gone (`scrollstop check | head`):
/// the command stops there, and that is no failure to report.
pub fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let io = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        io == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// The accounts a command works on: the one named, or all of them.
fn accounts(workspace: &Workspace, handle: Option<&str>) -> anyhow::Result<Vec<Account>> {
    let all = workspace.accounts()?;
    let Some(handle) = handle else {
        return Ok(all);
    };
    let wanted = account_arg(handle)?;
    match all.iter().find(|a| a.handle == wanted) {
        Some(a) => Ok(vec![a.clone()]),
        None => {
            let known: Vec<String> = all.iter().map(Account::at_handle).collect();
            bail!(
                "there is no account {wanted} in this workspace. Accounts: {}.",
                if known.is_empty() {
                    "none yet".to_string()
                } else {
                    known.join(", ")
                }
            )
        }
    }
}

/// `--account HANDLE`, checked before anything is opened or created.
fn account_arg(text: &str) -> anyhow::Result<Handle> {
    Handle::parse(text).map_err(|e| anyhow::anyhow!("--account: {e}"))
}
