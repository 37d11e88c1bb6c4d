//! `scrollstop team ...` and `scrollstop sync`: share a workspace with a team on a PostgreSQL
//! server, join one, manage its members, and push and pull edits. Every command prints what it
//! did (`--json` for scripts). Passwords come from `PGPASSWORD` or `~/.pgpass`, never from the
//! URL or the workspace.

use std::io::{BufRead, Write};
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::Subcommand;
use serde::Serialize;

use crate::workspace::team::{Role, ServerAddress, SyncReport, TeamServer};
use crate::workspace::{Workspace, WorkspaceError};

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
    match command {
        TeamCommand::Create { server, name, json } => {
            let mut workspace = Workspace::open_existing(workspace_path)?;
            if let Some((address, team)) = workspace.team()? {
                bail!(
                    "this workspace already syncs with the team \"{team}\" at {}; `scrollstop sync` pushes and pulls its edits",
                    address.url()
                );
            }
            let address = ServerAddress::parse(server)?;
            let mut session = TeamServer::connect(&address)?;
            warn(&session, out)?;
            let name = name.clone().unwrap_or_else(|| {
                workspace_path
                    .file_stem()
                    .map_or("team".into(), |s| s.to_string_lossy().into_owned())
            });
            let login = session.login().to_string();
            let created = session.create_team(&name, &login)?;
            let queued = workspace.publish(&author(&workspace))?;
            workspace.set_team(&address, &created.team.name)?;
            let report = workspace.sync_with(&mut session)?;
            #[derive(Serialize)]
            struct Created<'a> {
                team: &'a str,
                server: String,
                created: bool,
                published: usize,
                sync: &'a SyncReport,
            }
            let shown = Created {
                team: &created.team.name,
                server: address.url(),
                created: created.created,
                published: queued,
                sync: &report,
            };
            if *json {
                print_json(&shown, out)?;
            } else {
                writeln!(
                    out,
                    "{} the team \"{}\" at {}; you ({login}) are its owner.",
                    if created.created {
                        "Created"
                    } else {
                        "Joined the existing"
                    },
                    created.team.name,
                    address.url()
                )?;
                writeln!(out, "Shared the workspace: {queued} changes.")?;
                print_report(&report, out)?;
            }
        }
        TeamCommand::Join { server, json } => {
            let address = ServerAddress::parse(server)?;
            let mut session = TeamServer::connect(&address)?;
            warn(&session, out)?;
            let team = session.team()?;
            let mut workspace = Workspace::create_for_team(workspace_path)?;
            workspace.set_team(&address, &team.name)?;
            let report = match workspace.sync_with(&mut session) {
                Ok(report) => report,
                Err(e) => {
                    drop(workspace);
                    remove_half_joined(workspace_path);
                    return Err(e.into());
                }
            };
            let counts = workspace.counts()?;
            if *json {
                #[derive(Serialize)]
                struct Joined<'a> {
                    team: &'a str,
                    workspace: &'a Path,
                    sync: &'a SyncReport,
                    counts: crate::workspace::TableCounts,
                }
                print_json(
                    &Joined {
                        team: &team.name,
                        workspace: workspace_path,
                        sync: &report,
                        counts,
                    },
                    out,
                )?;
            } else {
                writeln!(
                    out,
                    "Joined the team \"{}\" in {}: {} accounts, {} drafts, {} plan entries.",
                    team.name,
                    workspace_path.display(),
                    counts.accounts,
                    counts.drafts,
                    counts.plan_entries
                )?;
                print_report(&report, out)?;
            }
        }
        TeamCommand::Members { json } => {
            let (_, mut session) = connect_team(workspace_path)?;
            let members = session.members()?;
            if *json {
                print_json(&members, out)?;
            } else {
                for m in &members {
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
            let (workspace, mut session) = connect_team(workspace_path)?;
            let limited = if accounts.is_empty() {
                None
            } else {
                let mut uuids = Vec::new();
                for handle in accounts {
                    let account = super::accounts(&workspace, Some(handle))?.remove(0);
                    uuids.push(
                        workspace
                            .account_uuid(account.id)?
                            .context("the account has no UUID")?,
                    );
                }
                Some(uuids)
            };
            let password = if *password_stdin {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line)?;
                Some(line.trim_end_matches(['\r', '\n']).to_string())
            } else {
                None
            };
            let added = session.add_member(login, role, limited.as_deref(), password.as_deref())?;
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
            let (_, mut session) = connect_team(workspace_path)?;
            let removed = session.remove_member(login)?;
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
            let (_, mut session) = connect_team(workspace_path)?;
            let left = session.leave()?;
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
        warn(&session, out)?;
        let report = workspace.sync_with(&mut session)?;
        return if json {
            print_json(&report, out)
        } else {
            print_report(&report, out)
        };
    }
    let mut failure = None;
    workspace.sync_watching(&address, WATCH_EVERY, |done| {
        let printed = match done {
            Ok(report) if json => print_json(report, out),
            Ok(report) => print_report(report, out),
            Err(e) => writeln!(out, "Offline: {e} (trying again)").map_err(Into::into),
        };
        match printed {
            Ok(()) => true,
            Err(e) => {
                failure = Some(e);
                false
            }
        }
    })?;
    match failure {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The workspace and a session with its team.
fn connect_team(workspace_path: &Path) -> anyhow::Result<(Workspace, TeamServer)> {
    let workspace = Workspace::open_existing(workspace_path)?;
    let (address, _) = workspace.team()?.context(
        "this workspace is not in a team: `scrollstop team create --server URL` shares it first",
    )?;
    let session = TeamServer::connect(&address).map_err(WorkspaceError::from)?;
    Ok((workspace, session))
}

/// A workspace file a failed join made is removed again.
fn remove_half_joined(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(std::path::PathBuf::from(name));
    }
}

fn warn(session: &TeamServer, out: &mut dyn Write) -> std::io::Result<()> {
    for warning in session.warnings() {
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
