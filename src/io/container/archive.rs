//! Reading ZIP archives in memory (TikTok's downloads, and the ZIP an XLSX is), within limits:
//! at most so many entries, none over a size, none whose name points outside the archive.
//!
//! It never extracts anything to disk, never trusts an entry's declared size (reads stop at the
//! limit), and refuses a whole archive that breaks a rule before reading any entry of it.

use std::io::{Cursor, Read};

use chrono::{DateTime, NaiveDate, Utc};
use zip::ZipArchive;

use super::Limits;
use crate::io::studio::FIRST_TIKTOK_SECOND;

/// One file inside an archive.
#[derive(Debug)]
pub(crate) struct Entry {
    pub bytes: Vec<u8>,
    /// The time stored with the entry, when it is a plausible one.
    pub modified: Option<DateTime<Utc>>,
}

/// An archive whose names, count and declared sizes were checked.
pub(crate) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
}

/// Whether bytes start like a ZIP (a local file header, or an empty archive's end record).
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

impl<'a> Archive<'a> {
    /// Opens and checks an archive; the reason says what is wrong in the user's words.
    pub fn open(bytes: &'a [u8], limits: &Limits) -> Result<Archive<'a>, String> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|err| {
            format!("this ZIP file is damaged or incomplete ({err}); download it again")
        })?;
        if zip.len() > limits.max_zip_entries {
            return Err(format!(
                "this ZIP holds {} entries; Scrollstop reads at most {} from one ZIP (TikTok's hold one to four), so it was not opened",
                zip.len(),
                limits.max_zip_entries
            ));
        }
        let mut archive = Archive {
            zip,
            limits: limits.clone(),
        };
        for index in 0..archive.zip.len() {
            let entry = archive
                .zip
                .by_index_raw(index)
                .map_err(|err| format!("entry {} of this ZIP is damaged ({err})", index + 1))?;
            let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
            if !is_safe_name(&name) || entry.enclosed_name().is_none() {
                return Err(format!(
                    "this ZIP holds an entry named \"{}\" that points outside the archive; it was not made by TikTok Studio and was not opened",
                    name.chars().take(120).collect::<String>()
                ));
            }
            if entry.size() > limits.max_entry_bytes {
                return Err(format!(
                    "\"{name}\" in this ZIP unpacks to {} MB, over the {} MB limit for one file; it was not opened",
                    entry.size() / 1_000_000,
                    limits.max_entry_bytes / 1_000_000
                ));
            }
        }
        Ok(archive)
    }

    /// Entry names in archive order, with their index.
    pub fn names(&self) -> Vec<(usize, String)> {
        (0..self.zip.len())
            .filter_map(|i| Some((i, self.zip.name_for_index(i)?.ok()?.into_owned())))
            .collect()
    }

    /// Whether an entry of this exact name exists.
    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// Reads one entry; directories and noise (`__MACOSX/`, `.DS_Store`) read as `None`.
    pub fn read(&mut self, index: usize) -> Result<Option<Entry>, String> {
        let mut file = self.zip.by_index(index).map_err(|err| match err {
            zip::result::ZipError::UnsupportedArchive(what) => {
                format!("entry {} cannot be read: {what} (encrypted or compressed in a way Scrollstop does not read)", index + 1)
            }
            other => format!("entry {} of this ZIP is damaged ({other})", index + 1),
        })?;
        let name = file.name().map_err(|err| err.to_string())?.to_string();
        if file.is_dir() || is_noise(&name) {
            return Ok(None);
        }
        let limit = self.limits.max_entry_bytes;
        let mut bytes = Vec::new();
        file.by_ref()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|err| {
                format!(
                    "\"{name}\" in this ZIP cannot be unpacked ({err}); download the export again"
                )
            })?;
        if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
            return Err(format!(
                "\"{name}\" unpacks to more than {} MB (more than it says); it was not read",
                limit / 1_000_000
            ));
        }
        let modified = file.last_modified().and_then(|t| {
            NaiveDate::from_ymd_opt(
                i32::from(t.year()),
                u32::from(t.month()),
                u32::from(t.day()),
            )?
            .and_hms_opt(
                u32::from(t.hour()),
                u32::from(t.minute()),
                u32::from(t.second()),
            )
            .map(|at| at.and_utc())
            .filter(|at| at.timestamp() >= FIRST_TIKTOK_SECOND)
        });
        Ok(Some(Entry { bytes, modified }))
    }
}

/// Refuses absolute paths, drive letters, backslashes and `..` anywhere, even where `..`
/// would stay inside: TikTok's entries sit at the root with plain names.
fn is_safe_name(name: &str) -> bool {
    !name.starts_with('/')
        && !name.contains('\\')
        && !name.contains('\0')
        && name.get(1..2).is_none_or(|c| c != ":")
        && !name.split('/').any(|part| part == "..")
}

/// Files archivers add that are never anyone's data.
fn is_noise(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    name.starts_with("__MACOSX/")
        || base.starts_with("._")
        || base == ".DS_Store"
        || base == "Thumbs.db"
}
