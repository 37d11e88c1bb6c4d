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
    AspectRatio, Draft, DraftComment, DraftId, DraftStatus, NativeFeatures, OpeningType,
};
pub use handle::{Handle, HandleError, HandleProblem};
pub use plan::{PlanEntry, PlanEntryId};
pub use subculture::{Colour, Subculture, SubcultureId};
pub use trend::{Lifecycle, TrendCapture, TrendItem, TrendItemId, TrendKind, lifecycle};
pub use trend_reading::{TrendReading, name_key, read_trends, same_name, sound_key};
pub use video::{Snapshot, Video, VideoId};

/// Hashtags found in a caption, in order of appearance, without the `#`, deduplicated
/// case-insensitively. A hashtag runs from `#` to the next whitespace or `#`.
pub fn hashtags_in(caption: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for piece in caption.split(char::is_whitespace) {
        for (i, part) in piece.split('#').enumerate() {
            if i == 0 {
                continue;
            }
            let tag: String = part
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
                .collect();
            let tag = tag.trim_end_matches('.').to_string();
            if !tag.is_empty() && !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                tags.push(tag);
            }
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::hashtags_in;

    #[test]
    fn hashtags_are_read_from_the_caption_in_order_without_duplicates() {
        let tags = hashtags_in("Three knits #cottagecore #knitting#fyp, #CottageCore end.");
        assert_eq!(tags, vec!["cottagecore", "knitting", "fyp"]);
    }

    #[test]
    fn a_lone_hash_is_not_a_hashtag() {
        assert!(hashtags_in("# nothing here #").is_empty());
    }
}
