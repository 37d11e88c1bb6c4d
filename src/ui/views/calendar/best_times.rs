//! The best times to post: the account's hour-of-week audience profile as a heat map in its
//! zone, with how many weeks of FollowerActivity imports it rests on; with too little data, the
//! general prior from published best-time studies, labelled as such and never as the
//! account's own.

use eframe::egui::{self, RichText};

use super::data::CalendarData;
use crate::ui::theme;
use crate::ui::widgets::heat_map::{
    audience_hours_heat_map, heat_map_legend, hour_of_week_heat_map,
};

pub fn ui(ui: &mut egui::Ui, data: &CalendarData) {
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let source = data.best.source;
        if source.is_prior() {
            ui.label(
                RichText::new("General prior, not your audience")
                    .strong()
                    .color(theme::palette(ui).warn),
            );
            ui.label(theme::muted(ui, source.label()));
            ui.label(theme::muted(
                ui,
                "Import TikTok Studio's FollowerActivity report for a few weeks to see when your \
                 own followers are online.",
            ));
            let percent = data.best.weights().map(|w| w * 100.0);
            hour_of_week_heat_map(ui, &percent, "% of an average hour (general prior)");
        } else {
            ui.label(
                RichText::new(format!(
                    "Your audience · rests on {} of follower activity",
                    crate::text::plural(data.profile.weeks as usize, "week", "weeks")
                ))
                .strong(),
            );
            ui.label(theme::muted(ui, source.label()));
            audience_hours_heat_map(ui, &data.profile.mean_active, "active followers");
        }
        ui.horizontal(|ui| {
            heat_map_legend(ui);
            ui.label(theme::muted(
                ui,
                format!(
                    "Hours in {}. The week view shades each day's three best hours.",
                    data.zone.name()
                ),
            ));
        });
    });
}
