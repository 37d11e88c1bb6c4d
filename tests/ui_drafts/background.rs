//! The background checks and forecasts filling the table.

use super::*;

#[test]
fn without_posted_videos_reach_waits_for_a_model_and_findings_are_counted() {
    let (_workspace, mut harness) = drafts_harness();
    let dashes = harness.query_all_by_label("—").count();
    assert_eq!(
        dashes,
        DRAFTS.len(),
        "no model yet: every reach cell is empty"
    );
    assert!(
        harness.query_all_by_label("…").next().is_none(),
        "nothing is left computing"
    );
    // Burpee ladder and Sourdough crumb have no sound: a warning each.
    choose(&mut harness, "Finding", "no-sound");
    assert!(shows(&harness, "Burpee ladder"));
    assert!(shows(&harness, "Sourdough crumb"));
    assert!(!shows(&harness, "Apple cake"));
}

#[test]
fn a_demo_account_gets_predicted_medians() {
    let workspace = demo_workspace();
    let mut harness = app(&workspace.path);
    until_computed(&mut harness);
    assert!(
        harness.query_all_by_label("…").next().is_none(),
        "every row got its findings and forecast"
    );
    // Drafts not posted yet get a number; only posted ones (real views in Analytics) or a
    // missing model show a dash.
    choose(&mut harness, "Status", "Idea");
    assert!(harness.query_all_by_label("—").next().is_none());
    assert!(!shows_part(&harness, "not available"));
}
