//! The edit log as a team's outbox and inbox (schema version 5): the ops of this machine that
//! wait for the team server, their server order or refusal once pushed, the ops pulled from
//! teammates, the sync state, the losing values of concurrent text edits, and giving a row
//! created from a teammate's op the UUID it has on every machine.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::convert::{instant, to_unix};
use super::edit_log::EntityKind;
use super::{Store, StoreError};

/// An op as the team shares it: what this machine sends, or what the server ordered.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SharedOp {
    pub op_id: String,
    pub author: String,
    pub at: DateTime<Utc>,
    pub kind: EntityKind,
    pub entity: String,
    /// The account the entity belongs to (the server checks account limits against it).
    pub account: Option<String>,
    pub field: String,
    /// JSON text; `None` when the entity was removed.
    pub value: Option<String>,
    /// The last server order the author had seen.
    pub base_seq: Option<i64>,
    /// The server's order (pulled ops, and pushed ones once accepted).
    pub seq: Option<i64>,
}

/// The op that last set a field, as the merge rules compare it with an incoming one.
#[derive(Debug, Clone, PartialEq)]
pub struct LastSet {
    pub author: String,
    pub seq: i64,
    pub base_seq: i64,
    /// JSON text of the value it wrote.
    pub value: Option<String>,
}

/// A losing value of a text field two members changed without seeing each other's change.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FieldConflict {
    pub id: i64,
    pub kind: EntityKind,
    pub entity: String,
    pub field: String,
    /// JSON text of the value that lost.
    pub value: String,
    pub author: String,
    pub seq: Option<i64>,
}

const SHARED_COLUMNS: &str = "o.op_id, e.author, e.at, o.entity_kind, o.entity_uuid,
     o.account_uuid, o.field, o.value, o.base_seq, o.seq";

fn shared_op(row: &rusqlite::Row<'_>) -> rusqlite::Result<SharedOp> {
    let kind: String = row.get(3)?;
    Ok(SharedOp {
        op_id: row.get(0)?,
        author: row.get(1)?,
        at: instant(row, 2)?,
        kind: EntityKind::parse(&kind).unwrap_or(EntityKind::Setting),
        entity: row.get(4)?,
        account: row.get(5)?,
        field: row.get(6)?,
        value: row.get(7)?,
        base_seq: row.get(8)?,
        seq: row.get(9)?,
    })
}

/// This machine's ops that wait for the server. Settings stay on this machine (your member
/// name, checklist state and the like are not the team's), so they never wait.
const WAITING: &str =
    "origin = 'local' AND seq IS NULL AND refused IS NULL AND entity_kind <> 'setting'";

