//! The draft editor in the window: a new draft is written in the side panel, the caption's
//! counter and the `caption-too-long` check react as the user types and the one-click fix
//! clears it, edits reach the workspace file without a Save button (even when the app dies
//! without shutting down), the editor's own Ctrl+Z / Ctrl+Shift+Z step through its history,
//! and a chosen video is stored with its content hash.

mod common;

use std::path::Path;
use std::time::Duration;

use common::egui::accesskit::{Role, Toggled};
use common::egui::{Key, Modifiers};
use common::{demo_workspace, run_until, run_with_reads, shows, shows_part};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use scrollstop::checks::caption_length;
use scrollstop::domain::{Draft, DraftId};
use scrollstop::ui::editor::AUTOSAVE_LIMIT;
use scrollstop::ui::{Action, GivenPaths, ScrollstopApp};
use scrollstop::workspace::Workspace;

/// The app on `path`, choosing `media` as any draft's video.
fn app_with_media(path: &Path, media: Option<&Path>) -> Harness<'static, ScrollstopApp> {
    let path = path.to_path_buf();
    let dialog = match media {
        Some(m) => GivenPaths::default().with_media(m.to_path_buf()),
        None => GivenPaths::default(),
    };
    let mut harness = Harness::builder()
        .allow_missing_glyphs()
        .with_size(common::egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        .build_eframe(move |_cc| ScrollstopApp::new(path).with_file_dialog(Box::new(dialog)));
    run_with_reads(&mut harness);
    harness
}

/// Creates a draft the way Ctrl+N does and returns its id once the editor shows it.
fn new_draft(harness: &mut Harness<'static, ScrollstopApp>) -> DraftId {
    harness.state_mut().request(Action::NewDraft);
    run_with_reads(harness);
    run_with_reads(harness);
    let id = harness.state().open_draft().expect("the new draft is open");
    assert!(
        harness.query_by_label("Close").is_some(),
        "the editor is on screen"
    );
    id
}

/// The draft as the workspace file holds it, read by the running app's connection.
fn stored(app: &ScrollstopApp, id: DraftId) -> Draft {
    app.workspace()
        .expect("the workspace is open")
        .draft(id)
        .expect("the draft is stored")
}

fn input<'a>(
    harness: &'a Harness<'static, ScrollstopApp>,
    role: Role,
    label: &'a str,
) -> egui_kittest::Node<'a> {
    harness.get_by_role_and_label(role, label)
}

/// What a text input shows.
fn text_of(harness: &Harness<'static, ScrollstopApp>, role: Role, label: &str) -> String {
    input(harness, role, label).value().unwrap_or_default()
}

/// True when the "Green screen" box is ticked.
fn green_screen(harness: &Harness<'static, ScrollstopApp>) -> bool {
    let node = harness.get_by_label("Green screen");
    node.accesskit_node().toggled() == Some(Toggled::True)
}

/// A caption of exactly 151 characters as TikTok counts them, with emoji.
fn long_caption() -> String {
    let mut caption =
        String::from("Rainy day knits 🌧️ with tea ☕ and my grandmother's patterns 👵🏼");
    while caption_length(&caption) + 5 <= 138 {
        caption.push_str(" wool");
    }
    while caption_length(&caption) < 138 {
        caption.push('!');
    }
    caption.push_str(" #cottagecore");
    caption
}

