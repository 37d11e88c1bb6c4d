//! Ten members with random edits converge (a property test of the merge rules): each member
//! edits offline (captions, titles, notes, statuses, trash and restore, comments, new drafts),
//! pushes and pulls at random moments in the team's order; after everyone has pushed and
//! pulled once more, every member's drafts, comments and kept-aside conflicts are identical.

#[path = "common/team_order.rs"]
mod team_order;

use chrono::Utc;
use proptest::prelude::*;
use scrollstop::domain::{Draft, DraftStatus};
use scrollstop::workspace::{Edit, Workspace};
use team_order::{TeamOrder, add_account, add_draft};

const MEMBERS: usize = 10;
const DRAFTS: usize = 3;

/// One step of one member.
#[derive(Debug, Clone)]
enum Step {
    Caption(usize, u8),
    Title(usize, u8),
    Notes(usize, u8),
    Status(usize, u8),
    Trash(usize),
    Restore(usize),
    Comment(usize, u8),
    NewDraft(u8),
    Push,
    Pull,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..DRAFTS, any::<u8>()).prop_map(|(d, v)| Step::Caption(d, v)),
        (0..DRAFTS, any::<u8>()).prop_map(|(d, v)| Step::Title(d, v)),
        (0..DRAFTS, any::<u8>()).prop_map(|(d, v)| Step::Notes(d, v)),
        (0..DRAFTS, any::<u8>()).prop_map(|(d, v)| Step::Status(d, v)),
        (0..DRAFTS).prop_map(Step::Trash),
        (0..DRAFTS).prop_map(Step::Restore),
        (0..DRAFTS, any::<u8>()).prop_map(|(d, v)| Step::Comment(d, v)),
        any::<u8>().prop_map(Step::NewDraft),
        Just(Step::Push),
        Just(Step::Pull),
    ]
}

/// What every member must agree on: drafts (live and trashed), comments and open conflicts.
fn dump(ws: &Workspace) -> Vec<String> {
    let mut rows = Vec::new();
    for account in ws.accounts().expect("accounts") {
        let all = ws
            .drafts(account.id)
            .expect("drafts")
            .into_iter()
            .chain(ws.trashed_drafts(account.id).expect("trash"));
        for d in all {
            let uuid = ws.draft_uuid(d.id).expect("uuid").unwrap_or_default();
            rows.push(format!(
                "{uuid} {:?} {:?} {:?} {:?} trashed={}",
                d.title,
                d.caption,
                d.notes,
                d.status,
                d.trashed_at.is_some()
            ));
            for c in ws.draft_comments(d.id).expect("comments") {
                rows.push(format!("{uuid} comment {} {:?}", c.author, c.text));
            }
            for c in ws.draft_conflicts(d.id).expect("conflicts") {
                rows.push(format!(
                    "{uuid} conflict {} {} {}",
                    c.field, c.author, c.value
                ));
            }
        }
    }
    rows.sort();
    rows
}

fn run(steps: Vec<(usize, Step)>) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = dir.path().join("m0.sqlite");
    let mut lead = Workspace::open(&first).expect("opens");
    let account = add_account(&mut lead, "m0");
    let mut uuids = Vec::new();
    for n in 0..DRAFTS {
        let id = add_draft(&mut lead, account, &format!("Draft {n}"), "m0");
        uuids.push(lead.draft_uuid(id).expect("uuid").expect("a uuid"));
    }
    let mut order = TeamOrder::default();
    order.push(&mut lead);
    order.pull(&mut lead);
    drop(lead);
    let mut members: Vec<Workspace> = (0..MEMBERS)
        .map(|m| {
            let path = dir.path().join(format!("m{m}.sqlite"));
            if m > 0 {
                std::fs::copy(&first, &path).expect("a member's copy");
            }
            Workspace::open(&path).expect("opens")
        })
        .collect();
    for (m, step) in steps {
        let ws = &mut members[m];
        let who = format!("m{m}");
        let draft = |ws: &Workspace, d: usize| {
            ws.draft_by_uuid(&uuids[d])
                .expect("read")
                .map(|id| ws.draft(id).expect("draft"))
        };
        match step {
            Step::Caption(d, v) | Step::Title(d, v) | Step::Notes(d, v) | Step::Status(d, v) => {
                if let Some(mut current) = draft(ws, d) {
                    match step {
                        Step::Caption(..) => current.caption = format!("caption {v} by {who}"),
                        Step::Title(..) => current.title = format!("title {v} by {who}"),
                        Step::Notes(..) => current.notes = format!("notes {v} by {who}"),
                        _ => current.status = DraftStatus::ALL[usize::from(v) % 5],
                    }
                    ws.apply(Edit::SaveDrafts(vec![current]), &who)
                        .expect("saved");
                }
            }
            Step::Trash(d) | Step::Restore(d) => {
                if let Some(current) = draft(ws, d) {
                    let edit = if matches!(step, Step::Trash(_)) {
                        Edit::TrashDrafts(vec![current.id])
                    } else {
                        Edit::RestoreDrafts(vec![current.id])
                    };
                    ws.apply(edit, &who).expect("trash or restore");
                }
            }
            Step::Comment(d, v) => {
                if let Some(current) = draft(ws, d) {
                    ws.apply(
                        Edit::Comment {
                            draft: current.id,
                            text: format!("comment {v}"),
                        },
                        &who,
                    )
                    .expect("commented");
                }
            }
            Step::NewDraft(v) => {
                let mut d = Draft::blank(account, Utc::now());
                d.title = format!("new {v} by {who}");
                ws.apply(Edit::CreateDraft(Box::new(d)), &who)
                    .expect("created");
            }
            Step::Push => order.push(ws),
            Step::Pull => {
                order.pull(ws);
            }
        }
    }
    for ws in members.iter_mut() {
        order.push(ws);
    }
    for ws in members.iter_mut() {
        order.pull(ws);
    }
    let reference = dump(&members[0]);
    for (m, ws) in members.iter().enumerate().skip(1) {
        prop_assert_eq!(&dump(ws), &reference, "member {} differs", m);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn ten_members_with_random_edits_converge(
        steps in proptest::collection::vec((0..MEMBERS, step()), 10..80)
    ) {
        run(steps)?;
    }
}
