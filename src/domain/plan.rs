//! A planned post: a draft placed at a wall time in a zone, with the resolved instant.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{AccountId, DraftId};

/// Row id of a plan entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PlanEntryId(pub i64);

/// A draft placed in the posting calendar. The intended wall time and zone are the truth; the
/// instant is derived from them and kept so exports and ordering need no zone arithmetic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanEntry {
    pub id: PlanEntryId,
    pub account: AccountId,
    pub draft: DraftId,
    pub wall_time: NaiveDateTime,
    pub zone: Tz,
    pub instant: DateTime<Utc>,
    /// Stable calendar UID: never changes once the entry exists.
    pub uid: String,
    /// Incremented on every reschedule (iCalendar SEQUENCE).
    pub sequence: u32,
    /// Pinned entries are left where they are by auto-planning.
    pub pinned: bool,
    /// Why the planner chose this slot, when it did.
    pub reason: String,
}
