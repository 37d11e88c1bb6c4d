//! The chosen draft's forecast: the confidence badge, P10/P50/P90 views at 1 h, 24 h, 7 days
//! and 30 days, the chance of passing a number of views the user types, the percentile among
//! the account's own videos and the predicted engagement rates. Numbers come from the last
//! forecast; changing X reads the forecast's own paths, so it answers at once.

use chrono_tz::Tz;
use eframe::egui::{self, RichText};

use super::band::band_plot;
use super::worker::DraftForecast;
use crate::model::{Confidence, EngagementRates, Forecast};
use crate::ui::theme;
use crate::ui::widgets::format::{compact_count, percent, slot};

fn views(v: f64) -> String {
    compact_count(v.round() as i64)
}

/// The forecast card; `threshold` is the user's X (`None`: the account's typical reach).
pub fn forecast_ui(
    ui: &mut egui::Ui,
    shown: &DraftForecast,
    zone: Tz,
    threshold: &mut Option<f64>,
) {
    let f = &shown.forecast;
    let when = slot(shown.at.with_timezone(&zone));
    ui.label(
        RichText::new(format!(
            "“{}” posted {when} ({})",
            shown.draft.display_title(),
            shown.source.label()
        ))
        .strong(),
    );
    confidence_badge(ui, &f.confidence);
    if !f.recommended {
        ui.label(theme::error_text(
            ui,
            "The checks find duplicate, spam or disturbing content: For You is not expected to \
             recommend it, so this forecast counts followers only. Fix the findings in Drafts.",
        ));
    }
    ui.add_space(theme::SPACE_S);
    // The numbers take the width they need; the chart goes beside them when the rest of the
    // card has room for it, else under them (never over them, as fixed halves did).
    let mut beside = false;
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_max_width(NUMBERS_WIDTH);
            numbers(ui, f, threshold);
        });
        if ui.available_width() >= CHART_MIN_WIDTH + theme::SPACE_L {
            ui.add_space(theme::SPACE_L);
            ui.vertical(|ui| band_plot(ui, f));
            beside = true;
        }
    });
    if !beside {
        ui.add_space(theme::SPACE_M);
        band_plot(ui, f);
    }
}

/// The widest the numbers' column wraps its sentences at.
const NUMBERS_WIDTH: f32 = 470.0;
/// The narrowest the chart is drawn beside the numbers.
const CHART_MIN_WIDTH: f32 = 300.0;

/// P10/P50/P90 per horizon, the chance of more than X, the percentile and the rates.
fn numbers(ui: &mut egui::Ui, f: &Forecast, threshold: &mut Option<f64>) {
    horizons(ui, f);
    ui.add_space(theme::SPACE_M);
    above(ui, f, threshold);
    if let Some(pct) = f.percentile {
        ui.label(format!(
            "The median beats {pct:.0}% of the account's own videos (views at 30 days)."
        ));
    }
    ui.add_space(theme::SPACE_M);
    rates(ui, &f.rates);
}

/// "based on 86 of your videos" in green, a short history in blue, the prior in amber.
fn confidence_badge(ui: &mut egui::Ui, c: &Confidence) {
    let p = theme::palette(ui);
    let tint = if c.prior_only {
        p.warn
    } else if c.advice.is_some() {
        p.info
    } else {
        p.ok
    };
    ui.horizontal(|ui| {
        theme::chip(ui, &c.label, tint);
        if let Some(advice) = &c.advice {
            ui.label(theme::muted(ui, advice));
        }
    });
}

fn horizons(ui: &mut egui::Ui, f: &Forecast) {
    egui::Grid::new("reach-horizons")
        .num_columns(4)
        .striped(true)
        .spacing([theme::SPACE_L, theme::SPACE_S])
        .show(ui, |ui| {
            for title in ["Views after", "P10", "P50", "P90"] {
                ui.label(RichText::new(title).strong());
            }
            ui.end_row();
            for h in &f.horizons {
                ui.label(h.label);
                ui.label(views(h.views.p10));
                ui.label(RichText::new(views(h.views.p50)).strong());
                ui.label(views(h.views.p90));
                ui.end_row();
            }
        });
    ui.label(theme::muted(
        ui,
        "1 in 10 such videos get fewer than P10, half get more than P50, 1 in 10 more than P90.",
    ));
}

fn above(ui: &mut egui::Ui, f: &Forecast, threshold: &mut Option<f64>) {
    let mut x = threshold.unwrap_or(f.threshold);
    ui.horizontal(|ui| {
        let label = ui.label("Chance of more than").id;
        let speed = (x * 0.01).max(1.0);
        let drag = egui::DragValue::new(&mut x)
            .range(0.0..=1e10)
            .speed(speed)
            .max_decimals(0)
            .suffix(" views");
        if ui.add(drag).labelled_by(label).changed() {
            *threshold = Some(x);
        }
        ui.label("after 30 days:");
        ui.label(RichText::new(percent(f.prob_above(x))).strong());
    });
}

fn rates(ui: &mut egui::Ui, r: &EngagementRates) {
    ui.label(RichText::new("Predicted per view").strong());
    egui::Grid::new("reach-rates")
        .num_columns(4)
        .spacing([theme::SPACE_L, theme::SPACE_S])
        .show(ui, |ui| {
            let cells = [
                ("Plays past the opening", r.play),
                ("Share watched", r.watch_share),
                ("Watched to the end", r.complete),
                ("Like rate", r.like),
                ("Comment rate", r.comment),
                ("Share rate", r.share),
                ("Save rate", r.save),
                ("Not interested", r.negative),
            ];
            for pair in cells.chunks(2) {
                for (name, value) in pair {
                    ui.label(theme::muted(ui, *name));
                    ui.label(percent(*value));
                }
                ui.end_row();
            }
        });
}
