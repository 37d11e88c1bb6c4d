//! Creating a team: once, whoever comes second, even at the same moment.

use std::sync::{Arc, Barrier};

use scrollstop::workspace::team::{Role, SERVER_VERSION, TeamError};

use crate::server::TestServer;
use crate::{Team, password_of};

#[test]
fn creating_a_team_twice_changes_nothing_the_second_time() {
    let team = Team::new("create_twice");
    let again = team
        .lead()
        .create_team("Another name", "someone_else")
        .expect("the second create succeeds");
    assert!(!again.created);
    assert_eq!(again.team.name, "Team create_twice");
    assert_eq!(again.team.version, SERVER_VERSION);
    let members = team.lead().members().expect("members");
    assert_eq!(members.len(), 1, "{members:?}");
    assert_eq!(members[0].login, team.lead_login());
    assert_eq!(members[0].role, Role::Owner);
    assert_eq!(members[0].accounts, None);
}

#[test]
fn two_members_creating_the_same_team_at_once_make_one_team() {
    let server = TestServer::shared();
    let db = server.database("create_at_once", None);
    let barrier = Arc::new(Barrier::new(2));
    let racers: Vec<_> = ["first", "second"]
        .into_iter()
        .map(|name| {
            let barrier = barrier.clone();
            let db = db.clone();
            std::thread::spawn(move || {
                let mut session = server.admin(&db);
                barrier.wait();
                session.create_team(name, "scrollstop_admin")
            })
        })
        .collect();
    let results: Vec<_> = racers
        .into_iter()
        .map(|r| r.join().expect("no panic").expect("both creates succeed"))
        .collect();
    assert_eq!(
        results.iter().filter(|r| r.created).count(),
        1,
        "{results:?}"
    );
    assert_eq!(results[0].team, results[1].team);
    let version: i32 = server
        .sql(&db)
        .query_one("SELECT version FROM scrollstop.meta", &[])
        .expect("one meta row")
        .get(0);
    assert_eq!(version, SERVER_VERSION);
}

#[test]
fn a_database_without_a_team_says_so() {
    let server = TestServer::shared();
    let db = server.database("no_team_here", None);
    let mut session = server.admin(&db);
    let e = session.team().expect_err("no team");
    assert!(matches!(e, TeamError::NotATeam { .. }), "{e}");
    assert!(e.to_string().contains("scrollstop team create"), "{e}");
    let e = session.pull(0, 10).expect_err("no log to pull");
    assert!(matches!(e, TeamError::NotATeam { .. }), "{e}");
}

#[test]
fn two_teams_on_one_server_keep_their_members_apart() {
    let north = Team::new("apart_north");
    let south = Team::new("apart_south");
    north.member("ana", Role::Editor, None);
    // Ana is a login of the server, but not a member of the south team.
    let ana = north.login("ana");
    let mut in_south = north.server.connect(&ana, &password_of(&ana), &south.db);
    let e = in_south.pull(0, 10).expect_err("not a member of south");
    assert!(matches!(e, TeamError::NotAMember { .. }), "{e}");
    assert!(e.to_string().contains("owner to add you"), "{e}");
    let e = in_south
        .push(&crate::captions(1, 1))
        .expect_err("not a member of south");
    assert!(matches!(e, TeamError::NotAMember { .. }), "{e}");
    assert_eq!(south.stored(), 0);
    let groups: Vec<String> = north
        .sql()
        .query(
            "SELECT rolname::text FROM pg_roles WHERE rolname LIKE 'apart\\_%' AND NOT rolcanlogin ORDER BY 1",
            &[],
        )
        .expect("roles")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(groups.len(), 8, "{groups:?}");
    assert!(groups.contains(&"apart_north_owner".to_string()));
    assert!(groups.contains(&"apart_south_viewer".to_string()));
}
