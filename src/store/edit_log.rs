//! The edit log (schema version 4): one `edits` row per change a person applied, with the
//! edit that takes it back and its place in its author's undo history, and one `edit_ops` row
//! per field it set, naming the entity by its UUID with the value written and the value before.
//! Also the lookup between local row ids and the UUIDs every shared row carries.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::convert::{instant, to_unix};
use super::{Store, StoreError};

/// The kinds of rows a team shares, each with its own table and a UUID per row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Account,
    Subculture,
    Draft,
    Comment,
    TrendItem,
    TrendCapture,
    PlanEntry,
    Setting,
}

impl EntityKind {
    /// The word stored in the log.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Account => "account",
            Self::Subculture => "subculture",
            Self::Draft => "draft",
            Self::Comment => "comment",
            Self::TrendItem => "trend_item",
            Self::TrendCapture => "trend_capture",
            Self::PlanEntry => "plan_entry",
            Self::Setting => "setting",
        }
    }

    /// Reads [`EntityKind::as_str`] back.
    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::Account,
            Self::Subculture,
            Self::Draft,
            Self::Comment,
            Self::TrendItem,
            Self::TrendCapture,
            Self::PlanEntry,
            Self::Setting,
        ]
        .into_iter()
        .find(|k| k.as_str() == text)
    }

    /// The table and its key column.
    pub(super) fn table(self) -> (&'static str, &'static str) {
        match self {
            Self::Account => ("accounts", "id"),
            Self::Subculture => ("subcultures", "id"),
            Self::Draft => ("drafts", "id"),
            Self::Comment => ("draft_comments", "id"),
            Self::TrendItem => ("trend_items", "id"),
            Self::TrendCapture => ("trend_captures", "id"),
            Self::PlanEntry => ("plan_entries", "id"),
            Self::Setting => ("settings", "key"),
        }
    }
}

/// Where an edit stands in its author's undo history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditState {
    /// In effect; may be undone.
    Done,
    /// Taken back; may be redone.
    Undone,
    /// Taken back and applied again by a later edit.
    Redone,
    /// Taken back, and its author made another edit since: no longer redone.
    Closed,
    /// An edit that took another one back.
    Undo,
}

impl EditState {
    fn as_str(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::Undone => "undone",
            Self::Redone => "redone",
            Self::Closed => "closed",
            Self::Undo => "undo",
        }
    }
}

/// A new row of the log.
#[derive(Debug, Clone)]
pub struct NewEdit<'a> {
    pub author: &'a str,
    pub at: DateTime<Utc>,
    pub summary: &'a str,
    /// JSON of the edit that takes this one back, when it can be taken back.
    pub undo: Option<&'a str>,
    pub state: EditState,
    /// The edit this one takes back (for [`EditState::Undo`]).
    pub undoes: Option<i64>,
    /// The draft whose following autosaves join this edit.
    pub joining: Option<i64>,
}

/// One field an edit set.
#[derive(Debug, Clone, PartialEq)]
pub struct Op {
    pub kind: EntityKind,
    pub entity: String,
    pub field: String,
    /// JSON; `None` when the entity was removed.
    pub value: Option<String>,
    /// JSON; `None` when the entity was created.
    pub before: Option<String>,
}

/// A logged edit, as the undo history needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedEdit {
    pub id: i64,
    pub uuid: String,
    pub author: String,
    pub at: DateTime<Utc>,
    pub summary: String,
    pub undo: Option<String>,
    pub undoes: Option<i64>,
    pub joining: Option<i64>,
}

/// One field of one entity as the log recorded it, with its edit's author and time.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedOp {
    pub op_id: String,
    pub edit: i64,
    pub author: String,
    pub at: DateTime<Utc>,
    pub summary: String,
    pub kind: EntityKind,
    pub entity: String,
    pub field: String,
    pub value: Option<String>,
    pub before: Option<String>,
}

