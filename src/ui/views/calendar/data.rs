//! What the calendar shows for a range of local dates, read once per revision, account and
//! range: the plan entries with their drafts, times in the account's zone and the viewer's,
//! cadence conflicts and `posting-frequency` findings, the trend windows of the drafts' sounds
//! and hashtags, and the best times. [`super::all_accounts`] merges several accounts' data into
//! one.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Days, Local, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;
use eframe::egui::Color32;

use super::conflicts::{self, Timed};
use super::trend_windows::{TrendWindow, windows};
use crate::domain::{Account, AccountId, Draft, DraftId, DraftStatus, PlanEntry, PlanEntryId};
use crate::schedule::wall::day_start;
use crate::schedule::{BestTimes, CadenceRules, resolve};
use crate::ui::theme;
use crate::ui::widgets::zone_time::viewer_time;
use crate::workspace::HourOfWeekProfile;
use crate::workspace::{Workspace, WorkspaceError};

/// One planned post as the calendar draws it.
#[derive(Debug, Clone)]
pub struct CalEntry {
    pub entry: PlanEntry,
    /// The local date and minute of the day the post goes out, in the account's zone.
    pub date: NaiveDate,
    pub minute: u32,
    /// `18:00`.
    pub time: String,
    /// `02:00 your time` where the viewer's clock reads differently.
    pub viewer_time: Option<String>,
    /// `planned for 02:30` when the zone's clock change moved the intended wall time.
    pub shifted: Option<String>,
    pub title: String,
    pub status: Option<DraftStatus>,
    pub subculture: Option<(String, Color32)>,
    /// Cadence conflicts and `posting-frequency` findings, as sentences.
    pub warnings: Vec<String>,
    /// `18:00 Title`: the accessible name of its block or chip.
    pub label: String,
    /// What the block or chip reads: the label, after a warning sign when there are warnings.
    pub text: String,
    /// Whose post it is, when the calendar shows several accounts.
    pub account: Option<AccountTag>,
}

/// The account of a post in the all-accounts calendar.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountTag {
    /// `@handle`.
    pub handle: String,
    pub colour: Color32,
    /// `09:00`: the post's time on the account's own clock, where it reads differently from
    /// the calendar's.
    pub local_time: Option<String>,
}

/// One account whose posts the calendar shows, with the rules its posts are checked by.
#[derive(Debug, Clone)]
pub struct AccountLane {
    pub id: AccountId,
    /// `@handle`.
    pub handle: String,
    /// The account's own zone: its cadence counts posts per day of this clock.
    pub zone: Tz,
    pub rules: CadenceRules,
}

/// Everything the calendar draws for one range.
#[derive(Debug, Clone)]
pub struct CalendarData {
    /// The account's zone, in which every date and time here is read.
    pub zone: Tz,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Visible entries in time order.
    pub entries: Vec<CalEntry>,
    /// Indices into `entries` by local date.
    pub by_date: BTreeMap<NaiveDate, Vec<usize>>,
    /// Days with more posts than the cadence allows.
    pub busy_days: BTreeMap<NaiveDate, String>,
    pub windows: Vec<TrendWindow>,
    /// The cadence rules of the account the calendar is read for (see [`Self::lanes`]).
    pub rules: CadenceRules,
    /// Every account shown, with its own zone and cadence rules (one unless all accounts are
    /// shown).
    pub lanes: Vec<AccountLane>,
    pub best: BestTimes,
    pub profile: HourOfWeekProfile,
    /// True when some entry's time reads differently on the viewer's clock.
    pub any_viewer_time: bool,
    /// The viewer's clock at each of the account's 24 hours in the middle of the range, when
    /// it reads differently (`–` for an hour the clocks skip).
    pub viewer_hours: Option<Vec<String>>,
}

/// The viewer's clock at each hour of `date` in `zone`; `None` when it reads the same.
pub(super) fn viewer_hours(zone: Tz, date: NaiveDate) -> Option<Vec<String>> {
    let hours: Vec<(String, String)> = (0..24)
        .map(|h| {
            let theirs = format!("{h:02}:00");
            let wall = date.and_hms_opt(h, 0, 0).unwrap_or_default();
            let mine = resolve(zone, wall).exact().map_or_else(
                || "–".to_string(),
                |at| at.with_timezone(&Local).format("%H:%M").to_string(),
            );
            (theirs, mine)
        })
        .collect();
    hours
        .iter()
        .any(|(a, b)| a != b)
        .then(|| hours.into_iter().map(|(_, mine)| mine).collect())
}

impl CalendarData {
    /// The entries of one local date.
    pub fn on(&self, date: NaiveDate) -> impl Iterator<Item = (usize, &CalEntry)> {
        self.by_date
            .get(&date)
            .into_iter()
            .flatten()
            .map(|&i| (i, &self.entries[i]))
    }

    /// The entry with this id.
    pub fn entry(&self, id: PlanEntryId) -> Option<&CalEntry> {
        self.entries.iter().find(|e| e.entry.id == id)
    }

