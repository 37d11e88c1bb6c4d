//! Where the plan breaks the account's cadence: two posts closer together than its minimum
//! spacing (or at the same instant), and days with more posts than its posts-per-day. The rules
//! are the planner's own ([`CadenceRules`]); this file only words what breaks them. Pure: the
//! calendar hands in the entries' instants and local dates (in time order) and marks what comes
//! back.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::schedule::CadenceRules;

/// One planned post as the conflict rules see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timed {
    pub instant: DateTime<Utc>,
    pub date: NaiveDate,
}

/// What is wrong with the plan, per entry (parallel to the input) and per local date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Conflicts {
    /// For each entry, the sentences that explain its conflicts (empty when it has none).
    pub entries: Vec<Vec<String>>,
    /// Days with more posts than the cadence allows, with the sentence to show.
    pub days: BTreeMap<NaiveDate, String>,
}

impl Conflicts {
    pub fn any(&self) -> bool {
        !self.days.is_empty() || self.entries.iter().any(|e| !e.is_empty())
    }
}

/// `1 h 30 min`, `45 min`, `3 h`.
pub fn gap_text(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// Checks `entries` (in time order) against the spacing and posts-per-day of `rules`.
pub fn find(entries: &[Timed], rules: &CadenceRules) -> Conflicts {
    let mut out = Conflicts {
        entries: vec![Vec::new(); entries.len()],
        days: BTreeMap::new(),
    };
    let spacing_minutes = rules.spacing_seconds() / 60;
    for i in 1..entries.len() {
        let gap = (entries[i].instant - entries[i - 1].instant).num_seconds();
        if rules.is_too_close(gap) {
            let why = if spacing_minutes == 0 && gap == 0 {
                "two posts at the same time".to_string()
            } else {
                format!(
                    "{} between two posts; the cadence asks for at least {}",
                    gap_text(gap / 60),
                    gap_text(spacing_minutes)
                )
            };
            out.entries[i - 1].push(format!("Too close to the next post: {why}."));
            out.entries[i].push(format!("Too close to the previous post: {why}."));
        }
    }
    let mut per_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for e in entries {
        *per_day.entry(e.date).or_default() += 1;
    }
    let allowed = rules.posts_per_day;
    for (date, n) in per_day {
        if rules.day_over(n) {
            out.days.insert(
                date,
                format!(
                    "{n} posts on {}; the cadence allows {allowed} a day.",
                    date.format("%a %-d %b")
                ),
            );
        }
    }
    for (e, marks) in entries.iter().zip(out.entries.iter_mut()) {
        if let Some(day) = out.days.get(&e.date) {
            marks.push(day.clone());
        }
    }
    out
}

/// The conflicts a post would have if it moved to `moved`, among `others` (every other shown
/// post, in any order): what the Week shows under the drag ghost before the drop.
pub fn after_move(others: &[Timed], moved: Timed, rules: &CadenceRules) -> Vec<String> {
    let mut all: Vec<(Timed, bool)> = others.iter().map(|t| (*t, false)).collect();
    all.push((moved, true));
    all.sort_by_key(|(t, is_moved)| (t.instant, *is_moved));
    let timed: Vec<Timed> = all.iter().map(|(t, _)| *t).collect();
    let found = find(&timed, rules);
    all.iter()
        .position(|(_, is_moved)| *is_moved)
        .and_then(|i| found.entries.into_iter().nth(i))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::Cadence;
    use crate::schedule::SubcultureMix;

    fn at(d: u32, h: u32, m: u32) -> Timed {
        Timed {
            instant: Utc.with_ymd_and_hms(2026, 5, d, h, m, 0).unwrap(),
            date: NaiveDate::from_ymd_opt(2026, 5, d).unwrap(),
        }
    }

    #[test]
    fn posts_too_close_and_busy_days_are_marked() {
        let rules = CadenceRules::new(&Cadence::default(), SubcultureMix::default());
        // Default cadence: 2 a day, 3 h apart.
        let entries = [
            at(4, 9, 0),
            at(4, 10, 30),
            at(4, 18, 0),
            at(5, 9, 0),
            at(5, 18, 0),
        ];
        let c = find(&entries, &rules);
        assert!(c.entries[0][0].contains("1 h 30 min"), "{:?}", c.entries[0]);
        assert!(c.entries[1][0].contains("previous"), "{:?}", c.entries[1]);
        assert_eq!(
            c.entries[2].len(),
            1,
            "only the busy day: {:?}",
            c.entries[2]
        );
        assert!(c.entries[3].is_empty() && c.entries[4].is_empty());
        assert_eq!(c.days.len(), 1);
        assert!(c.days.values().next().unwrap().contains("3 posts"));
        assert!(c.any());
    }

    #[test]
    fn a_move_shows_the_conflicts_it_would_cause_at_its_target() {
        let rules = CadenceRules::new(&Cadence::default(), SubcultureMix::default());
        let others = [at(5, 18, 0), at(4, 9, 0), at(4, 18, 0)];
        let fine = after_move(&others, at(5, 9, 0), &rules);
        assert!(fine.is_empty(), "{fine:?}");
        let close = after_move(&others, at(5, 17, 0), &rules);
        assert_eq!(close.len(), 1, "{close:?}");
        assert!(close[0].contains("next post") && close[0].contains("1 h"));
        let busy = after_move(&others, at(4, 13, 0), &rules);
        assert_eq!(busy.len(), 1, "{busy:?}");
        assert!(busy[0].contains("3 posts"), "{busy:?}");
    }

    #[test]
    fn two_posts_at_one_instant_conflict_even_without_a_spacing() {
        let mut rules = CadenceRules::new(&Cadence::default(), SubcultureMix::default());
        rules.min_spacing_hours = 0.0;
        let c = find(&[at(4, 9, 0), at(4, 9, 0)], &rules);
        assert!(c.entries[0][0].contains("same time"), "{:?}", c.entries[0]);
        assert!(!find(&[at(4, 9, 0), at(4, 9, 1)], &rules).any());
    }

    #[test]
    fn a_plan_within_the_cadence_has_no_conflicts() {
        let rules = CadenceRules::new(&Cadence::default(), SubcultureMix::default());
        let c = find(&[at(4, 9, 0), at(4, 12, 0), at(5, 9, 0)], &rules);
        assert!(!c.any(), "{c:?}");
        assert_eq!(gap_text(180), "3 h");
    }
}
