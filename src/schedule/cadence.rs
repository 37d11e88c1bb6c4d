//! The posting cadence the planner keeps: posts a day, minimum spacing, allowed days and hours
//! (stored on the account, [`Cadence`]) and the subculture mix (stored beside it as a workspace
//! setting).
//!
//! The one owner of the cadence's rules: which cadence an account may have ([`check`]), when a
//! day is full or over, when two posts are too close, which days and hours are allowed, and the
//! seed's advice. The planner, the calendar's conflict marks, the account form and the
//! `posting-frequency` check all ask here rather than compare numbers themselves.
//!
//! The seed advises 1-4 posts a day; the planner follows whatever the user set (more than four
//! gets the checks' `posting-frequency` warning, not a refusal).

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::{Cadence, SubcultureId};

/// The seed's range of posts a day (tip 6: TikTok recommends posting 1-4 times a day).
pub const RECOMMENDED_POSTS_PER_DAY: RangeInclusive<u8> = 1..=4;

/// True when `posts` on one day is more than the seed advises.
pub fn above_advice(posts: usize) -> bool {
    posts > usize::from(*RECOMMENDED_POSTS_PER_DAY.end())
}

/// True when `date`'s weekday is set in a Monday-first bit mask (bit 0 = Monday).
pub fn day_allowed(mask: u8, date: NaiveDate) -> bool {
    mask & (1 << date.weekday().num_days_from_monday()) != 0
}

/// Why a cadence cannot be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CadenceProblem {
    #[error("Pick at least one posting day.")]
    NoPostingDay,
    #[error("The first hour comes after the last hour.")]
    HoursReversed,
}

/// Checks that a cadence leaves room to post: at least one day, and hours in order.
pub fn check(cadence: &Cadence) -> Result<(), CadenceProblem> {
    if cadence.allowed_days & 0b111_1111 == 0 {
        return Err(CadenceProblem::NoPostingDay);
    }
    if cadence.first_hour > cadence.last_hour {
        return Err(CadenceProblem::HoursReversed);
    }
    Ok(())
}

/// The posts a day a cadence asks for (at least one).
pub fn posts_per_day(cadence: &Cadence) -> u8 {
    cadence.posts_per_day.max(1)
}

/// The largest share of the planned posts each subculture may take. Subcultures not listed
/// (and drafts without one) share what is left; an empty mix means no limit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SubcultureMix {
    pub shares: Vec<(SubcultureId, f32)>,
}

/// Which group of the mix a draft counts towards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MixGroup {
    Listed(SubcultureId),
    Other,
}

impl SubcultureMix {
    pub fn is_empty(&self) -> bool {
        self.shares.is_empty()
    }

    /// The group a draft of `subculture` counts towards.
    pub fn group(&self, subculture: Option<SubcultureId>) -> MixGroup {
        match subculture {
            Some(id) if self.shares.iter().any(|(s, _)| *s == id) => MixGroup::Listed(id),
            _ => MixGroup::Other,
        }
    }

    /// The share of a group (0..1).
    pub fn share(&self, group: MixGroup) -> f64 {
        let clean = |v: f32| f64::from(v).clamp(0.0, 1.0);
        match group {
            MixGroup::Listed(id) => self
                .shares
                .iter()
                .find(|(s, _)| *s == id)
                .map_or(0.0, |(_, v)| clean(*v)),
            MixGroup::Other => {
                (1.0 - self.shares.iter().map(|(_, v)| clean(*v)).sum::<f64>()).max(0.0)
            }
        }
    }

    /// The most posts a group may take out of `capacity` planned posts: the share rounded up,
    /// so a 25% share of 6 posts allows 2. `None` without a mix.
    pub fn cap(&self, group: MixGroup, capacity: usize) -> Option<usize> {
        if self.is_empty() {
            return None;
        }
        Some((self.share(group) * capacity as f64 - 1e-9).ceil().max(0.0) as usize)
    }
}

/// Everything the planner keeps to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CadenceRules {
    pub posts_per_day: u8,
    pub min_spacing_hours: f32,
    /// Bit 0 = Monday ... bit 6 = Sunday.
    pub allowed_days: u8,
    /// First and last allowed local hour, inclusive.
    pub first_hour: u8,
    pub last_hour: u8,
    pub mix: SubcultureMix,
    /// Near-duplicate drafts are kept at least this many hours apart.
    pub duplicate_gap_hours: f32,
}

/// Hours between two near-duplicate drafts unless the caller says otherwise: three days.
pub const DEFAULT_DUPLICATE_GAP_HOURS: f32 = 72.0;

