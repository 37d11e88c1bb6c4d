//! Trend lists as teams type them up: canonical headers, aliases, bad rows, the paste box.

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::io::Collected;

fn captured() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0)
        .single()
        .expect("a valid instant")
}

fn read_with(text: &str, options: &TrendListOptions) -> Result<Collected, ImportError> {
    let mut sink = Collected::default();
    read_trend_list("trends.csv", text.as_bytes(), options, &mut sink)?;
    Ok(sink)
}

fn read(text: &str) -> Collected {
    read_with(text, &TrendListOptions::at(captured())).expect("the file is read")
}

#[test]
fn a_list_with_the_canonical_columns_reads_every_field() {
    let text = "kind,name,rank,rank_change,posts,views,region,period_days,industry,captured_at,source,bpm,duration_s,commercial_ok\n\
        hashtag,#cottagecore,1,+3,12.5K,1.4M,us,7,Apparel & Accessories,2026-03-01,Creative Center,,,\n\
        sound,Rainy Day - Lo Fi Kid,2,↓1,3669 videos,,Worldwide,30,,2026-03-01 10:00:00,,92.4,00:31,yes";
    let sink = read(text);
    assert!(sink.rejected.is_empty(), "{:?}", sink.rejected);
    let (file, tag) = &sink.trends[0];
    assert_eq!(file, "trends.csv");
    assert_eq!(
        (
            tag.item.kind,
            tag.item.name.as_str(),
            tag.item.region.as_str()
        ),
        (TrendKind::Hashtag, "cottagecore", "US")
    );
    assert_eq!(tag.item.industry, "Apparel & Accessories");
    assert_eq!(
        (tag.capture.rank, tag.capture.rank_change),
        (Some(1), Some(3))
    );
    assert_eq!(
        (tag.capture.posts, tag.capture.views),
        (Some(12_500), Some(1_400_000))
    );
    assert_eq!(tag.capture.source, "Creative Center");
    assert_eq!(
        tag.capture.captured_at,
        Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0)
            .single()
            .expect("instant")
    );
    assert_eq!(tag.item.bpm, None);
    let (_, sound) = &sink.trends[1];
    assert_eq!(sound.item.name, "Rainy Day - Lo Fi Kid");
    assert_eq!(
        (
            sound.capture.rank_change,
            sound.capture.posts,
            sound.capture.period_days
        ),
        (Some(-1), Some(3_669), 30)
    );
    assert_eq!(
        (
            sound.item.bpm,
            sound.item.duration_s,
            sound.item.commercial_ok
        ),
        (Some(92), Some(31.0), Some(true))
    );
    assert_eq!(sound.item.region, "");
    assert_eq!(
        sound.capture.source, "trends.csv",
        "no source: the file name"
    );
    assert_eq!(sound.line, 3);
    let summary = &sink.files[0];
    assert_eq!(
        (summary.kind, summary.rows, summary.rejected),
        (ReportKind::TrendList, 2, 0)
    );
}

#[test]
fn header_aliases_and_defaults_from_the_options() {
    let text = "\u{feff}\"#\",\"Hashtag\",\"Change\",\"Posts\",\"Country\",\"Date\"\n\
        \"1\",\"fyp\",\"NEW\",\"2,3B\",\"GB\",\"March 1\"\n\
        \"2\",\"booktok\",\"▲ 4\",\"830K\",\"\",\"\"";
    let mut options = TrendListOptions::at(captured());
    options.kind = Some(TrendKind::Hashtag);
    let sink = read_with(text, &options).expect("read");
    assert!(sink.rejected.is_empty(), "{:?}", sink.rejected);
    let first = &sink.trends[0].1;
    assert_eq!(
        (first.capture.rank, first.capture.rank_change),
        (Some(1), None)
    );
    assert_eq!(first.capture.posts, Some(2_300_000_000));
    assert_eq!(first.item.region, "GB");
    assert_eq!(
        first.capture.captured_at.date_naive(),
        chrono::NaiveDate::from_ymd_opt(2026, 3, 1).expect("day")
    );
    assert_eq!(first.capture.period_days, 7);
    let second = &sink.trends[1].1;
    assert_eq!(
        (second.capture.rank_change, second.capture.captured_at),
        (Some(4), captured())
    );
    assert!(
        sink.files[0]
            .notes
            .iter()
            .any(|n| n.contains("no period column"))
    );
    assert!(recognises(&["#", "Hashtag"]));
    assert!(!recognises(&["Date", "Video Views"]));
}

#[test]
fn bad_rows_name_their_line_and_reason() {
    let text = "kind,name,rank,period,region,bpm\n\
        hashtag,ok,1,7,US,\n\
        hashtag,weekly,2,14,US,\n\
        hashtag,,3,7,US,\n\
        meme,x,4,7,US,\n\
        hashtag,y,0,7,US,\n\
        hashtag,z,5,7,United States,\n\
        sound,w,6,7,US,fast";
    let sink = read(text);
    assert_eq!(sink.trends.len(), 1);
    let rejected: Vec<(usize, &str)> = sink
        .rejected
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    assert_eq!(
        rejected,
        vec![
            (3, "period \"14\" is not 7, 30 or 120 days"),
            (4, "the name is empty"),
            (
                5,
                "kind \"meme\" is not one of hashtag, sound, effect, topic, creator"
            ),
            (6, "the rank must be 1 or more"),
            (
                7,
                "region \"United States\" is not a two-letter code like US (or empty for worldwide)"
            ),
            (8, "bpm must be a number from 1 to 400"),
        ]
    );
    assert_eq!(sink.files[0].rejected, 6);
}

