//! The drafts CSV reader on small files: every column, the spellings it accepts, the rows it
//! rejects (with line and reason), and what it recognises.

use chrono::{NaiveDate, TimeZone, Utc};

use super::{read_drafts, recognises};
use crate::domain::{AspectRatio, DraftStatus, OpeningType};
use crate::io::{Collected, PlannedAt, ReportKind};

fn read(text: &str) -> Collected {
    let mut sink = Collected::default();
    read_drafts("drafts.csv", text.as_bytes(), &mut sink).expect("the file reads");
    sink
}

#[test]
fn every_column_is_read_whatever_the_header_spelling() {
    let sink = read(
        "Title,HOOK,Caption,Hashtags,Subculture,Duration (s),Aspect Ratio,Sound,BPM,Opening,\
         Status,Assignee,Notes,Account,Planned at,Language,Region,Allow Duet,allow_stitch,\
         Allow comments,Shot list\n\
         Jam jars,Open a jar,Summer jam #cottagecore,\"jam, #baking\",#CottageCore,0:14,9x16,\
         Golden Hour - JVKE,128,surprise,In review,Mia,try at dusk,@meadow,2026-03-01 18:30,en,\
         nl,yes,no,1,ignored\n",
    );
    assert_eq!(sink.rejected, vec![]);
    let (file, d) = &sink.drafts[0];
    assert_eq!(file, "drafts.csv");
    assert_eq!(d.title, "Jam jars");
    assert_eq!(d.hook, "Open a jar");
    assert_eq!(d.hashtags, vec!["jam", "baking", "cottagecore"]);
    assert_eq!(d.subculture.as_deref(), Some("#CottageCore"));
    assert_eq!(d.duration_s, Some(14.0));
    assert_eq!(d.aspect, Some(AspectRatio::Vertical));
    assert_eq!(d.bpm, Some(128));
    assert_eq!(d.opening, Some(OpeningType::Surprise));
    assert_eq!(d.status, Some(DraftStatus::InReview));
    assert_eq!(d.account.as_deref(), Some("meadow"));
    let wall = NaiveDate::from_ymd_opt(2026, 3, 1)
        .and_then(|d| d.and_hms_opt(18, 30, 0))
        .expect("a date");
    assert_eq!(d.planned_at, Some(PlannedAt::Wall(wall)));
    assert_eq!(d.region, "NL");
    assert_eq!(
        (d.allow_duet, d.allow_stitch, d.allow_comments),
        (Some(true), Some(false), Some(true))
    );
    assert_eq!(d.line, 2);
    let summary = &sink.files[0];
    assert_eq!(summary.kind, ReportKind::Drafts);
    assert_eq!(summary.first_date, NaiveDate::from_ymd_opt(2026, 3, 1));
    assert!(
        summary.notes.iter().any(|n| n.contains("Shot list")),
        "{:?}",
        summary.notes
    );
}

#[test]
fn rfc_3339_times_are_instants() {
    let sink = read("title,caption,planned_at\nA,b,2026-03-01T18:00:00+01:00\n");
    let at = Utc
        .with_ymd_and_hms(2026, 3, 1, 17, 0, 0)
        .single()
        .expect("an instant");
    assert_eq!(sink.drafts[0].1.planned_at, Some(PlannedAt::At(at)));
}

#[test]
fn bad_cells_reject_their_row_with_line_and_reason() {
    let sink = read(
        "title,caption,duration_s,aspect,bpm,status,planned_at,region,allow_duet\n\
         ok,fine,15,9:16,120,draft,,,\n\
         a,b,-3,,,,,,\n\
         a,b,,3:2,,,,,\n\
         a,b,,,fast,,,,\n\
         a,b,,,,done,,,\n\
         a,b,,,,,next friday,,\n\
         a,b,,,,,,Netherlands,\n\
         a,b,,,,,,,maybe\n\
         ,,,,,,,,\n\
         ,,15,,,,,,\n",
    );
    assert_eq!(sink.drafts.len(), 1);
    let lines: Vec<usize> = sink.rejected.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![3, 4, 5, 6, 7, 8, 9, 11]);
    let reasons: Vec<&str> = sink.rejected.iter().map(|r| r.reason.as_str()).collect();
    assert!(reasons[1].contains("aspect \"3:2\""), "{reasons:?}");
    assert!(reasons[4].contains("RFC 3339"), "{reasons:?}");
    assert!(
        reasons[7].contains("no title, hook or caption"),
        "{reasons:?}"
    );
    assert_eq!(sink.files[0].skipped, 1, "the blank row is skipped");
    assert_eq!(sink.files[0].rejected, 8);
}

#[test]
fn recognised_by_caption_and_title_or_hook_but_not_a_history() {
    assert!(recognises(&["Title", "Caption"]));
    assert!(recognises(&["hook", "caption", "status"]));
    assert!(!recognises(&["title", "status"]));
    assert!(!recognises(&["title", "caption", "views", "link"]));
}
