//! What TikTok itself refuses: the one table of platform limits (`assets/platform_limits.json`,
//! embedded in the binary), each number with its source and the month it was checked.
//!
//! Only these numbers make a finding an error. The seed article's numbers are advice and live
//! with the checks that cite them; they must never be presented as TikTok's limits. Nothing
//! here reads a file at run time: a table that does not parse is a bug caught by the unit test
//! below.

use std::sync::LazyLock;

use serde::Deserialize;

/// One limit: the number, what it limits, and where it comes from.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PlatformLimit {
    pub value: f64,
    pub unit: String,
    pub what: String,
    pub source: String,
    /// The month the source was last checked, e.g. `2026-12`.
    pub checked: String,
}

impl PlatformLimit {
    /// The value as a count (characters).
    pub fn count(&self) -> usize {
        self.value.max(0.0) as usize
    }

    /// `TikTok Help Center, captions, checked 2026-12`, for a finding's source line.
    pub fn cited(&self) -> String {
        format!("{}, checked {}", self.source, self.checked)
    }
}

/// Every limit the checks know.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PlatformLimits {
    pub caption_in_app: PlatformLimit,
    pub caption_posting_api: PlatformLimit,
    pub video_upload: PlatformLimit,
    pub video_in_app_recording: PlatformLimit,
}

static LIMITS: LazyLock<PlatformLimits> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../assets/platform_limits.json"))
        .expect("assets/platform_limits.json is embedded and checked by a unit test")
});

/// TikTok's limits as the table gives them.
pub fn platform_limits() -> &'static PlatformLimits {
    &LIMITS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_every_limit_says_where_it_comes_from() {
        let l = platform_limits();
        for limit in [
            &l.caption_in_app,
            &l.caption_posting_api,
            &l.video_upload,
            &l.video_in_app_recording,
        ] {
            assert!(limit.value > 0.0, "{limit:?}");
            assert!(
                !limit.source.is_empty() && !limit.what.is_empty(),
                "{limit:?}"
            );
            assert!(
                limit.checked.len() == 7 && limit.checked.starts_with("20"),
                "{limit:?}"
            );
        }
        assert_eq!(l.caption_in_app.count(), 4000);
        assert_eq!(l.caption_posting_api.count(), 2200);
        assert!(l.video_upload.value >= l.video_in_app_recording.value);
        assert!(
            l.video_in_app_recording.value > 180.0,
            "far longer than the seed's 3 minutes"
        );
    }
}