/// Appends one op: its id is a new UUID, its account is the one the entity belongs to (for a
/// removed entity, the one its last value named), and its base is the last server order this
/// workspace had seen.
const INSERT_OP: &str = "INSERT INTO edit_ops
     (op_id, edit_id, entity_kind, entity_uuid, field, value, before, account_uuid, base_seq)
     VALUES ((SELECT uuid FROM new_uuid), ?1, ?2, ?3, ?4, ?5, ?6,
       COALESCE(
         CASE ?2
           WHEN 'account' THEN ?3
           WHEN 'draft' THEN (SELECT a.uuid FROM drafts AS d JOIN accounts AS a
                              ON a.id = d.account_id WHERE d.uuid = ?3)
           WHEN 'plan_entry' THEN (SELECT a.uuid FROM plan_entries AS p JOIN accounts AS a
                                   ON a.id = p.account_id WHERE p.uuid = ?3)
           WHEN 'comment' THEN (SELECT a.uuid FROM draft_comments AS c
                                JOIN drafts AS d ON d.id = c.draft_id
                                JOIN accounts AS a ON a.id = d.account_id WHERE c.uuid = ?3)
         END,
         CASE WHEN ?2 IN ('draft', 'plan_entry')
              THEN COALESCE(json_extract(?5, '$.account'), json_extract(?6, '$.account')) END),
       (SELECT CAST(value AS INTEGER) FROM team_sync WHERE key = 'last_seq'))";

const EDIT_COLUMNS: &str = "id, uuid, author, at, summary, undo, undoes, joining";

fn logged_edit(row: &rusqlite::Row<'_>) -> rusqlite::Result<LoggedEdit> {
    Ok(LoggedEdit {
        id: row.get(0)?,
        uuid: row.get(1)?,
        author: row.get(2)?,
        at: instant(row, 3)?,
        summary: row.get(4)?,
        undo: row.get(5)?,
        undoes: row.get(6)?,
        joining: row.get(7)?,
    })
}

