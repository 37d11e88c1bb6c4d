//! Imported analytics shared through a real team server: a lead shares a demo workspace with
//! its 120 days of analytics, a member's join brings every video, snapshot, day of metrics,
//! hour of follower activity and audience share; the member's own import reaches the lead;
//! importing the same export again sends nothing; and a viewer's import is refused by the
//! server with the reason, and not sent again.

use scrollstop::workspace::team::{Role, ServerAddress};
use scrollstop::workspace::{DEFAULT_DEMO_SEED, ImportOptions, Silent, Workspace};
use serde_json::Value;

use super::{Team, password_of};
use crate::server::with_password;

/// Rows per analytics table, as `scrollstop info --json` would count them.
fn analytics_counts(ws: &Workspace) -> Value {
    let counts = ws.counts().expect("counts");
    serde_json::json!({
        "videos": counts.videos,
        "snapshots": counts.video_snapshots,
        "daily_metrics": counts.daily_metrics,
        "follower_activity": counts.follower_activity,
        "audience_shares": counts.audience_shares,
    })
}

fn studio_exports() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/studio");
    ["Content.csv", "Overview.csv", "FollowerActivity.csv"]
        .iter()
        .map(|name| dir.join(name))
        .collect()
}

#[test]
fn imported_analytics_reach_every_member_once() {
    let team = Team::new("analytics_share");
    let dir = tempfile::tempdir().expect("temp dir");
    let lead_path = dir.path().join("lead.sqlite");
    let mut lead = Workspace::open(&lead_path).expect("opens");
    lead.create_demo(DEFAULT_DEMO_SEED, &Silent).expect("demo");
    let lead_login = team.lead_login();
    let address = |login: &str| {
        ServerAddress::parse(&team.server.url(login, &team.db, "disable")).expect("address")
    };
    lead.set_team(&address(&lead_login), "Analytics")
        .expect("team");
    lead.publish("Lead").expect("published");
    let mut lead_session = team.lead();
    let first = lead.sync_with(&mut lead_session).expect("the first sync");
    assert!(first.analytics_sent > 0, "the demo's analytics were sent");
    assert!(!lead.analytics_waiting().expect("flag"), "nothing waits");

    // The member's join brings every analytics row.
    let mate_login = team.login("mate");
    drop(team.member("mate", Role::Editor, None));
    let mate_env = with_password(&password_of(&mate_login));
    let mate_path = dir.path().join("mate.sqlite");
    let (mut mate, joined) =
        Workspace::join_team(&mate_path, &address(&mate_login), &mate_env).expect("joined");
    assert_eq!(joined.sync.pulled.analytics, first.analytics_sent);
    assert_eq!(analytics_counts(&mate), analytics_counts(&lead));

    // The member imports Studio exports for the lead's first account; they reach the lead.
    let account = mate.accounts().expect("accounts")[0].handle.clone();
    let options = ImportOptions {
        account: Some(account.clone()),
        ..ImportOptions::default()
    };
    let report = mate
        .import_now(&studio_exports(), options.clone(), &Silent)
        .expect("imported");
    assert!(report.committed, "{report:?}");
    let mut mate_session = team
        .server
        .connect(&mate_login, &password_of(&mate_login), &team.db);
    assert!(
        mate.analytics_waiting().expect("flag"),
        "the import waits to be sent"
    );
    let sent = mate.sync_with(&mut mate_session).expect("sent");
    assert!(sent.analytics_sent > 0, "the import's rows were sent");
    let got = lead.sync_with(&mut lead_session).expect("received");
    assert_eq!(got.pulled.analytics, sent.analytics_sent);
    assert_eq!(analytics_counts(&lead), analytics_counts(&mate));

    // The same files again change nothing, so nothing is sent.
    mate.import_now(&studio_exports(), options, &Silent)
        .expect("imported again");
    let again = mate.sync_with(&mut mate_session).expect("synced");
    assert_eq!(again.analytics_sent, 0);
}

#[test]
fn a_viewers_import_is_refused_with_the_reason_and_not_sent_again() {
    let team = Team::new("analytics_viewer");
    let dir = tempfile::tempdir().expect("temp dir");
    let lead_path = dir.path().join("lead.sqlite");
    let mut lead = Workspace::open(&lead_path).expect("opens");
    lead.create_demo(DEFAULT_DEMO_SEED, &Silent).expect("demo");
    let lead_login = team.lead_login();
    let url = |login: &str| {
        ServerAddress::parse(&team.server.url(login, &team.db, "disable")).expect("address")
    };
    lead.set_team(&url(&lead_login), "Analytics").expect("team");
    lead.publish("Lead").expect("published");
    lead.sync_with(&mut team.lead()).expect("the first sync");

    let viewer_login = team.login("watcher");
    drop(team.member("watcher", Role::Viewer, None));
    let env = with_password(&password_of(&viewer_login));
    let (mut viewer, _) =
        Workspace::join_team(&dir.path().join("viewer.sqlite"), &url(&viewer_login), &env)
            .expect("joined");
    let account = viewer.accounts().expect("accounts")[0].handle.clone();
    let options = ImportOptions {
        account: Some(account),
        ..ImportOptions::default()
    };
    viewer
        .import_now(&studio_exports(), options, &Silent)
        .expect("imported here");
    let mut session = team
        .server
        .connect(&viewer_login, &password_of(&viewer_login), &team.db);
    let report = viewer.sync_with(&mut session).expect("synced");
    assert_eq!(report.analytics_sent, 0);
    assert!(!report.refused.is_empty(), "the server refused the rows");
    assert!(
        report.refused[0]
            .1
            .contains("viewers cannot change anything"),
        "{:?}",
        report.refused[0]
    );
    let again = viewer.sync_with(&mut session).expect("synced again");
    assert!(again.refused.is_empty(), "refused rows are not sent again");
}
