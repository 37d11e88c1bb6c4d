//! The charts the analytics and reach views share: a daily line over dates, views against
//! posting date on a log scale, audience shares as bars, and a headline number with its caption.
//! Charts are static (no zoom or drag) so the page scrolls under the mouse wheel, and every axis
//! reads in the user's units (`12 May`, `12.3K`). They draw what they are given and never read
//! the workspace.

use eframe::egui::{self, Color32, RichText};
use egui_plot::{
    Corner, GridInput, GridMark, HLine, HoverPosition, Legend, Line, LineStyle, Plot, PlotPoint,
    PlotPoints, Points,
};

use super::format::{compact_count, date_axis_label, day_number_date, long_date, percent};
use crate::domain::AudienceShare;
use crate::ui::theme;

/// A plot with the window's static chart settings and a date x axis (x = [`day_number`]s).
///
/// [`day_number`]: super::format::day_number
fn static_plot(id: impl std::hash::Hash + std::fmt::Debug, height: f32) -> Plot<'static> {
    Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .x_axis_formatter(|mark, range| date_axis_label(mark.value, range.end() - range.start()))
        .x_grid_spacer(date_grid)
}

/// Day number 4 is Monday 5 January 1970: weekly grid lines fall on Mondays.
const A_MONDAY: f64 = 4.0;

/// Grid lines on whole days, weeks or multiples of four weeks, at least ~70 points apart so
/// every line gets a readable date.
fn date_grid(input: GridInput) -> Vec<GridMark> {
    // `base_step_size` is the plot distance of egui_plot's smallest grid spacing (8 points).
    let min_step = input.base_step_size * 70.0 / 8.0;
    let step = [1.0, 2.0, 7.0, 14.0, 28.0, 56.0, 84.0, 182.0, 364.0]
        .into_iter()
        .find(|s| *s >= min_step)
        .unwrap_or(728.0);
    let offset = if step >= 7.0 { A_MONDAY } else { 0.0 };
    let (low, high) = input.bounds;
    let first = ((low - offset) / step).ceil() * step + offset;
    let mut marks = Vec::new();
    let mut value = first;
    while value <= high && marks.len() < 200 {
        marks.push(GridMark {
            value,
            step_size: step,
        });
        value += step;
    }
    marks
}

/// The plot position under the pointer, near a data point or not.
pub fn hovered(pos: &HoverPosition<'_>) -> PlotPoint {
    match pos {
        HoverPosition::NearDataPoint { position, .. } => *position,
        HoverPosition::Elsewhere { position } => *position,
    }
}

/// A titled line of one daily series; `points` are (day number, value). Says so when empty.
pub fn daily_line_chart(
    ui: &mut egui::Ui,
    title: &str,
    unit: &str,
    points: &[[f64; 2]],
    colour: Color32,
) {
    ui.label(
        RichText::new(title)
            .text_style(theme::subheading())
            .strong(),
    );
    if points.is_empty() {
        let note = format!("No daily {unit} in the imported exports yet.");
        ui.label(theme::muted(ui, note));
        return;
    }
    let unit = unit.to_string();
    static_plot(("daily-line", title), 200.0)
        .y_axis_formatter(|mark, _| compact_count(mark.value.round() as i64))
        .label_formatter(move |pos| {
            let p = hovered(pos);
            let value = compact_count(p.y.round() as i64);
            Some(format!("{}\n{value} {unit}", day_number_date(p.x)))
        })
        .show(ui, |plot| {
            let line = Line::new(title, PlotPoints::new(points.to_vec()));
            plot.add(line.color(colour).width(1.8));
        });
}

/// Views against posting date: `points` are (day number, log10 views); a dashed line marks the
/// median views.
pub fn views_scatter(ui: &mut egui::Ui, points: &[[f64; 2]], median_views: f64) {
    let palette = theme::palette(ui);
    static_plot("views-scatter", 260.0)
        .legend(Legend::default().position(Corner::RightTop))
        .x_axis_label("Posted")
        .y_axis_label("Views (log scale)")
        .y_axis_formatter(|mark, _| compact_count(10f64.powf(mark.value).round() as i64))
        .label_formatter(|pos| {
            let p = hovered(pos);
            let views = compact_count(10f64.powf(p.y).round() as i64);
            Some(format!("{}\n{views} views", day_number_date(p.x)))
        })
        .show(ui, |plot| {
            let videos = Points::new("Videos", points.to_vec());
            plot.add(videos.radius(3.0).color(palette.accent));
            let median = HLine::new("Median views", median_views.max(1.0).log10());
            plot.add(median.color(palette.muted).style(LineStyle::dashed_loose()));
        });
}

/// One audience breakdown (gender, territories) as labelled bars, largest share first.
pub fn share_bars(ui: &mut egui::Ui, title: &str, shares: &[AudienceShare]) {
    ui.label(RichText::new(title).strong());
    let Some(first) = shares.first() else {
        ui.label(theme::muted(
            ui,
            "Not imported yet (the Followers ZIP has it).",
        ));
        return;
    };
    let as_of = format!("As of {}", long_date(first.captured_on));
    ui.label(theme::muted(ui, as_of));
    egui::Grid::new(("share-bars", title))
        .num_columns(2)
        .spacing([theme::SPACE_M, theme::SPACE_S])
        .show(ui, |ui| {
            for share in shares {
                ui.label(&share.key);
                let bar = egui::ProgressBar::new(share.share.clamp(0.0, 1.0) as f32)
                    .desired_width(200.0)
                    .text(percent(share.share));
                ui.add(bar);
                ui.end_row();
            }
        });
}

/// A headline number with its caption, in a card that sits beside others.
pub fn stat_card(ui: &mut egui::Ui, value: &str, caption: &str) {
    theme::card(ui).show(ui, |ui| {
        ui.set_min_width(130.0);
        ui.vertical(|ui| {
            ui.label(RichText::new(value).size(22.0).strong());
            ui.label(theme::muted(ui, caption));
        });
    });
}
