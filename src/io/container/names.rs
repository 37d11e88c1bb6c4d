//! What TikTok Studio's ZIP names say: the account handle (`Content_<handle>.zip`) and, for
//! Overview, the end of the exported range (`Overview_<start>_<epochEnd>_<handle>.zip`).
//!
//! A name is a hint, never proof: it only ever fills `account_hint` and the stated export
//! instant; it never decides which report a file is.

use chrono::{DateTime, Utc};

use crate::domain::Handle;
use crate::io::studio::FIRST_TIKTOK_SECOND;

/// What a ZIP's file name tells.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ZipName {
    pub account_hint: Option<String>,
    pub stated: Option<DateTime<Utc>>,
}

/// Reads a ZIP's file name (without folders), e.g. `Followers_knitwit (1).zip`.
pub(crate) fn read_zip_name(file_name: &str) -> ZipName {
    let stem = strip_zip_extension(file_name);
    let stem = strip_copy_suffix(stem);
    if let Some(rest) = stem.strip_prefix("Overview_") {
        let mut parts = rest.splitn(3, '_');
        let (_start, end, handle) = (parts.next(), parts.next(), parts.next());
        return ZipName {
            account_hint: handle.and_then(valid_handle),
            stated: end.and_then(epoch),
        };
    }
    let handle = ["Content_", "Viewers_", "Followers_"]
        .iter()
        .find_map(|prefix| stem.strip_prefix(prefix))
        .and_then(valid_handle);
    ZipName {
        account_hint: handle,
        stated: None,
    }
}

fn strip_zip_extension(name: &str) -> &str {
    match name
        .len()
        .checked_sub(4)
        .and_then(|at| name.get(at..).map(|ext| (at, ext)))
    {
        Some((at, ext)) if ext.eq_ignore_ascii_case(".zip") => &name[..at],
        _ => name,
    }
}

/// Drops what browsers add to a re-download: ` (1)`, ` 2`, `-1`.
fn strip_copy_suffix(stem: &str) -> &str {
    let trimmed = stem.trim_end();
    if let Some(open) = trimmed.rfind(" (")
        && trimmed.ends_with(')')
        && trimmed[open + 2..trimmed.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_digit())
    {
        return &trimmed[..open];
    }
    if let Some(space) = trimmed.rfind(' ')
        && trimmed[space + 1..].bytes().all(|b| b.is_ascii_digit())
    {
        return &trimmed[..space];
    }
    trimmed
}

/// The handle a name carries, when it is a valid TikTok handle.
fn valid_handle(handle: &str) -> Option<String> {
    Handle::parse(handle)
        .ok()
        .map(|handle| handle.as_str().to_string())
}

/// Unix seconds, or milliseconds when the number is too big to be seconds.
fn epoch(text: &str) -> Option<DateTime<Utc>> {
    if text.is_empty() || text.len() > 16 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: i64 = text.parse().ok()?;
    let seconds = if number > 100_000_000_000 {
        number / 1000
    } else {
        number
    };
    (seconds >= FIRST_TIKTOK_SECOND)
        .then(|| DateTime::from_timestamp(seconds, 0))
        .flatten()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn overview_names_carry_the_handle_and_the_range_end() {
        let name = read_zip_name("Overview_1735689600_1767398400_knit_wit.zip");
        assert_eq!(name.account_hint.as_deref(), Some("knit_wit"));
        assert_eq!(
            name.stated,
            Utc.with_ymd_and_hms(2026, 1, 3, 0, 0, 0).single()
        );
        let millis = read_zip_name("Overview_0_1767398400000_knitwit (1).ZIP");
        assert_eq!(
            millis.stated,
            Utc.with_ymd_and_hms(2026, 1, 3, 0, 0, 0).single()
        );
        assert_eq!(millis.account_hint.as_deref(), Some("knitwit"));
    }

    #[test]
    fn other_reports_carry_the_handle() {
        assert_eq!(
            read_zip_name("Content_knitwit.zip").account_hint.as_deref(),
            Some("knitwit")
        );
        assert_eq!(
            read_zip_name("Followers_knit.wit 2.zip")
                .account_hint
                .as_deref(),
            Some("knit.wit")
        );
        assert_eq!(read_zip_name("Viewers_x.zip").stated, None);
    }

    #[test]
    fn other_names_tell_nothing() {
        for name in [
            "exports.zip",
            "Content_.zip",
            "Content_bad handle!.zip",
            "Overview_1_2_x.zip",
            "",
            "Overview_",
        ] {
            let read = read_zip_name(name);
            assert!(read.stated.is_none(), "{name}");
            if name != "Overview_1_2_x.zip" {
                assert!(read.account_hint.is_none(), "{name}");
            }
        }
    }
}
