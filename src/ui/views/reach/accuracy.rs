//! How far to trust the numbers: the model's walk-forward accuracy on this account (each past
//! video predicted from only the ones posted before it, at the age it was measured), beside
//! the baseline "median of the earlier videos", and the predicted-versus-actual scatter.

use eframe::egui::{self, RichText};
use egui_plot::{Legend, Line, Plot, PlotPoints, Points};

use super::worker::AccountAccuracy;
use crate::ui::theme;
use crate::ui::widgets::charts::hovered;
use crate::ui::widgets::format::{compact_count, percent};

fn fixed(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| format!("{v:.2}"))
}

pub fn accuracy_ui(ui: &mut egui::Ui, a: &AccountAccuracy) {
    let s = &a.summary;
    if s.videos_predicted == 0 {
        ui.label(theme::muted(
            ui,
            "Not enough posted videos yet: the backtest needs four or more measured videos.",
        ));
        return;
    }
    ui.label(theme::muted(
        ui,
        format!(
            "{} videos, each predicted from only the ones posted before it.",
            s.videos_predicted
        ),
    ));
    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        egui::Grid::new("reach-accuracy")
            .num_columns(3)
            .striped(true)
            .spacing([theme::SPACE_L, theme::SPACE_S])
            .show(ui, |ui| {
                for title in ["", "Model", "Median of earlier videos"] {
                    ui.label(RichText::new(title).strong());
                }
                ui.end_row();
                ui.label("Typical error (MAE of log10 views)");
                ui.label(fixed(s.mae_log10));
                ui.label(fixed(s.baseline_mae_log10));
                ui.end_row();
                ui.label("Inside P10–P90 (aim: 80%)");
                ui.label(s.coverage.map_or("–".into(), percent));
                ui.label("–");
                ui.end_row();
                ui.label("Rank correlation with actual views");
                ui.label(fixed(s.spearman));
                ui.label(fixed(s.baseline_spearman));
                ui.end_row();
            });
        ui.label(theme::muted(
            ui,
            "An error of 0.30 means a typical miss by a factor of 2 (10^0.3); lower is better. \
             Rank correlation: 1 orders the videos perfectly, 0 is no better than chance.",
        ));
        scatter(&mut cols[1], a);
    });
}

fn scatter(ui: &mut egui::Ui, a: &AccountAccuracy) {
    let p = theme::palette(ui);
    let inside: Vec<[f64; 2]> = a
        .points
        .iter()
        .filter(|(_, i)| *i)
        .map(|(x, _)| *x)
        .collect();
    let outside: Vec<[f64; 2]> = a
        .points
        .iter()
        .filter(|(_, i)| !*i)
        .map(|(x, _)| *x)
        .collect();
    let (lo, hi) = a
        .points
        .iter()
        .flat_map(|(x, _)| *x)
        .fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(v), h.max(v)));
    let axis = |mark: egui_plot::GridMark, _: &std::ops::RangeInclusive<f64>| {
        compact_count(10f64.powf(mark.value).round() as i64)
    };
    Plot::new("reach-accuracy-scatter")
        .height(220.0)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .data_aspect(1.0)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .x_axis_label("Predicted median (log scale)")
        .y_axis_label("Actual views (log scale)")
        .x_axis_formatter(axis)
        .y_axis_formatter(axis)
        .label_formatter(|pos| {
            let point = hovered(pos);
            let predicted = compact_count(10f64.powf(point.x).round() as i64);
            let actual = compact_count(10f64.powf(point.y).round() as i64);
            Some(format!("predicted {predicted}\nactual {actual}"))
        })
        .show(ui, |plot| {
            if lo <= hi {
                let diagonal = Line::new(
                    "Perfect prediction",
                    PlotPoints::new(vec![[lo, lo], [hi, hi]]),
                );
                plot.add(diagonal.color(p.muted));
            }
            plot.add(
                Points::new("Inside P10–P90", inside)
                    .radius(3.0)
                    .color(p.accent_2),
            );
            plot.add(Points::new("Outside", outside).radius(3.0).color(p.accent));
        });
}
