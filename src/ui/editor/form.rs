//! The plain fields of the editor, as rows of one two-column grid: the idea (title, hook,
//! opening), the subculture, the audience (language, region) and the team's fields (status,
//! assignee, notes). Every input is labelled for screen readers and UI tests.

use eframe::egui::{self, ComboBox, TextEdit};

use super::facts::Facts;
use super::findings;
use crate::checks::{Field, Finding, Fix};
use crate::domain::{Draft, DraftStatus, OpeningType};
use crate::ui::theme;
use crate::ui::widgets::empty_state::load_error;
use crate::ui::widgets::form;
use crate::workspace::team::{Capability, Permissions};

/// What a section of the editor draws and changes.
pub struct Fields<'a> {
    pub draft: &'a mut Draft,
    pub findings: &'a [Finding],
    pub facts: &'a Facts,
    /// A one-click fix the user clicked this frame.
    pub fix: &'a mut Option<Fix>,
    /// Width of the inputs in the second column.
    pub width: f32,
    /// What the member's team role allows.
    pub permissions: &'a Permissions,
}

/// The label in the first column; its id names the input for `labelled_by`.
pub fn input_label(ui: &mut egui::Ui, text: &str) -> egui::Id {
    form::label(ui, text)
}

/// A single-line text row.
pub fn text_row(ui: &mut egui::Ui, text: &str, value: &mut String, hint: &str, width: f32) {
    let label = input_label(ui, text);
    ui.add(
        TextEdit::singleline(value)
            .hint_text(hint.to_string())
            .desired_width(width),
    )
    .labelled_by(label);
    ui.end_row();
}

/// A multi-line text row.
pub fn multiline_row(ui: &mut egui::Ui, text: &str, value: &mut String, hint: &str, width: f32) {
    let label = input_label(ui, text);
    ui.add(
        TextEdit::multiline(value)
            .hint_text(hint.to_string())
            .desired_rows(2)
            .desired_width(width),
    )
    .labelled_by(label);
    ui.end_row();
}

/// A picker row over a stored enum's values.
pub fn choice_row<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    text: &str,
    value: &mut T,
    all: &[T],
    label_of: fn(T) -> &'static str,
    width: f32,
) {
    let label = input_label(ui, text);
    ComboBox::from_id_salt(("editor-choice", text))
        .selected_text(label_of(*value))
        .width(width)
        .show_ui(ui, |ui| {
            for v in all {
                ui.selectable_value(value, *v, label_of(*v));
            }
        })
        .response
        .labelled_by(label);
    ui.end_row();
}

/// The draft's status: a role that may not change it sees it disabled, and a role that may not
/// approve sees Approved disabled, each with the reason.
fn status_row(ui: &mut egui::Ui, f: &mut Fields<'_>) {
    let label = input_label(ui, "Status");
    let may_change = f.permissions.why_not(Capability::ChangeStatus);
    let may_approve = f.permissions.why_not(Capability::Approve);
    let current = f.draft.status;
    ui.add_enabled_ui(may_change.is_none(), |ui| {
        ComboBox::from_id_salt(("editor-choice", "Status"))
            .selected_text(current.label())
            .width(f.width)
            .show_ui(ui, |ui| {
                for status in DraftStatus::ALL {
                    let approving = *status == DraftStatus::Approved && current != *status;
                    let blocked = if approving { may_approve } else { None };
                    let option = ui
                        .add_enabled(
                            blocked.is_none(),
                            egui::Button::selectable(current == *status, status.label()),
                        )
                        .on_disabled_hover_text(blocked.unwrap_or_default());
                    if option.clicked() {
                        f.draft.status = *status;
                    }
                }
            })
            .response
            .labelled_by(label)
    })
    .response
    .on_disabled_hover_text(may_change.unwrap_or_default());
    ui.end_row();
}

/// Title, hook and opening.
pub fn idea(ui: &mut egui::Ui, f: &mut Fields<'_>) {
    // Its own id: a new draft gives it the focus before it is drawn (see `title_focus.rs`).
    let label = input_label(ui, "Title");
    ui.add(
        TextEdit::singleline(&mut f.draft.title)
            .id(super::title_focus::title_id())
            .hint_text("A working title for the table")
            .desired_width(f.width),
    )
    .labelled_by(label);
    ui.end_row();
    multiline_row(
        ui,
        "Hook",
        &mut f.draft.hook,
        "What happens in the first seconds that stops the scroll?",
        f.width,
    );
    choice_row(
        ui,
        "Opening",
        &mut f.draft.opening,
        OpeningType::ALL,
        OpeningType::label,
        f.width,
    );
    findings::row(ui, f.findings, &[Field::Opening], f.fix);
}

/// The subculture the draft posts into.
pub fn subculture(ui: &mut egui::Ui, f: &mut Fields<'_>) {
    let label = input_label(ui, "Subculture");
    let current = f
        .draft
        .subculture
        .and_then(|id| f.facts.subcultures.iter().find(|s| s.id == id))
        .map_or("None", |s| s.name.as_str());
    ComboBox::from_id_salt("editor-subculture")
        .selected_text(current)
        .width(f.width)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut f.draft.subculture, None, "None");
            for s in &f.facts.subcultures {
                ui.selectable_value(&mut f.draft.subculture, Some(s.id), &s.name)
                    .on_hover_text(&s.description);
            }
        })
        .response
        .labelled_by(label);
    ui.end_row();
}

/// Language and region (the feed's weak device and account signals).
pub fn audience(ui: &mut egui::Ui, f: &mut Fields<'_>) {
    text_row(
        ui,
        "Language",
        &mut f.draft.language,
        "e.g. en, nl",
        f.width,
    );
    text_row(ui, "Region", &mut f.draft.region, "e.g. NL, US", f.width);
}

/// Status, assignee and notes, with the plan's findings (posting frequency).
pub fn team(ui: &mut egui::Ui, f: &mut Fields<'_>) {
    status_row(ui, f);
    findings::row(ui, f.findings, &[Field::Schedule], f.fix);
    let may_edit = f.permissions.may(Capability::EditDrafts);
    if !may_edit {
        // What follows (assignee, notes) is the draft's content, which this role may not change.
        ui.disable();
    }
    text_row(
        ui,
        "Assignee",
        &mut f.draft.assignee,
        "Who works on it",
        f.width,
    );
    multiline_row(
        ui,
        "Notes",
        &mut f.draft.notes,
        "Shot list, props, ideas",
        f.width,
    );
}

/// The editor of a draft that could not be read; true when the user closes it.
pub fn failed(ui: &mut egui::Ui, message: &str) -> bool {
    let close = ui
        .horizontal(|ui| {
            ui.label(theme::section_title("Draft"));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.button("Close editor").clicked()
            })
            .inner
        })
        .inner;
    load_error(ui, "the draft", message);
    close
}
