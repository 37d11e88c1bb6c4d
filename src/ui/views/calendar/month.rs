//! The month: six weeks of day cells (Monday first) around the focused month, each planned post
//! a chip with its time and title, "+N more" when a day holds more than its cell, busy days
//! marked, and the trend windows as thin bands along each week.

use chrono::{Datelike, Days, NaiveDate};
use eframe::egui::{
    self, CornerRadius, FontId, Id, Rect, Sense, Stroke, StrokeKind, accesskit::Role, pos2, vec2,
};

use super::data::CalendarData;
use super::paint;
use super::predictions::Predictions;
use crate::domain::{DraftId, PlanEntryId};
use crate::ui::theme;
use crate::ui::widgets::heat_map::DAYS;

const HEADER_HEIGHT: f32 = 20.0;
const MIN_CELL_HEIGHT: f32 = 72.0;
const DATE_HEIGHT: f32 = 18.0;
const CHIP_HEIGHT: f32 = 16.0;
const CHIP_GAP: f32 = 2.0;
const BAND_HEIGHT: f32 = 12.0;
const MAX_BANDS: usize = 2;

/// What the user did in the month.
#[derive(Debug, Default)]
pub struct MonthOutput {
    /// "+N more" or a date was clicked: show that date's week.
    pub show_week: Option<NaiveDate>,
    pub open: Option<DraftId>,
    pub select: Option<PlanEntryId>,
}

/// `+3 more`: the accessible name of a day's overflow.
pub fn more_label(n: usize) -> String {
    format!("+{n} more")
}

pub fn ui(
    ui: &mut egui::Ui,
    data: &CalendarData,
    start: NaiveDate,
    month: u32,
    today: NaiveDate,
    selected: Option<PlanEntryId>,
    predictions: &Predictions,
) -> MonthOutput {
    let mut out = MonthOutput::default();
    let palette = theme::palette(ui);
    let width = ui.available_width().max(7.0 * 90.0);
    let col_w = width / 7.0;
    let (header, _) = ui.allocate_exact_size(vec2(width, HEADER_HEIGHT), Sense::hover());
    for (i, name) in DAYS.iter().enumerate() {
        ui.painter().text(
            pos2(header.left() + (i as f32 + 0.5) * col_w, header.center().y),
            egui::Align2::CENTER_CENTER,
            *name,
            FontId::proportional(12.0),
            palette.muted,
        );
    }
    let cell_h = ((ui.available_height() - 4.0) / 6.0).max(MIN_CELL_HEIGHT);
    egui::ScrollArea::vertical()
        .id_salt("calendar-month")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let (grid, _) = ui.allocate_exact_size(vec2(width, 6.0 * cell_h), Sense::hover());
            for week in 0..6u64 {
                let monday = start + Days::new(week * 7);
                let sunday = monday + Days::new(6);
                let bands: Vec<_> = data
                    .windows
                    .iter()
                    .filter_map(|w| Some((w, w.dates(data.zone, monday, sunday)?)))
                    .take(MAX_BANDS)
                    .collect();
                let row_top = grid.top() + week as f32 * cell_h;
                for day in 0..7u64 {
                    let date = monday + Days::new(day);
                    let cell = Rect::from_min_size(
                        pos2(grid.left() + day as f32 * col_w, row_top),
                        vec2(col_w, cell_h),
                    )
                    .shrink(1.0);
                    let reserved = bands.len() as f32 * BAND_HEIGHT;
                    cell_ui(
                        ui,
                        data,
                        cell,
                        date,
                        month,
                        today,
                        reserved,
                        selected,
                        predictions,
                        &mut out,
                    );
                }
                for (row, (window, (from, to))) in bands.iter().enumerate() {
                    let first = (*from - monday).num_days() as f32;
                    let last = (*to - monday).num_days() as f32;
                    let bottom = row_top + cell_h - 2.0 - row as f32 * BAND_HEIGHT;
                    let band = Rect::from_min_max(
                        pos2(
                            grid.left() + first * col_w + 3.0,
                            bottom - BAND_HEIGHT + 1.0,
                        ),
                        pos2(grid.left() + (last + 1.0) * col_w - 3.0, bottom),
                    );
                    let id = Id::unique(("month-band", week, row));
                    paint::band(
                        ui,
                        band,
                        id,
                        window,
                        data.zone,
                        window.fades_by(data.zone, sunday),
                    );
                }
            }
        });
    out
}

