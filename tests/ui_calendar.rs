//! The Calendar view on a real workspace: the week and the month show the same posts at the
//! edges of their ranges (read in the account's zone, not UTC), a post dragged in the week
//! moves by a snapped amount and stays moved (and Undo takes it back), and a drop into the hour
//! the clocks skip asks which of the two times is meant.

mod common;

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use common::egui::{self, Key, Modifiers, accesskit::Role};
use common::{TestWorkspace, app, demo_workspace, open_view, run_with_reads, shows_part};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scrollstop::domain::{AccountId, Draft, DraftStatus, PlanEntry, PlanEntryId};
use scrollstop::schedule::resolve;
use scrollstop::ui::ScrollstopApp;
use scrollstop::workspace::Workspace;

const AMSTERDAM: chrono_tz::Tz = chrono_tz::Europe::Amsterdam;

fn wall(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .expect("a valid wall time")
}

fn instant(w: NaiveDateTime) -> DateTime<Utc> {
    resolve(AMSTERDAM, w)
        .exact()
        .expect("an unambiguous wall time")
}

/// The demo workspace with its first account in Amsterdam and one scheduled post per
/// `(title, wall time)`.
fn workspace_with(posts: &[(&str, NaiveDateTime)]) -> (TestWorkspace, AccountId) {
    let workspace = demo_workspace();
    let open = Workspace::open(&workspace.path).expect("the workspace opens");
    let store = &mut scrollstop::store::Store::open(open.path()).expect("the store opens");
    let mut account = store.accounts().expect("accounts load").remove(0);
    account.time_zone = AMSTERDAM;
    store.update_account(&account).expect("the account saves");
    let mut entries = Vec::new();
    for (i, (title, w)) in posts.iter().enumerate() {
        let mut draft = Draft::blank(account.id, Utc::now());
        draft.title = title.to_string();
        draft.status = DraftStatus::Scheduled;
        let id = store.add_draft(&draft).expect("the draft saves");
        entries.push(PlanEntry {
            id: PlanEntryId(0),
            account: account.id,
            draft: id,
            wall_time: *w,
            zone: AMSTERDAM,
            instant: instant(*w),
            uid: format!("test-{i}@scrollstop"),
            sequence: 0,
            pinned: false,
            reason: String::new(),
        });
    }
    store.add_plan_entries(&entries).expect("the plan saves");
    (workspace, account.id)
}

/// The stored entry of the post titled `title`.
fn stored(path: &std::path::Path, account: AccountId, title: &str) -> PlanEntry {
    let open = Workspace::open(path).expect("the workspace reopens");
    let store = &open;
    let draft = store
        .drafts(account)
        .expect("drafts load")
        .into_iter()
        .find(|d| d.title == title)
        .expect("the draft exists");
    store
        .plan_entries(account, DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC)
        .expect("the plan loads")
        .into_iter()
        .find(|e| e.draft == draft.id)
        .expect("the post is planned")
}

/// Opens the Calendar on the period around `date` in `mode`.
fn calendar_at(harness: &mut Harness<'static, ScrollstopApp>, mode: &str, date: &str) {
    open_view(harness, "Calendar");
    harness.get_by_label(mode).click();
    run_with_reads(harness);
    let field = harness.get_by_role(Role::TextInput);
    field.focus();
    field.type_text(date);
    run_with_reads(harness);
    harness.key_press(Key::Enter);
    run_with_reads(harness);
}

