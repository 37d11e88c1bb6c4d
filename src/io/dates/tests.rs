use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

fn yearless(month: u32, day: u32) -> WrittenDate {
    WrittenDate::Yearless { month, day }
}

#[test]
fn dates_in_all_eight_languages() {
    let cases = [
        ("April 12", 4, 12),
        ("Apr 12", 4, 12),
        ("12 April", 4, 12),
        ("8 de marzo", 3, 8),
        ("8 mar", 3, 8),
        ("25 de setembro", 9, 25),
        ("25 set", 9, 25),
        ("11 septembre", 9, 11),
        ("1er mars", 3, 1),
        ("11 sept.", 9, 11),
        ("3. März", 3, 3),
        ("3. Mrz", 3, 3),
        ("14 februari", 2, 14),
        ("14 mrt", 3, 14),
        ("5 maggio", 5, 5),
        ("5 mag", 5, 5),
        ("15 Ιανουαρίου", 1, 15),
        ("15 Ιαν", 1, 15),
        ("2 Αυγούστου", 8, 2),
        ("2 Αύγουστος", 8, 2),
        ("2 ΑΥΓΟΥΣΤΟΥ", 8, 2),
        ("  December 31 ", 12, 31),
        ("February 29", 2, 29),
    ];
    for (text, month, day) in cases {
        assert_eq!(parse_date(text), Ok(yearless(month, day)), "{text}");
    }
}

#[test]
fn numeric_dates_and_worded_dates_with_a_year() {
    assert_eq!(
        parse_date("2026/05/10"),
        Ok(WrittenDate::Full(ymd(2026, 5, 10)))
    );
    assert_eq!(
        parse_date("2026-05-10"),
        Ok(WrittenDate::Full(ymd(2026, 5, 10)))
    );
    assert_eq!(
        parse_date("2025-02-23 10:48:59"),
        Ok(WrittenDate::Full(ymd(2025, 2, 23)))
    );
    assert_eq!(
        parse_date("April 12, 2025"),
        Ok(WrittenDate::Full(ymd(2025, 4, 12)))
    );
    assert_eq!(
        parse_date("12 de abril de 2025"),
        Ok(WrittenDate::Full(ymd(2025, 4, 12)))
    );
}

#[test]
fn date_times_as_the_account_data_writes_them() {
    let at = parse_date_time("2025-02-23 10:48:59").expect("a date time");
    assert_eq!(
        at,
        ymd(2025, 2, 23).and_hms_opt(10, 48, 59).expect("a time")
    );
    let iso = parse_date_time("2025-02-23T10:48:59Z").expect("a date time");
    assert_eq!(iso, at);
    assert_eq!(
        parse_date_time("2025-02-23").expect("a date").time(),
        chrono::NaiveTime::MIN
    );
    assert!(parse_date_time("2025-02-23 25:00:00").is_err());
    assert!(parse_date_time("April 12").is_err());
}

#[test]
fn texts_that_are_not_dates() {
    for text in [
        "",
        "undefined",
        "Smarch 5",
        "April",
        "12",
        "April 12 13",
        "April May 3",
        "2026/13/01x",
        "10/05/2026",
        "📅",
    ] {
        assert!(
            matches!(parse_date(text), Err(DateError::NotADate(_))),
            "{text}"
        );
    }
    assert!(matches!(
        parse_date("April 31"),
        Err(DateError::NoSuchDay(_))
    ));
    assert!(matches!(
        parse_date("2025-02-29"),
        Err(DateError::NoSuchDay(_))
    ));
    assert!(matches!(
        parse_date(&"April 1".repeat(20)),
        Err(DateError::NotADate(_))
    ));
}

#[test]
fn spanish_dates_across_a_year_wrap_oldest_first() {
    let texts = [
        "30 de diciembre",
        "31 de diciembre",
        "1 de enero",
        "2 de enero",
    ];
    let rows: Vec<(usize, WrittenDate)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (i + 2, parse_date(t).expect("a date")))
        .collect();
    let placed = place_in_order(&rows, Some(ymd(2026, 1, 2))).expect("placed");
    assert_eq!(
        placed,
        vec![
            ymd(2025, 12, 30),
            ymd(2025, 12, 31),
            ymd(2026, 1, 1),
            ymd(2026, 1, 2)
        ]
    );
}

