//! Recognising which Studio report a file is from its header alone (users re-download, so
//! `Content 2.csv` is as likely as `Content.csv`; the file name proves nothing).
//!
//! It never claims a file on one shared column: every required column of a report must be
//! there, and most of the file's columns must be ones that report writes.

use super::columns::Layout;
use super::{
    content, follower_activity, follower_gender, follower_history, follower_territories, overview,
    viewers,
};
use crate::io::ReportKind;

/// Every report's header, in the order they are tried.
const LAYOUTS: [&Layout; 7] = [
    &content::LAYOUT,
    &follower_activity::LAYOUT,
    &follower_history::LAYOUT,
    &viewers::LAYOUT,
    &overview::LAYOUT,
    &follower_gender::LAYOUT,
    &follower_territories::LAYOUT,
];

/// The Studio report a header belongs to, if any.
pub fn detect(headers: &[String]) -> Option<ReportKind> {
    LAYOUTS
        .iter()
        .filter(|layout| layout.locate(headers).is_some())
        .map(|layout| (layout.kind, layout.known_headers(headers)))
        .filter(|(_, (known, total))| known * 2 > *total)
        .max_by_key(|(_, (known, _))| *known)
        .map(|(kind, _)| kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn each_report_is_recognised_by_its_header() {
        let cases = [
            (
                vec![
                    "Date",
                    "Video Views",
                    "Profile Views",
                    "Likes",
                    "Comments",
                    "Shares",
                ],
                ReportKind::Overview,
            ),
            (
                vec![
                    "Time",
                    "Video title",
                    "Video link",
                    "Post time",
                    "Total likes",
                    "Total comments",
                    "Total shares",
                    "Total views",
                ],
                ReportKind::Content,
            ),
            (
                vec!["Date", "Total Viewers", "New Viewers", "Returning Viewers"],
                ReportKind::Viewers,
            ),
            (
                vec![
                    "Date",
                    "Followers",
                    "Difference in followers from previous day",
                ],
                ReportKind::FollowerHistory,
            ),
            (
                vec!["Date", "Hour", "Active followers"],
                ReportKind::FollowerActivity,
            ),
            (vec!["Gender", "Distribution"], ReportKind::FollowerGender),
            (
                vec!["Top territories", "Distribution"],
                ReportKind::FollowerTopTerritories,
            ),
        ];
        for (names, kind) in cases {
            assert_eq!(detect(&header(&names)), Some(kind), "{names:?}");
        }
    }

    #[test]
    fn headers_match_whatever_their_case_and_spacing() {
        let names = header(&[
            "\u{FEFF}DATE",
            " video  views ",
            "PROFILE VIEWS",
            "likes",
            "comments",
            "shares",
        ]);
        assert_eq!(detect(&names), Some(ReportKind::Overview));
    }

    #[test]
    fn the_business_overview_with_extra_columns() {
        let names = header(&[
            "Date",
            "Video views",
            "Reached audience",
            "Profile views",
            "Likes",
            "Shares",
            "Comments",
            "Website clicks",
            "Net growth",
            "New followers",
            "Lost followers",
        ]);
        assert_eq!(detect(&names), Some(ReportKind::Overview));
    }

    #[test]
    fn content_with_extra_and_unknown_columns() {
        let names = header(&[
            "Time",
            "Video title",
            "Video link",
            "Post time",
            "Total likes",
            "Total comments",
            "Total shares",
            "Total views",
            "Total play time",
            "Average watch time",
            "Watched full video",
            "Add to favorites",
            "Something new",
        ]);
        assert_eq!(detect(&names), Some(ReportKind::Content));
    }

    #[test]
    fn other_tools_tables_are_not_studio_reports() {
        for names in [
            vec!["Date", "Reach", "Impressions"],
            vec!["video_id", "views", "likes", "date"],
            vec![
                "Date",
                "Video views",
                "Campaign",
                "Ad group",
                "Spend",
                "CPM",
                "Clicks",
            ],
            vec![],
            vec!["Gender"],
        ] {
            assert_eq!(detect(&header(&names)), None, "{names:?}");
        }
    }
}
