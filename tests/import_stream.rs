//! Big video histories are read from disk piece by piece and written as they are read: the
//! records, rejections and counts are exactly those of reading the file whole, a preview's
//! commit reads the file again, and refuses (writing nothing) when it changed in between.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use scrollstop::io::{Collected, Limits, ReadOptions, read_bytes, read_paths, table_readers};
use scrollstop::workspace::{ImportOptions, Progress, Silent, Workspace, WorkspaceError};

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_767_441_600, 0).expect("instant")
}

/// A history of `n` rows over three accounts, with BOM, quoted captions spanning lines and
/// abbreviated counts, then a row whose views cannot be read.
fn history(n: usize) -> String {
    let mut text = String::from(
        "\u{FEFF}user_name,vid_id,vid_caption,vid_postTime,vid_scrapeTime,vid_nview,vid_nlike\n",
    );
    for i in 0..n {
        let id = ((1_740_000_000u64 + i as u64) << 32) | i as u64;
        let caption = if i % 7 == 0 {
            format!("\"two\nlines, #knit {i}\"")
        } else {
            format!("day {i} #cozy")
        };
        let _ = writeln!(
            text,
            "creator.{},{id},{caption},2025-03-0{} 10:00:00,2025-06-01 10:00:00,{}.{}K,{}",
            i % 3,
            1 + i % 9,
            i % 90,
            i % 10,
            i % 500
        );
    }
    text.push_str("creator.1,123,bad views,2025-03-01 10:00:00,2025-06-01 10:00:00,lots,1\n");
    text
}

#[test]
fn reading_piece_by_piece_gives_what_reading_whole_gives() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("history.csv");
    let text = history(3000);
    std::fs::write(&path, &text).expect("write");
    let options = |stream_over_bytes| ReadOptions {
        limits: Limits {
            stream_over_bytes,
            ..Limits::default()
        },
        table_readers: table_readers(now(), Vec::new()),
        ..ReadOptions::default()
    };
    let mut whole = Collected::default();
    assert!(
        read_bytes(
            "history.csv",
            text.as_bytes(),
            &options(u64::MAX),
            &mut whole
        )
        .is_empty()
    );
    let mut streamed = Collected::default();
    assert!(read_paths(&[path], &options(0), &mut streamed).is_empty());
    assert_eq!(whole.videos.len(), 3000);
    assert_eq!(streamed.videos, whole.videos);
    assert_eq!(streamed.rejected, whole.rejected);
    assert_eq!(streamed.files, whole.files);
}

/// [`history`] of `rows` rows without its bad row, written to `dir/history.csv`: its path and
/// text.
fn clean_history(dir: &Path, rows: usize) -> (PathBuf, String) {
    let path = dir.join("history.csv");
    let mut text = history(rows);
    text.truncate(text.rfind("creator.1,123,bad").expect("the bad row"));
    std::fs::write(&path, &text).expect("write");
    (path, text)
}

/// A new workspace in `dir`, its path, and import options dated [`now`].
fn new_workspace(dir: &Path) -> (PathBuf, Workspace, ImportOptions) {
    let ws_path = dir.join("ws.sqlite");
    let ws = Workspace::open(&ws_path).expect("workspace");
    let options = ImportOptions {
        imported_at: now(),
        ..ImportOptions::default()
    };
    (ws_path, ws, options)
}

/// How many identity indexes (`videos_identity`) the workspace at `path` has: 1 when it is in
/// place, 0 while a big import has it set aside.
fn identity_indexes(path: &Path) -> i64 {
    count_where(
        path,
        "sqlite_master",
        "type = 'index' AND name = 'videos_identity'",
    )
}

fn count_where(path: &Path, table: &str, condition: &str) -> i64 {
    rusqlite::Connection::open(path)
        .expect("open")
        .query_row(
            &format!("SELECT count(*) FROM {table} WHERE {condition}"),
            [],
            |r| r.get(0),
        )
        .expect("count")
}

fn count(path: &Path, table: &str) -> i64 {
    count_where(path, table, "true")
}

