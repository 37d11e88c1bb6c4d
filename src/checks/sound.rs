//! Sound (seed tips 5 and 9): design for sound on, fast songs, trending sounds, and drop a
//! sound whose trend is over.

use super::{CheckContext, Field, Finding, Fix, Severity};
use crate::domain::{Draft, Lifecycle};

/// Fast songs from this tempo up have the highest watch-through rate (seed tip 5).
pub const FAST_BPM: u16 = 120;

fn trending_fix(ctx: &CheckContext<'_>, current: Option<&str>) -> Option<Fix> {
    let best = ctx.trends.best_live_sound()?;
    if current.is_some_and(|c| {
        ctx.trends
            .sound(c)
            .is_some_and(|e| e.item.id == best.item.id)
    }) {
        return None;
    }
    Some(Fix::UseSound {
        name: best.item.name.clone(),
        bpm: best.item.bpm,
    })
}

pub(super) fn check(draft: &Draft, ctx: &CheckContext<'_>, out: &mut Vec<Finding>) {
    let Some(sound) = draft
        .sound
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    else {
        let mut f = Finding::new(
            "no-sound",
            Severity::Warning,
            Field::Sound,
            "Tip 5: design for sound on; 88% of users call sound essential.",
            "No sound: 88% of TikTok users call sound essential.".into(),
        );
        f.fix = trending_fix(ctx, None);
        out.push(f);
        return;
    };
    let trend = ctx.trends.sound(sound);
    let bpm = draft.sound_bpm.or_else(|| trend.and_then(|t| t.item.bpm));
    if let Some(bpm) = bpm.filter(|b| *b < FAST_BPM) {
        out.push(Finding::new(
            "slow-sound",
            Severity::Tip,
            Field::Sound,
            "Tip 5: fast songs at 120+ BPM have the highest watch-through rate.",
            format!("{bpm} BPM: songs at 120 BPM or faster have the highest watch-through rate."),
        ));
    }
    match trend {
        None => {
            let mut f = Finding::new(
                "sound-not-trending",
                Severity::Tip,
                Field::Sound,
                "Tip 9: 67% prefer brand videos with popular or trending songs.",
                format!(
                    "\"{sound}\" is not on your trend lists: 67% prefer brand videos with popular or trending songs."
                ),
            );
            f.fix = trending_fix(ctx, Some(sound));
            out.push(f);
        }
        Some(t) if t.lifecycle == Lifecycle::Fading => {
            let mut f = Finding::new(
                "sound-fading",
                Severity::Warning,
                Field::Sound,
                "Tip 9: use trending sounds; a trend that is over no longer helps.",
                format!(
                    "\"{}\" is fading: its rank is falling (now #{}). Post soon or pick a rising sound.",
                    t.item.name,
                    t.rank.map_or("?".into(), |r| r.to_string())
                ),
            );
            f.fix = trending_fix(ctx, Some(sound));
            out.push(f);
        }
        Some(t) if t.is_stale(ctx.trends.now()) => {
            // An old list says nothing new: the sound keeps the lifecycle the picker showed,
            // and the user is asked for a fresh list rather than told it is over.
            out.push(Finding::new(
                "sound-list-old",
                Severity::Tip,
                Field::Sound,
                "Tip 9: trending sounds are listed in the app and per audience in the analytics.",
                format!(
                    "\"{}\" was {} at its last capture, {} days ago, longer than its list's {}-day period: capture the list again to see whether it still trends.",
                    t.item.name,
                    t.lifecycle.label(),
                    (ctx.trends.now() - t.last_seen).num_days(),
                    t.period_days
                ),
            ));
        }
        Some(_) => {}
    }
}
