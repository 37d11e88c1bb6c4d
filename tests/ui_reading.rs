//! Views that read in the background (Analytics, Reach's measured history, the Drafts table,
//! the Calendar's plan and its drafts without a slot) draw their first frame at once with a
//! "Reading…" line, then show what they read; after an edit they keep what they show until the
//! fresh data arrives; switched to another account, they never show the first account's data
//! under the second one's name. The drafts to place are found by searching their titles.

mod common;

use std::time::Duration;

use chrono::Utc;
use common::egui::accesskit::Role;
use common::{app, demo_workspace, run_until, shows, shows_part};
use egui_kittest::kittest::{NodeT, Queryable};
use scrollstop::domain::{Draft, DraftStatus, Handle, NewAccount};
use scrollstop::store::Store;
use scrollstop::ui::{Action, ScrollstopApp};

type Window = egui_kittest::Harness<'static, ScrollstopApp>;

/// Steps until the shown view started a read (at most a few frames), and says so.
fn step_until_reading(harness: &mut Window) {
    for _ in 0..4 {
        harness.step();
        if harness.state().is_reading() {
            return;
        }
    }
    panic!("no read started");
}

fn wait_for_reads(harness: &mut Window) {
    run_until(harness, Duration::from_secs(60), "the reads", |a| {
        !a.is_reading()
    });
}

/// Adds an account without drafts or videos, `@quietclient`.
fn quiet_account(path: &std::path::Path) -> scrollstop::domain::AccountId {
    Store::open(path)
        .expect("the store opens")
        .add_account(&NewAccount {
            handle: Handle::parse("quietclient").expect("a valid handle"),
            display_name: "Quiet client".into(),
            time_zone: chrono_tz::Europe::Amsterdam,
            region: "NL".into(),
            language: "en".into(),
        })
        .expect("a second account")
}

#[test]
fn the_drafts_table_stays_while_an_edit_is_read_and_never_shows_another_accounts_drafts() {
    let workspace = demo_workspace();
    let quiet = quiet_account(&workspace.path);
    let mut harness = app(&workspace.path);
    let drafts = harness
        .state()
        .workspace()
        .and_then(|w| w.drafts(harness.state().account()?).ok())
        .expect("the demo drafts");
    let n = drafts.len();
    let trashed = harness
        .state()
        .workspace()
        .and_then(|w| w.trashed_drafts(harness.state().account()?).ok())
        .expect("the demo's trash")
        .len();
    let count = |n: usize| format!("{n} drafts");
    assert!(shows(&harness, &count(n)), "the demo's drafts are listed");

    harness
        .state_mut()
        .request(Action::TrashDrafts(vec![drafts[0].id]));
    step_until_reading(&mut harness);
    assert!(
        shows(&harness, &count(n)),
        "the table stays while the edit is read"
    );
    assert!(!shows_part(&harness, "'s drafts…"), "no reading line");
    wait_for_reads(&mut harness);
    assert!(shows(&harness, &count(n - 1)), "the trashed draft is gone");
    assert!(shows_part(&harness, &format!("Trash ({})", trashed + 1)));

    harness.state_mut().request(Action::SelectAccount(quiet));
    step_until_reading(&mut harness);
    assert!(shows_part(&harness, "Reading @quietclient's drafts…"));
    assert!(
        !shows(&harness, &count(n - 1)),
        "the demo account's drafts are not shown as the new account's"
    );
    wait_for_reads(&mut harness);
    assert!(shows_part(&harness, "No drafts for @quietclient yet"));
}

#[test]
fn the_calendar_draws_at_once_and_its_plan_once_read() {
    let workspace = demo_workspace();
    let quiet = quiet_account(&workspace.path);
    let mut harness = app(&workspace.path);
    harness
        .get_by_role_and_label(Role::Button, "Calendar")
        .click();
    harness.step();
    harness.step();
    assert!(shows_part(&harness, "Reading the plan…"), "the first frame");
    assert!(!shows(&harness, "03:00"), "no week before its plan is read");
    assert!(harness.state().is_reading());
    wait_for_reads(&mut harness);
    assert!(!shows_part(&harness, "Reading the plan…"));
    assert!(shows(&harness, "03:00"), "the week's hours are drawn");

    harness.state_mut().request(Action::SelectAccount(quiet));
    step_until_reading(&mut harness);
    assert!(
        shows_part(&harness, "Reading the plan…") && !shows(&harness, "03:00"),
        "the demo account's plan is not drawn on the new account's calendar"
    );
    wait_for_reads(&mut harness);
    assert!(!shows_part(&harness, "Reading the plan…"));
    assert!(shows(&harness, "03:00"));
}

