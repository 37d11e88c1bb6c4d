//! The drivers of a forecast as signed bars ("+35% median reach: trending sound"), largest
//! first, each with what it rests on ("based on 86 of your videos", "prior from general
//! guidance" or "from creators like you"): what a person controls first, the account's
//! momentum after it under its own heading, and a one-click what-if where it would gain reach:
//! a change to the draft (saved like an edit, undoable) or another posting time (tried here;
//! the plan itself is changed in the Calendar).

use eframe::egui::{self, CornerRadius, RichText, Sense, vec2};

use crate::model::{Basis, Driver, Feature, WhatIf};
use crate::ui::theme;

/// Width of the longest bar.
const BAR_WIDTH: f32 = 160.0;
/// Width of a driver's text beside its bar.
const TEXT_WIDTH: f32 = 560.0;

/// The button text of a what-if: draft changes start with `Apply:`, slot moves with `Try`.
pub fn what_if_text(what_if: &WhatIf) -> String {
    match what_if {
        WhatIf::UseSound { name, .. } => format!("Apply: use \"{name}\""),
        WhatIf::SetDuration { seconds } => format!("Apply: cut to {seconds:.0} s"),
        WhatIf::MakeVertical => "Apply: 9:16 vertical".into(),
        WhatIf::UseSurpriseOpening => "Apply: surprise opening".into(),
        WhatIf::AllowDuetAndStitch => "Apply: allow Duet and Stitch".into(),
        WhatIf::AddNativeFeatures => "Apply: add on-screen text".into(),
        WhatIf::MoveToSlot { .. } => "Try this time".into(),
    }
}

/// Draws the drivers; `threshold` is the number of views their change in chance is about (the
/// forecast's own). Returns the what-if the user clicked.
pub fn drivers_ui(ui: &mut egui::Ui, drivers: &[Driver], threshold: f64) -> Option<WhatIf> {
    if drivers.is_empty() {
        ui.label(theme::muted(
            ui,
            "No single change moves this forecast by more than half a percent.",
        ));
        return None;
    }
    let largest = drivers
        .iter()
        .map(|d| d.change_p50_pct.abs())
        .fold(1.0, f64::max);
    let mut clicked = None;
    let mut yours = true;
    for d in drivers
        .iter()
        .filter(|d| d.controllable)
        .chain(drivers.iter().filter(|d| !d.controllable))
    {
        if yours && !d.controllable {
            yours = false;
            ui.label(theme::muted(
                ui,
                "Not in your hands: your account's momentum",
            ));
        }
        ui.horizontal(|ui| {
            signed_bar(ui, d.change_p50_pct, largest);
            ui.vertical(|ui| {
                ui.set_width(TEXT_WIDTH.min(ui.available_width() - 200.0).max(200.0));
                let what = if d.horizon_hours < crate::model::FINAL_HOURS {
                    "median first-day views"
                } else {
                    "median reach"
                };
                let used = if d.in_use { " (in use)" } else { "" };
                let head = format!("{:+.0}% {what}: {}{used}", d.change_p50_pct, d.label);
                let hover = driver_hover(d);
                ui.label(RichText::new(head).strong()).on_hover_text(&hover);
                let points = 100.0 * d.change_prob_above;
                let detail = format!(
                    "{}; chance of more than {} views {points:+.0} points",
                    d.basis.text(),
                    crate::text::compact_count(threshold.round() as i64)
                );
                ui.label(theme::muted(ui, detail)).on_hover_text(&hover);
            });
            // A change the forecast says would lose reach is shown, not offered as a button.
            if let Some(w) = d.what_if.as_ref().filter(|_| d.change_p50_pct > 0.0)
                && ui.button(what_if_text(w)).clicked()
            {
                clicked = Some(w.clone());
            }
        });
        ui.add_space(theme::SPACE_S);
    }
    clicked
}

/// What a driver's size rests on, for its hover text: the seed article's prior (never a weight
/// TikTok published) or the account's own data.
pub fn driver_hover(d: &Driver) -> String {
    let seed = d.feature.map(Feature::seed_note);
    if !d.controllable {
        return format!(
            "{}: how your recent videos did against your own level (their trend, spread and \
             engagement), read through Scrollstop's reach model. A draft does not change it.",
            d.basis.text()
        );
    }
    match (d.basis, seed) {
        (Basis::Creators, _) => "From creators like you: Scrollstop's reach model learned across \
             a few hundred creators' public videos how this goes with reach against each \
             creator's own level. A pattern in others' results, not a weight TikTok published."
            .to_string(),
        (Basis::Prior, Some(seed)) => format!(
            "Prior from the seed article: {seed} None of your imported videos vary this choice \
                yet, so this is a weak starting point, not something TikTok published. It gives way \
                to your own results as you import more."
        ),
        (Basis::Prior, None) => {
            "Prior from general guidance: your imports do not say yet. TikTok publishes no weights \
                for this."
                .to_string()
        }
        (Basis::History { videos }, Some(seed)) => format!(
            "From {videos} of your videos: the model started from the seed article's prior \
                ({seed}) and fitted its size to how your own videos did."
        ),
        (Basis::History { videos }, None) => format!("From {videos} of your videos."),
        (Basis::Audience { weeks }, _) => format!(
            "From {weeks} weeks of your audience's active hours (TikTok Studio's FollowerActivity \
                export): a post reaches more first viewers when more followers are online. SEED tip \
                6: post when your followers are active."
        ),
    }
}

/// A bar growing right (green) for a gain or left (red) for a loss, from a centre line.
fn signed_bar(ui: &mut egui::Ui, change: f64, largest: f64) {
    let (rect, _) = ui.allocate_exact_size(vec2(BAR_WIDTH, 14.0), Sense::hover());
    let p = theme::palette(ui);
    let centre = rect.center().x;
    let length = (change.abs() / largest).min(1.0) as f32 * (BAR_WIDTH / 2.0 - 2.0);
    let (left, right, fill) = if change >= 0.0 {
        (centre, centre + length.max(1.0), p.ok)
    } else {
        (centre - length.max(1.0), centre, p.error)
    };
    let bar = egui::Rect::from_x_y_ranges(left..=right, rect.y_range());
    let painter = ui.painter();
    painter.rect_filled(bar, CornerRadius::same(2), fill);
    painter.vline(centre, rect.y_range(), egui::Stroke::new(1.0, p.line));
}
