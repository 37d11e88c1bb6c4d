//! The drafts table's column headers are read whole: no header runs into the next one (a
//! clipped header's label reaches past its column), also with the sort arrow shown, at a
//! laptop's 1280 px and with the window at the app's smallest width.

mod common;

use common::egui::{self, accesskit::Role};
use common::{app, demo_workspace, run_with_reads};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use scrollstop::ui::ScrollstopApp;

/// The table's headers (checked in the order they stand).
const HEADERS: [&str; 10] = [
    "Status",
    "Title",
    "Subculture",
    "Length",
    "Sound",
    "Assignee",
    "Planned slot",
    "Findings",
    "Reach P50",
    "Updated",
];

/// The header button named `name`: of the buttons so named (a filter may share the name), the
/// one in the row of the Reach P50 header, which only the table has. `None` when the table
/// left that column out for want of room (it drops columns from the right).
fn shown_header<'a>(
    harness: &'a Harness<'static, ScrollstopApp>,
    name: &'a str,
) -> Option<egui_kittest::Node<'a>> {
    let row = harness
        .get_by_role_and_label(Role::Button, "Reach P50")
        .rect()
        .center()
        .y;
    harness
        .query_all_by_role_and_label(Role::Button, name)
        .filter(|n| (n.rect().center().y - row).abs() < 4.0)
        .min_by(|a, b| {
            let da = (a.rect().center().y - row).abs();
            let db = (b.rect().center().y - row).abs();
            da.total_cmp(&db)
        })
}

fn header<'a>(
    harness: &'a Harness<'static, ScrollstopApp>,
    name: &'a str,
) -> egui_kittest::Node<'a> {
    shown_header(harness, name).unwrap_or_else(|| panic!("the {name} header"))
}

/// Each header's bounds (the sort arrow's too, beside the sorted header).
fn header_rects(harness: &Harness<'static, ScrollstopApp>) -> Vec<(String, egui::Rect)> {
    let mut rects: Vec<(String, egui::Rect)> = HEADERS
        .iter()
        .filter_map(|name| Some((name.to_string(), shown_header(harness, name)?.rect())))
        .collect();
    // The table keeps at least these, whatever the width.
    for kept in ["Status", "Title", "Findings", "Reach P50"] {
        assert!(rects.iter().any(|(n, _)| n == kept), "{kept} is shown");
    }
    for arrow in ["▼", "▲"] {
        if let Some(node) = harness.query_all_by_label(arrow).next() {
            let rect = node.rect();
            // Joined to the header it follows.
            if let Some(owner) = rects
                .iter_mut()
                .filter(|(_, r)| r.right() <= rect.left() + 1.0)
                .max_by(|a, b| a.1.right().total_cmp(&b.1.right()))
            {
                owner.1 = owner.1.union(rect);
            }
        }
    }
    rects
}

fn assert_whole(harness: &Harness<'static, ScrollstopApp>, when: &str) {
    let mut rects = header_rects(harness);
    rects.sort_by(|a, b| a.1.left().total_cmp(&b.1.left()));
    for pair in rects.windows(2) {
        let ((a, ra), (b, rb)) = (&pair[0], &pair[1]);
        assert!(
            ra.right() <= rb.left() + 0.5,
            "{when}: the {a} header ({ra:?}) runs into {b} ({rb:?})"
        );
    }
}

/// Steps until the drafts table is on screen: it is read on a background thread, which a busy
/// machine can slow past the first frames.
fn table_shown(harness: &mut Harness<'static, ScrollstopApp>) {
    let start = std::time::Instant::now();
    while harness
        .query_all_by_role_and_label(Role::Button, "Reach P50")
        .next()
        .is_none()
    {
        if start.elapsed() > std::time::Duration::from_secs(120) {
            let shown: Vec<String> = harness
                .query_all_by_role(Role::Button)
                .filter_map(|n| n.accesskit_node().label())
                .collect();
            panic!("gave up waiting for the drafts table; buttons shown: {shown:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run_ok();
}

#[test]
fn every_drafts_header_is_read_whole_also_when_sorted() {
    for width in [1280.0, 1100.0] {
        // A fresh workspace for each width: nothing one window did carries into the next.
        let workspace = demo_workspace();
        let mut harness = app(&workspace.path);
        harness.set_size(egui::vec2(width, 800.0));
        run_with_reads(&mut harness);
        table_shown(&mut harness);
        assert_whole(&harness, &format!("{width} px"));
        for sorted in ["Reach P50", "Length"] {
            // Clicked through accessibility, not at a position: rows and forecasts arriving in
            // the background can move the table between the query and a pointer click.
            header(&harness, sorted).click_accesskit();
            run_with_reads(&mut harness);
            table_shown(&mut harness);
            assert_whole(&harness, &format!("{width} px, sorted by {sorted}"));
        }
    }
}
