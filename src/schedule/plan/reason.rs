//! Step 3 of auto-planning: why each draft sits where it does, in words.

use super::PlanInput;
use super::state::State;
use crate::schedule::best_times::BestTimeSource;

/// How many of a day's hours count as its peak.
const PEAK_HOURS: usize = 3;

/// "Tue 1 Dec 18:00: audience peak, +40% over the day's median slot".
pub(super) fn of(input: &PlanInput<'_>, state: &State<'_>, d: usize, s: usize) -> String {
    let slot = &input.slots[s];
    let score = input.scores.get(d, s);
    let mut day: Vec<f64> = state
        .usable_on_day_of(s)
        .iter()
        .map(|&t| input.scores.get(d, t))
        .collect();
    day.sort_by(f64::total_cmp);
    let median = match day.len() {
        0 => score,
        n if n % 2 == 1 => day[n / 2],
        n => 0.5 * (day[n / 2 - 1] + day[n / 2]),
    };
    let peak = input.best_times.is_peak(slot.hour_of_week, PEAK_HOURS);
    let why = match (input.best_times.source, peak) {
        (BestTimeSource::Account { .. }, true) => "audience peak",
        (BestTimeSource::GeneralPrior { .. }, true) => {
            "peak hour of the general prior (published studies, not your audience)"
        }
        _ => "best free slot within the cadence",
    };
    let change = if median > 0.0 {
        ((score / median - 1.0) * 100.0).round() as i64
    } else {
        0
    };
    let versus = match change {
        0 => "at the day's median slot".to_string(),
        c if c > 0 => format!("+{c}% over the day's median slot"),
        c => format!(
            "{c}% under the day's median slot (better slots were taken or too close to other posts)"
        ),
    };
    let mut text = format!("{}: {why}, {versus}", slot.wall.format("%a %-d %b %H:%M"));
    if input.drafts[d].fading {
        text.push_str("; its trend is fading, so it goes early");
    }
    text
}
