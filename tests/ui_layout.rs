//! The window's layout holds at laptop and desktop sizes: with the editor open on a draft
//! with five ordinary hashtags and a long caption (the draft that once widened the editor
//! until the Drafts view ran over it), the editor keeps to its share of the window, its chips
//! wrap inside it, and no widget of the editor and of the view beside it overlap (AccessKit
//! bounds). A width remembered from a wider window comes back within the share. In Reach, the
//! chart stays clear of the P10/P50/P90 table.

mod common;

use std::time::{Duration, Instant};

use chrono::Utc;
use common::egui::accesskit::Role;
use common::egui::{self, Rect};
use common::{demo_workspace, open_view, run_with_reads, shows};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use scrollstop::domain::{Draft, DraftId, DraftStatus};
use scrollstop::ui::{Action, ScrollstopApp};
use scrollstop::workspace::Workspace;

const SIZES: [(f32, f32); 2] = [(1280.0, 720.0), (1440.0, 900.0)];
const TITLE: &str = "Slow Sunday with five tags";

/// Adds the draft that broke the layout to the demo's first account: approved, five ordinary
/// hashtags, a caption well past 150 characters.
fn five_hashtag_draft(path: &std::path::Path) -> DraftId {
    let workspace = Workspace::open(path).expect("the workspace opens");
    let account = workspace.accounts().expect("accounts")[0].id;
    let mut draft = Draft::blank(account, Utc::now());
    draft.title = TITLE.to_string();
    draft.status = DraftStatus::Approved;
    draft.caption = "A slow Sunday morning with sourdough, jam and a long walk through the wet \
        garden before anyone else is awake, then knitting by the window #cottagecore \
        #slowliving #sourdough #gardentok #cozyvibes"
        .to_string();
    draft.hashtags = [
        "cottagecore",
        "slowliving",
        "sourdough",
        "gardentok",
        "cozyvibes",
    ]
    .map(String::from)
    .to_vec();
    draft.duration_s = Some(21.0);
    scrollstop::store::Store::open(workspace.path())
        .expect("the store opens")
        .add_draft(&draft)
        .expect("the draft is added")
}

fn app_sized(path: &std::path::Path, size: (f32, f32)) -> Harness<'static, ScrollstopApp> {
    let path = path.to_path_buf();
    let mut harness = Harness::builder()
        .allow_missing_glyphs()
        .with_size(egui::vec2(size.0, size.1))
        .with_max_steps(12)
        .build_eframe(move |_cc| ScrollstopApp::new(path));
    run_with_reads(&mut harness);
    harness
}

/// Runs a few frames so panels settle on their sizes.
fn settle(harness: &mut Harness<'static, ScrollstopApp>) {
    for _ in 0..6 {
        harness.step();
    }
    harness.run_ok();
}

/// A node's bounds, when it has any.
fn bounds<'t>(node: &impl NodeT<'t>) -> Option<Rect> {
    let b = node.accesskit_node().bounding_box()?;
    Some(Rect::from_min_max(
        egui::pos2(b.x0 as f32, b.y0 as f32),
        egui::pos2(b.x1 as f32, b.y1 as f32),
    ))
}

/// Roles of widgets a user reads or clicks (containers and panes aside).
fn is_widget(role: Role) -> bool {
    !matches!(
        role,
        Role::Pane
            | Role::GenericContainer
            | Role::ScrollView
            | Role::Window
            | Role::Unknown
            | Role::Splitter
            | Role::Group
    )
}

/// Every widget on screen of the innermost pane (panel) that holds a node labelled `inside`.
fn pane_widgets(
    harness: &Harness<'static, ScrollstopApp>,
    inside: &str,
    screen: Rect,
) -> Vec<(String, Rect)> {
    let pane = harness
        .query_all_by_role(Role::Pane)
        .filter(|p| p.query_all_by_label(inside).next().is_some())
        .min_by_key(|p| p.children_recursive().count())
        .unwrap_or_else(|| panic!("a pane holds {inside:?}"));
    pane.children_recursive()
        .filter(|n| is_widget(n.accesskit_node().role()))
        .filter_map(|n| {
            let rect = bounds(&n)?;
            let name = n
                .accesskit_node()
                .label()
                .or_else(|| n.accesskit_node().value())
                .unwrap_or_default();
            (rect.area() > 0.0 && rect.intersects(screen))
                .then(|| (format!("{:?} {name:?}", n.accesskit_node().role()), rect))
        })
        .collect()
}

/// The smallest rectangle around `widgets`.
fn extent(widgets: &[(String, Rect)]) -> Rect {
    widgets
        .iter()
        .fold(Rect::NOTHING, |all, (_, r)| all.union(*r))
}

/// Fails when a widget of the editor overlaps a widget of the view beside it, when the
/// editor takes more than its share of the window, or when the view reaches under the
/// editor or the navigation.
fn assert_apart(
    harness: &Harness<'static, ScrollstopApp>,
    editor_marker: &str,
    view_marker: &str,
    size: (f32, f32),
) {
    let screen = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size.0, size.1));
    let editor_widgets = pane_widgets(harness, editor_marker, screen);
    let view_widgets = pane_widgets(harness, view_marker, screen);
    assert!(editor_widgets.len() > 10 && view_widgets.len() > 10);
    let (editor, view) = (extent(&editor_widgets), extent(&view_widgets));
    assert!(
        editor.width() <= size.0 * 0.45 && editor.max.x <= size.0,
        "the editor keeps to its share at {size:?}: {editor:?}"
    );
    assert!(
        view.min.x >= 212.0 && view.max.x <= editor.min.x,
        "the view {view:?} stays between the navigation and the editor {editor:?} at {size:?}"
    );
    assert!(
        view.width() >= 400.0,
        "the view keeps its room at {size:?}: {view:?}"
    );
    for (name, rect) in &view_widgets {
        for (other, r) in &editor_widgets {
            assert!(
                !rect.shrink(0.5).intersects(r.shrink(0.5)),
                "{name} at {rect:?} overlaps the editor's {other} at {r:?} at {size:?}"
            );
        }
    }
}

