//! The caption with its live counter, and the hashtags as chips: read from the caption,
//! removable, and addable from the subculture's hashtags and the trend lists' (a suggestion
//! appends `#tag` to the caption, since the seed's 150 characters count hashtags too).

use eframe::egui::{self, RichText, TextEdit};

use super::counter::caption_count;
use super::findings;
use super::form::{Fields, input_label};
use crate::checks::Field;
use crate::domain::{TrendKind, contains_tag, hashtags_in};
use crate::ui::theme;
use crate::ui::widgets::lifecycle;

/// How many hashtag suggestions are offered at once.
const SUGGESTIONS: usize = 10;

/// `caption` with ` #tag` added at its end.
pub fn append_hashtag(caption: &str, tag: &str) -> String {
    let tag = tag.trim_start_matches('#');
    let body = caption.trim_end();
    if body.is_empty() {
        format!("#{tag}")
    } else {
        format!("{body} #{tag}")
    }
}

/// `caption` without the hashtag `tag` (any case), keeping the other words as they were.
pub fn remove_hashtag(caption: &str, tag: &str) -> String {
    caption
        .split(' ')
        .filter(|word| {
            let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '_');
            !bare
                .strip_prefix('#')
                .is_some_and(|t| t.eq_ignore_ascii_case(tag))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The caption row, its counter and findings, then the hashtag chips and suggestions.
pub fn ui(ui: &mut egui::Ui, f: &mut Fields<'_>) {
    let label = input_label(ui, "Caption");
    ui.vertical(|ui| {
        ui.add(
            TextEdit::multiline(&mut f.draft.caption)
                .hint_text("Make them curious, or ask a question for the comments")
                .desired_rows(3)
                .desired_width(f.width),
        )
        .labelled_by(label);
        let count = caption_count(&f.draft.caption);
        let p = theme::palette(ui);
        // Past the seed's 150 is advice (a warning colour); only past what TikTok takes is an
        // error.
        let colour = if count.used > crate::checks::platform_limits().caption_in_app.count() {
            p.error
        } else if count.over || count.near {
            p.warn
        } else {
            p.muted
        };
        ui.label(RichText::new(&count.text).color(colour).small())
            .on_hover_text(
                "Characters as TikTok counts them (an emoji is one), hashtags included. The \
                 feed shows about the first 150 and the seed article advises at most 150 \
                 (tip 4); TikTok itself takes up to 4,000 in the app, 2,200 through its \
                 posting API.",
            );
    });
    ui.end_row();
    findings::row(ui, f.findings, &[Field::Caption], f.fix);

    input_label(ui, "Hashtags");
    ui.vertical(|ui| {
        ui.set_max_width(f.width);
        chips(ui, f);
        suggestions(ui, f);
    });
    ui.end_row();
    findings::row(ui, f.findings, &[Field::Hashtags], f.fix);
}

fn chips(ui: &mut egui::Ui, f: &mut Fields<'_>) {
    if f.draft.hashtags.is_empty() {
        ui.label(theme::muted(
            ui,
            "No hashtags yet: type #tag in the caption or add one below.",
        ));
        return;
    }
    let in_caption = hashtags_in(&f.draft.caption);
    let accent = theme::palette(ui).accent_2;
    let mut remove = None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        let remove_width = ui.spacing().interact_size.y + theme::SPACE_S;
        for tag in &f.draft.hashtags {
            let text = format!("#{tag}");
            // A chip and its × stay together: the pair starts a new line when it does not
            // fit on this one (the chip alone wraps as a whole, the × would not follow it).
            let needed = theme::chip_width(ui, &text) + remove_width;
            let at_line_start = ui.cursor().min.x <= ui.max_rect().min.x + 1.0;
            if !at_line_start && ui.available_size_before_wrap().x < needed {
                ui.end_row();
            }
            theme::chip(ui, &text, accent);
            if ui
                .small_button("×")
                .on_hover_text(format!("Remove #{tag}"))
                .clicked()
            {
                remove = Some(tag.clone());
            }
            ui.add_space(theme::SPACE_S);
        }
    });
    if let Some(tag) = remove {
        if contains_tag(&in_caption, &tag) {
            f.draft.caption = remove_hashtag(&f.draft.caption, &tag);
        }
        f.draft.hashtags.retain(|t| !t.eq_ignore_ascii_case(&tag));
    }
}

fn suggestions(ui: &mut egui::Ui, f: &mut Fields<'_>) {
    let mut offered: Vec<(String, String)> = Vec::new();
    let subculture = f
        .draft
        .subculture
        .and_then(|id| f.facts.subcultures.iter().find(|s| s.id == id));
    if let Some(s) = subculture {
        for tag in &s.hashtags {
            offered.push((tag.clone(), format!("A hashtag of {}", s.name)));
        }
    }
    if let Some(session) = &f.facts.session {
        let mut trending: Vec<_> = session.trends().of_kind(TrendKind::Hashtag).collect();
        trending.sort_by_key(|e| e.rank.unwrap_or(u32::MAX));
        for e in trending {
            let rank = e.rank.map_or(String::new(), |r| format!(" at #{r}"));
            let tip = format!("On your trend lists{rank}, {}", e.lifecycle.label());
            offered.push((e.item.name.trim_start_matches('#').to_string(), tip));
        }
    }
    let mut seen: Vec<String> = f.draft.hashtags.clone();
    offered.retain(|(tag, _)| {
        let fresh = !contains_tag(&seen, tag);
        seen.push(tag.clone());
        fresh
    });
    if offered.is_empty() {
        return;
    }
    let mut add = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(theme::muted(ui, "Add:").small());
        for (tag, tip) in offered.iter().take(SUGGESTIONS) {
            let trend = f
                .facts
                .session
                .as_ref()
                .and_then(|s| s.trends().hashtag(tag));
            let text = RichText::new(format!("+ #{tag}")).small();
            let text = match trend {
                Some(e) => text.color(lifecycle::colour(e.lifecycle, ui)),
                None => text,
            };
            if ui.small_button(text).on_hover_text(tip).clicked() {
                add = Some(tag.clone());
            }
        }
    });
    if let Some(tag) = add {
        f.draft.caption = append_hashtag(&f.draft.caption, &tag);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_and_removing_a_hashtag_edits_the_caption() {
        assert_eq!(append_hashtag("", "#fyp"), "#fyp");
        assert_eq!(
            append_hashtag("Rainy day  ", "cottagecore"),
            "Rainy day #cottagecore"
        );
        assert_eq!(
            remove_hashtag("Rainy day #CottageCore, #fyp", "cottagecore"),
            "Rainy day #fyp"
        );
        assert_eq!(remove_hashtag("no tags here", "fyp"), "no tags here");
    }
}
