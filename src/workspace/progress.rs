//! How long work reports how far it is and learns that the user cancelled.

/// Returned by [`Progress::step`] when the user cancelled: stop and roll back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

/// A listener for long work: the window's job runner shows a bar and a Cancel button; the
/// command line and tests use [`Silent`].
pub trait Progress: Send + Sync {
    /// `done` is the fraction finished (0..=1), `message` says what is happening now.
    fn report(&self, done: f32, message: &str);

    /// True once the user asked to stop.
    fn is_cancelled(&self) -> bool;

    /// Reports and checks for cancellation in one call: `progress.step(0.5, "...")?`.
    fn step(&self, done: f32, message: &str) -> Result<(), Cancelled> {
        self.report(done, message);
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }
}

/// Reports nowhere and never cancels.
pub struct Silent;

impl Progress for Silent {
    fn report(&self, _done: f32, _message: &str) {}

    fn is_cancelled(&self) -> bool {
        false
    }
}
