//! A good file adds every draft with its plan entry, a preview lists the rows and writes
//! nothing, and importing the same file again adds nothing.

use super::*;

#[test]
fn a_good_file_adds_every_draft_with_its_plan_entry() {
    let setup = setup();
    let file = write(&setup, "drafts.csv", GOOD);
    let mut ws = Workspace::open(&setup.path).expect("open");
    let report = ws.import_now(&[file], options(), &Silent).expect("import");
    assert!(report.committed, "{report:?}");
    assert_eq!(report.rejected, vec![]);
    assert_eq!(report.files[0].summary.kind, ReportKind::Drafts);
    assert_eq!(report.files[0].changes.added, 3);
    assert_eq!(report.files[0].accounts, ["@meadow"]);
    assert!(report.new_accounts.is_empty(), "{:?}", report.new_accounts);

    let account = ws.accounts().expect("accounts")[0].clone();
    let drafts = ws.drafts(account.id).expect("drafts");
    assert_eq!(drafts.len(), 3);
    let jam = drafts.iter().find(|d| d.title == "Jam jars").expect("jam");
    assert_eq!(jam.hook, "Open a jar in slow motion");
    assert_eq!(jam.hashtags, vec!["baking", "cottagecore", "jam"]);
    assert!(jam.subculture.is_some());
    assert_eq!(jam.duration_s, Some(14.0));
    assert_eq!(jam.sound.as_deref(), Some("Golden Hour - JVKE"));
    assert_eq!(jam.sound_bpm, Some(128));
    assert_eq!(jam.opening, OpeningType::Surprise);
    assert_eq!(jam.status, DraftStatus::Approved);
    assert_eq!(
        (jam.assignee.as_str(), jam.notes.as_str()),
        ("Mia", "shoot at dusk")
    );
    assert_eq!((jam.language.as_str(), jam.region.as_str()), ("en", "NL"));
    let bread = drafts
        .iter()
        .find(|d| d.title == "Bread basket")
        .expect("bread");
    assert_eq!(bread.aspect, AspectRatio::Square);
    assert!(
        !bread.allow_duet && bread.allow_stitch,
        "empty flags keep TikTok's default"
    );
    assert_eq!(
        bread.status,
        DraftStatus::Scheduled,
        "planned without a status"
    );
    let garden = drafts
        .iter()
        .find(|d| d.title == "Garden tour")
        .expect("garden");
    assert_eq!(garden.status, DraftStatus::Idea);
    assert_eq!(garden.subculture, None);

    let (from, to) = (
        chrono::DateTime::<Utc>::MIN_UTC,
        chrono::DateTime::<Utc>::MAX_UTC,
    );
    let plan = ws.plan_entries(account.id, from, to).expect("plan");
    assert_eq!(plan.len(), 2);
    let wall = |d, h, m| {
        NaiveDate::from_ymd_opt(2026, 3, d)
            .and_then(|day| day.and_hms_opt(h, m, 0))
            .expect("a time")
    };
    // 18:30 in Amsterdam (UTC+1 in March before the clocks change) is 17:30 UTC.
    assert_eq!(plan[0].draft, jam.id);
    assert_eq!(plan[0].wall_time, wall(1, 18, 30));
    assert_eq!(plan[0].instant, wall(1, 17, 30).and_utc());
    assert_eq!(plan[0].zone, chrono_tz::Europe::Amsterdam);
    // An instant is shown at its wall time in the account's zone.
    assert_eq!(plan[1].draft, bread.id);
    assert_eq!(plan[1].wall_time, wall(2, 8, 0));
    assert_ne!(plan[0].uid, plan[1].uid);
}

#[test]
fn a_preview_lists_the_rows_and_writes_nothing() {
    let setup = setup();
    let file = write(&setup, "drafts.csv", GOOD);
    let before = dump(&setup.path);
    let mut ws = Workspace::open(&setup.path).expect("open");
    let prepared = ws
        .prepare_import(std::slice::from_ref(&file), options(), &Silent)
        .expect("preview");
    let rows = &prepared.report.drafts;
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.change == Change::Added));
    assert_eq!(rows[0].line, 2);
    assert_eq!(rows[0].account, "@meadow");
    assert_eq!(
        rows[0].planned.as_deref(),
        Some("2026-03-01 18:30 Europe/Amsterdam")
    );
    assert!(prepared.can_commit());
    drop(prepared);
    drop(ws);
    assert_eq!(dump(&setup.path), before, "the preview writes nothing");

    // The previewed import then commits exactly what it showed.
    let mut ws = Workspace::open(&setup.path).expect("open");
    let prepared = ws
        .prepare_import(&[file], options(), &Silent)
        .expect("preview");
    let report = ws.commit_import(prepared, &Silent).expect("commit");
    assert!(report.committed);
    assert_eq!(report.files[0].changes.added, 3);
}

#[test]
fn importing_the_same_file_again_adds_nothing() {
    let setup = setup();
    let file = write(&setup, "drafts.csv", GOOD);
    let mut ws = Workspace::open(&setup.path).expect("open");
    ws.import_now(std::slice::from_ref(&file), options(), &Silent)
        .expect("first import");
    let drafts_and_plan = |path: &Path| {
        dump(path)
            .into_iter()
            .filter(|r| r.starts_with("drafts:") || r.starts_with("plan_entries:"))
            .collect::<Vec<_>>()
    };
    let after_first = drafts_and_plan(&setup.path);
    let again = ws.import_now(&[file], options(), &Silent).expect("again");
    assert_eq!(again.files[0].changes.added, 0);
    assert_eq!(again.files[0].changes.skipped, 3, "reported unchanged");
    assert!(again.drafts.iter().all(|r| r.change == Change::Unchanged));
    assert_eq!(drafts_and_plan(&setup.path), after_first);
}
