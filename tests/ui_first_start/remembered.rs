//! What the window remembers between runs: the theme, and the view and account of the same
//! workspace only.

use super::*;

#[test]
fn the_theme_is_chosen_in_settings_and_remembered() {
    let workspace = demo_workspace();
    let mut harness = app(&workspace.path);
    assert_eq!(
        harness.state().theme_preference(),
        egui::ThemePreference::System,
        "a new window follows the desktop"
    );
    open_view(&mut harness, "Settings");
    harness.get_by_label("Dark").click();
    harness.run_ok();
    assert_eq!(
        harness.state().theme_preference(),
        egui::ThemePreference::Dark
    );
    assert!(harness.ctx.global_style().visuals.dark_mode);
    harness.get_by_label("Light").click();
    harness.run_ok();
    assert!(!harness.ctx.global_style().visuals.dark_mode);

    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let restored = ScrollstopApp::new(workspace.path.clone()).restored(Some(&storage));
    assert_eq!(restored.theme_preference(), egui::ThemePreference::Light);
}

#[test]
fn the_view_and_account_survive_a_restart_of_the_same_workspace_only() {
    let workspace = demo_workspace();
    let mut harness = app(&workspace.path);
    let accounts = Workspace::open(&workspace.path)
        .expect("reopens")
        .accounts()
        .expect("accounts");
    let second = accounts[1].id;
    request(&mut harness, Action::SelectAccount(second));
    open_view(&mut harness, "Calendar");
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    drop(harness);

    let restored = ScrollstopApp::new(workspace.path.clone()).restored(Some(&storage));
    assert_eq!(restored.section(), Section::Calendar);
    assert_eq!(restored.account(), Some(second));

    // Another workspace starts on its first view and account.
    let other = demo_workspace();
    let elsewhere = ScrollstopApp::new(other.path.clone()).restored(Some(&storage));
    assert_eq!(elsewhere.section(), Section::default());
    assert_eq!(elsewhere.account(), None);

    // Each window holds its workspace's lock: close them before the next one opens.
    drop((restored, elsewhere));

    // A remembered account deleted since falls back to the first live one.
    let open = Workspace::open(&workspace.path).expect("reopens");
    scrollstop::store::Store::open(open.path())
        .expect("the store opens")
        .trash_account(second)
        .expect("trashed");
    drop(open);
    let path = workspace.path.clone();
    let mut harness = Harness::builder()
        .allow_missing_glyphs()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        .build_eframe(move |_cc| ScrollstopApp::new(path).restored(Some(&storage)));
    harness.run_ok();
    assert_eq!(harness.state().section(), Section::Calendar);
    assert_eq!(harness.state().account(), Some(accounts[0].id));
}
