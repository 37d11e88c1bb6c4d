//! Selecting drafts (click, Shift+click, Ctrl+A, Escape) and changing them in one go.

use super::*;

#[test]
fn selecting_two_drafts_and_setting_their_status_is_stored() {
    let (workspace, mut harness) = drafts_harness();
    harness.get_by_label("Rainy knits").click();
    run_with_reads(&mut harness);
    harness
        .get_by_label("Moss terrarium")
        .click_modifiers(Modifiers::COMMAND);
    run_with_reads(&mut harness);
    assert!(shows(&harness, "2 drafts selected"));

    choose(&mut harness, "Set status", "Approved");
    let (live, _) = stored(&workspace.path);
    for d in &live {
        if d.title == "Rainy knits" || d.title == "Moss terrarium" {
            assert_eq!(d.status, DraftStatus::Approved, "{}", d.title);
        }
    }
    let apple = live.iter().find(|d| d.title == "Apple cake").expect("kept");
    assert_eq!(
        apple.status,
        DraftStatus::InReview,
        "unselected drafts keep theirs"
    );
    assert!(
        shows_part(&harness, "Saved 2 drafts"),
        "the status bar offers Undo"
    );
}

#[test]
fn shift_click_and_bulk_assign() {
    let (workspace, mut harness) = drafts_harness();
    // Sorted by title: Apple, Burpee, Moss, Rainy, Sourdough.
    harness.get_by_role_and_label(Role::Button, "Title").click();
    run_with_reads(&mut harness);
    harness.get_by_label("Burpee ladder").click();
    run_with_reads(&mut harness);
    harness
        .get_by_label("Rainy knits")
        .click_modifiers(Modifiers::SHIFT);
    run_with_reads(&mut harness);
    assert!(shows(&harness, "3 drafts selected"));
    harness
        .get_by_role_and_label(Role::TextInput, "Assign to")
        .set_text_value_accesskit("lena");
    run_with_reads(&mut harness);
    harness.get_by_label("Apply").click();
    run_with_reads(&mut harness);
    let (live, _) = stored(&workspace.path);
    let assigned: Vec<&str> = live
        .iter()
        .filter(|d| d.assignee == "lena")
        .map(|d| d.title.as_str())
        .collect();
    assert_eq!(assigned.len(), 3, "{assigned:?}");
    assert!(!assigned.contains(&"Apple cake"));
}

#[test]
fn ctrl_a_selects_every_shown_draft_and_escape_clears() {
    let (workspace, mut harness) = drafts_harness();
    choose(&mut harness, "Assignee", "mai");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    run_with_reads(&mut harness);
    assert!(shows(&harness, "2 drafts selected"));
    harness.key_press(Key::Escape);
    run_with_reads(&mut harness);
    assert!(!shows_part(&harness, "selected"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    run_with_reads(&mut harness);
    harness.get_by_label("Move to trash").click();
    run_with_reads(&mut harness);
    let (_, trash) = stored(&workspace.path);
    assert_eq!(titles(&trash), vec!["Apple cake", "Sourdough crumb"]);
}
