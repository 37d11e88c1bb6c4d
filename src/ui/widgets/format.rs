//! How numbers, durations, ages and dates read in the window: `12.3K` views, `4.2%` of views,
//! `0:45`, `12 d`, `12 May`. One spelling for each, shared by every view so a number looks the
//! same wherever it appears. Formatting only: nothing here reads the workspace or draws.
//! Counts, plurals and percentages live in [`crate::text`], shared with the command line.

use chrono::{DateTime, NaiveDate, TimeZone};

pub use crate::text::{compact_count, percent, plural, thousands};

/// A video length: `14 s` under a minute, `1:05` from a minute on.
pub fn duration_seconds(seconds: f32) -> String {
    let whole = seconds.round().max(0.0) as u32;
    if whole < 60 {
        format!("{whole} s")
    } else {
        format!("{}:{:02}", whole / 60, whole % 60)
    }
}

/// An age in days from hours: one decimal under ten days (`2.5 d`), whole days above.
pub fn age_days(hours: f64) -> String {
    let days = hours / 24.0;
    if days < 10.0 {
        format!("{days:.1} d")
    } else {
        format!("{days:.0} d")
    }
}

/// A date as `12 May 2026`.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// An instant in `zone` as `Tue 12 May 18:00`.
pub fn slot<Z: TimeZone>(at: DateTime<Z>) -> String
where
    Z::Offset: std::fmt::Display,
{
    at.format("%a %-d %b %H:%M").to_string()
}

/// Days since 1970-01-01, the x coordinate of dates in charts.
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.to_epoch_days())
}

/// The date label of a chart's x coordinate made by [`day_number`] (`12 May`); empty when the
/// coordinate is out of the calendar's range.
pub fn day_number_label(x: f64) -> String {
    day_number_format(x, "%-d %b")
}

/// The label of a chart's date axis at `x` when the axis spans `span` days: `12 May`, or
/// `May 2024` over more than half a year (marks months apart, which only the year tells apart).
pub fn date_axis_label(x: f64, span: f64) -> String {
    if span > 183.0 {
        day_number_format(x, "%b %Y")
    } else {
        day_number_label(x)
    }
}

/// The hovered day of a chart's x coordinate, with its year (`12 May 2024`).
pub fn day_number_date(x: f64) -> String {
    day_number_format(x, "%-d %b %Y")
}

fn day_number_format(x: f64, format: &str) -> String {
    if !x.is_finite() || x.abs() > 1e7 {
        return String::new();
    }
    NaiveDate::from_epoch_days(x.floor() as i32)
        .map(|d| d.format(format).to_string())
        .unwrap_or_default()
}

/// A file size as `812 bytes`, `4.2 KB`, `12.8 MB` (1 KB = 1,000 bytes, as file managers show).
pub fn file_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return plural(bytes as usize, "byte", "bytes");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_like_tiktok() {
        assert_eq!(compact_count(0), "0");
        assert_eq!(compact_count(987), "987");
        assert_eq!(compact_count(1_000), "1K");
        assert_eq!(compact_count(12_345), "12.3K");
        assert_eq!(compact_count(123_456), "123K");
        assert_eq!(compact_count(999_999), "1M");
        assert_eq!(compact_count(1_400_000), "1.4M");
        assert_eq!(compact_count(2_100_000_000), "2.1B");
        assert_eq!(compact_count(-1_500), "-1.5K");
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(-1_000), "-1,000");
        assert_eq!(plural(1, "post", "posts"), "1 post");
        assert_eq!(plural(12_000, "draft", "drafts"), "12,000 drafts");
    }

    #[test]
    fn percentages_keep_small_rates_readable() {
        assert_eq!(percent(0.0035), "0.35%");
        assert_eq!(percent(0.042), "4.2%");
        assert_eq!(percent(1.0), "100.0%");
    }

    #[test]
    fn durations_and_ages() {
        assert_eq!(duration_seconds(14.4), "14 s");
        assert_eq!(duration_seconds(65.0), "1:05");
        assert_eq!(age_days(60.0), "2.5 d");
        assert_eq!(age_days(24.0 * 30.0), "30 d");
    }

    #[test]
    fn chart_days_round_trip() {
        let d = NaiveDate::from_ymd_opt(2026, 5, 12).expect("valid date");
        assert_eq!(day_number_label(day_number(d) + 0.4), "12 May");
        assert_eq!(day_number_label(f64::NAN), "");
        assert_eq!(day_number_date(day_number(d)), "12 May 2026");
    }

    #[test]
    fn a_date_axis_over_years_names_the_year() {
        let d = NaiveDate::from_ymd_opt(2024, 10, 28).expect("valid date");
        assert_eq!(date_axis_label(day_number(d), 30.0), "28 Oct");
        assert_eq!(date_axis_label(day_number(d), 1_303.0), "Oct 2024");
        assert_eq!(date_axis_label(f64::INFINITY, 1_303.0), "");
    }
}
