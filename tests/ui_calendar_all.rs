//! An agency's calendar: "All accounts" shows two clients' posts together, each named by its
//! handle with its own clock's time where the zones differ, and a post dragged there moves
//! alone, on its own account's clock and by its own account's cadence.

mod common;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use common::egui::{self, Key, accesskit::Role};
use common::{TestWorkspace, app, empty_workspace, open_view, run_with_reads};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scrollstop::domain::{Draft, DraftStatus, Handle, NewAccount, PlanEntry, PlanEntryId};
use scrollstop::schedule::resolve;
use scrollstop::ui::ScrollstopApp;
use scrollstop::workspace::Workspace;

const AMSTERDAM: Tz = chrono_tz::Europe::Amsterdam;
const NEW_YORK: Tz = chrono_tz::America::New_York;

fn wall(d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2027, 3, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .expect("a valid wall time")
}

/// Two client accounts, @bakery in Amsterdam and @nycdeli in New York, each with scheduled
/// posts at `(title, wall time on its own clock)`.
fn agency(bakery: &[(&str, NaiveDateTime)], deli: &[(&str, NaiveDateTime)]) -> TestWorkspace {
    let workspace = empty_workspace();
    let open = Workspace::open(&workspace.path).expect("the workspace opens");
    let store = &mut scrollstop::store::Store::open(open.path()).expect("the store opens");
    let mut entries = Vec::new();
    for (handle, zone, posts) in [("bakery", AMSTERDAM, bakery), ("nycdeli", NEW_YORK, deli)] {
        let account = store
            .add_account(&NewAccount {
                handle: Handle::parse(handle).expect("a valid handle"),
                display_name: handle.to_string(),
                time_zone: zone,
                region: "NL".into(),
                language: "en".into(),
            })
            .expect("the account saves");
        for (title, w) in posts {
            let mut draft = Draft::blank(account, Utc::now());
            draft.title = title.to_string();
            draft.status = DraftStatus::Scheduled;
            let id = store.add_draft(&draft).expect("the draft saves");
            entries.push(PlanEntry {
                id: PlanEntryId(0),
                account,
                draft: id,
                wall_time: *w,
                zone,
                instant: resolve(zone, *w).exact().expect("an unambiguous time"),
                uid: format!("{handle}-{title}@scrollstop"),
                sequence: 0,
                pinned: false,
                reason: String::new(),
            });
        }
    }
    store.add_plan_entries(&entries).expect("the plan saves");
    workspace
}

/// Every stored post as `(handle, title, wall time, pinned)`.
fn stored(path: &std::path::Path) -> Vec<(String, String, NaiveDateTime, bool)> {
    let open = Workspace::open(path).expect("the workspace reopens");
    let store = &open;
    let mut all = Vec::new();
    for account in store.accounts().expect("accounts load") {
        let drafts = store.drafts(account.id).expect("drafts load");
        let plan = store
            .plan_entries(
                account.id,
                DateTime::<Utc>::MIN_UTC,
                DateTime::<Utc>::MAX_UTC,
            )
            .expect("the plan loads");
        for e in plan {
            let title = drafts.iter().find(|d| d.id == e.draft).expect("its draft");
            all.push((
                account.at_handle(),
                title.title.clone(),
                e.wall_time,
                e.pinned,
            ));
        }
    }
    all.sort();
    all
}

/// The Calendar in `mode` around `date`, all accounts shown.
fn all_accounts_at(harness: &mut Harness<'static, ScrollstopApp>, mode: &str, date: &str) {
    open_view(harness, "Calendar");
    harness.get_by_label("All accounts").click();
    run_with_reads(harness);
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

#[test]
fn two_accounts_posts_show_together_with_their_handles_and_own_times() {
    // On 30 March 2027 Amsterdam (CEST) is six hours ahead of New York (EDT): the deli's
    // 06:00 is 12:00 on the bakery's clock.
    let workspace = agency(
        &[("Bread", wall(30, 10, 0)), ("Croissant", wall(31, 16, 0))],
        &[("Bagel", wall(30, 6, 0))],
    );
    let mut harness = app(&workspace.path);
    open_view(&mut harness, "Calendar");
    assert!(
        !on_screen(&harness, "06:00 Bagel")
            && !on_screen(&harness, "12:00 Bagel · @nycdeli (06:00 local)"),
        "one account at a time until All accounts is chosen"
    );

    all_accounts_at(&mut harness, "Week", "2027-03-30");
    for label in [
        "10:00 Bread · @bakery",
        "16:00 Croissant · @bakery",
        "12:00 Bagel · @nycdeli (06:00 local)",
    ] {
        assert!(on_screen(&harness, label), "the week shows {label}");
    }

    harness.get_by_label("Month").click();
    run_with_reads(&mut harness);
    assert!(
        on_screen(&harness, "10:00 Bread · @bakery"),
        "the month too"
    );
    assert!(on_screen(&harness, "12:00 Bagel · @nycdeli (06:00 local)"));

    harness.get_by_label("Agenda").click();
    run_with_reads(&mut harness);
    assert!(on_screen(&harness, "@nycdeli") && on_screen(&harness, "@bakery"));
    // The legend names each account in its colour.
    assert!(
        harness.query_all_by_label("@nycdeli").count() >= 2,
        "legend and entry"
    );
    assert!(on_screen(&harness, "06:00 local"), "the deli's own time");
    assert!(on_screen(&harness, "Bagel") && on_screen(&harness, "Bread"));
}

#[test]
fn a_drag_in_all_accounts_moves_only_that_post_on_its_own_clock() {
    let workspace = agency(
        &[("Bread", wall(30, 10, 0)), ("Croissant", wall(30, 16, 0))],
        &[("Bagel", wall(30, 6, 0))],
    );
    let before = stored(&workspace.path);
    let mut harness = app(&workspace.path);
    all_accounts_at(&mut harness, "Week", "2027-03-30");

    let block = harness
        .get_by_label("12:00 Bagel · @nycdeli (06:00 local)")
        .rect();
    let hour = centre(&harness, "11:00").y - centre(&harness, "10:00").y;
    let day = centre(&harness, "Wed 31 Mar").x - centre(&harness, "Tue 30 Mar").x;
    let from = block.left_top() + egui::vec2(8.0, 4.0);
    // One day right and two hours down: Wed 14:00 on the bakery's clock, 08:00 in New York.
    let to = from + egui::vec2(day, hour * 2.0);
    harness.hover_at(from);
    run_with_reads(&mut harness);
    harness.drag_at(from);
    run_with_reads(&mut harness);
    for step in 1..=4 {
        harness.hover_at(from + (to - from) * (step as f32 / 4.0));
        harness.step();
    }
    run_with_reads(&mut harness);
    harness.drop_at(to);
    run_with_reads(&mut harness);

    let after = stored(&workspace.path);
    let moved: Vec<_> = after.iter().filter(|p| !before.contains(p)).collect();
    assert_eq!(
        moved,
        vec![&(
            "@nycdeli".to_string(),
            "Bagel".to_string(),
            wall(31, 8, 0),
            true
        )],
        "only the dragged post moved, to 08:00 on its own (New York) clock"
    );
    assert!(on_screen(&harness, "14:00 Bagel · @nycdeli (08:00 local)"));
    assert!(
        on_screen(&harness, "10:00 Bread · @bakery"),
        "the bakery's posts stay"
    );
}
