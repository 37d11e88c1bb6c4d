//! Filtering and sorting the prepared rows.

use chrono::{TimeZone, Utc};

use super::*;
use crate::checks::{Field, Finding, Severity};
use crate::domain::AccountId;

fn draft(title: &str, status: DraftStatus, duration: Option<f32>, minute: u32) -> Draft {
    let at = Utc
        .with_ymd_and_hms(2026, 5, 1, 12, minute, 0)
        .single()
        .expect("valid instant");
    let mut d = Draft::blank(AccountId(1), at);
    d.id = DraftId(i64::from(minute));
    d.title = title.to_string();
    d.status = status;
    d.duration_s = duration;
    d.caption = format!("{title} #knitting");
    d
}

fn row(d: &Draft) -> DraftRow {
    DraftRow::new(d, None, None, chrono_tz::UTC)
}

fn finding(rule: &'static str, severity: Severity) -> Finding {
    Finding {
        rule,
        severity,
        field: Field::Caption,
        message: format!("{rule} message"),
        source: "",
        fix: None,
        also: Vec::new(),
    }
}

fn rows() -> Vec<DraftRow> {
    vec![
        row(&draft("Rainy knits", DraftStatus::Idea, Some(14.0), 1)),
        row(&draft("apple cake", DraftStatus::Approved, None, 2)),
        row(&draft("Burpee ladder", DraftStatus::Idea, Some(31.0), 3)),
    ]
}

fn all() -> DraftFilter {
    DraftFilter::default()
}

#[test]
fn newest_first_by_default() {
    assert_eq!(
        visible_rows(
            &rows(),
            &Assessments::default(),
            &all(),
            DraftSort::default()
        ),
        vec![2, 1, 0]
    );
}

#[test]
fn titles_sort_case_insensitively_and_flip() {
    let sort = DraftSort::default().clicked(DraftColumn::Title);
    assert_eq!(
        visible_rows(&rows(), &Assessments::default(), &all(), sort),
        vec![1, 2, 0]
    );
    let flipped = sort.clicked(DraftColumn::Title);
    assert_eq!(
        visible_rows(&rows(), &Assessments::default(), &all(), flipped),
        vec![0, 2, 1]
    );
}

#[test]
fn missing_lengths_sort_last_both_ways() {
    let sort = DraftSort::default().clicked(DraftColumn::Duration);
    assert_eq!(
        visible_rows(&rows(), &Assessments::default(), &all(), sort),
        vec![0, 2, 1]
    );
    let sort = sort.clicked(DraftColumn::Duration);
    assert_eq!(
        visible_rows(&rows(), &Assessments::default(), &all(), sort),
        vec![2, 0, 1]
    );
}

#[test]
fn status_and_every_search_word_filter() {
    let sort = DraftSort::default();
    let ideas = DraftFilter {
        status: Some(DraftStatus::Idea),
        ..all()
    };
    assert_eq!(
        visible_rows(&rows(), &Assessments::default(), &ideas, sort),
        vec![2, 0]
    );
    let search = DraftFilter {
        search: "KNITTING rainy".to_string(),
        ..all()
    };
    assert_eq!(
        visible_rows(&rows(), &Assessments::default(), &search, sort),
        vec![0]
    );
    let posted = DraftFilter {
        status: Some(DraftStatus::Posted),
        ..all()
    };
    assert!(visible_rows(&rows(), &Assessments::default(), &posted, sort).is_empty());
}

#[test]
fn search_reads_hashtags_sound_and_notes() {
    let mut d = draft("Plain", DraftStatus::Draft, None, 4);
    d.caption = "no tags here".to_string();
    d.hashtags = vec!["cottagecore".to_string()];
    d.sound = Some("Espresso - Sabrina".to_string());
    d.notes = "shoot at golden hour".to_string();
    let rows = vec![row(&d), rows().remove(0)];
    let assessed = Assessments::default();
    for word in ["cottagecore", "espresso", "GOLDEN"] {
        let filter = DraftFilter {
            search: word.to_string(),
            ..all()
        };
        assert_eq!(
            visible_rows(&rows, &assessed, &filter, DraftSort::default()),
            vec![0]
        );
    }
}

#[test]
fn subculture_and_assignee_filters_include_the_empty_choice() {
    let mut a = draft("A", DraftStatus::Draft, None, 1);
    a.subculture = Some(SubcultureId(7));
    a.assignee = "mai".to_string();
    let b = draft("B", DraftStatus::Draft, None, 2);
    let rows = vec![row(&a), row(&b)];
    let assessed = Assessments::default();
    let sort = DraftSort::default();
    let of = |subculture, assignee: Option<&str>| DraftFilter {
        subculture,
        assignee: assignee.map(str::to_string),
        ..all()
    };
    assert_eq!(
        visible_rows(
            &rows,
            &assessed,
            &of(Some(Some(SubcultureId(7))), None),
            sort
        ),
        vec![0]
    );
    assert_eq!(
        visible_rows(&rows, &assessed, &of(Some(None), None), sort),
        vec![1]
    );
    assert_eq!(
        visible_rows(&rows, &assessed, &of(None, Some("mai")), sort),
        vec![0]
    );
    assert_eq!(
        visible_rows(&rows, &assessed, &of(None, Some("")), sort),
        vec![1]
    );
}

