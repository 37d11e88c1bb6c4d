//! What the Reach view forecasts: the draft (the one open in the editor, chosen here with a
//! picker that opens it) and the posting time (its plan entry or the next full hour, or a day
//! and hour the user picks in the account's zone).

use chrono::{DateTime, Duration, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;
use eframe::egui;

use crate::domain::{Account, AccountId, DraftId};
use crate::schedule::wall::earliest;
use crate::ui::reading::Reading;
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

/// The account's drafts for the picker, read in the background once per revision and
/// account (a team's account has thousands).
#[derive(Default)]
pub struct DraftList {
    reading: Reading<(u64, AccountId), Vec<DraftChoice>>,
    /// The account the view shows (the list read for another is never offered for it).
    account: Option<AccountId>,
    /// What is typed in the picker's search field.
    search: String,
}

impl DraftList {
    /// Takes a finished read, and starts reading the account's drafts again when the revision
    /// or the account moved.
    pub fn refresh(&mut self, egui_ctx: &egui::Context, ctx: &ViewContext<'_>, account: &Account) {
        self.account = Some(account.id);
        self.reading.poll();
        let key = (ctx.revision, account.id);
        if self.reading.needs(&key) {
            let id = account.id;
            let path = ctx.workspace.path();
            self.reading
                .start(egui_ctx, "reach drafts", path, key, move |workspace| {
                    let outlines = workspace.draft_outlines(id)?;
                    Ok(outlines.iter().map(DraftChoice::of).collect())
                });
        }
    }

    /// The account's drafts once read, or why they could not be.
    fn read(&self) -> Option<Result<&[DraftChoice], &str>> {
        self.reading
            .latest_if(|(_, read_for)| Some(*read_for) == self.account)
            .map(|drafts| drafts.map(Vec::as_slice))
    }

    /// The drafts read for the account (none while they are read).
    pub fn drafts(&self) -> &[DraftChoice] {
        match self.read() {
            Some(Ok(drafts)) => drafts,
            _ => &[],
        }
    }

    /// Why the account's drafts could not be read.
    pub fn error(&self) -> Option<&str> {
        self.read().and_then(Result::err)
    }

    pub fn contains(&self, id: DraftId) -> bool {
        self.drafts().iter().any(|d| d.id == id)
    }

    /// True while the drafts are being read.
    pub fn is_reading(&self) -> bool {
        self.reading.is_reading()
    }
}

/// The draft picker: choosing a draft opens it (in the editor too).
pub fn draft_picker(
    ui: &mut egui::Ui,
    list: &mut DraftList,
    selected: Option<DraftId>,
    actions: &mut Vec<Action>,
) {
    let nothing_chosen = if list.read().is_some() {
        "Choose a draft…"
    } else {
        "Reading the drafts…"
    };
    let text = selected
        .and_then(|id| list.drafts().iter().find(|d| d.id == id))
        .map_or(nothing_chosen.to_string(), |d| d.title.clone());
    let label = ui.label("Draft").id;
    let mut search = std::mem::take(&mut list.search);
    let (picker, picked) = Picker {
        id_salt: "reach-draft",
        selected_text: text,
        width: 260.0,
        drafts: list.drafts(),
        selected,
    }
    .show(ui, &mut search);
    list.search = search;
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
