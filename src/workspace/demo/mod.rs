//! The demo workspace: two accounts in different time zones, the seeded subcultures, trend
//! lists, drafts in every status with a week of plans, and 120 days of analytics history, all
//! generated from one seed and written in one transaction.
//!
//! The demo's "now" is [`anchor`]: noon UTC of the day before the day it is created, so its
//! history always lies in the past and its plans in the two weeks ahead, however late it is
//! opened. It never reads the clock itself: the caller hands in the day, and one seed and
//! one day give the same data on every machine. The texts come
//! from `assets/demo.json` ([`recipe`]); the seed only decides dates, counts, assignees and
//! noise. This module must never write outside its batch or commit a partial demo: a
//! cancellation or an error drops the batch and the workspace stays empty.

mod analytics;
mod drafts;
mod history;
mod recipe;
mod trends;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::{Progress, WorkspaceError};
use crate::domain::{Handle, ImportRecord, NewAccount, SubcultureId};
use crate::random::Rng;
use crate::schedule::wall::earliest;
use crate::stable_hash::hash_text;
use crate::store::Store;
use crate::text::plural;

use recipe::seeded_subcultures;

/// The seed `scrollstop demo` uses when none is given.
pub const DEFAULT_DEMO_SEED: u64 = 2026;

/// Settings key: the day the demo was created for (`2026-11-21`).
pub(crate) const DEMO_DAY_KEY: &str = "demo_day";

/// The "now" of demos written before they followed the day they were created.
const LEGACY_UNIX: i64 = 1_795_176_000;

/// The demo's "now" when it is created on `day`: noon UTC the day before. History ends here
/// (like a Studio export downloaded the day before), plans start two days after it, so even
/// a demo created just before midnight has nothing scheduled in the past.
pub fn anchor(day: NaiveDate) -> DateTime<Utc> {
    let before = day.pred_opt().unwrap_or(day);
    before
        .and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN))
        .and_utc()
}

/// The "now" of a stored demo: from the day it was created for, or the fixed instant older
/// demos used (2026-11-20 12:00 UTC) when the workspace does not say.
pub(crate) fn anchor_of(demo_day: Option<&str>) -> DateTime<Utc> {
    demo_day
        .and_then(|d| d.parse::<NaiveDate>().ok())
        .map_or_else(
            || {
                DateTime::from_timestamp(LEGACY_UNIX, 0)
                    .expect("a constant instant well inside chrono's range")
            },
            anchor,
        )
}

/// Fills `store` with the demo generated from `seed`, in one transaction.
pub(crate) fn write(
    store: &mut Store,
    seed: u64,
    day: NaiveDate,
    progress: &dyn Progress,
) -> Result<(), WorkspaceError> {
    let recipe = recipe::demo();
    let today = anchor(day);
    // A new workspace already holds the catalogue the demo posts into: use those.
    let existing: HashMap<String, SubcultureId> = store
        .subcultures()?
        .into_iter()
        .map(|s| (s.name.to_lowercase(), s.id))
        .collect();
    let batch = store.batch()?;
    let mut tally = Tally::default();

    progress.step(0.0, "Creating subcultures")?;
    let mut subcultures = HashMap::new();
    for s in seeded_subcultures() {
        let id = match existing.get(&s.name.to_lowercase()) {
            Some(id) => *id,
            None => batch.add_subculture(&s)?,
        };
        subcultures.insert(s.name, id);
    }

    progress.step(0.05, "Filling trend lists")?;
    let sounds = trends::write(&batch, &recipe.trends, seed, today, &mut tally)?;

    let share = 0.9 / recipe.accounts.len().max(1) as f32;
    for (i, account) in recipe.accounts.iter().enumerate() {
        let start = 0.08 + share * i as f32;
        let handle = Handle::parse(&account.handle)
            .expect("the demo's handles are constants that follow TikTok's rules");
        let at = handle.to_string();
        progress.step(start, &format!("Writing drafts for {at}"))?;
        let id = batch.add_account(&NewAccount {
            handle,
            display_name: account.display_name.clone(),
            time_zone: account.time_zone,
            region: account.region.clone(),
            language: account.language.clone(),
        })?;
        let ctx = AccountContext {
            id,
            recipe: account,
            subcultures: &subcultures,
            sounds: &sounds,
            team: &recipe.team,
            seed,
            today,
        };
        let posted = drafts::write(&batch, &ctx, &mut tally)?;
        progress.step(start + share * 0.2, &format!("Generating videos for {at}"))?;
        let videos = history::write(&batch, &ctx, &posted, &mut tally)?;
        progress.step(
            start + share * 0.6,
            &format!("Generating analytics for {at}"),
        )?;
        analytics::write(&batch, &ctx, &videos)?;
    }

    progress.step(0.98, "Saving the demo workspace")?;
    batch.log_import(&ImportRecord {
        id: 0,
        file_name: format!("demo workspace (seed {seed})"),
        content_hash: format!("seed:{seed}"),
        imported_at: today,
        report_kind: "demo".into(),
        account: None,
        summary: format!(
            "Demo generated from seed {seed} as of {}: {}, {}, {}, {} with {}.",
            today.format("%Y-%m-%d %H:%M UTC"),
            plural(recipe.accounts.len(), "account", "accounts"),
            plural(tally.drafts, "draft", "drafts"),
            plural(tally.trend_items, "trend item", "trend items"),
            plural(tally.videos, "video", "videos"),
            plural(tally.snapshots, "snapshot", "snapshots")
        ),
    })?;
    batch.set_setting("demo_seed", &seed.to_string())?;
    batch.set_setting(DEMO_DAY_KEY, &day.to_string())?;
    batch.commit()?;
    progress.report(1.0, "Demo workspace ready");
    Ok(())
}

