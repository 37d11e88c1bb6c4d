//! The planning dialog: the range and posts-a-day form, the running state, and the preview of
//! every placement with its reason, with Apply / Back / Cancel.

use chrono::{NaiveDate, Utc};
use eframe::egui::{self, RichText};

use super::{Form, Planner, Work};
use crate::domain::Account;
use crate::schedule::cadence::above_advice;
use crate::ui::theme;
use crate::ui::view::Action;
use crate::ui::widgets::format::{plural, thousands};
use crate::workspace::{PlacementChange, PlanReport, PlanRequest};

/// Most posts a day the form accepts (more than 4 gets the cadence warning).
const MAX_PER_DAY: u8 = 12;

impl Planner {
    /// The form, the running state, or the preview with Apply / Cancel.
    pub fn dialog(&mut self, ctx: &egui::Context, account: &Account, actions: &mut Vec<Action>) {
        let busy = self.is_busy();
        let Some(form) = &mut self.form else {
            return;
        };
        let mut go: Option<Work> = None;
        let mut close = false;
        let mut back = false;
        let modal = egui::Modal::new(egui::Id::unique("calendar-auto-plan")).show(ctx, |ui| {
            ui.set_width(640.0_f32.min(ctx.content_rect().width() - 80.0));
            ui.label(
                RichText::new(&form.title)
                    .text_style(theme::subheading())
                    .strong(),
            );
            ui.label(theme::muted(
                ui,
                format!(
                    "Fills the days with {}'s approved drafts where the model predicts the most \
                     reach, within the cadence; pinned and posted entries stay. Nothing is \
                     written until you apply.",
                    account.at_handle()
                ),
            ));
            ui.add_space(theme::SPACE_S);
            match &form.preview {
                None => {
                    let (request, stop) = form_ui(ui, form, account, busy);
                    if let Some(request) = request {
                        go = Some(Work::Preview(request));
                    }
                    close |= stop;
                }
                Some((report, request)) => {
                    preview_ui(ui, report);
                    ui.add_space(theme::SPACE_M);
                    ui.horizontal(|ui| {
                        let apply = ui.add_enabled(
                            !busy && !report.placements.is_empty(),
                            theme::primary_button(ui, "Apply"),
                        );
                        if apply.clicked() {
                            go = Some(Work::Apply(PlanRequest {
                                dry_run: false,
                                ..request.clone()
                            }));
                        }
                        if ui.add_enabled(!busy, egui::Button::new("Back")).clicked() {
                            back = true;
                        }
                        if ui.button("Cancel").clicked() {
                            close = true;
                        }
                        if busy {
                            ui.spinner();
                            ui.label(theme::muted(ui, "Writing the plan…"));
                        }
                    });
                }
            }
            if back {
                form.preview = None;
            }
            if go.is_some() {
                form.error = None;
            }
            if let Some(error) = &form.error {
                ui.label(theme::error_text(ui, error));
            }
        });
        if modal.should_close() && !busy {
            close = true;
        }
        if close {
            self.form = None;
            if !busy {
                actions.push(Action::Notify(
                    "Auto-plan closed; nothing was written.".into(),
                ));
            }
            return;
        }
        if let Some(work) = go {
            let now = match &work {
                Work::Apply(_) => self.now.unwrap_or_else(Utc::now),
                _ => {
                    let now = Utc::now();
                    self.now = Some(now);
                    now
                }
            };
            if let Some(path) = self.path.clone() {
                self.start(ctx, path, work, now);
            }
        }
    }
}

