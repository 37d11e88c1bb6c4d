//! What each role may push, and account limits, as the server enforces them: a refused op comes
//! back with its reason in words and is not stored.

use serde_json::json;

use scrollstop::workspace::team::{OutgoingOp, PushOutcome, Role};

use crate::{Team, captions, draft_op, refusal, seqs};

fn comment(n: u64, account: &str) -> OutgoingOp {
    OutgoingOp {
        entity_kind: "comment".into(),
        ..draft_op(
            n,
            &format!("comment-{n}"),
            Some(account),
            "*",
            json!({"body": "Nice hook"}),
        )
    }
}

#[test]
fn a_viewers_push_is_refused_with_a_reason_and_nothing_is_stored() {
    let team = Team::new("role_viewer");
    let mut viewer = team.member("vic", Role::Viewer, None);
    let outcomes = viewer
        .push(&[captions(1, 1)[0].clone(), comment(2, "acct-a")])
        .expect("the push is answered");
    for outcome in &outcomes {
        assert_eq!(refusal(outcome), "viewers cannot change anything");
    }
    assert_eq!(team.stored(), 0);
    assert_eq!(viewer.last_seq().expect("head"), 0);
}

#[test]
fn a_reviewer_may_comment_and_set_a_status_and_nothing_else() {
    let team = Team::new("role_reviewer");
    let mut reviewer = team.member("rev", Role::Reviewer, None);
    let outcomes = reviewer
        .push(&[
            comment(1, "acct-a"),
            draft_op(2, "draft-1", Some("acct-a"), "status", json!("Approved")),
            draft_op(
                3,
                "draft-1",
                Some("acct-a"),
                "caption",
                json!("my words instead"),
            ),
            OutgoingOp {
                entity_kind: "subculture".into(),
                ..draft_op(4, "sub-1", None, "name", json!("CleanTok"))
            },
        ])
        .expect("answered");
    assert_eq!(outcomes[0], PushOutcome::Accepted { seq: 1 });
    assert_eq!(outcomes[1], PushOutcome::Accepted { seq: 2 });
    for refused in &outcomes[2..] {
        assert_eq!(
            refusal(refused),
            "reviewers can only comment and change a draft's status"
        );
    }
    assert_eq!(team.stored(), 2);
}

#[test]
fn an_editor_edits_everything_but_cannot_approve() {
    let team = Team::new("role_editor");
    let mut editor = team.member("ed", Role::Editor, None);
    let outcomes = editor
        .push(&[
            draft_op(
                1,
                "draft-1",
                Some("acct-a"),
                "caption",
                json!("Three hooks that work"),
            ),
            draft_op(2, "draft-1", Some("acct-a"), "status", json!("InReview")),
            draft_op(3, "draft-1", Some("acct-a"), "status", json!("Approved")),
            draft_op(
                4,
                "draft-2",
                Some("acct-a"),
                "*",
                json!({"caption": "x", "status": "approved"}),
            ),
            comment(5, "acct-a"),
        ])
        .expect("answered");
    assert_eq!(seqs(&outcomes[..2]), vec![1, 2]);
    assert_eq!(
        refusal(&outcomes[2]),
        "only reviewers and owners can approve a draft"
    );
    assert_eq!(
        refusal(&outcomes[3]),
        "only reviewers and owners can approve a draft"
    );
    assert_eq!(outcomes[4], PushOutcome::Accepted { seq: 3 });
    // The owner may approve.
    let approve = draft_op(6, "draft-1", Some("acct-a"), "status", json!("approved"));
    assert_eq!(seqs(&team.lead().push(&[approve]).expect("push")), vec![4]);
}

#[test]
fn an_editor_limited_to_one_account_is_refused_another_accounts_ops() {
    let team = Team::new("role_accounts");
    // The lead puts a draft in each account first.
    let mut lead = team.lead();
    lead.push(&[
        draft_op(1, "draft-a", Some("acct-a"), "*", json!({"caption": "A"})),
        draft_op(2, "draft-b", Some("acct-b"), "*", json!({"caption": "B"})),
    ])
    .expect("push");
    let mut agency = team.member("agency", Role::Editor, Some(&["acct-a"]));
    let outcomes = agency
        .push(&[
            draft_op(3, "draft-a", Some("acct-a"), "caption", json!("A, better")),
            draft_op(4, "draft-b", Some("acct-b"), "caption", json!("B, changed")),
            // Claiming its own account for the other account's draft does not help.
            draft_op(5, "draft-b", Some("acct-a"), "caption", json!("B, sneaked")),
            // Nor does claiming no account.
            draft_op(6, "draft-b", None, "caption", json!("B, unclaimed")),
            OutgoingOp {
                entity_kind: "subculture".into(),
                ..draft_op(7, "sub-1", None, "name", json!("shared by all"))
            },
            draft_op(
                8,
                "draft-new",
                Some("acct-a"),
                "*",
                json!({"caption": "new in A"}),
            ),
        ])
        .expect("answered");
    assert_eq!(outcomes[0], PushOutcome::Accepted { seq: 3 });
    assert!(
        refusal(&outcomes[1]).contains("account acct-b"),
        "{outcomes:?}"
    );
    assert!(refusal(&outcomes[1]).contains("may only change the accounts they were given"));
    assert!(
        refusal(&outcomes[2]).contains("belongs to account acct-b"),
        "{outcomes:?}"
    );
    assert!(
        refusal(&outcomes[3]).contains("belongs to account acct-b"),
        "{outcomes:?}"
    );
    assert!(
        refusal(&outcomes[4]).contains("what all accounts share"),
        "{outcomes:?}"
    );
    assert_eq!(outcomes[5], PushOutcome::Accepted { seq: 4 });
    assert_eq!(team.stored(), 4);
    let b_captions: Vec<_> = lead
        .pull(0, 100)
        .expect("pull")
        .into_iter()
        .filter(|o| o.op.entity_uuid == "draft-b")
        .collect();
    assert_eq!(b_captions.len(), 1, "draft-b kept only the lead's op");
}
