//! The demo's posting history: 120 days of videos per account (about one a day, irregular),
//! with heavy-tailed lifetime views and two to four count snapshots per video taken at
//! different ages, as weekly TikTok Studio imports would have left them.
//!
//! Views follow one saturating curve, [`reach_fraction`], which the daily analytics reuse so
//! both tell the same story. It writes videos and snapshots only, never a snapshot dated after
//! the demo's today.

use chrono::{DateTime, NaiveTime, TimeDelta, Timelike, Utc};

use super::drafts::{PostedDraft, shuffle};
use super::recipe::seeded_subcultures;
use super::{AccountContext, Tally, instant_of};
use crate::domain::{Snapshot, Video, VideoId};
use crate::random::Rng;
use crate::store::{Batch, StoreError};

/// Days of history before the demo's today.
pub(super) const HISTORY_DAYS: i64 = 120;

/// A past post as the analytics need it: when it went out and what it earns over its life.
#[derive(Debug, Clone)]
pub(super) struct PastPost {
    pub posted_at: DateTime<Utc>,
    pub lifetime_views: f64,
    pub like_rate: f64,
    pub comment_rate: f64,
    pub share_rate: f64,
    pub save_rate: f64,
}

impl PastPost {
    /// Views gained between two instants.
    pub fn views_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
        let age = |at: DateTime<Utc>| (at - self.posted_at).num_seconds() as f64 / 3600.0;
        self.lifetime_views * (reach_fraction(age(to)) - reach_fraction(age(from)))
    }
}

/// Share of its lifetime views a video has after `age_hours`:
/// `1 - exp(-(t / 36 h)^0.7)`; half of it arrives in the first day and a half.
pub(super) fn reach_fraction(age_hours: f64) -> f64 {
    if age_hours <= 0.0 {
        return 0.0;
    }
    1.0 - (-(age_hours / 36.0).powf(0.7)).exp()
}

/// A post before its numbers are drawn.
struct Post {
    at: DateTime<Utc>,
    caption: String,
    hashtags: Vec<String>,
    sound: Option<String>,
    duration_s: f32,
    allow_duet: bool,
    allow_stitch: bool,
}

/// Writes the account's videos and snapshots; returns them for the daily analytics.
pub(super) fn write(
    batch: &Batch<'_>,
    ctx: &AccountContext<'_>,
    posted: &[PostedDraft],
    tally: &mut Tally,
) -> Result<Vec<PastPost>, StoreError> {
    let mut rng = ctx.rng("history");
    let mut posts = random_posts(&mut rng, ctx);
    posts.extend(posted.iter().map(|p| Post {
        at: p.posted_at,
        caption: p.caption.clone(),
        hashtags: p.hashtags.clone(),
        sound: p.sound.clone(),
        duration_s: p.duration_s.unwrap_or(15.0),
        allow_duet: p.allow_duet,
        allow_stitch: p.allow_stitch,
    }));
    posts.sort_by_key(|p| p.at);

    let first = ctx.today - TimeDelta::days(HISTORY_DAYS);
    let mut past = Vec::with_capacity(posts.len());
    for post in posts {
        let unix = post.at.timestamp().max(0) as u64;
        let platform_id = ((unix << 32) | (rng.next_u64() & 0xffff_ffff)).to_string();
        let (id, _) = batch.upsert_video(&Video {
            id: VideoId(0),
            account: ctx.id,
            link: Some(format!(
                "https://www.tiktok.com/@{}/video/{platform_id}",
                ctx.recipe.handle
            )),
            platform_id,
            posted_at: post.at,
            caption: post.caption.clone(),
            hashtags: post.hashtags.clone(),
            duration_s: Some(post.duration_s),
            sound: post.sound.clone(),
            allow_duet: Some(post.allow_duet),
            allow_stitch: Some(post.allow_stitch),
            allow_comments: Some(true),
        })?;
        tally.videos += 1;

        let duration = f64::from(post.duration_s);
        let full_watch = (0.6 * (-duration / 25.0).exp() + 0.04 * rng.normal()).clamp(0.01, 0.9);
        let watched =
            (0.3 + 0.25 * (-duration / 30.0).exp() + 0.05 * rng.normal()).clamp(0.1, 0.95);
        let aud = &ctx.recipe.audience;
        let hot_sound = post.sound.as_deref().is_some_and(|s| ctx.sounds.is_hot(s));
        let evening = (18..=22).contains(&post.at.with_timezone(&ctx.zone()).hour());
        let growth = (post.at - first).num_seconds() as f64 / (HISTORY_DAYS as f64 * 86_400.0);
        // Mild, learnable effects on top of a heavy log-normal tail; 1.1 keeps the median
        // near the recipe's.
        let lifts = [
            if hot_sound { 1.3 } else { 1.0 },
            if (9.0..=30.0).contains(&duration) {
                1.15
            } else if duration > 60.0 {
                0.8
            } else {
                1.0
            },
            if evening { 1.2 } else { 1.0 },
            0.85 + 0.3 * growth,
            1.0 + (full_watch - 0.3),
        ];
        let lifetime_views =
            aud.median_views * (aud.sigma * rng.normal()).exp() * lifts.iter().product::<f64>()
                / 1.1;
        let p = PastPost {
            posted_at: post.at,
            lifetime_views,
            like_rate: 0.07 * (0.35 * rng.normal()).exp(),
            comment_rate: 0.0035 * (0.5 * rng.normal()).exp(),
            share_rate: 0.004 * (0.6 * rng.normal()).exp(),
            save_rate: 0.006 * (0.5 * rng.normal()).exp(),
        };
        for captured_at in snapshot_times(&mut rng, post.at, ctx.today) {
            let views = (p.lifetime_views
                * reach_fraction((captured_at - post.at).num_seconds() as f64 / 3600.0))
            .round();
            let count = |rate: f64| Some((views * rate).round() as i64);
            if batch.add_snapshot(&Snapshot {
                video: id,
                captured_at,
                views: views as i64,
                likes: count(p.like_rate),
                comments: count(p.comment_rate),
                shares: count(p.share_rate),
                saves: count(p.save_rate),
                avg_watch_s: Some((duration * watched) as f32),
                full_watch_rate: Some(full_watch as f32),
            })? {
                tally.snapshots += 1;
            }
        }
        past.push(p);
    }
    Ok(past)
}

