//! The draft editor: the side panel beside the Drafts, Calendar and Reach views where one
//! draft is written. Every field of a draft, the caption's live counter, hashtag chips and
//! suggestions, the sound picker with the trend lists' sounds, the media file (its content
//! hash is taken in the background for duplicate detection), the review thread, and the
//! seed's checks live next to the fields they concern, with one-click fixes.
//!
//! There is no Save button: edits are written through [`Action::AutosaveDraft`] a moment after
//! typing pauses (see `autosave.rs`) and at once when the editor closes, another draft opens or
//! the window quits. The editor keeps its own undo history (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) of
//! field snapshots; the window's Undo stack sees one entry per editing session.
//!
//! The editor reads the workspace only when the draft or the revision changes; between those
//! it re-checks the draft in memory after every change.

mod autosave;
mod caption;
mod changes;
mod comments;
mod conflicts;
mod counter;
mod facts;
mod findings;
mod form;
mod history;
mod media;
mod open;
mod sound;
mod title_focus;
mod video;

use std::path::PathBuf;
use std::time::Instant;

use eframe::egui;

pub use autosave::{Autosave, LIMIT as AUTOSAVE_LIMIT, PAUSE as AUTOSAVE_PAUSE};
pub use counter::{CaptionCount, caption_count};
pub use history::EditHistory;
pub use title_focus::take_new_draft_keys;

use super::shortcuts;
use super::view::Action;
use crate::domain::{Draft, DraftId};
use crate::workspace::Workspace;
use crate::workspace::team::Permissions;
use media::Hashing;
use open::OpenDraft;
use title_focus::TitleFocus;

/// The default width of the editor panel, in points.
pub const PANEL_WIDTH: f32 = 450.0;

/// What the editor shows.
enum State {
    Closed,
    /// The draft could not be read (e.g. it was deleted elsewhere).
    Failed {
        id: DraftId,
        message: String,
    },
    Open(Box<OpenDraft>),
}

/// The draft editor. Create it with [`DraftEditor::default`].
pub struct DraftEditor {
    state: State,
    /// The media file being hashed, if any (it may belong to a draft no longer open).
    hashing: Option<Hashing>,
    /// A new draft's Title waiting for the cursor.
    title_focus: TitleFocus,
}

impl Default for DraftEditor {
    fn default() -> Self {
        Self {
            state: State::Closed,
            hashing: None,
            title_focus: TitleFocus::default(),
        }
    }
}

impl DraftEditor {
    /// The draft the editor shows (or failed to read).
    pub fn draft_id(&self) -> Option<DraftId> {
        match &self.state {
            State::Closed => None,
            State::Failed { id, .. } => Some(*id),
            State::Open(open) => Some(open.draft.id),
        }
    }

    /// Called every frame, shown or not: follows the draft the window has open (`wanted`),
    /// re-reads the workspace when the revision moved, finishes media hashes and writes the
    /// draft when the autosave timer says so.
    pub fn sync(
        &mut self,
        ctx: &egui::Context,
        workspace: &Workspace,
        wanted: Option<DraftId>,
        revision: u64,
        actions: &mut Vec<Action>,
    ) {
        let now = Instant::now();
        self.poll_hashing(workspace, now, actions);
        if self.draft_id() != wanted {
            if let Some(unsaved) = self.take_unsaved() {
                actions.push(Action::AutosaveDraft(Box::new(unsaved)));
            }
            self.state = match wanted {
                None => State::Closed,
                Some(id) => match OpenDraft::load(workspace, id, revision) {
                    Ok(open) => State::Open(Box::new(open)),
                    Err(message) => State::Failed { id, message },
                },
            };
        }
        let State::Open(open) = &mut self.state else {
            return;
        };
        if open.revision != revision {
            open.refresh(workspace, revision);
        }
        if open.autosave.is_due(now) {
            actions.push(Action::AutosaveDraft(Box::new(open.saved())));
        }
        if let Some(wait) = open.autosave.due_in(now) {
            ctx.request_repaint_after(wait);
        }
    }