#[test]
fn finding_filters_wait_for_the_checks_and_match_rules() {
    let rows = rows();
    let mut assessed = Assessments::default();
    let sort = DraftSort::default();
    let errors = DraftFilter {
        finding: Some(FindingFilter::AnyError),
        ..all()
    };
    assert!(
        visible_rows(&rows, &assessed, &errors, sort).is_empty(),
        "unchecked rows match no finding filter"
    );
    assessed.set_findings(
        rows[0].id,
        FindingSummary::of(&[
            finding("no-sound", Severity::Warning),
            finding("caption-too-long", Severity::Error),
        ]),
    );
    assessed.set_findings(
        rows[1].id,
        FindingSummary::of(&[finding("slow-sound", Severity::Tip)]),
    );
    assessed.set_findings(rows[2].id, FindingSummary::of(&[]));
    assert_eq!(visible_rows(&rows, &assessed, &errors, sort), vec![0]);
    let rule = DraftFilter {
        finding: Some(FindingFilter::Rule("slow-sound")),
        ..all()
    };
    assert_eq!(visible_rows(&rows, &assessed, &rule, sort), vec![1]);
    let clean = DraftFilter {
        finding: Some(FindingFilter::Clean),
        ..all()
    };
    assert_eq!(visible_rows(&rows, &assessed, &clean, sort), vec![2]);
    let summary = assessed
        .of(rows[0].id)
        .findings
        .as_ref()
        .expect("set above");
    assert_eq!((summary.errors, summary.warnings, summary.tips), (1, 1, 0));
    assert_eq!(summary.rules, vec!["caption-too-long", "no-sound"]);
    assert!(
        summary
            .details
            .starts_with("error caption-too-long: caption-too-long message")
    );
}

#[test]
fn findings_and_reach_sort_biggest_first_with_unknowns_last() {
    let rows = rows();
    let mut assessed = Assessments::default();
    assessed.set_findings(
        rows[0].id,
        FindingSummary::of(&[finding("no-sound", Severity::Warning)]),
    );
    assessed.set_findings(
        rows[2].id,
        FindingSummary::of(&[finding("x", Severity::Error)]),
    );
    let sort = DraftSort::default().clicked(DraftColumn::Findings);
    assert!(sort.descending);
    assert_eq!(visible_rows(&rows, &assessed, &all(), sort), vec![2, 0, 1]);

    assessed.set_prediction(rows[0].id, Prediction::Median(900.0));
    assessed.set_prediction(rows[1].id, Prediction::Median(12_000.0));
    assessed.set_prediction(rows[2].id, Prediction::NoModel);
    assert_eq!(assessed.of(rows[1].id).predicted, "12K");
    assert_eq!(assessed.of(rows[2].id).predicted, "—");
    let sort = DraftSort::default().clicked(DraftColumn::PredictedReach);
    assert_eq!(visible_rows(&rows, &assessed, &all(), sort), vec![1, 0, 2]);
    let sort = sort.clicked(DraftColumn::PredictedReach);
    assert_eq!(visible_rows(&rows, &assessed, &all(), sort), vec![0, 1, 2]);
}

#[test]
fn the_hook_stands_in_for_a_missing_title() {
    let mut d = draft("", DraftStatus::Idea, None, 1);
    d.hook = "POV: the yarn wins".to_string();
    assert_eq!(row(&d).title, "POV: the yarn wins");
    d.hook.clear();
    assert_eq!(row(&d).title, "(untitled)");
}

#[test]
fn a_scheduled_row_whose_slot_has_passed_is_overdue() {
    let at = Utc
        .with_ymd_and_hms(2026, 5, 3, 18, 0, 0)
        .single()
        .expect("valid instant");
    let scheduled = draft("Rainy knits", DraftStatus::Scheduled, Some(14.0), 1);
    let row = DraftRow::new(&scheduled, None, Some(at), chrono_tz::UTC);
    assert!(!row.is_overdue(at - chrono::Duration::minutes(1)));
    assert!(row.is_overdue(at + chrono::Duration::minutes(1)));
    let posted = draft("Rainy knits", DraftStatus::Posted, Some(14.0), 2);
    let row = DraftRow::new(&posted, None, Some(at), chrono_tz::UTC);
    assert!(
        !row.is_overdue(at + chrono::Duration::minutes(1)),
        "posted is done"
    );
    let unplanned = DraftRow::new(&scheduled, None, None, chrono_tz::UTC);
    assert!(!unplanned.is_overdue(at));
}

#[test]
fn a_draft_nothing_arrived_for_is_still_checked_and_forecast() {
    let mut assessed = Assessments::default();
    let pending = assessed.of(DraftId(1)).clone();
    assert_eq!(pending.findings, None);
    assert!(pending.is_forecasting());
    assert_eq!(pending.predicted, "…");

    assessed.set_prediction(DraftId(1), Prediction::Failed);
    assert!(!assessed.of(DraftId(1)).is_forecasting());
    assert_eq!(
        assessed.of(DraftId(1)).findings,
        None,
        "still being checked"
    );
    assert!(assessed.of(DraftId(2)).is_forecasting(), "another draft");
    assessed.retain(|id| id != DraftId(1));
    assert!(assessed.of(DraftId(1)).is_forecasting(), "forgotten");
}