#[test]
fn analytics_reads_in_the_background_and_never_shows_another_accounts_data() {
    let workspace = demo_workspace();
    let quiet = quiet_account(&workspace.path);
    let mut harness = app(&workspace.path);
    let demo = harness.state().account().expect("the demo account");
    let handle = harness
        .state()
        .workspace()
        .and_then(|w| w.account(demo).ok())
        .expect("the demo account reads")
        .at_handle();

    harness
        .get_by_role_and_label(Role::Button, "Analytics")
        .click();
    harness.step();
    harness.step();
    assert!(
        shows_part(
            &harness,
            &format!("Reading {handle}'s analytics in the background…")
        ),
        "the first frame is drawn before the data is read"
    );
    assert!(harness.state().is_reading());
    run_until(
        &mut harness,
        Duration::from_secs(60),
        "the analytics",
        |a| !a.is_reading(),
    );
    assert!(shows_part(&harness, "Like rate"), "the videos are listed");

    harness.state_mut().request(Action::SelectAccount(quiet));
    harness.step();
    harness.step();
    assert!(
        shows_part(
            &harness,
            "Reading @quietclient's analytics in the background…"
        ),
        "the demo account's analytics are not shown as the new account's"
    );
    assert!(!shows_part(&harness, "Like rate"));
    run_until(
        &mut harness,
        Duration::from_secs(60),
        "the analytics",
        |a| !a.is_reading(),
    );
    assert!(shows_part(&harness, "No analytics for @quietclient yet"));
}

#[test]
fn reach_shows_the_measured_history_once_it_is_read() {
    let workspace = demo_workspace();
    let mut harness = app(&workspace.path);
    harness.get_by_role_and_label(Role::Button, "Reach").click();
    harness.step();
    harness.step();
    assert!(shows_part(&harness, "videos in the background…"));
    run_until(&mut harness, Duration::from_secs(60), "the history", |a| {
        !a.is_reading()
    });
    assert!(!shows_part(&harness, "videos in the background…"));
    assert!(shows_part(&harness, "median views"), "the measured spread");
}

#[test]
fn the_calendar_offers_drafts_without_a_slot_by_search_once_they_are_read() {
    let workspace = demo_workspace();
    let account = {
        let mut store = Store::open(&workspace.path).expect("the store opens");
        let account = store.accounts().expect("accounts")[0].id;
        let mut draft = Draft::blank(account, Utc::now());
        draft.title = "Moss terrarium in a teacup".into();
        draft.status = DraftStatus::Approved;
        store.add_draft(&draft).expect("the draft saves");
        account
    };
    let mut harness = app(&workspace.path);
    assert_eq!(harness.state().account(), Some(account));
    harness
        .get_by_role_and_label(Role::Button, "Calendar")
        .click();
    harness.step();
    harness.step();
    assert_eq!(
        to_place(&harness),
        "Reading the drafts without a slot…",
        "the calendar is drawn before its drafts to place are read"
    );
    run_until(&mut harness, Duration::from_secs(60), "the drafts", |a| {
        !a.is_reading()
    });
    assert_eq!(to_place(&harness), "Choose a draft without a slot…");

    harness
        .get_by_role_and_label(Role::ComboBox, "to place")
        .click();
    harness.run_ok();
    harness
        .get_by_label("Search drafts")
        .type_text("TEACUP moss");
    harness.run_ok();
    let offered: Vec<String> = harness
        .query_all_by_label_contains(" · ")
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(
        offered,
        ["Moss terrarium in a teacup · Approved"],
        "only the match"
    );
    harness
        .get_by_label("Moss terrarium in a teacup · Approved")
        .click();
    harness.run_ok();
    assert_eq!(to_place(&harness), "Moss terrarium in a teacup", "chosen");
    assert!(
        !harness
            .get_by_role_and_label(Role::Button, "Place in best free slot")
            .accesskit_node()
            .is_disabled(),
        "a chosen draft can be placed"
    );
}

/// What the Calendar's picker of drafts to place reads while closed.
fn to_place(harness: &Window) -> String {
    harness
        .get_by_role_and_label(Role::ComboBox, "to place")
        .accesskit_node()
        .value()
        .unwrap_or_default()
}
