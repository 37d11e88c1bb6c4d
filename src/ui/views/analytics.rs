//! The Analytics view: what the imported TikTok Studio exports say about the current account.
//! Daily video views and followers over time, every posted video with its engagement per view,
//! the hour-of-week heat map of when followers are online (with how many weeks it rests on),
//! gender and territory shares, and the log of every import. Read-only at this stage; it reads
//! the workspace only when the revision or the account changes, off the window's thread
//! ([`Reading`]), and shows what it read before until the new read arrives.

use std::collections::HashMap;

use chrono::Local;
use eframe::egui::{self, RichText};

use crate::domain::{Account, AccountId, AudienceDimension, AudienceShare};
use crate::ui::reading::Reading;
use crate::ui::theme;
use crate::ui::view::{View, ViewContext};
use crate::ui::widgets::busy::busy_indicator;
use crate::ui::widgets::charts::{daily_line_chart, share_bars};
use crate::ui::widgets::empty_state::{empty_state, load_error};
use crate::ui::widgets::format::{day_number, long_date, plural};
use crate::ui::widgets::heat_map::{audience_hours_heat_map, heat_map_legend};
use crate::ui::widgets::video_table::{VideoRow, video_table};
use crate::workspace::{HourOfWeekProfile, Workspace, WorkspaceError};

/// How many imports the log lists, newest first.
const IMPORTS_SHOWN: usize = 50;

/// One line of the import log, ready to draw.
struct ImportLine {
    when: String,
    file: String,
    kind: String,
    account: String,
    summary: String,
}

/// The Analytics view. Create it with [`AnalyticsView::default`].
#[derive(Default)]
pub struct AnalyticsView {
    /// What the view shows, read for a revision and an account.
    reading: Reading<(u64, AccountId), Analytics>,
}

/// What the view shows of one account, ready to draw.
struct Analytics {
    /// (day number, views) and (day number, followers) of each day that has them.
    daily_views: Vec<[f64; 2]>,
    followers: Vec<[f64; 2]>,
    days_covered: String,
    /// Newest post first.
    videos: Vec<VideoRow>,
    profile: HourOfWeekProfile,
    genders: Vec<AudienceShare>,
    territories: Vec<AudienceShare>,
    imports: Vec<ImportLine>,
    imports_total: usize,
}

impl View for AnalyticsView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        theme::view_heading(
            ui,
            "Analytics",
            "What the imported TikTok Studio exports say about the account and its audience.",
        );
        let Some(account) = ctx.account else {
            empty_state(
                ui,
                "No account yet",
                "Add the account you post from in Settings; its analytics will show here.",
            );
            return;
        };
        let key = (ctx.revision, account.id);
        self.reading.poll();
        if self.reading.needs(&key) {
            let whose = account.clone();
            let path = ctx.workspace.path();
            self.reading
                .start(ui.ctx(), "analytics", path, key, move |workspace| {
                    Analytics::read(workspace, &whose)
                });
        }
        let Some(data) = self
            .reading
            .latest_if(|(_, read_for)| *read_for == account.id)
        else {
            let reading = format!(
                "Reading {}'s analytics in the background…",
                account.at_handle()
            );
            busy_indicator(ui, &reading);
            return;
        };
        let data = match data {
            Ok(data) => data,
            Err(error) => {
                load_error(ui, "the analytics", error);
                return;
            }
        };
        egui::ScrollArea::vertical()
            .id_salt("analytics-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if data.is_empty() {
                    empty_state(
                        ui,
                        &format!("No analytics for {} yet", account.at_handle()),
                        "Import the account's TikTok Studio exports (the Overview, Content and \
                         Followers ZIPs, or the CSV files inside them). Each weekly import adds \
                         to the history.",
                    );
                } else {
                    ui.label(theme::muted(ui, &data.days_covered));
                    data.charts_ui(ui);
                    theme::section_heading(ui, "Videos");
                    video_table(ui, "analytics-videos", &data.videos, 320.0);
                    data.audience_ui(ui, account);
                }
                data.imports_ui(ui);
            });
    }

    fn is_reading(&self) -> bool {
        self.reading.is_reading()
    }
}