#[test]
fn the_editor_on_a_five_hashtag_draft_stays_beside_drafts_at_both_sizes() {
    for size in SIZES {
        let workspace = demo_workspace();
        let id = five_hashtag_draft(&workspace.path);
        let mut harness = app_sized(&workspace.path, size);
        harness.state_mut().request(Action::OpenDraft(Some(id)));
        settle(&mut harness);
        assert_eq!(harness.state().open_draft(), Some(id));
        for tag in [
            "#cottagecore",
            "#slowliving",
            "#sourdough",
            "#gardentok",
            "#cozyvibes",
        ] {
            assert!(shows(&harness, tag), "{tag} shows as a chip");
        }
        // The status pills read as words, not one letter per line.
        let pills: Vec<Rect> = harness
            .query_all(egui_kittest::kittest::by().predicate(|n| {
                n.value().is_some_and(|l| {
                    l.rsplit_once(' ').is_some_and(|(status, count)| {
                        count.parse::<usize>().is_ok()
                            && [
                                "Idea",
                                "Draft",
                                "In review",
                                "Approved",
                                "Scheduled",
                                "Posted",
                            ]
                            .contains(&status)
                    })
                })
            }))
            .filter_map(|n| bounds(&n))
            .collect();
        assert!(pills.len() >= 4, "the counts row shows its pills");
        for pill in pills {
            assert!(pill.height() < 24.0, "a pill on one line: {pill:?}");
        }
        assert_apart(
            &harness,
            "Caption",
            "Every planned video of the account, from first idea to posted.",
            size,
        );
        // A width the user drags far past the share comes back within it.
        harness
            .query_all_by_role(Role::Splitter)
            .next()
            .expect("the editor's resize handle")
            .set_value_accesskit(5000.0);
        settle(&mut harness);
        assert_apart(
            &harness,
            "Caption",
            "Every planned video of the account, from first idea to posted.",
            size,
        );
    }
}

#[test]
fn in_reach_the_chart_stays_clear_of_the_forecast_table_at_both_sizes() {
    for size in SIZES {
        let workspace = demo_workspace();
        let id = five_hashtag_draft(&workspace.path);
        let mut harness = app_sized(&workspace.path, size);
        open_view(&mut harness, "Reach");
        harness.state_mut().request(Action::OpenDraft(Some(id)));
        run_with_reads(&mut harness);
        let start = Instant::now();
        while !(shows(&harness, "P50") && shows(&harness, "Views over time")) {
            assert!(
                start.elapsed() < Duration::from_secs(120),
                "the forecast shows"
            );
            std::thread::sleep(Duration::from_millis(30));
            harness.step();
        }
        settle(&mut harness);
        let table: Vec<Rect> = ["Views after", "P10", "P50", "P90", "Not interested"]
            .iter()
            .map(|l| {
                let mut shown = harness.query_all_by_label(l).filter_map(|n| bounds(&n));
                shown.next().unwrap_or_else(|| panic!("{l} shows"))
            })
            .collect();
        let chart_title = harness
            .query_all_by_label("Views over time")
            .find_map(|n| bounds(&n))
            .expect("the chart's title shows");
        // The chart: its title and the plot under it (220 points high), as wide as its title
        // row or, beside the numbers, everything right of them.
        let numbers_right = table.iter().map(|r| r.max.x).fold(0.0, f32::max);
        let chart = Rect::from_min_max(
            chart_title.min,
            egui::pos2(
                chart_title.max.x.max(chart_title.min.x + 300.0),
                chart_title.max.y + 220.0,
            ),
        );
        for cell in &table {
            assert!(
                !cell.intersects(chart),
                "the chart {chart:?} covers a table cell {cell:?} at {size:?}"
            );
        }
        assert!(
            chart.min.x >= numbers_right || chart.min.y >= table[4].max.y,
            "the chart is beside or under the numbers at {size:?}"
        );
        assert_apart(&harness, "Caption", "Forecast", size);
    }
}

#[test]
fn a_width_remembered_from_a_wider_window_comes_back_within_the_share() {
    let workspace = demo_workspace();
    let id = five_hashtag_draft(&workspace.path);
    let wide = (2560.0, 1440.0);
    let mut harness = app_sized(&workspace.path, wide);
    harness.state_mut().request(Action::OpenDraft(Some(id)));
    settle(&mut harness);
    harness
        .query_all_by_role(Role::Splitter)
        .next()
        .expect("the editor's resize handle")
        .set_value_accesskit(1100.0);
    settle(&mut harness);
    let screen = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(wide.0, wide.1));
    let editor = extent(&pane_widgets(&harness, "Caption", screen));
    assert!(
        editor.width() > 900.0,
        "the wide window took the wide editor: {editor:?}"
    );
    // What egui keeps between runs (the panel's width among it), as the next start reads it.
    let remembered = harness.ctx.memory(|m| m.clone());
    drop(harness);

    let laptop = SIZES[0];
    let mut harness = app_sized(&workspace.path, laptop);
    harness.ctx.memory_mut(|m| *m = remembered);
    harness.state_mut().request(Action::OpenDraft(Some(id)));
    settle(&mut harness);
    assert_apart(
        &harness,
        "Caption",
        "Every planned video of the account, from first idea to posted.",
        laptop,
    );
}
