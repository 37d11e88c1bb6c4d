//! Drawing shared by the week and month: a post's block or chip (status colour, subculture
//! stripe, warning edge), its tooltip, and a trend window's band.

use chrono_tz::Tz;
use eframe::egui::{
    self, Color32, CornerRadius, FontId, Id, Rect, Sense, Stroke, StrokeKind, vec2,
};

use super::data::CalEntry;
use super::trend_windows::TrendWindow;
use crate::domain::TrendKind;
use crate::ui::theme;
use crate::ui::widgets::status_chip::{status_chip, status_colour};

/// The tint of an entry: its account's colour when several accounts are shown, else its
/// draft's status colour (muted when the draft is gone).
fn tint(ui: &egui::Ui, e: &CalEntry) -> Color32 {
    if let Some(tag) = &e.account {
        return tag.colour;
    }
    e.status
        .map_or(theme::palette(ui).muted, |s| status_colour(ui, s))
}

/// A post's block in the week, or its chip in the month: the label clipped to `rect`.
pub fn entry_block(
    ui: &egui::Ui,
    rect: Rect,
    e: &CalEntry,
    highlighted: bool,
    predicted: Option<&str>,
) {
    let palette = theme::palette(ui);
    let tint = tint(ui, e);
    let painter = ui.painter_at(rect.expand(1.0));
    let fill = tint.gamma_multiply(if highlighted { 0.45 } else { 0.28 });
    let (stroke, width) = if e.warnings.is_empty() {
        (tint, 1.0)
    } else {
        (palette.warn, 2.0)
    };
    painter.rect(
        rect,
        CornerRadius::same(4),
        fill,
        Stroke::new(width, stroke),
        StrokeKind::Inside,
    );
    if let Some((_, colour)) = &e.subculture {
        let stripe = Rect::from_min_size(rect.min, vec2(3.0, rect.height()));
        painter.rect_filled(stripe, CornerRadius::same(2), *colour);
    }
    let font = FontId::proportional(11.5);
    let colour = ui.visuals().strong_text_color();
    let inner = rect.shrink2(vec2(5.0, 1.0));
    let pos = inner.left_top() + vec2(0.0, (inner.height().min(16.0) - 13.0).max(0.0) / 2.0);
    let clip = ui.painter_at(inner);
    clip.text(pos, egui::Align2::LEFT_TOP, &e.text, font, colour);
    if let Some(range) = predicted
        && inner.height() >= 28.0
    {
        let below = pos + vec2(0.0, 14.0);
        let muted = theme::palette(ui).muted;
        clip.text(
            below,
            egui::Align2::LEFT_TOP,
            range,
            FontId::proportional(10.5),
            muted,
        );
    }
}

/// Everything about a post, on hover.
pub fn entry_tooltip(ui: &mut egui::Ui, e: &CalEntry, predicted: Option<&str>) {
    ui.set_max_width(340.0);
    ui.label(egui::RichText::new(&e.title).strong());
    if let Some(tag) = &e.account {
        ui.horizontal(|ui| {
            theme::chip(ui, &tag.handle, tag.colour);
            if let Some(own) = &tag.local_time {
                ui.label(theme::muted(ui, format!("{own} on the account's clock")));
            }
        });
    }
    ui.horizontal(|ui| {
        ui.label(format!("{} · {}", e.date.format("%a %-d %b"), e.time));
        if let Some(status) = e.status {
            status_chip(ui, status);
        }
    });
    if let Some(viewer) = &e.viewer_time {
        ui.label(theme::muted(ui, viewer));
    }
    if let Some(range) = predicted {
        ui.label(format!("Predicted: {range}"));
    }
    if let Some(shifted) = &e.shifted {
        ui.label(
            egui::RichText::new(format!("The clock change moved it: {shifted}"))
                .color(theme::palette(ui).warn),
        );
    }
    if let Some((name, colour)) = &e.subculture {
        theme::chip(ui, name, *colour);
    }
    if e.entry.pinned {
        ui.label(theme::muted(ui, "Pinned: auto-plan leaves it where it is."));
    }
    if !e.entry.reason.is_empty() {
        ui.label(theme::muted(ui, &e.entry.reason));
    }
    for w in &e.warnings {
        ui.label(egui::RichText::new(format!("⚠ {w}")).color(theme::palette(ui).warn));
    }
    ui.label(theme::muted(
        ui,
        "Drag to move · double-click to open the draft",
    ));
}

/// A trend window's band with its name; hovering tells its span.
/// `fades_here`: the window ends inside `rect` (a marker shows where it turns to fading).
pub fn band(
    ui: &mut egui::Ui,
    rect: Rect,
    id: Id,
    window: &TrendWindow,
    zone: Tz,
    fades_here: bool,
) {
    let palette = theme::palette(ui);
    let colour = match window.kind {
        TrendKind::Sound => palette.accent_2,
        _ => palette.info,
    };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, CornerRadius::same(3), colour.gamma_multiply(0.3));
    if fades_here {
        // Fading from here: a marker on the last day.
        let end = Rect::from_min_size(rect.right_top() - vec2(4.0, 0.0), vec2(4.0, rect.height()));
        painter.rect_filled(end, CornerRadius::same(2), palette.warn);
    }
    painter.text(
        rect.left_center() + vec2(4.0, 0.0),
        egui::Align2::LEFT_CENTER,
        &window.label,
        FontId::proportional(10.5),
        ui.visuals().strong_text_color(),
    );
    ui.interact(rect, id, Sense::hover())
        .on_hover_text(window.describe(zone));
}
