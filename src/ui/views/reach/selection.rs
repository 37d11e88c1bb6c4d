//! What the Reach view forecasts: the draft (the one open in the editor, chosen here with a
//! picker that opens it) and the posting time (its plan entry or the next full hour, or a day
//! and hour the user picks in the account's zone), and the busy indicator shown while a newer
//! forecast is being computed beside the last one.

use chrono::{DateTime, Duration, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;
use eframe::egui::{self, Stroke};

use crate::domain::{Account, AccountId, DraftId};
use crate::schedule::wall::earliest;
use crate::ui::theme;
use crate::ui::view::{Action, ViewContext};
use crate::ui::widgets::draft_picker::{DraftChoice, Picker};
use crate::ui::widgets::format::slot;
use crate::workspace::{SlotSource, next_full_hour};

/// When the chosen draft is posted.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub enum SlotChoice {
    /// Its next plan entry, else the next full hour.
    #[default]
    Planned,
    At(DateTime<Utc>),
}

impl SlotChoice {
    pub fn at(self) -> Option<DateTime<Utc>> {
        match self {
            SlotChoice::Planned => None,
            SlotChoice::At(at) => Some(at),
        }
    }
}

/// The account's drafts for the picker, read once per revision.
#[derive(Default)]
pub struct DraftList {
    loaded: Option<(u64, AccountId)>,
    pub drafts: Vec<DraftChoice>,
    pub error: Option<String>,
    /// What is typed in the picker's search field.
    search: String,
}

impl DraftList {
    pub fn refresh(&mut self, ctx: &ViewContext<'_>, account: &Account) {
        let key = (ctx.revision, account.id);
        if self.loaded == Some(key) {
            return;
        }
        self.loaded = Some(key);
        match ctx.workspace.draft_outlines(account.id) {
            Ok(drafts) => {
                self.error = None;
                self.drafts = drafts.iter().map(DraftChoice::of).collect();
            }
            Err(e) => {
                self.drafts.clear();
                self.error = Some(e.to_string());
            }
        }
    }

    pub fn contains(&self, id: DraftId) -> bool {
        self.drafts.iter().any(|d| d.id == id)
    }
}

/// The draft picker: choosing a draft opens it (in the editor too).
pub fn draft_picker(
    ui: &mut egui::Ui,
    list: &mut DraftList,
    selected: Option<DraftId>,
    actions: &mut Vec<Action>,
) {
    let text = selected
        .and_then(|id| list.drafts.iter().find(|d| d.id == id))
        .map_or("Choose a draft…".to_string(), |d| d.title.clone());
    let label = ui.label("Draft").id;
    let (picker, picked) = Picker {
        id_salt: "reach-draft",
        selected_text: text,
        width: 260.0,
        drafts: &list.drafts,
        selected,
    }
    .show(ui, &mut list.search);
    picker.labelled_by(label);
    if let Some(id) = picked
        && selected != Some(id)
    {
        actions.push(Action::OpenDraft(Some(id)));
    }
}

/// The posting-time picker; `shown` is the slot of the forecast on screen.
pub fn slot_picker(
    ui: &mut egui::Ui,
    choice: &mut SlotChoice,
    shown: Option<(DateTime<Utc>, SlotSource)>,
    zone: Tz,
) {
    let label = ui.label("Slot").id;
    let planned = "Plan entry, else next full hour";
    let text = match choice {
        SlotChoice::Planned => planned,
        SlotChoice::At(_) => "At a chosen time",
    };
    egui::ComboBox::from_id_salt("reach-slot")
        .selected_text(text)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(*choice == SlotChoice::Planned, planned)
                .clicked()
            {
                *choice = SlotChoice::Planned;
            }
            let chosen = matches!(choice, SlotChoice::At(_));
            if ui.selectable_label(chosen, "At a chosen time").clicked() && !chosen {
                let from = shown.map_or_else(|| next_full_hour(Utc::now()), |(at, _)| at);
                *choice = SlotChoice::At(from);
            }
        })
        .response
        .labelled_by(label);
    if let SlotChoice::At(at) = choice {
        let now = Utc::now().with_timezone(&zone);
        let local = at.with_timezone(&zone);
        let mut days = (local.date_naive() - now.date_naive())
            .num_days()
            .clamp(0, 60);
        let mut hour = local.hour();
        let label = ui.label("in").id;
        ui.add(egui::DragValue::new(&mut days).range(0..=60).suffix(" d"))
            .labelled_by(label);
        let label = ui.label("at").id;
        ui.add(egui::DragValue::new(&mut hour).range(0..=23).suffix(":00"))
            .labelled_by(label);
        let day = now.date_naive() + Duration::days(days);
        let wall = day.and_time(NaiveTime::MIN) + Duration::hours(i64::from(hour));
        if let Some(t) = earliest(zone, wall) {
            *at = t;
        }
    }
    if let Some((at, source)) = shown {
        let when = format!("{} ({})", slot(at.with_timezone(&zone)), source.label());
        ui.label(theme::muted(ui, when));
    }
}

/// A turning arc while a newer forecast is computed (repaints on a timer, not every frame).
pub fn busy_indicator(ui: &mut egui::Ui, text: &str) {
    let size = ui.spacing().interact_size.y * 0.7;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    let time = ui.input(|i| i.time);
    let start = (time * 4.0) % std::f64::consts::TAU;
    let points: Vec<egui::Pos2> = (0..=16)
        .map(|i| {
            let a = start + f64::from(i) / 16.0 * 4.0;
            rect.center() + egui::vec2(a.cos() as f32, a.sin() as f32) * size / 2.0
        })
        .collect();
    let colour = theme::palette(ui).accent;
    ui.painter()
        .add(egui::Shape::line(points, Stroke::new(2.0, colour)));
    ui.label(theme::muted(ui, text));
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(50));
}
