//! The command line: the workspace's operations without a window.
//!
//! `scrollstop` with no subcommand opens the window; each subcommand runs headless, prints to
//! stdout, and reports errors on stderr with a sentence that says what to do and a non-zero
//! exit code. Commands call the [`Workspace`] facade only.

mod draft;
mod dry_run;
mod plan;
mod reach;

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::checks::tally;
use crate::domain::{Account, Handle};
use serde::Serialize;

use crate::text::plural;
use crate::workspace::{
    CheckedDraft, DEFAULT_DEMO_SEED, ImportOptions, ImportReport, Silent, Workspace, WorkspaceInfo,
};
use crate::workspace::{MappingError, VideoWithSnapshots, parse_map_arg};

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
    fn author(&self, workspace: &Workspace) -> String {
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

fn print_checked(
    account: &Account,
    checked: &[CheckedDraft],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{} ({})",
        account.at_handle(),
        plural(checked.len(), "draft", "drafts")
    )?;
    for d in checked {
        let (e, w, t) = tally(&d.findings);
        let title = if d.title.is_empty() {
            "(untitled)"
        } else {
            d.title.as_str()
        };
        writeln!(
            out,
            "  #{} {title}: {}, {}, {}",
            d.draft_id,
            plural(e, "error", "errors"),
            plural(w, "warning", "warnings"),
            plural(t, "tip", "tips")
        )?;
        for f in &d.findings {
            writeln!(
                out,
                "    {:<8} {:<24} {}",
                f.severity.label(),
                f.rule,
                f.message
            )?;
        }
    }
    Ok(())
}

fn print_import(report: &ImportReport, dry_run: bool, out: &mut dyn Write) -> std::io::Result<()> {
    for f in &report.files {
        let s = &f.summary;
        let range = match (s.first_date, s.last_date) {
            (Some(a), Some(b)) => format!(", {a} to {b}"),
            _ => String::new(),
        };
        let export = match (&s.export_date, &s.export_date_source) {
            (Some(d), Some(src)) => format!(", export date {d} ({src})"),
            (Some(d), None) => format!(", export date {d}"),
            _ => String::new(),
        };
        writeln!(
            out,
            "{} ({}, {}) -> {}: {}{range}{export}",
            s.file,
            s.kind.label(),
            s.encoding,
            match f.accounts.as_slice() {
                [] => "no account".to_string(),
                accounts => accounts.join(", "),
            },
            f.changes.describe()
        )?;
        for note in &s.notes {
            writeln!(out, "    note: {note}")?;
        }
    }
    for a in &report.new_accounts {
        writeln!(out, "New account {a} (set its time zone in Settings).")?;
    }
    for e in &report.errors {
        writeln!(out, "refused: {e}")?;
    }
    for r in &report.rejected {
        match r.line {
            0 => writeln!(out, "rejected: {}: {}", r.file, r.reason)?,
            line => writeln!(out, "rejected: {} line {line}: {}", r.file, r.reason)?,
        }
    }
    if report.committed {
        writeln!(out, "Imported.")?;
    } else if dry_run {
        writeln!(out, "Dry run: nothing was written.")?;
    } else if !report.has_problems() {
        writeln!(out, "Nothing new to import.")?;
    }
    Ok(())
}

/// One stored video as `scrollstop videos` lists it.
#[derive(Debug, Serialize)]
struct ListedVideo {
    id: String,
    account: String,
    posted_at: String,
    caption: String,
    hashtags: Vec<String>,
    duration_s: Option<f32>,
    sound: Option<String>,
    link: Option<String>,
    snapshots: Vec<ListedSnapshot>,
}

#[derive(Debug, Serialize)]
struct ListedSnapshot {
    captured_at: String,
    views: i64,
    likes: Option<i64>,
    comments: Option<i64>,
    shares: Option<i64>,
    saves: Option<i64>,
}

impl ListedVideo {
    fn new(account: &Account, v: VideoWithSnapshots) -> Self {
        let rfc =
            |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        Self {
            id: v.video.platform_id,
            account: account.at_handle(),
            posted_at: rfc(v.video.posted_at),
            caption: v.video.caption,
            hashtags: v.video.hashtags,
            duration_s: v.video.duration_s,
            sound: v.video.sound,
            link: v.video.link,
            snapshots: v
                .snapshots
                .into_iter()
                .map(|s| ListedSnapshot {
                    captured_at: rfc(s.captured_at),
                    views: s.views,
                    likes: s.likes,
                    comments: s.comments,
                    shares: s.shares,
                    saves: s.saves,
                })
                .collect(),
        }
    }
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
