//! The window in a team workspace, against a real PostgreSQL server of its own: the window's
//! sync thread sends what waited while the window was closed and every edit made in it, by
//! itself; Sync now says what it did; with the server gone the status bar says "Offline since"
//! and the edits made meanwhile wait, and they are sent once the server is back.

mod common;
#[path = "team/server.rs"]
mod server;

use std::time::{Duration, Instant};

use common::{app, shows_part, wait_for_text};
use egui_kittest::kittest::Queryable;
use scrollstop::ui::Action;
use scrollstop::workspace::team::{ServerAddress, TeamServer};
use scrollstop::workspace::{DEFAULT_DEMO_SEED, Edit, Silent, Workspace};
use server::{TestServer, with_password};

/// How long the server may take to answer.
const WAIT: Duration = Duration::from_secs(120);

type Window = egui_kittest::Harness<'static, scrollstop::ui::ScrollstopApp>;

/// The lead's password, which the window finds in PGPASSWORD as libpq would.
const PASSWORD: &str = "pw-window-lead";

/// Runs the test below in a child process whose environment holds PGPASSWORD (this process
/// cannot change its own environment safely).
#[test]
fn the_window_syncs_by_itself_says_when_it_is_offline_and_catches_up() {
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
#[ignore = "run by the_window_syncs_by_itself_says_when_it_is_offline_and_catches_up with PGPASSWORD set"]
fn sync_now_in_a_team_workspace() {
    assert_eq!(
        std::env::var("PGPASSWORD").as_deref(),
        Ok(PASSWORD),
        "started by the test above"
    );
    // A server of its own: the test stops it.
    let server = TestServer::start(false);
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
    drop(session);
    let account = workspace.accounts().expect("accounts")[0].id;
    let mut draft = workspace.drafts(account).expect("drafts").remove(0);
    let draft_id = draft.id;
    draft.notes = "Changed offline".into();
    workspace
        .apply(Edit::SaveDrafts(vec![draft]), lead)
        .expect("saved");
    drop(workspace);

    let mut harness = app(&path);
    assert!(shows_part(&harness, "Team Lunchbox"));
    let notes_on_server = || -> i64 {
        server
            .sql(&db)
            .query_one(
                "SELECT count(*) FROM scrollstop.ops WHERE field = 'notes'",
                &[],
            )
            .expect("count")
            .get(0)
    };
    // What waited while the window was closed is sent by itself.
    wait(&mut harness, "the waiting change sent", || {
        notes_on_server() == 1
    });
    wait_for_text(&mut harness, "Synced ", WAIT);

    // An edit in the window is sent by itself, once.
    let mut draft = harness
        .state()
        .workspace()
        .expect("open")
        .draft(draft_id)
        .expect("draft");
    draft.notes = "Changed in the window".into();
    harness
        .state_mut()
        .request(Action::SaveDrafts(vec![draft.clone()]));
    wait(&mut harness, "the window's edit sent", || {
        notes_on_server() == 2
    });

    // Sync now says what it did.
    harness.get_by_label("Sync now").click_accesskit();
    wait_for_text(&mut harness, "Synced: sent ", WAIT);

    // The server goes away: the bar says so, and an edit waits.
    server.stop_immediately();
    draft.notes = "Changed while offline".into();
    harness.state_mut().request(Action::SaveDrafts(vec![draft]));
    wait_for_text(&mut harness, "Offline since", WAIT);
    wait_for_text(&mut harness, "1 change waiting", WAIT);

    // Back again: the edit is sent without anyone asking.
    server.restart();
    harness.get_by_label("Sync now").click_accesskit();
    wait(&mut harness, "the offline edit sent", || {
        notes_on_server() == 3
    });
    wait_for_text(&mut harness, "Synced", WAIT);
    assert!(!shows_part(&harness, "Offline since"));
}

/// Runs frames until `done` holds.
fn wait(harness: &mut Window, what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < WAIT, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
}
