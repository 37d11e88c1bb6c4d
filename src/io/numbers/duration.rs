//! Durations as people write them: `00:31`, `1:02:03`, `31`, `31.5`, `31s`, `1m 5s`, `PT1M5S`.
//!
//! Part of the one number parser; it returns `None` for text it does not know, never a guess.

use super::{parse_decimal, plain_digits};

/// `mm:ss` or `h:mm:ss`; the seconds may carry a fraction, later parts must be below 60.
pub(super) fn clock_seconds(text: &str) -> Option<f64> {
    // At most three parts, kept on the stack (every row of a history has a duration).
    let mut parts = [""; 3];
    let mut count = 0;
    for part in text.split(':') {
        *parts.get_mut(count)? = part.trim();
        count += 1;
    }
    if count < 2 {
        return None;
    }
    let parts = &parts[..count];
    let mut seconds = 0.0;
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let digits_only = !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        if !(digits_only || last && !part.starts_with(['-', '+'])) {
            return None;
        }
        let value = match plain_digits(part) {
            Some(digits) => digits.parse().ok()?,
            None => parse_decimal(part).ok()?,
        };
        if value < 0.0 || (i > 0 && value >= 60.0) {
            return None;
        }
        seconds = seconds * 60.0 + value;
    }
    Some(seconds)
}

/// `31`, `31.5`, `31s`, `1h 2m 3s`, `2 min`, `PT1M5S`: numbers each followed by a unit; a
/// single number without unit is seconds.
pub(super) fn unit_seconds(text: &str) -> Option<f64> {
    let lower = text.to_ascii_lowercase();
    let rest = lower.strip_prefix("pt").unwrap_or(&lower).trim();
    let mut chars = rest.char_indices().peekable();
    let mut seconds = 0.0;
    let mut pieces = 0;
    while let Some(&(start, _)) = chars.peek() {
        while chars
            .next_if(|(_, c)| c.is_ascii_digit() || matches!(c, '.' | ','))
            .is_some()
        {}
        let end = chars.peek().map_or(rest.len(), |(i, _)| *i);
        let number = parse_decimal(rest.get(start..end)?).ok()?;
        while chars.next_if(|(_, c)| *c == ' ').is_some() {}
        let unit_start = chars.peek().map_or(rest.len(), |(i, _)| *i);
        while chars.next_if(|(_, c)| c.is_ascii_alphabetic()).is_some() {}
        let unit_end = chars.peek().map_or(rest.len(), |(i, _)| *i);
        let scale = match rest.get(unit_start..unit_end)? {
            "" if pieces == 0 && chars.peek().is_none() => 1.0,
            "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
            "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
            "h" | "hr" | "hrs" | "hour" | "hours" => 3600.0,
            _ => return None,
        };
        while chars.next_if(|(_, c)| *c == ' ').is_some() {}
        seconds += number * scale;
        pieces += 1;
    }
    (pieces > 0).then_some(seconds)
}
