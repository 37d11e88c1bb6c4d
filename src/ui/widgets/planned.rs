//! Which plan entry stands for a draft's planned slot. A draft can sit in the calendar more than
//! once (re-planned, or posted and re-planned); the table shows the next upcoming entry, and
//! when none is ahead, the most recent one. Pure: no workspace, no drawing.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::domain::{DraftId, PlanEntry};

/// The instant that stands for each planned draft: its first entry at or after `now`, else its
/// latest entry before `now`.
pub fn planned_slots(entries: &[PlanEntry], now: DateTime<Utc>) -> HashMap<DraftId, DateTime<Utc>> {
    let mut slots: HashMap<DraftId, DateTime<Utc>> = HashMap::new();
    for entry in entries {
        let at = entry.instant;
        slots
            .entry(entry.draft)
            .and_modify(|current| {
                let current_ahead = *current >= now;
                let this_ahead = at >= now;
                let better = match (current_ahead, this_ahead) {
                    (true, true) => at < *current,
                    (false, true) => true,
                    (true, false) => false,
                    (false, false) => at > *current,
                };
                if better {
                    *current = at;
                }
            })
            .or_insert(at);
    }
    slots
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDateTime, TimeZone};

    use super::*;
    use crate::domain::{AccountId, PlanEntryId};

    fn entry(draft: i64, hour: u32) -> PlanEntry {
        let instant = Utc
            .with_ymd_and_hms(2026, 5, 12, hour, 0, 0)
            .single()
            .expect("valid instant");
        PlanEntry {
            id: PlanEntryId(i64::from(hour)),
            account: AccountId(1),
            draft: DraftId(draft),
            wall_time: NaiveDateTime::default(),
            zone: chrono_tz::UTC,
            instant,
            uid: String::new(),
            sequence: 0,
            pinned: false,
            reason: String::new(),
        }
    }

    #[test]
    fn the_next_upcoming_entry_wins_else_the_latest_past_one() {
        let now = Utc
            .with_ymd_and_hms(2026, 5, 12, 12, 0, 0)
            .single()
            .expect("valid instant");
        let entries = [
            entry(1, 8),
            entry(1, 18),
            entry(1, 14),
            entry(2, 6),
            entry(2, 9),
        ];
        let slots = planned_slots(&entries, now);
        assert_eq!(slots[&DraftId(1)], entries[2].instant);
        assert_eq!(slots[&DraftId(2)], entries[4].instant);
    }
}
