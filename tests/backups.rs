//! Backups: "Back up now" and restore round trip, restores refused without touching the
//! workspace, the rolling daily backups (with made-up dates) and their pruning to seven.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use scrollstop::domain::Colour;
use scrollstop::store::{BackupError, StoreError};
use scrollstop::workspace::{
    BackupFolder, BackupKind, KEEP_DAILY, Progress, Silent, Workspace, WorkspaceError,
};

/// A new workspace without the catalogue of subcultures new workspaces start with (the store
/// creates the file, as for a workspace made before the catalogue), so the names the tests
/// add are the only ones.
fn without_catalogue(path: &Path) -> Workspace {
    drop(scrollstop::store::Store::open(path).expect("the store creates the file"));
    Workspace::open(path).expect("the workspace opens")
}

fn add_subculture(workspace: &mut Workspace, name: &str) {
    scrollstop::store::Store::open(workspace.path())
        .expect("the store opens")
        .add_subculture(name, &[name.to_lowercase()], "", Colour([10, 20, 30]))
        .expect("test setup");
}

fn subcultures(workspace: &Workspace) -> Vec<String> {
    let mut names: Vec<String> = workspace
        .subcultures()
        .expect("test setup")
        .into_iter()
        .map(|s| s.name)
        .collect();
    names.sort();
    names
}

fn integrity(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).expect("test setup");
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("test setup")
}

/// Remembers every progress report.
#[derive(Default)]
struct Recorded(std::sync::Mutex<Vec<f32>>);

impl Progress for Recorded {
    fn report(&self, done: f32, _message: &str) {
        self.0.lock().expect("test setup").push(done);
    }

    fn is_cancelled(&self) -> bool {
        false
    }
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, d).expect("test setup")
}

#[test]
fn a_backup_restores_the_data_it_was_taken_from_and_sets_the_newer_data_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.sqlite");
    let mut workspace = without_catalogue(&path);
    add_subculture(&mut workspace, "#CottageCore");
    add_subculture(&mut workspace, "#FitTok");

    let copy = dir.path().join("chosen/team-backup.sqlite");
    fs::create_dir_all(copy.parent().unwrap()).unwrap();
    let progress = Recorded::default();
    let bytes = workspace.back_up_to(&copy, &progress).unwrap();
    assert_eq!(bytes, fs::metadata(&copy).unwrap().len());
    assert_eq!(progress.0.lock().unwrap().last(), Some(&1.0));
    assert_eq!(integrity(&copy), "ok");
    let leftovers: Vec<_> = fs::read_dir(copy.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers,
        vec![std::ffi::OsString::from("team-backup.sqlite")],
        "one standalone file: no partial copy, no -wal beside it"
    );

    // Work goes on after the backup...
    add_subculture(&mut workspace, "#BookTok");
    let subs = workspace.subcultures().unwrap();
    let id = subs.iter().find(|s| s.name == "#CottageCore").unwrap().id;
    scrollstop::store::Store::open(workspace.path())
        .expect("the store opens")
        .trash_subculture(id)
        .unwrap();
    let after = subcultures(&workspace);
    assert_eq!(after, vec!["#BookTok", "#FitTok"]);

    // ...and the restore brings the backup's state back, while the window stays open.
    let now = day(12).and_hms_opt(18, 30, 4).unwrap();
    let restored = workspace.restore_from(&copy, now, &Silent).unwrap();
    assert_eq!(restored.backup_version, scrollstop::store::LATEST_VERSION);
    let reopened = Workspace::open(&path).unwrap();
    assert_eq!(subcultures(&reopened), vec!["#CottageCore", "#FitTok"]);
    assert_eq!(subcultures(&workspace), vec!["#CottageCore", "#FitTok"]);
    assert_eq!(integrity(&path), "ok");

    // The data from before the restore is kept, listed, and restorable in turn.
    let listed = workspace.backups().list().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].kind, BackupKind::BeforeRestore);
    assert_eq!(listed[0].taken, Some(now));
    assert_eq!(listed[0].path, restored.set_aside);
    let aside = Workspace::open(&restored.set_aside).unwrap();
    assert_eq!(subcultures(&aside), after);
    drop(aside);
    workspace
        .restore_from(
            &restored.set_aside,
            now + chrono::Duration::seconds(1),
            &Silent,
        )
        .unwrap();
    assert_eq!(subcultures(&workspace), after);
}