impl CadenceRules {
    /// The account's stored cadence with a subculture mix.
    pub fn new(cadence: &Cadence, mix: SubcultureMix) -> Self {
        Self {
            posts_per_day: posts_per_day(cadence),
            min_spacing_hours: cadence.min_spacing_hours.max(0.0),
            allowed_days: cadence.allowed_days & 0b111_1111,
            first_hour: cadence.first_hour.min(23),
            last_hour: cadence.last_hour.min(23),
            mix,
            duplicate_gap_hours: DEFAULT_DUPLICATE_GAP_HOURS,
        }
    }

    /// True when `posts_per_day` is outside the seed's advice.
    pub fn outside_advice(&self) -> bool {
        !RECOMMENDED_POSTS_PER_DAY.contains(&self.posts_per_day)
    }

    /// True when the local hour is allowed.
    pub fn hour_allowed(&self, hour: u32) -> bool {
        (u32::from(self.first_hour)..=u32::from(self.last_hour)).contains(&hour)
    }

    /// True when a post may go at local `hour` on local `date`.
    pub fn allows(&self, date: NaiveDate, hour: u32) -> bool {
        day_allowed(self.allowed_days, date) && self.hour_allowed(hour)
    }

    /// True when a day with `posts` posts can take no more.
    pub fn day_full(&self, posts: usize) -> bool {
        posts >= usize::from(self.posts_per_day)
    }

    /// True when a day with `posts` posts has more than the cadence allows.
    pub fn day_over(&self, posts: usize) -> bool {
        posts > usize::from(self.posts_per_day)
    }

    /// The least time between two posts, in whole seconds.
    pub fn spacing_seconds(&self) -> i64 {
        seconds(self.min_spacing_hours)
    }

    /// The least time between two near-duplicate drafts, in whole seconds.
    pub fn duplicate_gap_seconds(&self) -> i64 {
        seconds(self.duplicate_gap_hours)
    }

    /// The offsets (seconds) from a post at which another breaks the spacing: closer than the
    /// spacing, and the very same instant even without one (never two posts at once).
    pub fn too_close(&self) -> RangeInclusive<i64> {
        let within = (self.spacing_seconds() - 1).max(0);
        -within..=within
    }

    /// True when two posts `gap_seconds` apart (either order) break the spacing.
    pub fn is_too_close(&self, gap_seconds: i64) -> bool {
        self.too_close().contains(&gap_seconds)
    }
}

/// Hours as whole seconds (a negative setting counts as none).
fn seconds(hours: f32) -> i64 {
    (f64::from(hours.max(0.0)) * 3600.0).round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mix_caps_round_up_and_others_share_the_rest() {
        let mix = SubcultureMix {
            shares: vec![(SubcultureId(1), 0.5), (SubcultureId(2), 0.25)],
        };
        assert_eq!(mix.cap(mix.group(Some(SubcultureId(1))), 10), Some(5));
        assert_eq!(mix.cap(mix.group(Some(SubcultureId(2))), 6), Some(2));
        assert_eq!(mix.group(Some(SubcultureId(9))), MixGroup::Other);
        assert_eq!(mix.cap(MixGroup::Other, 8), Some(2));
        assert_eq!(SubcultureMix::default().cap(MixGroup::Other, 8), None);
    }

    #[test]
    fn the_seeds_advice_is_one_to_four_posts_a_day() {
        let mut rules = CadenceRules::new(&Cadence::default(), SubcultureMix::default());
        assert!(!rules.outside_advice());
        rules.posts_per_day = 6;
        assert!(rules.outside_advice());
        assert!(!above_advice(4));
        assert!(above_advice(5));
    }

    #[test]
    fn posts_closer_than_the_spacing_or_at_one_instant_are_too_close() {
        let mut rules = CadenceRules::new(&Cadence::default(), SubcultureMix::default());
        // Default cadence: 3 h apart.
        assert!(rules.is_too_close(3 * 3600 - 1));
        assert!(rules.is_too_close(-(3 * 3600 - 1)));
        assert!(!rules.is_too_close(3 * 3600));
        rules.min_spacing_hours = 0.0;
        assert!(rules.is_too_close(0));
        assert!(!rules.is_too_close(1));
    }

    #[test]
    fn a_day_is_full_at_its_posts_and_over_past_them() {
        let rules = CadenceRules::new(&Cadence::default(), SubcultureMix::default());
        assert!(!rules.day_full(1) && rules.day_full(2));
        assert!(!rules.day_over(2) && rules.day_over(3));
    }

    #[test]
    fn a_cadence_needs_a_posting_day_and_hours_in_order() {
        assert_eq!(check(&Cadence::default()), Ok(()));
        let none = Cadence {
            allowed_days: 0,
            ..Cadence::default()
        };
        assert_eq!(check(&none), Err(CadenceProblem::NoPostingDay));
        let reversed = Cadence {
            first_hour: 20,
            last_hour: 8,
            ..Cadence::default()
        };
        assert_eq!(check(&reversed), Err(CadenceProblem::HoursReversed));
    }
}
