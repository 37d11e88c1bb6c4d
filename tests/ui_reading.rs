//! Views that read in the background (Analytics, and Reach's measured history) draw their first
//! frame at once with a "Reading…" line, then show what they read; switched to another
//! account, they never show the first account's data under the second one's name.

mod common;

use std::time::Duration;

use common::egui::accesskit::Role;
use common::{app, demo_workspace, run_until, shows_part};
use egui_kittest::kittest::Queryable;
use scrollstop::domain::{Handle, NewAccount};
use scrollstop::store::Store;
use scrollstop::ui::Action;

#[test]
fn analytics_reads_in_the_background_and_never_shows_another_accounts_data() {
    let workspace = demo_workspace();
    let quiet = Store::open(&workspace.path)
        .expect("the store opens")
        .add_account(&NewAccount {
            handle: Handle::parse("quietclient").expect("a valid handle"),
            display_name: "Quiet client".into(),
            time_zone: chrono_tz::Europe::Amsterdam,
            region: "NL".into(),
            language: "en".into(),
        })
        .expect("a second account");
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
