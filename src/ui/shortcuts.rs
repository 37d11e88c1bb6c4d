//! Every keyboard shortcut of the window, in one table: the handlers take their keys from the
//! constants here and the shortcut overview (F1) draws [`TABLE`], so the overview cannot list a
//! key the app does not have. A unit test fails when a handler elsewhere in `src/ui` makes up
//! its own key.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

/// Ctrl+1 .. Ctrl+8: the views in navigation order.
pub const VIEWS: [KeyboardShortcut; 8] = [
    command(Key::Num1),
    command(Key::Num2),
    command(Key::Num3),
    command(Key::Num4),
    command(Key::Num5),
    command(Key::Num6),
    command(Key::Num7),
    command(Key::Num8),
];
/// Import files.
pub const IMPORT: KeyboardShortcut = command(Key::I);
/// Take back the latest edit (in the editor: its own typing history).
pub const UNDO: KeyboardShortcut = command(Key::Z);
/// Apply again what Undo took back (in the editor: its own typing history).
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
/// The other redo key, as on Windows.
pub const REDO_Y: KeyboardShortcut = command(Key::Y);
/// The shortcut overview.
pub const HELP: KeyboardShortcut = plain(Key::F1);
/// The shortcut overview, the other key.
pub const HELP_SLASH: KeyboardShortcut = command(Key::Slash);
/// Close the editor, a form or a dialog; clear a selection.
pub const CLOSE: KeyboardShortcut = plain(Key::Escape);
/// Submit a one-line form field.
pub const SUBMIT: KeyboardShortcut = plain(Key::Enter);
/// Post a review comment.
pub const POST_COMMENT: KeyboardShortcut = command(Key::Enter);
/// A new draft (Drafts view).
pub const NEW_DRAFT: KeyboardShortcut = command(Key::N);
/// Search the drafts.
pub const SEARCH: KeyboardShortcut = command(Key::F);
/// Select every shown draft.
pub const SELECT_ALL: KeyboardShortcut = command(Key::A);
/// Move the selected drafts to the trash.
pub const TRASH: KeyboardShortcut = plain(Key::Delete);
/// Calendar: the previous day, week or month.
pub const EARLIER: [KeyboardShortcut; 2] = [plain(Key::ArrowLeft), plain(Key::PageUp)];
/// Calendar: the next day, week or month.
pub const LATER: [KeyboardShortcut; 2] = [plain(Key::ArrowRight), plain(Key::PageDown)];
/// Calendar: back to today.
pub const TODAY: KeyboardShortcut = plain(Key::T);

/// One line of the overview: the keys (any of them) and what they do.
pub struct Entry {
    pub keys: &'static [KeyboardShortcut],
    pub does: &'static str,
}

/// The shortcuts of one place in the window.
pub struct Group {
    pub place: &'static str,
    pub entries: &'static [Entry],
}

/// Every shortcut, by where it works.
pub const TABLE: &[Group] = &[
    Group {
        place: "Anywhere",
        entries: &[
            Entry {
                keys: &VIEWS,
                does: "Open Drafts, Calendar, Reach, Trends, Subcultures, Analytics, Settings, Activity",
            },
            Entry {
                keys: &[IMPORT],
                does: "Import TikTok Studio exports, spreadsheets, trend lists or drafts",
            },
            Entry {
                keys: &[UNDO],
                does: "Undo the latest edit (not while typing in a field)",
            },
            Entry {
                keys: &[REDO, REDO_Y],
                does: "Redo the edit Undo took back (not while typing in a field)",
            },
            Entry {
                keys: &[HELP, HELP_SLASH],
                does: "Show or hide this overview",
            },
            Entry {
                keys: &[CLOSE],
                does: "Close this overview, the About dialog or the import preview",
            },
        ],
    },
    Group {
        place: "Draft editor",
        entries: &[
            Entry {
                keys: &[UNDO],
                does: "Step back through the draft's edits",
            },
            Entry {
                keys: &[REDO, REDO_Y],
                does: "Step forward again",
            },
            Entry {
                keys: &[CLOSE],
                does: "Close the editor (saving what is unsaved)",
            },
            Entry {
                keys: &[POST_COMMENT],
                does: "Post the review comment being written",
            },
        ],
    },
    Group {
        place: "Drafts",
        entries: &[
            Entry {
                keys: &[NEW_DRAFT],
                does: "New draft for the current account",
            },
            Entry {
                keys: &[SEARCH],
                does: "Search the drafts",
            },
            Entry {
                keys: &[SELECT_ALL],
                does: "Select every shown draft (also in the trash)",
            },
            Entry {
                keys: &[TRASH],
                does: "Move the selected drafts to the trash",
            },
            Entry {
                keys: &[CLOSE],
                does: "Clear the selection",
            },
        ],
    },
    Group {
        place: "Calendar",
        entries: &[
            Entry {
                keys: &EARLIER,
                does: "The previous day, week or month",
            },
            Entry {
                keys: &LATER,
                does: "The next day, week or month",
            },
            Entry {
                keys: &[TODAY],
                does: "Back to today",
            },
        ],
    },
    Group {
        place: "Forms",
        entries: &[
            Entry {
                keys: &[SUBMIT],
                does: "Add the subculture, trend capture or assignee; go to the typed date",
            },
            Entry {
                keys: &[CLOSE],
                does: "Close the trend capture form or the paste box",
            },
        ],
    },
];

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                out.push((path.display().to_string(), text));
            }
        }
    }

    #[test]
    fn handlers_take_their_keys_from_the_table() {
        let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
        let mut files = Vec::new();
        sources(&ui, &mut files);
        assert!(files.len() > 20, "the UI sources are found");
        for (path, text) in files {
            if path.ends_with("shortcuts.rs") {
                continue;
            }
            for made_up in [
                "KeyboardShortcut::new(",
                "consume_key(",
                "key_pressed(Key::",
                "key_pressed(egui::Key::",
            ] {
                assert!(
                    !text.contains(made_up),
                    "{path} makes up a key with `{made_up}`: add it to ui/shortcuts.rs"
                );
            }
        }
    }

    #[test]
    fn every_group_has_keys() {
        for group in TABLE {
            assert!(!group.entries.is_empty(), "{}", group.place);
            for entry in group.entries {
                assert!(!entry.keys.is_empty(), "{}", entry.does);
            }
        }
    }
}
