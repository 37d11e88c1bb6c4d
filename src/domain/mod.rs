//! Plain types of the user's world: accounts and their handles, subcultures, drafts, trends, videos and their
//! count snapshots, analytics, plan entries and import records.
//!
//! This layer holds data and small rules about that data only. It never touches files, the
//! database or egui; every other layer depends on it, and it depends on nothing of ours.

mod account;
mod analytics;
mod catalogue;
mod draft;
mod handle;
mod hashtags;
mod plan;
mod subculture;
mod trend;
mod trend_reading;
mod video;

pub use account::{Account, AccountId, Cadence, NewAccount};
pub use analytics::{
    AudienceDimension, AudienceShare, DailyMetrics, FollowerActivity, ImportRecord,
};
pub use catalogue::{in_catalogue, subculture_catalogue};
pub use draft::{
    AspectRatio, Draft, DraftComment, DraftId, DraftOutline, DraftStatus, NativeFeatures,
    OpeningType,
};
pub use handle::{Handle, HandleError, HandleProblem};
pub use hashtags::{contains_tag, hashtags_after, hashtags_in};
pub use plan::{PlanEntry, PlanEntryId};
pub use subculture::{Colour, Subculture, SubcultureId};
pub use trend::{Lifecycle, TrendCapture, TrendItem, TrendItemId, TrendKind, lifecycle};
pub use trend_reading::{TrendReading, name_key, read_trends, same_name, sound_key};
pub use video::{Snapshot, Video, VideoId};
