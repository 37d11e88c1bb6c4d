//! The cells of a trend list that are words rather than counts: kind, name, rank change
//! arrows, period, region, yes/no flags, and a pasted line's leading rank.
//!
//! Each returns `None` (or an error) for text it does not know; none of them guesses.

use crate::domain::TrendKind;
use crate::io::numbers::parse_count;

/// `hashtag`, `Hashtags`, `sound`, `song`, `music`, `effect`, `topic`, `creator`, ...
pub(super) fn parse_kind(text: &str) -> Option<TrendKind> {
    let lower = text.trim().to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    TrendKind::parse(&lower)
        .or_else(|| TrendKind::parse(singular))
        .or(match singular {
            "#" | "tag" => Some(TrendKind::Hashtag),
            "song" | "music" | "audio" | "track" => Some(TrendKind::Sound),
            "filter" => Some(TrendKind::Effect),
            "account" | "user" => Some(TrendKind::Creator),
            _ => None,
        })
}

/// A trend item's name as stored: trimmed; hashtags without `#` and cut at the first space
/// (a hashtag has none); `None` when nothing is left.
pub(super) fn item_name(text: &str, kind: TrendKind) -> Option<String> {
    let text = text.trim();
    let name = match kind {
        TrendKind::Hashtag => text
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_start_matches('#'),
        _ => text,
    };
    (!name.is_empty()).then(|| name.to_string())
}

/// Places moved up (positive) or down (negative): `+3`, `-2`, `↑3`, `▲3`, `↓2`, `▼2`, `=`
/// (unchanged). `NEW` (a new entry) has no change: `None`.
pub(super) fn parse_rank_change(text: &str) -> Result<Option<i32>, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("new") {
        return Ok(None);
    }
    if text == "=" {
        return Ok(Some(0));
    }
    let mut chars = text.chars();
    let (sign, rest) = match chars.next() {
        Some('↑' | '▲' | '⬆' | '△') => (1, chars.as_str()),
        Some('↓' | '▼' | '⬇' | '▽') => (-1, chars.as_str()),
        _ => (1, text),
    };
    let places = parse_count(rest).map_err(|e| e.to_string())?;
    i32::try_from(places)
        .ok()
        .and_then(|p| p.checked_mul(sign))
        .map(Some)
        .ok_or_else(|| format!("\"{text}\" is too large"))
}

/// `7`, `7 days`, `7d`, `last 30 days`, `120`: the Creative Center's periods only.
pub(super) fn parse_period(text: &str) -> Option<u16> {
    let lower = text.trim().to_lowercase();
    let lower = lower
        .strip_prefix("last ")
        .or_else(|| lower.strip_prefix("past "))
        .unwrap_or(&lower);
    let number = ["days", "day", "d"]
        .iter()
        .find_map(|unit| lower.strip_suffix(unit))
        .unwrap_or(lower);
    let days: u16 = number.trim().parse().ok()?;
    [7, 30, 120].contains(&days).then_some(days)
}

/// A two-letter region code in upper case, or empty for worldwide (`Worldwide`, `Global`).
pub(super) fn parse_region(text: &str) -> Option<String> {
    let text = text.trim();
    let worldwide = ["worldwide", "global", "all", "all regions", "ww"];
    if worldwide.iter().any(|w| w.eq_ignore_ascii_case(text)) {
        return Some(String::new());
    }
    (text.len() == 2 && text.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| text.to_ascii_uppercase())
}

/// Yes or no as spreadsheets write it.
pub(super) fn parse_flag(text: &str) -> Option<bool> {
    let text = text.trim().to_lowercase();
    match text.as_str() {
        "yes" | "y" | "true" | "1" | "✓" | "✔" | "approved" | "ok" => Some(true),
        "no" | "n" | "false" | "0" | "✗" | "✘" | "not approved" => Some(false),
        _ => None,
    }
}

/// `1. #fyp`, `2) name`, `3: name`, `4 - name`, `5<TAB>name`, `6 name`: the rank and the rest.
/// A line that is only a number, or whose digits run into letters (`2025trend`), has no rank.
pub(super) fn leading_rank(line: &str) -> (Option<u32>, &str) {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    let separated = rest.starts_with(['.', ')', ':', '-', '\t', ' ']);
    let name = rest.trim_start_matches(['.', ')', ':', '-', '\t', ' ']);
    match line[..digits].parse::<u32>() {
        Ok(rank) if separated && !name.is_empty() && digits <= 6 => (Some(rank), name),
        _ => (None, line),
    }
}
