//! The Activity view: a teammate's comment that mentions the member is listed as new until the
//! member marks it read, and the latest changes name who changed what, with the draft to open.

mod common;

use common::egui::{Key, Modifiers};
use common::{app, demo_workspace, run_with_reads, shows_part};
use egui_kittest::kittest::Queryable;
use scrollstop::ui::Section;
use scrollstop::workspace::{Edit, MEMBER_SETTING, Workspace};

#[test]
fn a_mention_is_new_until_read_and_changes_name_their_author() {
    let workspace = demo_workspace();
    let mut open = Workspace::open(&workspace.path).expect("opens");
    open.apply(
        Edit::SetSetting {
            key: MEMBER_SETTING.into(),
            value: Some("Noor".into()),
        },
        "Noor",
    )
    .expect("member name");
    let account = open.accounts().expect("accounts")[0].id;
    let draft = open.drafts(account).expect("drafts").remove(0);
    open.apply(
        Edit::Comment {
            draft: draft.id,
            text: "@Noor can you check the hook?".into(),
        },
        "Sam",
    )
    .expect("commented");
    let mut renamed = draft.clone();
    renamed.title = "Renamed by Sam".into();
    open.apply(Edit::SaveDrafts(vec![renamed]), "Sam")
        .expect("renamed");
    drop(open);

    let mut harness = app(&workspace.path);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num8);
    run_with_reads(&mut harness);
    assert_eq!(harness.state().section(), Section::Activity);
    assert!(shows_part(&harness, "Mentions of @Noor"));
    assert!(shows_part(&harness, "1 new"));
    assert!(shows_part(&harness, "can you check the hook?"));
    assert!(shows_part(&harness, "Sam changed the title"));
    assert!(
        shows_part(&harness, "Sam commented"),
        "a comment names its author"
    );
    assert!(
        harness.query_all_by_label("\"Renamed by Sam\"").count() >= 2,
        "the comment's entry links to its draft too"
    );

    harness.get_by_label("Mark all as read").click();
    run_with_reads(&mut harness);
    assert!(!shows_part(&harness, "1 new"), "read now");
    let reopened = Workspace::open(&workspace.path).expect("reopens");
    assert!(
        reopened
            .mentions_of("Noor")
            .expect("mentions")
            .iter()
            .all(|m| !m.unread)
    );

    harness.get_by_label("Open \"Renamed by Sam\"").click();
    run_with_reads(&mut harness);
    assert_eq!(harness.state().open_draft(), Some(draft.id));
}