fn on_screen(harness: &Harness<'static, ScrollstopApp>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

fn centre(harness: &Harness<'static, ScrollstopApp>, label: &str) -> egui::Pos2 {
    harness.get_by_label(label).rect().center()
}

/// Drags from `from` to `to` in small steps, as a hand does.
fn drag(harness: &mut Harness<'static, ScrollstopApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    run_with_reads(harness);
    harness.drag_at(from);
    run_with_reads(harness);
    for step in 1..=4 {
        harness.hover_at(from + (to - from) * (step as f32 / 4.0));
        harness.step();
    }
    run_with_reads(harness);
    harness.drop_at(to);
    run_with_reads(harness);
}

#[test]
fn week_and_month_show_the_same_posts_at_the_range_edges() {
    // The week of 29 March 2027 runs Mon 29 Mar to Sun 4 Apr; the month grid of March 2027
    // runs Mon 1 Mar to Sun 11 Apr. Midnight in Amsterdam is 22:00 or 23:00 UTC the day
    // before, so a calendar that grouped by UTC dates would misplace every edge post.
    let posts = [
        ("Before the week", wall(2027, 3, 28, 23, 30)),
        ("First minute", wall(2027, 3, 29, 0, 0)),
        ("Last slot", wall(2027, 4, 4, 23, 45)),
        ("After the week", wall(2027, 4, 5, 0, 0)),
        ("Before the grid", wall(2027, 2, 28, 23, 45)),
        ("Grid start", wall(2027, 3, 1, 0, 0)),
        ("Grid end", wall(2027, 4, 11, 23, 45)),
        ("After the grid", wall(2027, 4, 12, 0, 0)),
    ];
    let (workspace, _) = workspace_with(&posts);
    let mut harness = app(&workspace.path);

    calendar_at(&mut harness, "Week", "2027-04-01");
    assert!(on_screen(&harness, "Mon 29 Mar") && on_screen(&harness, "Sun 4 Apr"));
    let in_week: Vec<bool> = posts
        .iter()
        .map(|(title, w)| on_screen(&harness, &format!("{} {title}", w.format("%H:%M"))))
        .collect();
    let expected_week = [false, true, true, false, false, false, false, false];
    assert_eq!(in_week, expected_week, "the week's posts");

    // The keyboard steps a week either way.
    harness.key_press(Key::ArrowRight);
    run_with_reads(&mut harness);
    assert!(on_screen(&harness, "Mon 5 Apr"), "→ shows the next week");
    harness.key_press(Key::PageUp);
    run_with_reads(&mut harness);
    assert!(
        on_screen(&harness, "Mon 29 Mar"),
        "Page Up shows the previous week"
    );

    calendar_at(&mut harness, "Month", "2027-03-15");
    let in_month: Vec<bool> = posts
        .iter()
        .map(|(title, w)| on_screen(&harness, &format!("{} {title}", w.format("%H:%M"))))
        .collect();
    let expected_month = [true, true, true, true, false, true, true, false];
    assert_eq!(in_month, expected_month, "the month's posts");
    // Every post the week shows, the month shows too.
    for (week, month) in in_week.iter().zip(&in_month) {
        assert!(!week || *month);
    }
}

#[test]
fn dragging_a_post_moves_it_by_snapped_steps_and_it_stays_moved() {
    let (workspace, account) = workspace_with(&[("Drag me", wall(2027, 3, 30, 10, 0))]);
    let mut harness = app(&workspace.path);
    calendar_at(&mut harness, "Week", "2027-03-30");

    let block = harness.get_by_label("10:00 Drag me").rect();
    let hour = centre(&harness, "11:00").y - centre(&harness, "10:00").y;
    let day = centre(&harness, "Wed 31 Mar").x - centre(&harness, "Tue 30 Mar").x;
    assert!(hour > 10.0 && day > 40.0, "hour {hour}, day {day}");
    let from = block.left_top() + egui::vec2(12.0, 4.0);
    // One day right and 1 h 20 min down: snaps to 1 h 15 min.
    let to = from + egui::vec2(day, hour * (80.0 / 60.0));
    drag(&mut harness, from, to);

    let moved = stored(&workspace.path, account, "Drag me");
    assert_eq!(moved.wall_time, wall(2027, 3, 31, 11, 15));
    assert_eq!(moved.instant, instant(wall(2027, 3, 31, 11, 15)));
    assert!(moved.pinned, "a post moved by hand is pinned");
    assert_eq!(
        moved.uid, "test-0@scrollstop",
        "the calendar UID never changes"
    );
    assert!(
        on_screen(&harness, "11:15 Drag me"),
        "the week shows the new time"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    run_with_reads(&mut harness);
    let back = stored(&workspace.path, account, "Drag me");
    assert_eq!(back.wall_time, wall(2027, 3, 30, 10, 0));
    assert!(!back.pinned);
    assert!(on_screen(&harness, "10:00 Drag me"), "Undo puts it back");
}

#[test]
fn a_drop_into_the_skipped_spring_hour_asks_which_time_is_meant() {
    // Amsterdam goes from 02:00 CET to 03:00 CEST on Sunday 28 March 2027.
    let (workspace, account) = workspace_with(&[("Spring post", wall(2027, 3, 28, 4, 0))]);
    let mut harness = app(&workspace.path);
    calendar_at(&mut harness, "Week", "2027-03-28");

    let block = harness.get_by_label("04:00 Spring post").rect();
    let hour = centre(&harness, "05:00").y - centre(&harness, "04:00").y;
    let from = block.left_top() + egui::vec2(12.0, 4.0);
    drag(&mut harness, from, from - egui::vec2(0.0, hour * 1.5));

    assert!(
        shows_part(&harness, "does not exist"),
        "the gap is explained"
    );
    assert!(on_screen(&harness, "Earlier: 01:30 CET"));
    assert!(on_screen(&harness, "Later: 03:30 CEST"));
    let unchanged = stored(&workspace.path, account, "Spring post");
    assert_eq!(
        unchanged.wall_time,
        wall(2027, 3, 28, 4, 0),
        "nothing moves before the choice"
    );

    harness.get_by_label("Later: 03:30 CEST").click();
    run_with_reads(&mut harness);
    let moved = stored(&workspace.path, account, "Spring post");
    assert_eq!(
        moved.wall_time,
        wall(2027, 3, 28, 2, 30),
        "the intended wall time is kept"
    );
    assert_eq!(
        moved.instant,
        Utc.with_ymd_and_hms(2027, 3, 28, 1, 30, 0).unwrap()
    );
    assert!(!shows_part(&harness, "does not exist"), "the dialog closed");
}

#[test]
fn export_writes_the_shown_weeks_posts_to_the_chosen_file() {
    let (workspace, _) = workspace_with(&[("Export me", wall(2027, 3, 30, 18, 0))]);
    let target = workspace.dir.path().join("plan.ics");
    let mut harness = common::app_saving_to(&workspace.path, target.clone());
    calendar_at(&mut harness, "Week", "2027-03-30");
    harness.get_by_label("Export…").click();
    run_with_reads(&mut harness);
    assert!(shows_part(&harness, "Export the posting calendar"));
    // The dialog's own button (the toolbar's is behind the modal).
    harness
        .query_all_by_label("Export…")
        .last()
        .expect("the dialog's Export button")
        .click();
    run_with_reads(&mut harness);
    common::run_until(
        &mut harness,
        std::time::Duration::from_secs(120),
        "the export",
        |app| !app.is_busy() && target.exists(),
    );
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(text.contains("UID:test-0@scrollstop"), "{text}");
    assert!(text.contains("Export me"), "{text}");
    assert!(
        shows_part(&harness, "Exported 1 post"),
        "the status bar says so"
    );
}

/// Steps (in real time) until `label` is on screen.
fn wait_for(harness: &mut Harness<'static, ScrollstopApp>, label: &str) {
    let start = std::time::Instant::now();
    while harness.query_all_by_label(label).next().is_none() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(300),
            "gave up waiting for {label}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    run_with_reads(harness);
}

#[test]
fn auto_plan_previews_with_reasons_applies_in_one_step_and_undoes_in_one() {
    let workspace = demo_workspace();
    let open = Workspace::open(&workspace.path).unwrap();
    let account = open.accounts().unwrap().remove(0).id;
    for (i, caption) in ["Three books that", "My morning routine", "Thrifted haul"]
        .iter()
        .enumerate()
    {
        let mut draft = Draft::blank(account, Utc::now());
        draft.title = format!("Ready {i}");
        draft.caption = caption.to_string();
        draft.status = DraftStatus::Approved;
        scrollstop::store::Store::open(open.path())
            .expect("the store opens")
            .add_draft(&draft)
            .unwrap();
    }
    drop(open);
    let count = |path: &std::path::Path| {
        Workspace::open(path)
            .unwrap()
            .plan_entries(account, DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC)
            .unwrap()
            .len()
    };
    let before = count(&workspace.path);
    let mut harness = app(&workspace.path);
    open_view(&mut harness, "Calendar");
    harness.get_by_label("Auto-plan…").click();
    run_with_reads(&mut harness);
    harness.get_by_label("Preview").click();
    harness.run_steps(2);
    wait_for(&mut harness, "Apply");
    // The dialog re-centres while its list of placements learns its height (a demo dated
    // today has a dozen to show): click Apply where it comes to rest.
    common::settle(&mut harness);
    assert!(
        shows_part(&harness, "placements from"),
        "the preview counts the placements"
    );
    assert!(shows_part(&harness, "Ready 0") || shows_part(&harness, "Ready 1"));
    assert_eq!(count(&workspace.path), before, "a preview writes nothing");

    // A long preview (how long depends on the hour the demo is made) once pushed Apply off
    // the window; the dialog keeps it on screen now.
    let apply = harness.get_by_label("Apply").rect();
    assert!(
        apply.min.x >= 0.0 && apply.max.x <= 1280.0 && apply.min.y >= 0.0 && apply.max.y <= 800.0,
        "Apply is on screen: {apply:?}"
    );
    harness.get_by_label("Apply").click();
    harness.run_steps(2);
    let start = std::time::Instant::now();
    while count(&workspace.path) == before || harness.query_all_by_label("Apply").next().is_some() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(300),
            "gave up waiting for the plan"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    run_with_reads(&mut harness);
    let planned = count(&workspace.path);
    assert!(planned > before, "the plan was written");
    assert!(
        shows_part(&harness, "Planned "),
        "the status bar says what was planned"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    run_with_reads(&mut harness);
    assert_eq!(
        count(&workspace.path),
        before,
        "one Undo takes the whole run back"
    );
    let reopened = Workspace::open(&workspace.path).unwrap();
    let approved = reopened
        .drafts(account)
        .unwrap()
        .into_iter()
        .filter(|d| d.title.starts_with("Ready ") && d.status == DraftStatus::Approved)
        .count();
    assert_eq!(approved, 3, "the drafts are approved again, not scheduled");
}

#[test]
fn agenda_to_week_shows_the_current_week_when_the_agenda_lists_today() {
    let (workspace, _) = workspace_with(&[]);
    let mut harness = app(&workspace.path);
    let today = Utc::now().with_timezone(&AMSTERDAM).date_naive();
    // An agenda gone to a month ago still lists today (it runs two months ahead).
    let month_ago = today - chrono::Days::new(30);
    calendar_at(
        &mut harness,
        "Agenda",
        &month_ago.format("%Y-%m-%d").to_string(),
    );
    harness.get_by_label("Week").click();
    run_with_reads(&mut harness);
    let heading = today.format("%a %-d %b").to_string();
    assert!(
        on_screen(&harness, &heading),
        "Week after Agenda shows today's week ({heading})"
    );
}