#[test]
fn greek_dates_across_a_year_wrap_newest_first() {
    let texts = [
        "2 Ιανουαρίου",
        "1 Ιανουαρίου",
        "31 Δεκεμβρίου",
        "30 Δεκεμβρίου",
    ];
    let rows: Vec<(usize, WrittenDate)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (i + 2, parse_date(t).expect("a date")))
        .collect();
    let placed = place_in_order(&rows, Some(ymd(2026, 1, 5))).expect("placed");
    assert_eq!(
        placed,
        vec![
            ymd(2026, 1, 2),
            ymd(2026, 1, 1),
            ymd(2025, 12, 31),
            ymd(2025, 12, 30)
        ]
    );
}

#[test]
fn a_365_day_export_wraps_once() {
    let end = ymd(2026, 4, 2);
    let days: Vec<NaiveDate> = (0..365)
        .rev()
        .map(|back| end - chrono::Days::new(back))
        .collect();
    let rows: Vec<(usize, WrittenDate)> = days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            use chrono::Datelike;
            (i + 2, yearless(d.month(), d.day()))
        })
        .collect();
    assert_eq!(place_in_order(&rows, Some(end)).expect("placed"), days);
}

#[test]
fn the_newest_row_after_the_export_date_is_last_year_unless_within_two_days() {
    let rows = [(2, yearless(12, 31))];
    assert_eq!(
        place_in_order(&rows, Some(ymd(2026, 1, 3))),
        Ok(vec![ymd(2025, 12, 31)])
    );
    let rows = [(2, yearless(1, 4))];
    assert_eq!(
        place_in_order(&rows, Some(ymd(2026, 1, 3))),
        Ok(vec![ymd(2026, 1, 4)])
    );
    assert_eq!(place_latest(9, 3, ymd(2026, 2, 28)), Some(ymd(2025, 9, 3)));
    assert_eq!(place_latest(2, 29, ymd(2026, 3, 1)), Some(ymd(2024, 2, 29)));
}

#[test]
fn dates_that_cannot_be_placed_name_the_line() {
    let rows = [(2, yearless(4, 12))];
    assert_eq!(
        place_in_order(&rows, None),
        Err(PlaceError::NoExportDate { line: 2 })
    );

    // February 29 walked into 2025 (the export is from 2025).
    let rows = [
        (2, yearless(2, 28)),
        (3, yearless(2, 29)),
        (4, yearless(3, 1)),
    ];
    let err = place_in_order(&rows, Some(ymd(2025, 3, 1))).expect_err("2025 has no February 29");
    assert!(
        matches!(err, PlaceError::CannotPlace { line: 3, .. }),
        "{err}"
    );

    // Rows out of order.
    let rows = [
        (2, yearless(1, 1)),
        (3, yearless(6, 1)),
        (4, yearless(1, 2)),
        (5, yearless(1, 3)),
    ];
    let err = place_in_order(&rows, Some(ymd(2026, 1, 3))).expect_err("out of order");
    assert!(err.to_string().contains("line 3"), "{err}");
}

#[test]
fn full_dates_keep_their_year() {
    let rows = [
        (2, WrittenDate::Full(ymd(2020, 5, 10))),
        (3, WrittenDate::Full(ymd(2020, 5, 11))),
    ];
    assert_eq!(
        place_in_order(&rows, None),
        Ok(vec![ymd(2020, 5, 10), ymd(2020, 5, 11)])
    );
}

proptest! {
    #[test]
    fn parsing_arbitrary_text_never_panics(text in any::<String>()) {
        let _ = parse_date(&text);
        let _ = parse_date_time(&text);
    }

    #[test]
    fn parsing_date_shaped_text_never_panics(text in "[0-9]{0,5}[ /.,-]{0,2}[A-Za-zé]{0,9}[ .]{0,2}[0-9]{0,4}") {
        let _ = parse_date(&text);
    }

    #[test]
    fn placing_any_rows_never_panics(
        rows in proptest::collection::vec((1u32..=12, 1u32..=31), 0..60),
        days_after_epoch in 0i64..40_000,
    ) {
        let rows: Vec<(usize, WrittenDate)> = rows
            .into_iter()
            .enumerate()
            .filter(|(_, (m, d))| NaiveDate::from_ymd_opt(2000, *m, *d).is_some())
            .map(|(i, (month, day))| (i + 2, yearless(month, day)))
            .collect();
        let anchor = ymd(1970, 1, 1) + chrono::Duration::days(days_after_epoch);
        let _ = place_in_order(&rows, Some(anchor));
    }
}
