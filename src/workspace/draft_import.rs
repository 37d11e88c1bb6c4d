//! Writing the drafts of a drafts CSV inside an import's batch: the row's subculture and
//! planned time resolved against the workspace, the draft added with its plan entry, and a row
//! already there (same account, title and caption) left alone, so importing the same file twice
//! adds nothing. The import preview runs the very same writes and rolls them back.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::domain::{AccountId, Draft, DraftId, DraftStatus, Handle, PlanEntry, PlanEntryId};
use crate::io::{DraftRecord, PlannedAt};
use crate::schedule::{Resolution, wall};
use crate::stable_hash::hash_parts;
use crate::store::{Batch, Change, StoreError};

/// One draft row of a drafts CSV as the preview lists it (rejected rows are in the report's
/// rejections instead).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftRow {
    pub file: String,
    pub line: usize,
    /// The title, else the hook, else the start of the caption.
    pub title: String,
    /// `@handle`.
    pub account: String,
    /// `2026-03-01 18:30 Europe/Amsterdam` when the row plans the draft.
    pub planned: Option<String>,
    /// `Added` for a new draft, `Unchanged` for one already in the workspace.
    pub change: Change,
    /// What the user should know about the row: a planned wall time that happens twice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl DraftRow {
    pub(super) fn new(
        file: &str,
        account: &Handle,
        d: &DraftRecord,
        stored: StoredDraft,
    ) -> DraftRow {
        let title = [&d.title, &d.hook, &d.caption]
            .into_iter()
            .find(|t| !t.is_empty())
            .map(|t| t.chars().take(60).collect())
            .unwrap_or_default();
        DraftRow {
            file: file.to_string(),
            line: d.line,
            title,
            account: account.to_string(),
            planned: stored.planned,
            change: stored.change,
            note: stored.note,
        }
    }
}

/// What storing one draft row did, or why it is refused.
pub(super) type Stored = Result<StoredDraft, String>;

/// A draft row stored (or found already there).
#[derive(Debug)]
pub(super) struct StoredDraft {
    pub change: Change,
    /// The planned time as shown (`2026-03-01 18:30 Europe/Amsterdam`).
    pub planned: Option<String>,
    /// What the user should know about the planned time: a wall time that happens twice.
    pub note: Option<String>,
}

/// Stores one draft row for `account` (unless an identical one is there); `Err(reason)` rejects
/// the row.
pub(super) fn store_draft(
    batch: &Batch<'_>,
    account: AccountId,
    d: &DraftRecord,
    now: DateTime<Utc>,
) -> Result<Stored, StoreError> {
    let subculture = match &d.subculture {
        Some(name) => match batch.find_subculture(name)? {
            Some(id) => Some(id),
            None => {
                return Ok(Err(format!(
                    "subculture \"{}\" is not in the workspace: add it under Subcultures, or leave the cell empty",
                    name.chars().take(40).collect::<String>()
                )));
            }
        },
        None => None,
    };
    let (planned, note) = match d.planned_at {
        Some(at) => {
            let zone = batch.account_zone(account)?;
            match place(at, zone) {
                Ok(placed) => (Some((placed.wall, placed.instant, zone)), placed.note),
                Err(reason) => return Ok(Err(reason)),
            }
        }
        None => (None, None),
    };
    let shown =
        planned.map(|(wall, _, zone)| format!("{} {}", wall.format("%Y-%m-%d %H:%M"), zone));
    let stored = |change| StoredDraft {
        change,
        planned: shown.clone(),
        note: note.clone(),
    };
    if batch.find_draft(account, &d.title, &d.caption)?.is_some() {
        return Ok(Ok(stored(Change::Unchanged)));
    }
    let blank = Draft::blank(account, now);
    let draft = Draft {
        title: d.title.clone(),
        hook: d.hook.clone(),
        opening: d.opening.unwrap_or(blank.opening),
        caption: d.caption.clone(),
        hashtags: d.hashtags.clone(),
        subculture,
        sound: d.sound.clone(),
        sound_bpm: d.bpm,
        duration_s: d.duration_s,
        aspect: d.aspect.unwrap_or(blank.aspect),
        allow_duet: d.allow_duet.unwrap_or(blank.allow_duet),
        allow_stitch: d.allow_stitch.unwrap_or(blank.allow_stitch),
        allow_comments: d.allow_comments.unwrap_or(blank.allow_comments),
        language: d.language.clone(),
        region: d.region.clone(),
        status: d.status.unwrap_or(if planned.is_some() {
            DraftStatus::Scheduled
        } else {
            DraftStatus::Draft
        }),
        assignee: d.assignee.clone(),
        notes: d.notes.clone(),
        ..blank
    };
    let id = batch.add_draft(&draft)?;
    if let Some((wall_time, instant, zone)) = planned {
        batch.add_plan_entry(&PlanEntry {
            id: PlanEntryId(0),
            account,
            draft: id,
            wall_time,
            zone,
            instant,
            uid: plan_uid(id, &draft, now),
            sequence: 0,
            pinned: false,
            reason: "planned in a drafts CSV".into(),
        })?;
    }
    Ok(Ok(stored(Change::Added)))
}

/// A planned time placed in the account's zone.
struct Placed {
    wall: NaiveDateTime,
    instant: DateTime<Utc>,
    note: Option<String>,
}

/// The wall time in the account's zone and the instant of a planned time, through the one
/// conversion the calendar uses ([`wall::resolve`]). A wall time inside a clock change's gap
/// is refused with both choices; one that happens twice (the clocks go back over it) takes
/// the first and says so with both choices, as the calendar does, rather than in silence.
fn place(at: PlannedAt, zone: Tz) -> Result<Placed, String> {
    let wall = match at {
        PlannedAt::At(instant) => {
            return Ok(Placed {
                wall: instant.with_timezone(&zone).naive_local(),
                instant,
                note: None,
            });
        }
        PlannedAt::Wall(wall) => wall,
    };
    let resolution = wall::resolve(zone, wall);
    let written = wall.format("%Y-%m-%d %H:%M");
    match resolution {
        Resolution::Exact(instant) => Ok(Placed {
            wall,
            instant,
            note: None,
        }),
        Resolution::Gap { .. } => Err(format!(
            "planned at {written}: {} Write the time you mean.",
            wall::describe(zone, wall, &resolution)
        )),
        Resolution::Overlap { earlier, later } => {
            let abbreviation = |t: DateTime<Utc>| t.with_timezone(&zone).format("%Z").to_string();
            let second = later.with_timezone(&zone).to_rfc3339();
            Ok(Placed {
                wall,
                instant: earlier,
                note: Some(format!(
                    "{written} happens twice in {} ({} and {}); Scrollstop used the first ({}). To post at the second, write {second} in the file, or move the post in the calendar.",
                    zone.name(),
                    abbreviation(earlier),
                    abbreviation(later),
                    abbreviation(earlier),
                )),
            })
        }
    }
}

/// A calendar UID that never repeats: the draft's id plus a hash of what it is and when it was
/// imported.
fn plan_uid(id: DraftId, d: &Draft, now: DateTime<Utc>) -> String {
    let stamp = now.timestamp_nanos_opt().unwrap_or_default().to_string();
    let h = hash_parts(&[d.title.as_str(), d.caption.as_str(), stamp.as_str()]);
    format!("draft-{}-{h:016x}@scrollstop", id.0)
}
