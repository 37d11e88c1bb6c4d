//! Plan entries: drafts placed at a wall time in a zone, with the resolved UTC instant.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};

use super::convert::{instant, to_unix, to_wall, wall, zone};
use super::{Store, StoreError};
use crate::domain::{AccountId, DraftId, DraftStatus, PlanEntry, PlanEntryId};

/// Everything one planning run changes, written in one transaction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanChanges {
    /// New entries (their ids are assigned on insert).
    pub insert: Vec<PlanEntry>,
    /// Existing entries at a new (or the same) time with a new reason. SEQUENCE goes up only
    /// when the wall time, zone or instant changed.
    pub update: Vec<PlanEntry>,
    pub remove: Vec<PlanEntryId>,
    /// Drafts whose status follows the plan (approved -> scheduled and back).
    pub statuses: Vec<(DraftId, DraftStatus)>,
}

/// A plan entry as the calendar export needs it: with its draft trashed or not and its times.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportedEntry {
    pub entry: PlanEntry,
    /// The draft is in the Trash: the event is exported as cancelled.
    pub draft_trashed: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const ENTRY_COLUMNS: &str = "p.id, p.account_id, p.draft_id, p.wall_time, p.zone, p.instant, \
     p.uid, p.sequence, p.pinned, p.reason";

fn read(r: &Row<'_>) -> rusqlite::Result<PlanEntry> {
    Ok(PlanEntry {
        id: PlanEntryId(r.get(0)?),
        account: AccountId(r.get(1)?),
        draft: DraftId(r.get(2)?),
        wall_time: wall(r, 3)?,
        zone: zone(r, 4)?,
        instant: instant(r, 5)?,
        uid: r.get(6)?,
        sequence: r.get(7)?,
        pinned: r.get(8)?,
        reason: r.get(9)?,
    })
}

/// Inserts a plan entry on any connection or transaction; returns its id.
pub(crate) fn insert(
    conn: &rusqlite::Connection,
    e: &PlanEntry,
) -> Result<PlanEntryId, StoreError> {
    let now = to_unix(Utc::now());
    conn.prepare_cached(
        "INSERT INTO plan_entries (account_id, draft_id, wall_time, zone, instant, uid, sequence,
             pinned, reason, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
    )?
    .execute(params![
        e.account.0,
        e.draft.0,
        to_wall(e.wall_time),
        e.zone.name(),
        to_unix(e.instant),
        e.uid,
        e.sequence,
        e.pinned,
        e.reason,
        now
    ])?;
    Ok(PlanEntryId(conn.last_insert_rowid()))
}