#[test]
fn files_that_are_no_workspace_backup_are_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.sqlite");
    let mut workspace = without_catalogue(&path);
    add_subculture(&mut workspace, "#CottageCore");

    let text = dir.path().join("notes.sqlite");
    fs::write(&text, "not a database at all, just some notes").unwrap();
    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');")
        .unwrap();
    let newer = dir.path().join("newer.sqlite");
    drop(Workspace::open(&newer).unwrap());
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let empty = dir.path().join("empty.sqlite");
    rusqlite::Connection::open(&empty)
        .unwrap()
        .execute_batch("VACUUM")
        .unwrap();

    let now = day(12).and_hms_opt(9, 0, 0).unwrap();
    for (file, expect) in [
        (&text, "not a Scrollstop workspace"),
        (&other, "another program"),
        (&newer, "newer Scrollstop"),
        (&empty, "holds no workspace data"),
        (&dir.path().join("missing.sqlite"), "could not read"),
    ] {
        let error = workspace.restore_from(file, now, &Silent).unwrap_err();
        assert!(
            matches!(
                error,
                WorkspaceError::Backup(
                    BackupError::NotRestorable { .. } | BackupError::EmptyBackup { .. }
                )
            ),
            "{file:?}: {error:?}"
        );
        assert!(error.to_string().contains(expect), "{file:?}: {error}");
    }
    assert_eq!(subcultures(&workspace), vec!["#CottageCore"]);
    assert!(
        workspace.backups().list().unwrap().is_empty(),
        "nothing was set aside for a refused restore"
    );
}

#[test]
fn one_daily_backup_a_day_and_only_the_last_seven_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.sqlite");
    let mut workspace = without_catalogue(&path);
    assert_eq!(
        workspace.take_daily_backup(day(1)).unwrap(),
        None,
        "an empty workspace has nothing to lose"
    );
    add_subculture(&mut workspace, "#CottageCore");

    let folder = BackupFolder::of(&path);
    assert_eq!(folder.dir(), dir.path().join("team.sqlite.backups"));
    // Someone else's file, and a copy set aside by a restore, are never pruned.
    fs::create_dir_all(folder.dir()).unwrap();
    let keep_me = folder.dir().join("README.txt");
    fs::write(&keep_me, "mine").unwrap();
    let aside = folder.before_restore_path(day(1).and_hms_opt(8, 0, 0).unwrap());
    workspace.back_up_to(&aside, &Silent).unwrap();

    for d in 1..=10 {
        let taken = workspace.take_daily_backup(day(d)).unwrap();
        let taken = taken.expect("due once a day");
        assert_eq!(taken.path, folder.daily_path(day(d)));
        assert!(taken.bytes > 0);
        assert_eq!(
            workspace.take_daily_backup(day(d)).unwrap(),
            None,
            "not twice on day {d}"
        );
        add_subculture(&mut workspace, &format!("#Day{d}"));
    }
    let daily: Vec<NaiveDate> = folder
        .list()
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == BackupKind::Daily)
        .map(|b| b.date)
        .collect();
    assert_eq!(daily.len(), KEEP_DAILY);
    assert_eq!(daily, (4..=10).rev().map(day).collect::<Vec<_>>());
    assert!(keep_me.exists() && aside.exists());

    // Each daily backup holds the workspace as it was that day.
    let day_9 = Workspace::open(&folder.daily_path(day(9))).unwrap();
    assert!(subcultures(&day_9).contains(&"#Day8".to_string()));
    assert!(!subcultures(&day_9).contains(&"#Day9".to_string()));

    // A clock set back (or a backup from the future) does not start a second series.
    assert!(!folder.daily_due(day(9)).unwrap());
    assert!(folder.daily_due(day(11)).unwrap());
}

#[test]
fn a_read_only_workspace_takes_no_daily_backup_and_refuses_a_restore() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.sqlite");
    let mut workspace = without_catalogue(&path);
    add_subculture(&mut workspace, "#CottageCore");
    let copy = dir.path().join("copy.sqlite");
    workspace.back_up_to(&copy, &Silent).unwrap();
    drop(workspace);

    let mut read_only = Workspace::open_read_only(&path).unwrap();
    assert_eq!(read_only.take_daily_backup(day(1)).unwrap(), None);
    let now = day(1).and_hms_opt(9, 0, 0).unwrap();
    let error = read_only.restore_from(&copy, now, &Silent).unwrap_err();
    assert!(
        matches!(error, WorkspaceError::Backup(BackupError::ReadOnly)),
        "{error:?}"
    );
    // A backup of a read-only workspace is fine: it only reads.
    read_only
        .back_up_to(&dir.path().join("copy2.sqlite"), &Silent)
        .unwrap();
    let refused = read_only
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
}
