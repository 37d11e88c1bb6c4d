//! The planner's working state: which draft sits in which slot, with the counts and instants
//! that make every constraint check cheap, and the per-column ranking and per-day slot lists
//! that let a step look only at the candidates that can matter. A constraint check is split
//! into what depends on the slot, on the draft and on the pair, so a caller that walks
//! candidates in score order can drop a slot or a draft for good once it cannot take more.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{NaiveDate, Timelike};

use super::ranking::Ranking;
use super::{FADE_KEEP_PER_DAY, PlanInput};
use crate::schedule::cadence::MixGroup;

pub(super) struct State<'a> {
    pub input: &'a PlanInput<'a>,
    /// Per slot, what a fading draft keeps of its score there (`0.85^days`).
    fade: Vec<f64>,
    fading: Vec<bool>,
    pub ranking: Ranking,
    /// Slots the rules allow, by index.
    pub usable: Vec<usize>,
    /// The usable slots of each day, by index.
    usable_of_day: Vec<Vec<usize>>,
    /// Days that can take another post.
    open_days: BTreeSet<usize>,
    slot_of: Vec<Option<usize>>,
    taken: Vec<Option<usize>>,
    day_of_slot: Vec<usize>,
    day_count: Vec<usize>,
    group_of: Vec<usize>,
    group_count: Vec<usize>,
    group_cap: Vec<Option<usize>>,
    similar: Vec<Vec<usize>>,
    fixed_similar: Vec<Vec<i64>>,
    /// Instants (unix seconds) of every post, fixed and placed, with multiplicity.
    occupied: BTreeMap<i64, u32>,
    duplicate_gap: i64,
}

