//! Passwords as libpq keeps them: PGPASSWORD, a password file (PGPASSFILE or ~/.pgpass) that
//! others may not read, and the errors that say where to put one.

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use scrollstop::workspace::team::{
    Environment, PushOutcome, Role, ServerAddress, TeamError, TeamServer,
};

use crate::server::TestServer;
use crate::{Team, captions, password_of};

/// Set for the child process of [`a_member_connects_with_the_password_in_its_process_environment`].
const CHILD_URL: &str = "SCROLLSTOP_TEAM_TEST_URL";

#[test]
fn a_member_connects_with_pgpassword_or_a_password_file_and_pushes() {
    let team = Team::new("password_sources");
    team.member("pat", Role::Editor, None);
    let login = team.login("pat");
    let address = ServerAddress::parse(&team.server.url(&login, &team.db, "prefer")).expect("url");

    let by_env = Environment {
        pgpassword: Some(password_of(&login)),
        ..Environment::default()
    };
    let mut session = TeamServer::connect_with(&address, &by_env).expect("PGPASSWORD");
    assert_eq!(
        session.push(&captions(1, 1)).expect("push")[0],
        PushOutcome::Accepted { seq: 1 }
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("pgpass");
    std::fs::write(
        &file,
        format!(
            "# other servers first\nelsewhere:5432:*:{login}:wrong\n127.0.0.1:{}:{}:{login}:{}\n",
            team.server.port,
            team.db,
            password_of(&login)
        ),
    )
    .expect("write");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let by_file = Environment {
        pgpassfile: Some(file.clone()),
        ..Environment::default()
    };
    let mut session = TeamServer::connect_with(&address, &by_file).expect(".pgpass");
    assert!(session.warnings().is_empty());
    assert_eq!(
        session.push(&captions(2, 1)).expect("push")[0],
        PushOutcome::Accepted { seq: 2 }
    );

    // A file others may read is ignored, with a warning, and then no password is found.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let e = TeamServer::connect_with(&address, &by_file).expect_err("no usable password");
    assert!(matches!(e, TeamError::NoPassword { .. }), "{e}");
    assert!(
        e.to_string().contains("~/.pgpass") && e.to_string().contains("PGPASSWORD"),
        "{e}"
    );
    let found = scrollstop::workspace::team::find_password(&address, &by_file);
    assert!(
        found.warnings[0].contains("group or world access"),
        "{found:?}"
    );
}

#[test]
fn a_member_connects_with_the_password_in_its_process_environment() {
    let team = Team::new("password_process");
    team.member("env", Role::Editor, None);
    let login = team.login("env");
    let url = team.server.url(&login, &team.db, "prefer");
    let child = |configure: &dyn Fn(&mut Command)| {
        let mut command = Command::new(std::env::current_exe().expect("this test binary"));
        command
            .args([
                "--exact",
                "password::child_pushes_with_the_process_environment",
                "--test-threads=1",
            ])
            .env(CHILD_URL, &url)
            .env_remove("PGPASSWORD")
            .env_remove("PGPASSFILE");
        configure(&mut command);
        let out = command.output().expect("the child runs");
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    };
    child(&|c| {
        c.env("PGPASSWORD", password_of(&login));
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("pgpass");
    std::fs::write(
        &file,
        format!("*:*:{}:{login}:{}\n", team.db, password_of(&login)),
    )
    .expect("write");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    child(&|c| {
        c.env("PGPASSFILE", &file);
    });
    assert_eq!(team.stored(), 2, "each child pushed one op");
}

/// Runs only as the child of the test above (which sets the URL): connects the way the app
/// does, from the process's own environment, and pushes one op.
#[test]
fn child_pushes_with_the_process_environment() {
    let Ok(url) = std::env::var(CHILD_URL) else {
        return;
    };
    let address = ServerAddress::parse(&url).expect("url");
    let mut session = TeamServer::connect(&address).expect("connects from the environment");
    let n = 100 + u64::from(std::env::var_os("PGPASSFILE").is_some());
    let outcome = session.push(&captions(n, 1)).expect("push");
    assert!(
        matches!(outcome[0], PushOutcome::Accepted { .. }),
        "{outcome:?}"
    );
}

#[test]
fn wrong_passwords_missing_databases_and_closed_ports_say_what_to_do() {
    let server = TestServer::shared();
    let e = server
        .try_connect(crate::server::ADMIN, "not the password", "postgres")
        .expect_err("wrong");
    assert!(matches!(e, TeamError::AuthFailed { .. }), "{e}");
    assert!(e.to_string().contains("~/.pgpass or PGPASSWORD"), "{e}");
    assert!(!e.to_string().contains("not the password"));

    let e = server
        .try_connect(crate::server::ADMIN, &server.admin_password, "no_such_team")
        .expect_err("no database");
    assert!(matches!(e, TeamError::NoSuchDatabase { .. }), "{e}");

    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a port")
        .port();
    let address = ServerAddress::parse(&format!(
        "postgres://ana@127.0.0.1:{closed}/team?connect_timeout=2"
    ))
    .expect("url");
    let e =
        TeamServer::connect_with(&address, &Environment::default()).expect_err("nothing listens");
    assert!(matches!(e, TeamError::Unreachable { .. }), "{e}");
    assert!(
        e.to_string()
            .contains("your changes stay in this workspace"),
        "{e}"
    );
}
