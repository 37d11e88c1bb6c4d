//! Account analytics: daily metrics, follower activity by hour, audience shares.

use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, params};

use super::convert::{date, to_date};
use super::{Change, Store, StoreError};
use crate::domain::{AccountId, AudienceDimension, AudienceShare, DailyMetrics, FollowerActivity};

/// Mean active followers for each hour of the week (Monday 00:00 first, 168 values) in the
/// account's zone, and how many distinct weeks of FollowerActivity it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct HourOfWeekProfile {
    pub mean_active: [f64; 168],
    pub weeks: u32,
}

/// The metric columns of `daily_metrics`, in [`metric_values`]' order (a macro, so the
/// statements below are constant text rather than built for every row).
macro_rules! daily_columns {
    () => {
        "video_views, profile_views, likes, comments, shares, reached_audience, \
         total_viewers, new_viewers, returning_viewers, followers, follower_change"
    };
}

fn metric_values(m: &DailyMetrics) -> [Option<i64>; 11] {
    [
        m.video_views,
        m.profile_views,
        m.likes,
        m.comments,
        m.shares,
        m.reached_audience,
        m.total_viewers,
        m.new_viewers,
        m.returning_viewers,
        m.followers,
        m.follower_change,
    ]
}

/// Merges one day of metrics: fields present in `m` overwrite, absent ones keep the stored
/// value (each report carries a different subset of the day).
pub(crate) fn upsert_daily(
    conn: &rusqlite::Connection,
    account: AccountId,
    m: &DailyMetrics,
) -> Result<Change, StoreError> {
    let Some(day) = m.date else {
        return Ok(Change::Unchanged);
    };
    let new = metric_values(m);
    let stored: Option<[Option<i64>; 11]> = conn
        .prepare_cached(concat!(
            "SELECT ",
            daily_columns!(),
            " FROM daily_metrics WHERE account_id = ?1 AND date = ?2"
        ))?
        .query_row(params![account.0, to_date(day)], |r| {
            let mut v = [None; 11];
            for (i, slot) in v.iter_mut().enumerate() {
                *slot = r.get(i)?;
            }
            Ok(v)
        })
        .optional()?;
    let (merged, change) = match stored {
        None => (new, Change::Added),
        Some(old) => {
            let mut merged = old;
            for (slot, value) in merged.iter_mut().zip(new) {
                if value.is_some() {
                    *slot = value;
                }
            }
            if merged == old {
                return Ok(Change::Unchanged);
            }
            (merged, Change::Updated)
        }
    };
    conn.prepare_cached(concat!(
        "INSERT OR REPLACE INTO daily_metrics (account_id, date, ",
        daily_columns!(),
        ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    ))?
    .execute(params![
        account.0,
        to_date(day),
        merged[0],
        merged[1],
        merged[2],
        merged[3],
        merged[4],
        merged[5],
        merged[6],
        merged[7],
        merged[8],
        merged[9],
        merged[10]
    ])?;
    Ok(change)
}

