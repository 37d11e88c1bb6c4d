//! A session that took in edits one draft at a time gives the findings of a session read afresh
//! from the store: the order of the drafts follows the store's stamps, trashed and posted drafts
//! leave the duplicate index.

use chrono::{TimeZone, Utc};

use crate::domain::{Draft, DraftStatus};
use crate::workspace::{DEFAULT_DEMO_SEED, Silent, Workspace};

#[test]
fn an_updated_session_checks_like_a_fresh_one() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut ws = Workspace::open(&dir.path().join("w.sqlite")).expect("workspace opens");
    ws.create_demo(DEFAULT_DEMO_SEED, &Silent)
        .expect("demo written");
    let now = Utc
        .with_ymd_and_hms(2026, 11, 20, 12, 0, 0)
        .single()
        .expect("valid instant");
    let account = ws.store().accounts().expect("accounts").remove(0).id;
    let mut session = ws.check_session(account, now).expect("session");
    let drafts = ws.store().drafts(account).expect("drafts");
    assert!(drafts.len() >= 6, "the demo has drafts to edit");

    // Copies of another draft's caption and media file, a title change, one posted, one
    // trashed: each saved through the store, re-read (its stamp), and handed to the session.
    let mut saved: Vec<Draft> = Vec::new();
    for (i, d) in drafts.iter().take(6).enumerate() {
        let mut d = d.clone();
        let other = &drafts[drafts.len() - 1 - i];
        match i {
            0 | 1 => d.caption = other.caption.clone(),
            2 => d.media_hash = Some("same-file".into()),
            3 => d.title = format!("{} again", other.title),
            4 => d.status = DraftStatus::Posted,
            _ => {}
        }
        ws.store_mut().update_draft(&d).expect("draft saved");
        saved.push(ws.store().draft(d.id).expect("draft re-read"));
    }
    let trashed = saved[5].id;
    ws.store_mut().trash_drafts(&[trashed]).expect("trashed");
    saved[5] = ws.store().draft(trashed).expect("draft re-read");
    for d in &saved {
        session.update(d);
    }

    let fresh = ws.check_session(account, now).expect("fresh session");
    let current = ws.store().drafts(account).expect("drafts");
    let mut duplicates = 0;
    for d in &current {
        let found = session.check(d);
        duplicates += found
            .iter()
            .filter(|f| f.rule == "duplicate-content")
            .count();
        assert_eq!(found, fresh.check(d), "draft {} {:?}", d.id.0, d.title);
    }
    assert!(
        duplicates >= 2,
        "the copied captions are found: {duplicates}"
    );
}
