//! The Reach view: how far the chosen draft (open in the editor or not; when none is chosen,
//! the ready draft ranked first) is expected to reach, as an honest range, and what helps or
//! hurts it; the ready drafts ranked by predicted reach; how accurate the model has
//! been on this account; and what the account's videos actually reached ("Measured").
//!
//! Forecasts come from a background thread (`worker.rs`) fed with debounced requests (250 ms
//! after the draft, the slot or the workspace last changed); the view shows the last result
//! with a busy indicator until the new one arrives, and never fits or forecasts itself. Every
//! number is labelled with what it rests on: the account's own videos, or a prior.

mod accuracy;
mod band;
mod drivers;
mod headline;
mod measured;
mod ranking;
mod selection;
mod week;
mod worker;

use std::time::{Duration, Instant};

use eframe::egui;

use crate::domain::{Account, AccountId, DraftId};
use crate::model::WhatIf;
use crate::ui::theme;
use crate::ui::view::{Action, View, ViewContext};
use crate::ui::widgets::busy::busy_indicator;
use crate::ui::widgets::empty_state::{empty_state, load_error};

use measured::Measured;
pub use measured::ViewsSpread;
use selection::{DraftList, SlotChoice};
use worker::{AccountAccuracy, Forecaster, Forecasts, Reply, Request};

/// How long the inputs must stay still before a new forecast is asked for.
const DEBOUNCE: Duration = Duration::from_millis(250);
/// Shown when the forecaster's thread is gone (it could not start, or died).
const FORECASTER_STOPPED: &str = "the forecaster stopped; reopen the view";

/// The Reach view. Create it with [`ReachView::default`].
#[derive(Default)]
pub struct ReachView {
    measured: Measured,
    drafts: DraftList,
    slot: SlotChoice,
    /// The draft the slot choice belongs to (a new draft starts from its plan entry).
    slot_for: Option<DraftId>,
    /// X of P(views > X); `None`: the account's typical reach.
    threshold: Option<f64>,
    forecaster: Option<Forecaster>,
    /// The latest wanted request and since when it is wanted.
    wanted: Option<(Request, Instant)>,
    sent: Option<Request>,
    /// The last forecasts received (shown until newer ones arrive).
    latest: Option<Result<Forecasts, String>>,
    answered: Option<Request>,
    accuracy: Option<(AccountId, Result<AccountAccuracy, String>)>,
}

impl View for ReachView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        theme::view_heading(
            ui,
            "Reach",
            "Predicted reach of a draft as a range, what moves it, and what the account's \
             videos actually reached.",
        );
        let Some(account) = ctx.account else {
            empty_state(
                ui,
                "No account yet",
                "Add the account you post from in Settings; its reach history will show here.",
            );
            return;
        };
        self.measured.refresh(ui.ctx(), ctx, account);
        self.drafts.refresh(ui.ctx(), ctx, account);
        self.receive();
        let chosen = ctx.chosen_draft.filter(|id| self.drafts.contains(*id));
        let selected = chosen.or_else(|| self.best_ready(account.id));
        if self.slot_for != selected {
            self.slot = SlotChoice::Planned;
            self.slot_for = selected;
            self.threshold = None;
        }
        let request = Request {
            account: account.clone(),
            revision: ctx.revision,
            draft: selected,
            at: self.slot.at(),
        };
        self.schedule(ui.ctx(), ctx, request);

        egui::ScrollArea::vertical()
            .id_salt("reach-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.toolbar(ui, ctx, account, chosen, selected);
                self.forecast_section(ui, ctx, account, selected);
                if chosen.is_none() && selected.is_some() {
                    ui.label(theme::muted(
                        ui,
                        "No draft chosen: this is the ready draft with the highest predicted \
                         reach. Pick another above or in the ranking below.",
                    ));
                }
                self.ranking_section(ui, ctx, account, selected);
                self.accuracy_section(ui, account);
                theme::section_heading(ui, "Measured");
                self.measured.ui(ui, account);
            });
    }

    fn is_reading(&self) -> bool {
        self.measured.is_reading() || self.drafts.is_reading()
    }
}

impl ReachView {
    /// Takes the replies that arrived since the last frame.
    fn receive(&mut self) {
        let Some(forecaster) = &mut self.forecaster else {
            return;
        };
        while let Some(reply) = forecaster.poll() {
            match reply {
                Ok(Reply::Forecasts(result)) => {
                    self.answered = self.sent.clone();
                    self.latest = Some(*result);
                }
                Ok(Reply::Accuracy(account, result)) => self.accuracy = Some((account, *result)),
                Err(_stopped) => {
                    // Nothing will answer what was sent; a changed request starts a new thread.
                    self.forecaster = None;
                    self.answered = self.sent.clone();
                    self.latest = Some(Err(FORECASTER_STOPPED.into()));
                    return;
                }
            }
        }
    }

    /// Sends `request` once it has stayed the same for [`DEBOUNCE`].
    fn schedule(&mut self, egui_ctx: &egui::Context, ctx: &ViewContext<'_>, request: Request) {
        if self.sent.as_ref() == Some(&request) {
            self.wanted = None;
            return;
        }
        let since = match &self.wanted {
            Some((wanted, since)) if *wanted == request => *since,
            _ => Instant::now(),
        };
        let waited = since.elapsed();
        if waited < DEBOUNCE {
            self.wanted = Some((request, since));
            egui_ctx.request_repaint_after(DEBOUNCE - waited);
            return;
        }
        if self.forecaster.is_none() {
            let path = ctx.workspace.path().to_path_buf();
            self.forecaster = Forecaster::start(path, egui_ctx);
        }
        let sent = self
            .forecaster
            .as_ref()
            .is_some_and(|f| f.send(request.clone()));
        if sent {
            self.sent = Some(request);
            self.wanted = None;
        } else {
            self.forecaster = None;
            self.latest = Some(Err(FORECASTER_STOPPED.into()));
        }
    }

