//! The posting calendar as files: the plan entries of some accounts in a date range, with
//! their drafts' text and the model's predicted range, written as iCalendar or CSV by
//! [`crate::io::export`]. Entries of trashed drafts are exported as cancelled, so a calendar
//! that imported them before drops them on the next import.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{FORECAST_SEED, Workspace, WorkspaceError};
use crate::domain::{Account, AccountId, DraftStatus};
use crate::io::export::ics::CalendarInfo;
use crate::io::export::{CalendarEvent, EventStatus, PredictedRange, csv, ics};
use crate::model::{FINAL_HOURS, ForecastContext};
use crate::schedule::wall::day_start;

/// Paths per exported forecast (the range is rounded to two figures in the file).
const EXPORT_PATHS: usize = 1_000;

/// The file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Ics,
    Csv,
}

/// What to export.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    pub accounts: Vec<AccountId>,
    /// First and last local date (in each account's zone), both included.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub format: ExportFormat,
    /// Only drafts in these statuses; empty for all.
    pub statuses: Vec<DraftStatus>,
}

/// The file's text and how many posts it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportOutput {
    pub text: String,
    pub events: usize,
}

impl Workspace {
    /// The account's planned posts in `from..=to` (local dates) as calendar events.
    pub fn calendar_events(
        &self,
        account: &Account,
        from: NaiveDate,
        to: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Vec<CalendarEvent>, WorkspaceError> {
        let store = self.store();
        let zone = account.time_zone;
        let entries = store.plan_entries_for_export(
            account.id,
            day_start(zone, from),
            day_start(zone, to + Duration::days(1)),
        )?;
        if entries.is_empty() {
            return Ok(Vec::new());
        }
        let drafts: HashMap<_, _> = store
            .drafts(account.id)?
            .into_iter()
            .chain(store.trashed_drafts(account.id)?)
            .map(|d| (d.id, d))
            .collect();
        let subcultures: HashMap<_, _> = store
            .subcultures()?
            .into_iter()
            .map(|s| (s.id, s.name))
            .collect();
        let session = self.forecast_session(account, now)?;
        let mut context = ForecastContext::with_paths(FORECAST_SEED, EXPORT_PATHS);
        context.drivers = false;
        let mut events = Vec::with_capacity(entries.len());
        for x in entries {
            let Some(draft) = drafts.get(&x.entry.draft) else {
                continue;
            };
            let predicted = (!x.draft_trashed).then(|| {
                let q = session
                    .forecast(draft, x.entry.instant, &context)
                    .quantiles_at(FINAL_HOURS);
                PredictedRange {
                    p10: q.p10,
                    p50: q.p50,
                    p90: q.p90,
                }
            });
            events.push(CalendarEvent {
                uid: x.entry.uid.clone(),
                sequence: x.entry.sequence,
                account: account.handle.clone(),
                zone: x.entry.zone,
                wall: x.entry.wall_time,
                instant: x.entry.instant,
                title: draft.display_title().to_string(),
                caption: draft.caption.clone(),
                hashtags: draft.hashtags.clone(),
                sound: draft.sound.clone(),
                subculture: draft.subculture.and_then(|s| subcultures.get(&s).cloned()),
                draft_status: draft.status,
                status: EventStatus::of(draft.status, x.draft_trashed),
                predicted,
                reason: x.entry.reason.clone(),
                created: x.created_at,
                last_modified: x.updated_at,
            });
        }
        Ok(events)
    }

    /// The calendar file for the request, as of `now` (the export's DTSTAMP).
    /// Exports into the file `target` (see `export_file.rs` for the targets refused). The
    /// target is checked before the work starts and written whole at the end.
    pub fn export_calendar_to(
        &self,
        request: &ExportRequest,
        now: DateTime<Utc>,
        target: &std::path::Path,
    ) -> Result<ExportOutput, WorkspaceError> {
        super::export_file::check_target(self.path(), target)?;
        let output = self.export_calendar(request, now)?;
        super::export_file::write_export(self.path(), target, output.text.as_bytes())?;
        Ok(output)
    }

    pub fn export_calendar(
        &self,
        request: &ExportRequest,
        now: DateTime<Utc>,
    ) -> Result<ExportOutput, WorkspaceError> {
        if request.to < request.from {
            return Err(WorkspaceError::BadRange {
                from: request.from,
                to: request.to,
            });
        }
        let mut accounts = Vec::new();
        let mut events = Vec::new();
        for id in &request.accounts {
            let account = self.store().account(*id)?;
            events.extend(
                self.calendar_events(&account, request.from, request.to, now)?
                    .into_iter()
                    .filter(|e| {
                        request.statuses.is_empty() || request.statuses.contains(&e.draft_status)
                    }),
            );
            accounts.push(account);
        }
        events.sort_by(|a, b| a.instant.cmp(&b.instant).then(a.uid.cmp(&b.uid)));
        let text = match request.format {
            ExportFormat::Ics => {
                let handles: Vec<String> = accounts.iter().map(Account::at_handle).collect();
                let info = CalendarInfo {
                    name: format!("Scrollstop: {}", handles.join(", ")),
                    zone: accounts.first().map_or(chrono_tz::UTC, |a| a.time_zone),
                };
                ics::write(&info, &events, now)
            }
            ExportFormat::Csv => csv::write(&events)?,
        };
        Ok(ExportOutput {
            events: events.len(),
            text,
        })
    }
}
