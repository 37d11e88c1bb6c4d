//! The Calendar view: the account's posting plan as a week (hour grid), a month (day cells) or
//! an agenda, all in the account's time zone with the viewer's clock where it differs. Posts
//! are dragged to another time in the week (15-minute snaps, clock changes ask); conflicts with
//! the cadence, `posting-frequency` findings, the trend windows of the planned sounds and
//! hashtags and the audience's best times are drawn on it. Auto-plan, re-plan, "place in best
//! free slot" and export start here.
//!
//! "All accounts" shows every account's posts together on the current account's clock, each
//! in its account's colour with its handle and own time ([`all_accounts`]); a drag there is
//! checked against the dragged post's own account's cadence.
//!
//! The view reads the workspace only when the revision, the account, the shown range, the
//! account's date or the accounts shown change ([`data::load`]), in the background (a
//! [`Reading`]: the plan drawn stays until the fresh one arrives); every frame draws from
//! that. The drafts without a slot, thousands in a team's account, are read the same way
//! ([`unplanned`]).

mod agenda;
mod all_accounts;
mod best_times;
mod conflicts;
mod data;
mod drop_target;
mod export;
mod month;
mod moving;
mod paint;
mod planning;
mod predictions;
mod range;
mod toolbar;
mod trend_windows;
mod unplanned;
mod week;

use chrono::{DateTime, NaiveDate, Timelike, Utc};
use eframe::egui;

pub use conflicts::{Conflicts, Timed, find as find_conflicts};
pub use data::{CalEntry, CalendarData, load};
pub use month::more_label;
pub use range::{Mode, visible_dates};
pub use trend_windows::{TrendWindow, span as trend_span};
pub use week::{GUTTER, MIN_HOUR_HEIGHT, SNAP_MINUTES, day_heading, hour_label};

use crate::domain::{Account, AccountId, PlanEntryId};
use crate::ui::reading::Reading;
use crate::ui::section::Section;
use crate::ui::shortcuts;
use crate::ui::theme;
use crate::ui::view::{Action, View, ViewContext};
use crate::ui::widgets::busy::busy_indicator;
use crate::ui::widgets::empty_state::{empty_state, load_error};
use drop_target::{Dropped, on_own_clock, own_clock, target_label};
use moving::{Decision, MoveStep, PendingMove};
use planning::Planner;

/// What the data was read for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LoadKey {
    revision: u64,
    account: AccountId,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
    all_accounts: bool,
}

/// The Calendar view. Create it with [`CalendarView::default`].
#[derive(Default)]
pub struct CalendarView {
    mode: Mode,
    /// Every account's posts, not only the current account's.
    all_accounts: bool,
    /// The date the shown week or month is around (`None`: today).
    focus: Option<NaiveDate>,
    /// The plan of the shown range, read in the background.
    plan: Reading<LoadKey, CalendarData>,
    selected: Option<PlanEntryId>,
    pending: Option<PendingMove>,
    planner: Planner,
    predictions: predictions::Predictions,
    toolbar: toolbar::ToolbarState,
    /// The drafts without a slot, for "Place in best free slot".
    unplanned: unplanned::Unplanned,
}

