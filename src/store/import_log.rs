//! The import log: every file brought into the workspace, with what it changed.

use rusqlite::params;

use super::convert::{instant, to_unix};
use super::{Store, StoreError};
use crate::domain::{AccountId, ImportRecord};

/// Appends an entry on any connection or transaction (inside the import's own transaction).
pub(crate) fn insert(conn: &rusqlite::Connection, r: &ImportRecord) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO import_log (file_name, content_hash, imported_at, report_kind, account_id, summary)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        r.file_name,
        r.content_hash,
        to_unix(r.imported_at),
        r.report_kind,
        r.account.map(|a| a.0),
        r.summary
    ])?;
    Ok(conn.last_insert_rowid())
}

impl Store {
    /// Every import, newest first.
    pub fn import_log(&self) -> Result<Vec<ImportRecord>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, file_name, content_hash, imported_at, report_kind, account_id, summary
             FROM import_log ORDER BY imported_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ImportRecord {
                id: r.get(0)?,
                file_name: r.get(1)?,
                content_hash: r.get(2)?,
                imported_at: instant(r, 3)?,
                report_kind: r.get(4)?,
                account: r.get::<_, Option<i64>>(5)?.map(AccountId),
                summary: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Appends an entry to the import log.
    pub fn log_import(&mut self, record: &ImportRecord) -> Result<i64, StoreError> {
        insert(&self.conn, record)
    }
}
