//! Reading on one core while writing on the other: the readers run on a thread of their own
//! and push into a [`Relay`], which hands what they push, in order and in bundles, to the
//! writing thread; there [`deliver`] passes it on to the real sink (the import's writer).
//!
//! A big history spends about as long in parsing as in SQLite, so overlapping the two nearly
//! halves the import. The channel is bounded, so memory stays at a few bundles however big the
//! file. The writing side answers the readers' [`Sink::keep_going`] through a shared flag:
//! once the writer stops (the user cancelled, or a write failed) the readers stop too.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use crate::domain::DailyMetrics;
use crate::io::{
    ActivityRecord, DraftRecord, FileSummary, Rejected, ReportKind, ShareRecord, Sink, TrendRecord,
    VideoRecord,
};

/// How many pushes travel together (one channel send per bundle, not per row).
const BUNDLE: usize = 512;
/// How many bundles may wait for the writer before the readers wait in turn.
const BUNDLES_IN_FLIGHT: usize = 8;

/// One call the readers made on their sink, with the file it was for.
enum Pushed {
    File(FileSummary),
    Daily(Arc<str>, DailyMetrics),
    Video(Arc<str>, VideoRecord),
    Activity(Arc<str>, ActivityRecord),
    Share(Arc<str>, ShareRecord),
    Trend(Arc<str>, Box<TrendRecord>),
    Draft(Arc<str>, Box<DraftRecord>),
    Reject(Rejected),
    Discard(Arc<str>),
    Streaming(Arc<str>, ReportKind, bool),
    Progress(Arc<str>, f32),
}

/// The readers' end: a sink that sends what is pushed into it to the writing thread.
pub(super) struct Relay<'s> {
    sender: SyncSender<Vec<Pushed>>,
    bundle: Vec<Pushed>,
    /// The file of the last push, shared by its records rather than copied for each.
    file: Option<Arc<str>>,
    stopped: &'s AtomicBool,
}

/// The writing end: bundles of pushes, in the order they were made.
pub(super) struct Delivery {
    receiver: Receiver<Vec<Pushed>>,
}

/// A relay and its delivery; `stopped` is the flag the writing side raises to stop the readers.
pub(super) fn relay(stopped: &AtomicBool) -> (Relay<'_>, Delivery) {
    let (sender, receiver) = sync_channel(BUNDLES_IN_FLIGHT);
    (
        Relay {
            sender,
            bundle: Vec::with_capacity(BUNDLE),
            file: None,
            stopped,
        },
        Delivery { receiver },
    )
}

impl Relay<'_> {
    fn file(&mut self, file: &str) -> Arc<str> {
        match &self.file {
            Some(last) if **last == *file => Arc::clone(last),
            _ => {
                let shared: Arc<str> = Arc::from(file);
                self.file = Some(Arc::clone(&shared));
                shared
            }
        }
    }

    fn push(&mut self, pushed: Pushed) {
        self.bundle.push(pushed);
        if self.bundle.len() >= BUNDLE {
            self.send();
        }
    }

    fn send(&mut self) {
        if self.bundle.is_empty() {
            return;
        }
        let bundle = std::mem::replace(&mut self.bundle, Vec::with_capacity(BUNDLE));
        if self.sender.send(bundle).is_err() {
            // The writing side is gone: nothing more can be written, so stop reading.
            self.stopped.store(true, Ordering::Relaxed);
        }
    }
}

impl Drop for Relay<'_> {
    fn drop(&mut self) {
        self.send();
    }
}

impl Sink for Relay<'_> {
    fn file(&mut self, summary: FileSummary) {
        self.push(Pushed::File(summary));
    }
    fn daily(&mut self, file: &str, metrics: DailyMetrics) {
        let file = self.file(file);
        self.push(Pushed::Daily(file, metrics));
    }
    fn video(&mut self, file: &str, video: VideoRecord) {
        let file = self.file(file);
        self.push(Pushed::Video(file, video));
    }
    fn activity(&mut self, file: &str, hour: ActivityRecord) {
        let file = self.file(file);
        self.push(Pushed::Activity(file, hour));
    }
    fn share(&mut self, file: &str, share: ShareRecord) {
        let file = self.file(file);
        self.push(Pushed::Share(file, share));
    }
    fn trend(&mut self, file: &str, trend: TrendRecord) {
        let file = self.file(file);
        self.push(Pushed::Trend(file, Box::new(trend)));
    }
    fn draft(&mut self, file: &str, draft: DraftRecord) {
        let file = self.file(file);
        self.push(Pushed::Draft(file, Box::new(draft)));
    }
    fn reject(&mut self, rejected: Rejected) {
        self.push(Pushed::Reject(rejected));
    }
    fn discard(&mut self, file: &str) {
        let file = self.file(file);
        self.push(Pushed::Discard(file));
    }
    fn streaming(&mut self, file: &str, kind: ReportKind, rows_name_accounts: bool) {
        let file = self.file(file);
        self.push(Pushed::Streaming(file, kind, rows_name_accounts));
    }
    fn keep_going(&mut self, file: &str, done: f32) -> bool {
        let file = self.file(file);
        self.push(Pushed::Progress(file, done));
        !self.stopped.load(Ordering::Relaxed)
    }
}

impl Delivery {
    /// Passes every push on to `sink`, in order, until the readers are done. When `sink`
    /// says not to go on, `stopped` is raised for the readers and the rest is dropped.
    pub(super) fn deliver(self, sink: &mut dyn Sink, stopped: &AtomicBool) {
        for bundle in self.receiver {
            if stopped.load(Ordering::Relaxed) {
                continue; // drained so the readers never wait on a full channel
            }
            for pushed in bundle {
                if !pass_on(pushed, sink) {
                    stopped.store(true, Ordering::Relaxed);
                    break;
                }
            }
        }
    }
}

/// Makes the call `pushed` records on `sink`; false when the sink asks to stop.
fn pass_on(pushed: Pushed, sink: &mut dyn Sink) -> bool {
    match pushed {
        Pushed::File(summary) => sink.file(summary),
        Pushed::Daily(file, metrics) => sink.daily(&file, metrics),
        Pushed::Video(file, video) => sink.video(&file, video),
        Pushed::Activity(file, hour) => sink.activity(&file, hour),
        Pushed::Share(file, share) => sink.share(&file, share),
        Pushed::Trend(file, trend) => sink.trend(&file, *trend),
        Pushed::Draft(file, draft) => sink.draft(&file, *draft),
        Pushed::Reject(rejected) => sink.reject(rejected),
        Pushed::Discard(file) => sink.discard(&file),
        Pushed::Streaming(file, kind, names) => sink.streaming(&file, kind, names),
        Pushed::Progress(file, done) => return sink.keep_going(&file, done),
    }
    true
}
