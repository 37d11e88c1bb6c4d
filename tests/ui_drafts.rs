//! The Drafts view in the real window: filtering by status and by search, selecting several
//! drafts and changing their status in one go, Delete moving them to the trash, the Trash tab
//! restoring them, Ctrl+Z undoing a delete, Ctrl+N adding a draft, and the background checks
//! and forecasts filling the table.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Utc;
use common::egui::accesskit::Role;
use common::egui::{Key, Modifiers};
use common::{app, demo_workspace, empty_workspace, shows, shows_part};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scrollstop::domain::{Draft, DraftId, DraftStatus, NewAccount};
use scrollstop::ui::ScrollstopApp;
use scrollstop::workspace::Workspace;

/// The drafts every test starts from: (title, status, sound, assignee).
const DRAFTS: [(&str, DraftStatus, &str, &str); 5] = [
    ("Rainy knits", DraftStatus::Idea, "Rain loop - Lofi", ""),
    (
        "Apple cake",
        DraftStatus::InReview,
        "Espresso - Sabrina",
        "mai",
    ),
    ("Burpee ladder", DraftStatus::InReview, "", "tom"),
    (
        "Moss terrarium",
        DraftStatus::Draft,
        "Forest walk - Field",
        "",
    ),
    ("Sourdough crumb", DraftStatus::Approved, "", "mai"),
];

/// A workspace with one account, one subculture and the five drafts above.
fn drafts_workspace() -> common::TestWorkspace {
    let workspace = empty_workspace();
    let mut open = Workspace::open(&workspace.path).expect("opens");
    let store = open.store_mut();
    let account = store
        .add_account(&NewAccount {
            handle: "cozyknits".parse().expect("a valid handle"),
            display_name: "Cozy Knits".to_string(),
            time_zone: chrono_tz::Europe::Berlin,
            region: "DE".to_string(),
            language: "en".to_string(),
        })
        .expect("account");
    // A new workspace starts with the seed's catalogue, #CottageCore among it.
    let cottage = store
        .subcultures()
        .expect("subcultures")
        .into_iter()
        .find(|s| s.name == "#CottageCore")
        .expect("the catalogue's #CottageCore")
        .id;
    for (title, status, sound, assignee) in DRAFTS {
        let mut d = Draft::blank(account, Utc::now());
        d.title = title.to_string();
        d.status = status;
        d.caption = format!("{title} for a slow Sunday #cottagecore");
        d.hashtags = vec!["cottagecore".to_string()];
        d.subculture = Some(cottage);
        d.sound = (!sound.is_empty()).then(|| sound.to_string());
        d.assignee = assignee.to_string();
        d.duration_s = Some(14.0);
        store.add_draft(&d).expect("draft");
    }
    workspace
}

/// Live and trashed drafts of the first account, read with a fresh connection.
fn stored(path: &Path) -> (Vec<Draft>, Vec<Draft>) {
    let workspace = Workspace::open(path).expect("reopens");
    let store = workspace.store();
    let account = store.accounts().expect("accounts").remove(0).id;
    (
        store.drafts(account).expect("drafts"),
        store.trashed_drafts(account).expect("trash"),
    )
}

fn titles(drafts: &[Draft]) -> Vec<&str> {
    let mut titles: Vec<&str> = drafts.iter().map(|d| d.title.as_str()).collect();
    titles.sort_unstable();
    titles
}

/// Runs frames in real time until the background checks and forecasts are done.
fn until_computed(harness: &mut Harness<'static, ScrollstopApp>) {
    let start = Instant::now();
    loop {
        harness.run_ok();
        if !shows_part(harness, "in the background…") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the background checks never finished"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run_ok();
}

/// Picks `option` in the combo box labelled `combo`.
fn choose(harness: &mut Harness<'static, ScrollstopApp>, combo: &str, option: &str) {
    harness.get_by_role_and_label(Role::ComboBox, combo).click();
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, combo)
        .get_by_role_and_label(Role::Button, option)
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, combo)
        .get_by_role_and_label(Role::Button, option)
        .click();
    harness.run();
}

fn drafts_harness() -> (common::TestWorkspace, Harness<'static, ScrollstopApp>) {
    let workspace = drafts_workspace();
    let mut harness = app(&workspace.path);
    until_computed(&mut harness);
    (workspace, harness)
}

