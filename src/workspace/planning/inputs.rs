//! Reading one planning run's inputs from the workspace: candidate slots and drafts, the
//! entries that stay, near-duplicate pairs, fading trends, and the score of every candidate
//! draft in every slot from the account's fitted model.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};

use super::{PLANNING_PATHS, PlanRequest, SCORE_HOURS, Scope};
use crate::checks::TrendBook;
use crate::domain::{Account, Draft, DraftId, DraftStatus, Lifecycle, PlanEntry};
use crate::model::ForecastContext;
use crate::schedule::wall::day_start;
use crate::schedule::{
    BestTimes, CadenceRules, CandidateSlot, Fixed, PlanDraft, PlanInput, ScoreMatrix, candidates,
    describe, hourly_grid,
};
use crate::workspace::{FORECAST_SEED, ForecastSession, Workspace, WorkspaceError};

/// Everything the planner reads, plus what turning its answer into changes needs.
pub(super) struct Inputs {
    pub slots: Vec<CandidateSlot>,
    pub needs_choice: Vec<String>,
    pub drafts: Vec<PlanDraft>,
    /// The full drafts, parallel to `drafts`.
    pub draft_rows: Vec<Draft>,
    pub scores: ScoreMatrix,
    pub fixed: Vec<Fixed>,
    pub pairs: Vec<(DraftId, DraftId)>,
    pub best: BestTimes,
    /// Existing entries whose drafts are placed again, by draft (time order).
    pub replanned: HashMap<DraftId, Vec<PlanEntry>>,
    pub kept: usize,
}

impl Inputs {
    pub fn plan_input<'a>(&'a self, rules: &'a CadenceRules) -> PlanInput<'a> {
        PlanInput {
            rules,
            slots: &self.slots,
            drafts: &self.drafts,
            scores: &self.scores,
            fixed: &self.fixed,
            near_duplicates: &self.pairs,
            best_times: &self.best,
        }
    }
}

/// True when the draft's sound or one of its hashtags is fading on the trend lists.
pub(super) fn is_fading(draft: &Draft, book: &TrendBook) -> bool {
    let fading = |lifecycle: Lifecycle| lifecycle == Lifecycle::Fading;
    draft
        .sound
        .as_deref()
        .and_then(|s| book.sound(s))
        .is_some_and(|e| fading(e.lifecycle))
        || draft
            .hashtags
            .iter()
            .filter_map(|t| book.hashtag(t))
            .any(|e| fading(e.lifecycle))
}

/// Each candidate's heat map (its checks, then the model's batch run, see
/// `model/heat_maps.rs`), on every core: a map depends on its draft alone, so the answer is
/// the same on any number of threads.
fn heat_maps(
    session: &ForecastSession,
    rows: &[Draft],
    week_start: DateTime<Utc>,
    context: &ForecastContext,
) -> Vec<[f64; 168]> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = rows.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let parts: Vec<_> = rows
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let features: Vec<_> = part.iter().map(|d| session.features(d)).collect();
                    session.model.heat_maps(&features, week_start, context)
                })
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|part| part.join().expect("a heat map never panics"))
            .collect()
    })
}