impl Analytics {
    /// Reads and lays out what the view shows of `account`.
    fn read(workspace: &Workspace, account: &Account) -> Result<Self, WorkspaceError> {
        let (daily, videos, profile, genders, territories, imports, accounts) = (
            workspace.daily_metrics(account.id)?,
            workspace.videos_with_latest(account.id)?,
            workspace.hour_of_week_profile(account.id)?,
            workspace.audience_shares(account.id, AudienceDimension::Gender)?,
            workspace.audience_shares(account.id, AudienceDimension::Territory)?,
            workspace.import_log()?,
            workspace.accounts()?,
        );
        let dated = daily
            .iter()
            .filter_map(|d| d.date.map(|date| (day_number(date), d)));
        let daily_views = dated
            .clone()
            .filter_map(|(x, d)| Some([x, d.video_views? as f64]))
            .collect();
        let followers = dated
            .filter_map(|(x, d)| Some([x, d.followers? as f64]))
            .collect();
        let dates = daily.iter().filter_map(|d| d.date);
        let days_covered = match (dates.clone().min(), dates.max()) {
            (Some(first), Some(last)) => format!(
                "{} of daily metrics from {} to {} · {}",
                plural(daily.len(), "day", "days"),
                long_date(first),
                long_date(last),
                plural(videos.len(), "video", "videos")
            ),
            _ => plural(videos.len(), "video", "videos"),
        };
        let handles: HashMap<_, _> = accounts.iter().map(|a| (a.id, a.at_handle())).collect();
        Ok(Self {
            daily_views,
            followers,
            days_covered,
            videos: videos
                .iter()
                .rev()
                .map(|v| VideoRow::new(v, account.time_zone))
                .collect(),
            profile,
            genders,
            territories,
            imports_total: imports.len(),
            imports: imports
                .iter()
                .take(IMPORTS_SHOWN)
                .map(|r| ImportLine {
                    when: r
                        .imported_at
                        .with_timezone(&Local)
                        .format("%-d %b %Y %H:%M")
                        .to_string(),
                    file: r.file_name.clone(),
                    kind: r.report_kind.clone(),
                    account: r
                        .account
                        .and_then(|id| handles.get(&id).cloned())
                        .unwrap_or_default(),
                    summary: r.summary.clone(),
                })
                .collect(),
        })
    }

    /// True when nothing about the account was imported yet.
    fn is_empty(&self) -> bool {
        self.daily_views.is_empty()
            && self.followers.is_empty()
            && self.videos.is_empty()
            && self.profile.weeks == 0
            && self.genders.is_empty()
            && self.territories.is_empty()
    }

    fn charts_ui(&self, ui: &mut egui::Ui) {
        let colours = theme::palette(ui);
        ui.columns(2, |columns| {
            daily_line_chart(
                &mut columns[0],
                "Daily video views",
                "Views",
                &self.daily_views,
                colours.accent,
            );
            daily_line_chart(
                &mut columns[1],
                "Followers",
                "Followers",
                &self.followers,
                colours.accent_2,
            );
        });
    }

    fn audience_ui(&self, ui: &mut egui::Ui, account: &Account) {
        theme::section_heading(ui, "When followers are online");
        let profile = &self.profile;
        if profile.weeks > 0 {
            let weeks = plural(profile.weeks as usize, "week", "weeks");
            ui.label(theme::muted(
                ui,
                format!(
                    "Mean active followers per hour, based on {weeks} of follower activity, in \
                     {} time.",
                    account.time_zone.name()
                ),
            ));
            audience_hours_heat_map(ui, &profile.mean_active, "active followers on average");
            heat_map_legend(ui);
        } else {
            empty_state(
                ui,
                "No follower activity yet",
                "Import the Followers ZIP from TikTok Studio every week: it holds the last 7 days \
                 of activity by hour, and the weeks add up here.",
            );
        }
        theme::section_heading(ui, "Audience");
        ui.columns(2, |columns| {
            share_bars(&mut columns[0], "Gender", &self.genders);
            share_bars(&mut columns[1], "Top territories", &self.territories);
        });
    }

    fn imports_ui(&self, ui: &mut egui::Ui) {
        theme::section_heading(ui, "Import log");
        if self.imports.is_empty() {
            ui.label(theme::muted(
                ui,
                "Nothing imported yet. Every file brought in is logged here.",
            ));
            return;
        }
        if self.imports_total > self.imports.len() {
            let text = format!(
                "The latest {} of {} imports.",
                self.imports.len(),
                self.imports_total
            );
            ui.label(theme::muted(ui, text));
        }
        // One block per import: summaries are sentences and need the full width to wrap.
        for line in &self.imports {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&line.file).strong());
                let mut about = vec![line.kind.as_str(), line.when.as_str()];
                if !line.account.is_empty() {
                    about.insert(1, line.account.as_str());
                }
                ui.label(theme::muted(ui, about.join(" · ")));
            });
            ui.label(&line.summary);
            ui.add_space(theme::SPACE_S);
            ui.separator();
        }
    }
}
