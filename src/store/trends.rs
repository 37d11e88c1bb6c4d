//! Trend items and every capture of their rank (the lifecycle comes from that history).

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::convert::{instant, to_unix};
use super::{Store, StoreError};
use crate::domain::{TrendCapture, TrendItem, TrendItemId, TrendKind};

/// One capture written by [`Store::record_trends`]: enough to take it back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedTrend {
    pub item: TrendItemId,
    /// The item's name as shown (`#fyp`, a sound's title).
    pub name: String,
    pub captured_at: DateTime<Utc>,
    pub period_days: u16,
    /// The item did not exist before.
    pub new_item: bool,
    /// The capture was added (false: the same capture was already there).
    pub added: bool,
}

/// The item with this kind, name and region, if any.
fn find_item(conn: &rusqlite::Connection, item: &TrendItem) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT id FROM trend_items WHERE kind = ?1 AND name = ?2 AND region = ?3")?
        .query_row(params![item.kind.as_str(), item.name, item.region], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Finds or creates the item with the same kind, name and region; returns its id. Sound
/// details (BPM, duration, commercial use) are updated when the new values are known.
pub(crate) fn upsert_item(
    conn: &rusqlite::Connection,
    item: &TrendItem,
) -> Result<TrendItemId, StoreError> {
    if let Some(id) = find_item(conn, item)? {
        conn.prepare_cached(
            "UPDATE trend_items SET industry = CASE WHEN ?2 = '' THEN industry ELSE ?2 END,
                 bpm = COALESCE(?3, bpm), duration_s = COALESCE(?4, duration_s),
                 commercial_ok = COALESCE(?5, commercial_ok)
             WHERE id = ?1",
        )?
        .execute(params![
            id,
            item.industry,
            item.bpm,
            item.duration_s,
            item.commercial_ok
        ])?;
        return Ok(TrendItemId(id));
    }
    conn.prepare_cached(
        "INSERT INTO trend_items (kind, name, region, industry, bpm, duration_s, commercial_ok)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        item.kind.as_str(),
        item.name,
        item.region,
        item.industry,
        item.bpm,
        item.duration_s,
        item.commercial_ok
    ])?;
    Ok(TrendItemId(conn.last_insert_rowid()))
}

/// Adds a capture; the same item, instant and period is kept once. Returns true when added.
pub(crate) fn add_capture(
    conn: &rusqlite::Connection,
    c: &TrendCapture,
) -> Result<bool, StoreError> {
    let added = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO trend_captures
                 (item_id, captured_at, rank, rank_change, posts, views, period_days, source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            c.item.0,
            to_unix(c.captured_at),
            c.rank,
            c.rank_change,
            c.posts.map(|p| p as i64),
            c.views.map(|v| v as i64),
            c.period_days,
            c.source
        ])?;
    Ok(added > 0)
}

impl Store {
    /// Every trend item with its captures (oldest first), items by kind and name.
    pub fn trends(&self) -> Result<Vec<(TrendItem, Vec<TrendCapture>)>, StoreError> {
        let mut items_stmt = self.conn.prepare(
            "SELECT id, kind, name, region, industry, bpm, duration_s, commercial_ok
             FROM trend_items ORDER BY kind, name COLLATE NOCASE",
        )?;
        let items = items_stmt
            .query_map([], |r| {
                let kind: String = r.get(1)?;
                Ok(TrendItem {
                    id: TrendItemId(r.get(0)?),
                    kind: TrendKind::parse(&kind).unwrap_or(TrendKind::Topic),
                    name: r.get(2)?,
                    region: r.get(3)?,
                    industry: r.get(4)?,
                    bpm: r.get(5)?,
                    duration_s: r.get(6)?,
                    commercial_ok: r.get(7)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut caps_stmt = self.conn.prepare(
            "SELECT item_id, captured_at, rank, rank_change, posts, views, period_days, source
             FROM trend_captures ORDER BY item_id, captured_at",
        )?;
        let captures = caps_stmt
            .query_map([], |r| {
                Ok(TrendCapture {
                    item: TrendItemId(r.get(0)?),
                    captured_at: instant(r, 1)?,
                    rank: r.get(2)?,
                    rank_change: r.get(3)?,
                    posts: r.get::<_, Option<i64>>(4)?.map(|p| p.max(0) as u64),
                    views: r.get::<_, Option<i64>>(5)?.map(|v| v.max(0) as u64),
                    period_days: r.get(6)?,
                    source: r.get(7)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(items
            .into_iter()
            .map(|item| {
                let own = captures
                    .iter()
                    .filter(|c| c.item == item.id)
                    .cloned()
                    .collect();
                (item, own)
            })
            .collect())
    }

    /// Records a capture of an item (created if new) in one transaction.
    pub fn record_trend(
        &mut self,
        item: &TrendItem,
        capture: &TrendCapture,
    ) -> Result<TrendItemId, StoreError> {
        self.transaction(|tx| {
            let id = upsert_item(tx, item)?;
            add_capture(
                tx,
                &TrendCapture {
                    item: id,
                    ..capture.clone()
                },
            )?;
            Ok(id)
        })
    }

    /// Records captures typed or pasted in the Trends view (items created when new) in one
    /// transaction; returns what each did, for undo.
    pub fn record_trends(
        &mut self,
        entries: &[(TrendItem, TrendCapture)],
    ) -> Result<Vec<RecordedTrend>, StoreError> {
        self.transaction(|tx| {
            let mut recorded = Vec::with_capacity(entries.len());
            for (item, capture) in entries {
                let new_item = find_item(tx, item)?.is_none();
                let id = upsert_item(tx, item)?;
                let added = add_capture(
                    tx,
                    &TrendCapture {
                        item: id,
                        ..capture.clone()
                    },
                )?;
                let name = match item.kind {
                    TrendKind::Hashtag => format!("#{}", item.name),
                    _ => item.name.clone(),
                };
                recorded.push(RecordedTrend {
                    item: id,
                    name,
                    captured_at: capture.captured_at,
                    period_days: capture.period_days,
                    new_item,
                    added,
                });
            }
            Ok(recorded)
        })
    }

    /// The UUID of a recorded capture, while it is stored.
    pub fn trend_capture_uuid(&self, r: &RecordedTrend) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT uuid FROM trend_captures
                 WHERE item_id = ?1 AND captured_at = ?2 AND period_days = ?3",
                params![r.item.0, to_unix(r.captured_at), r.period_days],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Takes back what [`Store::record_trends`] wrote: the captures it added, and the items it
    /// created once they have no capture left. One transaction.
    pub fn remove_recorded_trends(&mut self, recorded: &[RecordedTrend]) -> Result<(), StoreError> {
        self.transaction(|tx| {
            for r in recorded.iter().filter(|r| r.added) {
                tx.prepare_cached(
                    "DELETE FROM trend_captures
                     WHERE item_id = ?1 AND captured_at = ?2 AND period_days = ?3",
                )?
                .execute(params![
                    r.item.0,
                    to_unix(r.captured_at),
                    r.period_days
                ])?;
            }
            for r in recorded.iter().filter(|r| r.new_item) {
                tx.prepare_cached(
                    "DELETE FROM trend_items WHERE id = ?1
                     AND NOT EXISTS (SELECT 1 FROM trend_captures WHERE item_id = ?1)",
                )?
                .execute([r.item.0])?;
            }
            Ok(())
        })
    }
}
