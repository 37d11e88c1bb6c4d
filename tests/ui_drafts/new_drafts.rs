//! Ctrl+N adds a draft, puts the cursor in its title, and the highlight follows the editor.

use super::*;

#[test]
fn ctrl_n_adds_a_draft() {
    let (workspace, mut harness) = drafts_harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    run_with_reads(&mut harness);
    let (live, _) = stored(&workspace.path);
    assert_eq!(live.len(), 6);
    assert!(shows(&harness, "(untitled)"));
}

#[test]
fn ctrl_n_puts_the_cursor_in_the_title_and_the_highlight_follows_the_editor() {
    let (workspace, mut harness) = drafts_harness();
    // Typed in the same frame as Ctrl+N, before the new draft's editor exists, then more
    // once it shows: none of it is lost.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.event(common::egui::Event::Text("Hel".to_string()));
    run_with_reads(&mut harness);
    harness.event(common::egui::Event::Text("lo".to_string()));
    run_with_reads(&mut harness);
    let new = harness.state().open_draft().expect("the new draft is open");
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Title")
            .value()
            .as_deref(),
        Some("Hello")
    );
    let start = Instant::now();
    while stored(&workspace.path).0.iter().all(|d| d.title != "Hello") {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the title is saved"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    let (live, _) = stored(&workspace.path);
    assert_eq!(
        live.iter().find(|d| d.id == new).map(|d| d.title.as_str()),
        Some("Hello")
    );
    assert_eq!(
        harness.state().chosen_draft(),
        Some(new),
        "the new row is the chosen one"
    );

    // Another row: the highlight, the editor and the bulk bar all name it.
    harness.get_by_label("Apple cake").click();
    run_with_reads(&mut harness);
    let apple = live
        .iter()
        .find(|d| d.title == "Apple cake")
        .expect("Apple cake")
        .id;
    assert_eq!(
        harness.state().open_draft(),
        Some(apple),
        "the editor shows it"
    );
    assert_eq!(harness.state().chosen_draft(), Some(apple));
    assert!(
        shows(&harness, "1 draft selected"),
        "one row is highlighted"
    );
    // The new draft's checks and forecast come in the background; the bar stays put after.
    until_computed(&mut harness);
    choose(&mut harness, "Set status", "Approved");
    let (live, _) = stored(&workspace.path);
    let status = |id| live.iter().find(|d| d.id == id).map(|d| d.status);
    assert_eq!(
        status(apple),
        Some(DraftStatus::Approved),
        "the bulk bar acted on it"
    );
    assert_eq!(status(new), Some(DraftStatus::Idea), "and only on it");
}
