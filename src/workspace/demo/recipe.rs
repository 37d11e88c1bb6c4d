//! The demo's recipe: the texts, accounts, audiences and trend shapes in `assets/demo.json`,
//! embedded in the binary; its subcultures are the catalogue in [`crate::domain`].
//!
//! Everything here is fixed data; nothing random and nothing read from disk at run time. A
//! recipe that does not parse is a bug caught by the unit test below, never a user error.

use std::sync::LazyLock;

use chrono_tz::Tz;
use serde::{Deserialize, Deserializer};

use crate::domain::{AspectRatio, DraftStatus, OpeningType, Subculture, TrendKind};

static DEMO: LazyLock<Recipe> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../../assets/demo.json"))
        .expect("assets/demo.json is embedded and checked by a unit test")
});

/// The demo workspace's recipe.
pub(super) fn demo() -> &'static Recipe {
    &DEMO
}

/// The subcultures the demo posts into: the catalogue every new workspace starts with.
pub(super) fn seeded_subcultures() -> Vec<Subculture> {
    crate::domain::subculture_catalogue()
}

#[derive(Debug, Deserialize)]
pub(super) struct Recipe {
    /// The team drafts are assigned to and reviewed by.
    pub team: Vec<String>,
    pub trends: Vec<TrendRecipe>,
    pub accounts: Vec<AccountRecipe>,
}

/// How a trend's rank moves over the weeks it was captured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum Shape {
    Rising,
    Peaking,
    Fading,
}

#[derive(Debug, Deserialize)]
pub(super) struct TrendRecipe {
    #[serde(deserialize_with = "trend_kind")]
    pub kind: TrendKind,
    pub name: String,
    pub region: String,
    #[serde(default)]
    pub industry: String,
    pub shape: Shape,
    /// The best rank the item reaches in its captures.
    pub best_rank: u32,
    pub bpm: Option<u16>,
    pub duration_s: Option<f32>,
    pub commercial_ok: Option<bool>,
}

#[derive(Debug, Deserialize)]
pub(super) struct AccountRecipe {
    pub handle: String,
    pub display_name: String,
    #[serde(deserialize_with = "zone")]
    pub time_zone: Tz,
    pub region: String,
    pub language: String,
    /// `deel` or `part`: appended to a history caption the second time a series runs.
    pub series_word: String,
    /// Sounds the account uses that are not on any trend list.
    pub library_sounds: Vec<LibrarySound>,
    pub audience: AudienceRecipe,
    pub history: Vec<HistoryTheme>,
    pub drafts: Vec<DraftRecipe>,
}

#[derive(Debug, Deserialize)]
pub(super) struct LibrarySound {
    pub name: String,
    pub bpm: Option<u16>,
}

#[derive(Debug, Deserialize)]
pub(super) struct AudienceRecipe {
    /// Median lifetime views of a video.
    pub median_views: f64,
    /// Spread of lifetime views on the natural log scale.
    pub sigma: f64,
    /// Followers on the first day of the history.
    pub followers: i64,
    /// New followers per video view.
    pub follow_rate: f64,
    /// Local hours posts go out at; repeats weight an hour.
    pub posting_hours: Vec<u32>,
    pub activity: ActivityRecipe,
    pub gender: Vec<(String, f64)>,
    pub territories: Vec<(String, f64)>,
}

/// Followers online by local hour: a floor plus bumps `[centre hour, width in hours, height]`,
/// scaled so the highest hour has `peak_share` of all followers online.
#[derive(Debug, Deserialize)]
pub(super) struct ActivityRecipe {
    pub peak_share: f64,
    pub floor: f64,
    pub weekday: Vec<[f64; 3]>,
    pub weekend: Vec<[f64; 3]>,
}

