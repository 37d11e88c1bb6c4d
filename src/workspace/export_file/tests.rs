//! The export guard: every spelling of the workspace and its companions is refused, as is
//! anything that is not a regular or a new file; a refused or failed export leaves nothing.

use std::path::{Path, PathBuf};

use super::*;
use crate::store::Store;

/// A workspace `ws.sqlite` in a temporary folder, kept open so its `-wal`/`-shm` exist.
fn workspace() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.sqlite");
    let store = Store::open(&path).unwrap();
    (dir, path, store)
}

fn refused(workspace: &Path, target: &Path) -> ExportTargetError {
    let before = fs::read(workspace).unwrap();
    let error = write_export(workspace, target, b"BEGIN:VCALENDAR\r\n").unwrap_err();
    assert_eq!(
        fs::read(workspace).unwrap(),
        before,
        "the workspace is untouched"
    );
    error
}

fn no_partial_files(dir: &Path) {
    let leftovers: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}

#[test]
fn every_spelling_of_the_workspace_is_refused() {
    let (dir, path, _store) = workspace();
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    let link = dir.path().join("link.ics");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let hard = dir.path().join("hard.ics");
    fs::hard_link(&path, &hard).unwrap();
    let spellings = [
        path.clone(),
        dir.path().join("./ws.sqlite"),
        sub.join("../ws.sqlite"),
        dir.path()
            .join(".")
            .join("sub")
            .join("..")
            .join("ws.sqlite"),
        link,
        hard,
    ];
    for target in spellings {
        let error = refused(&path, &target);
        assert!(
            matches!(
                error,
                ExportTargetError::Workspace {
                    what: "own file",
                    ..
                }
            ),
            "{}: {error}",
            target.display()
        );
        assert!(error.to_string().contains("Choose another file name"));
    }
    no_partial_files(dir.path());
}

#[test]
fn a_relative_spelling_is_refused_too() {
    let (dir, path, _store) = workspace();
    // Relative to the current folder: the workspace named from its own folder.
    let relative = pathdiff(dir.path());
    let target = relative.join("sub-missing").join("..").join("ws.sqlite");
    // `sub-missing` does not exist, so this spelling cannot be resolved: refused as no folder.
    assert!(write_export(&path, &target, b"x").is_err());
    let target = relative.join("ws.sqlite");
    assert!(matches!(
        refused(&path, &target),
        ExportTargetError::Workspace { .. }
    ));
}

/// `dir` as a path relative to the current folder (`../../tmp/xyz`).
fn pathdiff(dir: &Path) -> PathBuf {
    let cwd = std::env::current_dir().unwrap();
    let depth = cwd.components().count() - 1;
    let mut relative = PathBuf::new();
    for _ in 0..depth {
        relative.push("..");
    }
    relative.join(dir.strip_prefix("/").unwrap())
}

#[test]
fn companions_lock_and_backups_are_refused() {
    let (dir, path, _store) = workspace();
    fs::write(dir.path().join("ws.sqlite.lock"), b"").unwrap();
    fs::write(dir.path().join("ws.sqlite.v2.bak"), b"old").unwrap();
    let backups = dir.path().join("ws.sqlite.backups");
    fs::create_dir(&backups).unwrap();
    fs::write(backups.join("scrollstop-2026-05-12.sqlite"), b"copy").unwrap();
    for (name, what) in [
        ("ws.sqlite-wal", "write-ahead log (-wal)"),
        ("ws.sqlite-shm", "shared-memory file (-shm)"),
        ("ws.sqlite-journal", "journal"),
        ("ws.sqlite.lock", "lock file"),
        ("ws.sqlite.v2.bak", "backup"),
        ("ws.sqlite.backups/scrollstop-2026-05-12.sqlite", "backup"),
        ("ws.sqlite.backups/new.ics", "backup"),
    ] {
        let target = dir.path().join(name);
        let before = fs::read(&target).ok();
        match refused(&path, &target) {
            ExportTargetError::Workspace { what: found, .. } => assert_eq!(found, what, "{name}"),
            other => panic!("{name}: {other}"),
        }
        assert_eq!(fs::read(&target).ok(), before, "{name} is untouched");
    }
    no_partial_files(dir.path());
}

#[test]
fn folders_devices_and_fifos_are_refused() {
    let (dir, path, _store) = workspace();
    let folder = dir.path().join("calendars");
    fs::create_dir(&folder).unwrap();
    let fifo = dir.path().join("pipe.ics");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let mut targets = vec![
        (folder.clone(), "a folder"),
        (PathBuf::from("/dev/null"), "a device"),
    ];
    if made.is_ok_and(|s| s.success()) {
        targets.push((fifo, "a FIFO (named pipe)"));
    }
    for (target, kind) in targets {
        match refused(&path, &target) {
            ExportTargetError::NotAFile { kind: found, .. } => assert_eq!(found, kind),
            other => panic!("{}: {other}", target.display()),
        }
    }
    assert!(folder.is_dir(), "the folder is still a folder");
    no_partial_files(dir.path());
    no_partial_files(&folder);
}

#[test]
fn another_database_and_a_missing_folder_are_refused() {
    let (dir, path, _store) = workspace();
    let other = dir.path().join("other.sqlite");
    drop(Store::open(&other).unwrap());
    assert!(matches!(
        refused(&path, &other),
        ExportTargetError::Database { .. }
    ));
    let missing = dir.path().join("no-such-folder").join("plan.ics");
    assert!(matches!(
        refused(&path, &missing),
        ExportTargetError::NoFolder { .. }
    ));
    assert!(
        !dir.path().join("no-such-folder").exists(),
        "no folder made"
    );
}

#[test]
fn a_new_or_regular_file_is_written_whole() {
    let (dir, path, _store) = workspace();
    let target = dir.path().join("plan.ics");
    write_export(&path, &target, b"first").unwrap();
    assert_eq!(fs::read(&target).unwrap(), b"first");
    write_export(&path, &target, b"second").unwrap();
    assert_eq!(fs::read(&target).unwrap(), b"second");
    // Through a symlink to a regular file, the file it points to is replaced.
    let link = dir.path().join("link.ics");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    write_export(&path, &link, b"third").unwrap();
    assert_eq!(fs::read(&target).unwrap(), b"third");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    no_partial_files(dir.path());
}

#[test]
fn a_planted_partial_link_is_never_followed() {
    let (dir, path, _store) = workspace();
    let before = fs::read(&path).unwrap();
    std::os::unix::fs::symlink(&path, dir.path().join(".plan.ics.partial")).unwrap();
    write_export(&path, &dir.path().join("plan.ics"), b"calendar").unwrap();
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(fs::read(dir.path().join("plan.ics")).unwrap(), b"calendar");
}

#[test]
fn a_backup_copy_may_replace_an_older_copy_but_never_the_workspace() {
    let (dir, path, _store) = workspace();
    let older = dir.path().join("copy.sqlite");
    drop(Store::open(&older).unwrap());
    assert!(check_target_for(&path, &older, Written::BackupCopy).is_ok());
    for target in [
        path.clone(),
        dir.path().join("ws.sqlite-wal"),
        dir.path().join("ws.sqlite.lock"),
    ] {
        assert!(matches!(
            check_target_for(&path, &target, Written::BackupCopy),
            Err(ExportTargetError::Workspace { .. })
        ));
    }
    assert!(matches!(
        check_target_for(&path, dir.path(), Written::BackupCopy),
        Err(ExportTargetError::NotAFile { .. })
    ));
}
