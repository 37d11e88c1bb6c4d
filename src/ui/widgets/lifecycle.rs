//! A trend item's lifecycle (new, rising, peaking, fading) read from the history of its ranks,
//! and the colour its chip wears in the Trends view. The rule is pure; when the drafts'
//! `sound-fading` check needs it, it moves down to `domain` (checks never depend on the UI).

use eframe::egui::{self, Color32};

use crate::ui::theme;

/// Where a trend item is in its life, read from its rank history (rank 1 is the top).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifecycle {
    /// Only one ranked capture: too early to tell.
    New,
    /// The rank improved over the last captures.
    Rising,
    /// Flat, and at or near the best rank it ever had.
    Peaking,
    /// The rank worsened over the last captures, or stays well below its best.
    Fading,
}

/// How many of the latest captures decide the direction.
const WINDOW: usize = 3;

impl Lifecycle {
    /// Classifies ranks given oldest first. A move counts when it is at least 2 places and at
    /// least 10% of the starting rank, so rank 4 to 5 is noise but 40 to 30 is a climb.
    pub fn from_ranks(ranks: &[u32]) -> Self {
        let (Some(best), true) = (ranks.iter().copied().min(), ranks.len() > 1) else {
            return Lifecycle::New;
        };
        let recent = &ranks[ranks.len().saturating_sub(WINDOW)..];
        let (start, end) = (i64::from(recent[0]), i64::from(recent[recent.len() - 1]));
        let threshold = (start / 10).max(2);
        if start - end >= threshold {
            Lifecycle::Rising
        } else if end - start >= threshold {
            Lifecycle::Fading
        } else if end - i64::from(best) <= (i64::from(best) * 15 / 100).max(2) {
            Lifecycle::Peaking
        } else {
            Lifecycle::Fading
        }
    }

    /// The word users read.
    pub fn label(self) -> &'static str {
        match self {
            Lifecycle::New => "new",
            Lifecycle::Rising => "rising",
            Lifecycle::Peaking => "peaking",
            Lifecycle::Fading => "fading",
        }
    }

    /// The chip colour: green while rising, amber at its peak, grey once fading.
    pub fn colour(self, ui: &egui::Ui) -> Color32 {
        let p = theme::palette(ui);
        match self {
            Lifecycle::New => p.info,
            Lifecycle::Rising => p.ok,
            Lifecycle::Peaking => p.warn,
            Lifecycle::Fading => p.muted,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lifecycle::{self, *};

    #[test]
    fn lifecycle_reads_the_rank_history() {
        assert_eq!(Lifecycle::from_ranks(&[]), New);
        assert_eq!(Lifecycle::from_ranks(&[12]), New);
        assert_eq!(Lifecycle::from_ranks(&[50, 30, 12]), Rising);
        assert_eq!(Lifecycle::from_ranks(&[100, 90, 88]), Rising);
        assert_eq!(Lifecycle::from_ranks(&[3, 8, 20]), Fading);
        assert_eq!(Lifecycle::from_ranks(&[5, 4, 4, 5]), Peaking);
        assert_eq!(Lifecycle::from_ranks(&[2, 1]), Peaking);
        assert_eq!(Lifecycle::from_ranks(&[20, 20, 20]), Peaking);
    }

    #[test]
    fn flat_far_below_its_best_is_fading() {
        assert_eq!(Lifecycle::from_ranks(&[1, 30, 30, 30]), Fading);
    }

    #[test]
    fn only_the_last_three_captures_decide_the_direction() {
        assert_eq!(Lifecycle::from_ranks(&[90, 40, 10, 12, 15]), Fading);
        assert_eq!(Lifecycle::from_ranks(&[5, 40, 60, 50, 30]), Rising);
    }
}
