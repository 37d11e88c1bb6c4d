//! Ten members with random edits converge through a real PostgreSQL team server (a property
//! test of the merge rules): each member edits offline (captions, titles, notes, statuses,
//! hashtags, effects, trash and restore, comments, new drafts, plan placements and moves),
//! pushes and pulls at random moments; after everyone has synced once more, every member's
//! drafts, hashtags, effects, comments, kept-aside conflicts and plan are identical.

#[path = "team/server.rs"]
mod server;
#[path = "common/team_order.rs"]
mod team_order;

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use scrollstop::domain::{Draft, DraftStatus, PlanEntry, PlanEntryId};
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
    Tag(usize, u8, bool),
    Feature(usize, u8),
    Plan(usize, u8),
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
        (0..DRAFTS, any::<u8>(), any::<bool>()).prop_map(|(d, v, add)| Step::Tag(d, v, add)),
        (0..DRAFTS, any::<u8>()).prop_map(|(d, v)| Step::Plan(d, v)),
        (0..DRAFTS, any::<u8>()).prop_map(|(d, v)| Step::Feature(d, v)),
        (0..DRAFTS).prop_map(Step::Trash),
        (0..DRAFTS).prop_map(Step::Restore),
        (0..DRAFTS, any::<u8>()).prop_map(|(d, v)| Step::Comment(d, v)),
        any::<u8>().prop_map(Step::NewDraft),
        Just(Step::Push),
        Just(Step::Pull),
    ]
}

/// What every member must agree on: drafts (live and trashed) with their hashtags, comments,
/// open conflicts and plan entries.
fn dump(ws: &Workspace) -> Vec<String> {
    let mut rows = Vec::new();
    for account in ws.accounts().expect("accounts") {
        let all = ws
            .drafts(account.id)
            .expect("drafts")
            .into_iter()
            .chain(ws.trashed_drafts(account.id).expect("trash"));
        for mut d in all {
            let uuid = ws.draft_uuid(d.id).expect("uuid").unwrap_or_default();
            // Hashtags are a set: each machine keeps them in the order it added them.
            d.hashtags.sort();
            rows.push(format!(
                "{uuid} {:?} {:?} {:?} {:?} {:?} {:?} trashed={}",
                d.title,
                d.caption,
                d.notes,
                d.status,
                d.hashtags,
                d.features,
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
        let far = chrono::DateTime::<Utc>::MAX_UTC;
        for entry in ws
            .plan_entries(account.id, chrono::DateTime::<Utc>::MIN_UTC, far)
            .expect("plan")
        {
            let uuid = ws
                .draft_uuid(entry.draft)
                .expect("uuid")
                .unwrap_or_default();
            rows.push(format!(
                "{uuid} planned {} {}",
                entry.wall_time, entry.pinned
            ));
        }
    }
    rows.sort();
    rows
}

/// Places the draft on day `v % 10` of January 2027 at 10:00 its account's time, or moves it
/// there when it is planned already.
fn plan(ws: &mut Workspace, draft: &Draft, v: u8, who: &str) {
    let zone = chrono_tz::America::New_York;
    let wall = NaiveDate::from_ymd_opt(2027, 1, 1 + u32::from(v % 10))
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("a date");
    let instant = zone
        .from_local_datetime(&wall)
        .single()
        .expect("no clock change")
        .with_timezone(&Utc);
    let far = chrono::DateTime::<Utc>::MAX_UTC;
    let planned = ws
        .plan_entries(draft.account, chrono::DateTime::<Utc>::MIN_UTC, far)
        .expect("plan")
        .into_iter()
        .find(|e| e.draft == draft.id);
    let edit = match planned {
        Some(entry) => Edit::MovePlanEntry(PlanEntry {
            wall_time: wall,
            instant,
            ..entry
        }),
        None => Edit::PlaceEntries(vec![PlanEntry {
            id: PlanEntryId(0),
            account: draft.account,
            draft: draft.id,
            wall_time: wall,
            zone,
            instant,
            uid: format!("{}-{who}-{v}@test", draft.title),
            sequence: 0,
            pinned: false,
            reason: String::new(),
        }]),
    };
    ws.apply(edit, who).expect("planned");
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
            Step::Caption(d, v)
            | Step::Title(d, v)
            | Step::Notes(d, v)
            | Step::Status(d, v)
            | Step::Tag(d, v, _)
            | Step::Feature(d, v) => {
                if let Some(mut current) = draft(ws, d) {
                    match step {
                        Step::Caption(..) => current.caption = format!("caption {v} by {who}"),
                        Step::Title(..) => current.title = format!("title {v} by {who}"),
                        Step::Notes(..) => current.notes = format!("notes {v} by {who}"),
                        Step::Tag(_, _, true) => {
                            let tag = format!("tag{}", v % 4);
                            if !current.hashtags.contains(&tag) {
                                current.hashtags.push(tag);
                            }
                        }
                        Step::Tag(..) => current.hashtags.retain(|t| *t != format!("tag{}", v % 4)),
                        Step::Feature(..) => match v % 3 {
                            0 => current.features.text = !current.features.text,
                            1 => current.features.effects = !current.features.effects,
                            _ => current.features.green_screen = !current.features.green_screen,
                        },
                        _ => current.status = DraftStatus::ALL[usize::from(v) % 5],
                    }
                    ws.apply(Edit::SaveDrafts(vec![current]), &who)
                        .expect("saved");
                }
            }
            Step::Plan(d, v) => {
                if let Some(current) = draft(ws, d).filter(|d| d.trashed_at.is_none()) {
                    plan(ws, &current, v, &who);
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
    for ws in &members {
        prop_assert!(
            ws.outbox().expect("outbox").is_empty(),
            "everything was sent"
        );
        prop_assert!(
            ws.refused_ops().expect("refused").is_empty(),
            "nothing was refused"
        );
    }
    let reference = dump(&members[0]);
    for (m, ws) in members.iter().enumerate().skip(1) {
        prop_assert_eq!(&dump(ws), &reference, "member {} differs", m);
    }
    Ok(())
}

proptest! {
    // PROPTEST_CASES=N runs more cases (the figure in the closing note); CI runs 24.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(24),
        ..ProptestConfig::default()
    })]

    #[test]
    fn ten_members_with_random_edits_converge(
        steps in proptest::collection::vec((0..MEMBERS, step()), 10..80)
    ) {
        run(steps)?;
    }
}
