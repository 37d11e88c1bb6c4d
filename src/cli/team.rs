//! `scrollstop team ...` and `scrollstop sync`: share a workspace with a team on a PostgreSQL
//! server, join one, manage its members, and push and pull edits. Every command prints what it
//! did (`--json` for scripts). Passwords come from `PGPASSWORD` or `~/.pgpass`, never from the
//! URL or the workspace.

use std::io::{BufRead, Write};
use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use clap::Subcommand;
use serde::Serialize;

use crate::workspace::Workspace;
use crate::workspace::team::{
    Environment, Joined, Role, Round, ServerAddress, SyncReport, TeamServer, Wake,
};

/// How often `sync --watch` pulls when no teammate's push woke it.
const WATCH_EVERY: Duration = Duration::from_secs(30);

/// What `scrollstop team` does.
#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Share this workspace with a team: create the team's tables on the server (you become
    /// its owner) and push everything the workspace holds.
    Create {
        /// The server: postgres://LOGIN@HOST[:PORT]/DATABASE[?sslmode=...] (no password).
        #[arg(long, value_name = "URL")]
        server: String,
        /// The team's name (default: the workspace file's name).
        #[arg(long)]
        name: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Make a new workspace (--workspace NEW.sqlite) from a team's data.
    Join {
        #[arg(long, value_name = "URL")]
        server: String,
        #[arg(long)]
        json: bool,
    },
    /// List the team's members and their roles.
    Members {
        #[arg(long)]
        json: bool,
    },
    /// Add a member (creating their PostgreSQL login if needed), or change their role.
    Add {
        /// The member's PostgreSQL login.
        login: String,
        /// owner, editor, reviewer or viewer.
        #[arg(long)]
        role: String,
        /// Only these accounts (handles, comma separated); all when left out.
        #[arg(long, value_name = "H,H", value_delimiter = ',')]
        accounts: Vec<String>,
        /// Read a password for a new login from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
        #[arg(long)]
        json: bool,
    },
    /// Remove a member from the team (their login stays on the server).
    Remove {
        login: String,
        #[arg(long)]
        json: bool,
    },
    /// Leave the team yourself (this workspace keeps its data and stops syncing).
    Leave {
        #[arg(long)]
        json: bool,
    },
}

/// Runs a `team` subcommand.
pub fn run(
    workspace_path: &Path,
    author: impl Fn(&Workspace) -> String,
    command: &TeamCommand,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let env = Environment::from_process();
    match command {
        TeamCommand::Create { server, name, json } => {
            let mut workspace = Workspace::open_existing(workspace_path)?;
            let address = ServerAddress::parse(server)?;
            let name = name.clone().unwrap_or_else(|| {
                workspace_path
                    .file_stem()
                    .map_or("team".into(), |s| s.to_string_lossy().into_owned())
            });
            let author = author(&workspace);
            let shared = workspace.share_with_team(&address, &env, &name, &author)?;
            if *json {
                print_json(&shared, out)?;
            } else {
                warn(&shared.warnings, out)?;
                writeln!(
                    out,
                    "{} the team \"{}\" at {}; you ({}) are its owner.",
                    if shared.created {
                        "Created"
                    } else {
                        "Joined the existing"
                    },
                    shared.team,
                    shared.server,
                    shared.login
                )?;
                writeln!(out, "Shared the workspace: {} changes.", shared.published)?;
                print_report(&shared.sync, out)?;
            }
        }
        TeamCommand::Join { server, json } => {
            let address = ServerAddress::parse(server)?;
            let (_, joined) = Workspace::join_team(workspace_path, &address, &env)?;
            if *json {
                #[derive(Serialize)]
                struct Shown<'a> {
                    workspace: &'a Path,
                    #[serde(flatten)]
                    joined: &'a Joined,
                }
                print_json(
                    &Shown {
                        workspace: workspace_path,
                        joined: &joined,
                    },
                    out,
                )?;
            } else {
                warn(&joined.warnings, out)?;
                let counts = &joined.counts;
                writeln!(
                    out,
                    "Joined the team \"{}\" in {}: {} accounts, {} drafts, {} plan entries.",
                    joined.team,
                    workspace_path.display(),
                    counts.accounts,
                    counts.drafts,
                    counts.plan_entries
                )?;
                print_report(&joined.sync, out)?;
            }
        }
        TeamCommand::Members { json } => {
            let mut workspace = Workspace::open_existing(workspace_path)?;
            let membership = workspace.team_members(&env)?;
            if *json {
                print_json(&membership.members, out)?;
            } else {
                for m in &membership.members {
                    let accounts = m
                        .accounts
                        .as_ref()
                        .map_or("every account".to_string(), |a| {
                            format!("{} account(s)", a.len())
                        });
                    writeln!(out, "  {:<20} {:<9} {accounts}", m.login, m.role.as_str())?;
                }
            }
        }
        TeamCommand::Add {
            login,
            role,
            accounts,
            password_stdin,
            json,
        } => {
            let role = Role::parse(role).with_context(|| {
                format!("\"{role}\" is not a role: choose owner, editor, reviewer or viewer")
            })?;
            let mut workspace = Workspace::open_existing(workspace_path)?;
            let mut limited = Vec::new();
            for handle in accounts {
                limited.push(super::accounts(&workspace, Some(handle))?.remove(0).id);
            }
            let password = if *password_stdin {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line)?;
                Some(line.trim_end_matches(['\r', '\n']).to_string())
            } else {
                None
            };
            let added =
                workspace.add_team_member(&env, login, role, &limited, password.as_deref())?;
            if *json {
                #[derive(Serialize)]
                struct Added<'a> {
                    login: &'a str,
                    role: &'a str,
                    created_login: bool,
                    password_set: bool,
                }
                print_json(
                    &Added {
                        login,
                        role: role.as_str(),
                        created_login: added.created_login,
                        password_set: added.password_set,
                    },
                    out,
                )?;
            } else {
                writeln!(
                    out,
                    "{login} is a member as {}{}.",
                    role.as_str(),
                    if added.created_login {
                        " (their login was created)"
                    } else {
                        ""
                    }
                )?;
            }
        }
        TeamCommand::Remove { login, json } => {
            let mut workspace = Workspace::open_existing(workspace_path)?;
            let removed = workspace.remove_team_member(&env, login)?;
            if *json {
                print_json(
                    &serde_json::json!({ "login": login, "removed": removed }),
                    out,
                )?;
            } else if removed {
                writeln!(out, "{login} is no longer a member.")?;
            } else {
                writeln!(out, "{login} was not a member.")?;
            }
        }
        TeamCommand::Leave { json } => {
            let mut workspace = Workspace::open_existing(workspace_path)?;
            let left = workspace.leave_team(&env)?;
            if *json {
                print_json(&serde_json::json!({ "left": left }), out)?;
            } else {
                writeln!(out, "You left the team; this workspace keeps its data.")?;
            }
        }
    }
    Ok(())
}