/// About one post a day at the account's posting hours: some days none, some two or three.
fn random_posts(rng: &mut Rng, ctx: &AccountContext<'_>) -> Vec<Post> {
    let zone = ctx.zone();
    let subcultures = seeded_subcultures();
    let last_day = ctx.today.with_timezone(&zone).date_naive();
    let mut uses: Vec<Vec<u32>> = ctx
        .recipe
        .history
        .iter()
        .map(|t| vec![0; t.captions.len()])
        .collect();
    let mut posts = Vec::new();
    for back in (0..HISTORY_DAYS).rev() {
        let day = last_day - TimeDelta::days(back);
        let n = match rng.uniform() {
            u if u < 0.3 => 0,
            u if u < 0.75 => 1,
            u if u < 0.95 => 2,
            _ => 3,
        };
        for _ in 0..n {
            let hour = (*rng.pick(&ctx.recipe.audience.posting_hours)).min(23);
            let time = NaiveTime::from_hms_opt(hour, rng.below(60) as u32, rng.below(60) as u32)
                .unwrap_or(NaiveTime::MIN);
            let at = instant_of(zone, day.and_time(time));
            if at > ctx.today - TimeDelta::hours(2) || ctx.recipe.history.is_empty() {
                continue;
            }
            let t = rng.below(ctx.recipe.history.len() as u64) as usize;
            let theme = &ctx.recipe.history[t];
            let c = rng.below(theme.captions.len() as u64) as usize;
            uses[t][c] += 1;
            let mut caption = theme.captions[c].clone();
            if uses[t][c] > 1 {
                caption = format!("{caption} ({} {})", ctx.recipe.series_word, uses[t][c]);
            }
            let mut pool: Vec<String> = subcultures
                .iter()
                .filter(|s| s.name == theme.subculture)
                .flat_map(|s| s.hashtags.iter().cloned())
                .chain(theme.extra_hashtags.iter().cloned())
                .collect();
            shuffle(rng, &mut pool);
            pool.truncate(2 + rng.below(3) as usize);
            for tag in &pool {
                caption.push_str(" #");
                caption.push_str(tag);
            }
            posts.push(Post {
                at,
                caption,
                hashtags: pool,
                sound: pick_sound(rng, ctx),
                duration_s: (18.0 * (0.5 * rng.normal()).exp())
                    .clamp(5.0, 180.0)
                    .round() as f32,
                allow_duet: rng.chance(0.92),
                allow_stitch: rng.chance(0.92),
            });
        }
    }
    posts
}

/// A trending sound of the account's region, its own original sound, a library sound, or none
/// known (imports often do not say).
fn pick_sound(rng: &mut Rng, ctx: &AccountContext<'_>) -> Option<String> {
    let trending = ctx.sounds.in_region(&ctx.recipe.region);
    let u = rng.uniform();
    if u < 0.45 && !trending.is_empty() {
        Some(rng.pick(&trending).name.clone())
    } else if u < 0.75 {
        Some(format!("original sound - {}", ctx.recipe.handle))
    } else if u < 0.92 && !ctx.recipe.library_sounds.is_empty() {
        Some(rng.pick(&ctx.recipe.library_sounds).name.clone())
    } else {
        None
    }
}

/// When imports saw the video: a day after posting, sometimes three days, a week, often a
/// month; never after `today`. A young video is seen at least twice (halfway and today).
fn snapshot_times(
    rng: &mut Rng,
    posted: DateTime<Utc>,
    today: DateTime<Utc>,
) -> Vec<DateTime<Utc>> {
    let hours = |h: f64| posted + TimeDelta::seconds((h * 3600.0) as i64);
    let mut times = vec![hours(24.0 + 6.0 * rng.uniform())];
    if rng.chance(0.4) {
        times.push(hours(72.0 + 12.0 * rng.uniform()));
    }
    times.push(hours(168.0 + 12.0 * rng.uniform()));
    if rng.chance(0.8) {
        times.push(hours(720.0 + 24.0 * rng.uniform()));
    }
    times.retain(|t| *t <= today);
    if times.len() < 2 && posted < today {
        if times.last().is_none_or(|t| *t < today) {
            times.push(today);
        }
        if times.len() < 2 {
            times.insert(0, posted + (today - posted) / 2);
        }
    }
    times
}
