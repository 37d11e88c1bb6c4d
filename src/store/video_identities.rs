//! Videos known by their identity (account and TikTok id) in memory, while a big import has set
//! the `videos_identity` index aside: SQLite then appends rows without keeping that index in
//! step, and builds it once, sorted, before the import commits (about half the work of a
//! million inserts into it in random order). Meanwhile every lookup by identity comes here.
//!
//! A TikTok id the workspace stores as an integer ([`platform_id_number`], schema 8) is kept
//! as that number, behind a filter that tells most new videos at once ([`NumericIds`]);
//! anything else (ids Scrollstop derives for rows without one) as text.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use rusqlite::Connection;
use rusqlite::types::ValueRef;

use super::StoreError;
use super::convert::{StoredPlatformId, platform_id_number};
use super::numeric_ids::NumericIds;
use super::open::with_cache;
use crate::domain::{AccountId, VideoId};

/// The index a big import sets aside (schema 7).
const INDEX: &str = "videos_identity";

/// Every stored video's id by its identity.
#[derive(Debug, Default)]
pub(crate) struct VideoIdentities {
    numeric: NumericIds,
    other: HashMap<(i64, Box<str>), i64>,
    /// The id the next new video gets: one past the highest stored or given, as SQLite would
    /// choose it. Known before the row is written, it lets new rows wait to be written
    /// several at a time ([`PendingVideos`](super::pending_videos::PendingVideos)).
    next_id: i64,
    /// How many videos the tables were made for ([`read`](Self::read)).
    room: usize,
}

impl VideoIdentities {
    /// Drops the identity index inside the caller's transaction and reads every stored video's
    /// identity, with room for `room` videos in all. The index comes back with
    /// [`restore_index`]; a rollback brings it back too.
    pub(crate) fn set_index_aside(conn: &Connection, room: usize) -> Result<Self, StoreError> {
        conn.execute_batch(&format!("DROP INDEX {INDEX}"))?;
        Self::read(conn, room)
    }

    /// How many videos the tables were made for.
    pub(crate) fn room(&self) -> usize {
        self.room
    }

    /// Every stored video's identity (read again after part of a batch was undone), with room
    /// for `room` videos in all (the stored ones and those the import may bring) made before
    /// the first is read. Grown as it filled, a million-entry table is rebuilt about twenty
    /// times, each time moving every entry, and held twice while it moves: re-importing a
    /// million-row history into the workspace holding it peaked near 300 MB.
    pub(crate) fn read(conn: &Connection, room: usize) -> Result<Self, StoreError> {
        let mut known = VideoIdentities {
            room,
            ..VideoIdentities::default()
        };
        known.numeric.reserve(room);
        let mut stmt = conn.prepare("SELECT id, account_id, platform_id FROM videos")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let account: i64 = row.get(1)?;
            let (account, id) = (AccountId(account), VideoId(id));
            match row.get_ref(2)? {
                // Stored as an integer (schema 8): its text is its decimal form.
                ValueRef::Integer(number) => known.note_number(account, number, id),
                text => known.note(account, text.as_str().map_err(rusqlite::Error::from)?, id),
            }
        }
        Ok(known)
    }

    /// The id of the account's video with this TikTok id, if stored.
    pub(crate) fn get(&self, account: AccountId, platform_id: &str) -> Option<VideoId> {
        match platform_id_number(platform_id) {
            Some(number) => self.numeric.get((account.0, number)),
            None => self
                .other
                .get(&(account.0, Box::from(platform_id)))
                .copied(),
        }
        .map(VideoId)
    }

    /// The id of the account's video with this TikTok id and `false`, or, when none is
    /// known, the id a new video gets and `true` (the caller then stores it under that id):
    /// one lookup either way.
    pub(crate) fn find_or_add(
        &mut self,
        account: AccountId,
        platform_id: StoredPlatformId<'_>,
    ) -> (VideoId, bool) {
        let new = self.next_id.max(1);
        let found = match platform_id {
            StoredPlatformId::Number(number) => self.numeric.find_or_add((account.0, number), new),
            StoredPlatformId::Text(text) => match self.other.entry((account.0, Box::from(text))) {
                Entry::Occupied(stored) => (*stored.get(), false),
                Entry::Vacant(slot) => (*slot.insert(new), true),
            },
        };
        if found.1 {
            self.next_id = new.saturating_add(1);
        }
        (VideoId(found.0), found.1)
    }

    /// Notes a video stored.
    pub(crate) fn note(&mut self, account: AccountId, platform_id: &str, id: VideoId) {
        match platform_id_number(platform_id) {
            Some(number) => self.note_number(account, number, id),
            None => {
                self.next_id = self.next_id.max(id.0.saturating_add(1));
                self.other.insert((account.0, Box::from(platform_id)), id.0);
            }
        }
    }

    /// Notes a stored video whose TikTok id is the number `number`.
    fn note_number(&mut self, account: AccountId, number: i64, id: VideoId) {
        self.next_id = self.next_id.max(id.0.saturating_add(1));
        self.numeric.insert((account.0, number), id.0);
    }
}