/// `scrollstop sync [--watch]`.
pub fn sync(
    workspace_path: &Path,
    watch: bool,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut workspace = Workspace::open_existing(workspace_path)?;
    let (address, _) = workspace.team()?.context(
        "this workspace is not in a team: `scrollstop team create --server URL` shares it, `scrollstop team join` makes one from a team",
    )?;
    if !watch {
        let mut session = TeamServer::connect(&address)?;
        warn(session.warnings(), out)?;
        let report = workspace.sync_with(&mut session)?;
        return if json {
            print_json(&report, out)
        } else {
            print_report(&report, out)
        };
    }
    let mut failure = None;
    let heard = |round: Round<'_>| {
        let printed = match round {
            Round::Syncing => Ok(()),
            Round::Synced(report) if json => print_json(report, out),
            Round::Synced(report) => print_report(report, out),
            Round::Failed(e) => writeln!(out, "Offline: {e} (trying again)").map_err(Into::into),
        };
        match printed {
            Ok(()) => true,
            Err(e) => {
                failure = Some(e);
                false
            }
        }
    };
    workspace.sync_watching(
        &address,
        &Environment::from_process(),
        WATCH_EVERY,
        heard,
        || Wake::Wait,
    )?;
    match failure {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn warn(warnings: &[String], out: &mut dyn Write) -> std::io::Result<()> {
    for warning in warnings {
        writeln!(out, "Note: {warning}")?;
    }
    Ok(())
}

fn print_json(value: &impl Serialize, out: &mut dyn Write) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

fn print_report(report: &SyncReport, out: &mut dyn Write) -> anyhow::Result<()> {
    let p = &report.pulled;
    writeln!(
        out,
        "Synced: sent {}, received {} from teammates ({} kept aside as conflicts), up to #{}.",
        report.pushed, p.applied, p.conflicts, report.last_seq
    )?;
    if report.analytics_sent > 0 || p.analytics > 0 {
        writeln!(
            out,
            "  Imported analytics: sent {} rows, received {}.",
            report.analytics_sent, p.analytics
        )?;
    }
    for (op, reason) in &report.refused {
        writeln!(out, "  Refused by the team: {reason} (change {op})")?;
    }
    if p.not_applied > 0 {
        writeln!(
            out,
            "  {} received changes could not be applied here (a newer Scrollstop's, or trend lists); they are kept.",
            p.not_applied
        )?;
    }
    Ok(())
}
