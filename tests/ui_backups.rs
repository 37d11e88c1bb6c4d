//! Settings → "Your data" in the real window: the daily backup appears in the list, "Back up
//! now" copies the workspace to the chosen file, "Restore…" asks first and brings a backup
//! back, "Open another workspace…" switches the window; and a read-only workspace shows its
//! banner, its data, and refuses edits with one notice.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;
use egui_kittest::Harness;
use scrollstop::ui::{Action, GivenPaths, ScrollstopApp};
use scrollstop::workspace::Workspace;

fn app_with(path: &Path, dialog: GivenPaths) -> Harness<'static, ScrollstopApp> {
    let path = path.to_path_buf();
    let mut harness = Harness::builder()
        .allow_missing_glyphs()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        .build_eframe(move |_cc| ScrollstopApp::new(path).with_file_dialog(Box::new(dialog)));
    run_with_reads(&mut harness);
    harness
}

/// Runs frames until `text` is on screen (the daily backup runs on its own thread).
fn wait_for_text(harness: &mut Harness<'static, ScrollstopApp>, text: &str) {
    let start = Instant::now();
    while !shows_part(harness, text) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "gave up waiting for {text:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run_ok();
}

fn subculture_names(path: &Path) -> Vec<String> {
    let mut names = stored_subcultures(path);
    names.sort();
    names
}

#[test]
fn the_daily_backup_is_listed_and_back_up_now_copies_to_the_chosen_file() {
    let workspace = demo_workspace();
    let target = workspace.dir.path().join("chosen.sqlite");
    let mut harness = app_with(
        &workspace.path,
        GivenPaths::default().with_save_to(target.clone()),
    );
    open_view(&mut harness, "Settings");
    assert!(shows(&harness, "Your data"));
    assert!(shows_part(&harness, &workspace.path.display().to_string()));
    // The day's backup is taken in the background shortly after the window opens.
    wait_for_text(&mut harness, "Daily backup");
    let daily = Workspace::open(&workspace.path)
        .unwrap()
        .backups()
        .list()
        .unwrap();
    assert_eq!(daily.len(), 1);
    assert_eq!(
        harness.state().revision(),
        1,
        "the backup is listed without every view reading the workspace again"
    );

    harness.get_by_label("Back up now…").click();
    run_with_reads(&mut harness);
    run_until(&mut harness, Duration::from_secs(20), "the backup", |app| {
        !app.is_busy()
    });
    let notice = harness.state().notice().unwrap_or_default().to_string();
    assert!(
        notice.starts_with(&format!("Backed up the workspace to {}", target.display())),
        "{notice}"
    );
    assert_eq!(
        Workspace::open(&target).unwrap().info().unwrap().counts,
        Workspace::open(&workspace.path)
            .unwrap()
            .info()
            .unwrap()
            .counts
    );
}

#[test]
fn restore_asks_first_then_brings_the_backup_back_and_keeps_the_data_from_before() {
    let workspace = demo_workspace();
    let before = subculture_names(&workspace.path);
    {
        let open = Workspace::open(&workspace.path).unwrap();
        open.take_daily_backup(chrono::Local::now().date_naive())
            .unwrap()
            .expect("taken");
        let first = open.subcultures().unwrap()[0].id;
        scrollstop::store::Store::open(open.path())
            .expect("the store opens")
            .trash_subculture(first)
            .unwrap();
    }
    let after = subculture_names(&workspace.path);
    assert_eq!(after.len() + 1, before.len());

    let mut harness = app_with(&workspace.path, GivenPaths::default());
    open_view(&mut harness, "Settings");
    harness.get_by_label("Restore…").click();
    run_with_reads(&mut harness);
    assert!(shows_part(&harness, "Nothing is lost"));
    // Cancel leaves everything as it was.
    harness.get_by_label("Cancel").click();
    run_with_reads(&mut harness);
    assert!(!shows_part(&harness, "Nothing is lost"));
    assert_eq!(subculture_names(&workspace.path), after);

    harness.get_by_label("Restore…").click();
    run_with_reads(&mut harness);
    harness.get_by_label("Restore").click();
    run_with_reads(&mut harness);
    run_until(
        &mut harness,
        Duration::from_secs(20),
        "the restore",
        |app| !app.is_busy(),
    );
    let notice = harness.state().notice().unwrap_or_default().to_string();
    assert!(notice.starts_with("Restored the backup."), "{notice}");
    assert_eq!(subculture_names(&workspace.path), before);
    assert!(shows(&harness, "Set aside before a restore"));
    assert!(!harness.state().is_busy());
}

