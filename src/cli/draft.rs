//! `scrollstop draft ...`, `undo`, `redo` and `history`: every edit the window makes, from the
//! command line (scripts, and teammates' tests). Each change is one `Edit` applied by the
//! workspace, signed with `--as NAME` or the workspace's member name; a bad field or value
//! exits non-zero and writes nothing.

use std::io::Write;

use anyhow::{Context, bail};
use clap::Subcommand;
use serde::Serialize;

use crate::checks::tally;
use crate::domain::{Draft, DraftId, DraftStatus};
use crate::text::plural;
use crate::workspace::{Edit, HistoryEntry, Outcome, Workspace, set_draft_field, split_assignment};

/// What `scrollstop draft` does.
#[derive(Debug, Subcommand)]
pub enum DraftCommand {
    /// List the drafts (of one account, in one status).
    List {
        /// Only this account (handle, with or without @).
        #[arg(long, value_name = "HANDLE")]
        account: Option<String>,
        /// Only drafts in this status (idea, draft, in review, approved, scheduled, posted).
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show one draft: its fields, the checks' findings and its history.
    Show {
        /// The draft's number or UUID.
        id: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Add a draft: `draft new --account @lunchboxlab title="Gratitude jar" status=idea`.
    New {
        /// The account it is for.
        #[arg(long, value_name = "HANDLE")]
        account: String,
        /// FIELD=VALUE for each field to set (title, caption, hook, opening, subculture,
        /// duration_s, aspect, sound, bpm, status, assignee, notes, duet, stitch,
        /// comments_allowed).
        #[arg(value_name = "FIELD=VALUE")]
        fields: Vec<String>,
    },
    /// Change fields of a draft: `draft set 12 status=approved assignee=Priya`.
    Set {
        /// The draft's number or UUID.
        id: String,
        /// FIELD=VALUE for each field to change.
        #[arg(value_name = "FIELD=VALUE", required = true)]
        fields: Vec<String>,
    },
    /// Add a comment to a draft's review thread.
    Comment {
        /// The draft's number or UUID.
        id: String,
        /// The comment.
        text: String,
    },
    /// Move a draft to the trash (undo brings it back).
    Trash {
        /// The draft's number or UUID.
        id: String,
    },
    /// Bring a draft back from the trash.
    Restore {
        /// The draft's number or UUID.
        id: String,
    },
}

/// One draft as `draft list --json` prints it.
#[derive(Debug, Serialize)]
struct Listed<'a> {
    id: i64,
    uuid: Option<String>,
    account: String,
    #[serde(flatten)]
    draft: &'a Draft,
}

/// Runs a `draft` subcommand on the workspace, signing edits with `author`.
pub fn run(
    workspace: &mut Workspace,
    command: &DraftCommand,
    author: &str,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match command {
        DraftCommand::List {
            account,
            status,
            json,
        } => {
            let status = status
                .as_deref()
                .map(status_of)
                .transpose()
                .map_err(anyhow::Error::msg)?;
            let mut listed = Vec::new();
            for acc in super::accounts(workspace, account.as_deref())? {
                for draft in workspace.drafts(acc.id)? {
                    if status.is_none_or(|s| s == draft.status) {
                        listed.push((acc.at_handle(), draft));
                    }
                }
            }
            if *json {
                let rows: Vec<Listed> = listed
                    .iter()
                    .map(|(account, draft)| {
                        Ok(Listed {
                            id: draft.id.0,
                            uuid: workspace.draft_uuid(draft.id)?,
                            account: account.clone(),
                            draft,
                        })
                    })
                    .collect::<anyhow::Result<_>>()?;
                serde_json::to_writer_pretty(&mut *out, &rows)?;
                writeln!(out)?;
            } else {
                writeln!(out, "{}", plural(listed.len(), "draft", "drafts"))?;
                for (account, d) in &listed {
                    writeln!(
                        out,
                        "  #{:<5} {:<10} {:<16} {}",
                        d.id.0,
                        d.status.label(),
                        account,
                        d.display_title()
                    )?;
                }
            }
        }
        DraftCommand::Show { id, json } => {
            let id = draft_id(workspace, id)?;
            show(workspace, id, *json, out)?;
        }
        DraftCommand::New { account, fields } => {
            let account = super::accounts(workspace, Some(account))?
                .into_iter()
                .next()
                .context("no such account")?;
            let mut draft = Draft::blank(account.id, chrono::Utc::now());
            assign(workspace, &mut draft, fields)?;
            let applied = workspace.apply(Edit::CreateDraft(Box::new(draft)), author)?;
            let Outcome::Draft(id) = applied.outcome else {
                bail!("the draft was not created");
            };
            let uuid = workspace.draft_uuid(id)?.unwrap_or_default();
            writeln!(out, "Added draft #{} ({uuid}).", id.0)?;
        }
        DraftCommand::Set { id, fields } => {
            let id = draft_id(workspace, id)?;
            let mut draft = workspace.draft(id)?;
            assign(workspace, &mut draft, fields)?;
            let applied = workspace.apply(Edit::SaveDrafts(vec![draft]), author)?;
            writeln!(out, "{}.", applied.summary)?;
        }
        DraftCommand::Comment { id, text } => {
            let id = draft_id(workspace, id)?;
            let applied = workspace.apply(
                Edit::Comment {
                    draft: id,
                    text: text.clone(),
                },
                author,
            )?;
            writeln!(out, "{} on #{} as {author}.", applied.summary, id.0)?;
        }
        DraftCommand::Trash { id } => {
            let id = draft_id(workspace, id)?;
            let applied = workspace.apply(Edit::TrashDrafts(vec![id]), author)?;
            writeln!(out, "{} (#{}).", applied.summary, id.0)?;
        }
        DraftCommand::Restore { id } => {
            let id = draft_id(workspace, id)?;
            let applied = workspace.apply(Edit::RestoreDrafts(vec![id]), author)?;
            writeln!(out, "{} (#{}).", applied.summary, id.0)?;
        }
    }
    Ok(())
}

/// Applies each `FIELD=VALUE` to the draft; the first bad one stops everything.
fn assign(workspace: &Workspace, draft: &mut Draft, fields: &[String]) -> anyhow::Result<()> {
    let subcultures = workspace.subcultures()?;
    for field in fields {
        let (name, value) = split_assignment(field).map_err(anyhow::Error::msg)?;
        set_draft_field(draft, name, value, &subcultures)
            .map_err(|e| anyhow::anyhow!("{e}; nothing was written"))?;
    }
    Ok(())
}

/// The draft named by its number (`12`, `#12`) or its UUID.
pub fn draft_id(workspace: &Workspace, text: &str) -> anyhow::Result<DraftId> {
    let text = text.trim();
    let found = match text.trim_start_matches('#').parse::<i64>() {
        Ok(n) => workspace.draft(DraftId(n)).ok().map(|d| d.id),
        Err(_) => workspace.draft_by_uuid(text)?,
    };
    found.with_context(|| {
        format!(
            "there is no draft {text} in this workspace; `scrollstop draft list` lists the drafts with their numbers"
        )
    })
}

/// `draft show`: the fields, the findings and the history.
fn show(workspace: &Workspace, id: DraftId, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let draft = workspace.draft(id)?;
    let uuid = workspace.draft_uuid(id)?.unwrap_or_default();
    let findings = workspace
        .check_drafts(draft.account, chrono::Utc::now())?
        .into_iter()
        .find(|c| c.draft_id == id.0)
        .map(|c| c.findings)
        .unwrap_or_default();
    let history = workspace.draft_history(id)?;
    let comments = workspace.draft_comments(id)?;
    let conflicts = workspace.draft_conflicts(id)?;
    if json {
        #[derive(Serialize)]
        struct Shown<'a> {
            id: i64,
            uuid: &'a str,
            draft: &'a Draft,
            findings: &'a [crate::checks::Finding],
            comments: &'a [crate::domain::DraftComment],
            conflicts: &'a [crate::workspace::FieldConflict],
            history: &'a [HistoryEntry],
        }
        serde_json::to_writer_pretty(
            &mut *out,
            &Shown {
                id: id.0,
                uuid: &uuid,
                draft: &draft,
                findings: &findings,
                comments: &comments,
                conflicts: &conflicts,
                history: &history,
            },
        )?;
        writeln!(out)?;
        return Ok(());
    }
    let subculture = draft.subculture.and_then(|s| {
        workspace
            .subcultures()
            .ok()?
            .into_iter()
            .find(|c| c.id == s)
            .map(|c| c.name)
    });
    writeln!(out, "#{} {}  ({uuid})", id.0, draft.display_title())?;
    if draft.trashed_at.is_some() {
        writeln!(out, "  In the trash.")?;
    }
    let rows: [(&str, String); 12] = [
        ("Status", draft.status.label().to_string()),
        ("Caption", draft.caption.clone()),
        ("Hook", draft.hook.clone()),
        ("Opening", draft.opening.label().to_string()),
        ("Subculture", subculture.unwrap_or_default()),
        (
            "Duration",
            draft.duration_s.map_or(String::new(), |s| format!("{s} s")),
        ),
        ("Aspect", draft.aspect.label().to_string()),
        ("Sound", draft.sound.clone().unwrap_or_default()),
        (
            "BPM",
            draft.sound_bpm.map_or(String::new(), |b| b.to_string()),
        ),
        ("Assignee", draft.assignee.clone()),
        ("Notes", draft.notes.clone()),
        (
            "Allows",
            [
                (draft.allow_duet, "Duet"),
                (draft.allow_stitch, "Stitch"),
                (draft.allow_comments, "comments"),
            ]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, what)| *what)
            .collect::<Vec<_>>()
            .join(", "),
        ),
    ];
    for (label, value) in rows {
        if !value.is_empty() {
            writeln!(out, "  {label:<11} {value}")?;
        }
    }
    let (e, w, t) = tally(&findings);
    writeln!(
        out,
        "Checks: {}, {}, {}",
        plural(e, "error", "errors"),
        plural(w, "warning", "warnings"),
        plural(t, "tip", "tips")
    )?;
    for f in &findings {
        writeln!(
            out,
            "  {:<8} {:<24} {}",
            f.severity.label(),
            f.rule,
            f.message
        )?;
    }
    if !conflicts.is_empty() {
        writeln!(
            out,
            "Conflicts (a teammate's version kept aside; pick in the editor):"
        )?;
        for c in &conflicts {
            let value: String = serde_json::from_str(&c.value).unwrap_or_default();
            writeln!(out, "  {:<8} {} wrote: {value}", c.field, c.author)?;
        }
    }
    if !comments.is_empty() {
        writeln!(out, "Comments:")?;
        for c in &comments {
            writeln!(
                out,
                "  {} {}: {}",
                c.at.format("%Y-%m-%d %H:%M"),
                c.author,
                c.text
            )?;
        }
    }
    writeln!(out, "History:")?;
    print_history(&history, out)?;
    Ok(())
}

/// One line per entry: `2026-12-03 14:02  Priya changed the caption`.
pub fn print_history(history: &[HistoryEntry], out: &mut dyn Write) -> std::io::Result<()> {
    if history.is_empty() {
        writeln!(out, "  No changes logged yet.")?;
    }
    for h in history {
        writeln!(
            out,
            "  {}  {}",
            h.at.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M"),
            h.sentence
        )?;
    }
    Ok(())
}

/// A status word for `--status`, read like a `status=` value.
fn status_of(text: &str) -> Result<DraftStatus, String> {
    let mut probe = Draft::blank(crate::domain::AccountId(0), chrono::Utc::now());
    set_draft_field(&mut probe, "status", text, &[]).map(|()| probe.status)
}
