//! Overview.csv: the account's daily views, profile views, likes, comments and shares, in the
//! app layout (`"Date","Video Views","Profile Views","Likes","Comments","Shares"`) and the
//! business/web layout (`Date,Video views,Reached audience,...,Net growth,New followers,Lost
//! followers`, yearful `2026/05/10` dates).
//!
//! It only maps columns to [`DailyMetrics`](crate::domain::DailyMetrics); dates, counts and
//! rejections are read as every daily report reads them.

use super::columns::{Layout, optional, required};
use super::daily::{self, Field};
use super::{Parsed, StudioFile};
use crate::io::{ImportError, ReportKind};

const VIEWS: usize = 1;
const PROFILE_VIEWS: usize = 2;
const LIKES: usize = 3;
const COMMENTS: usize = 4;
const SHARES: usize = 5;
const REACHED: usize = 6;
const NET_GROWTH: usize = 7;
const FOLLOWERS: usize = 8;

pub(super) const LAYOUT: Layout = Layout {
    kind: ReportKind::Overview,
    columns: &[
        required(&["date"]),
        required(&["video views"]),
        optional(&["profile views"]),
        optional(&["likes"]),
        optional(&["comments"]),
        optional(&["shares"]),
        optional(&["reached audience"]),
        optional(&["net growth"]),
        optional(&["followers", "total followers"]),
    ],
    ignored: &[
        "website clicks",
        "new followers",
        "lost followers",
        "phone number clicks",
        "email clicks",
        "address clicks",
        "lead submissions",
        "app download link clicks",
    ],
};

const FIELDS: &[(usize, Field)] = &[
    (VIEWS, |m| &mut m.video_views),
    (PROFILE_VIEWS, |m| &mut m.profile_views),
    (LIKES, |m| &mut m.likes),
    (COMMENTS, |m| &mut m.comments),
    (SHARES, |m| &mut m.shares),
    (REACHED, |m| &mut m.reached_audience),
    (NET_GROWTH, |m| &mut m.follower_change),
    (FOLLOWERS, |m| &mut m.followers),
];

pub(super) fn read(input: &StudioFile<'_>) -> Result<Parsed, ImportError> {
    daily::read(input, &LAYOUT, FIELDS)
}
