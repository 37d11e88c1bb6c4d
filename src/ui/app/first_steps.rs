//! The app's side of the help: applying [`HelpRequest`]s, and recording the first steps that
//! leave no other trace in the workspace (the audience heat map was on screen, the Reach view
//! showed a draft's forecast, the calendar was exported) as workspace settings, once.

use eframe::egui;

use super::ScrollstopApp;
use crate::ui::section::Section;
use crate::ui::status_bar::Notice;
use crate::ui::view::HelpRequest;
use crate::ui::widgets::heat_map;
use crate::workspace::FirstStep;

impl ScrollstopApp {
    /// Applies a help request.
    pub(in crate::ui) fn apply_help(&mut self, request: HelpRequest) {
        match request {
            HelpRequest::Shortcuts => self.help.shortcuts_open = !self.help.shortcuts_open,
            HelpRequest::About => self.help.about_open = true,
            HelpRequest::ToggleGettingStarted | HelpRequest::HideGettingStarted => {
                let hide = request == HelpRequest::HideGettingStarted
                    || self.help.checklist.steps().is_some_and(|s| !s.dismissed);
                let Ok(workspace) = &mut self.workspace else {
                    return;
                };
                if let Err(e) = workspace.dismiss_first_steps(hide) {
                    self.notice = Some(Notice::error(format!(
                        "Could not save the checklist's state: {e}"
                    )));
                }
                self.help.checklist.invalidate();
            }
        }
    }

    /// Records what this frame showed: the audience's heat map, a draft's forecast.
    pub(in crate::ui) fn record_seen(&mut self, ctx: &egui::Context, welcome: bool) {
        let audience = heat_map::take_audience_shown(ctx);
        if welcome {
            return;
        }
        if audience {
            self.record_first_step(FirstStep::CheckAudienceHours);
        }
        if self.section == Section::Reach && self.chosen.draft().is_some() {
            self.record_first_step(FirstStep::LookAtReach);
        }
    }

    /// Records `step` in the workspace once per run of the window.
    pub(in crate::ui) fn record_first_step(&mut self, step: FirstStep) {
        if !self.recorded_steps.insert(step) {
            return;
        }
        let Ok(workspace) = &mut self.workspace else {
            return;
        };
        match workspace.record_first_step(step) {
            Ok(true) => self.help.checklist.invalidate(),
            Ok(false) => {}
            Err(e) => eprintln!("scrollstop: could not record a first step: {e}"),
        }
    }
}
