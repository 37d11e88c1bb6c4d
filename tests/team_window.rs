//! The window in a team workspace, against a real PostgreSQL server: the status bar names the
//! team and says how many changes wait to be sent; Sync now sends them (a background job) and
//! the bar says synced.

mod common;
#[path = "team/server.rs"]
mod server;

use std::time::Duration;

use common::{app, run_until, shows_part};
use egui_kittest::kittest::Queryable;
use scrollstop::workspace::team::{ServerAddress, TeamServer};
use scrollstop::workspace::{DEFAULT_DEMO_SEED, Edit, Silent, Workspace};
use server::{TestServer, with_password};

/// The lead's password, which the window finds in PGPASSWORD as libpq would.
const PASSWORD: &str = "pw-window-lead";

/// Runs the test below in a child process whose environment holds PGPASSWORD (this process
/// cannot change its own environment safely).
#[test]
fn the_status_bar_shows_waiting_changes_and_sync_now_sends_them() {
    let out = std::process::Command::new(std::env::current_exe().expect("this test binary"))
        .args([
            "--ignored",
            "--exact",
            "sync_now_in_a_team_workspace",
            "--nocapture",
        ])
        .env("PGPASSWORD", PASSWORD)
        .output()
        .expect("the child runs");
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 passed"),
        "the child ran the test"
    );
}

#[test]
#[ignore = "run by the_status_bar_shows_waiting_changes_and_sync_now_sends_them with PGPASSWORD set"]
fn sync_now_in_a_team_workspace() {
    assert_eq!(
        std::env::var("PGPASSWORD").as_deref(),
        Ok(PASSWORD),
        "started by the test above"
    );
    let server = TestServer::shared();
    let lead = "window_lead";
    let password = PASSWORD;
    server
        .sql("postgres")
        .batch_execute(&format!(
            "CREATE ROLE \"{lead}\" LOGIN CREATEROLE PASSWORD '{password}'"
        ))
        .expect("the lead's login");
    let db = server.database("window_team", Some(lead));

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lead.sqlite");
    let mut workspace = Workspace::open(&path).expect("opens");
    workspace
        .create_demo(DEFAULT_DEMO_SEED, &Silent)
        .expect("demo");
    let address = ServerAddress::parse(&server.url(lead, &db, "disable")).expect("address");
    let mut session =
        TeamServer::connect_with(&address, &with_password(password)).expect("connects");
    let created = session.create_team("Lunchbox", lead).expect("team");
    workspace.publish(lead).expect("published");
    workspace
        .set_team(&address, &created.team.name)
        .expect("remembered");
    workspace.sync_with(&mut session).expect("first sync");
    let account = workspace.accounts().expect("accounts")[0].id;
    let mut draft = workspace.drafts(account).expect("drafts").remove(0);
    draft.notes = "Changed offline".into();
    workspace
        .apply(Edit::SaveDrafts(vec![draft]), lead)
        .expect("saved");
    drop(workspace);

    let mut harness = app(&path);
    assert!(shows_part(&harness, "Team Lunchbox"));
    assert!(
        shows_part(&harness, "1 change waiting"),
        "the outbox is counted"
    );
    harness.get_by_label("Sync now").click();
    harness.step();
    run_until(&mut harness, Duration::from_secs(120), "the sync", |app| {
        !app.is_busy()
    });
    harness.run_ok();
    assert!(
        shows_part(&harness, "Synced: sent "),
        "the notice says what was sent"
    );
    assert!(shows_part(&harness, "synced"), "nothing waits any more");
    let stored: i64 = server
        .sql(&db)
        .query_one(
            "SELECT count(*) FROM scrollstop.ops WHERE field = 'notes'",
            &[],
        )
        .expect("count")
        .get(0);
    assert_eq!(stored, 1, "the change reached the server once");
}
