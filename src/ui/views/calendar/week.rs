//! The week: seven day columns by 24 hours of the account's clock, each planned post a block at
//! its time (status colour, subculture stripe, a warning edge for conflicts), the trend windows
//! as bands under the day headings, the audience's peak hours shaded, and a line at the
//! current time. Blocks can be dragged to another day and time (the ghost lists the cadence
//! conflicts the drop would cause); the drop snaps to 15 minutes and is handed back to the
//! view, which resolves the wall time (clock changes ask).

use chrono::{Datelike, Days, NaiveDate};
use eframe::egui::{
    self, Color32, CornerRadius, FontId, Id, Pos2, Rect, Sense, Stroke, StrokeKind,
    accesskit::Role, pos2, vec2,
};

use super::data::{CalEntry, CalendarData};
use super::drop_target::{drop_findings, target_instant};
use super::paint;
use super::predictions::{Predictions, Target};
use crate::domain::{DraftId, DraftStatus, PlanEntryId};
use crate::ui::theme;

/// Width of the hour labels on the left.
pub const GUTTER: f32 = 52.0;
/// Width of the viewer's hours beside the account's.
const VIEWER_GUTTER: f32 = 40.0;
/// The least height of an hour; below it the grid scrolls.
pub const MIN_HOUR_HEIGHT: f32 = 18.0;
/// Drops snap to this many minutes.
pub const SNAP_MINUTES: u32 = 15;
/// Height of the day headings.
const HEADER_HEIGHT: f32 = 24.0;
/// Height of one trend band.
const BAND_HEIGHT: f32 = 14.0;
/// Most trend bands shown at once.
const MAX_BANDS: usize = 3;
/// The last minute a post can start at (23:45).
const LAST_MINUTE: u32 = 24 * 60 - SNAP_MINUTES;

/// An entry dropped on another day or time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dropped {
    pub entry: PlanEntryId,
    pub date: NaiveDate,
    /// Minutes after local midnight, a multiple of [`SNAP_MINUTES`].
    pub minute: u32,
}

/// What the user did in the week.
#[derive(Debug, Default)]
pub struct WeekOutput {
    pub dropped: Option<Dropped>,
    /// Double-clicked: open the draft in the editor.
    pub open: Option<DraftId>,
    pub select: Option<PlanEntryId>,
    /// The post being dragged and the instant it would be posted at if dropped now.
    pub dragging: Option<Target>,
}

/// What the week draws besides the data.
pub struct WeekInput<'a> {
    pub data: &'a CalendarData,
    pub start: NaiveDate,
    pub today: NaiveDate,
    /// The account's current minute of the day.
    pub now_minute: u32,
    pub selected: Option<PlanEntryId>,
    pub predictions: &'a Predictions,
    /// `Tue 24 Mar 18:15` -> also the viewer's time (and the dragged post's own clock's, when
    /// it differs), for the drag label.
    pub target_label: &'a dyn Fn(&CalEntry, NaiveDate, u32) -> String,
}

/// Below this column width a day heading leaves out the month.
const NARROW_DAY: f32 = 96.0;

