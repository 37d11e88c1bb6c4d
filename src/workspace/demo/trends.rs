//! The demo's trend lists: hashtags, sounds and effects in NL and the US, each captured weekly
//! for four to eight weeks with a rank path that rises, peaks or fades as the recipe says.
//!
//! It writes trend items and captures only, and hands back the sounds so drafts and history
//! can use them; it never invents items the recipe does not name.

use chrono::{DateTime, TimeDelta, Utc};

use super::recipe::{Shape, TrendRecipe};
use super::{Tally, stream};
use crate::domain::{TrendCapture, TrendItem, TrendItemId, TrendKind};
use crate::random::Rng;
use crate::store::{Batch, StoreError};

/// A sound from the trend lists, as drafts and past posts use it.
#[derive(Debug, Clone)]
pub(super) struct TrendSound {
    pub name: String,
    pub region: String,
    pub bpm: Option<u16>,
    pub shape: Shape,
}

/// The trending sounds of the demo.
#[derive(Debug, Default)]
pub(super) struct SoundBook {
    sounds: Vec<TrendSound>,
}

impl SoundBook {
    /// The sound's BPM when it is on a trend list.
    pub fn bpm(&self, name: &str) -> Option<u16> {
        self.find(name).and_then(|s| s.bpm)
    }

    /// True when the sound is on a trend list and not fading.
    pub fn is_hot(&self, name: &str) -> bool {
        self.find(name).is_some_and(|s| s.shape != Shape::Fading)
    }

    /// The trending sounds of one region.
    pub fn in_region(&self, region: &str) -> Vec<&TrendSound> {
        self.sounds.iter().filter(|s| s.region == region).collect()
    }

    fn find(&self, name: &str) -> Option<&TrendSound> {
        self.sounds.iter().find(|s| s.name == name)
    }
}

/// Writes every trend item of the recipe with its weekly captures up to `today`.
pub(super) fn write(
    batch: &Batch<'_>,
    recipe: &[TrendRecipe],
    seed: u64,
    today: DateTime<Utc>,
    tally: &mut Tally,
) -> Result<SoundBook, StoreError> {
    let mut rng = stream(seed, "trends");
    let mut book = SoundBook::default();
    // Lists are read on Friday mornings, a few hours before the demo's "now".
    let last_capture = today - TimeDelta::hours(3);
    for t in recipe {
        let id = batch.upsert_trend_item(&TrendItem {
            id: TrendItemId(0),
            kind: t.kind,
            name: t.name.clone(),
            region: t.region.clone(),
            industry: t.industry.clone(),
            bpm: t.bpm,
            duration_s: t.duration_s,
            commercial_ok: t.commercial_ok,
        })?;
        tally.trend_items += 1;
        let ranks = rank_path(&mut rng, t.shape, t.best_rank);
        let weeks = ranks.len();
        let mut previous: Option<u32> = None;
        for (i, rank) in ranks.into_iter().enumerate() {
            let (views, posts) = reach_of(&mut rng, t.kind, &t.region, rank);
            batch.add_trend_capture(&TrendCapture {
                item: id,
                captured_at: last_capture - TimeDelta::weeks((weeks - 1 - i) as i64),
                rank: Some(rank),
                // Positive means the item climbed since the previous list.
                rank_change: previous.map(|p| p as i32 - rank as i32),
                posts: Some(posts),
                views: Some(views),
                period_days: 7,
                source: "demo".into(),
            })?;
            previous = Some(rank);
        }
        if t.kind == TrendKind::Sound {
            book.sounds.push(TrendSound {
                name: t.name.clone(),
                region: t.region.clone(),
                bpm: t.bpm,
                shape: t.shape,
            });
        }
    }
    Ok(book)
}

/// Four to eight weekly ranks (1 is best) following `shape`, reaching about `best`.
fn rank_path(rng: &mut Rng, shape: Shape, best: u32) -> Vec<u32> {
    let weeks = 4 + rng.below(5) as usize;
    let best = f64::from(best.max(1));
    let worst = (best * 3.0 + 25.0 + rng.below(20) as f64).min(100.0);
    let peak_at = 0.4 + 0.3 * rng.uniform();
    (0..weeks)
        .map(|i| {
            let t = i as f64 / (weeks - 1) as f64;
            // Geometric interpolation: climbing from 80 to 40 is as hard as from 10 to 5.
            let between = |from: f64, to: f64, u: f64| from * (to / from).powf(u.clamp(0.0, 1.0));
            let rank = match shape {
                Shape::Rising => between(worst, best, t),
                Shape::Fading => between(best, worst, t),
                Shape::Peaking if t <= peak_at => between(worst, best, t / peak_at),
                Shape::Peaking => between(best, worst * 0.8, (t - peak_at) / (1.0 - peak_at)),
            };
            (rank * (0.08 * rng.normal()).exp())
                .round()
                .clamp(1.0, 100.0) as u32
        })
        .collect()
}

/// Views and posts in the list's week for an item at `rank`: a power law in rank, scaled by
/// how big the region and the kind of list are.
fn reach_of(rng: &mut Rng, kind: TrendKind, region: &str, rank: u32) -> (u64, u64) {
    let (top_views, views_per_post) = match kind {
        TrendKind::Hashtag => (40e6, 2_500.0),
        TrendKind::Sound => (25e6, 4_000.0),
        _ => (15e6, 3_000.0),
    };
    let region_size = if region == "NL" { 0.08 } else { 1.0 };
    let views = top_views * region_size * f64::from(rank).powf(-0.9) * (0.15 * rng.normal()).exp();
    let posts = views / views_per_post * (0.1 * rng.normal()).exp();
    (views.round() as u64, posts.round().max(1.0) as u64)
}
