//! Account analytics from TikTok Studio: daily metrics, follower activity by hour, audience
//! shares, and the log of imports that brought them in.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::AccountId;
use super::draft::stored_enum;

/// One day of an account's metrics; every field is optional because each report carries a
/// different subset (Overview, Viewers, FollowerHistory).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DailyMetrics {
    pub date: Option<NaiveDate>,
    pub video_views: Option<i64>,
    pub profile_views: Option<i64>,
    pub likes: Option<i64>,
    pub comments: Option<i64>,
    pub shares: Option<i64>,
    pub reached_audience: Option<i64>,
    pub total_viewers: Option<i64>,
    pub new_viewers: Option<i64>,
    pub returning_viewers: Option<i64>,
    pub followers: Option<i64>,
    pub follower_change: Option<i64>,
}

/// Active followers in one local hour (FollowerActivity), in the account's zone.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowerActivity {
    pub account: AccountId,
    pub date: NaiveDate,
    /// 0..=23, local to the account.
    pub hour: u8,
    pub active_followers: i64,
}

/// Which audience breakdown a share belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AudienceDimension {
    Gender,
    Territory,
}

stored_enum!(AudienceDimension {
    Gender => "gender", "Gender";
    Territory => "territory", "Territory";
});

/// The share of the audience in one group (`Female`, `NL`), as a fraction 0..1.
#[derive(Debug, Clone, PartialEq)]
pub struct AudienceShare {
    pub account: AccountId,
    pub dimension: AudienceDimension,
    pub key: String,
    pub share: f64,
    pub captured_on: NaiveDate,
}

/// One file brought into the workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRecord {
    pub id: i64,
    pub file_name: String,
    /// SHA-256 (hex) of the file's bytes.
    pub content_hash: String,
    pub imported_at: DateTime<Utc>,
    /// `Overview`, `Content`, `generic history`, `trend list`, `demo` ...
    pub report_kind: String,
    pub account: Option<AccountId>,
    /// Human-readable: what changed.
    pub summary: String,
}