/// Builds the identity index again, before the import's transaction commits. Fails (and the
/// commit with it) if two stored videos share an identity, which the lookups here prevent.
pub(crate) fn restore_index(conn: &Connection) -> Result<(), StoreError> {
    // The sort behind the index may use a second thread: the readers are done by now, so the
    // other core is free. SQLite's sorter holds as many entries as the page cache holds pages
    // before it hands a sorted run to that thread, and sorts the last run on this one: with half
    // the import's cache, more of the sorting runs on the other core while the table is read.
    // Like the cache, the sorter's threads are set back whether the build succeeded or not.
    with_cache(conn, SORT_RUN_KIB, || {
        conn.pragma_update(None, "threads", 1)?;
        let built = conn.execute_batch(&format!(
            "CREATE UNIQUE INDEX {INDEX} ON videos(account_id, platform_id)"
        ));
        conn.pragma_update(None, "threads", 0)?;
        built
    })??;
    Ok(())
}

/// The page cache while the identity index is built, in KiB: the size of each sorted run.
const SORT_RUN_KIB: i64 = 8192;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Snapshot;
    use crate::store::{Change, Store, temporary_with_account, video_for_tests as video};

    fn index_exists(store: &Store) -> bool {
        store
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?1",
                [INDEX],
                |r| r.get::<_, i64>(0),
            )
            .unwrap()
            == 1
    }

    #[test]
    fn the_identities_make_room_for_the_stored_videos_and_those_to_come_before_reading() {
        let (_dir, mut store, account) = temporary_with_account();
        let batch = store.import_batch().unwrap();
        for n in 0..3 {
            batch
                .upsert_video(&video(account, &format!("700{n}"), ""))
                .unwrap();
        }
        batch.commit().unwrap();
        let mut known = VideoIdentities::read(&store.conn, 40_000).unwrap();
        assert_eq!(known.room(), 40_000);
        let made = known.numeric.capacity();
        assert!(made >= 40_000, "room for 40,000 made at once: {made}");
        assert_eq!(
            known.get(account, "7002").map(|id| id.0),
            Some(3),
            "the stored videos are read"
        );
        // Filling the room to the last video never grows the table.
        for n in 0..39_997 {
            let (_, new) = known.find_or_add(account, StoredPlatformId::Number(10_000_000 + n));
            assert!(new);
        }
        assert_eq!(known.numeric.capacity(), made);
    }

    #[test]
    fn a_big_import_finds_its_own_and_stored_videos_without_the_index_and_builds_it_back() {
        let (_dir, mut store, account) = temporary_with_account();
        let (stored, _) = {
            let batch = store.import_batch().unwrap();
            let stored = batch.upsert_video(&video(account, "7001", "")).unwrap();
            batch.commit().unwrap();
            stored
        };
        let mut batch = store.import_batch().unwrap();
        batch.expect_videos(50_000).unwrap();
        assert!(batch.identity_index_set_aside());
        let mut writes = batch.video_writes().unwrap();
        // A stored video is found and merged: its empty caption is filled in.
        let (again, change) = writes
            .upsert(&(&video(account, "7001", "Gordijn")).into())
            .unwrap();
        assert_eq!((again, change), (stored, Change::Updated));
        // A new one is inserted once; the second row of it in the same import merges.
        let (new, change) = writes
            .upsert(&(&video(account, "007", "x")).into())
            .unwrap();
        assert_eq!(change, Change::Added);
        let (same, change) = writes
            .upsert(&(&video(account, "007", "x")).into())
            .unwrap();
        assert_eq!((same, change), (new, Change::Unchanged));
        assert_eq!(writes.find(account, "007").unwrap(), Some(new));
        assert_eq!(writes.find(account, "7").unwrap(), None);
        let snapshot = Snapshot {
            video: new,
            captured_at: chrono::DateTime::from_timestamp(1_750_000_000, 0).unwrap(),
            views: 10,
            likes: None,
            comments: None,
            shares: None,
            saves: None,
            avg_watch_s: None,
            full_watch_rate: None,
        };
        assert!(writes.add_snapshot(&snapshot).unwrap());
        drop(writes);
        batch.commit().unwrap();

        assert!(
            index_exists(&store),
            "the index is built back before the commit"
        );
        let videos = store.videos(account).unwrap();
        let captions: Vec<(&str, &str, usize)> = videos
            .iter()
            .map(|v| {
                (
                    v.video.platform_id.as_str(),
                    v.video.caption.as_str(),
                    v.snapshots.len(),
                )
            })
            .collect();
        assert_eq!(captions, [("7001", "Gordijn", 0), ("007", "x", 1)]);
        // The index keeps identities unique again.
        let twice = store.conn.execute(
            "INSERT INTO videos (account_id, platform_id, posted_at) VALUES (?1, '007', 0)",
            [account.0],
        );
        assert!(twice.is_err());
    }

    #[test]
    fn the_index_built_back_before_the_commit_finds_the_videos_written_before_and_after_it() {
        let (_dir, mut store, account) = temporary_with_account();
        let mut batch = store.import_batch().unwrap();
        batch.expect_videos(50_000).unwrap();
        let (first, _) = batch.upsert_video(&video(account, "7001", "")).unwrap();
        batch.restore_identity_index().unwrap();
        assert!(!batch.identity_index_set_aside());
        // The video still waiting was written before the index was built: found through it.
        let (again, change) = batch
            .upsert_video(&video(account, "7001", "Gordijn"))
            .unwrap();
        assert_eq!((again, change), (first, Change::Updated));
        let (second, change) = batch.upsert_video(&video(account, "7002", "")).unwrap();
        assert_eq!(change, Change::Added);
        let (same, change) = batch.upsert_video(&video(account, "7002", "")).unwrap();
        assert_eq!((same, change), (second, Change::Unchanged));
        batch.restore_identity_index().unwrap(); // nothing set aside: nothing to do
        batch.commit().unwrap();

        assert!(index_exists(&store));
        let stored: Vec<(String, String)> = store
            .videos(account)
            .unwrap()
            .into_iter()
            .map(|v| (v.video.platform_id, v.video.caption))
            .collect();
        assert_eq!(
            stored,
            [
                ("7001".into(), "Gordijn".into()),
                ("7002".into(), String::new())
            ]
        );
    }

    #[test]
    fn a_dropped_import_leaves_the_index_and_an_undone_file_its_videos_unknown() {
        let (_dir, mut store, account) = temporary_with_account();
        {
            let mut batch = store.import_batch().unwrap();
            batch.expect_videos(50_000).unwrap();
            batch.begin_part().unwrap();
            batch.upsert_video(&video(account, "1", "undone")).unwrap();
            batch.undo_part().unwrap();
            assert_eq!(
                batch.video_writes().unwrap().find(account, "1").unwrap(),
                None
            );
            let (_, change) = batch.upsert_video(&video(account, "1", "kept")).unwrap();
            assert_eq!(change, Change::Added, "the undone video is new again");
            // dropped without a commit: rolled back
        }
        assert!(index_exists(&store), "the rollback brings the index back");
        assert!(store.videos(account).unwrap().is_empty());
    }

    #[test]
    fn a_small_import_or_a_big_workspace_keeps_the_index() {
        let (_dir, mut store, account) = temporary_with_account();
        let mut batch = store.import_batch().unwrap();
        batch.expect_videos(9_999).unwrap();
        assert!(
            !batch.identity_index_set_aside(),
            "too small to be worth it"
        );
        for i in 0..20_000 {
            batch
                .upsert_video(&video(account, &i.to_string(), ""))
                .unwrap();
        }
        batch.commit().unwrap();
        let mut batch = store.import_batch().unwrap();
        batch.expect_videos(19_000).unwrap();
        assert!(
            !batch.identity_index_set_aside(),
            "the workspace stores more than the import brings"
        );
        batch.expect_videos(20_000).unwrap();
        assert!(batch.identity_index_set_aside());
        assert_eq!(
            batch
                .video_writes()
                .unwrap()
                .find(account, "19999")
                .unwrap()
                .map(|v| v.0),
            Some(20_000)
        );
    }

    #[test]
    fn ids_with_leading_zeros_or_letters_stay_text() {
        assert_eq!(
            platform_id_number("7471985734489755000"),
            Some(7471985734489755000)
        );
        assert_eq!(platform_id_number("0"), Some(0));
        assert_eq!(platform_id_number("007"), None);
        assert_eq!(platform_id_number("derived-00ab"), None);
        assert_eq!(platform_id_number("99999999999999999999"), None);
        let mut known = VideoIdentities::default();
        known.note(AccountId(1), "7", VideoId(10));
        known.note(AccountId(1), "007", VideoId(11));
        known.note(AccountId(2), "7", VideoId(12));
        assert_eq!(known.get(AccountId(1), "7"), Some(VideoId(10)));
        assert_eq!(known.get(AccountId(1), "007"), Some(VideoId(11)));
        assert_eq!(known.get(AccountId(2), "7"), Some(VideoId(12)));
        assert_eq!(known.get(AccountId(2), "007"), None);
    }
}
