//! The demo's account analytics: 120 days of daily metrics that add up to the videos' own
//! views, six weeks of follower activity by local hour with an evening rhythm that differs on
//! weekends, and the audience's gender and territory shares.
//!
//! It writes what TikTok Studio's Overview, Viewers and Followers reports would have brought in,
//! and never a day or an hour after the demo's today.

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta, Timelike, Weekday};

use super::history::{HISTORY_DAYS, PastPost};
use super::recipe::ActivityRecipe;
use super::{AccountContext, instant_of};
use crate::domain::{AudienceDimension, AudienceShare, DailyMetrics, FollowerActivity};
use crate::random::Rng;
use crate::store::{Batch, StoreError};

/// Days of follower activity kept (weekly imports of TikTok's last-7-days report add up).
const ACTIVITY_DAYS: i64 = 42;

/// Writes daily metrics, follower activity and audience shares for the account.
pub(super) fn write(
    batch: &Batch<'_>,
    ctx: &AccountContext<'_>,
    videos: &[PastPost],
) -> Result<(), StoreError> {
    let mut rng = ctx.rng("analytics");
    let followers = daily_metrics(batch, ctx, videos, &mut rng)?;
    follower_activity(batch, ctx, &followers, &mut rng)?;
    audience_shares(batch, ctx, &mut rng)
}

/// One row per local day; returns the follower count at the end of each day, oldest first.
fn daily_metrics(
    batch: &Batch<'_>,
    ctx: &AccountContext<'_>,
    videos: &[PastPost],
    rng: &mut Rng,
) -> Result<Vec<(NaiveDate, i64)>, StoreError> {
    let zone = ctx.zone();
    let aud = &ctx.recipe.audience;
    let last_day = ctx.today.with_timezone(&zone).date_naive();
    let mut followers = aud.followers;
    let mut by_day = Vec::with_capacity(HISTORY_DAYS as usize);
    for back in (0..HISTORY_DAYS).rev() {
        let day = last_day - TimeDelta::days(back);
        let start = instant_of(zone, day.and_time(NaiveTime::MIN));
        let end =
            instant_of(zone, (day + TimeDelta::days(1)).and_time(NaiveTime::MIN)).min(ctx.today);
        let share_of_day = (end - start).num_seconds() as f64 / 86_400.0;
        // Older videos than the history still draw a trickle of views.
        let catalogue = aud.median_views * 0.25 * share_of_day * (0.2 * rng.normal()).exp();
        let (mut views, mut likes, mut comments, mut shares) = (
            catalogue,
            catalogue * 0.06,
            catalogue * 0.002,
            catalogue * 0.002,
        );
        for v in videos.iter().filter(|v| v.posted_at < end) {
            let gained = v.views_between(start, end);
            views += gained;
            likes += gained * v.like_rate;
            comments += gained * v.comment_rate;
            shares += gained * v.share_rate;
        }
        let noise = (0.05 * rng.normal()).exp();
        let views = (views * noise).round();
        let viewers = (views * (0.7 + 0.04 * rng.normal()).clamp(0.5, 0.9)).round();
        let new_viewers = (viewers * (0.8 + 0.05 * rng.normal()).clamp(0.6, 0.95)).round();
        let gained = views * aud.follow_rate * (0.2 * rng.normal()).exp();
        let lost = followers as f64 * 0.0008 * share_of_day * (0.3 * rng.normal()).exp();
        let change = (gained - lost).round() as i64;
        followers += change;
        batch.upsert_daily_metrics(
            ctx.id,
            &DailyMetrics {
                date: Some(day),
                video_views: Some(views as i64),
                profile_views: Some((views * 0.018 * (0.15 * rng.normal()).exp()).round() as i64),
                likes: Some((likes * noise).round() as i64),
                comments: Some((comments * noise).round() as i64),
                shares: Some((shares * noise).round() as i64),
                reached_audience: None,
                total_viewers: Some(viewers as i64),
                new_viewers: Some(new_viewers as i64),
                returning_viewers: Some((viewers - new_viewers) as i64),
                followers: Some(followers),
                follower_change: Some(change),
            },
        )?;
        by_day.push((day, followers));
    }
    Ok(by_day)
}

/// Active followers by local hour for the last six weeks, skipping hours not yet over today.
fn follower_activity(
    batch: &Batch<'_>,
    ctx: &AccountContext<'_>,
    followers: &[(NaiveDate, i64)],
    rng: &mut Rng,
) -> Result<(), StoreError> {
    let activity = &ctx.recipe.audience.activity;
    let now_local = ctx.today.with_timezone(&ctx.zone());
    let busiest = (0..24)
        .flat_map(|h| [rhythm(activity, h, false), rhythm(activity, h, true)])
        .fold(f64::MIN_POSITIVE, f64::max);
    let recent = followers.len().saturating_sub(ACTIVITY_DAYS as usize);
    for &(date, count) in &followers[recent..] {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        for hour in 0..24u8 {
            if date == now_local.date_naive() && u32::from(hour) >= now_local.hour() {
                break;
            }
            let share = activity.peak_share * rhythm(activity, hour, weekend) / busiest;
            let active = count as f64 * share * (0.08 * rng.normal()).exp();
            batch.upsert_follower_activity(&FollowerActivity {
                account: ctx.id,
                date,
                hour,
                active_followers: active.round().max(0.0) as i64,
            })?;
        }
    }
    Ok(())
}

/// The unscaled activity at a local hour: a floor plus a bump per recipe peak, measured around
/// the clock so a peak at 23:00 also lifts 01:00.
fn rhythm(activity: &ActivityRecipe, hour: u8, weekend: bool) -> f64 {
    let peaks = if weekend {
        &activity.weekend
    } else {
        &activity.weekday
    };
    let h = f64::from(hour) + 0.5;
    activity.floor
        + peaks
            .iter()
            .map(|[centre, width, height]| {
                let d = (h - centre).abs();
                let d = d.min(24.0 - d);
                height * (-0.5 * (d / width.max(0.1)).powi(2)).exp()
            })
            .sum::<f64>()
}

/// Gender and territory shares as captured today: the recipe's, a little perturbed, summing to
/// one with the last group (`Other`, `Others`) taking the rounding.
fn audience_shares(
    batch: &Batch<'_>,
    ctx: &AccountContext<'_>,
    rng: &mut Rng,
) -> Result<(), StoreError> {
    let captured_on = ctx.today.with_timezone(&ctx.zone()).date_naive();
    let aud = &ctx.recipe.audience;
    for (dimension, groups) in [
        (AudienceDimension::Gender, &aud.gender),
        (AudienceDimension::Territory, &aud.territories),
    ] {
        let raw: Vec<f64> = groups
            .iter()
            .map(|(_, s)| s * (0.05 * rng.normal()).exp())
            .collect();
        let total: f64 = raw.iter().sum::<f64>().max(f64::MIN_POSITIVE);
        let mut given = 0.0_f64;
        for (i, ((key, _), r)) in groups.iter().zip(&raw).enumerate() {
            let share = if i + 1 == groups.len() {
                ((1.0 - given) * 1000.0).round().max(0.0) / 1000.0
            } else {
                (r / total * 1000.0).round() / 1000.0
            };
            given += share;
            batch.upsert_audience_share(&AudienceShare {
                account: ctx.id,
                dimension,
                key: key.clone(),
                share,
                captured_on,
            })?;
        }
    }
    Ok(())
}