/// Stores one hour of follower activity (a newer import of the same hour replaces it).
pub(crate) fn upsert_activity(
    conn: &rusqlite::Connection,
    a: &FollowerActivity,
) -> Result<Change, StoreError> {
    let day = to_date(a.date);
    let stored: Option<i64> = conn
        .prepare_cached("SELECT active_followers FROM follower_activity WHERE account_id = ?1 AND date = ?2 AND hour = ?3")?
        .query_row(params![a.account.0, day, a.hour], |r| r.get(0))
        .optional()?;
    if stored == Some(a.active_followers) {
        return Ok(Change::Unchanged);
    }
    conn.prepare_cached(
        "INSERT OR REPLACE INTO follower_activity (account_id, date, hour, active_followers) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![a.account.0, day, a.hour, a.active_followers])?;
    Ok(if stored.is_some() {
        Change::Updated
    } else {
        Change::Added
    })
}

/// Stores one audience share (same account, dimension, key and day replaces it).
pub(crate) fn upsert_share(
    conn: &rusqlite::Connection,
    s: &AudienceShare,
) -> Result<Change, StoreError> {
    let stored: Option<f64> = conn
        .prepare_cached(
            "SELECT share FROM audience_shares WHERE account_id = ?1 AND dimension = ?2 AND key = ?3 AND captured_on = ?4",
        )?
        .query_row(params![s.account.0, s.dimension.as_str(), s.key, to_date(s.captured_on)], |r| r.get(0))
        .optional()?;
    if stored == Some(s.share) {
        return Ok(Change::Unchanged);
    }
    conn.prepare_cached(
        "INSERT OR REPLACE INTO audience_shares (account_id, dimension, key, share, captured_on) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![s.account.0, s.dimension.as_str(), s.key, s.share, to_date(s.captured_on)])?;
    Ok(if stored.is_some() {
        Change::Updated
    } else {
        Change::Added
    })
}

impl Store {
    /// The account's daily metrics, oldest day first.
    pub fn daily_metrics(&self, account: AccountId) -> Result<Vec<DailyMetrics>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, video_views, profile_views, likes, comments, shares, reached_audience,
                 total_viewers, new_viewers, returning_viewers, followers, follower_change
             FROM daily_metrics WHERE account_id = ?1 ORDER BY date",
        )?;
        let rows = stmt.query_map([account.0], |r| {
            Ok(DailyMetrics {
                date: Some(date(r, 0)?),
                video_views: r.get(1)?,
                profile_views: r.get(2)?,
                likes: r.get(3)?,
                comments: r.get(4)?,
                shares: r.get(5)?,
                reached_audience: r.get(6)?,
                total_viewers: r.get(7)?,
                new_viewers: r.get(8)?,
                returning_viewers: r.get(9)?,
                followers: r.get(10)?,
                follower_change: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Stores daily metrics in one transaction; returns how many days changed.
    pub fn add_daily_metrics(
        &mut self,
        account: AccountId,
        days: &[DailyMetrics],
    ) -> Result<usize, StoreError> {
        self.transaction(|tx| {
            let mut changed = 0;
            for m in days {
                changed += usize::from(upsert_daily(tx, account, m)? != Change::Unchanged);
            }
            Ok(changed)
        })
    }

    /// Stores follower activity hours in one transaction.
    pub fn add_follower_activity(&mut self, hours: &[FollowerActivity]) -> Result<(), StoreError> {
        self.transaction(|tx| {
            hours
                .iter()
                .try_for_each(|a| upsert_activity(tx, a).map(drop))
        })
    }

    /// Stores audience shares in one transaction.
    pub fn add_audience_shares(&mut self, shares: &[AudienceShare]) -> Result<(), StoreError> {
        self.transaction(|tx| {
            shares
                .iter()
                .try_for_each(|s| upsert_share(tx, s).map(drop))
        })
    }

    /// The hour-of-week profile accumulated from every FollowerActivity import.
    pub fn hour_of_week_profile(
        &self,
        account: AccountId,
    ) -> Result<HourOfWeekProfile, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, hour, active_followers FROM follower_activity WHERE account_id = ?1",
        )?;
        let rows = stmt.query_map([account.0], |r| {
            Ok((date(r, 0)?, r.get::<_, u8>(1)?, r.get::<_, i64>(2)?))
        })?;
        let mut sum = [0.0; 168];
        let mut n = [0u32; 168];
        let mut weeks = std::collections::BTreeSet::new();
        for row in rows {
            let (day, hour, active): (NaiveDate, u8, i64) = row?;
            let slot =
                day.weekday().num_days_from_monday() as usize * 24 + usize::from(hour.min(23));
            sum[slot] += active as f64;
            n[slot] += 1;
            let iso = day.iso_week();
            weeks.insert((iso.year(), iso.week()));
        }
        let mut mean_active = [0.0; 168];
        for i in 0..168 {
            if n[i] > 0 {
                mean_active[i] = sum[i] / f64::from(n[i]);
            }
        }
        Ok(HourOfWeekProfile {
            mean_active,
            weeks: weeks.len() as u32,
        })
    }

    /// The most recent share of each group in one dimension, largest first.
    pub fn audience_shares(
        &self,
        account: AccountId,
        dimension: AudienceDimension,
    ) -> Result<Vec<AudienceShare>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT key, share, captured_on FROM audience_shares
             WHERE account_id = ?1 AND dimension = ?2 AND captured_on =
                 (SELECT MAX(captured_on) FROM audience_shares WHERE account_id = ?1 AND dimension = ?2)
             ORDER BY share DESC, key",
        )?;
        let rows = stmt.query_map(params![account.0, dimension.as_str()], |r| {
            Ok(AudienceShare {
                account,
                dimension,
                key: r.get(0)?,
                share: r.get(1)?,
                captured_on: date(r, 2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
