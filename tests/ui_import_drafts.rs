//! A drafts CSV imported from the Drafts view: the preview lists each draft row (to add or
//! already there) and each rejected row with its line, and Import writes the drafts.

mod common;

use std::time::Duration;

use common::{
    TestWorkspace, app_choosing, empty_workspace, open_view, run_until, settle, shows, shows_part,
    wait_for_preview,
};
use egui_kittest::kittest::Queryable;
use scrollstop::domain::NewAccount;
use scrollstop::workspace::Workspace;

const WAIT: Duration = Duration::from_secs(30);

fn team_workspace() -> TestWorkspace {
    let workspace = empty_workspace();
    let open = Workspace::open(&workspace.path).expect("the workspace opens");
    scrollstop::store::Store::open(open.path())
        .expect("the store opens")
        .add_account(&NewAccount {
            handle: "meadow".parse().expect("a valid handle"),
            display_name: "Meadow".into(),
            time_zone: chrono_tz::Europe::Amsterdam,
            region: "NL".into(),
            language: "en".into(),
        })
        .expect("the account is added");
    workspace
}

fn stored_titles(workspace: &TestWorkspace) -> Vec<String> {
    let open = Workspace::open(&workspace.path).expect("reopens");
    let account = open.accounts().expect("accounts")[0].id;
    let drafts = open.drafts(account).expect("drafts");
    drafts.into_iter().map(|d| d.title).collect()
}

#[test]
fn the_drafts_view_imports_a_drafts_csv_after_a_preview_of_its_rows() {
    let workspace = team_workspace();
    let file = workspace.dir.path().join("plan.csv");
    std::fs::write(
        &file,
        "title,caption,planned_at,aspect\n\
         Jam jars,Summer jam #cottagecore,2026-03-01 18:30,9:16\n\
         Bread basket,Sourdough morning,,1:1\n\
         Bad shape,Caption,,3:2\n",
    )
    .expect("written");
    let mut harness = app_choosing(&workspace.path, vec![file]);
    open_view(&mut harness, "Drafts");

    harness.get_by_label("Import drafts CSV…").click();
    harness.run_ok();
    wait_for_preview(&mut harness, WAIT);

    assert!(shows(
        &harness,
        "Drafts (2 to add, 0 already in the workspace)"
    ));
    assert!(shows(&harness, "Jam jars") && shows(&harness, "Bread basket"));
    assert!(shows(&harness, "2026-03-01 18:30 Europe/Amsterdam"));
    assert!(
        shows_part(&harness, "aspect \"3:2\""),
        "the bad row's reason"
    );
    assert!(
        stored_titles(&workspace).is_empty(),
        "the preview writes nothing"
    );

    harness
        .get_by_label("Skip bad rows and import the rest")
        .click();
    harness.run_ok();
    run_until(&mut harness, WAIT, "the new preview", |app| !app.is_busy());
    settle(&mut harness);
    harness.get_by_label("Import").click();
    harness.run_ok();
    run_until(&mut harness, WAIT, "the import", |app| {
        !app.is_busy() && !app.is_importing()
    });
    let mut titles = stored_titles(&workspace);
    titles.sort();
    assert_eq!(titles, vec!["Bread basket", "Jam jars"]);
}
