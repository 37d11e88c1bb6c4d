//! `scrollstop plan` and `scrollstop export`: the scheduler and the calendar export without a
//! window.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use crate::domain::Account;
use crate::workspace::{
    ExportFormat, ExportRequest, PlacementChange, PlanReport, PlanRequest, Workspace,
};

/// The export formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// iCalendar (.ics) for Google Calendar, Apple Calendar, Outlook.
    Ics,
    /// CSV with Google Calendar's columns plus Scrollstop's.
    Csv,
}

/// The plan command's options.
pub struct PlanArgs<'a> {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub per_day: Option<u8>,
    pub dry_run: bool,
    pub json: bool,
    pub accounts: &'a [Account],
}

pub fn plan(
    workspace: &mut Workspace,
    args: &PlanArgs<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let requests: Vec<PlanRequest> = args
        .accounts
        .iter()
        .map(|account| PlanRequest {
            account: account.id,
            from: args.from,
            to: args.to,
            per_day: args.per_day,
            dry_run: args.dry_run,
        })
        .collect();
    // Every account in one run: all are re-planned, or none (see Workspace::plan_accounts).
    let reports = workspace.plan_accounts(&requests, chrono::Utc::now())?;
    if !args.json {
        for report in &reports {
            print_plan(report, out)?;
        }
    }
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &reports)?;
        writeln!(out)?;
    }
    Ok(())
}

fn print_plan(r: &PlanReport, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{} ({}), {} to {}, {} posts a day",
        r.account, r.zone, r.from, r.to, r.posts_per_day
    )?;
    writeln!(out, "  Best times: {}", r.best_times)?;
    for p in &r.placements {
        let change = match p.change {
            PlacementChange::New => "new",
            PlacementChange::Moved => "moved",
            PlacementChange::Kept => "kept",
        };
        writeln!(
            out,
            "  {}  #{} {}  median {} views in 24 h  ({change})",
            p.wall_time.replace('T', " "),
            p.draft_id,
            p.title,
            crate::text::round_views(p.predicted_median_24h)
        )?;
        writeln!(out, "      {}", p.reason)?;
    }
    if r.placements.is_empty() {
        writeln!(out, "  Nothing to place.")?;
    }
    if r.kept > 0 {
        writeln!(
            out,
            "  {} entries in the range stay where they are (pinned or posted).",
            r.kept
        )?;
    }
    for d in &r.removed {
        writeln!(out, "  Taken out of the plan: #{} {}", d.draft_id, d.title)?;
    }
    for d in &r.unplaced {
        writeln!(out, "  No slot for: #{} {}", d.draft_id, d.title)?;
    }
    for c in &r.needs_choice {
        writeln!(out, "  Needs your choice: {c}")?;
    }
    for w in &r.warnings {
        writeln!(out, "  warning: {w}")?;
    }
    writeln!(
        out,
        "  {}",
        if r.written {
            "Written."
        } else {
            "Dry run: nothing was written."
        }
    )
}

/// The export command's options.
pub struct ExportArgs<'a> {
    pub format: FormatArg,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub output: &'a Path,
    pub accounts: &'a [Account],
}

pub fn export(
    workspace: &Workspace,
    args: &ExportArgs<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let request = ExportRequest {
        accounts: args.accounts.iter().map(|a| a.id).collect(),
        from: args.from,
        to: args.to,
        format: match args.format {
            FormatArg::Ics => ExportFormat::Ics,
            FormatArg::Csv => ExportFormat::Csv,
        },
        statuses: Vec::new(),
    };
    let output = workspace.export_calendar_to(&request, chrono::Utc::now(), args.output)?;
    writeln!(
        out,
        "Exported {} from {} to {} to {}.",
        crate::text::plural(output.events, "post", "posts"),
        args.from,
        args.to,
        args.output.display()
    )?;
    Ok(())
}
