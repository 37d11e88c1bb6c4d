//! Filtering the table by status and by search (Ctrl+F).

use super::*;

#[test]
fn filtering_by_status_shows_only_those_drafts() {
    let (_workspace, mut harness) = drafts_harness();
    for (title, ..) in DRAFTS {
        assert!(shows(&harness, title), "{title} is listed");
    }
    choose(&mut harness, "Status", "In review");
    assert!(shows(&harness, "Apple cake"));
    assert!(shows(&harness, "Burpee ladder"));
    assert!(!shows(&harness, "Rainy knits"));
    assert!(!shows(&harness, "Sourdough crumb"));
    assert!(shows(&harness, "2 of 5 shown"));

    harness.get_by_label("Clear filters").click();
    run_with_reads(&mut harness);
    assert!(shows(&harness, "Rainy knits"));
}

#[test]
fn search_reads_the_sound_and_ctrl_f_focuses_it() {
    let (_workspace, mut harness) = drafts_harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    run_with_reads(&mut harness);
    let search = harness.get_by_role_and_label(Role::TextInput, "Search");
    assert!(search.is_focused(), "Ctrl+F focuses the search box");
    search.type_text("espresso");
    run_with_reads(&mut harness);
    assert!(shows(&harness, "Apple cake"));
    assert!(!shows(&harness, "Rainy knits"));
    assert!(!shows(&harness, "Moss terrarium"));
}
