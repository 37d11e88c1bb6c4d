//! Account analytics: daily metrics, follower activity by hour, audience shares.

use chrono::{Datelike, NaiveDate};
use rusqlite::params;

use super::convert::{date, to_date};
use super::{Store, StoreError};
use crate::domain::{AccountId, AudienceDimension, AudienceShare, DailyMetrics, FollowerActivity};

/// Mean active followers for each hour of the week (Monday 00:00 first, 168 values) in the
/// account's zone, and how many distinct weeks of FollowerActivity it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct HourOfWeekProfile {
    pub mean_active: [f64; 168],
    pub weeks: u32,
}

/// Merges one day of metrics: fields present in `m` overwrite, absent ones keep the stored
/// value. Returns true when a stored value changed.
pub(crate) fn upsert_daily(
    conn: &rusqlite::Connection,
    account: AccountId,
    m: &DailyMetrics,
) -> Result<bool, StoreError> {
    let Some(day) = m.date else {
        return Ok(false);
    };
    let before = conn.total_changes();
    conn.prepare_cached(
        "INSERT INTO daily_metrics (account_id, date, video_views, profile_views, likes, comments,
             shares, reached_audience, total_viewers, new_viewers, returning_viewers, followers,
             follower_change)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (account_id, date) DO UPDATE SET
             video_views = COALESCE(excluded.video_views, video_views),
             profile_views = COALESCE(excluded.profile_views, profile_views),
             likes = COALESCE(excluded.likes, likes),
             comments = COALESCE(excluded.comments, comments),
             shares = COALESCE(excluded.shares, shares),
             reached_audience = COALESCE(excluded.reached_audience, reached_audience),
             total_viewers = COALESCE(excluded.total_viewers, total_viewers),
             new_viewers = COALESCE(excluded.new_viewers, new_viewers),
             returning_viewers = COALESCE(excluded.returning_viewers, returning_viewers),
             followers = COALESCE(excluded.followers, followers),
             follower_change = COALESCE(excluded.follower_change, follower_change)
         WHERE excluded.video_views IS NOT video_views AND excluded.video_views IS NOT NULL
            OR excluded.profile_views IS NOT profile_views AND excluded.profile_views IS NOT NULL
            OR excluded.likes IS NOT likes AND excluded.likes IS NOT NULL
            OR excluded.comments IS NOT comments AND excluded.comments IS NOT NULL
            OR excluded.shares IS NOT shares AND excluded.shares IS NOT NULL
            OR excluded.reached_audience IS NOT reached_audience AND excluded.reached_audience IS NOT NULL
            OR excluded.total_viewers IS NOT total_viewers AND excluded.total_viewers IS NOT NULL
            OR excluded.new_viewers IS NOT new_viewers AND excluded.new_viewers IS NOT NULL
            OR excluded.returning_viewers IS NOT returning_viewers AND excluded.returning_viewers IS NOT NULL
            OR excluded.followers IS NOT followers AND excluded.followers IS NOT NULL
            OR excluded.follower_change IS NOT follower_change AND excluded.follower_change IS NOT NULL",
    )?
    .execute(params![
        account.0,
        to_date(day),
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
        m.follower_change
    ])?;
    Ok(conn.total_changes() > before)
}

/// Stores one hour of follower activity (a newer import of the same hour replaces it).
pub(crate) fn upsert_activity(
    conn: &rusqlite::Connection,
    a: &FollowerActivity,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO follower_activity (account_id, date, hour, active_followers) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (account_id, date, hour) DO UPDATE SET active_followers = excluded.active_followers",
    )?
    .execute(params![a.account.0, to_date(a.date), a.hour, a.active_followers])?;
    Ok(())
}

/// Stores one audience share (same account, dimension, key and day replaces it).
pub(crate) fn upsert_share(
    conn: &rusqlite::Connection,
    s: &AudienceShare,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO audience_shares (account_id, dimension, key, share, captured_on) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (account_id, dimension, key, captured_on) DO UPDATE SET share = excluded.share",
    )?
    .execute(params![s.account.0, s.dimension.as_str(), s.key, s.share, to_date(s.captured_on)])?;
    Ok(())
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
                changed += usize::from(upsert_daily(tx, account, m)?);
            }
            Ok(changed)
        })
    }

    /// Stores follower activity hours in one transaction.
    pub fn add_follower_activity(&mut self, hours: &[FollowerActivity]) -> Result<(), StoreError> {
        self.transaction(|tx| hours.iter().try_for_each(|a| upsert_activity(tx, a)))
    }

    /// Stores audience shares in one transaction.
    pub fn add_audience_shares(&mut self, shares: &[AudienceShare]) -> Result<(), StoreError> {
        self.transaction(|tx| shares.iter().try_for_each(|s| upsert_share(tx, s)))
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
