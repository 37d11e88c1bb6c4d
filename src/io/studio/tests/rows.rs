//! Rows that cannot be read, files that cannot be placed, and arbitrary rows under every
//! report's header.

use proptest::prelude::*;

use super::*;

#[test]
fn bad_rows_are_rejected_with_their_line_and_the_rest_kept() {
    let bytes = studio_csv(&[
        &[
            "Date",
            "Video Views",
            "Profile Views",
            "Likes",
            "Comments",
            "Shares",
        ],
        &["January 1", "10", "1", "1", "1", "1"],
        &["Smarch 2", "10", "1", "1", "1", "1"],
        &["January 3", "lots", "1", "1", "1", "1"],
        &["January 3", "12", "1", "1", "1", "1"],
        &["January 3", "13", "1", "1", "1", "1"],
    ]);
    let got = read("Overview.csv", &bytes, &given(ymd(2026, 1, 3))).expect("read");
    let lines: Vec<usize> = got.rejected.iter().map(|r| r.line).collect();
    assert_eq!(lines, [3, 4, 6]);
    assert!(got.rejected[0].reason.contains("Smarch"));
    assert!(
        got.rejected[1].reason.starts_with("Video Views:"),
        "{}",
        got.rejected[1].reason
    );
    assert!(got.rejected[2].reason.contains("line 5"));
    assert_eq!(got.rejected[0].file, "Overview.csv");
    assert_eq!((got.files[0].rows, got.files[0].rejected), (2, 3));
}

#[test]
fn dates_that_cannot_be_placed_refuse_the_file_and_push_nothing() {
    let bytes = studio_csv(&[
        &[
            "Date",
            "Followers",
            "Difference in followers from previous day",
        ],
        &["April 12", "1", "1"],
    ]);
    let err =
        read("FollowerHistory.csv", &bytes, &ExportClues::default()).expect_err("no export date");
    assert!(matches!(&err, ImportError::AtLine { line: 2, .. }), "{err}");
    assert!(err.to_string().contains("give the export date"), "{err}");

    let bytes = studio_csv(&[
        &[
            "Date",
            "Followers",
            "Difference in followers from previous day",
        ],
        &["February 28", "1", "1"],
        &["February 29", "1", "1"],
    ]);
    let err = read("FollowerHistory.csv", &bytes, &given(ymd(2025, 3, 1)))
        .expect_err("2025 has no Feb 29");
    assert!(
        err.to_string().starts_with("FollowerHistory.csv line 3:"),
        "{err}"
    );

    let header_only = studio_csv(&[&["Gender", "Distribution"]]);
    let got = read("FollowerGender.csv", &header_only, &ExportClues::default())
        .expect("nothing to place");
    assert!(got.shares.is_empty());
    let bytes = studio_csv(&[&["Gender", "Distribution"], &["Female", "1"]]);
    assert!(read("FollowerGender.csv", &bytes, &ExportClues::default()).is_err());
}

proptest! {
    #[test]
    fn every_report_survives_arbitrary_rows(
        report in 0usize..7,
        cells in proptest::collection::vec(proptest::collection::vec("[A-Za-z0-9 ,.%:/#@-]{0,12}|undefined|Δεκεμβρίου", 0..14), 0..12),
    ) {
        let headers: [&[&str]; 7] = [
            &["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"],
            &["Time", "Video title", "Video link", "Post time", "Total likes", "Total comments", "Total shares", "Total views", "Total play time", "Average watch time", "Watched full video", "Add to favorites"],
            &["Date", "Total Viewers", "New Viewers", "Returning Viewers"],
            &["Date", "Followers", "Difference in followers from previous day"],
            &["Date", "Hour", "Active followers"],
            &["Gender", "Distribution"],
            &["Top territories", "Distribution"],
        ];
        let mut rows: Vec<Vec<&str>> = vec![headers[report].to_vec()];
        rows.extend(cells.iter().map(|r| r.iter().map(String::as_str).collect()));
        let refs: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        let _ = read("x.csv", &studio_csv(&refs), &given(ymd(2026, 1, 3)));
        let _ = read("x.csv", &studio_csv(&refs), &ExportClues::default());
    }
}

#[test]
fn content_rows_that_disagree_on_the_export_date_are_noted() {
    let link = "https://www.tiktok.com/@a/video/7590833308125103080";
    let bytes = studio_csv(&[
        &["Time", "Video title", "Video link", "Total views"],
        &["January 3", "a", link, "5"],
        &["January 4", "b", link, "6"],
        &["January 3", "c", "https://www.tiktok.com/@a/photo/12", "7"],
    ]);
    let got = read("Content.csv", &bytes, &ExportClues::default()).expect("read");
    assert_eq!(got.files[0].export_date, Some(ymd(2026, 1, 3)));
    assert!(
        got.files[0]
            .notes
            .iter()
            .any(|n| n.contains("line 2's was used"))
    );
    assert_eq!(got.rejected.len(), 1, "a link without a video id");
    assert_eq!(got.rejected[0].line, 4);
}
