//! Every change goes through `Workspace::apply`: tested without a window. Each edit is logged
//! field by field under the entity's UUID, Undo and Redo are edits too and work from a second
//! connection (the command line) as from the first, and a draft's history names who changed
//! what.

use chrono::{DateTime, Utc};
use scrollstop::domain::{AccountId, Draft, DraftStatus};
use scrollstop::workspace::{DEFAULT_DEMO_SEED, Edit, Outcome, Silent, Workspace};

const PRIYA: &str = "Priya";
const SAM: &str = "Sam";

fn demo() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(&dir.path().join("ws.sqlite")).expect("opens");
    ws.create_demo(DEFAULT_DEMO_SEED, &Silent).expect("demo");
    (dir, ws)
}

fn first_account(ws: &Workspace) -> AccountId {
    ws.accounts().expect("accounts")[0].id
}

fn new_draft(ws: &mut Workspace, title: &str) -> Draft {
    let mut draft = Draft::blank(first_account(ws), Utc::now());
    draft.title = title.to_string();
    let applied = ws
        .apply(Edit::CreateDraft(Box::new(draft)), PRIYA)
        .expect("created");
    let Outcome::Draft(id) = applied.outcome else {
        panic!("a new draft's id comes back: {applied:?}");
    };
    ws.draft(id).expect("stored")
}

#[test]
fn an_edit_is_written_logged_with_its_uuid_and_taken_back_and_redone() {
    let (_dir, mut ws) = demo();
    let draft = new_draft(&mut ws, "Sourdough");
    let uuid = ws.draft_uuid(draft.id).expect("read").expect("a UUID");
    assert_eq!(uuid.len(), 36);
    assert_eq!(&uuid[14..15], "7", "a version 7 UUID: {uuid}");
    assert_eq!(ws.draft_by_uuid(&uuid).expect("read"), Some(draft.id));

    let mut changed = draft.clone();
    changed.caption = "Crumb shot first #bread".into();
    changed.status = DraftStatus::Approved;
    let applied = ws
        .apply(Edit::SaveDrafts(vec![changed]), PRIYA)
        .expect("saved");
    assert_eq!(applied.summary, "Saved \"Sourdough\"");
    assert!(applied.undoable);

    let history = ws.draft_history(draft.id).expect("history");
    assert_eq!(history.len(), 2, "{history:?}");
    assert_eq!(history[0].sentence, "Priya created the draft");
    assert!(history[1].fields.contains(&"caption".to_string()));
    assert!(history[1].fields.contains(&"status".to_string()));
    assert!(
        history
            .iter()
            .all(|h| h.entity == uuid && h.author == PRIYA)
    );

    let undone = ws.undo(PRIYA).expect("undo").expect("something to undo");
    assert_eq!(undone.summary, "Undid the changes to the draft");
    let back = ws.draft(draft.id).expect("read");
    assert_eq!(back.caption, "");
    assert_eq!(back.status, DraftStatus::Idea);

    // Redo from another connection, as `scrollstop redo` would: the history is in the file.
    let mut other = Workspace::open(ws.path()).expect("second connection");
    assert!(other.can_redo(PRIYA));
    let redone = other.redo(PRIYA).expect("redo").expect("something to redo");
    assert_eq!(redone.summary, "Undid the changes to the draft");
    assert_eq!(
        ws.draft(draft.id).expect("read").caption,
        "Crumb shot first #bread"
    );

    // Undo twice: the save, then the creation (the draft goes to the trash).
    ws.undo(PRIYA).expect("undo").expect("the save");
    ws.undo(PRIYA).expect("undo").expect("the creation");
    assert!(ws.draft(draft.id).expect("read").trashed_at.is_some());
    assert!(
        ws.drafts(draft.account)
            .expect("read")
            .iter()
            .all(|d| d.id != draft.id)
    );
}

#[test]
fn undo_takes_back_only_the_authors_own_edits_and_a_new_edit_ends_redo() {
    let (_dir, mut ws) = demo();
    let draft = new_draft(&mut ws, "Priya's");
    let mut by_sam = draft.clone();
    by_sam.notes = "Sam was here".into();
    ws.apply(Edit::SaveDrafts(vec![by_sam]), SAM)
        .expect("saved");

    // Priya's undo takes back her creation, not Sam's note.
    let undone = ws.undo(PRIYA).expect("undo").expect("hers");
    assert_eq!(undone.summary, "Moved the draft to the trash");
    assert_eq!(ws.draft(draft.id).expect("read").notes, "Sam was here");

    // A new edit by Priya: her undone creation can no longer be redone.
    let _other = new_draft(&mut ws, "Another");
    assert!(!ws.can_redo(PRIYA));
    assert!(ws.redo(PRIYA).expect("redo").is_none());
}

#[test]
fn consecutive_autosaves_are_one_undo_step_until_the_editor_moves_on() {
    let (_dir, mut ws) = demo();
    let draft = new_draft(&mut ws, "Typing");
    for caption in ["H", "He", "Hello"] {
        let mut typed = ws.draft(draft.id).expect("read");
        typed.caption = caption.into();
        ws.apply(Edit::Autosave(Box::new(typed)), PRIYA)
            .expect("autosaved");
    }
    ws.end_autosaves(PRIYA).expect("sealed");
    let mut later = ws.draft(draft.id).expect("read");
    later.caption = "Hello world".into();
    ws.apply(Edit::Autosave(Box::new(later)), PRIYA)
        .expect("autosaved");

    ws.undo(PRIYA).expect("undo").expect("the later session");
    assert_eq!(ws.draft(draft.id).expect("read").caption, "Hello");
    ws.undo(PRIYA).expect("undo").expect("the first session");
    assert_eq!(ws.draft(draft.id).expect("read").caption, "");
    // Every keystroke's save is in the history all the same.
    let history = ws.draft_history(draft.id).expect("history");
    assert!(history.len() >= 3, "{history:?}");
}

