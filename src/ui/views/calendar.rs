//! The Calendar view: the account's planned posts from a week ago to two months ahead, as an
//! agenda grouped by day in the account's time zone. Each post shows its time in that zone and,
//! where it differs, the viewer's own clock time, so a team spread over time zones reads the
//! same plan. Read-only at this stage; it reads the workspace only when the revision, the account
//! or the day changes.

use std::collections::HashMap;

use chrono::{Days, Local, NaiveDate, Utc};
use eframe::egui::{self, Align, Color32, Layout, RichText};

use crate::domain::{Account, AccountId, DraftStatus};
use crate::store::StoreError;
use crate::ui::theme;
use crate::ui::view::{View, ViewContext};
use crate::ui::widgets::empty_state::{empty_state, load_error};
use crate::ui::widgets::format::{long_date, plural};
use crate::ui::widgets::status_chip::status_chip;
use crate::ui::widgets::zone_time::{day_heading, day_start, group_by_day, viewer_time};

/// Days before today the agenda starts.
const DAYS_BACK: u64 = 7;
/// Days after today the agenda ends.
const DAYS_AHEAD: u64 = 60;

/// One planned post as the agenda shows it.
struct AgendaEntry {
    /// Time in the account's zone, `18:00`.
    time: String,
    /// The viewer's clock time when it differs, `Sat 02:00 your time`.
    viewer_time: Option<String>,
    /// The intended wall time when the zone moved it (a DST gap), `planned for 02:30`.
    shifted: Option<String>,
    title: String,
    status: Option<DraftStatus>,
    subculture: Option<(String, Color32)>,
    pinned: bool,
    reason: String,
}

/// One day of the agenda.
struct AgendaDay {
    heading: String,
    past: bool,
    entries: Vec<AgendaEntry>,
}

/// The Calendar view. Create it with [`CalendarView::default`].
#[derive(Default)]
pub struct CalendarView {
    /// The revision, account and the account's today the agenda was read for.
    loaded: Option<(u64, AccountId, NaiveDate)>,
    days: Vec<AgendaDay>,
    range: Option<(NaiveDate, NaiveDate)>,
    posts: usize,
    any_viewer_time: bool,
    error: Option<String>,
}

impl View for CalendarView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        theme::view_heading(
            ui,
            "Calendar",
            "Planned posts by day, in the account's time zone.",
        );
        let Some(account) = ctx.account else {
            empty_state(
                ui,
                "No account yet",
                "Add the account you post from in Settings; its posting plan will show here.",
            );
            return;
        };
        let today = Utc::now().with_timezone(&account.time_zone).date_naive();
        if self.loaded != Some((ctx.revision, account.id, today)) {
            self.reload(ctx, account, today);
            self.loaded = Some((ctx.revision, account.id, today));
        }
        if let Some(error) = &self.error {
            load_error(ui, "the plan", error);
            return;
        }
        let (from, to) = self.range.unwrap_or((today, today));
        if self.days.is_empty() {
            empty_state(
                ui,
                &format!(
                    "Nothing planned for {} from {} to {}",
                    account.at_handle(),
                    long_date(from),
                    long_date(to)
                ),
                "Posts placed in the plan are listed here by day, with the time in the account's \
                 zone and in yours.",
            );
            return;
        }
        let summary = format!(
            "{} from {} to {} · times in {}, the account's zone",
            plural(self.posts, "post", "posts"),
            long_date(from),
            long_date(to),
            account.time_zone.name()
        );
        ui.label(summary);
        if self.any_viewer_time {
            let offset = Local::now().offset().to_string();
            let note = format!("Your computer's time (UTC{offset}) is shown where it differs.");
            ui.label(theme::muted(ui, note));
        }
        ui.add_space(theme::SPACE_M);
        egui::ScrollArea::vertical()
            .id_salt("calendar-agenda")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for day in &self.days {
                    day_ui(ui, day, self.any_viewer_time);
                }
            });
    }
}

