//! TEAM.md's merge rules on two members' workspaces: each member's edits leave through its
//! outbox, the team's order is the order in which pushes arrive (as the team server assigns
//! it), and each member applies the team's ops in that order. The real server's side is
//! tested against PostgreSQL in `tests/team/`; here the rules themselves: different fields
//! edited offline end identical, the same text field keeps the losing value as a conflict on
//! both machines, our own ops coming back are only ordered, and nothing is applied twice.

#[path = "team/server.rs"]
mod server;
#[path = "common/team_order.rs"]
mod team_order;

use scrollstop::domain::{DraftId, DraftStatus};
use scrollstop::workspace::{Edit, Workspace};
use team_order::{TeamOrder, add_draft, edit_draft};

/// The shared fields of every live draft, by UUID.
fn dump(ws: &Workspace) -> Vec<(String, String, String, String, DraftStatus, String)> {
    let mut rows = Vec::new();
    for account in ws.accounts().expect("accounts") {
        for d in ws.drafts(account.id).expect("drafts") {
            let uuid = ws.draft_uuid(d.id).expect("uuid").expect("a uuid");
            rows.push((uuid, d.title, d.caption, d.notes, d.status, d.assignee));
        }
    }
    rows.sort();
    rows
}

/// Priya's workspace with an account and a draft, pushed; Sam joins with a copy.
fn two_members() -> (tempfile::TempDir, Workspace, Workspace, TeamOrder, DraftId) {
    let (dir, priya, sam, order, id, pulled) = team_order::two_members(|_, _| {});
    assert_eq!(pulled.applied, 0, "nothing of a teammate yet");
    assert!(pulled.ours > 0, "our own ops came back ordered");
    assert!(priya.outbox().expect("outbox").is_empty());
    (dir, priya, sam, order, id)
}

#[test]
fn different_fields_edited_offline_end_identical() {
    let (_dir, mut priya, mut sam, mut order, id) = two_members();
    edit_draft(&mut priya, id, "Priya", |d| {
        d.caption = "Jar of thanks #gratitude".into()
    });
    edit_draft(&mut sam, id, "Sam", |d| {
        d.status = DraftStatus::Approved;
        d.notes = "Shoot Friday".into();
    });
    order.push(&mut priya);
    order.push(&mut sam);
    order.pull(&mut priya);
    order.pull(&mut sam);
    assert_eq!(dump(&priya), dump(&sam));
    let d = priya.draft(id).expect("draft");
    assert_eq!(d.caption, "Jar of thanks #gratitude");
    assert_eq!(d.status, DraftStatus::Approved);
    assert_eq!(d.notes, "Shoot Friday");
    assert!(priya.draft_conflicts(id).expect("conflicts").is_empty());

    // Pulling again applies nothing twice.
    let again = order.pull(&mut priya);
    assert_eq!((again.applied, again.ours), (0, 0));
}

#[test]
fn the_same_caption_edited_by_both_keeps_the_losing_value_as_a_conflict_on_both() {
    let (_dir, mut priya, mut sam, mut order, id) = two_members();
    edit_draft(&mut priya, id, "Priya", |d| {
        d.caption = "Priya's caption".into()
    });
    edit_draft(&mut sam, id, "Sam", |d| d.caption = "Sam's caption".into());
    // Priya's reaches the server first; Sam's is ordered after it and wins.
    order.push(&mut priya);
    let at_sam = order.pull(&mut sam);
    assert_eq!(at_sam.kept_ours, 1, "Sam's unsent caption is kept");
    order.push(&mut sam);
    order.pull(&mut priya);
    order.pull(&mut sam);
    assert_eq!(dump(&priya), dump(&sam));
    assert_eq!(priya.draft(id).expect("draft").caption, "Sam's caption");
    for member in [&priya, &sam] {
        let conflicts = member.draft_conflicts(id).expect("conflicts");
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert_eq!(conflicts[0].field, "caption");
        assert_eq!(conflicts[0].value, "\"Priya's caption\"");
        assert_eq!(conflicts[0].author, "Priya");
    }
}

