//! A word-sized chart of a trend item's rank over its captures, rank 1 at the top, so a line
//! that climbs is a trend that rises. It draws what it is given and never reads the workspace.

use eframe::egui::{self, Pos2, Sense, Stroke, Vec2};

use crate::ui::theme;

/// Paints `ranks` (oldest capture first) into a box of `size`; hovering lists the ranks.
pub fn rank_sparkline(ui: &mut egui::Ui, ranks: &[u32], size: Vec2) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    if ranks.is_empty() {
        return response;
    }
    let colour = theme::palette(ui).accent_2;
    let rect = rect.shrink(3.0);
    let best = ranks.iter().copied().min().unwrap_or(1);
    let worst = ranks.iter().copied().max().unwrap_or(1);
    let span = (worst - best).max(1) as f32;
    let step = if ranks.len() > 1 {
        rect.width() / (ranks.len() - 1) as f32
    } else {
        0.0
    };
    let points: Vec<Pos2> = ranks
        .iter()
        .enumerate()
        .map(|(i, rank)| {
            let y = if worst == best {
                rect.center().y
            } else {
                rect.top() + (rank - best) as f32 / span * rect.height()
            };
            let x = if ranks.len() > 1 {
                rect.left() + i as f32 * step
            } else {
                rect.center().x
            };
            Pos2::new(x, y)
        })
        .collect();
    let painter = ui.painter();
    if let Some(last) = points.last().copied() {
        if points.len() > 1 {
            painter.line(points, Stroke::new(1.5, colour));
        }
        painter.circle_filled(last, 2.5, colour);
    }
    let history: Vec<String> = ranks.iter().map(|r| format!("#{r}")).collect();
    response.on_hover_text(format!(
        "Rank per capture, oldest first: {}",
        history.join(", ")
    ))
}
