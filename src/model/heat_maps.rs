//! Heat maps of many drafts at once (the planner scores every candidate: 5,000 drafts x 168
//! hours): the numbers [`AccountModel::heat_map`] gives draft by draft, bit for bit, with the
//! work that does not depend on the draft done once.
//!
//! - A draft the checks keep out of For You gets no pools, only the Following feed, whose
//!   paths do not read the draft: its map is the same for every such draft, simulated once.
//! - By reach model 2 a cell is `10^(level + log10 A(age) + trees(x) + shift)`: the age warp
//!   is the hour's, the shift the draft's, and the row `x` reads the posting time only in its
//!   cadence inputs and the draft only in its own inputs (`DRAFT_INPUTS` on). Hours whose
//!   cadence inputs fall on the same side of every split of every tree (`learned/routes.rs`)
//!   reach the same leaves, so the trees run once per class of hours, not once per hour; drafts
//!   whose own inputs fall alike at every split share those predictions too.
//!
//! Each cell is the same floating-point expression, in the same order, on the same values as
//! in [`AccountModel::heat_map`], so the planner sees exactly the scores it saw draft by draft.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::AccountModel;
use super::features::{DraftFeatures, Slot};
use super::forecast::ForecastContext;
use super::learned::{AccountState, DRAFT_INPUTS, INPUTS, Learned};
use super::timing::SlotEffect;

const HOURS: usize = 168;

/// What reach model 2's heat maps of one week share across drafts.
struct Week<'a> {
    state: &'a AccountState,
    /// `level + log10 A(age)` of each hour, its time warp applied.
    base: [f64; HOURS],
    /// The class of each hour (hours of a class read the same leaves).
    class_of: [usize; HOURS],
    /// One instant of each class.
    class_at: Vec<DateTime<Utc>>,
    /// The trees' prediction in each class, by the key of a draft's own inputs.
    by_draft: HashMap<Vec<u32>, Vec<f64>>,
}

impl<'a> Week<'a> {
    /// `None` where [`AccountModel::heat_map`] does not use reach model 2 for a recommended
    /// draft. `probe` is any draft: the inputs before `DRAFT_INPUTS` do not depend on it.
    fn new(
        model: &'a AccountModel,
        probe: &DraftFeatures,
        week_start: DateTime<Utc>,
        context: &ForecastContext,
    ) -> Option<Self> {
        if context.account_model_only {
            return None;
        }
        let state = model.learned.as_ref()?;
        let routes = Learned::get().routes();
        let mut base = [0.0; HOURS];
        let mut class_of = [0; HOURS];
        let mut class_at = Vec::new();
        let mut classes: HashMap<Vec<u32>, usize> = HashMap::new();
        for hour in 0..HOURS {
            let slot = Slot::in_week(week_start, hour as u8);
            let effect = SlotEffect::of(model.audience(), &slot, context.posts_same_day);
            let age = context.heat_map_hours.max(1e-3) * effect.speed;
            base[hour] = state.level + state.log10_fraction(age);
            let key = routes.key(&state.inputs(probe, slot.at), 0..DRAFT_INPUTS);
            let next = class_at.len();
            class_of[hour] = *classes.entry(key).or_insert(next);
            if class_of[hour] == next {
                class_at.push(slot.at);
            }
        }
        Some(Self {
            state,
            base,
            class_of,
            class_at,
            by_draft: HashMap::new(),
        })
    }

    /// The map of a recommended draft: `AccountModel::learned_heat_map`, cell for cell.
    fn map(&mut self, model: &AccountModel, draft: &DraftFeatures) -> [f64; HOURS] {
        let trees = Learned::get();
        let shift = model.unseen_shift(draft);
        let (state, class_at) = (self.state, &self.class_at);
        let own = state.inputs(draft, class_at[0]);
        let key = trees.routes().key(&own, DRAFT_INPUTS..INPUTS);
        let predictions = self.by_draft.entry(key).or_insert_with(|| {
            class_at
                .iter()
                .map(|at| trees.predict(&state.inputs(draft, *at)))
                .collect()
        });
        let mut map = [0.0; HOURS];
        for (hour, cell) in map.iter_mut().enumerate() {
            *cell = 10f64.powf(self.base[hour] + predictions[self.class_of[hour]] + shift);
        }
        map
    }
}

impl AccountModel {
    /// [`AccountModel::heat_map`] of each draft, the same numbers bit for bit, with the work
    /// the drafts share done once (see the module docs).
    pub fn heat_maps(
        &self,
        drafts: &[DraftFeatures],
        week_start: DateTime<Utc>,
        context: &ForecastContext,
    ) -> Vec<[f64; HOURS]> {
        let mut week = drafts
            .iter()
            .find(|d| !d.not_recommended)
            .and_then(|probe| Week::new(self, probe, week_start, context));
        let mut hidden: Option<[f64; HOURS]> = None;
        drafts
            .iter()
            .map(|draft| {
                if draft.not_recommended {
                    *hidden.get_or_insert_with(|| self.heat_map(draft, week_start, context))
                } else if let Some(week) = &mut week {
                    week.map(self, draft)
                } else {
                    self.heat_map(draft, week_start, context)
                }
            })
            .collect()
    }
}
