//! The Trends view in the window: a capture typed into the form and a pasted list are listed
//! with their age and lifecycle, a pasted line without a name is named in the preview, the
//! captures are in the workspace file, and Undo takes the paste back.

mod common;

use chrono::{TimeDelta, Utc};
use common::egui::accesskit::Role;
use common::{TestWorkspace, app, empty_workspace, open_view, run_with_reads, shows, shows_part};
use egui_kittest::kittest::Queryable;
use scrollstop::domain::NewAccount;
use scrollstop::workspace::Workspace;

/// A workspace with one account and no trend lists yet.
fn team_workspace() -> TestWorkspace {
    let workspace = empty_workspace();
    let open = Workspace::open(&workspace.path).expect("the workspace opens");
    scrollstop::store::Store::open(open.path())
        .expect("the store opens")
        .add_account(&NewAccount {
            handle: "meadow".parse().expect("a valid handle"),
            display_name: "Meadow".into(),
            time_zone: chrono_tz::Europe::Amsterdam,
            region: "NL".into(),
            language: "en".into(),
        })
        .expect("the account is added");
    workspace
}

/// Every stored item's name with its number of captures.
fn stored(workspace: &TestWorkspace) -> Vec<(String, usize)> {
    let open = Workspace::open(&workspace.path).expect("the workspace reopens");
    let trends = open.trends().expect("trends load");
    trends
        .into_iter()
        .map(|(item, captures)| (item.name, captures.len()))
        .collect()
}

#[test]
fn a_typed_capture_and_a_pasted_list_are_listed_with_their_age() {
    let workspace = team_workspace();
    let mut harness = app(&workspace.path);
    open_view(&mut harness, "Trends");
    assert!(shows(&harness, "No trend lists yet"));

    // One capture by hand, taken three weeks ago.
    harness.get_by_label("Add capture").click();
    run_with_reads(&mut harness);
    let three_weeks_ago = (Utc::now() - TimeDelta::days(21)).date_naive();
    let field = |label: &str| (Role::TextInput, label.to_string());
    for (label, value) in [
        ("Name", "#jamtok".to_string()),
        ("Rank", "4".to_string()),
        ("Uses", "12.3K".to_string()),
        (
            "Captured on",
            three_weeks_ago.format("%Y-%m-%d").to_string(),
        ),
    ] {
        let (role, label) = field(label);
        harness
            .get_by_role_and_label(role, &label)
            .set_text_value_accesskit(&value);
    }
    run_with_reads(&mut harness);
    harness.get_by_label("Add").click();
    run_with_reads(&mut harness);
    assert!(shows(&harness, "#jamtok"), "the item is listed");
    assert!(shows(&harness, "3 weeks"), "with its age");
    assert!(shows(&harness, "new"), "and its lifecycle: seen once");
    assert_eq!(stored(&workspace), vec![("jamtok".to_string(), 1)]);

    // A pasted list: two items and a line without a name.
    harness.get_by_label("Paste list…").click();
    run_with_reads(&mut harness);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Paste list")
        .set_text_value_accesskit("1. #cottagecore\n2) #booktok\n3. #\n");
    run_with_reads(&mut harness);
    assert!(
        shows(&harness, "Line 3: no name on this line"),
        "the preview names the line it leaves out"
    );
    harness.get_by_label("Add 2 captures").click();
    run_with_reads(&mut harness);
    assert!(shows(&harness, "#cottagecore") && shows(&harness, "#booktok"));
    let today = harness
        .query_all_by_role_and_label(Role::Label, "today")
        .count();
    assert_eq!(today, 2, "both pasted items were first captured today");
    assert!(
        shows_part(&harness, "3 items"),
        "the count under the filter"
    );
    let mut names = stored(&workspace);
    names.sort();
    assert_eq!(
        names,
        vec![
            ("booktok".to_string(), 1),
            ("cottagecore".to_string(), 1),
            ("jamtok".to_string(), 1)
        ]
    );

    // Undo takes the pasted captures (and the items they created) back.
    harness.get_by_label("Undo").click();
    run_with_reads(&mut harness);
    assert!(!shows(&harness, "#cottagecore"));
    assert!(shows(&harness, "#jamtok"));
    assert_eq!(stored(&workspace), vec![("jamtok".to_string(), 1)]);
}

#[test]
fn a_form_that_cannot_be_read_says_why_and_writes_nothing() {
    let workspace = team_workspace();
    let mut harness = app(&workspace.path);
    open_view(&mut harness, "Trends");
    harness.get_by_label("Add capture").click();
    run_with_reads(&mut harness);
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .set_text_value_accesskit("#book tok");
    run_with_reads(&mut harness);
    harness.get_by_label("Add").click();
    run_with_reads(&mut harness);
    assert!(shows(&harness, "A hashtag has no spaces."));
    assert!(stored(&workspace).is_empty());
}
