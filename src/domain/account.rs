//! An account the team posts from: its handle, time zone and posting cadence.

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::Handle;

/// Row id of an account in the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AccountId(pub i64);

/// A TikTok account the team runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Account {
    pub id: AccountId,
    /// Unique in the workspace (ignoring case).
    pub handle: Handle,
    pub display_name: String,
    /// The IANA zone the account's audience and schedule live in.
    pub time_zone: Tz,
    /// ISO-3166 alpha-2 region the account posts for (`NL`, `US`).
    pub region: String,
    /// BCP-47 language of most posts (`nl`, `en`).
    pub language: String,
    pub cadence: Cadence,
}

/// What a new account needs; the workspace assigns the id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewAccount {
    pub handle: Handle,
    pub display_name: String,
    pub time_zone: Tz,
    pub region: String,
    pub language: String,
}

/// How often and when an account posts. The seed advises 1-4 posts a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cadence {
    pub posts_per_day: u8,
    pub min_spacing_hours: f32,
    /// Bit 0 = Monday ... bit 6 = Sunday.
    pub allowed_days: u8,
    /// First allowed local hour (inclusive).
    pub first_hour: u8,
    /// Last allowed local hour (inclusive).
    pub last_hour: u8,
}

impl Default for Cadence {
    fn default() -> Self {
        Self {
            posts_per_day: 2,
            min_spacing_hours: 3.0,
            allowed_days: 0b111_1111,
            first_hour: 8,
            last_hour: 22,
        }
    }
}

impl Account {
    /// `@handle`, the way users write it.
    pub fn at_handle(&self) -> String {
        self.handle.to_string()
    }
}
