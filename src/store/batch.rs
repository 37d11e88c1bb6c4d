//! A batch: many writes in one transaction, for the demo and for imports. Either the whole
//! batch lands or nothing does (dropping the batch without [`Batch::commit`] rolls back).

use std::cell::RefCell;

use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::convert::{to_list, to_unix};
use super::log_flusher::LogFlusher;
use super::open::{CACHE_KIB, IMPORT_CACHE_KIB};
use super::pending_videos::PendingVideos;
use super::video_identities::{self, VideoIdentities};
use super::videos::SetAside;
use super::{Change, Store, StoreError, VideoWrites, analytics, drafts, import_log, plan, trends};
use crate::domain::{
    AccountId, AudienceShare, DailyMetrics, Draft, DraftId, FollowerActivity, Handle, ImportRecord,
    NewAccount, PlanEntry, PlanEntryId, Snapshot, Subculture, SubcultureId, TrendCapture,
    TrendItem, TrendItemId, Video, VideoId,
};

/// Writes that commit together.
pub struct Batch<'a> {
    tx: Transaction<'a>,
    /// While a big import has set the identity index aside: every video by its identity.
    identities: Option<RefCell<VideoIdentities>>,
    /// New videos waiting to be written while the index is set aside.
    pending: RefCell<PendingVideos>,
    /// While the identity index is set aside: the thread syncing the write-ahead log.
    flusher: Option<LogFlusher>,
    /// Declared after `tx`, so it is dropped after the transaction ends.
    _settings_back: Option<ImportSettingsBack<'a>>,
}

/// Turns foreign-key enforcement back on and shrinks the page cache to its usual size when
/// dropped (after an import's batch).
struct ImportSettingsBack<'a>(&'a Connection);

impl Drop for ImportSettingsBack<'_> {
    fn drop(&mut self) {
        if let Err(error) = self.0.pragma_update(None, "foreign_keys", "ON") {
            eprintln!("scrollstop: could not turn foreign-key checks back on: {error}");
        }
        // Only memory: a failure leaves the bigger cache, which costs nothing else.
        let _ = self.0.pragma_update(None, "cache_size", -CACHE_KIB);
    }
}

impl Store {
    /// Starts a batch of writes in one transaction.
    pub fn batch(&mut self) -> Result<Batch<'_>, StoreError> {
        Ok(Batch {
            tx: self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?,
            identities: None,
            pending: RefCell::default(),
            flusher: None,
            _settings_back: None,
        })
    }

    /// Starts a batch for an import: like [`batch`](Self::batch), but SQLite does not look up
    /// each row's account or video again to enforce the foreign keys, which for a million rows
    /// is two B-tree searches each. Safe because an import only writes ids it has just read or
    /// inserted in the same transaction. Enforcement is back on when the batch ends. The batch
    /// has a bigger page cache ([`IMPORT_CACHE_KIB`]) until it ends.
    pub fn import_batch(&mut self) -> Result<Batch<'_>, StoreError> {
        // SQLite ignores this pragma inside a transaction, so it comes before the batch's.
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        let conn: &Connection = &self.conn;
        let settings_back = ImportSettingsBack(conn);
        conn.pragma_update(None, "cache_size", -IMPORT_CACHE_KIB)?;
        Ok(Batch {
            tx: Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?,
            identities: None,
            pending: RefCell::default(),
            flusher: None,
            _settings_back: Some(settings_back),
        })
    }
}

/// An import at least this big sets the identity index aside when the workspace stores no more
/// videos than it brings: building the index again afterwards then costs less than keeping it
/// in step row by row.
const SET_ASIDE_FROM_VIDEOS: u64 = 10_000;

/// The estimate [`Batch::expect_videos`] is told counts a file's rows as if each took the
/// fewest bytes a row can; a history's rows take about three times that (a caption, tags and
/// a sound), so about a third of it are expected when room is made for them in memory.
const TYPICAL_ROW_SHARE: u64 = 3;