/// What one account's generators share.
struct AccountContext<'a> {
    id: crate::domain::AccountId,
    recipe: &'a recipe::AccountRecipe,
    subcultures: &'a HashMap<String, SubcultureId>,
    sounds: &'a trends::SoundBook,
    team: &'a [String],
    seed: u64,
    today: DateTime<Utc>,
}

impl AccountContext<'_> {
    /// A random stream for one part of this account's data, so that changing how drafts are
    /// drawn does not reshuffle the analytics history.
    fn rng(&self, part: &str) -> Rng {
        stream(self.seed, &format!("{part}@{}", self.recipe.handle))
    }

    fn zone(&self) -> Tz {
        self.recipe.time_zone
    }
}

/// Counts for the import log's summary.
#[derive(Debug, Default)]
struct Tally {
    drafts: usize,
    trend_items: usize,
    videos: usize,
    snapshots: usize,
}

/// A generator for the part of the demo named `part`, derived from the seed (FNV-1a of the
/// name mixed into the seed; SplitMix64 in [`Rng::new`] spreads it).
fn stream(seed: u64, part: &str) -> Rng {
    Rng::new(seed ^ hash_text(part))
}

/// The instant of a local wall time. Generated times avoid the small hours, so a DST gap
/// cannot occur; should one ever, the time moves an hour later rather than failing.
fn instant_of(zone: Tz, wall: NaiveDateTime) -> DateTime<Utc> {
    earliest(zone, wall)
        .or_else(|| earliest(zone, wall + TimeDelta::hours(1)))
        .unwrap_or_else(|| wall.and_utc())
}

/// The instant `days` (fractional) before `at`, to the second.
fn days_before(at: DateTime<Utc>, days: f64) -> DateTime<Utc> {
    at - TimeDelta::seconds((days * 86_400.0).round() as i64)
}

/// The day the tests create the demo on: its "now" is 2026-11-20 12:00 UTC.
#[cfg(test)]
pub(crate) fn reference_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("a valid date")
}

/// The tests' demo "now": [`anchor`] of [`reference_day`].
#[cfg(test)]
pub(crate) fn reference_instant() -> DateTime<Utc> {
    anchor(reference_day())
}

/// The demo workspace (the default seed, created today) in a temporary folder, kept while the
/// folder lives, and its first account: the setup of tests that need a workspace with data.
#[cfg(test)]
pub(crate) fn in_temporary_folder() -> (tempfile::TempDir, super::Workspace, crate::domain::Account)
{
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut workspace =
        super::Workspace::open(&dir.path().join("w.scrollstop")).expect("a new workspace");
    workspace
        .create_demo(DEFAULT_DEMO_SEED, &super::Silent)
        .expect("the demo");
    let account = workspace.accounts().expect("the accounts").remove(0);
    (dir, workspace, account)
}