impl CalendarView {
    fn reload(&mut self, ctx: &ViewContext<'_>, account: &Account, today: NaiveDate) {
        let tz = account.time_zone;
        let from = today - Days::new(DAYS_BACK);
        let to = today + Days::new(DAYS_AHEAD);
        self.range = Some((from, to));
        self.error = None;
        self.days.clear();
        self.posts = 0;
        self.any_viewer_time = false;
        let store = ctx.workspace.store();
        let read = || -> Result<_, StoreError> {
            let entries = store.plan_entries(
                account.id,
                day_start(tz, from),
                day_start(tz, to + Days::new(1)),
            )?;
            Ok((entries, store.drafts(account.id)?, store.subcultures()?))
        };
        let (entries, drafts, subcultures) = match read() {
            Ok(data) => data,
            Err(e) => {
                self.error = Some(e.to_string());
                return;
            }
        };
        let drafts: HashMap<_, _> = drafts.iter().map(|d| (d.id, d)).collect();
        let subcultures: HashMap<_, _> = subcultures.iter().map(|s| (s.id, s)).collect();
        for (date, group) in group_by_day(&entries, tz) {
            let mut day = AgendaDay {
                heading: day_heading(date, today),
                past: date < today,
                entries: Vec::new(),
            };
            for e in group {
                let draft = drafts.get(&e.draft);
                let local = e.instant.with_timezone(&tz);
                let moved = e.zone == tz && local.naive_local() != e.wall_time;
                let viewer_time = viewer_time(e.instant, tz, &Local);
                self.any_viewer_time |= viewer_time.is_some();
                day.entries.push(AgendaEntry {
                    time: local.format("%H:%M").to_string(),
                    viewer_time,
                    shifted: moved.then(|| format!("planned for {}", e.wall_time.format("%H:%M"))),
                    title: draft.map_or_else(
                        || "(draft not found)".to_string(),
                        |d| {
                            if d.title.is_empty() {
                                "(untitled)".to_string()
                            } else {
                                d.title.clone()
                            }
                        },
                    ),
                    status: draft.map(|d| d.status),
                    subculture: draft
                        .and_then(|d| d.subculture)
                        .and_then(|id| subcultures.get(&id))
                        .map(|s| (s.name.clone(), theme::colour(s.colour))),
                    pinned: e.pinned,
                    reason: e.reason.clone(),
                });
            }
            self.posts += day.entries.len();
            self.days.push(day);
        }
    }
}

fn day_ui(ui: &mut egui::Ui, day: &AgendaDay, show_viewer_time: bool) {
    let posts = plural(day.entries.len(), "post", "posts");
    ui.horizontal(|ui| {
        let heading = RichText::new(&day.heading)
            .text_style(theme::subheading())
            .strong();
        let heading = if day.past {
            heading.color(theme::palette(ui).muted)
        } else {
            heading
        };
        ui.label(heading);
        ui.label(theme::muted(ui, posts));
    });
    ui.add_space(theme::SPACE_S);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        for entry in &day.entries {
            entry_ui(ui, entry, show_viewer_time);
        }
    });
    ui.add_space(theme::SPACE_M);
}

/// Lays out `add` in a cell `width` wide, so the agenda's columns line up across days.
fn cell(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui)) {
    let size = egui::vec2(width, ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, Layout::left_to_right(Align::Center), |ui| {
        ui.set_min_width(width);
        add(ui);
    });
}

fn entry_ui(ui: &mut egui::Ui, entry: &AgendaEntry, show_viewer_time: bool) {
    ui.horizontal(|ui| {
        cell(ui, 56.0, |ui| {
            ui.label(RichText::new(&entry.time).monospace().strong());
        });
        if show_viewer_time {
            cell(ui, 150.0, |ui| {
                if let Some(t) = &entry.viewer_time {
                    ui.label(theme::muted(ui, t));
                }
            });
        }
        cell(ui, 96.0, |ui| {
            if let Some(status) = entry.status {
                status_chip(ui, status);
            }
        });
        let title = ui.label(RichText::new(&entry.title).strong());
        if !entry.reason.is_empty() {
            title.on_hover_text(&entry.reason);
        }
        if let Some((name, colour)) = &entry.subculture {
            theme::chip(ui, name, *colour);
        }
        if entry.pinned {
            ui.label(theme::muted(ui, "pinned"));
        }
        if let Some(shifted) = &entry.shifted {
            let warn = theme::palette(ui).warn;
            ui.label(RichText::new(shifted).color(warn))
                .on_hover_text("The zone's clock change moved this post; check the time.");
        }
    });
}
