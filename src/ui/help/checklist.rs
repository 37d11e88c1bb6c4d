//! The "Getting started" checklist: seven first steps, each ticked from what the workspace
//! really holds ([`Workspace::first_steps`]), each a click away from the view where it is
//! done. It is a strip above the views (the next step, or all seven when expanded) until the
//! user hides it; the navigation's "Getting started 3/7" entry brings it back. The steps are
//! read in the background (a [`Reading`]): telling a clean draft means checking the drafts,
//! thousands in a team's workspace.

use chrono::Utc;
use eframe::egui::{self, RichText};

use crate::ui::reading::Reading;
use crate::ui::section::Section;
use crate::ui::theme;
use crate::ui::view::Action;
use crate::ui::view::HelpRequest;
use crate::workspace::{FirstStep, FirstSteps, Workspace};

/// The checklist's cached state, read again when the workspace's revision moves.
#[derive(Default)]
pub struct Checklist {
    /// The steps read for a revision and [`Self::generation`].
    reading: Reading<(u64, u64), FirstSteps>,
    /// Moved by [`Self::invalidate`]: a change the revision does not count.
    generation: u64,
    /// The steps as last read; kept while they are read again.
    steps: Option<FirstSteps>,
    error: Option<String>,
    /// Every step listed, or only the next one.
    expanded: bool,
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
    /// Takes the steps that arrived, and reads them again in the background when `revision`
    /// moved since the last read.
    pub fn refresh(&mut self, egui_ctx: &egui::Context, workspace: &Workspace, revision: u64) {
        if let Some((_, read)) = self.reading.take_arrived() {
            match read {
                Ok(steps) => {
                    self.steps = Some(steps);
                    self.error = None;
                }
                Err(e) => self.error = Some(e),
            }
        }
        let key = (revision, self.generation);
        if self.reading.needs(&key) {
            self.reading
                .start(egui_ctx, "getting started", workspace.path(), key, |w| {
                    w.first_steps(Utc::now())
                });
        }
    }

    /// True while the steps are read.
    pub fn is_reading(&self) -> bool {
        self.reading.is_reading()
    }

    /// Forgets the cached steps: something the workspace's revision does not track changed
    /// (a recorded step, the checklist hidden or shown).
    pub fn invalidate(&mut self) {
        self.generation += 1;
    }

    /// The steps as last read.
    pub fn steps(&self) -> Option<&FirstSteps> {
        self.steps.as_ref()
    }

    /// Draws the checklist as a strip above the current view (it never covers the view, the
    /// editor or the status bar) unless the user hid it: the progress and the next step, and
    /// every step when expanded.
    pub fn ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let Some(steps) = &self.steps else {
            return;
        };
        if steps.dismissed {
            return;
        }
        let expanded = &mut self.expanded;
        egui::Panel::top("getting-started")
            .frame(theme::checklist_frame(ui))
            .show(ui, |ui| {
                strip(ui, steps, self.error.as_deref(), expanded, actions);
            });
    }
}

/// The strip's contents.
/// Room kept at the strip's right end for "All steps" and "Hide".
const BUTTONS_WIDTH: f32 = 150.0;

fn strip(
    ui: &mut egui::Ui,
    steps: &FirstSteps,
    error: Option<&str>,
    expanded: &mut bool,
    actions: &mut Vec<Action>,
) {
    let total = FirstStep::ALL.len();
    let next = FirstStep::ALL.into_iter().find(|s| !steps.is_done(*s));
    ui.horizontal(|ui| {
        ui.label(RichText::new("Getting started").strong());
        progress(ui, steps.done_count() as f32 / total as f32);
        ui.label(format!("{} of {total}", steps.done_count()))
            .on_hover_text("Steps tick themselves from what the workspace holds");
        ui.add_space(theme::SPACE_M);
        match next {
            Some(step) if !*expanded => {
                ui.label(theme::muted(ui, "Next:"));
                // The step is cut short (with "…") rather than run under the buttons.
                let room = (ui.available_width() - BUTTONS_WIDTH).max(40.0);
                ui.allocate_ui(egui::vec2(room, ui.spacing().interact_size.y), |ui| {
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                    step_link(ui, step, false, actions);
                });
            }
            Some(_) => {}
            None => {
                ui.label(theme::muted(ui, "All done: you know your way around."));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let hide = ui
                .small_button("Hide")
                .accessible_name("Hide the checklist")
                .on_hover_text("The Help entry at the foot of the navigation shows it again");
            if hide.clicked() {
                actions.push(Action::Help(HelpRequest::HideGettingStarted));
            }
            let toggle = if *expanded { "Fewer" } else { "All steps" };
            if ui
                .small_button(toggle)
                .on_hover_text("Show or fold the seven first steps")
                .clicked()
            {
                *expanded = !*expanded;
            }
        });
    });
    if let Some(error) = error {
        ui.label(theme::error_text(
            ui,
            format!("Could not read the steps: {error}"),
        ));
    }
    if *expanded {
        ui.add_space(theme::SPACE_S);
        egui::Grid::new("getting-started-steps")
            .num_columns(2)
            .spacing(egui::vec2(theme::SPACE_L, 2.0))
            .striped(false)
            .show(ui, |ui| {
                for (i, step) in FirstStep::ALL.into_iter().enumerate() {
                    step_row(ui, i + 1, step, steps.is_done(step), actions);
                    if i % 2 == 1 {
                        ui.end_row();
                    }
                }
            });
    }
}

/// A thin bar: the line colour for the track, the accent for what is done (egui's progress
/// bar draws its track in the card colour, invisible on the light theme's white).
fn progress(ui: &mut egui::Ui, fraction: f32) {
    let palette = theme::palette(ui);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(90.0, 6.0), egui::Sense::hover());
    let radius = egui::CornerRadius::same(3);
    ui.painter().rect_filled(rect, radius, palette.line);
    let mut done = rect;
    done.set_width(rect.width() * fraction.clamp(0.0, 1.0));
    if done.width() > 0.0 {
        ui.painter().rect_filled(done, radius, palette.accent);
    }
}

/// A step with its tick, in the expanded list.
fn step_row(
    ui: &mut egui::Ui,
    number: usize,
    step: FirstStep,
    done: bool,
    actions: &mut Vec<Action>,
) {
    let palette = theme::palette(ui);
    ui.horizontal(|ui| {
        ui.label(theme::muted(ui, format!("{number}.")));
        let (mark, colour) = if done {
            ("✔", palette.ok)
        } else {
            ("○", palette.muted)
        };
        ui.label(RichText::new(mark).color(colour).strong());
        step_link(ui, step, done, actions);
    });
}

/// A step's title as a link to where it is done; what ticks it on hover.
fn step_link(ui: &mut egui::Ui, step: FirstStep, done: bool, actions: &mut Vec<Action>) {
    let palette = theme::palette(ui);
    let text = if done {
        RichText::new(step.title()).color(palette.muted)
    } else {
        RichText::new(step.title()).color(ui.visuals().hyperlink_color)
    };
    let link = ui
        .add(egui::Button::new(text).frame(false))
        .accessible_name(step.title())
        .on_hover_text(step.how());
    if link.clicked() {
        actions.push(step_action(step));
    }
}