/// The range and posts-a-day form; returns the dry-run request when Preview was clicked, and
/// whether Cancel was.
fn form_ui(
    ui: &mut egui::Ui,
    form: &mut Form,
    account: &Account,
    busy: bool,
) -> (Option<PlanRequest>, bool) {
    let mut request = None;
    let mut cancel = false;
    egui::Grid::new("auto-plan-form")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label("From");
            ui.add(
                egui::TextEdit::singleline(&mut form.from)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(120.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("To");
            ui.add(
                egui::TextEdit::singleline(&mut form.to)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(120.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Posts a day");
            ui.add(egui::DragValue::new(&mut form.per_day).range(1..=MAX_PER_DAY))
                .labelled_by(label.id);
            ui.end_row();
        });
    if above_advice(usize::from(form.per_day)) {
        ui.label(
            RichText::new("posting-frequency: TikTok recommends 1-4 posts a day (seed tip 6).")
                .color(theme::palette(ui).warn),
        );
    }
    ui.add_space(theme::SPACE_S);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!busy, theme::primary_button(ui, "Preview"))
            .clicked()
        {
            let parse = |text: &str, what: &str| {
                NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                    .map_err(|_| format!("{what} must be a date like 2026-12-01."))
            };
            match (parse(&form.from, "From"), parse(&form.to, "To")) {
                (Ok(from), Ok(to)) if to < from => {
                    form.error = Some("The range ends before it starts.".into());
                }
                (Ok(from), Ok(to)) => {
                    request = Some(PlanRequest {
                        account: account.id,
                        from,
                        to,
                        per_day: Some(form.per_day),
                        dry_run: true,
                    });
                }
                (Err(e), _) | (_, Err(e)) => form.error = Some(e),
            }
        }
        if ui.button("Cancel").clicked() {
            cancel = true;
        }
        if busy {
            ui.spinner();
            ui.label(theme::muted(
                ui,
                "Fitting the model and scoring every slot…",
            ));
        }
    });
    (request, cancel)
}

/// Every placement with its reason, what stays, what could not be placed, and the warnings.
fn preview_ui(ui: &mut egui::Ui, report: &PlanReport) {
    ui.label(format!(
        "{} from {} to {} · {} a day · predicted median first-day views in total: {}",
        plural(report.placements.len(), "placement", "placements"),
        report.from.format("%-d %b"),
        report.to.format("%-d %b %Y"),
        report.posts_per_day,
        thousands(report.total_predicted_median_24h as i64)
    ));
    ui.label(theme::muted(ui, &report.best_times));
    // Each placement takes two lines, its reason wrapped under it, so a long reason never
    // widens the dialog past the window (Apply must stay on screen). The list scrolls within
    // what the window's height leaves for it.
    let room = (ui.ctx().content_rect().height() - 320.0).clamp(120.0, 320.0);
    egui::ScrollArea::vertical()
        .id_salt("auto-plan-preview")
        .max_height(room)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (i, post) in report.placements.iter().enumerate() {
                if i > 0 {
                    ui.separator();
                }
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(post.wall_time.replace('T', " ")).monospace());
                    ui.label(RichText::new(&post.title).strong());
                    ui.label(theme::muted(
                        ui,
                        match post.change {
                            PlacementChange::New => "new",
                            PlacementChange::Moved => "moved",
                            PlacementChange::Kept => "stays",
                        },
                    ));
                });
                ui.add(egui::Label::new(theme::muted(ui, &post.reason)).wrap());
            }
        });
    if report.kept > 0 {
        ui.label(theme::muted(
            ui,
            format!(
                "{} in the range stay where they are (pinned or posted).",
                plural(report.kept, "entry", "entries")
            ),
        ));
    }
    for u in &report.removed {
        ui.label(format!("Taken out of the plan: {}", u.title));
    }
    if !report.unplaced.is_empty() {
        let titles: Vec<&str> = report.unplaced.iter().map(|u| u.title.as_str()).collect();
        ui.label(theme::muted(
            ui,
            format!("No slot left for: {}", titles.join(", ")),
        ));
    }
    let warn = theme::palette(ui).warn;
    for w in report.warnings.iter().chain(&report.needs_choice) {
        ui.label(RichText::new(format!("⚠ {w}")).color(warn));
    }
}