    /// The shown account with this id.
    pub fn lane(&self, account: AccountId) -> Option<&AccountLane> {
        self.lanes.iter().find(|l| l.id == account)
    }
}

/// Rebuilds `by_date` from `entries`.
pub(super) fn index_by_date(entries: &[CalEntry]) -> BTreeMap<NaiveDate, Vec<usize>> {
    let mut by_date: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        by_date.entry(e.date).or_default().push(i);
    }
    by_date
}

/// The display title of a draft title.
pub(super) fn titled(title: &str) -> String {
    if title.trim().is_empty() {
        "(untitled)".to_string()
    } else {
        title.trim().to_string()
    }
}

/// Reads the calendar's data for `from..=to` (local dates of the account) as of `now`.
pub fn load(
    workspace: &Workspace,
    account: &Account,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> Result<CalendarData, WorkspaceError> {
    let tz = account.time_zone;
    // A day either side so spacing conflicts across the range's edges are seen.
    let wide_from = day_start(tz, from - Days::new(1));
    let wide_to = day_start(tz, to + Days::new(2));
    let all = workspace.plan_entries(
        account.id,
        DateTime::<Utc>::MIN_UTC,
        DateTime::<Utc>::MAX_UTC,
    )?;
    let near: Vec<&PlanEntry> = all
        .iter()
        .filter(|e| e.instant >= wide_from && e.instant < wide_to)
        .collect();
    // Only the drafts of the posts around the range are read (a team has thousands).
    let mut drafts_by_id: HashMap<DraftId, Draft> = HashMap::new();
    for e in &near {
        if let Entry::Vacant(slot) = drafts_by_id.entry(e.draft)
            && let Some(draft) = workspace.live_draft(e.draft)?
        {
            slot.insert(draft);
        }
    }
    let subcultures: HashMap<_, _> = workspace
        .subcultures()?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let rules = CadenceRules::new(&account.cadence, workspace.subculture_mix(account.id)?);
    let frequency = workspace.frequency_findings(account.id, &all)?;

    let timed: Vec<Timed> = near
        .iter()
        .map(|e| Timed {
            instant: e.instant,
            date: e.instant.with_timezone(&tz).date_naive(),
        })
        .collect();
    let conflicts = conflicts::find(&timed, &rules);

    let mut entries = Vec::new();
    let mut any_viewer_time = false;
    for ((e, t), marks) in near.iter().zip(&timed).zip(conflicts.entries) {
        if t.date < from || t.date > to {
            continue;
        }
        let draft = drafts_by_id.get(&e.draft);
        let local = e.instant.with_timezone(&tz);
        let moved = e.zone == tz && local.naive_local() != e.wall_time;
        let viewer = viewer_time(e.instant, tz, &Local);
        any_viewer_time |= viewer.is_some();
        let mut warnings = marks;
        if draft.is_some() {
            for f in frequency.get(&e.draft).into_iter().flatten() {
                let cited = format!("{} (from the seed article: {})", f.message, f.source);
                if !warnings.contains(&cited) {
                    warnings.push(cited);
                }
            }
        }
        let title = draft.map_or_else(|| "(draft not found)".to_string(), |d| titled(&d.title));
        let time = local.format("%H:%M").to_string();
        let label = format!("{time} {title}");
        entries.push(CalEntry {
            text: if warnings.is_empty() {
                label.clone()
            } else {
                format!("⚠ {label}")
            },
            entry: (*e).clone(),
            date: t.date,
            minute: local.hour() * 60 + local.minute(),
            label,
            time,
            viewer_time: viewer,
            shifted: moved.then(|| format!("planned for {}", e.wall_time.format("%H:%M"))),
            title,
            status: draft.map(|d| d.status),
            subculture: draft
                .and_then(|d| d.subculture)
                .and_then(|id| subcultures.get(&id))
                .map(|s| (s.name.clone(), theme::colour(s.colour))),
            warnings,
            account: None,
        });
    }
    let by_date = index_by_date(&entries);
    let busy_days = conflicts
        .days
        .into_iter()
        .filter(|(d, _)| *d >= from && *d <= to)
        .collect();

    let visible_drafts: Vec<_> = entries
        .iter()
        .filter_map(|e| drafts_by_id.get(&e.entry.draft))
        .map(|d| (d.sound.as_deref(), d.hashtags.as_slice()))
        .collect();
    let windows = windows(&workspace.trends()?, now, visible_drafts);

    let profile = workspace.hour_of_week_profile(account.id)?;
    let best = BestTimes::from_profile(&profile.mean_active, profile.weeks);
    Ok(CalendarData {
        zone: tz,
        from,
        to,
        entries,
        by_date,
        busy_days,
        windows,
        lanes: vec![AccountLane {
            id: account.id,
            handle: account.at_handle(),
            zone: tz,
            rules: rules.clone(),
        }],
        rules,
        best,
        profile,
        any_viewer_time,
        viewer_hours: viewer_hours(tz, from + Days::new(((to - from).num_days() / 2) as u64)),
    })
}
