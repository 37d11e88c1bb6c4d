//! The workspace schema and its forward-only migrations (version in `PRAGMA user_version`).
//!
//! Migrating is safe against other processes doing the same at the same moment (four imports
//! started at once into a file that did not exist yet): the version is read and every step
//! applied inside one `BEGIN IMMEDIATE` transaction, so the second process waits for the
//! first and then finds nothing left to do.

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// Every migration, oldest first: step N takes the schema from version N-1 to N. Append only:
/// a released migration never changes.
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("schema_v1.sql"),
    include_str!("schema_v2.sql"),
    include_str!("schema_v3.sql"),
    include_str!("schema_v4.sql"),
    include_str!("schema_v5.sql"),
    include_str!("schema_v6.sql"),
    include_str!("schema_v7.sql"),
    include_str!("schema_v8.sql"),
];

/// The schema version this build writes.
pub const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

/// Brings the database behind `conn` to the last of `steps` in one transaction that holds the
/// write lock from its first read: the version it starts from cannot change under it.
/// Returns the version found. A version newer than `steps` is left alone (the caller refuses
/// it before writing).
///
/// Foreign-key enforcement is off while the steps run (SQLite's way to rebuild a table: with
/// it on, dropping the old `videos` would delete every snapshot; the rebuilt table keeps every
/// row's id, so what referred to it still does). Enforcement is on again afterwards, however
/// the migration ended.
pub(crate) fn migrate(conn: &mut Connection, steps: &[&str]) -> Result<u32, StoreError> {
    // SQLite ignores this pragma inside a transaction, so it comes first and last.
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let migrated = migrate_unenforced(conn, steps);
    conn.pragma_update(None, "foreign_keys", "ON")?;
    migrated
}