impl<'a> State<'a> {
    pub fn new(input: &'a PlanInput<'a>) -> Self {
        let rules = input.rules;
        let slots = input.slots;
        let first_date = slots.iter().map(|s| s.date).min();

        let mut days: Vec<NaiveDate> = slots.iter().map(|s| s.date).collect();
        days.sort_unstable();
        days.dedup();
        let day_index = |d: NaiveDate| days.binary_search(&d).ok();
        let day_of_slot: Vec<usize> = slots
            .iter()
            .map(|s| day_index(s.date).unwrap_or(0))
            .collect();
        let mut day_count = vec![0; days.len()];

        let capacity = usize::from(rules.posts_per_day) * days.len();
        let mut groups: Vec<MixGroup> = input
            .drafts
            .iter()
            .map(|d| rules.mix.group(d.subculture))
            .chain(input.fixed.iter().map(|f| rules.mix.group(f.subculture)))
            .collect();
        groups.sort_unstable();
        groups.dedup();
        let group_index = |g: MixGroup| groups.binary_search(&g).unwrap_or(0);
        let group_of: Vec<usize> = input
            .drafts
            .iter()
            .map(|d| group_index(rules.mix.group(d.subculture)))
            .collect();
        let group_cap: Vec<Option<usize>> =
            groups.iter().map(|g| rules.mix.cap(*g, capacity)).collect();
        let mut group_count = vec![0; groups.len()];

        let mut occupied = BTreeMap::new();
        let mut taken = vec![None; slots.len()];
        let fixed_at: HashMap<i64, ()> = input
            .fixed
            .iter()
            .map(|f| (f.instant.timestamp(), ()))
            .collect();
        for f in input.fixed {
            *occupied.entry(f.instant.timestamp()).or_insert(0) += 1;
            if let Some(i) = day_index(f.date) {
                day_count[i] += 1;
                group_count[group_index(rules.mix.group(f.subculture))] += 1;
            }
        }
        // A slot at a fixed entry's instant is taken (by no draft of ours).
        let blocked = usize::MAX;
        for (s, slot) in slots.iter().enumerate() {
            if fixed_at.contains_key(&slot.instant.timestamp()) {
                taken[s] = Some(blocked);
            }
        }

        let index_of: HashMap<_, usize> = input
            .drafts
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id, i))
            .collect();
        let fixed_instants: HashMap<_, Vec<i64>> =
            input.fixed.iter().fold(HashMap::new(), |mut m, f| {
                m.entry(f.draft)
                    .or_insert_with(Vec::new)
                    .push(f.instant.timestamp());
                m
            });
        let mut similar = vec![Vec::new(); input.drafts.len()];
        let mut fixed_similar = vec![Vec::new(); input.drafts.len()];
        for (a, b) in input.near_duplicates {
            for (x, y) in [(a, b), (b, a)] {
                let Some(&i) = index_of.get(x) else { continue };
                if let Some(&j) = index_of.get(y)
                    && i != j
                    && !similar[i].contains(&j)
                {
                    similar[i].push(j);
                }
                if let Some(at) = fixed_instants.get(y) {
                    fixed_similar[i].extend(at);
                }
            }
        }

        let usable: Vec<usize> = (0..slots.len())
            .filter(|&s| {
                let slot = &slots[s];
                rules.allows(slot.date, slot.wall.hour())
                    && taken[s].is_none()
                    && usize::from(rules.posts_per_day) > 0
            })
            .collect();

        let fade: Vec<f64> = slots
            .iter()
            .map(|slot| {
                let waited = first_date.map_or(0, |first| (slot.date - first).num_days().max(0));
                FADE_KEEP_PER_DAY.powi(waited as i32)
            })
            .collect();
        let mut usable_of_day = vec![Vec::new(); days.len()];
        for &s in &usable {
            usable_of_day[day_of_slot[s]].push(s);
        }
        let per_day = usize::from(rules.posts_per_day);
        let open_days = (0..days.len())
            .filter(|&i| day_count[i] < per_day)
            .collect();

        Self {
            input,
            fade,
            fading: input.drafts.iter().map(|d| d.fading).collect(),
            ranking: Ranking::new(input.scores, input.drafts),
            usable,
            usable_of_day,
            open_days,
            slot_of: vec![None; input.drafts.len()],
            taken,
            day_of_slot,
            day_count,
            group_of,
            group_count,
            group_cap,
            similar,
            fixed_similar,
            occupied,
            duplicate_gap: rules.duplicate_gap_seconds(),
        }
    }

    /// How many drafts may be placed (the exhaustive reference planner walks them all).
    #[cfg(test)]
    pub fn drafts(&self) -> usize {
        self.slot_of.len()
    }

    /// Effective score of draft `d` in slot `s` (fading drafts discounted).
    pub fn eff(&self, d: usize, s: usize) -> f64 {
        let v = self.input.scores.get(d, s);
        if self.fading[d] { v * self.fade[s] } else { v }
    }

    /// What a fading draft keeps of its score in slot `s`.
    pub fn fade(&self, s: usize) -> f64 {
        self.fade[s]
    }

    /// The usable slots of slot `s`'s day.
    pub fn usable_on_day_of(&self, s: usize) -> &[usize] {
        &self.usable_of_day[self.day_of_slot[s]]
    }

    /// The usable slots of every day that can take another post, day by day.
    pub fn usable_on_open_days(&self) -> impl Iterator<Item = usize> + '_ {
        self.open_days
            .iter()
            .flat_map(|&day| self.usable_of_day[day].iter().copied())
    }

    pub fn slot_of(&self, d: usize) -> Option<usize> {
        self.slot_of[d]
    }

    /// (draft, slot) of every placement.
    pub fn placed(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.slot_of
            .iter()
            .enumerate()
            .filter_map(|(d, s)| s.map(|s| (d, s)))
    }

    pub fn objective(&self) -> f64 {
        self.placed().map(|(d, s)| self.eff(d, s)).sum()
    }

    fn at(&self, s: usize) -> i64 {
        self.input.slots[s].instant.timestamp()
    }

    /// True when draft `d` (unplaced) may go into free slot `s`.
    pub fn fits(&self, d: usize, s: usize) -> bool {
        self.draft_open(d) && self.slot_open(s) && self.pair_fits(d, s)
    }

    /// True when `d` is unplaced and its subculture has room.
    pub fn draft_open(&self, d: usize) -> bool {
        let g = self.group_of[d];
        self.slot_of[d].is_none() && self.group_cap[g].is_none_or(|cap| self.group_count[g] < cap)
    }

    /// True when slot `s` is free, its day has room and no post is too close.
    pub fn slot_open(&self, s: usize) -> bool {
        if self.taken[s].is_some() {
            return false;
        }
        let rules = self.input.rules;
        if rules.day_full(self.day_count[self.day_of_slot[s]]) {
            return false;
        }
        let t = self.at(s);
        let close = rules.too_close();
        if self
            .occupied
            .range(t + close.start()..=t + close.end())
            .next()
            .is_some()
        {
            return false;
        }
        true
    }

    /// True when no near-duplicate of `d` is posted too close to slot `s`.
    pub fn pair_fits(&self, d: usize, s: usize) -> bool {
        let t = self.at(s);
        let far = |other: i64| (other - t).abs() >= self.duplicate_gap;
        self.similar[d]
            .iter()
            .filter_map(|&j| self.slot_of[j])
            .all(|sj| far(self.at(sj)))
            && self.fixed_similar[d].iter().all(|&at| far(at))
    }

    pub fn place(&mut self, d: usize, s: usize) {
        self.slot_of[d] = Some(s);
        self.taken[s] = Some(d);
        let day = self.day_of_slot[s];
        self.day_count[day] += 1;
        if self.day_count[day] >= usize::from(self.input.rules.posts_per_day) {
            self.open_days.remove(&day);
        }
        self.group_count[self.group_of[d]] += 1;
        *self.occupied.entry(self.at(s)).or_insert(0) += 1;
    }

    pub fn remove(&mut self, d: usize) {
        let Some(s) = self.slot_of[d].take() else {
            return;
        };
        self.taken[s] = None;
        let day = self.day_of_slot[s];
        self.day_count[day] -= 1;
        if self.day_count[day] < usize::from(self.input.rules.posts_per_day) {
            self.open_days.insert(day);
        }
        self.group_count[self.group_of[d]] -= 1;
        let t = self.at(s);
        if let Some(n) = self.occupied.get_mut(&t) {
            *n -= 1;
            if *n == 0 {
                self.occupied.remove(&t);
            }
        }
    }

    /// The most posts the free days can still take.
    pub fn capacity(&self) -> usize {
        let per_day = usize::from(self.input.rules.posts_per_day);
        self.day_count
            .iter()
            .map(|c| per_day.saturating_sub(*c))
            .sum()
    }
}