#[test]
fn a_caption_past_the_seeds_150_shows_the_advice_and_the_trim_fix_clears_it() {
    let workspace = demo_workspace();
    let mut harness = app_with_media(&workspace.path, None);
    let id = new_draft(&mut harness);

    let caption = long_caption();
    assert_eq!(caption_length(&caption), 151);
    input(&harness, Role::MultilineTextInput, "Caption").set_text_value_accesskit(&caption);
    run_with_reads(&mut harness);
    assert!(
        shows(&harness, "151/150"),
        "the live counter counts emoji as one"
    );
    assert!(shows_part(
        &harness,
        "The caption has 151 characters: the first ~150 show in the feed, and the seed article advises at most 150"
    ));
    assert!(
        !shows_part(&harness, "TikTok allows"),
        "the seed's advice is not presented as TikTok's limit"
    );
    assert!(
        shows(&harness, "#cottagecore"),
        "the hashtag shows as a chip"
    );

    harness.get_by_label("Trim the caption").click_accesskit();
    run_with_reads(&mut harness);
    assert!(!shows_part(&harness, "The caption has 151 characters"));
    run_until(
        &mut harness,
        Duration::from_secs(5),
        "the autosave",
        |app| {
            let caption = stored(app, id).caption;
            caption.contains("Rainy day knits") && caption_length(&caption) <= 150
        },
    );
    let trimmed = stored(harness.state(), id).caption;
    assert!(caption_length(&trimmed) <= 150, "{trimmed}");
    assert!(trimmed.ends_with("#cottagecore"), "{trimmed}");
    assert!(shows(
        &harness,
        &format!("{}/150", caption_length(&trimmed))
    ));

    // Typing the caption back over 150 brings the warning back; Ctrl+Z in the editor takes
    // that back again.
    input(&harness, Role::MultilineTextInput, "Caption")
        .set_text_value_accesskit(&format!("{trimmed}{}", "!".repeat(20)));
    run_with_reads(&mut harness);
    assert!(shows_part(&harness, "the seed article advises at most 150"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    run_with_reads(&mut harness);
    assert!(!shows_part(
        &harness,
        "the seed article advises at most 150"
    ));
}

#[test]
fn edits_are_written_within_a_second_and_survive_a_crash() {
    let workspace = demo_workspace();
    let mut harness = app_with_media(&workspace.path, None);
    let id = new_draft(&mut harness);

    input(&harness, Role::TextInput, "Title").set_text_value_accesskit("Crash-proof knits");
    input(&harness, Role::MultilineTextInput, "Caption")
        .set_text_value_accesskit("Three cosy knits for a rainy day 🌧️ #cottagecore");
    run_with_reads(&mut harness);
    let typed_at = std::time::Instant::now();
    run_until(
        &mut harness,
        Duration::from_secs(5),
        "the autosave",
        |app| stored(app, id).title == "Crash-proof knits",
    );
    assert!(
        typed_at.elapsed() < AUTOSAVE_LIMIT + Duration::from_millis(500),
        "written within about a second ({:?})",
        typed_at.elapsed()
    );
    // More typing, then the process "dies": no exit handler, no drop, nothing flushed.
    input(&harness, Role::TextInput, "Title").set_text_value_accesskit("Crash-proof knits 2");
    run_with_reads(&mut harness);
    std::mem::forget(harness);

    let reopened = Workspace::open(&workspace.path).expect("the workspace reopens");
    let draft = reopened.draft(id).expect("the draft is there");
    assert_eq!(draft.title, "Crash-proof knits");
    assert_eq!(
        draft.caption,
        "Three cosy knits for a rainy day 🌧️ #cottagecore"
    );
    assert_eq!(draft.hashtags, vec!["cottagecore"]);
}

#[test]
fn the_editor_has_its_own_undo_and_redo_and_the_window_undo_stays_quiet() {
    let workspace = demo_workspace();
    let mut harness = app_with_media(&workspace.path, None);
    let id = new_draft(&mut harness);

    input(&harness, Role::TextInput, "Title").set_text_value_accesskit("First title");
    run_with_reads(&mut harness);
    input(&harness, Role::MultilineTextInput, "Hook")
        .set_text_value_accesskit("Open on the finished jumper");
    run_with_reads(&mut harness);
    harness.get_by_label("Green screen").click_accesskit();
    run_with_reads(&mut harness);
    assert!(green_screen(&harness));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    run_with_reads(&mut harness);
    assert!(!green_screen(&harness), "Ctrl+Z took the checkbox back");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    run_with_reads(&mut harness);
    assert_eq!(text_of(&harness, Role::MultilineTextInput, "Hook"), "");
    assert_eq!(text_of(&harness, Role::TextInput, "Title"), "First title");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    run_with_reads(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    run_with_reads(&mut harness);
    assert!(green_screen(&harness));
    assert_eq!(
        text_of(&harness, Role::MultilineTextInput, "Hook"),
        "Open on the finished jumper"
    );

    run_until(
        &mut harness,
        Duration::from_secs(5),
        "the autosave",
        |app| {
            let d = stored(app, id);
            d.hook == "Open on the finished jumper" && d.features.green_screen
        },
    );
    let draft = stored(harness.state(), id);
    assert_eq!(draft.title, "First title");
    assert!(draft.trashed_at.is_none(), "the window's Undo did not fire");
    assert_eq!(harness.state().open_draft(), Some(id));

    // The whole editing session is one step of the window's Undo, after the editor closes.
    harness.key_press(Key::Escape);
    run_with_reads(&mut harness);
    assert_eq!(
        harness.state().open_draft(),
        None,
        "Escape closes the editor"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    run_with_reads(&mut harness);
    let draft = stored(harness.state(), id);
    assert_eq!(draft.title, "", "one Undo takes the session back");
    assert!(draft.trashed_at.is_none(), "and only the session");
}

#[test]
fn a_chosen_video_is_stored_with_its_content_hash() {
    let workspace = demo_workspace();
    let video = workspace.dir.path().join("knits.mp4");
    std::fs::write(&video, b"abc").expect("the video is written");
    let mut harness = app_with_media(&workspace.path, Some(&video));
    let id = new_draft(&mut harness);

    harness.get_by_label("Choose video…").click_accesskit();
    run_with_reads(&mut harness);
    run_until(&mut harness, Duration::from_secs(5), "the hash", |app| {
        stored(app, id).media_hash.is_some()
    });
    let draft = stored(harness.state(), id);
    assert_eq!(
        draft.media_path.as_deref(),
        Some(video.to_string_lossy().as_ref())
    );
    assert_eq!(
        draft.media_hash.as_deref(),
        Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    );
    assert!(shows_part(&harness, "Content hash ba7816bf8f01"));
}

#[test]
fn a_review_comment_is_posted_under_the_draft_with_its_author() {
    let workspace = demo_workspace();
    let mut harness = app_with_media(&workspace.path, None);
    let id = new_draft(&mut harness);

    input(&harness, Role::TextInput, "Comment as").set_text_value_accesskit("Noor");
    input(&harness, Role::MultilineTextInput, "New comment")
        .set_text_value_accesskit("Open on the surprise, not the intro.");
    run_with_reads(&mut harness);
    harness.get_by_label("Post comment").click_accesskit();
    run_with_reads(&mut harness);
    run_with_reads(&mut harness);

    assert!(shows(&harness, "Open on the surprise, not the intro."));
    assert!(shows(&harness, "Noor"));
    assert_eq!(
        text_of(&harness, Role::MultilineTextInput, "New comment"),
        ""
    );
    let caption = input(&harness, Role::MultilineTextInput, "Caption").rect();
    assert!(
        caption.min.x > 1280.0 - 520.0,
        "the panel keeps its width ({caption:?})"
    );
    let app = harness.state();
    let thread = app
        .workspace()
        .expect("open")
        .draft_comments(id)
        .expect("comments load");
    assert_eq!(thread.len(), 1);
    assert_eq!(thread[0].author, "Noor");
}

#[test]
fn the_editor_shows_who_changed_the_draft_signed_with_the_member_name() {
    let workspace = demo_workspace();
    let mut open = Workspace::open(&workspace.path).expect("opens");
    open.apply(
        scrollstop::workspace::Edit::SetSetting {
            key: scrollstop::workspace::MEMBER_SETTING.into(),
            value: Some("Priya".into()),
        },
        "Priya",
    )
    .expect("the member name is stored");
    drop(open);
    let mut harness = app_with_media(&workspace.path, None);
    let id = new_draft(&mut harness);
    run_with_reads(&mut harness);
    assert!(
        shows(&harness, "Priya created the draft"),
        "the editor's history names the member"
    );
    let history = harness
        .state()
        .workspace()
        .expect("open")
        .draft_history(id)
        .expect("history");
    assert_eq!(history[0].author, "Priya");
}
