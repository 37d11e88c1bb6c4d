//! Pushing and pulling the op log: gap-free seqs in order, resending is harmless, concurrent
//! pushes never share or skip a seq, and no one writes the log behind the push's back.

use std::collections::BTreeSet;
use std::sync::{Arc, Barrier};
use std::time::Duration;

use serde_json::json;

use scrollstop::workspace::team::{OutgoingOp, PushOutcome, Role};

use crate::server::PATIENCE;
use crate::{Team, captions, draft_op, op_id, refusal, seqs};

#[test]
fn a_push_gives_gap_free_seqs_in_order_and_the_pull_reads_the_ops_back() {
    let team = Team::new("push_order");
    let mut lead = team.lead();
    let mut ops = captions(1, 4);
    ops.push(OutgoingOp {
        value: None,
        field: "*".into(),
        account_uuid: None,
        entity_kind: "subculture".into(),
        base_seq: 3,
        ..draft_op(9, "sub-1", None, "*", json!(null))
    });
    let outcomes = lead.push(&ops).expect("push");
    assert_eq!(seqs(&outcomes), vec![1, 2, 3, 4, 5]);
    assert_eq!(lead.last_seq().expect("head"), 5);
    let pulled = lead.pull(0, 100).expect("pull");
    assert_eq!(pulled.len(), 5);
    for (i, (server_op, sent)) in pulled.iter().zip(&ops).enumerate() {
        assert_eq!(server_op.seq, i as i64 + 1);
        assert_eq!(&server_op.op, sent, "op {i} reads back as sent");
        assert_eq!(server_op.login, team.lead_login());
    }
}

#[test]
fn a_resent_batch_gets_the_same_seqs_and_stores_nothing_new() {
    let team = Team::new("push_resend");
    let mut lead = team.lead();
    let first = captions(1, 3);
    assert_eq!(seqs(&lead.push(&first).expect("push")), vec![1, 2, 3]);
    // As if the answer had been lost: the same ops again, with one new one, and one twice.
    let mut again = first.clone();
    again.extend(captions(4, 1));
    again.push(first[0].clone());
    assert_eq!(
        seqs(&lead.push(&again).expect("resend")),
        vec![1, 2, 3, 4, 1]
    );
    assert_eq!(team.stored(), 4);
    assert_eq!(lead.last_seq().expect("head"), 4);
    assert_eq!(seqs(&lead.push(&first).expect("resend")), vec![1, 2, 3]);
    assert_eq!(team.stored(), 4);
}

#[test]
fn two_sessions_pushing_at_once_never_share_or_skip_a_seq() {
    let team = Arc::new(Team::new("push_concurrent"));
    let barrier = Arc::new(Barrier::new(2));
    let pushers: Vec<_> = (0..2u64)
        .map(|who| {
            let team = team.clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let mut session = team.member(&format!("writer{who}"), Role::Editor, None);
                barrier.wait();
                let mut given = Vec::new();
                for round in 0..25u64 {
                    let first = 1 + who * 10_000 + round * 4;
                    given.extend(seqs(&session.push(&captions(first, 4)).expect("push")));
                }
                given
            })
        })
        .collect();
    let mut all: Vec<i64> = pushers
        .into_iter()
        .flat_map(|p| p.join().expect("no panic"))
        .collect();
    let each_once: BTreeSet<i64> = all.iter().copied().collect();
    assert_eq!(each_once.len(), all.len(), "no seq given twice");
    all.sort_unstable();
    assert_eq!(all, (1..=200).collect::<Vec<i64>>());
    // The log agrees: every op once, seqs 1..200.
    let pulled = team.lead().pull(0, 1000).expect("pull");
    assert_eq!(pulled.iter().map(|o| o.seq).collect::<Vec<_>>(), all);
    let ids: BTreeSet<&str> = pulled.iter().map(|o| o.op.op_id.as_str()).collect();
    assert_eq!(ids.len(), 200);
}