impl Store {
    /// How many ops of this machine the server has neither ordered nor refused.
    pub fn outbox_len(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM edit_ops WHERE {WAITING}"))?
            .query_row([], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// This machine's ops the server has neither ordered nor refused, oldest first.
    pub fn outbox(&self) -> Result<Vec<SharedOp>, StoreError> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {SHARED_COLUMNS} FROM edit_ops AS o JOIN edits AS e ON e.id = o.edit_id
             WHERE {WAITING} ORDER BY o.id"
        ))?;
        let rows = statement.query_map([], shared_op)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// This machine's ops the server refused, with the reason, oldest first.
    pub fn refused_ops(&self) -> Result<Vec<(SharedOp, String)>, StoreError> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {SHARED_COLUMNS}, o.refused FROM edit_ops AS o JOIN edits AS e ON e.id = o.edit_id
             WHERE o.refused IS NOT NULL ORDER BY o.id"
        ))?;
        let rows = statement.query_map([], |r| Ok((shared_op(r)?, r.get(10)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records the server's order of an op of this machine. False when no such op is here.
    pub fn set_op_seq(&mut self, op_id: &str, seq: i64) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("UPDATE edit_ops SET seq = ?2, refused = NULL WHERE op_id = ?1")?
            .execute(params![op_id, seq])?
            > 0)
    }

    /// Records why the server refused an op of this machine; it stays in the log, shown to its
    /// author, and is not sent again.
    pub fn set_op_refused(&mut self, op_id: &str, reason: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("UPDATE edit_ops SET refused = ?2 WHERE op_id = ?1 AND seq IS NULL")?
            .execute(params![op_id, reason])?;
        Ok(())
    }

    /// True when the log holds an op with this id (ours echoed back, or one pulled before).
    pub fn knows_op(&self, op_id: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM edit_ops WHERE op_id = ?1")?
            .query_row([op_id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// True when the log holds any op on the entity `uuid`.
    pub fn entity_logged(&self, uuid: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM edit_ops WHERE entity_uuid = ?1 LIMIT 1")?
            .query_row([uuid], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// The values this machine wrote to the field that stand after server order `seq`: not
    /// sent yet, or ordered after it.
    pub fn own_values_after(
        &self,
        entity: &str,
        field: &str,
        seq: i64,
    ) -> Result<Vec<String>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT value FROM edit_ops
             WHERE entity_uuid = ?1 AND field = ?2 AND origin = 'local' AND refused IS NULL
               AND (seq IS NULL OR seq > ?3) AND value IS NOT NULL",
        )?;
        let rows = statement.query_map(params![entity, field, seq], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// True when this machine changed the field and the server has not ordered that yet.
    pub fn field_pending(&self, entity: &str, field: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT 1 FROM edit_ops WHERE entity_uuid = ?1 AND field = ?2
                 AND origin = 'local' AND seq IS NULL AND refused IS NULL LIMIT 1",
            )?
            .query_row(params![entity, field], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// The op that last set the field, among those the server ordered: its author, server
    /// order and base.
    pub fn field_last_set(&self, entity: &str, field: &str) -> Result<Option<LastSet>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT e.author, o.seq, COALESCE(o.base_seq, 0), o.value
                 FROM edit_ops AS o JOIN edits AS e ON e.id = o.edit_id
                 WHERE o.entity_uuid = ?1 AND o.field = ?2 AND o.seq IS NOT NULL
                 ORDER BY o.seq DESC LIMIT 1",
            )?
            .query_row(params![entity, field], |r| {
                Ok(LastSet {
                    author: r.get(0)?,
                    seq: r.get(1)?,
                    base_seq: r.get(2)?,
                    value: r.get(3)?,
                })
            })
            .optional()?)
    }

    /// Logs a teammate's op as the server ordered it, under an edit of its author that Undo
    /// never takes back here.
    pub fn log_pulled(&mut self, op: &SharedOp, summary: &str) -> Result<(), StoreError> {
        self.transaction(|tx| {
            tx.prepare_cached(
                "INSERT INTO edits (uuid, author, at, summary, undo, state)
                 VALUES ((SELECT uuid FROM new_uuid), ?1, ?2, ?3, NULL, 'closed')",
            )?
            .execute(params![op.author, to_unix(op.at), summary])?;
            let edit = tx.last_insert_rowid();
            tx.prepare_cached(
                "INSERT INTO edit_ops (op_id, edit_id, entity_kind, entity_uuid, field, value,
                     account_uuid, base_seq, seq, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'remote')",
            )?
            .execute(params![
                op.op_id,
                edit,
                op.kind.as_str(),
                op.entity,
                op.field,
                op.value,
                op.account,
                op.base_seq,
                op.seq
            ])?;
            Ok(())
        })
    }

    /// The entity's conflicts nobody picked yet, oldest first.
    pub fn open_conflicts(&self, entity: &str) -> Result<Vec<FieldConflict>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT id, entity_kind, entity_uuid, field, value, author, seq FROM field_conflicts
             WHERE entity_uuid = ?1 AND resolved = 0 ORDER BY id",
        )?;
        let rows = statement.query_map([entity], |r| {
            let kind: String = r.get(1)?;
            Ok(FieldConflict {
                id: r.get(0)?,
                kind: EntityKind::parse(&kind).unwrap_or(EntityKind::Draft),
                entity: r.get(2)?,
                field: r.get(3)?,
                value: r.get(4)?,
                author: r.get(5)?,
                seq: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Works the conflicts of the entity's `field` out again from every op on it the server
    /// ordered: each value replaced by an op of another author who had not seen it (its base
    /// before the replaced op) is a conflict, unless a settling op (`resolved:FIELD`) came after
    /// it in the order or waits in this machine's outbox. The same ops give the same conflicts
    /// on every machine, whatever order they arrived in. Returns how many are open.
    pub fn recompute_conflicts(
        &mut self,
        kind: EntityKind,
        entity: &str,
        field: &str,
        resolved_prefix: &str,
    ) -> Result<usize, StoreError> {
        self.transaction(|tx| {
            let mut statement = tx.prepare_cached(
                "SELECT e.author, o.seq, COALESCE(o.base_seq, 0), o.value
                 FROM edit_ops AS o JOIN edits AS e ON e.id = o.edit_id
                 WHERE o.entity_uuid = ?1 AND o.field = ?2 AND o.seq IS NOT NULL
                 ORDER BY o.seq",
            )?;
            let history: Vec<(String, i64, i64, Option<String>)> = statement
                .query_map(params![entity, field], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })?
                .collect::<Result<_, _>>()?;
            let settled: Option<i64> = tx
                .prepare_cached(
                    "SELECT MAX(CASE WHEN seq IS NULL AND origin = 'local' AND refused IS NULL
                                 THEN 9223372036854775807 ELSE seq END)
                 FROM edit_ops WHERE entity_uuid = ?1 AND field = ?2",
                )?
                .query_row(params![entity, format!("{resolved_prefix}{field}")], |r| {
                    r.get(0)
                })?;
            tx.prepare_cached("DELETE FROM field_conflicts WHERE entity_uuid = ?1 AND field = ?2")?
                .execute(params![entity, field])?;
            let mut open = 0;
            for pair in history.windows(2) {
                let (before, after) = (&pair[0], &pair[1]);
                let concurrent = after.2 < before.1 && after.0 != before.0 && after.3 != before.3;
                let Some(value) = before.3.as_ref().filter(|_| concurrent) else {
                    continue;
                };
                let resolved = settled.is_some_and(|s| s > after.1);
                tx.prepare_cached(
                    "INSERT INTO field_conflicts
                         (entity_kind, entity_uuid, field, value, author, seq, resolved)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![
                    kind.as_str(),
                    entity,
                    field,
                    value,
                    before.0,
                    before.1,
                    resolved
                ])?;
                open += usize::from(!resolved);
            }
            Ok(open)
        })
    }

    /// Marks the entity's open conflicts on `field` as picked; returns how many there were.
    pub fn resolve_conflicts(&mut self, entity: &str, field: &str) -> Result<usize, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "UPDATE field_conflicts SET resolved = 1
             WHERE entity_uuid = ?1 AND field = ?2 AND resolved = 0",
            )?
            .execute(params![entity, field])?)
    }

    /// A sync state value (`last_seq`, `server`, `team`, `login`).
    pub fn sync_value(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM team_sync WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    /// Stores a sync state value.
    pub fn set_sync_value(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO team_sync (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?
            .execute(params![key, value])?;
        Ok(())
    }

    /// Forgets a sync state value.
    pub fn clear_sync_value(&mut self, key: &str) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM team_sync WHERE key = ?1", [key])?;
        Ok(())
    }

    /// Gives the row `id` of `kind` (`key` for settings) the UUID it has on every machine.
    pub fn set_uuid(&mut self, kind: EntityKind, id: &str, uuid: &str) -> Result<(), StoreError> {
        let (table, key) = kind.table();
        self.conn
            .prepare_cached(&format!("UPDATE {table} SET uuid = ?2 WHERE {key} = ?1"))?
            .execute(params![id, uuid])?;
        Ok(())
    }

    /// Removes the row of `kind` with `uuid` for good (a teammate removed it), with what hangs
    /// on it. False when it was not here.
    pub fn remove_by_uuid(&mut self, kind: EntityKind, uuid: &str) -> Result<bool, StoreError> {
        let (table, _) = kind.table();
        Ok(self
            .conn
            .execute(&format!("DELETE FROM {table} WHERE uuid = ?1"), [uuid])?
            > 0)
    }
}
