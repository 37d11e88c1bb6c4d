//! The About dialog: the version, the workspace file this window shows (selectable, with a
//! copy button) and the schema version it is stored in.

use std::path::Path;

use eframe::egui::{self, RichText};

use crate::ui::theme;
use crate::ui::widgets::form;
use crate::workspace::LATEST_VERSION;

/// What the dialog tells.
pub struct Facts<'a> {
    pub path: &'a Path,
    /// `None` while no workspace is open; an error when the version could not be read.
    pub schema_version: Option<Result<u32, String>>,
}

/// Draws the dialog while `open`.
pub fn window(ctx: &egui::Context, open: &mut bool, facts: &Facts<'_>) {
    egui::Window::new("About Scrollstop")
        .id(egui::Id::unique("about-scrollstop"))
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .default_width(460.0)
        .show(ctx, |ui| {
            theme::wordmark(ui, 26.0);
            ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
            ui.label(theme::muted(ui, env!("CARGO_PKG_DESCRIPTION")));
            ui.add_space(theme::SPACE_M);
            form::grid("about-facts").show(ui, |ui| {
                form::label(ui, "Workspace");
                let path = facts.path.display().to_string();
                ui.horizontal(|ui| {
                    ui.add(
                        egui::Label::new(RichText::new(&path).monospace())
                            .selectable(true)
                            .wrap(),
                    );
                });
                ui.end_row();
                form::label(ui, "");
                if ui.small_button("Copy path").clicked() {
                    ui.ctx().copy_text(path);
                }
                ui.end_row();
                form::label(ui, "Schema version");
                match &facts.schema_version {
                    Some(Ok(v)) => {
                        ui.label(format!("{v} (this Scrollstop writes {LATEST_VERSION})"))
                    }
                    Some(Err(e)) => ui.label(theme::error_text(ui, e)),
                    None => ui.label(theme::muted(ui, "no workspace open")),
                };
                ui.end_row();
                form::label(ui, "Licence");
                ui.label(env!("CARGO_PKG_LICENSE"));
                ui.end_row();
            });
            ui.add_space(theme::SPACE_S);
            ui.label(
                theme::muted(
                    ui,
                    "Forecasts start from the seed article's priors and learn from your own \
                     imported videos; TikTok publishes no weights, and none are claimed here.",
                )
                .small(),
            );
        });
}
