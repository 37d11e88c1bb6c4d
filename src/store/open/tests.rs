//! Opening and creating workspace files: copies before migrating, whole new files.
use super::*;

#[test]
fn a_new_workspace_appears_whole_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("w.sqlite");
    let steps = ["CREATE TABLE a (x INTEGER);"];
    let conn = open_checked(&path, &steps).expect("created");
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, 1);
    drop(conn);
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("listed")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["w.sqlite"]);
}

#[test]
fn a_file_put_there_first_is_used_not_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("w.sqlite");
    let steps = ["CREATE TABLE a (x INTEGER);"];
    let first = open_checked(&path, &steps).expect("first");
    first
        .execute("INSERT INTO a VALUES (7)", [])
        .expect("insert");
    // Another process that saw no file a moment ago links its own: it must find this one.
    assert!(matches!(
        create_whole(&path, &steps).expect("second"),
        Created::SomeoneElse
    ));
    let x: i64 = first
        .query_row("SELECT x FROM a", [], |r| r.get(0))
        .expect("kept");
    assert_eq!(x, 7);
}

#[test]
fn a_failed_creation_leaves_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("w.sqlite");
    let steps = ["CREATE TABLE a (x INTEGER);", "NOT SQL AT ALL;"];
    assert!(open_checked(&path, &steps).is_err());
    assert_eq!(fs::read_dir(dir.path()).expect("listed").count(), 0);
}

#[test]
fn an_older_workspace_is_copied_aside_before_migrating() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("w.sqlite");
    let v1 = ["CREATE TABLE a (x INTEGER);"];
    let conn = open_checked(&path, &v1).expect("v1");
    conn.execute("INSERT INTO a VALUES (42)", [])
        .expect("insert");
    drop(conn);

    let v2 = [
        "CREATE TABLE a (x INTEGER);",
        "ALTER TABLE a ADD COLUMN y INTEGER;",
    ];
    let conn = open_checked(&path, &v2).expect("v2");
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, 2);

    let backup = dir.path().join("w.sqlite.v1.bak");
    let old = Connection::open(&backup).expect("backup opens");
    let (version, x): (u32, i64) = old
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version), x FROM a",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("backup content");
    assert_eq!((version, x), (1, 42));
}
