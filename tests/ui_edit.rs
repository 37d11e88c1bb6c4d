//! Editing in the window: subcultures and accounts are changed through their forms, the
//! changes are in the workspace file afterwards, refusals show next to the form, and deletes
//! can be undone.

mod common;

use common::egui::{Key, Modifiers};
use common::{
    app, demo_workspace, open_view, run_with_reads, shows, shows_part, stored_subcultures,
};
use egui_kittest::kittest::Queryable;
use scrollstop::workspace::Workspace;

#[test]
fn renaming_a_subculture_persists_after_reopening_the_workspace() {
    let workspace = demo_workspace();
    let mut harness = app(&workspace.path);
    open_view(&mut harness, "Subcultures");

    harness.get_by_label("Edit #FitTok").click();
    run_with_reads(&mut harness);
    harness
        .get_by_label("Name")
        .set_text_value_accesskit("#GymTok");
    harness
        .get_by_label("Hashtags")
        .set_text_value_accesskit("#gymtok, fitness workout");
    run_with_reads(&mut harness);
    harness.get_by_label("Save").click();
    run_with_reads(&mut harness);

    assert!(shows(&harness, "#GymTok"), "the list shows the new name");
    assert!(!shows(&harness, "#FitTok"));
    assert!(shows(&harness, "#workout"), "the hashtags show as chips");
    drop(harness);

    let names = stored_subcultures(&workspace.path);
    assert!(names.contains(&"#GymTok".to_string()), "{names:?}");
    assert!(!names.contains(&"#FitTok".to_string()), "{names:?}");
    let reopened = Workspace::open(&workspace.path).expect("reopens");
    let gym = reopened
        .subcultures()
        .expect("loads")
        .into_iter()
        .find(|s| s.name == "#GymTok")
        .expect("renamed");
    assert_eq!(gym.hashtags, vec!["gymtok", "fitness", "workout"]);
}

#[test]
fn a_duplicate_name_is_refused_next_to_the_form() {
    let workspace = demo_workspace();
    let mut harness = app(&workspace.path);
    open_view(&mut harness, "Subcultures");

    harness.get_by_label("Edit #FitTok").click();
    run_with_reads(&mut harness);
    harness
        .get_by_label("Name")
        .set_text_value_accesskit("#cottagecore");
    run_with_reads(&mut harness);
    harness.get_by_label("Save").click();
    run_with_reads(&mut harness);

    assert!(shows_part(
        &harness,
        "There is already a subculture called #cottagecore"
    ));
    assert!(
        harness.query_by_label("Name").is_some(),
        "the form stays open"
    );
    assert!(stored_subcultures(&workspace.path).contains(&"#FitTok".to_string()));
}

#[test]
fn deleting_a_subculture_can_be_undone_by_button_and_by_ctrl_z() {
    let workspace = demo_workspace();
    let mut harness = app(&workspace.path);
    open_view(&mut harness, "Subcultures");

    harness.get_by_label("Delete #FitTok").click();
    run_with_reads(&mut harness);
    assert!(!shows(&harness, "#FitTok"), "the subculture left the list");
    assert!(
        shows_part(&harness, "Deleted #FitTok"),
        "the status bar offers Undo"
    );
    assert!(!stored_subcultures(&workspace.path).contains(&"#FitTok".to_string()));

    harness.get_by_label("Undo").click();
    run_with_reads(&mut harness);
    assert!(shows(&harness, "#FitTok"), "Undo brought it back");
    assert!(stored_subcultures(&workspace.path).contains(&"#FitTok".to_string()));

    harness.get_by_label("Delete #MomsofTikTok").click();
    run_with_reads(&mut harness);
    assert!(!shows(&harness, "#MomsofTikTok"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    run_with_reads(&mut harness);
    assert!(shows(&harness, "#MomsofTikTok"), "Ctrl+Z brought it back");
}

#[test]
fn adding_a_subculture_shows_it_with_its_hashtags() {
    let workspace = demo_workspace();
    let mut harness = app(&workspace.path);
    open_view(&mut harness, "Subcultures");

    harness.get_by_label("Add subculture").click();
    run_with_reads(&mut harness);
    harness
        .get_by_label("Name")
        .set_text_value_accesskit("#PlantTok");
    harness
        .get_by_label("Hashtags")
        .set_text_value_accesskit("plants #monstera");
    harness
        .get_by_label("Description")
        .set_text_value_accesskit("Houseplant care");
    run_with_reads(&mut harness);
    harness.get_by_label("Save").click();
    run_with_reads(&mut harness);

    assert!(shows(&harness, "#PlantTok"));
    assert!(shows(&harness, "#monstera"));
    assert!(stored_subcultures(&workspace.path).contains(&"#PlantTok".to_string()));
}

#[test]
fn editing_and_deleting_an_account_in_settings() {
    let workspace = demo_workspace();
    let first = {
        let open = Workspace::open(&workspace.path).expect("opens");
        open.accounts().expect("loads").remove(0)
    };
    let mut harness = app(&workspace.path);
    open_view(&mut harness, "Settings");

    // The accounts sit below "Your data" and "Appearance": bring the button into view.
    harness
        .get_by_label(&format!("Edit {}", first.at_handle()))
        .scroll_to_me();
    run_with_reads(&mut harness);
    harness
        .get_by_label(&format!("Edit {}", first.at_handle()))
        .click();
    run_with_reads(&mut harness);
    harness
        .get_by_label("Display name")
        .set_text_value_accesskit("Renamed Team");
    run_with_reads(&mut harness);
    // The form (with its subculture-mix fields) is taller than the window.
    harness.get_by_label("Save").scroll_to_me();
    run_with_reads(&mut harness);
    harness.get_by_label("Save").click();
    run_with_reads(&mut harness);
    assert!(shows(&harness, "Renamed Team"));
    let reopened = Workspace::open(&workspace.path).expect("reopens");
    let stored = reopened.account(first.id).expect("still there");
    assert_eq!(stored.display_name, "Renamed Team");
    assert_eq!(
        stored.time_zone, first.time_zone,
        "untouched fields keep their value"
    );

    harness
        .get_by_label(&format!("Delete {}", first.at_handle()))
        .click();
    run_with_reads(&mut harness);
    assert!(!shows(&harness, &first.at_handle()));
    assert_eq!(reopened.accounts().expect("loads").len(), 1);
    harness.get_by_label("Undo").click();
    run_with_reads(&mut harness);
    assert!(
        shows(&harness, &first.at_handle()),
        "Undo restored the account"
    );
    assert_eq!(reopened.accounts().expect("loads").len(), 2);
}
