//! The server stopped at the worst moments (`pg_ctl stop -m immediate`, as a crash) and started
//! again: a push in flight stores all of its ops or none, and sending the batch again loses
//! nothing and stores nothing twice. This test has a server of its own, which it stops.

use std::time::{Duration, Instant};

use scrollstop::workspace::team::{ServerAddress, TeamError, TeamServer};

use crate::server::{ADMIN, TestServer, with_password};
use crate::{captions, op_id, seqs};

/// Ops stored, distinct op ids, and the highest seq.
fn tally(server: &TestServer, db: &str) -> (i64, i64, i64) {
    let row = server
        .sql(db)
        .query_one(
            "SELECT count(*), count(DISTINCT op_id), coalesce(max(seq), 0) FROM scrollstop.ops",
            &[],
        )
        .expect("tally");
    (row.get(0), row.get(1), row.get(2))
}

#[test]
fn a_server_stopped_in_the_middle_of_a_push_and_restarted_loses_and_duplicates_nothing() {
    let server = TestServer::start(false);
    let db = server.database("crash", None);
    server
        .admin(&db)
        .create_team("Crash", ADMIN)
        .expect("create");
    let batch = captions(1, 50);
    assert_eq!(
        seqs(&server.admin(&db).push(&batch[..10]).expect("push")),
        (1..=10).collect::<Vec<_>>()
    );

    // Another session holds an uncommitted row with the op id of op 30: the push will have
    // stored ops 11 to 29 in its transaction and wait there, in the middle.
    let mut blocker = server.sql(&db);
    let mut held = blocker.transaction().expect("begin");
    held.execute(
        "INSERT INTO scrollstop.ops (op_id, seq, login, author, at, entity_kind, entity_uuid, field, base_seq)
         VALUES ($1::text::uuid, 1000000, 'blocker', 'blocker', now(), 'draft', 'd', 'caption', 0)",
        &[&op_id(30)],
    )
    .expect("hold op 30");

    let interrupted = std::thread::scope(|scope| {
        let mut pusher = server.admin(&db);
        let push = scope.spawn(move || pusher.push(&batch));
        let mut watcher = server.sql(&db);
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let waiting: i64 = watcher
                .query_one(
                    "SELECT count(*) FROM pg_stat_activity
                     WHERE wait_event_type = 'Lock' AND query LIKE '%scrollstop.push%'",
                    &[],
                )
                .expect("look at the server")
                .get(0);
            if waiting == 1 {
                break;
            }
            assert!(Instant::now() < deadline, "the push never reached op 30");
            std::thread::sleep(Duration::from_millis(20));
        }
        server.stop_immediately();
        push.join().expect("no panic")
    });
    let e = interrupted.expect_err("the server went away mid-push");
    assert!(matches!(e, TeamError::ConnectionLost { .. }), "{e}");
    assert!(e.to_string().contains("sending it again is safe"), "{e}");
    drop(held);
    drop(blocker);

    server.restart();
    assert_eq!(
        tally(&server, &db),
        (10, 10, 10),
        "the push in flight stored none of its ops"
    );
    let batch = captions(1, 50);
    let mut session = server.admin(&db);
    assert_eq!(
        seqs(&session.push(&batch).expect("resend")),
        (1..=50).collect::<Vec<_>>()
    );
    assert_eq!(tally(&server, &db), (50, 50, 50));

    // A push that committed, but whose answer never arrived: stopped right after, resent after.
    let more = captions(51, 10);
    assert_eq!(
        seqs(&session.push(&more).expect("push")),
        (51..=60).collect::<Vec<_>>()
    );
    server.stop_immediately();
    assert!(session.push(&more).is_err(), "the server is down");
    server.restart();
    let mut session = server.admin(&db);
    assert_eq!(
        seqs(&session.push(&more).expect("resend")),
        (51..=60).collect::<Vec<_>>()
    );
    assert_eq!(tally(&server, &db), (60, 60, 60));
    assert_eq!(session.last_seq().expect("head"), 60);
    let pulled = session.pull(0, 1000).expect("pull");
    assert_eq!(
        pulled.iter().map(|o| o.seq).collect::<Vec<_>>(),
        (1..=60).collect::<Vec<_>>()
    );
    assert_eq!(pulled[29].op.op_id, op_id(30));

    // This server speaks no TLS: sslmode=require says so.
    let address = ServerAddress::parse(&server.url(ADMIN, &db, "require")).expect("url");
    let e = TeamServer::connect_with(&address, &with_password(&server.admin_password))
        .expect_err("no TLS here");
    assert!(matches!(e, TeamError::TlsRefused { .. }), "{e}");
    let plain = ServerAddress::parse(&server.url(ADMIN, &db, "prefer")).expect("url");
    let mut prefer = TeamServer::connect_with(&plain, &with_password(&server.admin_password))
        .expect("prefer falls back to plain");
    assert!(!prefer.is_encrypted().expect("ask"));
}
