//! The "Getting started" checklist ticks from what the workspace holds.

use super::*;

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
    reads(&mut harness);
    let account = harness.state().account().expect("an account");

    // The audience heat map on screen ticks "check the audience hours" (a tall window, so the
    // Analytics view's heat map is in view without scrolling).
    assert!(!done(&harness, FirstStep::CheckAudienceHours));
    open_view(&mut harness, "Analytics");
    harness.run_ok();
    reads(&mut harness);
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
    reads(&mut harness);
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
    reads(&mut harness);
    assert!(done(&harness, FirstStep::ExportCalendar));

    let steps = harness.state().first_steps().expect("read").clone();
    assert!(steps.all_done(), "{steps:?}");
    assert!(shows(&harness, "7 of 7"));
    assert!(shows(&harness, "All done: you know your way around."));
}
