//! Where no file chooser answers (no desktop portal, no zenity), Import and Export ask for a
//! typed path in a dialog that says why; the path goes through the same import and export, and
//! an export the workspace refuses (its own file, a folder) is explained in that dialog.

mod common;

use std::time::Duration;

use common::egui::accesskit::Role;
use common::{
    app_choosing, demo_workspace, open_view, run_until, run_with_reads, shows_part, studio_exports,
    wait_for_preview,
};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scrollstop::ui::ScrollstopApp;
use scrollstop::ui::path_prompt::PATH_FIELD;

const WAIT: Duration = Duration::from_secs(120);

/// Types `path` into the prompt's path field.
fn type_path(harness: &mut Harness<'static, ScrollstopApp>, path: &str) {
    let field = harness.get_by_role_and_label(Role::TextInput, PATH_FIELD);
    field.focus();
    field.type_text(path);
    run_with_reads(harness);
}

/// Opens the calendar's export dialog and presses its Export… button.
fn export_from_calendar(harness: &mut Harness<'static, ScrollstopApp>) {
    open_view(harness, "Calendar");
    common::export_from_dialog(harness);
}

#[test]
fn without_a_chooser_import_asks_for_a_path_and_imports_it() {
    let workspace = demo_workspace();
    // A chooser that comes back empty, as rfd does where no portal answers.
    let mut harness = app_choosing(&workspace.path, Vec::new());
    harness.get_by_label("Import files…").click();
    run_with_reads(&mut harness);
    assert!(
        shows_part(&harness, "this desktop has none available"),
        "the dialog says why, in full"
    );
    type_path(&mut harness, "/no/such/export.csv");
    harness.get_by_label("Import this path").click();
    run_with_reads(&mut harness);
    assert!(
        shows_part(
            &harness,
            "There is no file or folder at /no/such/export.csv"
        ),
        "a wrong path is named in the dialog"
    );

    let folder = studio_exports()[0]
        .parent()
        .expect("the fixtures' folder")
        .to_path_buf();
    let field = harness.get_by_role_and_label(Role::TextInput, PATH_FIELD);
    field.focus();
    harness.key_press_modifiers(common::egui::Modifiers::COMMAND, common::egui::Key::A);
    run_with_reads(&mut harness);
    type_path(&mut harness, &folder.display().to_string());
    harness.get_by_label("Import this path").click();
    harness.step();
    wait_for_preview(&mut harness, WAIT);
    assert!(
        harness
            .query_all_by_label("Import this path")
            .next()
            .is_none(),
        "the prompt closed"
    );
    assert!(
        shows_part(&harness, "Content.csv"),
        "the typed folder's files are previewed like chosen ones"
    );
}

#[test]
fn without_a_chooser_export_asks_for_a_path_and_explains_a_refused_one() {
    let workspace = demo_workspace();
    let mut harness = app_choosing(&workspace.path, Vec::new());
    export_from_calendar(&mut harness);
    assert!(shows_part(&harness, "this desktop has none available"));

    // The workspace's own file is refused, and the dialog says so.
    type_path(&mut harness, &workspace.path.display().to_string());
    harness.get_by_label("Export to this path").click();
    // The refusal comes from a job (a spinner repaints): step, do not wait for a still frame.
    harness.step();
    run_until(&mut harness, WAIT, "the refusal", |app| !app.is_busy());
    assert!(
        shows_part(&harness, "which Scrollstop never writes over"),
        "the refusal is in the dialog"
    );
    let before = std::fs::metadata(&workspace.path)
        .expect("the workspace")
        .len();
    assert!(before > 0);

    // A folder is refused too.
    let field = harness.get_by_role_and_label(Role::TextInput, PATH_FIELD);
    field.focus();
    harness.key_press_modifiers(common::egui::Modifiers::COMMAND, common::egui::Key::A);
    run_with_reads(&mut harness);
    type_path(&mut harness, &workspace.dir.path().display().to_string());
    harness.get_by_label("Export to this path").click();
    // The refusal comes from a job (a spinner repaints): step, do not wait for a still frame.
    harness.step();
    run_until(&mut harness, WAIT, "the refusal", |app| !app.is_busy());
    assert!(shows_part(&harness, "is a folder"), "folders are refused");

    // A plain file name in the folder is written.
    let target = workspace.dir.path().join("plan.ics");
    let field = harness.get_by_role_and_label(Role::TextInput, PATH_FIELD);
    field.focus();
    harness.key_press_modifiers(common::egui::Modifiers::COMMAND, common::egui::Key::A);
    run_with_reads(&mut harness);
    type_path(&mut harness, &target.display().to_string());
    harness.get_by_label("Export to this path").click();
    // The export runs as a job (a spinner repaints): step, do not wait for a still frame.
    harness.step();
    run_until(&mut harness, WAIT, "the export", |app| {
        !app.is_busy() && target.exists()
    });
    let text = std::fs::read_to_string(&target).expect("the export was written");
    assert!(text.starts_with("BEGIN:VCALENDAR"), "{text}");
    assert!(
        harness
            .query_all_by_label("Export to this path")
            .next()
            .is_none(),
        "the prompt closed after the export"
    );
}

#[test]
fn a_path_typed_in_the_export_dialog_skips_the_chooser() {
    let workspace = demo_workspace();
    let mut harness = app_choosing(&workspace.path, Vec::new());
    open_view(&mut harness, "Calendar");
    harness.get_by_label("Export…").click();
    run_with_reads(&mut harness);
    let target = workspace.dir.path().join("pasted.csv");
    let field = harness.get_by_role_and_label(Role::TextInput, "Save to");
    field.focus();
    field.type_text(&target.display().to_string());
    run_with_reads(&mut harness);
    harness
        .query_all_by_label("Export…")
        .last()
        .expect("the dialog's Export button")
        .click();
    harness.step();
    run_until(&mut harness, WAIT, "the export", |app| {
        !app.is_busy() && target.exists()
    });
    assert!(shows_part(&harness, "Exported"), "the status bar says so");
}
