//! The workspace schema and its forward-only migrations (version in `PRAGMA user_version`).

use rusqlite_migration::{M, Migrations};

/// The schema version this build writes.
pub const LATEST_VERSION: u32 = 2;

/// Every migration, oldest first. Append only: a released migration never changes.
pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("schema_v1.sql")),
        M::up(include_str!("schema_v2.sql")),
    ])
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_migrations_are_valid() {
        assert!(super::migrations().validate().is_ok());
        assert_eq!(
            super::LATEST_VERSION as usize,
            2,
            "bump LATEST_VERSION with each migration"
        );
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
        assert_eq!(store.schema_version().unwrap(), 2);
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