/// `Mon 23 Mar`: a day heading (also its accessible name).
pub fn day_heading(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

/// `02:00`: an hour label (also its accessible name).
pub fn hour_label(hour: u32) -> String {
    format!("{hour:02}:00")
}

/// The minute of a pointer height in the grid, snapped and clamped.
fn snapped_minute(y: f32, top: f32, hour_height: f32) -> u32 {
    let minutes = ((y - top) / hour_height * 60.0).max(0.0);
    let snapped = (minutes / SNAP_MINUTES as f32).round() as u32 * SNAP_MINUTES;
    snapped.min(LAST_MINUTE)
}

pub fn ui(ui: &mut egui::Ui, input: &WeekInput<'_>) -> WeekOutput {
    let mut out = WeekOutput::default();
    let data = input.data;
    let palette = theme::palette(ui);
    // A second column of hours, in the viewer's clock, when it reads differently.
    let gutter = if data.viewer_hours.is_some() {
        GUTTER + VIEWER_GUTTER
    } else {
        GUTTER
    };
    let width = ui.available_width().max(gutter + 7.0 * 60.0);
    let col_w = (width - gutter) / 7.0;
    let days: Vec<NaiveDate> = (0..7).map(|i| input.start + Days::new(i)).collect();
    let base_left = ui.cursor().left();
    let col_x = |i: usize| base_left + gutter + i as f32 * col_w;

    // Day headings.
    let (header, _) = ui.allocate_exact_size(vec2(width, HEADER_HEIGHT), Sense::hover());
    if data.viewer_hours.is_some() {
        let at = pos2(header.left() + GUTTER - 6.0, header.center().y);
        let hint = ui.put(
            Rect::from_min_size(at - vec2(0.0, 8.0), vec2(VIEWER_GUTTER, 16.0)),
            egui::Label::new(theme::muted(ui, "you").size(10.5)),
        );
        hint.on_hover_text("Your computer's clock at each of the account's hours");
    }
    // Narrow columns (the editor open beside the week) drop the month rather than wrap.
    let heading = |date: &NaiveDate| {
        if col_w < NARROW_DAY {
            date.format("%a %-d").to_string()
        } else {
            day_heading(*date)
        }
    };
    for (i, date) in days.iter().enumerate() {
        let rect = Rect::from_min_size(pos2(col_x(i), header.top()), vec2(col_w, HEADER_HEIGHT));
        let mut text = egui::RichText::new(heading(date)).strong();
        if *date == input.today {
            text = text.color(palette.accent);
        }
        let busy = data.busy_days.get(date);
        if busy.is_some() {
            text = egui::RichText::new(format!("⚠ {}", heading(date)))
                .strong()
                .color(palette.warn);
        }
        let r = ui.put(rect, egui::Label::new(text).truncate());
        match busy {
            Some(why) => r.on_hover_text(format!("{}: {why}", day_heading(*date))),
            None => r.on_hover_text(day_heading(*date)),
        };
    }

    // Trend windows.
    let bands: Vec<_> = data
        .windows
        .iter()
        .filter_map(|w| Some((w, w.dates(data.zone, days[0], days[6])?)))
        .take(MAX_BANDS)
        .collect();
    if !bands.is_empty() {
        let (rect, _) = ui.allocate_exact_size(
            vec2(width, bands.len() as f32 * BAND_HEIGHT),
            Sense::hover(),
        );
        for (row, (window, (from, to))) in bands.iter().enumerate() {
            let first = (*from - days[0]).num_days() as usize;
            let last = (*to - days[0]).num_days() as usize;
            let band = Rect::from_min_max(
                pos2(
                    col_x(first) + 2.0,
                    rect.top() + row as f32 * BAND_HEIGHT + 1.0,
                ),
                pos2(
                    col_x(last) + col_w - 2.0,
                    rect.top() + (row + 1) as f32 * BAND_HEIGHT - 1.0,
                ),
            );
            let id = Id::unique(("trend-band", row, &window.label));
            paint::band(
                ui,
                band,
                id,
                window,
                data.zone,
                window.fades_by(data.zone, days[6]),
            );
        }
    }

    // The hour grid.
    let hour_height = ((ui.available_height() - 4.0) / 24.0).max(MIN_HOUR_HEIGHT);
    egui::ScrollArea::vertical()
        .id_salt("calendar-week")
        .auto_shrink([false, false])
        .scroll_source(
            egui::scroll_area::ScrollSource::SCROLL_BAR
                | egui::scroll_area::ScrollSource::MOUSE_WHEEL,
        )
        .show(ui, |ui| {
            let (grid, _) = ui.allocate_exact_size(vec2(width, 24.0 * hour_height), Sense::hover());
            let left = grid.left() + gutter;
            let x = |i: usize| left + i as f32 * col_w;
            let y = |minute: u32| grid.top() + minute as f32 / 60.0 * hour_height;
            let painter = ui.painter_at(grid);
            // Columns: today tinted, audience peaks shaded.
            for (i, date) in days.iter().enumerate() {
                let column =
                    Rect::from_min_size(pos2(x(i), grid.top()), vec2(col_w, grid.height()));
                if *date == input.today {
                    painter.rect_filled(column, 0.0, palette.accent.gamma_multiply(0.05));
                }
                let weekday = date.weekday().num_days_from_monday() as usize;
                for hour in 0..24u32 {
                    let how = (weekday * 24 + hour as usize) as u8;
                    if data.best.is_peak(how, 3) {
                        let cell =
                            Rect::from_min_size(pos2(x(i), y(hour * 60)), vec2(col_w, hour_height));
                        painter.rect_filled(cell, 0.0, palette.ok.gamma_multiply(0.07));
                    }
                }
                painter.vline(x(i), grid.y_range(), Stroke::new(1.0, palette.line));
            }
            for hour in 0..24u32 {
                let line_y = y(hour * 60);
                painter.hline(left..=grid.right(), line_y, Stroke::new(1.0, palette.line));
                let label =
                    Rect::from_min_size(pos2(grid.left(), line_y), vec2(GUTTER - 6.0, 14.0));
                ui.put(
                    label,
                    egui::Label::new(theme::muted(ui, hour_label(hour)).size(11.0)),
                );
                if let Some(viewer) = &data.viewer_hours {
                    painter.text(
                        pos2(grid.left() + GUTTER - 2.0, line_y + 1.0),
                        egui::Align2::LEFT_TOP,
                        &viewer[hour as usize],
                        FontId::proportional(10.0),
                        palette.muted.gamma_multiply(0.8),
                    );
                }
            }
            // The current time.
            if let Some(i) = days.iter().position(|d| *d == input.today) {
                let now_y = y(input.now_minute);
                painter.hline(x(i)..=x(i) + col_w, now_y, Stroke::new(2.0, palette.accent));
                painter.circle_filled(pos2(x(i), now_y), 4.0, palette.accent);
            }
            // Posts.
            let block_h = (hour_height * 0.75).max(16.0);
            for (i, date) in days.iter().enumerate() {
                let lanes = lanes(data.on(*date).map(|(_, e)| y(e.minute)), block_h);
                let count = lanes.iter().copied().max().map_or(1, |m| m + 1);
                let lane_w = (col_w - 4.0) / count as f32;
                for ((_, e), lane) in data.on(*date).zip(lanes) {
                    let rect = Rect::from_min_size(
                        pos2(x(i) + 2.0 + lane as f32 * lane_w, y(e.minute)),
                        vec2(lane_w - 1.0, block_h),
                    );
                    block(
                        ui,
                        rect,
                        e,
                        input,
                        &mut out,
                        |pointer_x, top| {
                            let day = ((pointer_x - left) / col_w).floor().clamp(0.0, 6.0) as usize;
                            (days[day], snapped_minute(top, grid.top(), hour_height))
                        },
                        (x(0), col_w, grid.top(), hour_height),
                    );
                }
            }
        });
    out
}

/// Lane of each block (tops in time order) so overlapping blocks sit side by side.
fn lanes(tops: impl Iterator<Item = f32>, height: f32) -> Vec<usize> {
    let mut ends: Vec<f32> = Vec::new();
    tops.map(|top| {
        if let Some(lane) = ends.iter().position(|end| *end <= top) {
            ends[lane] = top + height;
            lane
        } else {
            ends.push(top + height);
            ends.len() - 1
        }
    })
    .collect()
}

/// One post's block: drawn, hoverable, double-click to open, draggable to move.
fn block(
    ui: &mut egui::Ui,
    rect: Rect,
    e: &CalEntry,
    input: &WeekInput<'_>,
    out: &mut WeekOutput,
    target: impl Fn(f32, f32) -> (NaiveDate, u32),
    (left, col_w, grid_top, hour_height): (f32, f32, f32, f32),
) {
    let id = Id::unique(("calendar-entry", e.entry.id.0));
    let response = ui.interact(rect, id, Sense::click_and_drag());
    let label = e.label.clone();
    response.widget_info(|| egui::WidgetInfo::labeled(Role::Button, true, &label));
    let selected = input.selected == Some(e.entry.id);
    let predicted = input.predictions.of(&e.entry);
    paint::entry_block(ui, rect, e, selected || response.hovered(), predicted);
    if response.clicked() {
        out.select = Some(e.entry.id);
    }
    if response.double_clicked() {
        out.open = Some(e.entry.draft);
    }
    let dragging = response.dragged() || response.drag_stopped();
    if !dragging {
        response.on_hover_ui(|ui| paint::entry_tooltip(ui, e, predicted));
        return;
    }
    // The target is kept from frame to frame: the pointer may be gone when the button is
    // released.
    let memory = id.with("target");
    let pointer = ui.ctx().pointer_latest_pos();
    let origin = ui.input(|i| i.pointer.press_origin());
    let current = pointer.zip(origin).map(|(pointer, origin)| {
        let top = rect.top() + (pointer.y - origin.y);
        target(pointer.x, top)
    });
    if response.drag_stopped() {
        let last = ui.data_mut(|d| d.remove_temp::<(NaiveDate, u32)>(memory));
        if let Some((date, minute)) = current.or(last)
            && (date, minute) != (e.date, e.minute)
        {
            out.dropped = Some(Dropped {
                entry: e.entry.id,
                date,
                minute,
            });
        }
        return;
    }
    let Some((date, minute)) = current else {
        return;
    };
    ui.data_mut(|d| d.insert_temp(memory, (date, minute)));
    // While dragging: a ghost at the target with its time.
    let day = (date - input.start).num_days() as f32;
    let ghost = Rect::from_min_size(
        Pos2::new(
            left + day * col_w + 2.0,
            grid_top + minute as f32 / 60.0 * hour_height,
        ),
        vec2(col_w - 4.0, rect.height()),
    );
    let palette = theme::palette(ui);
    let painter = ui
        .ctx()
        .layer_painter(egui::LayerId::new(egui::Order::Tooltip, id.with("ghost")));
    painter.rect(
        ghost,
        CornerRadius::same(4),
        palette.accent.gamma_multiply(0.25),
        Stroke::new(2.0, palette.accent),
        StrokeKind::Inside,
    );
    let text = (input.target_label)(e, date, minute);
    let galley = painter.layout_no_wrap(text, FontId::proportional(12.0), Color32::WHITE);
    let at = ghost.left_top() - vec2(0.0, galley.size().y + 6.0);
    let bg = Rect::from_min_size(at, galley.size() + vec2(8.0, 4.0));
    painter.rect_filled(bg, CornerRadius::same(3), palette.accent);
    painter.galley(at + vec2(4.0, 2.0), galley, Color32::WHITE);
    let mut y = ghost.bottom() + 4.0;
    if let Some(at) = target_instant(input.data, date, minute)
        && e.status.is_some_and(|s| s != DraftStatus::Posted)
    {
        out.dragging = Some((e.entry.id, e.entry.draft, at));
        let range = match input.predictions.at(e.entry.id, at) {
            Some(range) => format!("Predicted here: {range}"),
            None => "Predicting the range here…".to_string(),
        };
        let galley = painter.layout_no_wrap(range, FontId::proportional(12.0), Color32::WHITE);
        let bg = Rect::from_min_size(pos2(ghost.left(), y), galley.size() + vec2(8.0, 4.0));
        painter.rect_filled(bg, CornerRadius::same(3), palette.accent);
        painter.galley(bg.min + vec2(4.0, 2.0), galley, Color32::WHITE);
        y = bg.bottom() + 2.0;
    }
    let findings = drop_findings(input.data, e, date, minute);
    for line in findings {
        let galley = painter.layout(
            format!("⚠ {line}"),
            FontId::proportional(12.0),
            Color32::WHITE,
            (col_w * 2.5).max(220.0),
        );
        let bg = Rect::from_min_size(pos2(ghost.left(), y), galley.size() + vec2(8.0, 4.0));
        painter.rect_filled(bg, CornerRadius::same(3), palette.warn);
        painter.galley(bg.min + vec2(4.0, 2.0), galley, Color32::WHITE);
        y = bg.bottom() + 2.0;
    }
    ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
}
