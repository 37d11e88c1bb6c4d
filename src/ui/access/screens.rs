//! What the window shows about its hold on the workspace: the read-only banner above the
//! views, and the screen for a workspace another window is editing.

use std::path::Path;

use eframe::egui::{self, RichText};

use super::ReadOnlyReason;
use crate::ui::theme;
use crate::ui::view::Action;

/// A strip across the top of the window saying why changes are off; while another window
/// has the workspace, "Edit here" tries to take it over once that window has closed.
pub(in crate::ui) fn read_only_banner(
    ui: &mut egui::Ui,
    reason: &ReadOnlyReason,
    actions: &mut Vec<Action>,
) {
    let palette = theme::palette(ui);
    egui::Panel::top("read-only-banner")
        .frame(
            egui::Frame::new()
                .fill(palette.warn.gamma_multiply(0.22))
                .inner_margin(egui::Margin::symmetric(14, 8)),
        )
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new("🔒").color(palette.warn));
                ui.label(RichText::new(reason.banner()).strong());
                if matches!(reason, ReadOnlyReason::OpenElsewhere { .. }) {
                    let edit = ui
                        .button("Edit here")
                        .on_hover_text("Open it for editing, once the other window is closed");
                    if edit.clicked() {
                        actions.push(Action::RetryWorkspace);
                    }
                }
            });
        });
}

/// The screen shown instead of the workspace while another window edits it.
pub(in crate::ui) fn in_use_screen(
    ui: &mut egui::Ui,
    path: &Path,
    pid: Option<u32>,
    actions: &mut Vec<Action>,
) {
    egui::CentralPanel::default()
        .frame(theme::content_frame(ui))
        .show(ui, |ui| {
            theme::view_heading(
                ui,
                "This workspace is open in another Scrollstop window",
                "Two windows editing one workspace would overwrite each other's work, so only \
                 one of them edits it.",
            );
            theme::card(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(theme::file_path(path));
                ui.add_space(theme::SPACE_S);
                let holder = match pid {
                    Some(pid) => format!("It is held by Scrollstop process {pid}."),
                    None => "It is held by another Scrollstop process.".to_string(),
                };
                ui.label(holder);
                ui.label(theme::muted(
                    ui,
                    "Switch to that window, or close it and choose Retry. Read-only shows the \
                     same data here with changes off.",
                ));
            });
            ui.add_space(theme::SPACE_M);
            ui.horizontal(|ui| {
                if ui.add(theme::primary_button(ui, "Retry")).clicked() {
                    actions.push(Action::RetryWorkspace);
                }
                if ui.button("Open read-only").clicked() {
                    actions.push(Action::OpenReadOnly);
                }
                if ui.button("Open another workspace…").clicked() {
                    actions.push(Action::OpenAnotherWorkspace);
                }
            });
        });
}

/// Under a workspace that could not be opened: the way to another one without restarting.
pub(in crate::ui) fn other_workspace_bar(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    egui::Panel::bottom("other-workspace")
        .frame(theme::content_frame(ui).inner_margin(egui::Margin::symmetric(24, 14)))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                if ui.button("Open another workspace…").clicked() {
                    actions.push(Action::OpenAnotherWorkspace);
                }
                if ui.button("Start a new workspace…").clicked() {
                    actions.push(Action::StartNewWorkspace);
                }
            });
        });
}
