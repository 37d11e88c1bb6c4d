//! The views-over-time band of a forecast: P10 to P90 filled, P50 as a line, from 1 hour to
//! 30 days after posting. Both axes are logarithmic (x = log10 hours, y = log10 views), read
//! back as `1 h`, `1 d`, `7 d`, `30 d` and `12.3K`. Static, so the page scrolls under it.

use eframe::egui;
use egui_plot::{FilledArea, GridMark, Legend, Line, Plot, PlotPoints};

use crate::model::Forecast;
use crate::ui::theme;
use crate::ui::widgets::charts::hovered;
use crate::ui::widgets::format::compact_count;

fn hours_label(log_hours: f64) -> String {
    let h = 10f64.powf(log_hours);
    if h < 23.5 {
        format!("{:.0} h", h)
    } else {
        format!("{:.0} d", h / 24.0)
    }
}

/// Grid lines at 1 h, 6 h, 1 d, 3 d, 7 d and 30 d.
fn time_marks(_: egui_plot::GridInput) -> Vec<GridMark> {
    [1.0, 6.0, 24.0, 72.0, 168.0, 720.0]
        .into_iter()
        .map(|h: f64| GridMark {
            value: h.log10(),
            step_size: 1.0,
        })
        .collect()
}

pub fn band_plot(ui: &mut egui::Ui, f: &Forecast) {
    let p = theme::palette(ui);
    let log = |v: f64| v.max(1.0).log10();
    let xs: Vec<f64> = f.curve.iter().map(|q| q.hours.log10()).collect();
    let lo: Vec<f64> = f.curve.iter().map(|q| log(q.p10)).collect();
    let hi: Vec<f64> = f.curve.iter().map(|q| log(q.p90)).collect();
    let mid: Vec<[f64; 2]> = f
        .curve
        .iter()
        .map(|q| [q.hours.log10(), log(q.p50)])
        .collect();
    ui.label(egui::RichText::new("Views over time").strong());
    Plot::new("reach-band")
        .height(220.0)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .x_axis_label("Time since posting (log scale)")
        .y_axis_label("Views (log scale)")
        .x_axis_formatter(|mark, _| hours_label(mark.value))
        .x_grid_spacer(time_marks)
        .y_axis_formatter(|mark, _| compact_count(10f64.powf(mark.value).round() as i64))
        .label_formatter(|pos| {
            let point = hovered(pos);
            let views = compact_count(10f64.powf(point.y).round() as i64);
            Some(format!("{}\n{views} views", hours_label(point.x)))
        })
        .show(ui, |plot| {
            let band = FilledArea::new("P10 to P90", &xs, &lo, &hi);
            plot.add(band.fill_color(p.accent.gamma_multiply(0.25)));
            let median = Line::new("P50", PlotPoints::new(mid));
            plot.add(median.color(p.accent).width(2.0));
        });
}
