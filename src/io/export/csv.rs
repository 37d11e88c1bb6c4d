//! CSV export per FORMATS.md section 5: the columns Google Calendar imports (`Subject`,
//! `Start Date`, `Start Time`, `End Date`, `End Time`, `All Day Event`, `Description`,
//! `Location`, `Private`; dates `MM/DD/YYYY`, times `hh:mm AM` in the account's zone) followed
//! by Scrollstop's own. A cell a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`, tab or CR) gets a leading `'`, so it is shown as text.

use super::CalendarEvent;

/// The header row.
pub const COLUMNS: [&str; 20] = [
    "Subject",
    "Start Date",
    "Start Time",
    "End Date",
    "End Time",
    "All Day Event",
    "Description",
    "Location",
    "Private",
    "post_id",
    "account",
    "timezone",
    "status",
    "caption",
    "hashtags",
    "sound",
    "subculture",
    "predicted_p10",
    "predicted_p50",
    "predicted_p90",
];

/// A cell as written: formula starters neutralised with a leading `'`.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

fn row(e: &CalendarEvent) -> Vec<String> {
    let start = e.instant.with_timezone(&e.zone);
    let end = e.end().with_timezone(&e.zone);
    let number = |v: Option<f64>| v.map_or(String::new(), |v| format!("{:.0}", v.max(0.0)));
    vec![
        e.summary(),
        start.format("%m/%d/%Y").to_string(),
        start.format("%I:%M %p").to_string(),
        end.format("%m/%d/%Y").to_string(),
        end.format("%I:%M %p").to_string(),
        "False".into(),
        e.description(),
        "TikTok".into(),
        "True".into(),
        e.uid.clone(),
        e.account.as_str().to_string(),
        e.zone.name().to_string(),
        e.draft_status.as_str().to_string(),
        e.caption.clone(),
        e.hashtag_text(),
        e.sound.clone().unwrap_or_default(),
        e.subculture.clone().unwrap_or_default(),
        number(e.predicted.map(|p| p.p10)),
        number(e.predicted.map(|p| p.p50)),
        number(e.predicted.map(|p| p.p90)),
    ]
}

/// The whole file (UTF-8, CRLF row ends, every cell quoted where CSV needs it).
pub fn write(events: &[CalendarEvent]) -> Result<String, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    for e in events {
        w.write_record(row(e).iter().map(|c| neutralise(c)))?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::export::sample;

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralise(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(neutralise("plain"), "plain");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn rows_have_google_columns_then_scrollstops_and_read_back() {
        let mut e = sample::event();
        e.caption = "=cmd|' /C calc'!A0 #oops".into();
        e.title = "@everyone look".into();
        let text = write(&[e.clone()]).unwrap();
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
        assert_eq!(header, COLUMNS);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1);
        let row = &rows[0];
        assert_eq!(&row[0], "'@everyone look (@mossandmoor)");
        assert_eq!(&row[10], "mossandmoor");
        assert_eq!(&row[1], "12/01/2026");
        assert_eq!(&row[2], "06:00 PM", "the account's wall time");
        assert_eq!(&row[4], "06:15 PM");
        assert_eq!(&row[9], e.uid);
        assert_eq!(&row[11], "Europe/Amsterdam");
        assert_eq!(&row[12], "approved");
        assert!(row[13].starts_with("'="), "{}", &row[13]);
        assert_eq!(&row[14], "#cottagecore #diy");
        assert_eq!(&row[17], "1234");
        assert_eq!(&row[19], "23456");
        for cell in row.iter() {
            assert!(
                !matches!(
                    cell.chars().next(),
                    Some('=' | '+' | '-' | '@' | '\t' | '\r')
                ),
                "{cell:?}"
            );
        }
        assert!(text.contains("\r\n"));
    }
}