    /// The ready draft ranked first in the last forecasts of `account`.
    fn best_ready(&self, account: AccountId) -> Option<DraftId> {
        self.current(account)
            .and_then(|f| f.ranking.first())
            .map(|d| d.id)
    }

    fn busy(&self) -> bool {
        self.wanted.is_some() || self.sent != self.answered
    }

    /// The last forecasts if they are for `account`.
    fn current(&self, account: AccountId) -> Option<&Forecasts> {
        match &self.latest {
            Some(Ok(f)) if f.request.account.id == account => Some(f),
            _ => None,
        }
    }

    fn toolbar(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewContext<'_>,
        account: &Account,
        chosen: Option<DraftId>,
        selected: Option<DraftId>,
    ) {
        if let Some(error) = self.drafts.error() {
            load_error(ui, "the drafts", error);
        }
        let shown = self
            .current(account.id)
            .and_then(|f| f.draft.as_ref())
            .and_then(|d| d.as_ref().ok())
            .filter(|d| Some(d.draft.id) == selected)
            .map(|d| (d.at, d.source));
        ui.horizontal_wrapped(|ui| {
            selection::draft_picker(ui, &mut self.drafts, chosen, ctx.actions);
            ui.add_space(theme::SPACE_M);
            if selected.is_some() {
                selection::slot_picker(ui, &mut self.slot, shown, account.time_zone);
            }
            if self.busy() {
                ui.add_space(theme::SPACE_M);
                busy_indicator(ui, "Updating the forecast…");
            }
        });
        if let Some(Err(error)) = &self.latest {
            load_error(ui, "the forecast", error);
        }
    }

    fn forecast_section(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewContext<'_>,
        account: &Account,
        selected: Option<DraftId>,
    ) {
        theme::section_heading(ui, "Forecast");
        let Some(id) = selected else {
            empty_state(
                ui,
                "Choose a draft to forecast",
                "Pick one above, open one in Drafts, or click a draft in the ranking below.",
            );
            return;
        };
        let Some(forecasts) = self.current(account.id) else {
            ui.label(theme::muted(ui, "Fitting the account's model…"));
            return;
        };
        let shown = match &forecasts.draft {
            Some(Ok(d)) if d.draft.id == id || self.busy() => d,
            Some(Err(e)) => {
                load_error(ui, "the forecast", e);
                return;
            }
            _ => {
                ui.label(theme::muted(ui, "Forecasting…"));
                return;
            }
        };
        let draft_id = shown.draft.id;
        let mut threshold = self.threshold;
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            headline::forecast_ui(ui, shown, account.time_zone, &mut threshold);
        });
        ui.label(theme::muted(
            ui,
            "Scrollstop's own model of the For You feed, fitted on this account's imported \
             videos; where they do not vary a choice it uses general guidance as a prior. \
             TikTok publishes no weights, so none are claimed here.",
        ));
        theme::section_heading(ui, "What moves it");
        let clicked = drivers::drivers_ui(ui, &shown.forecast.drivers, shown.forecast.threshold);
        theme::section_heading(ui, "Best time to post");
        let zone = account.time_zone;
        week::week_ui(
            ui,
            &shown.heat_map,
            forecasts.audience.as_ref(),
            forecasts.audience_weeks,
            zone.name(),
        );
        self.threshold = threshold;
        if let Some(what_if) = clicked {
            self.apply(ctx, draft_id, &what_if);
        }
    }

    /// Applies a what-if: a draft change is saved (undoable); a slot is tried here.
    fn apply(&mut self, ctx: &mut ViewContext<'_>, id: DraftId, what_if: &WhatIf) {
        if let WhatIf::MoveToSlot { at, .. } = what_if {
            self.slot = SlotChoice::At(*at);
            return;
        }
        match ctx.workspace.draft(id) {
            Ok(mut draft) => {
                if what_if.apply(&mut draft) {
                    ctx.actions.push(Action::SaveDrafts(vec![draft]));
                }
            }
            Err(e) => ctx
                .actions
                .push(Action::Notify(format!("Could not change the draft: {e}"))),
        }
    }

    fn ranking_section(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewContext<'_>,
        account: &Account,
        selected: Option<DraftId>,
    ) {
        theme::section_heading(ui, "Ready drafts by predicted reach");
        let Some(forecasts) = self.current(account.id) else {
            ui.label(theme::muted(ui, "Forecasting the ready drafts…"));
            return;
        };
        if forecasts.ranking.is_empty() {
            empty_state(
                ui,
                &format!(
                    "No approved or scheduled drafts for {}",
                    account.at_handle()
                ),
                "Drafts show here once the team approves them in the Drafts view.",
            );
            return;
        }
        if let Some(id) = ranking::ranking_ui(ui, &forecasts.ranking, selected, account.time_zone) {
            ctx.actions.push(Action::OpenDraft(Some(id)));
        }
    }

    fn accuracy_section(&self, ui: &mut egui::Ui, account: &Account) {
        theme::section_heading(
            ui,
            &format!("How accurate it has been on {}", account.at_handle()),
        );
        match &self.accuracy {
            Some((id, Ok(a))) if *id == account.id => accuracy::accuracy_ui(ui, a),
            Some((id, Err(e))) if *id == account.id => load_error(ui, "the backtest", e),
            _ => {
                ui.label(theme::muted(
                    ui,
                    "Walking through the account's past videos (runs when the forecast is \
                     ready)…",
                ));
            }
        }
    }
}