impl Batch<'_> {
    /// Tells the batch how many videos the import may bring (an estimate from its files'
    /// sizes). When that is many, and at least as many as the workspace stores, the identity
    /// index is set aside until the batch commits (see [`VideoIdentities`]). Call before any
    /// write and any [part](Self::begin_part).
    pub fn expect_videos(&mut self, videos: u64) -> Result<(), StoreError> {
        if self.identities.is_some() || videos < SET_ASIDE_FROM_VIDEOS {
            return Ok(());
        }
        // The highest id is a close upper bound of the count, read from the tree's last page.
        let stored: i64 =
            self.tx
                .query_row("SELECT coalesce(max(id), 0) FROM videos", [], |r| r.get(0))?;
        let stored = stored.max(0) as u64;
        if videos >= stored {
            // Rows are now appended in order: the big cache for random inserts is not needed,
            // nor while every stored video's identity is read (that read filled it with the
            // videos table when a million-row history was imported again).
            self.tx.pragma_update(None, "cache_size", -CACHE_KIB)?;
            let room = stored + videos / TYPICAL_ROW_SHARE;
            let identities =
                VideoIdentities::set_index_aside(&self.tx, usize::try_from(room).unwrap_or(0))?;
            self.identities = Some(RefCell::new(identities));
            // Such an import writes hundreds of megabytes of log: synced as it grows, the
            // commit does not wait for all of it.
            self.flusher = self
                .tx
                .path()
                .filter(|path| !path.is_empty())
                .map(|path| LogFlusher::start(format!("{path}-wal").into()));
        }
        Ok(())
    }

    /// True while the identity index is set aside.
    #[cfg(test)]
    pub(crate) fn identity_index_set_aside(&self) -> bool {
        self.identities.is_some()
    }

    /// Builds the identity index again when a big import set it aside (the videos still
    /// waiting are written first): what [`commit`](Self::commit) does first otherwise. An
    /// import calls it before its last writes, so that other work goes on meanwhile (its files
    /// are hashed). Later writes find videos through the index again.
    pub fn restore_identity_index(&mut self) -> Result<(), StoreError> {
        if self.identities.take().is_some() {
            self.pending.borrow_mut().write(&self.tx)?;
            video_identities::restore_index(&self.tx)?;
        }
        Ok(())
    }

    /// Makes every write of the batch permanent (building the identity index again first, when
    /// it was set aside).
    pub fn commit(mut self) -> Result<(), StoreError> {
        self.restore_identity_index()?;
        // Only a batch with the index set aside holds videos waiting: they are written now.
        let Batch {
            tx,
            flusher,
            _settings_back,
            ..
        } = self;
        tx.commit()?;
        drop(flusher);
        drop(_settings_back);
        Ok(())
    }

    /// Marks where a part of the batch starts (one imported file), so that part alone can be
    /// [undone](Self::undo_part) while the rest of the batch stays.
    pub fn begin_part(&self) -> Result<(), StoreError> {
        // Videos still waiting belong before the part: undoing it must not drop them.
        self.pending.borrow_mut().write(&self.tx)?;
        Ok(self.tx.execute_batch("SAVEPOINT batch_part")?)
    }

    /// Keeps the writes since [`begin_part`](Self::begin_part) as part of the batch.
    pub fn end_part(&self) -> Result<(), StoreError> {
        self.pending.borrow_mut().write(&self.tx)?;
        Ok(self.tx.execute_batch("RELEASE batch_part")?)
    }

    /// Undoes every write since [`begin_part`](Self::begin_part).
    pub fn undo_part(&self) -> Result<(), StoreError> {
        self.pending.borrow_mut().drop_waiting();
        self.tx
            .execute_batch("ROLLBACK TO batch_part; RELEASE batch_part")?;
        if let Some(known) = &self.identities {
            // The videos of the undone part are gone again.
            let room = known.borrow().room();
            *known.borrow_mut() = VideoIdentities::read(&self.tx, room)?;
        }
        Ok(())
    }

    /// Adds an account. The statement is cached: compiling it with the accounts table's
    /// triggers took about 220,000 instructions (callgrind), paid once per account by a
    /// history naming 2,000 accounts: 17% of the writing of 100,000 such rows.
    pub fn add_account(&self, a: &NewAccount) -> Result<AccountId, StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO accounts (handle, display_name, time_zone, region, language, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                Handle::parse(a.handle.as_str())?.as_str(),
                a.display_name,
                a.time_zone.name(),
                a.region,
                a.language,
                to_unix(Utc::now())
            ],
        )?;
        Ok(AccountId(self.tx.last_insert_rowid()))
    }

    /// Adds a subculture (its id field is ignored).
    pub fn add_subculture(&self, s: &Subculture) -> Result<SubcultureId, StoreError> {
        self.tx.execute(
            "INSERT INTO subcultures (name, hashtags, description, colour, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                s.name,
                to_list(&s.hashtags),
                s.description,
                s.colour.to_hex(),
                to_unix(Utc::now())
            ],
        )?;
        Ok(SubcultureId(self.tx.last_insert_rowid()))
    }

    /// Adds a draft as given, timestamps included (its id field is ignored).
    pub fn add_draft(&self, d: &Draft) -> Result<DraftId, StoreError> {
        drafts::insert(&self.tx, d)
    }

    /// The account's live draft with exactly this title and caption, if any.
    pub fn find_draft(
        &self,
        account: AccountId,
        title: &str,
        caption: &str,
    ) -> Result<Option<DraftId>, StoreError> {
        drafts::find_same(&self.tx, account, title, caption)
    }

    /// The live subculture called `name` (with or without `#`, any case), if any.
    pub fn find_subculture(&self, name: &str) -> Result<Option<SubcultureId>, StoreError> {
        let bare = name.trim().trim_start_matches('#');
        Ok(self
            .tx
            .prepare_cached(
                "SELECT id FROM subcultures WHERE trashed_at IS NULL
                 AND ltrim(name, '#') = ?1 COLLATE NOCASE ORDER BY id LIMIT 1",
            )?
            .query_row([bare], |r| r.get(0))
            .optional()?
            .map(SubcultureId))
    }

    /// The account's time zone (UTC when the stored name is unknown).
    pub fn account_zone(&self, account: AccountId) -> Result<chrono_tz::Tz, StoreError> {
        let name: String = self
            .tx
            .prepare_cached("SELECT time_zone FROM accounts WHERE id = ?1")?
            .query_row([account.0], |r| r.get(0))?;
        Ok(name.parse().unwrap_or(chrono_tz::UTC))
    }

    pub fn add_draft_comment(
        &self,
        draft: DraftId,
        author: &str,
        at: chrono::DateTime<Utc>,
        text: &str,
    ) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("INSERT INTO draft_comments (draft_id, author, created_at, body) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![draft.0, author, to_unix(at), text])?;
        Ok(())
    }

    /// Finds or inserts a video, filling in fields it did not know; returns its id and what
    /// changed.
    pub fn upsert_video(&self, v: &Video) -> Result<(VideoId, Change), StoreError> {
        self.video_writes()?.upsert(&v.into())
    }

    /// Statements for writing many videos and snapshots (an import's rows).
    pub fn video_writes(&self) -> Result<VideoWrites<'_>, StoreError> {
        let set_aside = self.identities.as_ref().map(|identities| SetAside {
            identities,
            pending: &self.pending,
        });
        VideoWrites::new(&self.tx, set_aside)
    }

    /// The live account with this handle, if any.
    pub fn find_account(&self, handle: &Handle) -> Result<Option<AccountId>, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT id FROM accounts WHERE handle = ?1 AND trashed_at IS NULL")?
            .query_row([handle.as_str()], |r| r.get(0))
            .optional()?
            .map(AccountId))
    }

    /// Adds a snapshot unless one exists at the same instant; true when added.
    pub fn add_snapshot(&self, s: &Snapshot) -> Result<bool, StoreError> {
        self.video_writes()?.add_snapshot(s)
    }

    /// Merges one day of metrics: present fields overwrite, absent ones are kept.
    pub fn upsert_daily_metrics(
        &self,
        account: AccountId,
        m: &DailyMetrics,
    ) -> Result<Change, StoreError> {
        analytics::upsert_daily(&self.tx, account, m)
    }

    pub fn upsert_follower_activity(&self, a: &FollowerActivity) -> Result<Change, StoreError> {
        analytics::upsert_activity(&self.tx, a)
    }

    pub fn upsert_audience_share(&self, s: &AudienceShare) -> Result<Change, StoreError> {
        analytics::upsert_share(&self.tx, s)
    }

    /// Finds or creates a trend item by kind, name and region.
    pub fn upsert_trend_item(&self, item: &TrendItem) -> Result<TrendItemId, StoreError> {
        trends::upsert_item(&self.tx, item)
    }

    /// Adds a capture unless the same one exists; true when added.
    pub fn add_trend_capture(&self, c: &TrendCapture) -> Result<bool, StoreError> {
        trends::add_capture(&self.tx, c)
    }

    pub fn add_plan_entry(&self, e: &PlanEntry) -> Result<PlanEntryId, StoreError> {
        plan::insert(&self.tx, e)
    }

    pub fn log_import(&self, r: &ImportRecord) -> Result<i64, StoreError> {
        import_log::insert(&self.tx, r)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn foreign_keys_on(store: &Store) -> bool {
        store
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get::<_, i64>(0))
            .map(|on| on == 1)
            .unwrap_or(false)
    }

    /// The connection's page cache in KiB.
    fn cache_kib(conn: &rusqlite::Connection) -> i64 {
        conn.query_row("PRAGMA cache_size", [], |r| r.get::<_, i64>(0))
            .map(|size| -size)
            .unwrap_or(0)
    }

    #[test]
    fn an_import_batch_turns_foreign_key_settings_back_on_however_it_ends() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("w.sqlite")).unwrap();
        assert!(foreign_keys_on(&store));
        assert_eq!(cache_kib(&store.conn), CACHE_KIB);

        let batch = store.import_batch().unwrap();
        batch.set_setting("k", "committed").unwrap();
        batch.commit().unwrap();
        assert!(foreign_keys_on(&store), "after a commit");
        assert_eq!(
            cache_kib(&store.conn),
            CACHE_KIB,
            "the import's cache given back"
        );

        let batch = store.import_batch().unwrap();
        assert_eq!(
            cache_kib(&batch.tx),
            IMPORT_CACHE_KIB,
            "a bigger cache while importing"
        );
        batch.set_setting("k", "rolled back").unwrap();
        drop(batch);

        // Building the identity index back sorts with a smaller cache, then gives the import
        // its own again.
        let mut batch = store.import_batch().unwrap();
        batch.expect_videos(1_000_000).unwrap();
        assert!(batch.identity_index_set_aside());
        let before = cache_kib(&batch.tx);
        batch.restore_identity_index().unwrap();
        assert!(!batch.identity_index_set_aside());
        assert_eq!(
            cache_kib(&batch.tx),
            before,
            "the import's cache after the index is built"
        );
        drop(batch);
        assert!(foreign_keys_on(&store), "after a rollback");
        assert_eq!(cache_kib(&store.conn), CACHE_KIB, "after a rollback too");
        assert_eq!(store.setting("k").unwrap().as_deref(), Some("committed"));
    }
}
