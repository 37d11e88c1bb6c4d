//! Ctrl+N's promise: the new draft's Title has the cursor, and what was typed between the key
//! and the moment the Title holds the focus reaches it. The key's handler takes the text typed
//! after Ctrl+N in that same frame out of the input (no other field gets it); until the Title
//! has kept the focus from one frame to the next (a new form's first frame is measured
//! invisibly and loses it), the editor adds what is typed to the end of the title itself, puts
//! the cursor after it and asks for the focus again. Later keys go to the Title as usual.

use eframe::egui::{self, Event};

use crate::domain::DraftId;
use crate::ui::shortcuts::NEW_DRAFT;

/// The Title input's id, so focus can be given to it before it is drawn.
pub fn title_id() -> egui::Id {
    egui::Id::unique("draft-editor-title")
}

/// A Title waiting for the cursor: the new draft (once it exists) and what was typed for it.
#[derive(Debug, Default)]
pub struct TitleFocus {
    draft: Option<DraftId>,
    typed: String,
    /// Frames the Title has been asked to take the focus.
    tries: u8,
}

/// How many frames the Title is offered the focus before the editor gives up (the first frame
/// of a new form is measured invisibly and loses it).
const TRIES: u8 = 30;

impl TitleFocus {
    /// Remembers text typed right after Ctrl+N, for the draft about to be added.
    pub fn typed(&mut self, text: String) {
        *self = Self {
            typed: text,
            ..Self::default()
        };
    }

    /// `draft` was added: its Title takes the cursor (and what was typed) when it shows.
    pub fn draft_added(&mut self, draft: DraftId) {
        self.draft = Some(draft);
        self.tries = 0;
    }

    /// Forgets typing no new draft claimed (adding it was refused).
    pub fn drop_unclaimed(&mut self) {
        if self.draft.is_none() {
            self.typed.clear();
        }
    }

    /// Called before the editor draws `shown` with its `title`. While it is the new draft and
    /// its Title has not kept the focus from one frame to the next, what was typed (before
    /// and during these frames) goes to the end of the title, the cursor after it, and the
    /// Title is asked for the focus again. Once the Title holds the focus, it types itself.
    pub fn apply(&mut self, ctx: &egui::Context, shown: DraftId, title: &mut String) {
        if self.draft != Some(shown) {
            return;
        }
        let id = title_id();
        if ctx.memory(|m| m.has_focus(id)) || self.tries >= TRIES {
            *self = Self::default();
            return;
        }
        self.tries += 1;
        let mut typed = std::mem::take(&mut self.typed);
        ctx.input_mut(|i| {
            i.events.retain(|e| match e {
                Event::Text(text) => {
                    typed.push_str(text);
                    false
                }
                _ => true,
            });
        });
        title.push_str(&typed);
        let mut state = egui::text_edit::TextEditState::default();
        let end = egui::text::CCursor::new(title.chars().count());
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::one(end)));
        state.store(ctx, id);
        ctx.memory_mut(|m| m.request_focus(id));
    }
}

/// Takes Ctrl+N out of this frame's input with the text typed after it; `None` without it.
pub fn take_new_draft_keys(ctx: &egui::Context) -> Option<String> {
    ctx.input_mut(|i| {
        let at = i.events.iter().position(|e| {
            matches!(e, Event::Key { key, pressed: true, modifiers, .. }
                if *key == NEW_DRAFT.logical_key
                    && modifiers.matches_logically(NEW_DRAFT.modifiers))
        })?;
        if !i.consume_shortcut(&NEW_DRAFT) {
            return None;
        }
        let mut typed = String::new();
        let mut index = 0;
        i.events.retain(|e| {
            let after = index >= at;
            index += 1;
            match e {
                Event::Text(text) if after => {
                    typed.push_str(text);
                    false
                }
                _ => true,
            }
        });
        Some(typed)
    })
}
