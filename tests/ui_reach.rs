//! The Reach view on the demo workspace: a draft chosen from the ranking is forecast off the
//! UI thread (P50 and the confidence badge appear), and a driver's what-if button changes the
//! draft in the workspace file.

mod common;

use std::time::{Duration, Instant};

use chrono::Utc;
use common::{app, demo_workspace, open_view, run_with_reads, shows, shows_part};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use scrollstop::domain::{Draft, DraftStatus};
use scrollstop::model::{ForecastContext, WhatIf};
use scrollstop::ui::ScrollstopApp;
use scrollstop::workspace::{FORECAST_SEED, Workspace};

/// Runs frames in real time until `done` holds for what is on screen.
fn wait_for(
    harness: &mut Harness<'static, ScrollstopApp>,
    what: &str,
    done: impl Fn(&Harness<'static, ScrollstopApp>) -> bool,
) {
    let start = Instant::now();
    while !done(harness) {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "gave up waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(30));
        harness.step();
    }
}

/// A ready draft of the first account with a what-if that changes the draft, and the first
/// such change of its forecast as the view makes it (10,000 paths, its plan slot).
fn ready_draft_with_a_what_if(workspace: &Workspace) -> (Draft, WhatIf) {
    let account = workspace.accounts().expect("accounts").remove(0);
    let context = ForecastContext::new(FORECAST_SEED);
    let drafts = workspace.drafts(account.id).expect("drafts");
    drafts
        .iter()
        .filter(|d| matches!(d.status, DraftStatus::Approved | DraftStatus::Scheduled))
        .filter(|d| drafts.iter().filter(|o| o.title == d.title).count() == 1)
        .find_map(|d| {
            let prediction = workspace
                .predict(d.id, None, &context, Utc::now())
                .expect("a forecast");
            let what_if = prediction
                .forecast
                .drivers
                .iter()
                .filter_map(|driver| driver.what_if.clone())
                .find(|w| !matches!(w, WhatIf::MoveToSlot { .. }))?;
            Some((d.clone(), what_if))
        })
        .expect("a ready demo draft with a what-if")
}

#[test]
fn a_ranked_draft_is_forecast_and_its_what_if_changes_the_draft() {
    let workspace = demo_workspace();
    let (draft, what_if) = {
        let open = Workspace::open(&workspace.path).expect("reopens");
        ready_draft_with_a_what_if(&open)
    };
    let mut harness = app(&workspace.path);
    open_view(&mut harness, "Reach");
    assert!(shows(&harness, "Choose a draft to forecast"));

    wait_for(&mut harness, "the ranking of ready drafts", |h| {
        shows_part(h, draft.display_title())
    });
    harness
        .get_by_label(draft.display_title())
        .click_accesskit();
    harness.step();

    wait_for(&mut harness, "the forecast", |h| {
        shows(h, "P50") && shows_part(h, "based on ") && shows_part(h, "Apply: ")
    });
    assert!(shows(&harness, "Views after"));
    assert!(shows_part(&harness, "30 days"));
    assert!(shows_part(&harness, "Chance of more than"));
    // Each driver names the number of views its change in chance is about.
    assert!(shows_part(&harness, "; chance of more than "));
    assert!(!shows_part(&harness, "passing X"));

    let mut expected = draft.clone();
    assert!(what_if.apply(&mut expected));
    harness
        .query_all_by_label_contains("Apply: ")
        .next()
        .expect("a what-if button")
        .click_accesskit();
    harness.step();

    let reopened = Workspace::open(&workspace.path).expect("reopens");
    wait_for(&mut harness, "the draft to change", |_| {
        reopened.draft(draft.id).expect("the draft") != draft
    });
    let mut after = reopened.draft(draft.id).expect("the draft");
    after.updated_at = expected.updated_at;
    assert_eq!(after, expected, "the first what-if was applied");
    // The forecast follows the edit (debounced, refitted off the UI thread).
    wait_for(&mut harness, "the forecast of the changed draft", |h| {
        shows(h, "P50") && !shows_part(h, "Updating the forecast")
    });
}

/// The title in the forecast card's headline ("“Title” posted …"), once a forecast shows.
fn forecast_title(harness: &Harness<'static, ScrollstopApp>) -> Option<String> {
    harness
        .query_all_by_label_contains("” posted ")
        .find_map(|n| {
            let text = n.accesskit_node().value()?;
            let rest = text.strip_prefix('“')?;
            Some(rest.split_once('”')?.0.to_string())
        })
}

#[test]
fn with_the_editor_closed_reach_forecasts_the_chosen_draft_or_the_best_ready_one() {
    let workspace = demo_workspace();
    let (chosen, _) = {
        let open = Workspace::open(&workspace.path).expect("reopens");
        ready_draft_with_a_what_if(&open)
    };
    let mut harness = app(&workspace.path);

    // Nothing chosen: the ready draft ranked first.
    open_view(&mut harness, "Reach");
    wait_for(&mut harness, "the best ready draft's forecast", |h| {
        shows(h, "P50") && forecast_title(h).is_some()
    });
    assert!(shows_part(&harness, "No draft chosen"));
    let best = forecast_title(&harness).expect("a headline");
    let reopened = Workspace::open(&workspace.path).expect("reopens");
    let account = reopened.accounts().expect("accounts").remove(0);
    let drafts = reopened.drafts(account.id).expect("drafts");
    let best_draft = drafts
        .iter()
        .find(|d| d.display_title() == best)
        .expect("the headline names a draft");
    assert!(
        matches!(
            best_draft.status,
            DraftStatus::Approved | DraftStatus::Scheduled
        ),
        "{best} is ready"
    );

    // Chosen in Drafts, editor closed: Reach keeps forecasting it.
    open_view(&mut harness, "Drafts");
    harness
        .get_by_role_and_label(common::egui::accesskit::Role::TextInput, "Search")
        .set_text_value_accesskit(chosen.display_title());
    run_with_reads(&mut harness);
    harness
        .query_all_by_label(chosen.display_title())
        .last()
        .expect("the draft's row")
        .click();
    run_with_reads(&mut harness);
    assert_eq!(harness.state().open_draft(), Some(chosen.id));
    harness.key_press(common::egui::Key::Escape);
    run_with_reads(&mut harness);
    assert_eq!(harness.state().open_draft(), None, "the editor is closed");
    open_view(&mut harness, "Reach");
    wait_for(&mut harness, "the chosen draft's forecast", |h| {
        shows(h, "P50")
            && forecast_title(h).as_deref() == Some(chosen.display_title())
            && !shows_part(h, "Updating the forecast")
    });
    assert!(!shows_part(&harness, "No draft chosen"));
    assert!(shows(&harness, "Views after"));
}
