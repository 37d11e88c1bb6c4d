//! The posting cadence the planner keeps: posts a day, minimum spacing, allowed days and hours
//! (stored on the account, [`Cadence`]) and the subculture mix (stored beside it as a workspace
//! setting).
//!
//! The seed advises 1-4 posts a day; the planner follows whatever the user set (more than four
//! gets the checks' `posting-frequency` warning, not a refusal).

use serde::{Deserialize, Serialize};

use crate::domain::{Cadence, SubcultureId};

/// The seed's range of posts a day (tip 6: TikTok recommends posting 1-4 times a day).
pub const RECOMMENDED_POSTS_PER_DAY: std::ops::RangeInclusive<u8> = 1..=4;

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
            posts_per_day: cadence.posts_per_day.max(1),
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
    }
}
