//! The window as a new user meets it: the first start on an empty workspace, the demo, the
//! navigation through every view, and a file that cannot be opened.

mod common;

use std::time::Duration;

use common::egui::{Key, Modifiers};
use common::{
    app, demo_workspace, empty_workspace, open_view, run_until, run_with_reads, shows, shows_part,
};
use egui_kittest::kittest::Queryable;
use scrollstop::ui::Section;
use scrollstop::workspace::Workspace;

#[test]
fn every_navigation_entry_opens_its_view_on_the_demo_workspace() {
    let workspace = demo_workspace();
    let mut harness = app(&workspace.path);

    assert!(
        !shows(&harness, "Start with demo data"),
        "a filled workspace skips the welcome"
    );
    assert_eq!(harness.state().section(), Section::Drafts);
    assert!(
        shows_part(&harness, "2 accounts"),
        "the status bar counts the accounts"
    );

    for section in Section::ALL {
        open_view(&mut harness, section.label());
        assert_eq!(harness.state().section(), section);
        assert!(
            shows(&harness, section.label()),
            "the {} view shows its heading",
            section.label()
        );
    }

    open_view(&mut harness, "Subcultures");
    for name in ["#CottageCore", "#MomsofTikTok", "#FitTok"] {
        assert!(shows(&harness, name), "the Subcultures view lists {name}");
    }

    open_view(&mut harness, "Settings");
    let stored = Workspace::open(&workspace.path).expect("reopens");
    let accounts = stored.accounts().expect("accounts load");
    assert_eq!(accounts.len(), 2, "the demo has two accounts");
    for account in &accounts {
        assert!(
            shows(&harness, &account.at_handle()),
            "Settings lists {}",
            account.at_handle()
        );
    }
    assert!(
        shows(&harness, &workspace.path.display().to_string()),
        "Settings names the file"
    );
}

#[test]
fn keyboard_shortcuts_switch_views() {
    let workspace = demo_workspace();
    let mut harness = app(&workspace.path);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num7);
    run_with_reads(&mut harness);
    assert_eq!(harness.state().section(), Section::Settings);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num5);
    run_with_reads(&mut harness);
    assert_eq!(harness.state().section(), Section::Subcultures);
    assert!(shows(&harness, "#FitTok"));
}

#[test]
fn the_account_switcher_changes_the_current_account() {
    let workspace = demo_workspace();
    let mut harness = app(&workspace.path);
    let stored = Workspace::open(&workspace.path).expect("reopens");
    let accounts = stored.accounts().expect("accounts load");
    assert_eq!(harness.state().account(), Some(accounts[0].id));

    harness.get_by_label("Account").click();
    run_with_reads(&mut harness);
    let entry = format!(
        "{}  ·  {}",
        accounts[1].at_handle(),
        accounts[1].display_name
    );
    harness.get_by_label(&entry).click();
    run_with_reads(&mut harness);

    assert_eq!(harness.state().account(), Some(accounts[1].id));
}

#[test]
fn the_welcome_screen_fills_an_empty_workspace_with_the_demo() {
    let workspace = empty_workspace();
    let mut harness = app(&workspace.path);

    assert!(
        shows_part(&harness, "Welcome to"),
        "an empty workspace is welcomed"
    );
    harness.get_by_label("Start with demo data").click();
    harness.step();
    assert!(
        harness.state().is_busy(),
        "the demo is created in the background"
    );

    run_until(
        &mut harness,
        Duration::from_secs(240),
        "the demo job",
        |app| !app.is_busy(),
    );

    assert!(
        harness.query_by_label("Start with demo data").is_none(),
        "the welcome is gone"
    );
    let notice = harness.state().notice().unwrap_or_default().to_string();
    assert!(
        notice.starts_with("Demo workspace ready"),
        "the status bar says so: {notice}"
    );
    assert!(harness.state().account().is_some(), "an account is chosen");
    open_view(&mut harness, "Subcultures");
    assert!(shows(&harness, "#CottageCore"));
}

#[test]
fn starting_empty_asks_for_the_first_account() {
    let workspace = empty_workspace();
    let mut harness = app(&workspace.path);

    harness.get_by_label("Start empty").click();
    run_with_reads(&mut harness);
    harness
        .get_by_label("Handle")
        .set_text_value_accesskit("@knitwithnora");
    harness
        .get_by_label("Display name")
        .set_text_value_accesskit("Nora Knits");
    run_with_reads(&mut harness);
    harness.get_by_label("Time zone").click();
    run_with_reads(&mut harness);
    harness
        .get_by_label("Search time zones")
        .set_text_value_accesskit("new york");
    run_with_reads(&mut harness);
    harness.get_by_label("America/New_York").click();
    run_with_reads(&mut harness);
    harness.get_by_label("Add account").click();
    run_with_reads(&mut harness);

    assert!(
        harness.query_by_label("Start empty").is_none(),
        "the welcome is gone"
    );
    let stored = Workspace::open(&workspace.path).expect("reopens");
    let accounts = stored.accounts().expect("accounts load");
    assert_eq!(accounts.len(), 1);
    assert_eq!(accounts[0].handle, "knitwithnora");
    assert_eq!(accounts[0].time_zone, chrono_tz::America::New_York);
    assert_eq!(harness.state().account(), Some(accounts[0].id));
}

#[test]
fn a_file_that_is_not_a_workspace_is_explained_not_opened() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("notes.sqlite");
    std::fs::write(&path, "shopping list: yarn, moss, tripod").expect("writes");

    let harness = app(&path);

    assert!(shows(&harness, "This workspace could not be opened"));
    assert!(
        shows(&harness, &path.display().to_string()),
        "the message names the file"
    );
    assert!(shows_part(&harness, "not an SQLite database"));
    assert!(harness.state().workspace().is_none());
    let bytes = std::fs::read(&path).expect("reads");
    assert_eq!(bytes, b"shopping list: yarn, moss, tripod");
}
