//! The command line: the workspace's operations without a window.
//!
//! `scrollstop` with no subcommand opens the window; each subcommand runs headless, prints to
//! stdout, and reports errors on stderr with a sentence that says what to do and a non-zero
//! exit code. Commands call the [`Workspace`] facade only.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::checks::tally;
use crate::domain::Account;
use crate::workspace::{CheckedDraft, DEFAULT_DEMO_SEED, Silent, Workspace, WorkspaceInfo};

/// Scrollstop: plan TikTok posts, check drafts against what the For You feed rewards, predict
/// their reach, schedule and export the plan.
#[derive(Debug, Parser)]
#[command(name = "scrollstop", version, about)]
pub struct Cli {
    /// The workspace file (default: scrollstop.sqlite in your data directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub workspace: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the workspace's path, schema version and how many rows each table holds.
    Info {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Check every draft against the seed's rules and list the findings.
    Check {
        /// Only this account (handle, with or without @).
        #[arg(long, value_name = "HANDLE")]
        account: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Fill a new, empty workspace with realistic demo data (two accounts, drafts, trends,
    /// 120 days of analytics).
    Demo {
        /// The random seed; the same seed always gives the same workspace.
        #[arg(long, default_value_t = DEFAULT_DEMO_SEED)]
        seed: u64,
    },
}

impl Cli {
    /// The workspace path: `--workspace`, else the default in the OS data directory.
    pub fn workspace_path(&self) -> anyhow::Result<PathBuf> {
        match &self.workspace {
            Some(path) => Ok(path.clone()),
            None => Ok(Workspace::default_path()?),
        }
    }
}

/// Runs a headless command, writing its output to `out`.
pub fn run(cli: &Cli, command: &Command, out: &mut dyn Write) -> anyhow::Result<()> {
    match command {
        Command::Info { json } => {
            let workspace = Workspace::open(&cli.workspace_path()?)?;
            let info = workspace.info()?;
            if *json {
                serde_json::to_writer_pretty(&mut *out, &info)?;
                writeln!(out)?;
            } else {
                print_info(&info, out)?;
            }
        }
        Command::Check { account, json } => {
            let workspace = Workspace::open(&cli.workspace_path()?)?;
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
        Command::Demo { seed } => {
            let Some(path) = &cli.workspace else {
                bail!(
                    "scrollstop demo needs --workspace PATH: choose a new file for the demo, e.g. `scrollstop demo --workspace demo.sqlite`."
                );
            };
            let mut workspace = Workspace::open(path)?;
            let info = workspace.create_demo(*seed, &Silent).with_context(|| {
                format!("could not create the demo workspace in {}", path.display())
            })?;
            writeln!(out, "Created the demo workspace (seed {seed}).")?;
            print_info(&info, out)?;
        }
    }
    Ok(())
}

/// The accounts a command works on: the one named, or all of them.
fn accounts(workspace: &Workspace, handle: Option<&str>) -> anyhow::Result<Vec<Account>> {
    let all = workspace.store().accounts()?;
    let Some(handle) = handle else {
        return Ok(all);
    };
    let wanted = handle.trim().trim_start_matches('@');
    match all.iter().find(|a| a.handle.eq_ignore_ascii_case(wanted)) {
        Some(a) => Ok(vec![a.clone()]),
        None => {
            let known: Vec<String> = all.iter().map(Account::at_handle).collect();
            bail!(
                "there is no account @{wanted} in this workspace. Accounts: {}.",
                if known.is_empty() { "none yet".to_string() } else { known.join(", ") }
            )
        }
    }
}

fn print_checked(account: &Account, checked: &[CheckedDraft], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{} ({} drafts)", account.at_handle(), checked.len())?;
    for d in checked {
        let (e, w, t) = tally(&d.findings);
        let title = if d.title.is_empty() { "(untitled)" } else { d.title.as_str() };
        writeln!(
            out,
            "  #{} {title}: {}, {}, {}",
            d.draft_id,
            plural(e, "error"),
            plural(w, "warning"),
            plural(t, "tip")
        )?;
        for f in &d.findings {
            writeln!(out, "    {:<8} {:<24} {}", f.severity.label(), f.rule, f.message)?;
        }
    }
    Ok(())
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

fn print_info(info: &WorkspaceInfo, out: &mut dyn Write) -> std::io::Result<()> {
    let c = &info.counts;
    writeln!(out, "Workspace       {}", info.path.display())?;
    writeln!(out, "Schema version  {}", info.schema_version)?;
    let rows: [(&str, u64); 14] = [
        ("Accounts", c.accounts),
        ("Subcultures", c.subcultures),
        ("Drafts", c.drafts),
        ("Draft comments", c.draft_comments),
        ("Trend items", c.trend_items),
        ("Trend captures", c.trend_captures),
        ("Videos", c.videos),
        ("Snapshots", c.video_snapshots),
        ("Daily metrics", c.daily_metrics),
        ("Activity hours", c.follower_activity),
        ("Audience shares", c.audience_shares),
        ("Plan entries", c.plan_entries),
        ("Imports", c.import_log),
        ("Settings", c.settings),
    ];
    for (name, n) in rows {
        writeln!(out, "{name:<16}{n}")?;
    }
    Ok(())
}
