//! Files that are not healthy Scrollstop workspaces get a clear error and are left
//! byte-for-byte untouched.

use std::fs;
use std::path::{Path, PathBuf};

use scrollstop::store::{Store, StoreError};

fn workspace_with_data(dir: &Path) -> PathBuf {
    let path = dir.join("w.sqlite");
    let mut store = Store::open(&path).expect("creates");
    for i in 0..200 {
        store
            .add_subculture(
                &format!("#Sub{i}"),
                &["tag".to_string()],
                &"x".repeat(300),
                scrollstop::domain::Colour([1, 2, 3]),
            )
            .expect("fill");
    }
    drop(store);
    path
}

fn assert_untouched(path: &Path, before: &[u8], error: StoreError, expect: &str) {
    let message = error.to_string();
    assert!(
        message.contains(expect),
        "message {message:?} should contain {expect:?}"
    );
    assert!(
        message.contains(&path.display().to_string()),
        "message names the file: {message}"
    );
    assert_eq!(
        fs::read(path).expect("read back"),
        before,
        "file must be unchanged"
    );
}

fn open_err(path: &Path) -> StoreError {
    match Store::open(path) {
        Ok(_) => panic!("{} should have been refused", path.display()),
        Err(e) => e,
    }
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.sqlite");
    let bytes = b"Date,Video Views\nApril 12,100\n".to_vec();
    fs::write(&path, &bytes).expect("write");
    assert_untouched(&path, &bytes, open_err(&path), "not an SQLite database");
}

#[test]
fn a_corrupt_workspace_is_refused_and_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = workspace_with_data(dir.path());
    let root: i64 = rusqlite::Connection::open(&path)
        .expect("raw open")
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = 'subcultures'",
            [],
            |r| r.get(0),
        )
        .expect("root page");
    let root = root as usize;
    let mut bytes = fs::read(&path).expect("read");
    let page = 4096;
    assert!(
        bytes.len() > (root + 1) * page,
        "the workspace spans several pages"
    );
    // Scribble over the subcultures table's root page, past its page-type byte.
    for b in &mut bytes[(root - 1) * page + 8..root * page] {
        *b = 0xA5;
    }
    fs::write(&path, &bytes).expect("corrupt it");
    assert_untouched(&path, &bytes, open_err(&path), "damaged");
}

#[test]
fn a_workspace_from_a_newer_scrollstop_is_refused_and_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = workspace_with_data(dir.path());
    {
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        conn.pragma_update(None, "user_version", 99).expect("bump");
    }
    let bytes = fs::read(&path).expect("read");
    assert_untouched(&path, &bytes, open_err(&path), "newer Scrollstop");
}

#[test]
fn another_programs_database_is_refused_and_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        conn.execute_batch(
            "CREATE TABLE moz_places (url TEXT); INSERT INTO moz_places VALUES ('x');",
        )
        .expect("other schema");
    }
    let bytes = fs::read(&path).expect("read");
    assert_untouched(&path, &bytes, open_err(&path), "another program");
}

#[test]
fn a_read_only_workspace_is_refused_and_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = workspace_with_data(dir.path());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("chmod");
    let bytes = fs::read(&path).expect("read");
    assert_untouched(&path, &bytes, open_err(&path), "read-only");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod back");
}

#[test]
fn a_folder_is_refused_with_a_hint() {
    let dir = tempfile::tempdir().expect("temp dir");
    let error = open_err(dir.path());
    assert!(error.to_string().contains("is a folder"), "{error}");
}
