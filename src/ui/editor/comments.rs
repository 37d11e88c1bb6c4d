//! The review thread of a draft: who said what and when, oldest first, and a box to add a
//! comment. The author defaults to the workspace's member name (Settings), else the computer's
//! user name.

use chrono::Local;
use eframe::egui::{self, RichText, TextEdit};

use crate::domain::{DraftComment, DraftId};
use crate::ui::theme;
use crate::ui::view::Action;
use crate::ui::widgets::format::slot;
use crate::workspace::Workspace;

/// The name new comments are signed with: the workspace's member name.
pub fn default_author(workspace: &Workspace) -> String {
    workspace.member_name()
}

/// What the comment box holds between frames.
#[derive(Debug, Clone, Default)]
pub struct CommentBox {
    pub author: String,
    pub text: String,
}

/// The thread and the box under it.
pub fn ui(
    ui: &mut egui::Ui,
    draft: DraftId,
    thread: &[DraftComment],
    input: &mut CommentBox,
    may_comment: Option<&str>,
    actions: &mut Vec<Action>,
) {
    // The card's frame adds its margins and stroke around the content.
    let width = ui.available_width();
    let inside = (width - 30.0).max(100.0);
    if thread.is_empty() {
        ui.label(theme::muted(ui, "No comments yet. Ask for a review here."));
    }
    for c in thread {
        theme::card(ui).show(ui, |ui| {
            ui.set_width(inside);
            ui.horizontal(|ui| {
                ui.label(RichText::new(&c.author).strong());
                ui.label(theme::muted(ui, slot(c.at.with_timezone(&Local))).small());
            });
            ui.label(&c.text);
        });
    }
    ui.add_space(theme::SPACE_S);
    if let Some(why) = may_comment {
        ui.label(theme::muted(ui, why).small());
        return;
    }
    ui.horizontal(|ui| {
        let label = ui.label(theme::muted(ui, "Comment as")).id;
        ui.add(TextEdit::singleline(&mut input.author).desired_width(width * 0.5))
            .labelled_by(label);
    });
    let label = ui.label(theme::muted(ui, "New comment")).id;
    let response = ui
        .add(
            TextEdit::multiline(&mut input.text)
                .hint_text("What should change? (Ctrl+Enter posts)")
                .desired_rows(2)
                .desired_width(width),
        )
        .labelled_by(label);
    let ready = !input.text.trim().is_empty() && !input.author.trim().is_empty();
    let ctrl_enter = response.has_focus()
        && ui.input_mut(|i| i.consume_shortcut(&crate::ui::shortcuts::POST_COMMENT));
    let clicked = ui
        .add_enabled(ready, egui::Button::new("Post comment"))
        .clicked();
    if ready && (clicked || ctrl_enter) {
        actions.push(Action::AddDraftComment {
            draft,
            author: input.author.trim().to_string(),
            text: input.text.trim().to_string(),
        });
        input.text.clear();
    }
}
