//! The Drafts view in the real window: filtering by status and by search, selecting several
//! drafts and changing their status in one go, Delete moving them to the trash, the Trash tab
//! restoring them, Ctrl+Z undoing a delete, Ctrl+N adding a draft, and the background checks
//! and forecasts filling the table.
//!
//! This file holds the drafts workspace and the helpers; the stories are in `filtering.rs`,
//! `selection.rs`, `trash.rs`, `new_drafts.rs` and `background.rs`.

#[path = "../common/mod.rs"]
mod common;

mod background;
mod filtering;
mod new_drafts;
mod selection;
mod trash;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Utc;
use common::egui::accesskit::Role;
use common::egui::{Key, Modifiers};
use common::{app, demo_workspace, empty_workspace, run_with_reads, shows, shows_part};
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
    let open = Workspace::open(&workspace.path).expect("opens");
    let store = &mut scrollstop::store::Store::open(open.path()).expect("the store opens");
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
    let store = &workspace;
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
    run_with_reads(harness);
    harness
        .get_by_role_and_label(Role::ComboBox, combo)
        .get_by_role_and_label(Role::Button, option)
        .scroll_to_me();
    run_with_reads(harness);
    harness
        .get_by_role_and_label(Role::ComboBox, combo)
        .get_by_role_and_label(Role::Button, option)
        .click();
    run_with_reads(harness);
}

fn drafts_harness() -> (common::TestWorkspace, Harness<'static, ScrollstopApp>) {
    let workspace = drafts_workspace();
    let mut harness = app(&workspace.path);
    until_computed(&mut harness);
    (workspace, harness)
}