#[test]
fn a_big_history_previews_and_commits_the_same_and_a_changed_file_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    // Over 8 MB: read piece by piece.
    let (path, mut text) = clean_history(dir.path(), 120_000);
    assert!(text.len() > 8 * 1024 * 1024);
    let (ws_path, mut ws, options) = new_workspace(dir.path());
    let paths = vec![path.clone()];
    let prepared = ws
        .prepare_import(&paths, options.clone(), &Silent)
        .expect("preview");
    assert!(
        !prepared.report.has_problems(),
        "{:?}",
        prepared.report.rejected
    );
    assert_eq!(prepared.report.files[0].changes.added, 120_000);
    assert_eq!(prepared.report.new_accounts.len(), 3);
    assert_eq!(count(&ws_path, "videos"), 0, "the preview writes nothing");
    let preview = prepared.report.files[0].changes;
    let report = ws.commit_import(prepared, &Silent).expect("commit");
    assert!(report.committed);
    assert_eq!(report.files[0].changes, preview);
    assert_eq!(count(&ws_path, "videos"), 120_000);
    assert_eq!(count(&ws_path, "video_snapshots"), 120_000);

    // Previewed, then changed before the commit: nothing is written.
    let again = ws
        .prepare_import(&paths, options.clone(), &Silent)
        .expect("preview");
    assert_eq!(again.report.files[0].changes.skipped, 120_000);
    text.push_str("creator.2,999,new,2025-03-01 10:00:00,2025-06-01 10:00:00,5,1\n");
    std::fs::write(&path, &text).expect("write");
    let refused = ws.commit_import(again, &Silent).expect("commit");
    assert!(!refused.committed);
    assert!(
        refused
            .errors
            .iter()
            .any(|e| e.contains("changed since the preview"))
    );
    assert_eq!(count(&ws_path, "videos"), 120_000);
    assert_eq!(count(&ws_path, "import_log"), 1);
}

#[test]
fn a_big_import_logs_the_hash_of_the_bytes_it_read() {
    use sha2::{Digest, Sha256};
    let dir = tempfile::tempdir().expect("dir");
    let (path, text) = clean_history(dir.path(), 20_000);
    let (ws_path, mut ws, options) = new_workspace(dir.path());
    // Big enough for the identity index to be set aside and built again before the log is
    // written, while the file is hashed once it was read.
    let report = ws
        .import_now(std::slice::from_ref(&path), options, &Silent)
        .expect("import");
    assert!(report.committed, "{:?}", report.rejected);
    assert_eq!(report.files[0].changes.added, 20_000);
    let logged: (String, String) = rusqlite::Connection::open(&ws_path)
        .expect("open")
        .query_row("SELECT file_name, content_hash FROM import_log", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("one file logged");
    let expected = format!("{:x}", Sha256::digest(text.as_bytes()));
    assert_eq!(logged, ("history.csv".to_string(), expected));
    let unique = identity_indexes(&ws_path);
    assert_eq!(unique, 1, "the identity index is back");
}

/// Every message an import reports, once each in a row; asks to stop once the latest is
/// `cancel_at`.
#[derive(Default)]
struct Watched {
    messages: std::sync::Mutex<Vec<String>>,
    cancel_at: Option<&'static str>,
}

impl Watched {
    fn messages(&self) -> Vec<String> {
        self.messages.lock().expect("messages").clone()
    }
}

impl Progress for Watched {
    fn report(&self, _done: f32, message: &str) {
        let mut messages = self.messages.lock().expect("messages");
        if messages.last().is_none_or(|last| last != message) {
            messages.push(message.to_string());
        }
    }

    fn is_cancelled(&self) -> bool {
        let latest = self.messages.lock().expect("messages").last().cloned();
        self.cancel_at
            .is_some_and(|at| latest.as_deref() == Some(at))
    }
}

#[test]
fn a_big_commit_says_when_it_indexes_and_saves_and_a_cancel_at_the_last_step_writes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    // Big enough for the identity index to be set aside, so building it again takes a while.
    let (path, _) = clean_history(dir.path(), 20_000);
    let (ws_path, mut ws, options) = new_workspace(dir.path());
    let paths = vec![path];

    let cancelling = Watched {
        cancel_at: Some("Saving the import"),
        ..Watched::default()
    };
    let prepared = ws
        .prepare_import(&paths, options.clone(), &Silent)
        .expect("preview");
    let cancelled = ws.commit_import(prepared, &cancelling);
    assert!(
        matches!(cancelled, Err(WorkspaceError::Cancelled)),
        "{cancelled:?}"
    );
    assert_eq!(count(&ws_path, "videos"), 0, "cancelled before the commit");
    assert_eq!(count(&ws_path, "import_log"), 0);
    let index = identity_indexes(&ws_path);
    assert_eq!(index, 1, "the index set aside is back with the rollback");

    let watched = Watched::default();
    let prepared = ws
        .prepare_import(&paths, options, &Silent)
        .expect("preview");
    let report = ws.commit_import(prepared, &watched).expect("commit");
    assert!(report.committed);
    assert_eq!(count(&ws_path, "videos"), 20_000);
    let messages = watched.messages();
    assert_eq!(messages.first().map(String::as_str), Some("Writing"));
    assert_eq!(
        messages[messages.len() - 2..],
        ["Indexing the imported videos", "Saving the import"],
        "the last steps after the rows: {messages:?}"
    );
}
