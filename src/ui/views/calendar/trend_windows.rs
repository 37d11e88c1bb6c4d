//! Trend windows: for each sound and hashtag the planned drafts use, the span from the capture
//! where its rank history first reads rising (or peaking) to the capture where it first reads
//! fading, by the domain's one lifecycle rule. The calendar draws them as bands so a post can
//! be moved inside its sound's window. Pure: trend lists in, windows out.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::checks::TrendBook;
use crate::domain::{Lifecycle, TrendCapture, TrendItem, TrendItemId, TrendKind, lifecycle};
use crate::ui::widgets::format::plural;

/// A trend's rising-to-fading span.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendWindow {
    /// `#booktok` or `♪ Espresso`.
    pub label: String,
    pub kind: TrendKind,
    /// The capture at which it first read rising or peaking.
    pub start: DateTime<Utc>,
    /// The capture at which it first read fading afterwards; `None` while it has not.
    pub end: Option<DateTime<Utc>>,
    /// How many planned posts use it.
    pub posts: usize,
}

impl TrendWindow {
    /// The local dates the band covers, clipped to `from..=to`; `None` when it misses them.
    /// An open window runs to `to`.
    pub fn dates(
        &self,
        zone: Tz,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let start = self.start.with_timezone(&zone).date_naive().max(from);
        let end = self
            .end
            .map_or(to, |e| e.with_timezone(&zone).date_naive().min(to));
        (start <= end).then_some((start, end))
    }

    /// True when it reads fading on or before the local date `by`: its band ends there.
    pub fn fades_by(&self, zone: Tz, by: NaiveDate) -> bool {
        self.end
            .is_some_and(|e| e.with_timezone(&zone).date_naive() <= by)
    }

    /// What the band's tooltip says.
    pub fn describe(&self, zone: Tz) -> String {
        let day = |t: DateTime<Utc>| t.with_timezone(&zone).format("%-d %b").to_string();
        let span = match self.end {
            Some(end) => format!(
                "rising from {} to {}, fading since",
                day(self.start),
                day(end)
            ),
            None => format!(
                "rising or peaking since {}, not fading yet",
                day(self.start)
            ),
        };
        let posts = plural(self.posts, "planned post", "planned posts");
        format!("{}: {span} ({posts} use it)", self.label)
    }
}

/// The rising-to-fading span of one rank history (oldest first), read capture by capture.
pub fn span(captures: &[TrendCapture]) -> Option<(DateTime<Utc>, Option<DateTime<Utc>>)> {
    let mut start = None;
    for k in 1..=captures.len() {
        let state = lifecycle(&captures[..k]);
        let at = captures[k - 1].captured_at;
        match (start, state) {
            (None, Lifecycle::Rising | Lifecycle::Peaking) => start = Some(at),
            (Some(s), Lifecycle::Fading) => return Some((s, Some(at))),
            _ => {}
        }
    }
    start.map(|s| (s, None))
}

/// The windows of the trends used by drafts with these sounds and hashtag lists (one entry
/// per planned post), most used first.
pub fn windows<'a>(
    trends: &[(TrendItem, Vec<TrendCapture>)],
    now: DateTime<Utc>,
    posts: impl IntoIterator<Item = (Option<&'a str>, &'a [String])>,
) -> Vec<TrendWindow> {
    let book = TrendBook::new(trends, now);
    let mut used: HashMap<TrendItemId, usize> = HashMap::new();
    for (sound, hashtags) in posts {
        let mut items: Vec<TrendItemId> = sound
            .and_then(|s| book.sound(s))
            .map(|e| e.item.id)
            .into_iter()
            .collect();
        items.extend(
            hashtags
                .iter()
                .filter_map(|t| book.hashtag(t))
                .map(|e| e.item.id),
        );
        items.sort();
        items.dedup();
        for id in items {
            *used.entry(id).or_default() += 1;
        }
    }
    let mut out: Vec<TrendWindow> = trends
        .iter()
        .filter_map(|(item, captures)| {
            let posts = *used.get(&item.id)?;
            let (start, end) = span(captures)?;
            let label = match item.kind {
                TrendKind::Hashtag => format!("#{}", item.name.trim_start_matches('#')),
                TrendKind::Sound => format!("♪ {}", item.name),
                _ => item.name.clone(),
            };
            Some(TrendWindow {
                label,
                kind: item.kind,
                start,
                end,
                posts,
            })
        })
        .collect();
    out.sort_by(|a, b| b.posts.cmp(&a.posts).then(a.start.cmp(&b.start)));
    out
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn captures(ranks: &[u32]) -> Vec<TrendCapture> {
        ranks
            .iter()
            .enumerate()
            .map(|(week, &rank)| TrendCapture {
                item: TrendItemId(1),
                captured_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
                    + chrono::Duration::weeks(week as i64),
                rank: Some(rank),
                rank_change: None,
                posts: None,
                views: None,
                period_days: 7,
                source: String::new(),
            })
            .collect()
    }

    fn item(kind: TrendKind, name: &str) -> TrendItem {
        TrendItem {
            id: TrendItemId(1),
            kind,
            name: name.into(),
            region: String::new(),
            industry: String::new(),
            bpm: None,
            duration_s: None,
            commercial_ok: None,
        }
    }

    #[test]
    fn a_window_runs_from_rising_to_fading() {
        let c = captures(&[50, 30, 10, 9, 25, 40]);
        let (start, end) = span(&c).unwrap();
        assert_eq!(start, c[1].captured_at);
        assert_eq!(end, Some(c[4].captured_at));
        let open = captures(&[50, 30, 10]);
        assert_eq!(span(&open), Some((open[1].captured_at, None)));
        assert_eq!(
            span(&captures(&[5])),
            None,
            "a single capture has no direction"
        );
    }

    #[test]
    fn only_trends_used_by_planned_drafts_get_a_window() {
        let trends = vec![(item(TrendKind::Hashtag, "BookTok"), captures(&[50, 30, 10]))];
        let now = Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap();
        let tags = vec!["#booktok".to_string()];
        let none: Vec<String> = Vec::new();
        let w = windows(
            &trends,
            now,
            [(None, tags.as_slice()), (None, tags.as_slice())],
        );
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].label, "#BookTok");
        assert_eq!(w[0].posts, 2);
        assert!(w[0].describe(chrono_tz::UTC).contains("not fading yet"));
        assert!(windows(&trends, now, [(Some("other"), none.as_slice())]).is_empty());
    }
}
