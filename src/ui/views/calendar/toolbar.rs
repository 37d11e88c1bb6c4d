//! The calendar's toolbar: the current account or all accounts, week / month / agenda, previous / today / next and a date to jump
//! to, Auto-plan…, Re-plan, "place in best free slot" for a draft without a slot, Export…,
//! the best-times heat map, and which clocks the times are in.

use chrono::{DateTime, Days, Local, NaiveDate, Utc};
use eframe::egui::{self, RichText};

use super::data::CalendarData;
use super::planning::Planner;
use super::range::{self, Mode};
use super::{best_times, export};
use crate::domain::{Account, DraftId};
use crate::ui::theme;
use crate::ui::view::Action;
use crate::ui::widgets::draft_picker::{DraftChoice, Picker};
use crate::ui::widgets::permitted;
use crate::workspace::Workspace;
use crate::workspace::team::{Capability, Permissions};

/// Days "Auto-plan…" offers from today.
const AUTO_PLAN_DAYS: u64 = 13;

/// What the toolbar keeps between frames.
#[derive(Default)]
pub struct ToolbarState {
    go_to: String,
    go_to_error: bool,
    place: Option<DraftId>,
    /// What is typed in the search field of the drafts to place.
    place_search: String,
    show_best_times: bool,
    pub export: export::ExportForm,
}

/// The toolbar with what it changes.
pub struct Toolbar<'a> {
    pub state: &'a mut ToolbarState,
    pub mode: &'a mut Mode,
    pub all_accounts: &'a mut bool,
    pub focus: &'a mut Option<NaiveDate>,
    pub today: NaiveDate,
    pub account: &'a Account,
    pub data: Option<&'a CalendarData>,
    /// The drafts without a slot, once read (`Err`: why they could not be).
    pub unplanned: Option<Result<&'a [DraftChoice], &'a str>>,
    pub planner: &'a mut Planner,
    pub workspace: &'a Workspace,
    /// What the member's team role allows.
    pub permissions: &'a Permissions,
    pub actions: &'a mut Vec<Action>,
    pub now: DateTime<Utc>,
}