pub(super) fn read(
    workspace: &Workspace,
    account: &Account,
    rules: &CadenceRules,
    request: &PlanRequest,
    scope: Scope,
    now: DateTime<Utc>,
) -> Result<Inputs, WorkspaceError> {
    let store = workspace.store();
    let zone = account.time_zone;
    let range_start = day_start(zone, request.from);
    let range_end = day_start(zone, request.to + Duration::days(1));
    let in_range = |at: DateTime<Utc>| at >= range_start && at < range_end;

    let drafts: HashMap<DraftId, Draft> = store
        .drafts(account.id)?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    if let Scope::One(id) = scope {
        match drafts.get(&id) {
            None => {
                return Err(WorkspaceError::Planning(format!(
                    "draft {} is not a draft of {} (or it is in the Trash)",
                    id.0,
                    account.at_handle()
                )));
            }
            Some(d) if d.status == DraftStatus::Posted => {
                return Err(WorkspaceError::Planning(format!(
                    "\"{}\" is already posted: there is nothing to place",
                    d.display_title()
                )));
            }
            Some(_) => {}
        }
    }

    let entries = store.plan_entries(
        account.id,
        DateTime::<Utc>::MIN_UTC,
        DateTime::<Utc>::MAX_UTC,
    )?;
    let planned: HashSet<DraftId> = entries.iter().map(|e| e.draft).collect();
    let mut replanned: HashMap<DraftId, Vec<PlanEntry>> = HashMap::new();
    let mut fixed = Vec::new();
    let mut kept = 0;
    for e in entries {
        let status = drafts.get(&e.draft).map(|d| d.status);
        let again = match scope {
            Scope::Range => {
                in_range(e.instant) && !e.pinned && status.is_some_and(|s| s != DraftStatus::Posted)
            }
            Scope::One(id) => e.draft == id,
        };
        if again {
            replanned.entry(e.draft).or_default().push(e);
            continue;
        }
        if in_range(e.instant) {
            kept += 1;
        }
        fixed.push(Fixed {
            draft: e.draft,
            subculture: drafts.get(&e.draft).and_then(|d| d.subculture),
            date: e.instant.with_timezone(&zone).date_naive(),
            instant: e.instant,
        });
    }

    let mut candidate_rows: Vec<Draft> = match scope {
        Scope::Range => drafts
            .values()
            .filter(|d| {
                replanned.contains_key(&d.id)
                    || (d.status == DraftStatus::Approved && !planned.contains(&d.id))
            })
            .cloned()
            .collect(),
        Scope::One(id) => drafts.get(&id).cloned().into_iter().collect(),
    };
    candidate_rows.sort_by_key(|d| d.id);

    let (slots, ask) = candidates(&hourly_grid(rules, zone, request.from, request.to));
    let slots: Vec<CandidateSlot> = slots.into_iter().filter(|s| s.instant > now).collect();
    let needs_choice = ask
        .iter()
        .filter(|w| w.resolution.pick(crate::schedule::Choice::Later) > now)
        .map(|w| describe(zone, w.wall, &w.resolution))
        .collect();

    let profile = store.hour_of_week_profile(account.id)?;
    let best = BestTimes::from_profile(&profile.mean_active, profile.weeks);
    let session = workspace.forecast_session(account, now)?;
    let mut context = ForecastContext::with_paths(FORECAST_SEED, PLANNING_PATHS);
    context.drivers = false;
    context.heat_map_hours = SCORE_HOURS;
    context.posts_same_day = u32::from(rules.posts_per_day);
    let maps = heat_maps(&session, &candidate_rows, range_start, &context);
    // A draft scores by the hour of the week only: one column per hour, not one per slot, so
    // a year of slots x 5,000 drafts stays a few megabytes.
    let column_of = slots
        .iter()
        .map(|s| u32::from(s.hour_of_week) % 168)
        .collect();
    let scores = ScoreMatrix::by_column(candidate_rows.len(), 168, column_of, |d, h| {
        let h = h as u8;
        maps[d][usize::from(h)] * best.prior_factor(h)
    });

    let book = session.checks().trends();
    let plan_drafts = candidate_rows
        .iter()
        .map(|d| PlanDraft {
            id: d.id,
            subculture: d.subculture,
            fading: is_fading(d, book),
        })
        .collect();
    let others: Vec<&Draft> = fixed.iter().filter_map(|f| drafts.get(&f.draft)).collect();
    let checks = session.checks();
    let pairs =
        super::near_duplicates::pairs(&candidate_rows, &others, |d| checks.caption_print(d));

    Ok(Inputs {
        slots,
        needs_choice,
        drafts: plan_drafts,
        draft_rows: candidate_rows,
        scores,
        fixed,
        pairs,
        best,
        replanned,
        kept,
    })
}
