//! The shortcut overview (F1, Ctrl+/) and About.

use super::*;

#[test]
fn f1_and_ctrl_slash_show_every_shortcut() {
    let workspace = demo_workspace();
    let mut harness = app(&workspace.path);
    assert!(!harness.state().shortcuts_shown());
    harness.key_press(Key::F1);
    harness.run_ok();
    assert!(harness.state().shortcuts_shown());
    assert!(shows_part(&harness, "Keyboard shortcuts"));
    for line in [
        "Import TikTok Studio exports, spreadsheets, trend lists or drafts",
        "New draft for the current account",
        "Back to today",
        "Step forward again",
    ] {
        assert!(shows(&harness, line), "the overview lists: {line}");
    }
    harness.key_press(Key::Escape);
    harness.run_ok();
    assert!(!harness.state().shortcuts_shown(), "Escape closes it");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Slash);
    harness.run_ok();
    assert!(harness.state().shortcuts_shown(), "Ctrl+/ opens it too");
    harness.get_by_label("Shortcuts").click();
    harness.run_ok();
    assert!(
        !harness.state().shortcuts_shown(),
        "the Help entry toggles it"
    );
}

#[test]
fn about_shows_the_version_the_workspace_and_its_schema() {
    let workspace = empty_workspace();
    let mut harness = app(&workspace.path);
    // Reachable on the welcome screen through the key; from the navigation on the views.
    request(
        &mut harness,
        Action::Help(scrollstop::ui::HelpRequest::About),
    );
    assert!(harness.state().about_shown());
    assert!(shows(
        &harness,
        &format!("Version {}", env!("CARGO_PKG_VERSION"))
    ));
    assert!(shows(&harness, &workspace.path.display().to_string()));
    let schema = scrollstop::store::LATEST_VERSION;
    assert!(shows_part(
        &harness,
        &format!("{schema} (this Scrollstop writes {schema})")
    ));
    harness.key_press(Key::Escape);
    harness.run_ok();
    assert!(!harness.state().about_shown());

    let workspace = demo_workspace();
    let mut harness = app(&workspace.path);
    harness.get_by_label("About").click();
    harness.run_ok();
    assert!(harness.state().about_shown());
}
