//! Importing from the window: the user picks (or drops) TikTok Studio exports, reads the
//! preview, and imports; bad files are named in the preview and Cancel writes nothing.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use common::egui::{self, Key, Modifiers};
use common::{
    TestWorkspace, app_choosing, empty_workspace, run_until, shows, shows_part, studio_exports,
    wait_for_preview,
};
use egui_kittest::kittest::{NodeT, Queryable};
use scrollstop::domain::NewAccount;
use scrollstop::store::Store;
use scrollstop::workspace::Workspace;

const WAIT: Duration = Duration::from_secs(30);

/// A workspace with one account, @knitwit, as a team has after adding its account.
fn team_workspace() -> TestWorkspace {
    let workspace = empty_workspace();
    let open = Workspace::open(&workspace.path).expect("the workspace opens");
    scrollstop::store::Store::open(open.path())
        .expect("the store opens")
        .add_account(&NewAccount {
            handle: "knitwit".parse().expect("a valid handle"),
            display_name: "Knit Wit".into(),
            time_zone: chrono_tz::Europe::London,
            region: "GB".into(),
            language: "en".into(),
        })
        .expect("the account is added");
    workspace
}

fn counts(path: &Path) -> scrollstop::store::TableCounts {
    Store::open(path)
        .expect("the workspace reopens")
        .counts()
        .expect("counts load")
}

#[test]
fn importing_studio_exports_previews_then_writes_them() {
    let workspace = team_workspace();
    let before = counts(&workspace.path);
    let mut harness = app_choosing(&workspace.path, studio_exports());

    harness.get_by_label("Import files…").click();
    harness.run_ok();
    wait_for_preview(&mut harness, WAIT);

    assert!(harness.state().is_importing(), "the preview is open");
    assert!(shows(&harness, "Import preview"));
    for report in ["Content", "Overview", "FollowerActivity"] {
        assert!(
            shows(&harness, report),
            "the preview names the {report} report"
        );
    }
    assert!(
        shows_part(&harness, "added"),
        "the preview counts rows to add"
    );
    assert!(shows(&harness, "Content.csv"), "the preview names the file");
    assert_eq!(
        counts(&workspace.path),
        before,
        "the preview writes nothing"
    );

    harness.get_by_label("Import").click();
    harness.run_ok();
    run_until(&mut harness, WAIT, "the import", |app| {
        !app.is_busy() && !app.is_importing()
    });

    let notice = harness.state().notice().unwrap_or_default().to_string();
    assert!(notice.starts_with("Imported 3 files:"), "{notice}");
    drop(harness);

    let after = counts(&workspace.path);
    assert!(after.videos > 0, "videos were written: {after:?}");
    assert!(
        after.daily_metrics > 0,
        "daily metrics were written: {after:?}"
    );
    let store = Store::open(&workspace.path).expect("reopens");
    let log = store.import_log().expect("the import log loads");
    assert_eq!(log.len(), 3, "every file is logged: {log:?}");
}

#[test]
fn a_bad_file_is_named_in_the_preview_and_cancel_writes_nothing() {
    let workspace = team_workspace();
    let broken = workspace.dir.path().join("broken.csv");
    std::fs::write(&broken, [0u8, 159, 146, 150, 0, 1, 2, 255, 254, 0, 7]).expect("written");
    let empty = workspace.dir.path().join("empty.csv");
    std::fs::write(&empty, b"").expect("written");
    let mut files = vec![broken, empty];
    files.extend(studio_exports());
    let before = counts(&workspace.path);
    let mut harness = app_choosing(&workspace.path, files);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run_ok();
    wait_for_preview(&mut harness, WAIT);

    assert!(
        shows_part(&harness, "broken.csv"),
        "the preview names the bad file"
    );
    assert!(
        shows_part(&harness, "empty.csv"),
        "the preview names the empty file"
    );
    assert!(
        harness
            .query_by_label("Skip bad rows and import the rest")
            .is_some(),
        "the user may skip the bad input"
    );
    assert!(
        harness
            .get_by_label("Import")
            .accesskit_node()
            .is_disabled(),
        "nothing is imported while files are rejected"
    );

    harness.get_by_label("Cancel").click();
    harness.run_ok();
    assert!(!harness.state().is_importing(), "the dialog closed");
    drop(harness);

    assert_eq!(
        counts(&workspace.path),
        before,
        "cancel leaves the workspace as it was"
    );
    let store = Store::open(&workspace.path).expect("reopens");
    assert!(
        store.import_log().expect("loads").is_empty(),
        "nothing was logged"
    );
}

/// A file dropped onto the window, as the desktop hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn files_dropped_anywhere_open_the_preview() {
    let workspace = team_workspace();
    let mut harness = app_choosing(&workspace.path, Vec::new());
    let content = studio_exports().remove(0);

    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(content)));
    harness.run_ok();
    wait_for_preview(&mut harness, WAIT);

    assert!(harness.state().is_importing());
    assert!(
        shows(&harness, "Content"),
        "the dropped Content export is recognised"
    );
    assert!(shows(&harness, "Content.csv"));
}

#[test]
fn a_history_naming_many_accounts_names_a_few_and_counts_the_rest() {
    let workspace = empty_workspace();
    let history = workspace.dir.path().join("history.csv");
    let mut text = String::from("user_name,vid_id,vid_postTime,vid_scrapeTime,vid_nview\n");
    for n in 0..20u64 {
        let id = 7_496_577_707_969_826_276 + n;
        text.push_str(&format!(
            "creator.a{n:02},{id},2025-04-23 18:30:12,2025-07-10 10:30:51,{}\n",
            1000 + n
        ));
    }
    std::fs::write(&history, text).expect("written");
    let mut harness = app_choosing(&workspace.path, vec![history]);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run_ok();
    wait_for_preview(&mut harness, WAIT);

    assert!(shows(&harness, "Import preview"));
    assert!(
        shows(&harness, "@creator.a00"),
        "the first account is named"
    );
    assert!(shows(&harness, "and 12 more"), "the rest are counted");
    assert!(
        !shows(&harness, "@creator.a19"),
        "not every account is listed"
    );
}
