//! Words on screen say what they count: one account is "1 account" (one plural helper for the
//! window and the command line), and the Analytics table names its rate columns as rates.

mod common;

use common::{app, demo_workspace, empty_workspace, open_view, shows_part};
use egui_kittest::kittest::Queryable;
use scrollstop::domain::{Draft, NewAccount};
use scrollstop::workspace::Workspace;

#[test]
fn one_account_and_one_draft_are_counted_in_the_singular() {
    let workspace = empty_workspace();
    let open = Workspace::open(&workspace.path).expect("the workspace opens");
    let store = &mut scrollstop::store::Store::open(open.path()).expect("the store opens");
    let account = store
        .add_account(&NewAccount {
            handle: "knitwit".parse().expect("a valid handle"),
            display_name: "Knit Wit".into(),
            time_zone: chrono_tz::Europe::London,
            region: "GB".into(),
            language: "en".into(),
        })
        .expect("the account saves");
    store
        .add_draft(&Draft::blank(account, chrono::Utc::now()))
        .expect("the draft saves");
    drop(open);
    let harness = app(&workspace.path);
    assert!(
        shows_part(&harness, "1 account · 1 draft · 0 videos"),
        "the status bar counts in the singular"
    );
    assert!(!shows_part(&harness, "1 accounts"));
}

#[test]
fn the_analytics_rate_columns_are_named_as_rates() {
    let workspace = demo_workspace();
    let mut harness = app(&workspace.path);
    open_view(&mut harness, "Analytics");
    for header in ["Like rate", "Comment rate", "Share rate"] {
        assert!(
            harness.query_all_by_label(header).next().is_some(),
            "the {header} header"
        );
    }
    assert!(
        harness.query_all_by_label("Likes").next().is_none(),
        "no count's name over a rate"
    );
    // And each is read whole: no header runs into the next.
    let rects: Vec<_> = ["Views", "Like rate", "Comment rate", "Share rate", "Age"]
        .iter()
        .map(|h| {
            // The header in the row of "Like rate" (other texts may say "Views").
            let row = harness.get_by_label("Like rate").rect().center().y;
            let rect = harness
                .query_all_by_label(h)
                .map(|n| n.rect())
                .min_by(|a, b| {
                    (a.center().y - row)
                        .abs()
                        .total_cmp(&(b.center().y - row).abs())
                })
                .expect("the header");
            (h, rect)
        })
        .collect();
    for pair in rects.windows(2) {
        let ((a, ra), (b, rb)) = (&pair[0], &pair[1]);
        assert!(ra.right() <= rb.left(), "{a} {ra:?} runs into {b} {rb:?}");
    }
}
