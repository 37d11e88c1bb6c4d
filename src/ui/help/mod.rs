//! Help inside the window: the "Getting started" checklist (`checklist.rs`), the keyboard
//! shortcut overview on F1 or Ctrl+/ (`overview.rs`), the About dialog (`about.rs`) and the
//! Help entries at the foot of the navigation. The app's side (applying the help requests and
//! recording the first steps) is `app/first_steps.rs`; nothing here reaches into the app.

mod about;
mod checklist;
mod overview;

use eframe::egui;

use super::shortcuts;
use super::theme;
use super::view::{Action, HelpRequest};
use crate::workspace::FirstSteps;

pub use checklist::Checklist;

/// Which help windows are open, and the checklist's cached state.
#[derive(Default)]
pub struct Help {
    pub shortcuts_open: bool,
    pub about_open: bool,
    pub checklist: Checklist,
}

impl Help {
    /// F1 and Ctrl+/ show or hide the shortcut overview; Escape closes the overview or About
    /// (before the editor or a view sees it).
    pub fn keys(&mut self, ctx: &egui::Context) {
        let toggle = ctx.input_mut(|i| {
            i.consume_shortcut(&shortcuts::HELP) || i.consume_shortcut(&shortcuts::HELP_SLASH)
        });
        if toggle {
            self.shortcuts_open = !self.shortcuts_open;
        }
        if (self.shortcuts_open || self.about_open)
            && ctx.input_mut(|i| i.consume_shortcut(&shortcuts::CLOSE))
        {
            self.shortcuts_open = false;
            self.about_open = false;
        }
    }

    /// Draws the open help windows (not the checklist, which only shows beside the views).
    pub fn windows(&mut self, ctx: &egui::Context, facts: &about::Facts<'_>) {
        overview::window(ctx, &mut self.shortcuts_open);
        about::window(ctx, &mut self.about_open, facts);
    }
}

pub use about::Facts as AboutFacts;

/// The height the help footer takes at the bottom of the navigation.
pub const NAV_FOOTER_HEIGHT: f32 = 100.0;

/// The Help entries at the foot of the navigation: the checklist's progress, the shortcut
/// overview and About.
pub fn nav_footer(ui: &mut egui::Ui, steps: Option<&FirstSteps>, actions: &mut Vec<Action>) {
    ui.with_layout(egui::Layout::bottom_up(egui::Align::Min), |ui| {
        let width = ui.available_width();
        ui.horizontal(|ui| {
            let half = (width - ui.spacing().item_spacing.x) / 2.0;
            let keys = ui.ctx().format_shortcut(&shortcuts::HELP);
            let overview = egui::Button::new("Shortcuts").min_size(egui::vec2(half, 24.0));
            if ui
                .add(overview)
                .on_hover_text(format!("Every keyboard shortcut ({keys})"))
                .clicked()
            {
                actions.push(Action::Help(HelpRequest::Shortcuts));
            }
            let about = egui::Button::new("About").min_size(egui::vec2(half, 24.0));
            if ui
                .add(about)
                .on_hover_text("Version, workspace file and schema")
                .clicked()
            {
                actions.push(Action::Help(HelpRequest::About));
            }
        });
        if let Some(steps) = steps {
            let text = format!(
                "Getting started {}/{}",
                steps.done_count(),
                crate::workspace::FirstStep::ALL.len()
            );
            let hint = if steps.dismissed {
                "Show the checklist of first steps again"
            } else {
                "Hide the checklist of first steps"
            };
            let button = egui::Button::new(text).min_size(egui::vec2(width, 24.0));
            if ui.add(button).on_hover_text(hint).clicked() {
                actions.push(Action::Help(HelpRequest::ToggleGettingStarted));
            }
        }
        ui.label(theme::muted(ui, "Help").strong());
    });
}