#[test]
fn files_that_cannot_be_trend_lists_are_refused() {
    let no_name = read_with("kind,rank\nhashtag,1", &TrendListOptions::at(captured()));
    assert!(matches!(no_name, Err(ImportError::NotRecognised { .. })));
    let no_kind = read_with("name,rank\nfyp,1", &TrendListOptions::at(captured()));
    let message = no_kind.expect_err("no kind").to_string();
    assert!(message.contains("no kind column"), "{message}");
    assert!(matches!(
        read_with("", &TrendListOptions::at(captured())),
        Err(ImportError::Unreadable { .. })
    ));
}

#[test]
fn cells_read_their_words() {
    assert_eq!(cells::parse_kind("Sounds"), Some(TrendKind::Sound));
    assert_eq!(cells::parse_kind("song"), Some(TrendKind::Sound));
    assert_eq!(cells::parse_kind("Creator"), Some(TrendKind::Creator));
    assert_eq!(cells::parse_period("last 30 days"), Some(30));
    assert_eq!(cells::parse_period("120d"), Some(120));
    assert_eq!(cells::parse_period("1"), None);
    assert_eq!(cells::parse_rank_change("="), Ok(Some(0)));
    assert_eq!(cells::parse_rank_change("▼12"), Ok(Some(-12)));
    assert!(cells::parse_rank_change("up").is_err());
    assert_eq!(cells::parse_flag("No"), Some(false));
    assert_eq!(cells::parse_flag("maybe"), None);
}

#[test]
fn pasted_lines_become_items_with_optional_ranks() {
    let text = "1. #cottagecore\n2) #booktok #books\n\n3\tcleantok\t12K\nfyp\n2025trend\n   \n";
    let trends = parse_pasted(text, TrendKind::Hashtag, captured());
    let read: Vec<(Option<u32>, &str, usize)> = trends
        .iter()
        .map(|t| (t.capture.rank, t.item.name.as_str(), t.line))
        .collect();
    assert_eq!(
        read,
        vec![
            (Some(1), "cottagecore", 1),
            (Some(2), "booktok", 2),
            (Some(3), "cleantok", 4),
            (None, "fyp", 5),
            (None, "2025trend", 6),
        ]
    );
    assert!(
        trends
            .iter()
            .all(|t| t.capture.source == "pasted" && t.capture.period_days == 7)
    );
    let sounds = parse_pasted("1 Rainy Day - Lo Fi Kid", TrendKind::Sound, captured());
    assert_eq!(sounds[0].item.name, "Rainy Day - Lo Fi Kid");
}

#[test]
fn pasted_problems_name_their_lines() {
    let text = "1. #cottagecore\n2. #\n\n3. #book tok\n4. #CottageCore\nfyp\n";
    let problems = pasted_problems(text, TrendKind::Hashtag);
    let lines: Vec<usize> = problems.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, vec![2, 4, 5], "{problems:?}");
    assert!(problems[0].1.contains("no name"));
    assert!(problems[1].1.contains("only #book is kept"));
    assert!(problems[2].1.contains("already on line 1"));
    assert_eq!(
        pasted_problems("1 Rainy Day - Lo Fi Kid", TrendKind::Sound),
        vec![]
    );
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let mut sink = Collected::default();
        let _ = read_trend_list("fuzz.csv", &bytes, &TrendListOptions::at(captured()), &mut sink);
    }

    #[test]
    fn csv_shaped_text_never_panics(rows in proptest::collection::vec("[0-9a-zA-Z #,.:;\"↑▼%+-]{0,50}", 0..8)) {
        let text = format!(
            "kind,name,rank,rank_change,posts,views,region,period_days,captured_at,bpm,duration_s,commercial_ok\n{}",
            rows.join("\n")
        );
        check_whole_or_nothing(&text)?;
    }

    #[test]
    fn any_text_in_the_cells_never_panics(cells in proptest::collection::vec(any::<String>(), 0..30)) {
        let text = format!("kind,name,rank,rank_change,posts,region,period,captured_at,bpm\n{}", cells.join(","));
        check_whole_or_nothing(&text)?;
    }

    #[test]
    fn any_pasted_text_never_panics(text in any::<String>()) {
        let _ = parse_pasted(&text, TrendKind::Hashtag, captured());
        let _ = parse_pasted(&text, TrendKind::Sound, captured());
        let _ = pasted_problems(&text, TrendKind::Hashtag);
    }
}

/// Reading either accounts for every row or refuses the file and leaves nothing of it.
fn check_whole_or_nothing(text: &str) -> Result<(), TestCaseError> {
    let mut sink = Collected::default();
    match read_trend_list(
        "fuzz.csv",
        text.as_bytes(),
        &TrendListOptions::at(captured()),
        &mut sink,
    ) {
        Ok(()) => {
            let summary = &sink.files[0];
            prop_assert_eq!(
                summary.rows + summary.rejected,
                sink.trends.len() + sink.rejected.len()
            );
        }
        Err(_) => prop_assert!(
            sink.files.is_empty() && sink.trends.is_empty() && sink.rejected.is_empty()
        ),
    }
    Ok(())
}
