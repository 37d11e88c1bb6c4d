//! The demo's drafts: the recipe's drafts for one account in every status, with assignees,
//! review comments, a couple in the trash, and plan entries for the scheduled ones in the two
//! weeks after the day the demo is created.
//!
//! Texts come from the recipe untouched (some break the seed's rules on purpose); only times,
//! assignees, order and media hashes come from the seed. It never plans a draft that is not
//! scheduled.

use chrono::{DateTime, NaiveTime, TimeDelta, Utc};

use super::recipe::DraftRecipe;
use super::{AccountContext, Tally, days_before, instant_of};
use crate::domain::{
    Draft, DraftId, DraftStatus, NativeFeatures, PlanEntry, PlanEntryId, hashtags_in,
};
use crate::random::Rng;
use crate::store::{Batch, StoreError};

/// A posted draft, which the history turns into a video.
#[derive(Debug, Clone)]
pub(super) struct PostedDraft {
    pub caption: String,
    pub hashtags: Vec<String>,
    pub sound: Option<String>,
    pub duration_s: Option<f32>,
    pub posted_at: DateTime<Utc>,
    pub allow_duet: bool,
    pub allow_stitch: bool,
}

/// Writes the account's drafts, their comments and plan entries; returns the posted ones.
pub(super) fn write(
    batch: &Batch<'_>,
    ctx: &AccountContext<'_>,
    tally: &mut Tally,
) -> Result<Vec<PostedDraft>, StoreError> {
    let mut rng = ctx.rng("drafts");
    let mut recipes: Vec<&DraftRecipe> = ctx.recipe.drafts.iter().collect();
    shuffle(&mut rng, &mut recipes);
    // Each scheduled draft gets its own day in the two weeks after the day the demo is
    // created (today is noon UTC the day before that): none is ever due at creation.
    let mut plan_days: Vec<i64> = (2..=15).collect();
    shuffle(&mut rng, &mut plan_days);
    let mut plan_days = plan_days.into_iter();

    let mut posted = Vec::new();
    for recipe in recipes {
        let draft = draft_from(&mut rng, ctx, recipe);
        let id = batch.add_draft(&draft)?;
        tally.drafts += 1;
        let n = recipe.comments.len() as i32;
        for (i, c) in recipe.comments.iter().enumerate() {
            // Review happens between writing the draft and its last edit.
            let at =
                draft.created_at + (draft.updated_at - draft.created_at) * (i as i32 + 1) / (n + 1);
            batch.add_draft_comment(id, &c.author, at, &c.text)?;
        }
        match draft.status {
            DraftStatus::Scheduled => {
                let day = plan_days.next().unwrap_or(15);
                batch.add_plan_entry(&plan_entry(&mut rng, ctx, id, day))?;
            }
            DraftStatus::Posted => posted.push(PostedDraft {
                caption: draft.caption.clone(),
                hashtags: draft.hashtags.clone(),
                sound: draft.sound.clone(),
                duration_s: draft.duration_s,
                posted_at: draft.updated_at,
                allow_duet: draft.allow_duet,
                allow_stitch: draft.allow_stitch,
            }),
            _ => {}
        }
    }
    Ok(posted)
}

