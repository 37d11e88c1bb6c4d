//! The planner's working state: which draft sits in which slot, with the counts and instants
//! that make every constraint check cheap.

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, Timelike};

use super::{FADE_KEEP_PER_DAY, PlanInput};
use crate::schedule::cadence::MixGroup;

pub(super) struct State<'a> {
    pub input: &'a PlanInput<'a>,
    /// Effective score per draft x slot (fading drafts discounted).
    eff: Vec<f64>,
    /// Slots the rules allow, by index.
    pub usable: Vec<usize>,
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

        let mut eff = Vec::with_capacity(input.drafts.len() * slots.len());
        for (d, draft) in input.drafts.iter().enumerate() {
            for (s, slot) in slots.iter().enumerate() {
                let mut v = input.scores.get(d, s);
                if draft.fading
                    && let Some(first) = first_date
                {
                    let days = (slot.date - first).num_days().max(0);
                    v *= FADE_KEEP_PER_DAY.powi(days as i32);
                }
                eff.push(v);
            }
        }

        Self {
            input,
            eff,
            usable,
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

    pub fn drafts(&self) -> usize {
        self.slot_of.len()
    }

    pub fn eff(&self, d: usize, s: usize) -> f64 {
        self.eff[d * self.input.slots.len() + s]
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
        if self.slot_of[d].is_some() || self.taken[s].is_some() {
            return false;
        }
        let rules = self.input.rules;
        if rules.day_full(self.day_count[self.day_of_slot[s]]) {
            return false;
        }
        let g = self.group_of[d];
        if self.group_cap[g].is_some_and(|cap| self.group_count[g] >= cap) {
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
        self.day_count[self.day_of_slot[s]] += 1;
        self.group_count[self.group_of[d]] += 1;
        *self.occupied.entry(self.at(s)).or_insert(0) += 1;
    }

    pub fn remove(&mut self, d: usize) {
        let Some(s) = self.slot_of[d].take() else {
            return;
        };
        self.taken[s] = None;
        self.day_count[self.day_of_slot[s]] -= 1;
        self.group_count[self.group_of[d]] -= 1;
        let t = self.at(s);
        if let Some(n) = self.occupied.get_mut(&t) {
            *n -= 1;
            if *n == 0 {
                self.occupied.remove(&t);
            }
        }
    }

    /// Step 1: every (draft, slot) pair, best effective score first.
    pub fn greedy(&mut self) {
        let mut pairs: Vec<(f64, u32, u32)> = Vec::with_capacity(self.drafts() * self.usable.len());
        for d in 0..self.drafts() {
            for &s in &self.usable {
                pairs.push((self.eff(d, s), d as u32, s as u32));
            }
        }
        pairs.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
        let capacity = self.capacity();
        let mut placed = 0;
        for (_, d, s) in pairs {
            if placed >= capacity {
                break;
            }
            let (d, s) = (d as usize, s as usize);
            if self.fits(d, s) {
                self.place(d, s);
                placed += 1;
            }
        }
    }

    /// The most posts the free days can still take.
    fn capacity(&self) -> usize {
        let per_day = usize::from(self.input.rules.posts_per_day);
        self.day_count
            .iter()
            .map(|c| per_day.saturating_sub(*c))
            .sum()
    }
}
