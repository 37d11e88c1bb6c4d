//! When the editor writes: a short pause after the last change (so a typing burst is one
//! write), but never later than a second after the first unsaved change, so nothing typed is
//! ever more than a second away from the workspace file. Closing the editor, switching drafts
//! and quitting write at once, whatever the timer says.

use std::time::{Duration, Instant};

/// Quiet time after the last change before the draft is written.
pub const PAUSE: Duration = Duration::from_millis(400);

/// The longest an unsaved change waits, even while the user keeps typing.
pub const LIMIT: Duration = Duration::from_millis(1000);

/// The timer of unsaved changes.
#[derive(Debug, Default, Clone, Copy)]
pub struct Autosave {
    /// When the oldest and the newest unsaved change were made.
    pending: Option<(Instant, Instant)>,
}

impl Autosave {
    /// Notes a change made at `now`.
    pub fn changed(&mut self, now: Instant) {
        let first = self.pending.map_or(now, |(first, _)| first);
        self.pending = Some((first, now));
    }

    /// True when there are changes not written yet.
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }

    /// True when the unsaved changes should be written at `now`.
    pub fn is_due(&self, now: Instant) -> bool {
        self.pending.is_some_and(|(first, last)| {
            now.saturating_duration_since(last) >= PAUSE
                || now.saturating_duration_since(first) >= LIMIT
        })
    }

    /// How long until the changes are due (for the next repaint); `None` when nothing waits.
    pub fn due_in(&self, now: Instant) -> Option<Duration> {
        let (first, last) = self.pending?;
        let by_pause = (last + PAUSE).saturating_duration_since(now);
        let by_limit = (first + LIMIT).saturating_duration_since(now);
        Some(by_pause.min(by_limit))
    }

    /// Notes that the changes were handed over for writing.
    pub fn saved(&mut self) {
        self.pending = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pause_after_the_last_change_writes() {
        let t0 = Instant::now();
        let mut autosave = Autosave::default();
        assert!(!autosave.is_due(t0), "nothing to write");
        autosave.changed(t0);
        assert!(autosave.is_pending());
        assert!(!autosave.is_due(t0 + Duration::from_millis(399)));
        assert!(autosave.is_due(t0 + PAUSE));
        autosave.saved();
        assert!(!autosave.is_due(t0 + Duration::from_secs(5)));
        assert_eq!(autosave.due_in(t0), None);
    }

    #[test]
    fn steady_typing_still_writes_within_a_second() {
        let t0 = Instant::now();
        let mut autosave = Autosave::default();
        let mut t = t0;
        while t < t0 + LIMIT {
            autosave.changed(t);
            assert!(!autosave.is_due(t), "not due at {:?}", t - t0);
            t += Duration::from_millis(150);
        }
        assert!(
            autosave.is_due(t0 + LIMIT),
            "due a second after the first keystroke"
        );
        assert_eq!(autosave.due_in(t0 + LIMIT), Some(Duration::ZERO));
    }
}
