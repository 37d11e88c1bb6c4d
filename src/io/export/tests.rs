//! The .ics export read back by an independent parser (the `icalendar` crate's), plus the
//! wire rules checked on the raw bytes: CRLF only, no line over 75 octets.

use chrono::{TimeZone, Utc};
use icalendar::parser::{Component, read_calendar, unfold};

use super::ics::{CalendarInfo, MAX_LINE_OCTETS, write};
use super::{EventStatus, sample};
use crate::domain::DraftStatus;

fn prop<'a>(c: &'a Component<'a>, name: &str) -> String {
    c.find_prop(name)
        .unwrap_or_else(|| panic!("{name} missing"))
        .val
        .as_str()
        .to_string()
}

fn export() -> (String, Vec<super::CalendarEvent>) {
    let a = sample::event();
    let mut b = sample::event();
    b.uid = "fedcba9876543210fedcba9876543210@scrollstop".into();
    b.title = "Idea only".into();
    b.draft_status = DraftStatus::Idea;
    b.status = EventStatus::Tentative;
    b.subculture = None;
    b.predicted = None;
    b.sound = None;
    b.sequence = 0;
    let mut c = sample::event();
    c.uid = "00000000000000000000000000000000@scrollstop".into();
    c.status = EventStatus::Cancelled;
    let events = vec![a, b, c];
    let info = CalendarInfo {
        name: "Scrollstop: @mossandmoor, the plan".into(),
        zone: chrono_tz::Europe::Amsterdam,
    };
    let stamp = Utc.with_ymd_and_hms(2026, 11, 28, 10, 0, 0).unwrap();
    (write(&info, &events, stamp), events)
}

#[test]
fn lines_end_in_crlf_and_hold_at_most_75_octets() {
    let (text, _) = export();
    assert!(text.ends_with("\r\n"));
    let bytes = text.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at {i}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at {i}");
        }
    }
    let mut folded = 0;
    for line in text.split("\r\n") {
        assert!(
            line.len() <= MAX_LINE_OCTETS,
            "{} octets: {line}",
            line.len()
        );
        folded += usize::from(line.starts_with(' '));
    }
    assert!(folded > 3, "the long description is folded");
}

#[test]
fn an_independent_parser_reads_every_property_back() {
    let (text, events) = export();
    let unfolded = unfold(&text);
    let calendar = read_calendar(&unfolded).expect("valid iCalendar");
    let cal = |name: &str| {
        calendar
            .properties
            .iter()
            .find(|p| p.name.as_str() == name)
            .map(|p| p.val.as_str().to_string())
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    assert_eq!(cal("VERSION"), "2.0");
    assert!(cal("PRODID").starts_with("-//Scrollstop//"));
    assert_eq!(cal("CALSCALE"), "GREGORIAN");
    assert_eq!(cal("METHOD"), "PUBLISH");
    assert_eq!(cal("X-WR-CALNAME"), "Scrollstop: @mossandmoor, the plan");
    assert_eq!(cal("X-WR-TIMEZONE"), "Europe/Amsterdam");

    let vevents: Vec<&Component> = calendar
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .collect();
    assert_eq!(vevents.len(), events.len());
    for (v, e) in vevents.iter().zip(&events) {
        assert_eq!(prop(v, "UID"), e.uid);
        assert_eq!(prop(v, "DTSTAMP"), "20261128T100000Z");
        assert_eq!(
            prop(v, "DTSTART"),
            "20261201T170000Z",
            "18:00 Amsterdam in UTC"
        );
        assert_eq!(prop(v, "DURATION"), "PT15M");
        assert_eq!(prop(v, "SUMMARY"), e.summary());
        assert_eq!(
            prop(v, "DESCRIPTION"),
            e.description(),
            "unescaped by the parser"
        );
        assert_eq!(prop(v, "STATUS"), e.status.as_ics());
        assert_eq!(prop(v, "SEQUENCE"), e.sequence.to_string());
        assert_eq!(prop(v, "CREATED"), "20261120T120000Z");
        assert_eq!(prop(v, "LAST-MODIFIED"), "20261121T093000Z");
        match &e.subculture {
            Some(_) => assert_eq!(prop(v, "CATEGORIES"), "#CottageCore\\, slow living"),
            None => assert!(v.find_prop("CATEGORIES").is_none()),
        }
        let description = prop(v, "DESCRIPTION");
        assert!(description.starts_with(&e.caption), "caption first");
        if e.sound.is_some() {
            assert!(description.contains("Hashtags: #cottagecore #diy"));
            assert!(description.contains("Sound: Autumn Leaves - Café Trio"));
            assert!(description.contains("Predicted 30-day views: 1,200 to 23,000 (median 4,600)"));
        }
        let alarm = v
            .components
            .iter()
            .find(|c| c.name.as_str() == "VALARM")
            .expect("a reminder");
        assert_eq!(prop(alarm, "ACTION"), "DISPLAY");
        assert_eq!(prop(alarm, "TRIGGER"), "-PT15M");
        assert!(prop(alarm, "DESCRIPTION").contains(&e.summary()));
    }
    let statuses: Vec<String> = vevents.iter().map(|v| prop(v, "STATUS")).collect();
    assert_eq!(statuses, ["CONFIRMED", "TENTATIVE", "CANCELLED"]);
}

#[test]
fn a_strict_unfolding_gives_back_the_escaped_values() {
    let (text, events) = export();
    // Strict: a continuation is exactly CRLF + one space.
    let unfolded = text.replace("\r\n ", "");
    let description_line = unfolded
        .split("\r\n")
        .find(|l| l.starts_with("DESCRIPTION:Drie"))
        .unwrap();
    assert_eq!(
        description_line,
        format!(
            "DESCRIPTION:{}",
            super::ics::escape_text(&events[0].description())
        )
    );
    assert!(description_line.contains("middag\\\\ klaar?"));
    assert!(description_line.contains("\\n#cottagecore #diy"));
    assert!(description_line.contains("bos\\, één"));
}
