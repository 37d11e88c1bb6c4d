//! TLS by sslmode against the shared server, whose certificate names `localhost` and is signed
//! by a CA the test made.

use scrollstop::workspace::team::{Environment, ServerAddress, TeamError, TeamServer};

use crate::server::{ADMIN, TestServer, with_password};

fn connect(url: &str) -> Result<TeamServer, TeamError> {
    let server = TestServer::shared();
    let address = ServerAddress::parse(url).expect("url");
    TeamServer::connect_with(&address, &with_password(&server.admin_password))
}

fn url(host: &str, query: &str) -> String {
    let server = TestServer::shared();
    format!("postgres://{ADMIN}@{host}:{}/postgres?{query}", server.port)
}

#[test]
fn each_sslmode_encrypts_and_checks_as_libpq_does() {
    let server = TestServer::shared();
    let Some(ca) = server.ca_file.as_ref() else {
        eprintln!("skipped: the shared server has no TLS (openssl is not installed)");
        return;
    };
    let ca = ca.display();
    let encrypted = |url: &str| -> bool {
        connect(url)
            .unwrap_or_else(|e| panic!("{url}: {e}"))
            .is_encrypted()
            .expect("ask")
    };
    assert!(!encrypted(&url("127.0.0.1", "sslmode=disable")));
    assert!(encrypted(&url("127.0.0.1", "sslmode=prefer")));
    assert!(encrypted(&url("127.0.0.1", "sslmode=require")));
    assert!(encrypted(&url(
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={ca}")
    )));
    // The certificate names localhost, not 127.0.0.1: the chain is good, the name is not.
    assert!(encrypted(&url(
        "127.0.0.1",
        &format!("sslmode=verify-ca&sslrootcert={ca}")
    )));
    let e = connect(&url(
        "127.0.0.1",
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    ))
    .expect_err("the name does not match");
    assert!(matches!(e, TeamError::Tls { .. }), "{e}");
    // A CA that did not sign it is refused by verify-ca (and the system's CAs do not know it).
    let e =
        connect(&url("localhost", "sslmode=verify-ca&sslrootcert=system")).expect_err("unknown CA");
    assert!(matches!(e, TeamError::Tls { .. }), "{e}");
    assert!(e.to_string().contains("sslrootcert"), "{e}");
    let e = connect(&url(
        "localhost",
        "sslmode=verify-full&sslrootcert=/nonexistent/ca.pem",
    ))
    .expect_err("no such file");
    assert!(matches!(e, TeamError::RootCertificates { .. }), "{e}");
}

#[test]
fn a_root_certificate_in_home_makes_require_check_the_chain() {
    let server = TestServer::shared();
    let Some(ca) = server.ca_file.as_ref() else {
        eprintln!("skipped: the shared server has no TLS (openssl is not installed)");
        return;
    };
    let home = tempfile::tempdir().expect("home");
    std::fs::create_dir(home.path().join(".postgresql")).expect("mkdir");
    let env = |root: &[u8]| {
        std::fs::write(home.path().join(".postgresql/root.crt"), root).expect("write");
        Environment {
            home: Some(home.path().to_path_buf()),
            ..with_password(&server.admin_password)
        }
    };
    let address = ServerAddress::parse(&url("127.0.0.1", "sslmode=require")).expect("url");
    let good = env(&std::fs::read(ca).expect("read the CA"));
    assert!(
        TeamServer::connect_with(&address, &good)
            .expect("the CA in ~/.postgresql")
            .is_encrypted()
            .expect("ask")
    );
    let other_ca = include_bytes!("../fixtures/team/other_ca.pem");
    let e = TeamServer::connect_with(&address, &env(other_ca)).expect_err("another CA");
    assert!(matches!(e, TeamError::Tls { .. }), "{e}");
}