#[test]
fn open_another_workspace_switches_the_window_and_a_new_name_starts_a_new_one() {
    let workspace = demo_workspace();
    let other = workspace.dir.path().join("second.sqlite");
    let mut harness = app_with(
        &workspace.path,
        GivenPaths::default().with_workspace(other.clone()),
    );
    open_view(&mut harness, "Settings");
    harness.get_by_label("Start a new workspace…").click();
    run_with_reads(&mut harness);
    assert_eq!(harness.state().path(), other);
    assert!(harness.state().workspace().unwrap().is_empty().unwrap());
    assert!(
        shows_part(&harness, "Start with demo data"),
        "a new workspace opens on the welcome screen"
    );
    // The first workspace was let go: another window may edit it now.
    scrollstop::workspace::WorkspaceLock::acquire(&workspace.path).expect("released");
}

#[cfg(unix)]
#[test]
fn a_read_only_workspace_shows_the_banner_and_its_data_and_refuses_edits() {
    use std::os::unix::fs::PermissionsExt;
    let workspace = demo_workspace();
    let folder = workspace.dir.path().to_path_buf();
    let set = |mode_file: u32, mode_dir: u32| {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let p = entry.unwrap().path();
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode_file)).unwrap();
        }
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(mode_dir)).unwrap();
    };
    set(0o444, 0o555);
    let bytes = std::fs::read(&workspace.path).unwrap();

    let mut harness = app(&workspace.path);
    let banner =
        "Read-only: this workspace is on a medium Scrollstop cannot write to; changes are off.";
    assert!(shows(&harness, banner));
    open_view(&mut harness, "Subcultures");
    assert!(shows_part(&harness, "#CottageCore"), "the data is shown");

    let first = first_subculture(&harness);
    harness.state_mut().request(Action::DeleteSubculture(first));
    harness.state_mut().request(Action::NewDraft);
    run_with_reads(&mut harness);
    assert_eq!(harness.state().notice(), Some(banner), "one clear notice");

    open_view(&mut harness, "Settings");
    assert!(shows_part(&harness, "No daily backups are taken while"));
    set(0o644, 0o755);
    assert_eq!(std::fs::read(&workspace.path).unwrap(), bytes);
    assert!(!workspace.path.with_extension("sqlite.backups").exists());
}

#[test]
fn a_change_written_by_another_process_shows_without_reopening() {
    let workspace = demo_workspace();
    let mut harness = app(&workspace.path);
    open_view(&mut harness, "Subcultures");
    // The day's backup (whose end also makes the views re-read) is out of the way first.
    let start = Instant::now();
    while Workspace::open(&workspace.path)
        .expect("opens")
        .backups()
        .list()
        .expect("listed")
        .is_empty()
    {
        assert!(start.elapsed() < Duration::from_secs(20), "no daily backup");
        std::thread::sleep(Duration::from_millis(20));
    }
    for _ in 0..5 {
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    assert!(!shows_part(&harness, "#WrittenElsewhere"));
    // Another connection (as the command line would) commits a new subculture...
    Workspace::open(&workspace.path)
        .expect("a second connection")
        .apply(
            scrollstop::workspace::Edit::AddSubculture {
                name: "#WrittenElsewhere".into(),
                hashtags: Vec::new(),
                description: String::new(),
                colour: scrollstop::domain::Colour([1, 2, 3]),
            },
            "Sam",
        )
        .expect("written");
    // ...and the window notices it (PRAGMA data_version) within about a second.
    wait_for_text(&mut harness, "#WrittenElsewhere");
}

#[test]
fn a_workspace_that_cannot_be_opened_offers_another_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let damaged = dir.path().join("notes.sqlite");
    std::fs::write(&damaged, "not a workspace").expect("written");
    let other = demo_workspace();
    let mut harness = app_with(
        &damaged,
        GivenPaths::default().with_workspace(other.path.clone()),
    );
    assert!(shows(&harness, "This workspace could not be opened"));
    harness.get_by_label("Open another workspace…").click();
    run_with_reads(&mut harness);
    assert_eq!(harness.state().path(), other.path);
    assert!(harness.state().workspace().is_some());
    assert_eq!(
        std::fs::read(&damaged).expect("still there"),
        b"not a workspace",
        "the file that failed was left as it was"
    );
}
