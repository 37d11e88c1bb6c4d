//! A scheduled post whose time has passed: a demo created two weeks ago (its plan now lies in
//! the past) shows each such post as overdue in the drafts table and the editor, with one
//! click to mark it posted or to re-plan it from now on; both land in the workspace file.

mod common;

use std::time::Duration;

use chrono::{TimeDelta, Utc};
use common::egui::accesskit::Role;
use common::{TestWorkspace, empty_workspace, run_until, shows_part};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scrollstop::domain::{AccountId, DraftId, DraftStatus, PlanEntry};
use scrollstop::ui::{Action, ScrollstopApp};
use scrollstop::workspace::{DEFAULT_DEMO_SEED, Silent, Workspace};

/// The demo as created two weeks ago: its scheduled posts' times have passed.
fn demo_from_two_weeks_ago() -> TestWorkspace {
    let workspace = empty_workspace();
    let mut open = Workspace::open(&workspace.path).expect("the workspace opens");
    let day = Utc::now().date_naive() - TimeDelta::days(14);
    open.create_demo_on(DEFAULT_DEMO_SEED, day, &Silent)
        .expect("the demo data is written");
    workspace
}

/// The plan entry of `draft`, read with a fresh connection.
fn entry_of(workspace: &TestWorkspace, account: AccountId, draft: DraftId) -> PlanEntry {
    let open = Workspace::open(&workspace.path).expect("reopens");
    let far = TimeDelta::days(3650);
    let now = Utc::now();
    open.plan_entries(account, now - far, now + far)
        .expect("plan")
        .into_iter()
        .find(|e| e.draft == draft)
        .expect("the draft is planned")
}

fn status_of(workspace: &TestWorkspace, draft: DraftId) -> DraftStatus {
    let open = Workspace::open(&workspace.path).expect("reopens");
    open.draft(draft).expect("the draft").status
}

/// Scheduled drafts of `account` whose planned time has passed.
fn overdue_drafts(workspace: &TestWorkspace, account: AccountId) -> Vec<DraftId> {
    let open = Workspace::open(&workspace.path).expect("reopens");
    let now = Utc::now();
    let entries = open
        .plan_entries(account, now - TimeDelta::days(60), now)
        .expect("plan");
    let drafts = open.drafts(account).expect("drafts");
    entries
        .iter()
        .filter(|e| {
            drafts
                .iter()
                .any(|d| d.id == e.draft && d.status == DraftStatus::Scheduled)
        })
        .map(|e| e.draft)
        .collect()
}

fn open_in_editor(harness: &mut Harness<'static, ScrollstopApp>, draft: DraftId) {
    harness.state_mut().request(Action::OpenDraft(Some(draft)));
    harness.run_ok();
    harness.run_ok();
    assert_eq!(harness.state().open_draft(), Some(draft));
}

#[test]
fn an_overdue_post_is_marked_posted_or_re_planned_in_one_click() {
    let workspace = demo_from_two_weeks_ago();
    let mut harness = common::app(&workspace.path);
    let account = harness.state().account().expect("an account is shown");
    let overdue = overdue_drafts(&workspace, account);
    assert!(
        overdue.len() >= 2,
        "the demo's plan has passed: {overdue:?}"
    );
    // The table's rows are read in the background; the slots that have passed are marked.
    let start = std::time::Instant::now();
    while !shows_part(&harness, "· overdue") {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the drafts table marks the slots that have passed"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }

    // Mark posted: the status lands in the file and the finding goes.
    open_in_editor(&mut harness, overdue[0]);
    assert!(
        shows_part(&harness, "Overdue: scheduled for"),
        "the editor says the post is overdue"
    );
    harness
        .get_by_role_and_label(Role::Button, "Mark posted")
        .click_accesskit();
    harness.run_ok();
    run_until(&mut harness, Duration::from_secs(5), "the autosave", |_| {
        status_of(&workspace, overdue[0]) == DraftStatus::Posted
    });
    assert!(!shows_part(&harness, "Overdue: scheduled for"));

    // Re-plan: the post moves to a free slot after now, and the finding goes.
    let before = entry_of(&workspace, account, overdue[1]);
    assert!(before.instant < Utc::now());
    open_in_editor(&mut harness, overdue[1]);
    assert!(shows_part(&harness, "Overdue: scheduled for"));
    let asked = Utc::now();
    harness
        .get_by_role_and_label(Role::Button, "Re-plan")
        .click_accesskit();
    harness.run_ok();
    run_until(
        &mut harness,
        Duration::from_secs(60),
        "the re-plan",
        |app| !app.is_busy(),
    );
    let after = entry_of(&workspace, account, overdue[1]);
    assert!(after.instant > asked, "{after:?}");
    assert_eq!(
        after.uid, before.uid,
        "the calendar event keeps its identity"
    );
    assert_eq!(status_of(&workspace, overdue[1]), DraftStatus::Scheduled);
    run_until(
        &mut harness,
        Duration::from_secs(5),
        "the editor to re-read",
        |_| true,
    );
    assert!(!shows_part(&harness, "Overdue: scheduled for"));
}
