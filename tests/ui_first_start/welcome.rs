//! The welcome screen's three ways in: import, start empty, or the demo.

use super::*;

#[test]
fn the_welcome_offers_three_ways_in() {
    let workspace = empty_workspace();
    let harness = app(&workspace.path);
    for way in [
        "Start with demo data",
        "Import TikTok Studio files…",
        "Start empty",
    ] {
        assert!(
            harness.query_by_label(way).is_some(),
            "the welcome offers {way}"
        );
    }
    assert!(
        shows_part(&harness, &workspace.path.display().to_string()),
        "the welcome says where the workspace lives"
    );
    assert!(
        harness.state().first_steps().is_some(),
        "the checklist has read the workspace"
    );
    assert!(
        !shows(&harness, "Getting started"),
        "the checklist waits until there is something to work on"
    );
}

#[test]
fn importing_from_the_welcome_creates_the_account_and_its_analytics() {
    let workspace = empty_workspace();
    let mut harness = app_choosing(&workspace.path, studio_exports());

    harness.get_by_label("Import TikTok Studio files…").click();
    harness.run_ok();
    wait_for_preview(&mut harness, WAIT);
    assert!(harness.state().is_importing(), "the preview is open");

    harness
        .get_by_label("or a new account")
        .set_text_value_accesskit("@knitwit");
    harness.run_ok();
    harness.get_by_label("Use").click();
    harness.run_ok();
    run_until(&mut harness, WAIT, "the preview again", |app| {
        !app.is_busy()
    });
    settle(&mut harness);
    harness.get_by_label("Import").click();
    harness.run_ok();
    run_until(&mut harness, WAIT, "the import", |app| {
        !app.is_busy() && !app.is_importing()
    });
    // The checklist reads its steps again in the background once the import is in.
    run_with_reads(&mut harness);

    assert!(
        harness.query_by_label("Start empty").is_none(),
        "the welcome gave way to the views"
    );
    let stored = Workspace::open(&workspace.path).expect("reopens");
    let accounts = stored.accounts().expect("accounts load");
    assert_eq!(accounts.len(), 1, "the import created the account");
    assert_eq!(accounts[0].handle, "knitwit");
    assert_eq!(harness.state().account(), Some(accounts[0].id));
    assert!(stored.counts().expect("counts").videos > 0);
    assert!(done(&harness, FirstStep::ImportAnalytics));
    assert!(
        shows(&harness, "1 of 7"),
        "the checklist shows the first step done"
    );
    assert!(
        harness
            .query_by_label("Check when your audience is online")
            .is_some(),
        "and the next step"
    );
}

#[test]
fn starting_empty_shows_an_unticked_checklist() {
    let workspace = empty_workspace();
    let mut harness = app(&workspace.path);
    harness.get_by_label("Start empty").click();
    harness.run_ok();
    harness
        .get_by_label("Handle")
        .set_text_value_accesskit("@knitwithnora");
    harness.run_ok();
    harness.get_by_label("Add account").click();
    harness.run_ok();
    harness.run_ok();

    let steps = harness.state().first_steps().expect("read").clone();
    assert_eq!(steps.done_count(), 0, "nothing done yet: {steps:?}");
    assert!(shows(&harness, "0 of 7"));
    // Each step leads where it is done.
    harness.get_by_label("All steps").click();
    harness.run_ok();
    harness
        .get_by_label("Add a subculture you post into")
        .click();
    harness.run_ok();
    assert_eq!(harness.state().section(), Section::Subcultures);
    assert!(
        shows_part(&harness, "#FitTok") && shows_part(&harness, "#CottageCore"),
        "a new workspace starts with the seed's catalogue of subcultures"
    );
    assert_eq!(
        harness.state().first_steps().expect("read").done_count(),
        0,
        "the catalogue is not a subculture of the user's own"
    );

    // Hiding it is remembered by the workspace; the navigation brings it back.
    harness.get_by_label("Hide the checklist").click();
    run_with_reads(&mut harness);
    assert!(harness.state().first_steps().is_some_and(|s| s.dismissed));
    assert!(!shows(&harness, "Getting started"));
    drop(harness);
    let mut harness = app(&workspace.path);
    assert!(harness.state().first_steps().is_some_and(|s| s.dismissed));
    harness.get_by_label("Getting started 0/7").click();
    run_with_reads(&mut harness);
    assert!(shows(&harness, "Getting started"));
}

#[test]
fn the_demo_start_leads_to_the_views_with_its_analytics_ticked() {
    let workspace = empty_workspace();
    let mut harness = app(&workspace.path);
    harness.get_by_label("Start with demo data").click();
    harness.step();
    run_until(&mut harness, WAIT, "the demo job", |app| !app.is_busy());
    // The checklist reads its steps again in the background once the demo data is in.
    run_with_reads(&mut harness);
    assert!(harness.query_by_label("Start with demo data").is_none());
    let steps = harness.state().first_steps().expect("read").clone();
    assert!(steps.is_done(FirstStep::ImportAnalytics), "{steps:?}");
    for step in [
        FirstStep::AddSubculture,
        FirstStep::WriteCleanDraft,
        FirstStep::AutoPlanWeek,
        FirstStep::ExportCalendar,
    ] {
        assert!(
            !steps.is_done(step),
            "the demo's own data does not do {step:?}"
        );
    }
}
