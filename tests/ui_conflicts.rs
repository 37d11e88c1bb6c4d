//! A conflict on a draft's caption in the window: two members changed it without seeing each
//! other's change; the editor shows the teammate's version kept aside, and "Use this" makes it
//! the caption and closes the conflict.

mod common;
#[path = "team/server.rs"]
mod server;
#[path = "common/team_order.rs"]
mod team_order;

use common::{app, run_with_reads, shows_part};
use egui_kittest::kittest::Queryable;
use scrollstop::ui::Action;
use scrollstop::workspace::{Edit, Workspace};
use team_order::{TeamOrder, add_account, add_draft};

#[test]
fn the_editor_shows_a_kept_aside_caption_and_use_this_settles_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let priya_path = dir.path().join("priya.sqlite");
    let mut priya = Workspace::open(&priya_path).expect("opens");
    let account = add_account(&mut priya, "Priya");
    let id = add_draft(&mut priya, account, "Gratitude jar", "Priya");
    let mut order = TeamOrder::default();
    order.push(&mut priya);
    order.pull(&mut priya);
    drop(priya);
    let sam_path = dir.path().join("sam.sqlite");
    std::fs::copy(&priya_path, &sam_path).expect("Sam's copy");
    let mut priya = Workspace::open(&priya_path).expect("reopens");
    let mut sam = Workspace::open(&sam_path).expect("opens");
    for (ws, who) in [(&mut priya, "Priya"), (&mut sam, "Sam")] {
        let mut d = ws.draft(id).expect("draft");
        d.caption = format!("{who}'s caption");
        ws.apply(Edit::SaveDrafts(vec![d]), who).expect("saved");
    }
    order.push(&mut sam);
    order.pull(&mut priya);
    order.push(&mut priya);
    order.pull(&mut priya);
    drop(priya);

    // Priya's caption won (ordered last); Sam's is kept aside on her machine.
    let mut harness = app(&priya_path);
    harness.state_mut().request(Action::OpenDraft(Some(id)));
    run_with_reads(&mut harness);
    run_with_reads(&mut harness);
    assert!(
        shows_part(&harness, "their version was kept aside"),
        "the editor shows the conflict"
    );
    assert!(shows_part(&harness, "Sam's caption"));
    harness.get_by_label("Use this").click();
    run_with_reads(&mut harness);
    run_with_reads(&mut harness);
    let app = harness.state();
    let workspace = app.workspace().expect("open");
    assert_eq!(workspace.draft(id).expect("draft").caption, "Sam's caption");
    assert!(workspace.draft_conflicts(id).expect("conflicts").is_empty());
    assert!(!shows_part(&harness, "their version was kept aside"));
}
