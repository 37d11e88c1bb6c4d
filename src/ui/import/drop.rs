//! Drag and drop onto the window: files and folders dropped anywhere start an import, and
//! while they hover the whole window says so. Only paths are taken here; reading them is the
//! import job's work.

use std::path::PathBuf;

use eframe::egui::{self, Align2, FontId, Id, Order};

use crate::ui::theme;

/// The text shown while files hover over the window.
pub const DROP_HINT: &str = "Drop TikTok Studio exports to import";

/// The files and folders dropped onto the window this frame (those with a path on disk).
pub fn dropped_paths(ctx: &egui::Context) -> Vec<PathBuf> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    })
}

/// While files hover over the window, veils it and names what dropping them does.
pub fn hover_overlay(ctx: &egui::Context) {
    let hovering = ctx.input(|i| i.raw.hovered_files.len());
    if hovering == 0 {
        return;
    }
    let screen = ctx.content_rect();
    egui::Area::new(Id::unique("import-drop"))
        .order(Order::Foreground)
        .fixed_pos(screen.min)
        .interactable(false)
        .show(ctx, |ui| {
            let p = theme::palette(ui);
            let painter = ui.painter();
            painter.rect_filled(screen, 0.0, ui.visuals().panel_fill.gamma_multiply(0.88));
            painter.rect_stroke(
                screen.shrink(theme::SPACE_L * 2.0),
                12.0,
                egui::Stroke::new(2.0, p.accent),
                egui::StrokeKind::Inside,
            );
            painter.text(
                screen.center(),
                Align2::CENTER_CENTER,
                DROP_HINT,
                FontId::proportional(26.0),
                p.accent,
            );
            let items = crate::text::plural(hovering, "item", "items");
            painter.text(
                screen.center() + egui::vec2(0.0, 34.0),
                Align2::CENTER_CENTER,
                format!(
                    "{items}: CSV, XLSX, ZIP, JSON or a folder of them. Nothing is written \
                     before you confirm."
                ),
                FontId::proportional(14.0),
                p.muted,
            );
        });
}
