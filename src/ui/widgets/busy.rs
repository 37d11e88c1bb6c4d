//! The turning arc and line a view shows while work it waits for runs in the background (a
//! newer forecast, a read of the workspace). It repaints on a timer, not every frame.

use eframe::egui::{self, Stroke};

use crate::ui::theme;

/// A turning arc before `text`, while background work runs.
pub fn busy_indicator(ui: &mut egui::Ui, text: &str) {
    let size = ui.spacing().interact_size.y * 0.7;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    let time = ui.input(|i| i.time);
    let start = (time * 4.0) % std::f64::consts::TAU;
    let points: Vec<egui::Pos2> = (0..=16)
        .map(|i| {
            let a = start + f64::from(i) / 16.0 * 4.0;
            rect.center() + egui::vec2(a.cos() as f32, a.sin() as f32) * size / 2.0
        })
        .collect();
    let colour = theme::palette(ui).accent;
    ui.painter()
        .add(egui::Shape::line(points, Stroke::new(2.0, colour)));
    ui.label(theme::muted(ui, text));
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(50));
}
