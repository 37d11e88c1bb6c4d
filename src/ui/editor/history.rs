//! The editor's own undo history: snapshots of the draft, newest last. Typing in one text
//! field is grouped into one step until the user pauses or moves to another field; every other
//! change (a picker, a switch, a one-click fix) is a step of its own. This is separate from the
//! window's Undo stack, where a whole editing session of a draft is one entry.

use std::time::{Duration, Instant};

use crate::domain::Draft;

/// How many steps the editor can take back.
const DEPTH: usize = 200;

/// A pause in typing longer than this starts a new undo step.
pub const BURST_GAP: Duration = Duration::from_millis(1000);

/// The text fields whose typing is grouped, with how to reach them.
type TextField = (&'static str, fn(&mut Draft) -> &mut String);

const TEXT_FIELDS: [TextField; 7] = [
    ("title", |d| &mut d.title),
    ("hook", |d| &mut d.hook),
    ("caption", |d| &mut d.caption),
    ("assignee", |d| &mut d.assignee),
    ("notes", |d| &mut d.notes),
    ("language", |d| &mut d.language),
    ("region", |d| &mut d.region),
];

/// The one text field that differs between `before` and `after`, if typing in it is the
/// only change (a caption edit may also change the hashtags read from it; a sound name edit
/// may change the sound).
pub fn typed_field(before: &Draft, after: &Draft) -> Option<&'static str> {
    for (name, field) in TEXT_FIELDS {
        let mut probe = after.clone();
        *field(&mut probe) = field(&mut before.clone()).clone();
        if name == "caption" {
            probe.hashtags.clone_from(&before.hashtags);
        }
        if probe == *before {
            return Some(name);
        }
    }
    let mut probe = after.clone();
    probe.sound.clone_from(&before.sound);
    (probe == *before && before.sound.is_some() && after.sound.is_some()).then_some("sound")
}

/// Snapshots of the draft in the editor.
#[derive(Debug, Clone)]
pub struct EditHistory {
    past: Vec<Draft>,
    future: Vec<Draft>,
    current: Draft,
    /// The field being typed in and when the last keystroke came.
    burst: Option<(&'static str, Instant)>,
}

impl EditHistory {
    /// A history that starts at `draft`.
    pub fn new(draft: Draft) -> Self {
        Self {
            past: Vec::new(),
            future: Vec::new(),
            current: draft,
            burst: None,
        }
    }

    /// The newest snapshot.
    pub fn current(&self) -> &Draft {
        &self.current
    }

    /// Records `next` as the draft after a change made at `now`.
    pub fn record(&mut self, next: Draft, now: Instant) {
        if next == self.current {
            return;
        }
        let typed = typed_field(&self.current, &next);
        let continues = match (typed, self.burst) {
            (Some(field), Some((last_field, at))) => {
                field == last_field && now.saturating_duration_since(at) <= BURST_GAP
            }
            _ => false,
        };
        if !continues {
            if self.past.len() == DEPTH {
                self.past.remove(0);
            }
            self.past.push(self.current.clone());
        }
        self.burst = typed.map(|field| (field, now));
        self.current = next;
        self.future.clear();
    }

    /// Records `next` as a step of its own (a fix, a chosen file), never merged with typing.
    pub fn record_step(&mut self, next: Draft, now: Instant) {
        self.burst = None;
        self.record(next, now);
        self.burst = None;
    }

    /// Steps back; the draft as it was before the latest step, or `None` at the start.
    pub fn undo(&mut self) -> Option<&Draft> {
        let previous = self.past.pop()?;
        self.future
            .push(std::mem::replace(&mut self.current, previous));
        self.burst = None;
        Some(&self.current)
    }

    /// Steps forward again after an undo; `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Option<&Draft> {
        let next = self.future.pop()?;
        self.past.push(std::mem::replace(&mut self.current, next));
        self.burst = None;
        Some(&self.current)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AccountId, AspectRatio};

    fn blank() -> Draft {
        Draft::blank(AccountId(1), chrono::DateTime::UNIX_EPOCH)
    }

    fn typed(history: &mut EditHistory, text: &str, at: Instant) {
        let mut next = history.current().clone();
        next.caption = text.to_string();
        next.hashtags = crate::domain::hashtags_in(text);
        history.record(next, at);
    }

    #[test]
    fn a_typing_burst_is_one_step_and_a_pause_starts_another() {
        let t0 = Instant::now();
        let mut history = EditHistory::new(blank());
        let ms = Duration::from_millis;
        typed(&mut history, "H", t0);
        typed(&mut history, "He", t0 + ms(200));
        typed(&mut history, "Hello #fyp", t0 + ms(400));
        typed(&mut history, "Hello #fyp again", t0 + ms(3000));
        assert_eq!(
            history.undo().map(|d| d.caption.as_str()),
            Some("Hello #fyp")
        );
        assert_eq!(history.undo().map(|d| d.caption.as_str()), Some(""));
        assert!(history.undo().is_none(), "back at the start");
        assert_eq!(
            history.redo().map(|d| d.caption.as_str()),
            Some("Hello #fyp")
        );
        assert_eq!(
            history.redo().map(|d| d.caption.as_str()),
            Some("Hello #fyp again")
        );
        assert!(history.redo().is_none());
    }

    #[test]
    fn another_field_or_a_picker_is_a_new_step_and_a_new_edit_drops_redo() {
        let t0 = Instant::now();
        let mut history = EditHistory::new(blank());
        typed(&mut history, "Caption", t0);
        let mut next = history.current().clone();
        next.title = "Title".into();
        history.record(next, t0);
        let mut next = history.current().clone();
        next.aspect = AspectRatio::Square;
        history.record(next, t0);
        assert_eq!(
            history.undo().map(|d| d.aspect),
            Some(AspectRatio::Vertical)
        );
        assert_eq!(history.undo().map(|d| d.title.as_str()), Some(""));
        assert!(history.can_redo());
        typed(&mut history, "Caption!", t0);
        assert!(
            !history.can_redo(),
            "a new edit after undo forgets the redo steps"
        );
        assert_eq!(history.undo().map(|d| d.caption.as_str()), Some("Caption"));
    }

    #[test]
    fn the_typed_field_is_found_only_when_it_is_the_only_change() {
        let a = blank();
        let mut b = a.clone();
        b.hook = "Wait for it".into();
        assert_eq!(typed_field(&a, &b), Some("hook"));
        b.allow_duet = false;
        assert_eq!(typed_field(&a, &b), None);
        let mut with_sound = a.clone();
        with_sound.sound = Some("Lo".into());
        let mut longer = with_sound.clone();
        longer.sound = Some("Lofi".into());
        assert_eq!(typed_field(&with_sound, &longer), Some("sound"));
        assert_eq!(
            typed_field(&a, &with_sound),
            None,
            "picking a sound is a step"
        );
    }
}
