//! A workspace on a medium Scrollstop cannot write to opens read-only: its data can be read,
//! every write is refused with one clear error, and nothing is written to the file or its
//! folder (no `-wal`, `-shm`, lock or backup files).
//!
//! The medium is made read-only for real where the system allows (`chattr +i`: an immutable
//! file and folder stop even root, as these tests run in CI). Elsewhere the permission bits
//! are cleared, which Scrollstop honours even where they do not bind (root); the test says
//! which it used.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use scrollstop::domain::Colour;
use scrollstop::store::StoreError;
use scrollstop::workspace::{Workspace, WorkspaceError};

/// Makes a folder and its files read-only until dropped.
struct ReadOnlyMedium {
    paths: Vec<PathBuf>,
    immutable: bool,
}

impl ReadOnlyMedium {
    fn make(dir: &Path) -> Self {
        let mut paths: Vec<PathBuf> = fs::read_dir(dir)
            .expect("test setup")
            .map(|e| e.expect("test setup").path())
            .collect();
        paths.push(dir.to_path_buf());
        let immutable = paths.iter().all(|p| {
            Command::new("chattr")
                .arg("+i")
                .arg(p)
                .output()
                .is_ok_and(|o| o.status.success())
        });
        if immutable {
            // Really read-only: even this process cannot create a file there now.
            assert!(fs::write(dir.join("probe"), "x").is_err());
            eprintln!("read-only medium: chattr +i (binding even for root)");
        } else {
            for p in &paths {
                let _ = Command::new("chattr").arg("-i").arg(p).status();
                let mode = if p.is_dir() { 0o555 } else { 0o444 };
                set_mode(p, mode);
            }
            eprintln!("read-only medium: permission bits (chattr +i not available here)");
        }
        Self { paths, immutable }
    }
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("test setup");
}

#[cfg(not(unix))]
fn set_mode(path: &Path, mode: u32) {
    let mut permissions = fs::metadata(path).expect("test setup").permissions();
    permissions.set_readonly(mode & 0o200 == 0);
    fs::set_permissions(path, permissions).expect("test setup");
}

impl Drop for ReadOnlyMedium {
    fn drop(&mut self) {
        for p in self.paths.iter().rev() {
            if self.immutable {
                let _ = Command::new("chattr").arg("-i").arg(p).status();
            } else {
                set_mode(p, if p.is_dir() { 0o755 } else { 0o644 });
            }
        }
    }
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("test setup")
        .map(|e| {
            e.expect("test setup")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn a_workspace_on_a_read_only_medium_opens_read_only_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("usb-stick");
    fs::create_dir(&folder).unwrap();
    let path = folder.join("team.sqlite");
    // Created by the store, so without the catalogue a new workspace starts with: the one
    // subculture added here is the only one.
    drop(scrollstop::store::Store::open(&path).unwrap());
    let workspace = Workspace::open(&path).unwrap();
    scrollstop::store::Store::open(workspace.path())
        .expect("the store opens")
        .add_subculture("#CottageCore", &[], "", Colour([1, 2, 3]))
        .unwrap();
    drop(workspace);
    assert_eq!(listing(&folder), vec!["team.sqlite"], "closed cleanly");
    let bytes = fs::read(&path).unwrap();

    let medium = ReadOnlyMedium::make(&folder);
    // Opening for editing is refused with words that say what to do...
    match Workspace::open(&path) {
        Err(WorkspaceError::Store(StoreError::ReadOnly { .. })) => {}
        Err(other) => panic!("expected read-only, got {other}"),
        Ok(_) => panic!("expected read-only, but it opened for editing"),
    }
    // ...and opening read-only shows the data.
    let mut workspace = Workspace::open_read_only(&path).unwrap();
    assert!(workspace.is_read_only());
    let names: Vec<String> = workspace
        .subcultures()
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, vec!["#CottageCore"]);
    assert_eq!(workspace.info().unwrap().counts.subcultures, 1);
    // While it is open, other connections of this process (background jobs) are read-only.
    assert!(Workspace::open(&path).unwrap().is_read_only());

    // Every write is refused with the same clear error: single statements and transactions.
    let refused = workspace
        .apply(
            scrollstop::workspace::Edit::AddSubculture {
                name: "#FitTok".into(),
                hashtags: Vec::new(),
                description: String::new(),
                colour: Colour([1, 2, 3]),
            },
            "Priya",
        )
        .unwrap_err();
    assert!(
        matches!(refused, WorkspaceError::Store(StoreError::WriteRefused)),
        "{refused:?}"
    );
    let store = &mut scrollstop::store::Store::open_read_only(workspace.path())
        .expect("the store opens read-only");
    let refused = store
        .add_subculture("#FitTok", &[], "", Colour([1, 2, 3]))
        .unwrap_err();
    assert!(matches!(refused, StoreError::WriteRefused), "{refused:?}");
    assert!(refused.to_string().starts_with("Read-only"));
    let batch = store.batch().map(|_| ()).unwrap_err();
    assert!(matches!(batch, StoreError::WriteRefused), "{batch:?}");
    assert_eq!(
        workspace
            .take_daily_backup(chrono::NaiveDate::from_ymd_opt(2026, 5, 12).unwrap())
            .unwrap(),
        None
    );
    drop(workspace);

    // The command line reads it too, and refuses to write with the same words.
    let info = Command::new(env!("CARGO_BIN_EXE_scrollstop"))
        .args(["info", "--json", "--workspace"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        info.status.success(),
        "{}",
        String::from_utf8_lossy(&info.stderr)
    );
    assert!(String::from_utf8_lossy(&info.stdout).contains("\"subcultures\": 1"));
    let trends = dir.path().join("trends.csv");
    fs::write(&trends, "kind,name,rank\nhashtag,#fyp,1\n").unwrap();
    let import = Command::new(env!("CARGO_BIN_EXE_scrollstop"))
        .args(["import", "--workspace"])
        .arg(&path)
        .arg(&trends)
        .output()
        .unwrap();
    assert!(!import.status.success());
    assert!(
        String::from_utf8_lossy(&import.stderr).contains("read-only location"),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );

    assert_eq!(listing(&folder), vec!["team.sqlite"], "no file was created");
    assert_eq!(
        fs::read(&path).unwrap(),
        bytes,
        "the file is byte-for-byte the same"
    );
    drop(medium);
    // Writable again: it opens for editing as before.
    assert!(!Workspace::open(&path).unwrap().is_read_only());
}