impl View for CalendarView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        theme::view_heading(
            ui,
            "Calendar",
            "The posting plan in the account's time zone: drag a post to move it.",
        );
        let Some(account) = ctx.account else {
            empty_state(
                ui,
                "No account yet",
                "Add the account you post from in Settings; its posting plan will show here.",
            );
            return;
        };
        let now = Utc::now();
        let local_now = now.with_timezone(&account.time_zone);
        let today = local_now.date_naive();
        if !self.modal_open() {
            self.keyboard(ui.ctx(), today);
        }
        let focus = self.focus.unwrap_or(today);
        let (from, to) = range::visible_dates(self.mode, focus);
        let key = LoadKey {
            revision: ctx.revision,
            account: account.id,
            from,
            to,
            today,
            all_accounts: self.all_accounts,
        };
        self.read(ui.ctx(), ctx, account, key, now);
        unplanned::refresh(
            &mut self.unplanned,
            ui.ctx(),
            ctx.workspace,
            ctx.revision,
            account,
        );
        self.planner.poll(ui.ctx(), ctx.actions);
        self.predictions.poll(ui.ctx());
        // Only a plan read for this account and these accounts is drawn; another range's
        // stays until this one's arrives.
        let all_accounts = self.all_accounts;
        let plan = self
            .plan
            .latest_if(|k| k.account == account.id && k.all_accounts == all_accounts);
        let data = plan.and_then(Result::ok);
        let mut bar = toolbar::Toolbar {
            state: &mut self.toolbar,
            mode: &mut self.mode,
            all_accounts: &mut self.all_accounts,
            focus: &mut self.focus,
            today,
            account,
            data,
            unplanned: unplanned::of(&self.unplanned, account.id),
            planner: &mut self.planner,
            workspace: ctx.workspace,
            permissions: ctx.permissions,
            actions: ctx.actions,
            now,
        };
        bar.ui(ui);
        if let Some(why) = self.predictions.failed() {
            ui.label(theme::muted(
                ui,
                format!("Predicted ranges are not shown: {why}"),
            ));
        }
        let data = match plan {
            Some(Ok(data)) => data,
            Some(Err(error)) => {
                load_error(ui, "the plan", error);
                return;
            }
            None => {
                ui.add_space(theme::SPACE_S);
                ui.horizontal(|ui| busy_indicator(ui, "Reading the plan…"));
                return;
            }
        };
        if self.all_accounts {
            legend(ui, data);
        }
        ui.add_space(theme::SPACE_S);
        let focus = self.focus.unwrap_or(today);
        match self.mode {
            Mode::Week => {
                let zone = account.time_zone;
                let label = |e: &CalEntry, date: NaiveDate, minute: u32| {
                    let text = target_label(zone, date, minute);
                    match own_clock(data, e, date, minute) {
                        Some(own) => format!("{text} · {own}"),
                        None => text,
                    }
                };
                let input = week::WeekInput {
                    data,
                    start: from,
                    today,
                    now_minute: local_now.hour() * 60 + local_now.minute(),
                    selected: self.selected,
                    predictions: &self.predictions,
                    target_label: &label,
                };
                let out = week::ui(ui, &input);
                if let Some(target) = out.dragging
                    && let Some(e) = data.entry(target.0)
                {
                    self.predictions
                        .want(ui.ctx(), ctx.workspace, e.entry.account, target);
                }
                if let Some(id) = out.select {
                    self.selected = Some(id);
                }
                if let Some(draft) = out.open {
                    open_draft(ctx.actions, draft);
                }
                if let Some(drop) = out.dropped
                    && let Some(e) = data.entry(drop.entry)
                {
                    let e = e.clone();
                    let drop = on_own_clock(data, &e, drop);
                    self.dropped(&e, drop, now, ctx.actions);
                }
            }
            Mode::Month => {
                use chrono::Datelike;
                let out = month::ui(
                    ui,
                    data,
                    from,
                    focus.month(),
                    today,
                    self.selected,
                    &self.predictions,
                );
                if let Some(id) = out.select {
                    self.selected = Some(id);
                }
                if let Some(draft) = out.open {
                    open_draft(ctx.actions, draft);
                }
                if let Some(date) = out.show_week {
                    self.mode = Mode::Week;
                    self.focus = Some(date);
                }
            }
            Mode::Agenda => {
                if data.entries.is_empty() {
                    let whose = if self.all_accounts {
                        "any account".to_string()
                    } else {
                        account.at_handle()
                    };
                    empty_state(
                        ui,
                        &format!("Nothing planned for {whose} in these days"),
                        "Use Auto-plan to fill them with approved drafts, or place one draft in \
                         its best free slot.",
                    );
                } else if let Some(draft) = agenda::ui(ui, data, today, &self.predictions) {
                    open_draft(ctx.actions, draft);
                }
            }
        }
        if let Some(pending) = &self.pending {
            match moving::dialog(ui.ctx(), pending) {
                Decision::Undecided => {}
                Decision::Cancel => {
                    self.pending = None;
                    ctx.actions.push(Action::Notify(
                        "Move cancelled; the post stays where it was.".into(),
                    ));
                }
                Decision::Move(action) => {
                    self.pending = None;
                    ctx.actions.push(action);
                }
            }
        }
        self.planner.dialog(ui.ctx(), account, ctx.actions);
    }

    fn is_reading(&self) -> bool {
        self.plan.is_reading() || self.unplanned.is_reading()
    }
}