#[test]
fn a_pull_reads_the_ops_after_a_seq_in_order_a_page_at_a_time() {
    let team = Team::new("pull_pages");
    let mut lead = team.lead();
    lead.push(&captions(1, 10)).expect("push");
    let page = lead.pull(3, 4).expect("pull");
    assert_eq!(
        page.iter().map(|o| o.seq).collect::<Vec<_>>(),
        vec![4, 5, 6, 7]
    );
    assert_eq!(page[0].op.op_id, op_id(4));
    let rest = lead.pull(7, 100).expect("pull");
    assert_eq!(
        rest.iter().map(|o| o.seq).collect::<Vec<_>>(),
        vec![8, 9, 10]
    );
    assert!(lead.pull(10, 100).expect("pull").is_empty());
    // A viewer reads the log too.
    let mut viewer = team.member("reader", Role::Viewer, None);
    assert_eq!(viewer.pull(0, 100).expect("a viewer pulls").len(), 10);
}

#[test]
fn a_malformed_op_is_refused_with_its_reason_and_the_rest_of_the_batch_is_stored() {
    let team = Team::new("push_malformed");
    let mut lead = team.lead();
    let mut ops = captions(1, 3);
    ops[1].op_id = "not-a-uuid".into();
    ops[2].entity_uuid = String::new();
    let outcomes = lead.push(&ops).expect("push");
    assert_eq!(outcomes[0], PushOutcome::Accepted { seq: 1 });
    assert!(refusal(&outcomes[1]).contains("op_id"), "{outcomes:?}");
    assert!(
        refusal(&outcomes[2]).contains("entity_uuid"),
        "{outcomes:?}"
    );
    assert_eq!(team.stored(), 1);
}

#[test]
fn no_member_can_write_the_log_or_the_members_directly() {
    let team = Team::new("push_direct");
    team.lead().push(&captions(1, 1)).expect("push");
    team.member("sly", Role::Editor, None);
    let login = team.login("sly");
    let mut raw = postgres::Config::new()
        .host("127.0.0.1")
        .port(team.server.port)
        .user(&login)
        .password(crate::password_of(&login))
        .dbname(&team.db)
        .connect(postgres::NoTls)
        .expect("the member connects with a plain client");
    let attempts = [
        format!(
            "INSERT INTO scrollstop.ops (op_id, seq, login, author, at, entity_kind, entity_uuid, field, base_seq)
             VALUES ('{}', 2, 'x', 'x', now(), 'draft', 'd', 'caption', 0)",
            op_id(99)
        ),
        "UPDATE scrollstop.ops SET value = '\"forged\"'".to_string(),
        "DELETE FROM scrollstop.ops".to_string(),
        "UPDATE scrollstop.counter SET last_seq = 100".to_string(),
        "UPDATE scrollstop.members SET role = 'owner'".to_string(),
        format!("SELECT scrollstop.enroll('{login}', 'owner', NULL, NULL)"),
    ];
    for sql in attempts {
        let e = raw.batch_execute(&sql).expect_err(&sql);
        let code = e.code().map(|c| c.code().to_string());
        assert_eq!(code.as_deref(), Some("42501"), "{sql}: {e}");
    }
    assert_eq!(team.stored(), 1);
    let mut lead = team.lead();
    assert_eq!(
        lead.pull(0, 10).expect("pull")[0].op.value,
        Some(json!("take 1"))
    );
    let roles: Vec<Role> = lead
        .members()
        .expect("members")
        .iter()
        .map(|m| m.role)
        .collect();
    assert_eq!(roles, vec![Role::Owner, Role::Editor]);
}

#[test]
fn a_listening_session_wakes_when_a_teammate_pushes() {
    let team = Team::new("push_listen");
    let mut listener = team.member("listener", Role::Viewer, None);
    listener.listen().expect("listen");
    assert_eq!(
        listener
            .wait_for_push(Duration::from_millis(200))
            .expect("wait"),
        None,
        "nothing pushed yet"
    );
    let mut lead = team.lead();
    lead.push(&captions(1, 2)).expect("push");
    lead.push(&captions(3, 1)).expect("push");
    // Two pushes told, perhaps at once: the highest seq comes back.
    let mut told = listener
        .wait_for_push(PATIENCE)
        .expect("wait")
        .expect("told");
    if told < 3 {
        told = listener
            .wait_for_push(PATIENCE)
            .expect("wait")
            .expect("told again");
    }
    assert_eq!(told, 3);
    // A push that stores nothing new (a resend) tells no one.
    lead.push(&captions(1, 2)).expect("resend");
    assert_eq!(
        listener
            .wait_for_push(Duration::from_millis(300))
            .expect("wait"),
        None
    );
    let e = listener
        .push(&captions(4, 1))
        .expect("a refusal is an answer, not an error");
    assert!(refusal(&e[0]).contains("viewer"));
}
