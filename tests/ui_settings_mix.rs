//! The subculture mix in Settings: a share typed into the account form reaches the store, and
//! shares that add up to more than 100 % are refused next to the fields; Undo takes it back.

mod common;

use common::egui::{Key, Modifiers};
use common::{app, demo_workspace, open_view, run_with_reads, shows_part};
use egui_kittest::kittest::Queryable;
use scrollstop::workspace::Workspace;

#[test]
fn a_share_typed_in_settings_is_stored_as_the_accounts_mix() {
    let workspace = demo_workspace();
    let stored = Workspace::open(&workspace.path).expect("reopens");
    let account = stored.accounts().expect("accounts")[0].clone();
    let subcultures = stored.subcultures().expect("subcultures");
    assert!(stored.subculture_mix(account.id).expect("mix").is_empty());
    drop(stored);

    let mut harness = app(&workspace.path);
    open_view(&mut harness, "Settings");
    // The accounts sit below "Your data" and "Appearance": bring the button into view.
    harness
        .get_by_label(&format!("Edit {}", account.at_handle()))
        .scroll_to_me();
    run_with_reads(&mut harness);
    harness
        .get_by_label(&format!("Edit {}", account.at_handle()))
        .click();
    run_with_reads(&mut harness);
    harness
        .get_by_label(&subcultures[0].name)
        .set_text_value_accesskit("80");
    harness
        .get_by_label(&subcultures[1].name)
        .set_text_value_accesskit("30");
    run_with_reads(&mut harness);
    harness.get_by_label("Save").scroll_to_me();
    run_with_reads(&mut harness);
    harness.get_by_label("Save").click();
    run_with_reads(&mut harness);
    assert!(
        shows_part(&harness, "add up to 110 %"),
        "the sum is refused"
    );
    let mix = Workspace::open(&workspace.path)
        .expect("reopens")
        .subculture_mix(account.id)
        .expect("mix");
    assert!(mix.is_empty(), "nothing saved while invalid: {mix:?}");

    harness
        .get_by_label(&subcultures[1].name)
        .set_text_value_accesskit("");
    run_with_reads(&mut harness);
    harness.get_by_label("Save").scroll_to_me();
    run_with_reads(&mut harness);
    harness.get_by_label("Save").click();
    run_with_reads(&mut harness);
    let mix = Workspace::open(&workspace.path)
        .expect("reopens")
        .subculture_mix(account.id)
        .expect("mix");
    assert_eq!(mix.shares, vec![(subcultures[0].id, 0.8)]);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    run_with_reads(&mut harness);
    let mix = Workspace::open(&workspace.path)
        .expect("reopens")
        .subculture_mix(account.id)
        .expect("mix");
    assert!(mix.is_empty(), "Undo takes the mix back: {mix:?}");
}

#[test]
fn the_member_name_is_saved_in_settings_and_signs_new_edits() {
    let workspace = common::demo_workspace();
    let mut harness = common::app(&workspace.path);
    common::open_view(&mut harness, "Settings");
    let field =
        harness.get_by_role_and_label(common::egui::accesskit::Role::TextInput, "Your name");
    field.focus();
    harness.key_press_modifiers(common::egui::Modifiers::COMMAND, common::egui::Key::A);
    run_with_reads(&mut harness);
    harness
        .get_by_role_and_label(common::egui::accesskit::Role::TextInput, "Your name")
        .type_text("Noor");
    run_with_reads(&mut harness);
    harness.get_by_label("Save name").click();
    run_with_reads(&mut harness);
    let open = scrollstop::workspace::Workspace::open(&workspace.path).expect("opens");
    assert_eq!(open.member_name(), "Noor");
}