#[test]
fn a_plan_run_is_one_edit_that_one_undo_takes_back() {
    let (_dir, mut ws) = demo();
    let account = first_account(&ws);
    let entries = |ws: &Workspace| {
        ws.plan_entries(account, DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC)
            .expect("entries")
    };
    let before = entries(&ws);
    let today = Utc::now().date_naive();
    let request = scrollstop::workspace::PlanRequest {
        account,
        from: today,
        to: today + chrono::Days::new(13),
        per_day: Some(2),
        dry_run: false,
    };
    let applied = ws
        .apply(
            Edit::Plan {
                requests: vec![request],
                now: Utc::now(),
            },
            PRIYA,
        )
        .expect("planned");
    assert!(
        applied.summary.starts_with("Planned "),
        "{}",
        applied.summary
    );
    assert_ne!(entries(&ws), before, "the plan changed");
    ws.undo(PRIYA).expect("undo").expect("the plan");
    let mut after: Vec<_> = entries(&ws)
        .into_iter()
        .map(|e| (e.uid, e.wall_time))
        .collect();
    let mut was: Vec<_> = before.into_iter().map(|e| (e.uid, e.wall_time)).collect();
    after.sort();
    was.sort();
    assert_eq!(after, was, "one Undo puts the whole plan back");
}

#[test]
fn refused_edits_write_nothing_and_say_why() {
    let (_dir, mut ws) = demo();
    let draft = new_draft(&mut ws, "Live");
    let counts = ws.counts().expect("counts");
    let error = ws
        .apply(Edit::DeleteDraftsForever(vec![draft.id]), PRIYA)
        .expect_err("not in the trash");
    assert!(
        error.to_string().contains("only drafts in the trash"),
        "{error}"
    );
    let error = ws
        .apply(
            Edit::Comment {
                draft: draft.id,
                text: "   ".into(),
            },
            PRIYA,
        )
        .expect_err("empty");
    assert!(error.to_string().contains("empty"), "{error}");
    assert_eq!(ws.counts().expect("counts"), counts);

    ws.apply(Edit::TrashDrafts(vec![draft.id]), PRIYA)
        .expect("trashed");
    ws.apply(Edit::DeleteDraftsForever(vec![draft.id]), PRIYA)
        .expect("deleted for good");
    assert!(ws.draft(draft.id).is_err());
}

#[test]
fn an_account_cannot_be_saved_with_a_cadence_that_allows_no_post() {
    let (_dir, mut ws) = demo();
    let mut account = ws.accounts().expect("accounts").remove(0);
    account.cadence.allowed_days = 0;
    let error = ws
        .apply(Edit::UpdateAccount(account.clone()), PRIYA)
        .expect_err("refused");
    assert!(
        error.to_string().contains("Pick at least one posting day"),
        "{error}"
    );
    assert_ne!(
        ws.account(account.id).expect("read").cadence.allowed_days,
        0
    );
}

#[test]
fn plan_entries_are_placed_pinned_and_unplanned_as_edits_each_taken_back_by_undo() {
    let (_dir, mut ws) = demo();
    let draft = new_draft(&mut ws, "Placed by hand");
    let account = ws.account(draft.account).expect("account");
    let wall = (Utc::now() + chrono::Duration::days(3))
        .date_naive()
        .and_hms_opt(12, 0, 0)
        .expect("noon");
    let instant =
        scrollstop::schedule::wall::earliest(account.time_zone, wall).expect("noon exists");
    let entry = scrollstop::domain::PlanEntry {
        id: scrollstop::domain::PlanEntryId(0),
        account: account.id,
        draft: draft.id,
        wall_time: wall,
        zone: account.time_zone,
        instant,
        uid: "placed-by-hand@test".into(),
        sequence: 0,
        pinned: false,
        reason: String::new(),
    };
    let all = |ws: &Workspace| {
        ws.plan_entries(
            account.id,
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
        )
        .expect("entries")
    };
    ws.apply(Edit::PlaceEntries(vec![entry]), PRIYA)
        .expect("placed");
    let placed = all(&ws)
        .into_iter()
        .find(|e| e.uid == "placed-by-hand@test")
        .expect("the entry");
    ws.apply(
        Edit::PinEntry {
            entry: placed.id,
            pinned: true,
        },
        PRIYA,
    )
    .expect("pinned");
    assert!(all(&ws).iter().any(|e| e.id == placed.id && e.pinned));
    ws.apply(Edit::Unplan(vec![placed.id]), PRIYA)
        .expect("unplanned");
    assert!(all(&ws).iter().all(|e| e.uid != "placed-by-hand@test"));

    ws.undo(PRIYA).expect("undo").expect("the unplan");
    let back = all(&ws)
        .into_iter()
        .find(|e| e.uid == "placed-by-hand@test")
        .expect("back in the plan");
    assert!(back.pinned, "as it was before the unplan");
    ws.undo(PRIYA).expect("undo").expect("the pin");
    ws.undo(PRIYA).expect("undo").expect("the placement");
    assert!(all(&ws).iter().all(|e| e.uid != "placed-by-hand@test"));
}
