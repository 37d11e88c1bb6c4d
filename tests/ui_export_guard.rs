//! The window's Export dialog has the command line's guard: choosing the workspace itself (or
//! a folder) as the target is refused with the same sentence, and the workspace is untouched.

mod common;

use std::time::Duration;

use common::*;
use egui_kittest::Harness;
use scrollstop::ui::ScrollstopApp;

/// Exports the calendar from the window into `target`; returns the harness afterwards.
fn export_to(
    workspace: &TestWorkspace,
    target: std::path::PathBuf,
) -> Harness<'static, ScrollstopApp> {
    let mut harness = app_saving_to(&workspace.path, target);
    open_view(&mut harness, "Calendar");
    export_from_dialog(&mut harness);
    run_until(
        &mut harness,
        Duration::from_secs(120),
        "the export",
        |app| !app.is_busy(),
    );
    settle(&mut harness);
    harness
}

#[test]
fn exporting_onto_the_workspace_or_a_folder_is_refused_in_the_window() {
    let workspace = demo_workspace();
    let before = std::fs::read(&workspace.path).expect("the workspace reads");
    let harness = export_to(&workspace, workspace.path.clone());
    assert!(
        shows_part(&harness, "which Scrollstop never writes over"),
        "the refusal is shown"
    );
    drop(harness);
    assert_eq!(
        std::fs::read(&workspace.path).expect("the workspace reads"),
        before,
        "the workspace is as it was"
    );

    let folder = workspace.dir.path().join("calendars");
    std::fs::create_dir(&folder).expect("a folder");
    let harness = export_to(&workspace, folder.clone());
    assert!(shows_part(&harness, "is a folder, not a file"));
    drop(harness);
    assert!(folder.is_dir());
    let leftovers: Vec<_> = std::fs::read_dir(workspace.dir.path())
        .expect("the folder lists")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
