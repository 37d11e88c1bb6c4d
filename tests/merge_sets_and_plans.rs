//! Three of TEAM.md's merge rules on two members' workspaces through a real team server: a
//! draft's hashtags merge per element (each member's additions and removals are kept), so do
//! its effects (on-screen text, effects, green screen: each its own change), and a
//! draft both members planned without seeing each other's entry ends with one entry, the one
//! the team ordered last, on both machines.

#[path = "team/server.rs"]
mod server;
#[path = "common/team_order.rs"]
mod team_order;

use chrono::{NaiveDate, TimeZone, Utc};
use scrollstop::domain::{DraftId, PlanEntry, PlanEntryId};
use scrollstop::workspace::{Edit, Workspace};
use team_order::{TeamOrder, edit_draft};

/// Priya's workspace with an account and a draft tagged #gratitude and #diy, pushed; Sam
/// joins with a copy.
fn two_members() -> (tempfile::TempDir, Workspace, Workspace, TeamOrder, DraftId) {
    let (dir, priya, sam, order, id, _) = team_order::two_members(|priya, id| {
        edit_draft(priya, id, "Priya", |d| {
            d.hashtags = vec!["gratitude".into(), "diy".into()];
        });
    });
    (dir, priya, sam, order, id)
}

fn sorted_tags(ws: &Workspace, id: DraftId) -> Vec<String> {
    let mut tags = ws.draft(id).expect("draft").hashtags;
    tags.sort();
    tags
}

#[test]
fn hashtags_added_and_removed_by_two_members_are_all_kept() {
    let (_dir, mut priya, mut sam, mut order, id) = two_members();
    edit_draft(&mut priya, id, "Priya", |d| {
        d.hashtags.push("jar".into());
        d.hashtags.retain(|t| t != "diy");
    });
    edit_draft(&mut sam, id, "Sam", |d| d.hashtags.push("thankful".into()));
    order.push(&mut priya);
    order.push(&mut sam);
    order.pull(&mut priya);
    order.pull(&mut sam);
    let expected = ["gratitude", "jar", "thankful"].map(String::from).to_vec();
    assert_eq!(sorted_tags(&priya, id), expected);
    assert_eq!(sorted_tags(&sam, id), expected);
}

#[test]
fn one_member_removes_a_hashtag_the_other_adds_again_and_the_later_op_wins() {
    let (_dir, mut priya, mut sam, mut order, id) = two_members();
    edit_draft(&mut priya, id, "Priya", |d| {
        d.hashtags.retain(|t| t != "diy")
    });
    order.push(&mut priya);
    // Sam had not seen Priya's removal, and re-adds nothing: his change touches another tag.
    edit_draft(&mut sam, id, "Sam", |d| d.hashtags.push("upcycle".into()));
    order.pull(&mut sam);
    order.push(&mut sam);
    order.pull(&mut priya);
    let expected = ["gratitude", "upcycle"].map(String::from).to_vec();
    assert_eq!(sorted_tags(&priya, id), expected);
    assert_eq!(sorted_tags(&sam, id), expected);
}

#[test]
fn effects_turned_on_by_two_members_are_both_kept() {
    let (_dir, mut priya, mut sam, mut order, id) = two_members();
    edit_draft(&mut priya, id, "Priya", |d| d.features.text = true);
    edit_draft(&mut sam, id, "Sam", |d| d.features.green_screen = true);
    order.push(&mut priya);
    order.push(&mut sam);
    order.pull(&mut priya);
    order.pull(&mut sam);
    for member in [&priya, &sam] {
        let features = member.draft(id).expect("draft").features;
        assert!(features.text && features.green_screen, "{features:?}");
        assert!(!features.effects);
    }
}

/// An entry for the draft on 2027-01-`day` at 10:00 New York time.
fn entry(ws: &Workspace, id: DraftId, day: u32) -> PlanEntry {
    let zone = chrono_tz::America::New_York;
    let wall = NaiveDate::from_ymd_opt(2027, 1, day)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("a date");
    PlanEntry {
        id: PlanEntryId(0),
        account: ws.draft(id).expect("draft").account,
        draft: id,
        wall_time: wall,
        zone,
        instant: zone
            .from_local_datetime(&wall)
            .single()
            .expect("one instant")
            .with_timezone(&Utc),
        uid: format!("jar-{day}@test"),
        sequence: 0,
        pinned: false,
        reason: String::new(),
    }
}

fn planned_day(ws: &Workspace, id: DraftId) -> Vec<String> {
    let account = ws.draft(id).expect("draft").account;
    ws.plan_entries(
        account,
        chrono::DateTime::<Utc>::MIN_UTC,
        chrono::DateTime::<Utc>::MAX_UTC,
    )
    .expect("plan")
    .into_iter()
    .filter(|e| e.draft == id)
    .map(|e| e.wall_time.to_string())
    .collect()
}

#[test]
fn a_draft_both_planned_at_once_keeps_the_entry_ordered_last_on_both_machines() {
    let (_dir, mut priya, mut sam, mut order, id) = two_members();
    let on_5th = entry(&priya, id, 5);
    priya
        .apply(Edit::PlaceEntries(vec![on_5th]), "Priya")
        .expect("planned");
    let on_9th = entry(&sam, id, 9);
    sam.apply(Edit::PlaceEntries(vec![on_9th]), "Sam")
        .expect("planned");
    order.push(&mut priya);
    // Sam's entry is not sent yet: it will be ordered after Priya's, so his stays.
    order.pull(&mut sam);
    assert_eq!(planned_day(&sam, id), ["2027-01-09 10:00:00"]);
    order.push(&mut sam);
    order.pull(&mut priya);
    order.pull(&mut sam);
    assert_eq!(planned_day(&priya, id), ["2027-01-09 10:00:00"]);
    assert_eq!(planned_day(&sam, id), ["2027-01-09 10:00:00"]);
}

#[test]
fn a_members_name_stays_on_their_machine() {
    // Found running two windows side by side: "Priya" saved in one window became the other
    // member's name too, so both signed their edits alike and a real conflict went unseen.
    let (_dir, mut priya, mut sam, mut order, id) = two_members();
    let name = |who: &str| Edit::SetSetting {
        key: scrollstop::workspace::MEMBER_SETTING.to_string(),
        value: Some(who.to_string()),
    };
    priya.apply(name("Priya"), "Priya").expect("named");
    sam.apply(name("Sam"), "Sam").expect("named");
    order.push(&mut priya);
    order.push(&mut sam);
    order.pull(&mut priya);
    order.pull(&mut sam);
    assert_eq!(priya.member_name(), "Priya");
    assert_eq!(sam.member_name(), "Sam");

    // Signed apart, the same caption edited by both keeps a conflict.
    let (priya_name, sam_name) = (priya.member_name(), sam.member_name());
    edit_draft(&mut priya, id, &priya_name, |d| {
        d.caption = "Priya's".into()
    });
    edit_draft(&mut sam, id, &sam_name, |d| d.caption = "Sam's".into());
    order.push(&mut priya);
    order.push(&mut sam);
    order.pull(&mut priya);
    order.pull(&mut sam);
    assert_eq!(
        priya.draft(id).expect("draft").caption,
        sam.draft(id).expect("draft").caption
    );
    assert!(!priya.draft_conflicts(id).expect("conflicts").is_empty());
}
