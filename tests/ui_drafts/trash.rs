//! Delete moves drafts to the trash, Ctrl+Z brings them back, and the Trash tab restores them.

use super::*;

#[test]
fn delete_moves_to_the_trash_and_ctrl_z_brings_it_back() {
    let (workspace, mut harness) = drafts_harness();
    harness.get_by_label("Apple cake").click();
    run_with_reads(&mut harness);
    harness.key_press(Key::Delete);
    run_with_reads(&mut harness);
    assert!(!shows(&harness, "Apple cake"), "the draft left the table");
    assert!(shows_part(&harness, "Moved the draft to the trash"));
    let (live, trash) = stored(&workspace.path);
    assert_eq!(titles(&trash), vec!["Apple cake"]);
    assert_eq!(live.len(), 4);
    assert!(harness.query_by_label("Trash (1)").is_some());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    run_with_reads(&mut harness);
    assert!(shows(&harness, "Apple cake"), "Ctrl+Z restored it");
    assert!(shows_part(&harness, "Restored the draft"));
    let (live, trash) = stored(&workspace.path);
    assert!(trash.is_empty());
    assert_eq!(live.len(), 5);
}

#[test]
fn the_trash_tab_restores_selected_drafts() {
    let workspace = drafts_workspace();
    {
        let open = Workspace::open(&workspace.path).expect("opens");
        let (live, _) = stored(&workspace.path);
        let ids: Vec<DraftId> = live
            .iter()
            .filter(|d| d.title == "Burpee ladder" || d.title == "Rainy knits")
            .map(|d| d.id)
            .collect();
        scrollstop::store::Store::open(open.path())
            .expect("the store opens")
            .trash_drafts(&ids)
            .expect("trashed");
    }
    let mut harness = app(&workspace.path);
    until_computed(&mut harness);
    assert!(!shows(&harness, "Burpee ladder"));
    harness.get_by_label("Trash (2)").click();
    run_with_reads(&mut harness);
    assert!(shows(&harness, "2 drafts in the trash"));
    harness.get_by_label("Burpee ladder").click();
    run_with_reads(&mut harness);
    harness.get_by_label("Restore 1 draft").click();
    run_with_reads(&mut harness);
    let (live, trash) = stored(&workspace.path);
    assert_eq!(titles(&trash), vec!["Rainy knits"]);
    assert!(live.iter().any(|d| d.title == "Burpee ladder"));
    assert!(harness.query_by_label("Trash (1)").is_some());
}

#[test]
fn an_empty_trash_says_how_drafts_get_there() {
    let (_workspace, mut harness) = drafts_harness();
    harness.get_by_label("Trash (0)").click();
    run_with_reads(&mut harness);
    assert!(shows_part(&harness, "The trash of @cozyknits is empty"));
}