impl Store {
    /// The UUID of the row `id` of `kind` (`key` for settings), if the row exists.
    pub fn uuid_of(&self, kind: EntityKind, id: &str) -> Result<Option<String>, StoreError> {
        let (table, key) = kind.table();
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT uuid FROM {table} WHERE {key} = ?1"))?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    /// The local id (`key` for settings) of the row of `kind` with `uuid`, if any.
    pub fn local_id_of(&self, kind: EntityKind, uuid: &str) -> Result<Option<String>, StoreError> {
        let (table, key) = kind.table();
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT CAST({key} AS TEXT) FROM {table} WHERE uuid = ?1"
            ))?
            .query_row([uuid.to_ascii_lowercase()], |r| r.get(0))
            .optional()?)
    }

    /// Appends an edit and its ops to the log; returns the edit's row id.
    pub fn log_edit(&mut self, edit: &NewEdit<'_>, ops: &[Op]) -> Result<i64, StoreError> {
        self.transaction(|tx| {
            tx.prepare_cached(
                "INSERT INTO edits (uuid, author, at, summary, undo, state, undoes, joining)
                 VALUES ((SELECT uuid FROM new_uuid), ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                edit.author,
                to_unix(edit.at),
                edit.summary,
                edit.undo,
                edit.state.as_str(),
                edit.undoes,
                edit.joining
            ])?;
            let id = tx.last_insert_rowid();
            let mut insert = tx.prepare_cached(INSERT_OP)?;
            for op in ops {
                insert.execute(params![
                    id,
                    op.kind.as_str(),
                    op.entity,
                    op.field,
                    op.value,
                    op.before
                ])?;
            }
            Ok(id)
        })
    }

    /// Adds ops to an edit already logged (an autosave joining the one before).
    pub fn log_more_ops(&mut self, edit: i64, ops: &[Op]) -> Result<(), StoreError> {
        self.transaction(|tx| {
            let mut insert = tx.prepare_cached(INSERT_OP)?;
            for op in ops {
                insert.execute(params![
                    edit,
                    op.kind.as_str(),
                    op.entity,
                    op.field,
                    op.value,
                    op.before
                ])?;
            }
            Ok(())
        })
    }

    /// Sets where an edit stands in the undo history.
    pub fn set_edit_state(&mut self, edit: i64, state: EditState) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("UPDATE edits SET state = ?2 WHERE id = ?1")?
            .execute(params![edit, state.as_str()])?;
        Ok(())
    }

    /// The author's edits that were taken back can no longer be redone (they made a new edit).
    pub fn close_redo(&mut self, author: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "UPDATE edits SET state = 'closed' WHERE author = ?1 AND state = 'undone'",
            )?
            .execute([author])?;
        Ok(())
    }

    /// Autosaves stop joining the author's newest edit (the editor moved on).
    pub fn stop_joining(&mut self, author: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "UPDATE edits SET joining = NULL WHERE author = ?1 AND joining IS NOT NULL",
            )?
            .execute([author])?;
        Ok(())
    }

    /// The author's newest edit, whatever its state.
    pub fn newest_edit(&self, author: &str) -> Result<Option<LoggedEdit>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {EDIT_COLUMNS} FROM edits WHERE author = ?1 ORDER BY id DESC LIMIT 1"
            ))?
            .query_row([author], logged_edit)
            .optional()?)
    }

    /// The author's newest edit in effect that can be taken back.
    pub fn newest_undoable(&self, author: &str) -> Result<Option<LoggedEdit>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {EDIT_COLUMNS} FROM edits
                     WHERE author = ?1 AND state = 'done' AND undo IS NOT NULL
                     ORDER BY id DESC LIMIT 1"
            ))?
            .query_row([author], logged_edit)
            .optional()?)
    }

    /// The author's newest undo whose edit may be applied again.
    pub fn newest_redoable(&self, author: &str) -> Result<Option<LoggedEdit>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {EDIT_COLUMNS} FROM edits AS u
                     WHERE u.author = ?1 AND u.state = 'undo' AND u.undo IS NOT NULL
                       AND (SELECT state FROM edits WHERE id = u.undoes) = 'undone'
                     ORDER BY u.id DESC LIMIT 1"
            ))?
            .query_row([author], logged_edit)
            .optional()?)
    }

    /// Every op logged for the entity with `uuid`, oldest first.
    pub fn ops_of(&self, uuid: &str) -> Result<Vec<LoggedOp>, StoreError> {
        self.logged_ops("WHERE o.entity_uuid = ?1 ORDER BY o.id", uuid)
    }

    /// The newest ops of the workspace, newest first, at most `limit`.
    pub fn recent_ops(&self, limit: usize) -> Result<Vec<LoggedOp>, StoreError> {
        self.logged_ops(
            "WHERE ?1 >= 0 ORDER BY o.id DESC LIMIT ?1",
            &limit.min(i64::MAX as usize).to_string(),
        )
    }

    fn logged_ops(&self, filter: &str, arg: &str) -> Result<Vec<LoggedOp>, StoreError> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT o.op_id, o.edit_id, e.author, e.at, e.summary, o.entity_kind, o.entity_uuid,
                    o.field, o.value, o.before
             FROM edit_ops AS o JOIN edits AS e ON e.id = o.edit_id {filter}"
        ))?;
        let rows = statement.query_map([arg], |r| {
            let kind: String = r.get(5)?;
            Ok(LoggedOp {
                op_id: r.get(0)?,
                edit: r.get(1)?,
                author: r.get(2)?,
                at: instant(r, 3)?,
                summary: r.get(4)?,
                kind: EntityKind::parse(&kind).unwrap_or(EntityKind::Setting),
                entity: r.get(6)?,
                field: r.get(7)?,
                value: r.get(8)?,
                before: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