/// Captions of past posts in one subculture; hashtags are drawn from the subculture.
#[derive(Debug, Deserialize)]
pub(super) struct HistoryTheme {
    pub subculture: String,
    #[serde(default)]
    pub extra_hashtags: Vec<String>,
    pub captions: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct DraftRecipe {
    pub title: String,
    #[serde(deserialize_with = "status")]
    pub status: DraftStatus,
    pub subculture: Option<String>,
    pub hook: String,
    #[serde(deserialize_with = "opening")]
    pub opening: OpeningType,
    pub caption: String,
    pub sound: Option<String>,
    /// Only for sounds that are not on a trend list (those bring their own BPM).
    pub bpm: Option<u16>,
    pub duration_s: Option<f32>,
    #[serde(default = "vertical", deserialize_with = "aspect")]
    pub aspect: AspectRatio,
    /// `text`, `effects`, `green_screen`.
    #[serde(default)]
    pub features: Vec<String>,
    pub trending_effect: Option<String>,
    #[serde(default = "yes")]
    pub duet: bool,
    #[serde(default = "yes")]
    pub stitch: bool,
    pub language: Option<String>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub trashed: bool,
    #[serde(default)]
    pub comments: Vec<CommentRecipe>,
    /// Posted drafts only: how long before the demo's today the video went out.
    pub posted_days_ago: Option<u32>,
}

#[derive(Debug, Deserialize)]
pub(super) struct CommentRecipe {
    pub author: String,
    pub text: String,
}

fn yes() -> bool {
    true
}

fn vertical() -> AspectRatio {
    AspectRatio::Vertical
}

/// Reads a string and turns it into `T` with `parse`, naming `what` when it does not fit.
fn parsed<'de, D: Deserializer<'de>, T>(
    d: D,
    parse: impl Fn(&str) -> Option<T>,
    what: &str,
) -> Result<T, D::Error> {
    let text = String::deserialize(d)?;
    parse(&text).ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not a {what}")))
}

fn status<'de, D: Deserializer<'de>>(d: D) -> Result<DraftStatus, D::Error> {
    parsed(d, DraftStatus::parse, "draft status")
}

fn opening<'de, D: Deserializer<'de>>(d: D) -> Result<OpeningType, D::Error> {
    parsed(d, OpeningType::parse, "opening type")
}

fn aspect<'de, D: Deserializer<'de>>(d: D) -> Result<AspectRatio, D::Error> {
    parsed(d, AspectRatio::parse, "aspect ratio")
}

fn trend_kind<'de, D: Deserializer<'de>>(d: D) -> Result<TrendKind, D::Error> {
    parsed(d, TrendKind::parse, "trend kind")
}

fn zone<'de, D: Deserializer<'de>>(d: D) -> Result<Tz, D::Error> {
    parsed(d, |s| s.parse::<Tz>().ok(), "IANA time zone")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_recipes_parse_and_fit_together() {
        let recipe = demo();
        let subcultures = seeded_subcultures();
        assert_eq!(subcultures.len(), 6);
        for s in &subcultures {
            assert!((3..=6).contains(&s.hashtags.len()), "{}", s.name);
        }
        let known = |name: &str| subcultures.iter().any(|s| s.name == name);
        for account in &recipe.accounts {
            for theme in &account.history {
                assert!(known(&theme.subculture), "{}", theme.subculture);
                assert!(!theme.captions.is_empty());
            }
            for d in &account.drafts {
                assert!(d.subculture.as_deref().is_none_or(known), "{}", d.title);
                assert_eq!(
                    d.posted_days_ago.is_some(),
                    d.status == DraftStatus::Posted,
                    "{}",
                    d.title
                );
                for f in &d.features {
                    assert!(
                        ["text", "effects", "green_screen"].contains(&f.as_str()),
                        "{f}"
                    );
                }
            }
            let shares: f64 = account.audience.gender.iter().map(|g| g.1).sum();
            assert!((shares - 1.0).abs() < 1e-9, "{shares}");
            let shares: f64 = account.audience.territories.iter().map(|g| g.1).sum();
            assert!((shares - 1.0).abs() < 1e-9, "{shares}");
        }
    }
}
