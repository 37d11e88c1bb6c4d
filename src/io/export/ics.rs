//! iCalendar (RFC 5545) export per FORMATS.md section 4: one VEVENT per planned post with a
//! stable UID, SEQUENCE, STATUS by draft status, CATEGORIES, a DESCRIPTION with caption,
//! hashtags, sound and predicted range, and a VALARM reminder. Start times are written in UTC
//! (`...Z`), so no VTIMEZONE is needed; the account's zone is named in `X-WR-TIMEZONE` and in
//! the description. Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
//! character; TEXT values escape `\`, `;`, `,` and newlines and drop other control characters.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{CalendarEvent, EVENT_MINUTES, REMINDER_MINUTES};

/// Octets a content line may hold, excluding its CRLF.
pub const MAX_LINE_OCTETS: usize = 75;

/// The calendar's own properties.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarInfo {
    /// `X-WR-CALNAME`, e.g. `Scrollstop: @mossandmoor`.
    pub name: String,
    /// `X-WR-TIMEZONE`: the zone calendars should show the posts in.
    pub zone: Tz,
}

/// Escapes a TEXT value (RFC 5545 3.3.11).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line: the first physical line holds at most 75 octets, each
/// continuation a space and at most 74 more; splits fall between characters. Ends in CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut rest = line;
    let mut limit = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return out;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = MAX_LINE_OCTETS - 1;
    }
}

fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

struct Lines(String);

impl Lines {
    fn raw(&mut self, name: &str, value: &str) {
        self.0.push_str(&fold(&format!("{name}:{value}")));
    }

    fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape_text(value));
    }
}

/// The whole calendar. `stamp` is the export instant (DTSTAMP).
pub fn write(info: &CalendarInfo, events: &[CalendarEvent], stamp: DateTime<Utc>) -> String {
    let mut l = Lines(String::new());
    l.raw("BEGIN", "VCALENDAR");
    l.raw("VERSION", "2.0");
    l.text(
        "PRODID",
        &format!(
            "-//Scrollstop//Scrollstop {}//EN",
            env!("CARGO_PKG_VERSION")
        ),
    );
    l.raw("CALSCALE", "GREGORIAN");
    l.raw("METHOD", "PUBLISH");
    l.text("X-WR-CALNAME", &info.name);
    l.text("X-WR-TIMEZONE", info.zone.name());
    for e in events {
        event(&mut l, e, stamp);
    }
    l.raw("END", "VCALENDAR");
    l.0
}

fn event(l: &mut Lines, e: &CalendarEvent, stamp: DateTime<Utc>) {
    l.raw("BEGIN", "VEVENT");
    l.text("UID", &e.uid);
    l.raw("DTSTAMP", &utc(stamp));
    l.raw("DTSTART", &utc(e.instant));
    l.raw("DURATION", &format!("PT{EVENT_MINUTES}M"));
    l.text("SUMMARY", &e.summary());
    l.text("DESCRIPTION", &e.description());
    if let Some(sub) = &e.subculture {
        l.raw("CATEGORIES", &escape_text(sub));
    }
    l.raw("STATUS", e.status.as_ics());
    l.raw("SEQUENCE", &e.sequence.to_string());
    l.raw("CREATED", &utc(e.created));
    l.raw("LAST-MODIFIED", &utc(e.last_modified));
    l.raw("BEGIN", "VALARM");
    l.raw("ACTION", "DISPLAY");
    l.raw("TRIGGER", &format!("-PT{REMINDER_MINUTES}M"));
    l.text(
        "DESCRIPTION",
        &format!("In {REMINDER_MINUTES} minutes: post {}", e.summary()),
    );
    l.raw("END", "VALARM");
    l.raw("END", "VEVENT");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(
            escape_text("a\\b;c,d\r\ne\nf\rg"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng"
        );
        assert_eq!(escape_text("bell\u{7}\u{0}end"), "bellend");
    }

    #[test]
    fn folding_keeps_lines_short_and_characters_whole() {
        let long = format!("DESCRIPTION:{}", "é🍂x".repeat(40));
        let folded = fold(&long);
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= MAX_LINE_OCTETS, "{} octets", line.len());
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
        assert_eq!(fold("SHORT:x"), "SHORT:x\r\n");
        let exactly = "X".repeat(75);
        assert_eq!(fold(&exactly), format!("{exactly}\r\n"));
    }
}
