//! A new user's first hour in the window: the three ways in from the welcome screen (demo,
//! empty, import), the "Getting started" checklist ticking from what the workspace holds, the
//! shortcut overview, About, the theme choice, and what is remembered between runs.

mod common;

use std::collections::HashMap;
use std::time::Duration;

use chrono::Utc;
use common::egui::{self, Key, Modifiers};
use common::{
    app, app_choosing, demo_workspace, empty_workspace, open_view, run_until, settle, shows,
    shows_part, studio_exports, wait_for_preview,
};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scrollstop::domain::{Colour, Draft};
use scrollstop::ui::{Action, GivenPaths, ScrollstopApp, Section};
use scrollstop::workspace::{ExportFormat, ExportRequest, FirstStep, PlanRequest, Workspace};

const WAIT: Duration = Duration::from_secs(240);

/// eframe's storage kept in memory, as the window's settings file would hold it.
#[derive(Default)]
struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

fn done(harness: &Harness<'static, ScrollstopApp>, step: FirstStep) -> bool {
    harness
        .state()
        .first_steps()
        .is_some_and(|steps| steps.is_done(step))
}

/// Applies `action` as the window would after a frame, and lets the window redraw.
fn request(harness: &mut Harness<'static, ScrollstopApp>, action: Action) {
    harness.state_mut().request(action);
    harness.run_ok();
    harness.run_ok();
}

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
    harness.run_ok();
    harness.run_ok();
    assert!(harness.state().first_steps().is_some_and(|s| s.dismissed));
    assert!(!shows(&harness, "Getting started"));
    drop(harness);
    let mut harness = app(&workspace.path);
    assert!(harness.state().first_steps().is_some_and(|s| s.dismissed));
    harness.get_by_label("Getting started 0/7").click();
    harness.run_ok();
    harness.run_ok();
    assert!(shows(&harness, "Getting started"));
}

#[test]
fn the_demo_start_leads_to_the_views_with_its_analytics_ticked() {
    let workspace = empty_workspace();
    let mut harness = app(&workspace.path);
    harness.get_by_label("Start with demo data").click();
    harness.step();
    run_until(&mut harness, WAIT, "the demo job", |app| !app.is_busy());
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

#[test]
fn the_checklist_ticks_from_what_the_workspace_holds() {
    let workspace = demo_workspace();
    let out = workspace.dir.path().join("plan.ics");
    let path = workspace.path.clone();
    let mut harness = Harness::builder()
        .allow_missing_glyphs()
        .with_size(egui::vec2(1280.0, 2400.0))
        .with_max_steps(12)
        .build_eframe(move |_cc| {
            ScrollstopApp::new(path)
                .with_file_dialog(Box::new(GivenPaths::default().with_save_to(out)))
        });
    harness.run_ok();
    let account = harness.state().account().expect("an account");

    // The audience heat map on screen ticks "check the audience hours" (a tall window, so the
    // Analytics view's heat map is in view without scrolling).
    assert!(!done(&harness, FirstStep::CheckAudienceHours));
    open_view(&mut harness, "Analytics");
    harness.run_ok();
    assert!(done(&harness, FirstStep::CheckAudienceHours));

    // A subculture of the user's own; Undo takes the tick back.
    let yarn_bombing = || Action::AddSubculture {
        name: "#YarnBombing".into(),
        hashtags: vec!["yarnbombing".into()],
        description: "Knitted street art".into(),
        colour: Colour([200, 80, 120]),
    };
    request(&mut harness, yarn_bombing());
    assert!(done(&harness, FirstStep::AddSubculture));
    request(&mut harness, Action::Undo);
    assert!(!done(&harness, FirstStep::AddSubculture));
    request(&mut harness, yarn_bombing());

    // A draft with an error finding does not count until it is fixed.
    request(&mut harness, Action::NewDraft);
    let id = harness.state().open_draft().expect("the new draft is open");
    let stored = Workspace::open(&workspace.path).expect("reopens");
    let mut draft: Draft = stored.draft(id).expect("the draft");
    draft.title = "Rainy day knits".into();
    draft.caption = format!(
        "{} #cottagecore",
        "rain on the window and a warm scarf ".repeat(120)
    );
    request(&mut harness, Action::SaveDrafts(vec![draft.clone()]));
    assert!(
        !done(&harness, FirstStep::WriteCleanDraft),
        "a caption over TikTok's 4,000 characters is an error"
    );
    draft.caption = "What are you knitting this rainy weekend? #cottagecore".into();
    request(&mut harness, Action::SaveDrafts(vec![draft]));
    assert!(done(&harness, FirstStep::WriteCleanDraft));

    // The Reach view on the open draft.
    assert!(!done(&harness, FirstStep::LookAtReach));
    open_view(&mut harness, "Reach");
    harness.run_ok();
    assert!(done(&harness, FirstStep::LookAtReach));

    // A planning run, written on its own connection as the Calendar's planner does.
    let today = Utc::now().date_naive();
    let mut planner = Workspace::open(&workspace.path).expect("reopens");
    let report = planner
        .plan_range(
            &PlanRequest {
                account,
                from: today,
                to: today + chrono::Days::new(6),
                per_day: None,
                dry_run: false,
            },
            Utc::now(),
        )
        .expect("the week is planned");
    assert!(!report.placements.is_empty(), "the planner placed posts");
    request(&mut harness, Action::EditApplied("Planned a week".into()));
    assert!(done(&harness, FirstStep::AutoPlanWeek));

    // Exporting the calendar to a file.
    request(
        &mut harness,
        Action::ExportCalendar(ExportRequest {
            accounts: vec![account],
            from: today,
            to: today + chrono::Days::new(6),
            format: ExportFormat::Ics,
            statuses: Vec::new(),
        }),
    );
    run_until(&mut harness, WAIT, "the export", |app| !app.is_busy());
    harness.run_ok();
    assert!(done(&harness, FirstStep::ExportCalendar));

    let steps = harness.state().first_steps().expect("read").clone();
    assert!(steps.all_done(), "{steps:?}");
    assert!(shows(&harness, "7 of 7"));
    assert!(shows(&harness, "All done: you know your way around."));
}

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
    let mut open = Workspace::open(&workspace.path).expect("reopens");
    open.store_mut().trash_account(second).expect("trashed");
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
