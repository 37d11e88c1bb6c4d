//! Plan entries: drafts placed at a wall time in a zone, with the resolved UTC instant.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::convert::{instant, to_unix, to_wall, wall, zone};
use super::{Store, StoreError};
use crate::domain::{AccountId, DraftId, PlanEntry, PlanEntryId};

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
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.account_id, p.draft_id, p.wall_time, p.zone, p.instant, p.uid,
                 p.sequence, p.pinned, p.reason
             FROM plan_entries p JOIN drafts d ON d.id = p.draft_id
             WHERE p.account_id = ?1 AND p.instant >= ?2 AND p.instant < ?3 AND d.trashed_at IS NULL
             ORDER BY p.instant, p.id",
        )?;
        let rows = stmt.query_map(params![account.0, to_unix(from), to_unix(to)], |r| {
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
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds plan entries in one transaction.
    pub fn add_plan_entries(
        &mut self,
        entries: &[PlanEntry],
    ) -> Result<Vec<PlanEntryId>, StoreError> {
        self.transaction(|tx| entries.iter().map(|e| insert(tx, e)).collect())
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