fn migrate_unenforced(conn: &mut Connection, steps: &[&str]) -> Result<u32, StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let from = found as usize;
    if from < steps.len() {
        for (version, sql) in steps.iter().enumerate().skip(from) {
            tx.execute_batch(sql).map_err(|source| {
                if super::error::is_disk_full(&source) {
                    StoreError::from(source)
                } else {
                    StoreError::Migration {
                        version: version as u32 + 1,
                        source,
                    }
                }
            })?;
        }
        tx.pragma_update(None, "user_version", steps.len() as u32)?;
    }
    tx.commit()?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_applies_to_an_empty_database() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut conn, MIGRATIONS).unwrap(), 0);
        let version: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, LATEST_VERSION);
        // A second run finds nothing to do.
        assert_eq!(migrate(&mut conn, MIGRATIONS).unwrap(), LATEST_VERSION);
    }

    #[test]
    fn a_failing_step_leaves_the_database_as_it_was() {
        let mut conn = Connection::open_in_memory().unwrap();
        let steps = ["CREATE TABLE a (x INTEGER);", "CREATE TABLE a (y INTEGER);"];
        let error = migrate(&mut conn, &steps).unwrap_err();
        assert!(matches!(error, StoreError::Migration { version: 2, .. }));
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tables, 0);
    }

    #[test]
    fn version_3_folds_copies_of_a_plan_entry_and_forbids_new_ones() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, &MIGRATIONS[..2]).unwrap();
        conn.execute_batch(
            "INSERT INTO accounts (id, handle, display_name, time_zone, region, language, created_at)
                 VALUES (1, 'knitwit', 'Knitwit', 'UTC', '', '', 0);
             INSERT INTO drafts (id, account_id, created_at, updated_at) VALUES (7, 1, 0, 0);
             INSERT INTO plan_entries (id, account_id, draft_id, wall_time, zone, instant, uid, pinned, created_at, updated_at)
                 VALUES (1, 1, 7, '2026-05-12T18:00', 'UTC', 0, 'a', 0, 0, 0),
                        (2, 1, 7, '2026-05-13T18:00', 'UTC', 0, 'b', 1, 0, 0),
                        (3, 1, 7, '2026-05-14T18:00', 'UTC', 0, 'c', 0, 0, 0);",
        )
        .unwrap();
        migrate(&mut conn, MIGRATIONS).unwrap();
        let kept: Vec<i64> = conn
            .prepare("SELECT id FROM plan_entries")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(kept, [2], "the pinned entry stays");
        let second = conn.execute(
            "INSERT INTO plan_entries (account_id, draft_id, wall_time, zone, instant, uid, created_at, updated_at)
                 VALUES (1, 7, '2026-05-15T18:00', 'UTC', 0, 'd', 0, 0)",
            [],
        );
        assert!(second.is_err(), "a second entry for one draft is refused");
    }

    #[test]
    fn version_7_names_the_identity_index_and_keeps_every_video_and_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.sqlite");
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        migrate(&mut conn, &MIGRATIONS[..6]).unwrap();
        conn.execute_batch(
            "INSERT INTO accounts (handle, display_name, time_zone, region, language, created_at)
                 VALUES ('knitwit', 'Knitwit', 'UTC', '', '', 0);
             INSERT INTO drafts (id, account_id, created_at, updated_at) VALUES (7, 1, 0, 0);
             INSERT INTO videos (id, account_id, platform_id, posted_at, caption, draft_id, shared_seq)
                 VALUES (40, 1, '7001', 100, 'Gordijn', 7, 3);
             INSERT INTO video_snapshots (video_id, captured_at, views) VALUES (40, 200, 12), (40, 300, 15);",
        )
        .unwrap();
        drop(conn);

        let store = crate::store::Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
        let videos = store.videos(crate::domain::AccountId(1)).unwrap();
        assert_eq!(videos.len(), 1);
        assert_eq!(videos[0].video.caption, "Gordijn");
        assert_eq!(
            videos[0].snapshots.len(),
            2,
            "no snapshot deleted by the rebuild"
        );
        let conn = rusqlite::Connection::open(&path).unwrap();
        let (draft, seq): (i64, i64) = conn
            .query_row(
                "SELECT draft_id, shared_seq FROM videos WHERE id = 40",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((draft, seq), (7, 3));
        let indexes: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'videos'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(indexes, ["videos_identity"]);
        // Enforcement is back on: a snapshot of no video is refused, and deleting the video
        // still takes its snapshots along.
        let fk: i64 = store
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        assert!(
            store
                .conn
                .execute(
                    "INSERT INTO video_snapshots (video_id, captured_at, views) VALUES (99, 1, 1)",
                    []
                )
                .is_err()
        );
        store
            .conn
            .execute("DELETE FROM videos WHERE id = 40", [])
            .unwrap();
        let left: i64 = store
            .conn
            .query_row("SELECT count(*) FROM video_snapshots", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
    }

    #[test]
    fn version_8_stores_tiktok_ids_as_integers_and_every_video_is_found_by_its_id_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.sqlite");
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrate(&mut conn, &MIGRATIONS[..7]).unwrap();
        conn.execute_batch(
            "INSERT INTO accounts (handle, display_name, time_zone, region, language, created_at)
                 VALUES ('knitwit', 'Knitwit', 'UTC', '', '', 0);
             INSERT INTO videos (id, account_id, platform_id, posted_at, caption, shared_seq)
                 VALUES (40, 1, '7496577707969826276', 100, 'Gordijn', 3),
                        (41, 1, '007', 200, 'leading zeros', NULL),
                        (42, 1, 'derived-3f2a', 300, 'no TikTok id', NULL);
             INSERT INTO video_snapshots (video_id, captured_at, views) VALUES (40, 200, 12);",
        )
        .unwrap();
        drop(conn);

        let store = crate::store::Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
        let stored: Vec<(i64, String)> = store
            .conn
            .prepare("SELECT id, typeof(platform_id) FROM videos ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            stored,
            [
                (40, "integer".into()),
                (41, "text".into()),
                (42, "text".into())
            ]
        );
        let videos = store.videos(crate::domain::AccountId(1)).unwrap();
        let ids: Vec<(&str, usize)> = videos
            .iter()
            .map(|v| (v.video.platform_id.as_str(), v.snapshots.len()))
            .collect();
        assert_eq!(
            ids,
            [("7496577707969826276", 1), ("007", 0), ("derived-3f2a", 0)]
        );
        for (id, platform_id) in [
            (40, "7496577707969826276"),
            (41, "007"),
            (42, "derived-3f2a"),
        ] {
            let found = crate::store::videos::find_video(
                &store.conn,
                crate::domain::AccountId(1),
                platform_id,
            )
            .unwrap();
            assert_eq!(found, Some(crate::domain::VideoId(id)), "{platform_id}");
        }
        // `7` is not `007`: the text with leading zeros is its own id.
        let seven = crate::store::videos::find_video(&store.conn, crate::domain::AccountId(1), "7")
            .unwrap();
        assert_eq!(seven, None);
    }

    #[test]
    fn version_2_drops_the_posted_index_and_keeps_the_videos_in_post_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.sqlite");
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("schema_v1.sql")).unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO accounts (handle, display_name, time_zone, region, language, created_at)
                 VALUES ('knitwit', 'Knitwit', 'UTC', '', '', 0);
             INSERT INTO videos (account_id, platform_id, posted_at) VALUES (1, 'b', 200);
             INSERT INTO videos (account_id, platform_id, posted_at) VALUES (1, 'a', 100);",
        )
        .unwrap();
        drop(conn);

        let store = crate::store::Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), super::LATEST_VERSION);
        let ids: Vec<String> = store
            .videos(crate::domain::AccountId(1))
            .unwrap()
            .into_iter()
            .map(|v| v.video.platform_id)
            .collect();
        assert_eq!(ids, ["a", "b"]);
        let conn = rusqlite::Connection::open(&path).unwrap();
        let indexes: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'videos_account_posted'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(indexes, 0);
    }
}