#[allow(clippy::too_many_arguments)]
fn cell_ui(
    ui: &mut egui::Ui,
    data: &CalendarData,
    cell: Rect,
    date: NaiveDate,
    month: u32,
    today: NaiveDate,
    reserved: f32,
    selected: Option<PlanEntryId>,
    predictions: &Predictions,
    out: &mut MonthOutput,
) {
    let palette = theme::palette(ui);
    let in_month = date.month() == month;
    let busy = data.busy_days.get(&date);
    let fill = if busy.is_some() {
        palette.warn.gamma_multiply(0.10)
    } else if in_month {
        palette.card
    } else {
        ui.visuals().faint_bg_color
    };
    let stroke = if date == today {
        Stroke::new(2.0, palette.accent)
    } else {
        Stroke::new(1.0, palette.line)
    };
    ui.painter().rect(
        cell,
        CornerRadius::same(4),
        fill,
        stroke,
        StrokeKind::Inside,
    );
    let number = if busy.is_some() {
        format!("⚠ {}", date.day())
    } else {
        date.day().to_string()
    };
    let colour = if busy.is_some() {
        palette.warn
    } else if in_month {
        ui.visuals().strong_text_color()
    } else {
        palette.muted
    };
    let date_rect = Rect::from_min_size(
        cell.min + vec2(6.0, 2.0),
        vec2(cell.width() - 12.0, DATE_HEIGHT - 2.0),
    );
    let date_response = ui.interact(date_rect, Id::unique(("month-date", date)), Sense::click());
    ui.painter().text(
        date_rect.left_center(),
        egui::Align2::LEFT_CENTER,
        number,
        FontId::proportional(12.5),
        colour,
    );
    let week_hint = format!("Show the week of {}", date.format("%a %-d %b"));
    let date_response = match busy {
        Some(why) => date_response.on_hover_text(format!("{why}\n{week_hint}")),
        None => date_response.on_hover_text(week_hint),
    };
    if date_response.clicked() {
        out.show_week = Some(date);
    }

    let room = cell.height() - DATE_HEIGHT - reserved - 4.0;
    let fits = ((room + CHIP_GAP) / (CHIP_HEIGHT + CHIP_GAP))
        .floor()
        .max(0.0) as usize;
    let entries: Vec<_> = data.on(date).collect();
    let shown = if entries.len() > fits {
        fits.saturating_sub(1)
    } else {
        entries.len()
    };
    let chip_w = cell.width() - 8.0;
    let mut y = cell.top() + DATE_HEIGHT;
    for (_, e) in entries.iter().take(shown) {
        let rect = Rect::from_min_size(pos2(cell.left() + 4.0, y), vec2(chip_w, CHIP_HEIGHT));
        let response = ui.interact(
            rect,
            Id::unique(("calendar-chip", e.entry.id.0)),
            Sense::click(),
        );
        let label = e.label.clone();
        response.widget_info(|| egui::WidgetInfo::labeled(Role::Button, true, &label));
        paint::entry_block(
            ui,
            rect,
            e,
            selected == Some(e.entry.id) || response.hovered(),
            None,
        );
        if response.clicked() {
            out.select = Some(e.entry.id);
        }
        if response.double_clicked() {
            out.open = Some(e.entry.draft);
        }
        response.on_hover_ui(|ui| paint::entry_tooltip(ui, e, predictions.of(&e.entry)));
        y += CHIP_HEIGHT + CHIP_GAP;
    }
    let hidden = entries.len() - shown;
    if hidden > 0 {
        let rect = Rect::from_min_size(pos2(cell.left() + 4.0, y), vec2(chip_w, CHIP_HEIGHT));
        let more = ui.put(
            rect,
            egui::Button::new(egui::RichText::new(more_label(hidden)).size(11.0)).frame(false),
        );
        if more
            .on_hover_text(format!("Show the week of {}", date.format("%a %-d %b")))
            .clicked()
        {
            out.show_week = Some(date);
        }
    }
}
