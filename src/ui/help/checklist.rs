//! The "Getting started" checklist: seven first steps, each ticked from what the workspace
//! really holds ([`Workspace::first_steps`]), each a click away from the view where it is
//! done. It floats at the foot of the views until the user hides it; the navigation's
//! "Getting started 3/7" entry brings it back.

use chrono::Utc;
use eframe::egui::{self, RichText};

use super::HelpRequest;
use crate::ui::nav::Section;
use crate::ui::theme;
use crate::ui::view::Action;
use crate::workspace::{FirstStep, FirstSteps, Workspace};

/// The checklist's cached state, read again when the workspace's revision moves.
#[derive(Default)]
pub struct Checklist {
    loaded: Option<u64>,
    steps: Option<FirstSteps>,
    error: Option<String>,
}

/// Where a step is done.
pub fn step_action(step: FirstStep) -> Action {
    match step {
        FirstStep::ImportAnalytics => Action::ImportFiles,
        FirstStep::CheckAudienceHours => Action::Navigate(Section::Analytics),
        FirstStep::AddSubculture => Action::Navigate(Section::Subcultures),
        FirstStep::WriteCleanDraft => Action::Navigate(Section::Drafts),
        FirstStep::LookAtReach => Action::Navigate(Section::Reach),
        FirstStep::AutoPlanWeek | FirstStep::ExportCalendar => Action::Navigate(Section::Calendar),
    }
}

impl Checklist {
    /// Reads the steps again when `revision` moved since the last read.
    pub fn refresh(&mut self, workspace: &Workspace, revision: u64) {
        if self.loaded == Some(revision) {
            return;
        }
        self.loaded = Some(revision);
        match workspace.first_steps(Utc::now()) {
            Ok(steps) => {
                self.steps = Some(steps);
                self.error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Forgets the cached steps: something the workspace's revision does not track changed
    /// (a recorded step, the checklist hidden or shown).
    pub fn invalidate(&mut self) {
        self.loaded = None;
    }

    /// The steps as last read.
    pub fn steps(&self) -> Option<&FirstSteps> {
        self.steps.as_ref()
    }

    /// Draws the checklist over the views unless the user hid it.
    pub fn ui(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(steps) = &self.steps else {
            return;
        };
        if steps.dismissed {
            return;
        }
        let total = FirstStep::ALL.len();
        let title = format!("Getting started · {} of {total}", steps.done_count());
        egui::Window::new(title)
            .id(egui::Id::unique("getting-started"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -16.0))
            .collapsible(true)
            .resizable(false)
            .default_width(320.0)
            .show(ctx, |ui| {
                ui.set_width(320.0);
                let fraction = steps.done_count() as f32 / total as f32;
                ui.add(egui::ProgressBar::new(fraction).desired_height(6.0));
                ui.add_space(theme::SPACE_S);
                if let Some(error) = &self.error {
                    ui.label(theme::error_text(
                        ui,
                        format!("Could not read the steps: {error}"),
                    ));
                }
                for step in FirstStep::ALL {
                    step_row(ui, step, steps.is_done(step), actions);
                }
                ui.add_space(theme::SPACE_S);
                ui.horizontal(|ui| {
                    let note = if steps.all_done() {
                        "All done: you know your way around."
                    } else {
                        "Steps tick themselves as you work."
                    };
                    ui.label(theme::muted(ui, note).small());
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        let hide = ui
                            .small_button("Hide")
                            .accessible_name("Hide the checklist")
                            .on_hover_text(
                                "The Help entry at the foot of the navigation shows it again",
                            );
                        if hide.clicked() {
                            actions.push(Action::Help(HelpRequest::HideGettingStarted));
                        }
                    });
                });
            });
    }
}

fn step_row(ui: &mut egui::Ui, step: FirstStep, done: bool, actions: &mut Vec<Action>) {
    let palette = theme::palette(ui);
    ui.horizontal(|ui| {
        let (mark, colour) = if done {
            ("✔", palette.ok)
        } else {
            ("○", palette.muted)
        };
        ui.label(RichText::new(mark).color(colour).strong());
        let text = if done {
            RichText::new(step.title()).color(palette.muted)
        } else {
            RichText::new(step.title())
        };
        let link = ui
            .add(egui::Button::new(text).frame(false))
            .accessible_name(step.title())
            .on_hover_text(step.how());
        if link.clicked() {
            actions.push(step_action(step));
        }
    });
}