#[test]
fn new_drafts_comments_and_trash_reach_the_other_member() {
    let (_dir, mut priya, mut sam, mut order, id) = two_members();
    let account = sam.accounts().expect("accounts")[0].id;
    add_draft(&mut sam, account, "Movie night board", "Sam");
    sam.apply(
        Edit::Comment {
            draft: id,
            text: "Open on the jar".into(),
        },
        "Sam",
    )
    .expect("commented");
    priya
        .apply(Edit::TrashDrafts(vec![id]), "Priya")
        .expect("trashed");
    order.push(&mut sam);
    order.push(&mut priya);
    order.pull(&mut priya);
    order.pull(&mut sam);
    assert_eq!(dump(&priya), dump(&sam));
    assert!(
        dump(&priya).iter().any(|row| row.1 == "Movie night board"),
        "Sam's new draft reached Priya"
    );
    assert!(
        sam.draft(id).expect("draft").trashed_at.is_some(),
        "trashed on both"
    );
    let comments = priya.draft_comments(id).expect("comments");
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].author, "Sam");
    assert_eq!(comments[0].text, "Open on the jar");
}

#[test]
fn a_published_workspace_is_rebuilt_whole_by_a_member_who_joins() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut owner = Workspace::open(&dir.path().join("owner.sqlite")).expect("opens");
    owner
        .create_demo(
            scrollstop::workspace::DEFAULT_DEMO_SEED,
            &scrollstop::workspace::Silent,
        )
        .expect("demo");
    let queued = owner.publish("Priya").expect("published");
    assert!(queued > 50, "{queued} ops");
    let mut order = TeamOrder::default();
    order.push(&mut owner);
    order.pull(&mut owner);

    let joined_path = dir.path().join("joined.sqlite");
    let mut joined = Workspace::create_for_team(&joined_path).expect("created");
    assert!(joined.subcultures().expect("none yet").is_empty());
    let pulled = order.pull(&mut joined);
    assert_eq!(pulled.not_applied, 0, "{pulled:?}");
    assert_eq!(dump(&owner), dump(&joined));
    let names = |ws: &Workspace| {
        let mut n: Vec<String> = ws
            .subcultures()
            .expect("subcultures")
            .into_iter()
            .map(|s| s.name)
            .collect();
        n.sort();
        n
    };
    assert_eq!(names(&owner), names(&joined));
    let (a, b) = (
        owner.counts().expect("counts"),
        joined.counts().expect("counts"),
    );
    assert_eq!(
        (a.accounts, a.drafts, a.draft_comments, a.plan_entries),
        (b.accounts, b.drafts, b.draft_comments, b.plan_entries)
    );
    assert!(
        Workspace::create_for_team(&joined_path).is_err(),
        "never over a file"
    );
}

#[test]
fn picking_a_kept_aside_value_settles_the_conflict_on_both_machines() {
    let (_dir, mut priya, mut sam, mut order, id) = two_members();
    edit_draft(&mut priya, id, "Priya", |d| {
        d.caption = "Priya's caption".into()
    });
    edit_draft(&mut sam, id, "Sam", |d| d.caption = "Sam's caption".into());
    order.push(&mut priya);
    order.pull(&mut sam);
    order.push(&mut sam);
    order.pull(&mut priya);
    let conflict = priya.draft_conflicts(id).expect("conflicts").remove(0);
    priya
        .apply(
            Edit::PickConflict {
                draft: id,
                field: conflict.field.clone(),
                value: Some(conflict.value.clone()),
            },
            "Priya",
        )
        .expect("picked");
    order.push(&mut priya);
    order.pull(&mut priya);
    order.pull(&mut sam);
    assert_eq!(dump(&priya), dump(&sam));
    assert_eq!(sam.draft(id).expect("draft").caption, "Priya's caption");
    assert!(priya.draft_conflicts(id).expect("conflicts").is_empty());
    assert!(sam.draft_conflicts(id).expect("conflicts").is_empty());
}

#[test]
fn a_member_who_pushes_before_pulling_still_converges_with_one_conflict() {
    let (_dir, mut priya, mut sam, mut order, id) = two_members();
    edit_draft(&mut priya, id, "Priya", |d| {
        d.caption = "Priya's caption".into()
    });
    edit_draft(&mut sam, id, "Sam", |d| d.caption = "Sam's caption".into());
    // Both push before either pulls: Sam's is ordered last and wins.
    order.push(&mut priya);
    order.push(&mut sam);
    order.pull(&mut sam);
    order.pull(&mut priya);
    assert_eq!(dump(&priya), dump(&sam));
    assert_eq!(sam.draft(id).expect("draft").caption, "Sam's caption");
    for member in [&priya, &sam] {
        let conflicts = member.draft_conflicts(id).expect("conflicts");
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert_eq!(conflicts[0].value, "\"Priya's caption\"");
    }
}