impl Store {
    /// The account's plan entries whose instant falls in `[from, to)`, in time order. Entries
    /// of trashed drafts are left out.
    pub fn plan_entries(
        &self,
        account: AccountId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<PlanEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS}
             FROM plan_entries p JOIN drafts d ON d.id = p.draft_id
             WHERE p.account_id = ?1 AND p.instant >= ?2 AND p.instant < ?3 AND d.trashed_at IS NULL
             ORDER BY p.instant, p.id"
        ))?;
        let rows = stmt.query_map(params![account.0, to_unix(from), to_unix(to)], read)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The draft's plan entry, if it is planned.
    pub fn plan_entry_of_draft(&self, draft: DraftId) -> Result<Option<PlanEntry>, StoreError> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM plan_entries WHERE draft_id = ?1",
                [draft.0],
                |r| r.get(0),
            )
            .optional()?;
        match id {
            Some(id) => self.plan_entry(PlanEntryId(id)),
            None => Ok(None),
        }
    }

    /// The plan entry `id`, if it exists.
    pub fn plan_entry(&self, id: PlanEntryId) -> Result<Option<PlanEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS} FROM plan_entries p WHERE p.id = ?1"
        ))?;
        Ok(stmt.query_map([id.0], read)?.next().transpose()?)
    }

    /// The account's plan entries in `[from, to)` for a calendar export, in time order,
    /// including those of trashed drafts (exported as cancelled, so calendars drop them).
    pub fn plan_entries_for_export(
        &self,
        account: AccountId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<ExportedEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS}, d.trashed_at IS NOT NULL, p.created_at, p.updated_at
             FROM plan_entries p JOIN drafts d ON d.id = p.draft_id
             WHERE p.account_id = ?1 AND p.instant >= ?2 AND p.instant < ?3
             ORDER BY p.instant, p.id"
        ))?;
        let rows = stmt.query_map(params![account.0, to_unix(from), to_unix(to)], |r| {
            Ok(ExportedEntry {
                entry: read(r)?,
                draft_trashed: r.get(10)?,
                created_at: instant(r, 11)?,
                updated_at: instant(r, 12)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Writes a planning run in one transaction; returns the ids of the inserted entries.
    pub fn apply_plan(&mut self, changes: &PlanChanges) -> Result<Vec<PlanEntryId>, StoreError> {
        let now = to_unix(Utc::now());
        self.transaction(|tx| {
            let mut remove = tx.prepare_cached("DELETE FROM plan_entries WHERE id = ?1")?;
            for id in &changes.remove {
                remove.execute([id.0])?;
            }
            let mut update = tx.prepare_cached(
                "UPDATE plan_entries SET
                     sequence = sequence + (wall_time != ?2 OR zone != ?3 OR instant != ?4),
                     wall_time = ?2, zone = ?3, instant = ?4, pinned = ?5, reason = ?6,
                     updated_at = ?7
                 WHERE id = ?1",
            )?;
            for e in &changes.update {
                let changed = update.execute(params![
                    e.id.0,
                    to_wall(e.wall_time),
                    e.zone.name(),
                    to_unix(e.instant),
                    e.pinned,
                    e.reason,
                    now
                ])?;
                if changed == 0 {
                    return Err(StoreError::NotFound {
                        what: format!("Plan entry {}", e.id.0),
                    });
                }
            }
            let mut status =
                tx.prepare_cached("UPDATE drafts SET status = ?2, updated_at = ?3 WHERE id = ?1")?;
            for (draft, s) in &changes.statuses {
                status.execute(params![draft.0, s.as_str(), now])?;
            }
            changes.insert.iter().map(|e| insert(tx, e)).collect()
        })
    }

    /// Adds plan entries in one transaction.
    pub fn add_plan_entries(
        &mut self,
        entries: &[PlanEntry],
    ) -> Result<Vec<PlanEntryId>, StoreError> {
        self.transaction(|tx| entries.iter().map(|e| insert(tx, e)).collect())
    }

    /// Pins an entry (auto-planning leaves it where it is) or unpins it; its time stays.
    pub fn set_pinned(&mut self, id: PlanEntryId, pinned: bool) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            "UPDATE plan_entries SET pinned = ?2, updated_at = ?3 WHERE id = ?1",
            params![id.0, pinned, to_unix(Utc::now())],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: format!("Plan entry {}", id.0),
            });
        }
        Ok(())
    }

    /// Moves an entry to a new wall time / instant and bumps its SEQUENCE.
    pub fn reschedule(&mut self, e: &PlanEntry) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            "UPDATE plan_entries SET wall_time = ?2, zone = ?3, instant = ?4,
                 sequence = sequence + 1, pinned = ?5, reason = ?6, updated_at = ?7
             WHERE id = ?1",
            params![
                e.id.0,
                to_wall(e.wall_time),
                e.zone.name(),
                to_unix(e.instant),
                e.pinned,
                e.reason,
                to_unix(Utc::now())
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: format!("Plan entry {}", e.id.0),
            });
        }
        Ok(())
    }

    /// Removes plan entries in one transaction.
    pub fn remove_plan_entries(&mut self, ids: &[PlanEntryId]) -> Result<(), StoreError> {
        self.transaction(|tx| {
            let mut stmt = tx.prepare("DELETE FROM plan_entries WHERE id = ?1")?;
            for id in ids {
                stmt.execute([id.0])?;
            }
            Ok(())
        })
    }
}