#[test]
fn filtering_by_status_shows_only_those_drafts() {
    let (_workspace, mut harness) = drafts_harness();
    for (title, ..) in DRAFTS {
        assert!(shows(&harness, title), "{title} is listed");
    }
    choose(&mut harness, "Status", "In review");
    assert!(shows(&harness, "Apple cake"));
    assert!(shows(&harness, "Burpee ladder"));
    assert!(!shows(&harness, "Rainy knits"));
    assert!(!shows(&harness, "Sourdough crumb"));
    assert!(shows(&harness, "2 of 5 shown"));

    harness.get_by_label("Clear filters").click();
    harness.run();
    assert!(shows(&harness, "Rainy knits"));
}

#[test]
fn search_reads_the_sound_and_ctrl_f_focuses_it() {
    let (_workspace, mut harness) = drafts_harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    let search = harness.get_by_role_and_label(Role::TextInput, "Search");
    assert!(search.is_focused(), "Ctrl+F focuses the search box");
    search.type_text("espresso");
    harness.run();
    assert!(shows(&harness, "Apple cake"));
    assert!(!shows(&harness, "Rainy knits"));
    assert!(!shows(&harness, "Moss terrarium"));
}

#[test]
fn selecting_two_drafts_and_setting_their_status_is_stored() {
    let (workspace, mut harness) = drafts_harness();
    harness.get_by_label("Rainy knits").click();
    harness.run();
    harness
        .get_by_label("Moss terrarium")
        .click_modifiers(Modifiers::COMMAND);
    harness.run();
    assert!(shows(&harness, "2 drafts selected"));

    choose(&mut harness, "Set status", "Approved");
    let (live, _) = stored(&workspace.path);
    for d in &live {
        if d.title == "Rainy knits" || d.title == "Moss terrarium" {
            assert_eq!(d.status, DraftStatus::Approved, "{}", d.title);
        }
    }
    let apple = live.iter().find(|d| d.title == "Apple cake").expect("kept");
    assert_eq!(
        apple.status,
        DraftStatus::InReview,
        "unselected drafts keep theirs"
    );
    assert!(
        shows_part(&harness, "Saved 2 drafts"),
        "the status bar offers Undo"
    );
}

#[test]
fn shift_click_and_bulk_assign() {
    let (workspace, mut harness) = drafts_harness();
    // Sorted by title: Apple, Burpee, Moss, Rainy, Sourdough.
    harness.get_by_role_and_label(Role::Button, "Title").click();
    harness.run();
    harness.get_by_label("Burpee ladder").click();
    harness.run();
    harness
        .get_by_label("Rainy knits")
        .click_modifiers(Modifiers::SHIFT);
    harness.run();
    assert!(shows(&harness, "3 drafts selected"));
    harness
        .get_by_role_and_label(Role::TextInput, "Assign to")
        .set_text_value_accesskit("lena");
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    let (live, _) = stored(&workspace.path);
    let assigned: Vec<&str> = live
        .iter()
        .filter(|d| d.assignee == "lena")
        .map(|d| d.title.as_str())
        .collect();
    assert_eq!(assigned.len(), 3, "{assigned:?}");
    assert!(!assigned.contains(&"Apple cake"));
}

#[test]
fn delete_moves_to_the_trash_and_ctrl_z_brings_it_back() {
    let (workspace, mut harness) = drafts_harness();
    harness.get_by_label("Apple cake").click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert!(!shows(&harness, "Apple cake"), "the draft left the table");
    assert!(shows_part(&harness, "Moved the draft to the trash"));
    let (live, trash) = stored(&workspace.path);
    assert_eq!(titles(&trash), vec!["Apple cake"]);
    assert_eq!(live.len(), 4);
    assert!(harness.query_by_label("Trash (1)").is_some());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(shows(&harness, "Apple cake"), "Ctrl+Z restored it");
    assert!(shows_part(&harness, "Restored the draft"));
    let (live, trash) = stored(&workspace.path);
    assert!(trash.is_empty());
    assert_eq!(live.len(), 5);
}

