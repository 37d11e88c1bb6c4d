//! The commands and options of `scrollstop`, as clap reads them.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::{draft, plan, team};
use crate::workspace::{DEFAULT_DEMO_SEED, Workspace};

/// Scrollstop: plan TikTok posts, check drafts against what the For You feed rewards, predict
/// their reach, schedule and export the plan.
#[derive(Debug, Parser)]
#[command(name = "scrollstop", version, about)]
pub struct Cli {
    /// The workspace file (default: scrollstop.sqlite in your data directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub workspace: Option<PathBuf>,

    /// The name edits are signed with (default: the workspace's member name, else your user
    /// name).
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub author: Option<String>,

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
    /// Import TikTok Studio exports (CSV, XLSX, their ZIPs, folders), "Download your data"
    /// JSON, video-history CSVs and trend lists. Shows what changes; writes nothing when any
    /// row is rejected (unless --skip-bad-rows) or with --dry-run.
    Import {
        /// The account for files that do not name one (handle, with or without @).
        #[arg(long, value_name = "HANDLE")]
        account: Option<String>,
        /// Map a field of a video-history file to a column, e.g. --map views="Total views";
        /// --map sound=- leaves a field unread.
        #[arg(long = "map", value_name = "FIELD=COLUMN")]
        map: Vec<String>,
        /// The export date (YYYY-MM-DD) for yearless dates when no file states it.
        #[arg(long, value_name = "DATE")]
        export_date: Option<chrono::NaiveDate>,
        /// Write the rows that could be read even when others were rejected.
        #[arg(long)]
        skip_bad_rows: bool,
        /// Show what would change; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Files and folders to import.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List the stored videos with every count snapshot (JSON).
    Videos {
        /// Only this account (handle, with or without @).
        #[arg(long, value_name = "HANDLE")]
        account: Option<String>,
        /// Print JSON (the only format; the flag is accepted for clarity).
        #[arg(long)]
        json: bool,
    },
    /// Forecast a draft's reach: P10/P50/P90 views at 1 h, 24 h, 7 days and 30 days,
    /// P(views > X), engagement rates, percentile, confidence and drivers.
    Predict {
        /// The draft's number (as `scrollstop check` lists it).
        #[arg(long, value_name = "ID")]
        draft: i64,
        /// When it is posted (RFC 3339, e.g. 2026-05-12T18:00:00+02:00); default: its plan
        /// entry, else the next full hour.
        #[arg(long, value_name = "RFC3339")]
        at: Option<chrono::DateTime<chrono::FixedOffset>>,
        /// X of P(views > X) (default: the account's typical reach).
        #[arg(long, value_name = "VIEWS")]
        above: Option<f64>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Fill a date range with approved drafts in the slots with the highest predicted reach,
    /// within each account's cadence (re-plans unpinned entries in the range).
    Plan {
        /// Only this account (handle, with or without @).
        #[arg(long, value_name = "HANDLE")]
        account: Option<String>,
        /// First local date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        from: chrono::NaiveDate,
        /// Last local date (YYYY-MM-DD), included.
        #[arg(long, value_name = "DATE")]
        to: chrono::NaiveDate,
        /// Posts a day for this run (TikTok recommends 1-4) instead of the account's cadence.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=24))]
        per_day: Option<u8>,
        /// Show the plan; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Walk-forward backtest of the reach model on the stored videos: each video predicted
    /// from only the ones posted before it, beside the "median of earlier videos" baseline.
    Backtest {
        /// Only this account (handle, with or without @).
        #[arg(long, value_name = "HANDLE")]
        account: Option<String>,
        /// Earlier videos an account needs before its next one is predicted.
        #[arg(long, value_name = "N", default_value_t = crate::model::MIN_HISTORY)]
        min_history: usize,
        /// Print JSON (every predicted video, per account and overall) instead of the summary.
        #[arg(long)]
        json: bool,
    },
    /// Export the planned posts of a date range as an iCalendar or CSV file.
    Export {
        /// Only this account (handle, with or without @).
        #[arg(long, value_name = "HANDLE")]
        account: Option<String>,
        #[arg(long, value_enum)]
        format: plan::FormatArg,
        /// First local date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        from: chrono::NaiveDate,
        /// Last local date (YYYY-MM-DD), included.
        #[arg(long, value_name = "DATE")]
        to: chrono::NaiveDate,
        /// The file to write.
        #[arg(long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Read, add and change drafts (every edit the window makes).
    #[command(subcommand)]
    Draft(draft::DraftCommand),
    /// Share the workspace with a team on a PostgreSQL server, join one, manage members.
    #[command(subcommand)]
    Team(team::TeamCommand),
    /// Push this workspace's edits to its team and pull the team's (--watch: keep syncing).
    Sync {
        /// Keep syncing: whenever a teammate pushes, and every 30 seconds.
        #[arg(long)]
        watch: bool,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Take back your latest edit (from the window or the command line).
    Undo,
    /// Apply again the edit your latest undo took back.
    Redo,
    /// Who changed what and when: the workspace's latest changes, or one draft's.
    History {
        /// Only this draft (its number or UUID).
        #[arg(long, value_name = "ID")]
        draft: Option<String>,
        /// How many changes to show at most.
        #[arg(long, default_value_t = 50)]
        limit: usize,
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
    /// The name this run's edits are signed with: `--as`, else the workspace's member name.
    pub(super) fn author(&self, workspace: &Workspace) -> String {
        self.author
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map_or_else(|| workspace.member_name(), str::to_string)
    }

    /// The workspace path: `--workspace`, else the default in the OS data directory.
    pub fn workspace_path(&self) -> anyhow::Result<PathBuf> {
        match &self.workspace {
            Some(path) => Ok(path.clone()),
            None => Ok(Workspace::default_path()?),
        }
    }
}