impl Toolbar<'_> {
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let focus = self.focus.unwrap_or(self.today);
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(self.all_accounts, false, self.account.at_handle())
                .on_hover_text("Only this account's posts, on its clock");
            ui.selectable_value(self.all_accounts, true, "All accounts")
                .on_hover_text(
                    "Every account's posts together, each in its colour with its own time",
                );
            ui.separator();
            for mode in Mode::ALL {
                let before = *self.mode;
                if ui.selectable_value(self.mode, mode, mode.label()).clicked() && mode != before {
                    *self.focus = range::focus_after_switch(before, focus, self.today);
                }
            }
            ui.separator();
            if ui
                .button("◀")
                .on_hover_text("Previous (← or Page Up)")
                .clicked()
            {
                *self.focus = Some(range::step(*self.mode, focus, false));
            }
            if ui
                .button("Today")
                .on_hover_text("Back to today (T)")
                .clicked()
            {
                *self.focus = None;
            }
            if ui
                .button("▶")
                .on_hover_text("Next (→ or Page Down)")
                .clicked()
            {
                *self.focus = Some(range::step(*self.mode, focus, true));
            }
            ui.label(
                RichText::new(range::title(*self.mode, focus))
                    .strong()
                    .size(16.0),
            );
            ui.separator();
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.state.go_to)
                    .hint_text("Go to YYYY-MM-DD")
                    .desired_width(150.0),
            );
            if field.lost_focus()
                && ui.input(|i| i.key_pressed(crate::ui::shortcuts::SUBMIT.logical_key))
            {
                match NaiveDate::parse_from_str(self.state.go_to.trim(), "%Y-%m-%d") {
                    Ok(date) => {
                        *self.focus = Some(date);
                        self.state.go_to.clear();
                        self.state.go_to_error = false;
                    }
                    Err(_) => self.state.go_to_error = true,
                }
            }
            if self.state.go_to_error {
                ui.label(theme::error_text(ui, "Write a date like 2027-03-28."));
            }
        });
        ui.add_space(theme::SPACE_S);
        ui.horizontal_wrapped(|ui| self.planning_ui(ui));
        let mut note = if *self.all_accounts {
            format!(
                "Times in {}, {}'s zone; a post of an account in another zone also shows its \
                 own time. Auto-plan, Re-plan and Place work on {}.",
                self.account.time_zone.name(),
                self.account.at_handle(),
                self.account.at_handle()
            )
        } else {
            format!(
                "Times in {}, the account's zone.",
                self.account.time_zone.name()
            )
        };
        if self.data.is_some_and(|d| d.any_viewer_time) {
            let offset = Local::now().offset().to_string();
            note.push_str(&format!(
                " Your computer's time (UTC{offset}) is shown where it differs."
            ));
        }
        ui.label(theme::muted(ui, note));
        if self.state.show_best_times
            && let Some(data) = self.data
        {
            best_times::ui(ui, data);
        }
        self.state
            .export
            .dialog(ui.ctx(), self.account, self.actions);
    }

    fn planning_ui(&mut self, ui: &mut egui::Ui) {
        let busy = self.planner.is_busy();
        let (from, to) = range::visible_dates(*self.mode, self.focus.unwrap_or(self.today));
        let auto = permitted::button(
            ui,
            self.permissions,
            Capability::Plan,
            !busy,
            egui::Button::new("Auto-plan…"),
        )
        .on_hover_text("Fill days with approved drafts in their best slots (preview first)");
        if auto.clicked() {
            let to = self.today + Days::new(AUTO_PLAN_DAYS);
            self.planner
                .open(self.workspace, "Auto-plan", self.account, self.today, to);
        }
        let replan = permitted::button(
            ui,
            self.permissions,
            Capability::Plan,
            !busy && to >= self.today,
            egui::Button::new("Re-plan"),
        )
        .on_hover_text("Plan the shown days again around pinned and moved posts (preview first)");
        if replan.clicked() {
            let title = format!(
                "Re-plan {}",
                range::title(*self.mode, self.focus.unwrap_or(self.today))
            );
            self.planner.open(
                self.workspace,
                &title,
                self.account,
                from.max(self.today),
                to,
            );
        }
        ui.separator();
        let (unplanned, empty_text) = match self.unplanned {
            None => (&[][..], "Reading the drafts without a slot…".to_string()),
            Some(Err(why)) => (&[][..], format!("Could not read the drafts: {why}")),
            Some(Ok(drafts)) if drafts.is_empty() => (drafts, "No drafts without a slot".into()),
            Some(Ok(drafts)) => (drafts, "Choose a draft without a slot…".into()),
        };
        if self.unplanned.is_some()
            && self
                .state
                .place
                .is_some_and(|id| !unplanned.iter().any(|u| u.id == id))
        {
            self.state.place = None;
        }
        let chosen = self
            .state
            .place
            .and_then(|id| unplanned.iter().find(|u| u.id == id))
            .map_or(empty_text, |u| u.title.clone());
        let (picker, picked) = Picker {
            id_salt: "calendar-place",
            selected_text: chosen,
            width: 220.0,
            drafts: unplanned,
            selected: self.state.place,
        }
        .show(ui, &mut self.state.place_search);
        picker.labelled_by(ui.label("to place").id);
        if picked.is_some() {
            self.state.place = picked;
        }
        let place = ui
            .add_enabled(
                !busy && self.state.place.is_some(),
                egui::Button::new("Place in best free slot"),
            )
            .on_hover_text(format!(
                "Put the chosen draft where the model predicts the most reach in the next {} days",
                super::planning::PLACE_DAYS_AHEAD
            ));
        if place.clicked()
            && let Some(draft) = self.state.place
        {
            let placed = self.planner.place(
                ui.ctx(),
                self.workspace,
                self.account,
                draft,
                self.today,
                self.now,
            );
            if let Err(message) = placed {
                self.actions.push(Action::Notify(message));
            }
        }
        if busy {
            ui.spinner();
        }
        ui.separator();
        let export = ui
            .button("Export…")
            .on_hover_text("Save the plan as an iCalendar (.ics) or CSV file");
        if export.clicked() {
            match self.workspace.accounts() {
                Ok(accounts) => {
                    let ids = accounts.iter().map(|a| a.id).collect();
                    self.state.export.open(from, to, ids);
                }
                Err(e) => self
                    .actions
                    .push(Action::Notify(format!("Could not read the accounts: {e}"))),
            }
        }
        ui.toggle_value(&mut self.state.show_best_times, "Best times");
    }
}