#[test]
fn ctrl_a_selects_every_shown_draft_and_escape_clears() {
    let (workspace, mut harness) = drafts_harness();
    choose(&mut harness, "Assignee", "mai");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    assert!(shows(&harness, "2 drafts selected"));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!shows_part(&harness, "selected"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label("Move to trash").click();
    harness.run();
    let (_, trash) = stored(&workspace.path);
    assert_eq!(titles(&trash), vec!["Apple cake", "Sourdough crumb"]);
}

#[test]
fn the_trash_tab_restores_selected_drafts() {
    let workspace = drafts_workspace();
    {
        let mut open = Workspace::open(&workspace.path).expect("opens");
        let (live, _) = stored(&workspace.path);
        let ids: Vec<DraftId> = live
            .iter()
            .filter(|d| d.title == "Burpee ladder" || d.title == "Rainy knits")
            .map(|d| d.id)
            .collect();
        open.store_mut().trash_drafts(&ids).expect("trashed");
    }
    let mut harness = app(&workspace.path);
    until_computed(&mut harness);
    assert!(!shows(&harness, "Burpee ladder"));
    harness.get_by_label("Trash (2)").click();
    harness.run();
    assert!(shows(&harness, "2 drafts in the trash"));
    harness.get_by_label("Burpee ladder").click();
    harness.run();
    harness.get_by_label("Restore 1 draft").click();
    harness.run();
    let (live, trash) = stored(&workspace.path);
    assert_eq!(titles(&trash), vec!["Rainy knits"]);
    assert!(live.iter().any(|d| d.title == "Burpee ladder"));
    assert!(harness.query_by_label("Trash (1)").is_some());
}

#[test]
fn an_empty_trash_says_how_drafts_get_there() {
    let (_workspace, mut harness) = drafts_harness();
    harness.get_by_label("Trash (0)").click();
    harness.run();
    assert!(shows_part(&harness, "The trash of @cozyknits is empty"));
}

#[test]
fn ctrl_n_adds_a_draft() {
    let (workspace, mut harness) = drafts_harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    let (live, _) = stored(&workspace.path);
    assert_eq!(live.len(), 6);
    assert!(shows(&harness, "(untitled)"));
}

#[test]
fn without_posted_videos_reach_waits_for_a_model_and_findings_are_counted() {
    let (_workspace, mut harness) = drafts_harness();
    let dashes = harness.query_all_by_label("—").count();
    assert_eq!(
        dashes,
        DRAFTS.len(),
        "no model yet: every reach cell is empty"
    );
    assert!(
        harness.query_all_by_label("…").next().is_none(),
        "nothing is left computing"
    );
    // Burpee ladder and Sourdough crumb have no sound: a warning each.
    choose(&mut harness, "Finding", "no-sound");
    assert!(shows(&harness, "Burpee ladder"));
    assert!(shows(&harness, "Sourdough crumb"));
    assert!(!shows(&harness, "Apple cake"));
}

#[test]
fn a_demo_account_gets_predicted_medians() {
    let workspace = demo_workspace();
    let mut harness = app(&workspace.path);
    until_computed(&mut harness);
    assert!(
        harness.query_all_by_label("…").next().is_none(),
        "every row got its findings and forecast"
    );
    // Drafts not posted yet get a number; only posted ones (real views in Analytics) or a
    // missing model show a dash.
    choose(&mut harness, "Status", "Idea");
    assert!(harness.query_all_by_label("—").next().is_none());
    assert!(!shows_part(&harness, "not available"));
}

#[test]
fn ctrl_n_puts_the_cursor_in_the_title_and_the_highlight_follows_the_editor() {
    let (workspace, mut harness) = drafts_harness();
    // Typed in the same frame as Ctrl+N, before the new draft's editor exists, then more
    // once it shows: none of it is lost.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.event(common::egui::Event::Text("Hel".to_string()));
    harness.run();
    harness.event(common::egui::Event::Text("lo".to_string()));
    harness.run();
    let new = harness.state().open_draft().expect("the new draft is open");
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Title")
            .value()
            .as_deref(),
        Some("Hello")
    );
    let start = Instant::now();
    while stored(&workspace.path).0.iter().all(|d| d.title != "Hello") {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the title is saved"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    let (live, _) = stored(&workspace.path);
    assert_eq!(
        live.iter().find(|d| d.id == new).map(|d| d.title.as_str()),
        Some("Hello")
    );
    assert_eq!(
        harness.state().chosen_draft(),
        Some(new),
        "the new row is the chosen one"
    );

    // Another row: the highlight, the editor and the bulk bar all name it.
    harness.get_by_label("Apple cake").click();
    harness.run();
    let apple = live
        .iter()
        .find(|d| d.title == "Apple cake")
        .expect("Apple cake")
        .id;
    assert_eq!(
        harness.state().open_draft(),
        Some(apple),
        "the editor shows it"
    );
    assert_eq!(harness.state().chosen_draft(), Some(apple));
    assert!(
        shows(&harness, "1 draft selected"),
        "one row is highlighted"
    );
    // The new draft's checks and forecast come in the background; the bar stays put after.
    until_computed(&mut harness);
    choose(&mut harness, "Set status", "Approved");
    let (live, _) = stored(&workspace.path);
    let status = |id| live.iter().find(|d| d.id == id).map(|d| d.status);
    assert_eq!(
        status(apple),
        Some(DraftStatus::Approved),
        "the bulk bar acted on it"
    );
    assert_eq!(status(new), Some(DraftStatus::Idea), "and only on it");
}
