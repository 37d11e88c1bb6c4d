//! Best time to post: the chosen draft's predicted median first-day views for each of the 168
//! hours of this week in the account's zone, beside the audience's measured activity (mean
//! active followers by hour of the week from the FollowerActivity imports).

use eframe::egui;

use crate::ui::theme;
use crate::ui::widgets::empty_state::empty_state;
use crate::ui::widgets::heat_map::{
    audience_hours_heat_map, heat_map_legend, hour_of_week_heat_map,
};

pub fn week_ui(
    ui: &mut egui::Ui,
    predicted: &[f64; 168],
    audience: Option<&[f64; 168]>,
    weeks: u32,
    zone: &str,
) {
    ui.label(theme::muted(
        ui,
        format!(
            "Hours in {zone}, Monday first. Hover a cell for its number. Timing moves mostly the \
             first day: the 30-day total barely changes."
        ),
    ));
    ui.columns(2, |cols| {
        cols[0].label(egui::RichText::new("Predicted median views after 24 h").strong());
        hour_of_week_heat_map(&mut cols[0], predicted, "views after 24 h (median)");
        cols[1].label(egui::RichText::new("Audience activity").strong());
        match audience {
            Some(activity) => {
                audience_hours_heat_map(&mut cols[1], activity, "active followers (mean)");
                let note = format!("Measured over {weeks} weeks of FollowerActivity imports.");
                cols[1].label(theme::muted(&cols[1], note));
            }
            None => empty_state(
                &mut cols[1],
                "No audience activity yet",
                "Import the Followers export (FollowerActivity.csv); until then every hour \
                 counts the same.",
            ),
        }
    });
    heat_map_legend(ui);
}