fn draft_from(rng: &mut Rng, ctx: &AccountContext<'_>, r: &DraftRecipe) -> Draft {
    let today = ctx.today;
    let (created_at, updated_at) = match r.posted_days_ago {
        Some(days) => {
            let posted_at = post_time(rng, ctx, days);
            (days_before(posted_at, 2.0 + 8.0 * rng.uniform()), posted_at)
        }
        None => {
            let created = days_before(today, 1.0 + 39.0 * rng.uniform());
            let age = (today - created).num_seconds() as f64 / 86_400.0;
            (
                created,
                days_before(today, age * (0.05 + 0.85 * rng.uniform())),
            )
        }
    };
    let mut d = Draft::blank(ctx.id, created_at);
    d.updated_at = updated_at;
    d.title = r.title.clone();
    d.hook = r.hook.clone();
    d.opening = r.opening;
    d.caption = r.caption.clone();
    d.hashtags = hashtags_in(&r.caption);
    d.subculture = r
        .subculture
        .as_ref()
        .and_then(|s| ctx.subcultures.get(s).copied());
    d.sound = r.sound.clone();
    d.sound_bpm = r.sound.as_deref().and_then(|s| {
        let library = ctx.recipe.library_sounds.iter().find(|l| l.name == s);
        ctx.sounds.bpm(s).or(r.bpm).or(library.and_then(|l| l.bpm))
    });
    d.duration_s = r.duration_s;
    d.aspect = r.aspect;
    let has = |f: &str| r.features.iter().any(|x| x == f);
    d.features = NativeFeatures {
        text: has("text"),
        effects: has("effects") || r.trending_effect.is_some(),
        green_screen: has("green_screen"),
        trending_effect: r.trending_effect.clone(),
    };
    d.allow_duet = r.duet;
    d.allow_stitch = r.stitch;
    d.language = r
        .language
        .clone()
        .unwrap_or_else(|| ctx.recipe.language.clone());
    d.region = ctx.recipe.region.clone();
    if matches!(
        r.status,
        DraftStatus::Approved | DraftStatus::Scheduled | DraftStatus::Posted
    ) {
        d.media_path = Some(format!(
            "Footage/{}/{}.mp4",
            ctx.recipe.handle,
            slug(&r.title)
        ));
        d.media_hash = Some(format!(
            "{:016x}{:016x}{:016x}{:016x}",
            rng.next_u64(),
            rng.next_u64(),
            rng.next_u64(),
            rng.next_u64()
        ));
    }
    d.status = r.status;
    // Half the ideas are nobody's yet.
    let unassigned = r.status == DraftStatus::Idea && rng.chance(0.5);
    if !unassigned && !ctx.team.is_empty() {
        d.assignee = rng.pick(ctx.team).clone();
    }
    d.notes = r.notes.clone();
    if r.trashed {
        let gap = (today - updated_at).num_seconds().max(0) as f64;
        d.trashed_at =
            Some(updated_at + TimeDelta::seconds((gap * (0.1 + 0.8 * rng.uniform())) as i64));
    }
    d
}

/// When a draft posted `days_ago` local days before today went out: one of the account's
/// posting hours, any minute.
fn post_time(rng: &mut Rng, ctx: &AccountContext<'_>, days_ago: u32) -> DateTime<Utc> {
    let zone = ctx.zone();
    let day = ctx.today.with_timezone(&zone).date_naive() - TimeDelta::days(i64::from(days_ago));
    let hour = *rng.pick(&ctx.recipe.audience.posting_hours);
    let time = NaiveTime::from_hms_opt(hour.min(23), rng.below(60) as u32, rng.below(60) as u32)
        .unwrap_or(NaiveTime::MIN);
    instant_of(zone, day.and_time(time)).min(ctx.today - TimeDelta::hours(2))
}

/// A plan entry `day` local days after today, at an afternoon or evening posting hour.
fn plan_entry(rng: &mut Rng, ctx: &AccountContext<'_>, draft: DraftId, day: i64) -> PlanEntry {
    let zone = ctx.zone();
    let later: Vec<u32> = ctx
        .recipe
        .audience
        .posting_hours
        .iter()
        .copied()
        .filter(|h| (11..=22).contains(h))
        .collect();
    let hour = if later.is_empty() {
        19
    } else {
        *rng.pick(&later)
    };
    let minute = *rng.pick(&[0, 15, 30, 45]);
    let date = ctx.today.with_timezone(&zone).date_naive() + TimeDelta::days(day);
    let wall = date.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN));
    PlanEntry {
        id: PlanEntryId(0),
        account: ctx.id,
        draft,
        wall_time: wall,
        zone,
        instant: instant_of(zone, wall),
        uid: format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}@scrollstop",
            rng.next_u64() as u32,
            rng.next_u64() as u16,
            (rng.next_u64() as u16 & 0x0fff) | 0x4000,
            (rng.next_u64() as u16 & 0x3fff) | 0x8000,
            rng.next_u64() & 0xffff_ffff_ffff
        ),
        sequence: 0,
        pinned: false,
        reason: String::new(),
    }
}

/// `Herfstkrans uit het bos` -> `herfstkrans-uit-het-bos`.
fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.join("-")
}

/// Fisher-Yates with the demo's generator.
pub(super) fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        items.swap(i, j);
    }
}