/// Which colour is whose, when all accounts are shown.
fn legend(ui: &mut egui::Ui, data: &CalendarData) {
    ui.horizontal_wrapped(|ui| {
        for lane in &data.lanes {
            theme::chip(ui, &lane.handle, theme::account_colour(lane.id));
        }
    });
}

fn open_draft(actions: &mut Vec<Action>, draft: crate::domain::DraftId) {
    actions.push(Action::OpenDraft(Some(draft)));
    actions.push(Action::Navigate(Section::Drafts));
}

impl CalendarView {
    fn modal_open(&self) -> bool {
        self.pending.is_some() || self.planner.is_open() || self.toolbar.export.is_open()
    }

    /// ←/→ and PageUp/PageDown step, T goes to today (not while typing).
    fn keyboard(&mut self, ctx: &egui::Context, today: NaiveDate) {
        if ctx.text_edit_focused() {
            return;
        }
        let (back, ahead, home) = ctx.input_mut(|i| {
            let mut any =
                |keys: &[egui::KeyboardShortcut]| keys.iter().any(|k| i.consume_shortcut(k));
            let back = any(&shortcuts::EARLIER);
            let ahead = any(&shortcuts::LATER);
            let home = any(&[shortcuts::TODAY]);
            (back, ahead, home)
        });
        let focus = self.focus.unwrap_or(today);
        if back {
            self.focus = Some(range::step(self.mode, focus, false));
        }
        if ahead {
            self.focus = Some(range::step(self.mode, focus, true));
        }
        if home {
            self.focus = None;
        }
    }

    /// Takes the plan that arrived (and asks for its posts' predicted ranges), and starts
    /// reading it again when what it is read for moved.
    fn read(
        &mut self,
        egui_ctx: &egui::Context,
        ctx: &ViewContext<'_>,
        account: &Account,
        key: LoadKey,
        now: DateTime<Utc>,
    ) {
        if self.plan.poll()
            && let Some((_, Ok(data))) = self.plan.latest()
        {
            self.predictions.start(egui_ctx, ctx.workspace, data);
        }
        if !self.plan.needs(&key) {
            return;
        }
        let account = account.clone();
        self.plan.start(
            egui_ctx,
            "calendar plan",
            ctx.workspace.path(),
            key,
            move |w| {
                let (from, to) = (key.from, key.to);
                if key.all_accounts {
                    let all = w.accounts()?;
                    all_accounts::load(w, &all, &account, from, to, now)
                } else {
                    data::load(w, &account, from, to, now)
                }
            },
        );
    }

    /// A post dropped on another day or time in the week.
    fn dropped(
        &mut self,
        e: &CalEntry,
        drop: Dropped,
        now: DateTime<Utc>,
        actions: &mut Vec<Action>,
    ) {
        if e.status == Some(crate::domain::DraftStatus::Posted) {
            actions.push(Action::Notify(format!(
                "\"{}\" is already posted; its time is history and stays.",
                e.title
            )));
            return;
        }
        match moving::drop_on(&e.entry, drop.zone, drop.date, drop.minute) {
            MoveStep::Move(action) => {
                if let Action::MovePlanEntry { instant, .. } = &action
                    && *instant <= now
                {
                    actions.push(Action::Notify(
                        "That time has passed: drop the post on a time still ahead.".into(),
                    ));
                    return;
                }
                actions.push(action);
            }
            MoveStep::Ask(pending) => self.pending = Some(pending),
        }
    }
}
