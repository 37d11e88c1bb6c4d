//! The hour-of-week heat map: 7 rows (Monday first) by 24 local hours, painted cell by cell.
//! The Analytics view shows the audience's active hours with it; the Reach and Calendar views
//! will put predicted reach and best times beside it. It draws what it is given and never reads
//! the workspace.

use eframe::egui::{self, Color32, CornerRadius, FontId, Pos2, Rect, Sense, Stroke, vec2};

use super::format::thousands;
use crate::ui::theme;

/// Day names of the rows, Monday first (the order of the workspace's hour-of-week profile).
pub const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

const LABEL_WIDTH: f32 = 38.0;
const HEADER_HEIGHT: f32 = 16.0;
const CELL_HEIGHT: f32 = 20.0;
const GAP: f32 = 2.0;

/// Where the frame notes that the audience's own hours were on screen.
fn audience_shown_id() -> egui::Id {
    egui::Id::unique("audience-hours-shown")
}

/// Paints the account's own audience activity (from FollowerActivity imports) like
/// [`hour_of_week_heat_map`], and notes for the "Getting started" checklist that the user saw
/// when their audience is online.
pub fn audience_hours_heat_map(
    ui: &mut egui::Ui,
    values: &[f64; 168],
    unit: &str,
) -> egui::Response {
    let response = hour_of_week_heat_map(ui, values, unit);
    // Only what is on screen counts: a heat map scrolled out of view was not seen.
    if ui.is_rect_visible(response.rect) {
        ui.ctx()
            .data_mut(|d| d.insert_temp(audience_shown_id(), true));
    }
    response
}

/// True when an audience heat map was drawn since the last call (the app asks once a frame).
pub fn take_audience_shown(ctx: &egui::Context) -> bool {
    ctx.data_mut(|d| d.remove_temp::<bool>(audience_shown_id()))
        .unwrap_or(false)
}

/// Paints `values` (168 values, Monday 00:00 first) as a heat map that fills the available width;
/// hovering a cell tells its day, hour and value followed by `unit` (`active followers`).
pub fn hour_of_week_heat_map(ui: &mut egui::Ui, values: &[f64; 168], unit: &str) -> egui::Response {
    let width = ui
        .available_width()
        .clamp(24.0 * 14.0 + LABEL_WIDTH, 24.0 * 40.0 + LABEL_WIDTH);
    let cell_w = (width - LABEL_WIDTH) / 24.0;
    let height = HEADER_HEIGHT + 7.0 * CELL_HEIGHT;
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let palette = theme::palette(ui);
    let low = ui.visuals().faint_bg_color;
    let high = palette.accent;
    let text = palette.muted;
    let font = FontId::proportional(11.0);
    let max = values.iter().copied().fold(0.0_f64, f64::max);
    let painter = ui.painter_at(rect);

    let cell_rect = |day: usize, hour: usize| {
        let min = Pos2::new(
            rect.left() + LABEL_WIDTH + hour as f32 * cell_w,
            rect.top() + HEADER_HEIGHT + day as f32 * CELL_HEIGHT,
        );
        Rect::from_min_size(min, vec2(cell_w - GAP, CELL_HEIGHT - GAP))
    };

    for hour in (0..24).step_by(3) {
        let x = rect.left() + LABEL_WIDTH + hour as f32 * cell_w;
        let pos = Pos2::new(x, rect.top());
        painter.text(
            pos,
            egui::Align2::LEFT_TOP,
            format!("{hour:02}"),
            font.clone(),
            text,
        );
    }
    for (day, name) in DAYS.iter().enumerate() {
        let y = rect.top() + HEADER_HEIGHT + day as f32 * CELL_HEIGHT + CELL_HEIGHT / 2.0;
        let pos = Pos2::new(rect.left(), y);
        painter.text(pos, egui::Align2::LEFT_CENTER, name, font.clone(), text);
        for hour in 0..24 {
            let value = values[day * 24 + hour];
            let t = if max > 0.0 { (value / max) as f32 } else { 0.0 };
            let fill = low.lerp_to_gamma(high, t.clamp(0.0, 1.0));
            painter.rect_filled(cell_rect(day, hour), CornerRadius::same(3), fill);
        }
    }

    if let Some(pointer) = response.hover_pos() {
        let hour = ((pointer.x - rect.left() - LABEL_WIDTH) / cell_w).floor();
        let day = ((pointer.y - rect.top() - HEADER_HEIGHT) / CELL_HEIGHT).floor();
        if (0.0..24.0).contains(&hour) && (0.0..7.0).contains(&day) {
            let (day, hour) = (day as usize, hour as usize);
            painter.rect_stroke(
                cell_rect(day, hour),
                CornerRadius::same(3),
                Stroke::new(1.5, ui.visuals().strong_text_color()),
                egui::StrokeKind::Outside,
            );
            let value = values[day * 24 + hour].round() as i64;
            let tip = format!(
                "{} {hour:02}:00–{:02}:00\n{} {unit}",
                DAYS[day],
                (hour + 1) % 24,
                thousands(value)
            );
            response.clone().on_hover_text_at_pointer(tip);
        }
    }
    response
}

/// A small "less ... more" scale under a heat map.
pub fn heat_map_legend(ui: &mut egui::Ui) {
    let low = ui.visuals().faint_bg_color;
    let high = theme::palette(ui).accent;
    ui.horizontal(|ui| {
        ui.label(theme::muted(ui, "less"));
        for step in 0..6 {
            let (rect, _) = ui.allocate_exact_size(vec2(14.0, 12.0), Sense::hover());
            let fill: Color32 = low.lerp_to_gamma(high, step as f32 / 5.0);
            ui.painter().rect_filled(rect, CornerRadius::same(2), fill);
        }
        ui.label(theme::muted(ui, "more"));
    });
}