    /// The draft with edits not written yet, marking them written: for closing, switching
    /// drafts and quitting.
    pub fn take_unsaved(&mut self) -> Option<Draft> {
        match &mut self.state {
            State::Open(open) if open.autosave.is_pending() => Some(open.saved()),
            _ => None,
        }
    }

    /// The editor's keys while it is on screen: Ctrl+Z steps back through its own history,
    /// Ctrl+Shift+Z and Ctrl+Y step forward, Escape closes it (after a focused text field
    /// let go of the keyboard). Taken before any other widget sees them, so the window's Undo
    /// does not fire as well.
    pub fn shortcuts(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let (redo, undo) = ctx.input_mut(|i| {
            let redo =
                i.consume_shortcut(&shortcuts::REDO) || i.consume_shortcut(&shortcuts::REDO_Y);
            (redo, i.consume_shortcut(&shortcuts::UNDO))
        });
        let escape = !ctx.text_edit_focused()
            && !egui::Popup::is_any_open(ctx)
            && ctx.input_mut(|i| i.consume_shortcut(&shortcuts::CLOSE));
        let now = Instant::now();
        if let State::Open(open) = &mut self.state {
            if undo {
                open.step(true, now);
            } else if redo {
                open.step(false, now);
            }
        }
        if escape {
            self.close(actions);
        }
    }

    /// Writes what is unsaved and asks the window to close the editor.
    fn close(&mut self, actions: &mut Vec<Action>) {
        if let Some(unsaved) = self.take_unsaved() {
            actions.push(Action::AutosaveDraft(Box::new(unsaved)));
        }
        actions.push(Action::OpenDraft(None));
    }

    /// Text typed right after Ctrl+N, before the new draft exists.
    pub fn typed_for_new_draft(&mut self, text: String) {
        self.title_focus.typed(text);
    }

    /// `id` was just added by Ctrl+N or "New draft": its Title gets the cursor.
    pub fn focus_title(&mut self, id: DraftId) {
        self.title_focus.draft_added(id);
    }

    /// Forgets typing no new draft claimed (called after the frame's actions were applied).
    pub fn drop_unclaimed_typing(&mut self) {
        self.title_focus.drop_unclaimed();
    }

    /// Draws the editor into the side panel.
    pub fn ui(&mut self, ui: &mut egui::Ui, permissions: &Permissions, actions: &mut Vec<Action>) {
        if let State::Open(open) = &mut self.state {
            self.title_focus
                .apply(ui.ctx(), open.draft.id, &mut open.draft.title);
        }
        let mut close = false;
        match &mut self.state {
            State::Closed => {}
            State::Failed { message, .. } => {
                close = form::failed(ui, message);
            }
            State::Open(open) => {
                let hashing = self
                    .hashing
                    .as_ref()
                    .is_some_and(|h| h.draft == open.draft.id);
                close = open.ui(ui, hashing, permissions, actions);
            }
        }
        if close {
            self.close(actions);
        }
    }

    /// The user chose `path` as the media file of `draft`: it is stored at once and its
    /// content hash follows from a background thread.
    pub fn media_chosen(&mut self, ctx: &egui::Context, draft: DraftId, path: PathBuf) {
        if let State::Open(open) = &mut self.state
            && open.draft.id == draft
        {
            open.set_media(&path, Instant::now());
        }
        self.hashing = Some(Hashing::start(ctx, draft, path));
    }

    /// Stores a finished hash on its draft: the open one through the editor (an undoable
    /// step), another one (the user moved on) straight through a save.
    fn poll_hashing(&mut self, workspace: &Workspace, now: Instant, actions: &mut Vec<Action>) {
        let Some(done) = self.hashing.as_mut().and_then(Hashing::poll) else {
            return;
        };
        self.hashing = None;
        match &mut self.state {
            State::Open(open) if open.draft.id == done.draft => open.set_hash(&done, now),
            _ => {
                if let Ok(mut draft) = workspace.draft(done.draft)
                    && draft.media_path.as_deref() == Some(done.path_text().as_str())
                    && let Ok(hash) = &done.hash
                {
                    draft.media_hash = Some(hash.clone());
                    actions.push(Action::SaveDrafts(vec![draft]));
                }
            }
        }
    }
}
