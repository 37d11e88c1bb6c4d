//! Finding the files in a dropped folder: recursively, in name order, skipping hidden files
//! and archiver noise, within a depth and a file count, and noting what it passed over (so a
//! folder with nothing to import can say what it does hold).
//!
//! It never follows a symbolic link to a folder (a link loop would never end), never takes
//! anything but a regular file (or a link to one), and never opens a file: it only lists them
//! with the names the user knows them by.

use std::fs;
use std::path::{Path, PathBuf};

use super::Limits;
use crate::io::ImportError;

/// A file found in a folder, with the name shown to the user (`exports/Content_x.zip`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub path: PathBuf,
    pub shown_as: String,
}

/// What a folder holds: the files to read, and what was passed over and why.
#[derive(Debug, Default)]
pub(crate) struct Listing {
    pub files: Vec<Found>,
    /// `(name as shown, why it was passed over)`, in walking order.
    pub passed_over: Vec<(String, &'static str)>,
}

impl Listing {
    /// What the folder holds in words, for a folder with no file to read: `it is empty`, or
    /// the first few things passed over with the reason.
    pub fn described(&self) -> String {
        const SHOWN: usize = 5;
        if self.passed_over.is_empty() {
            return "it holds no files".to_string();
        }
        let mut parts: Vec<String> = self
            .passed_over
            .iter()
            .take(SHOWN)
            .map(|(name, why)| format!("{name} ({why})"))
            .collect();
        if self.passed_over.len() > SHOWN {
            parts.push(format!("{} more", self.passed_over.len() - SHOWN));
        }
        format!("it holds only {}", parts.join(", "))
    }
}

/// Lists the files under `root`; `shown_as` is how the user knows the folder itself.
pub(crate) fn files_in(
    root: &Path,
    shown_as: &str,
    limits: &Limits,
) -> Result<Listing, ImportError> {
    let mut listing = Listing::default();
    walk(root, shown_as, 0, limits, &mut listing)?;
    Ok(listing)
}

fn walk(
    folder: &Path,
    shown_as: &str,
    depth: usize,
    limits: &Limits,
    listing: &mut Listing,
) -> Result<(), ImportError> {
    let io_error = |source| ImportError::Io {
        path: folder.to_path_buf(),
        source,
    };
    let mut entries: Vec<(String, PathBuf)> = fs::read_dir(folder)
        .map_err(io_error)?
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    entries.sort();
    for (name, path) in entries {
        let shown = format!("{shown_as}/{name}");
        if is_hidden(&name) {
            listing.passed_over.push((shown, "hidden"));
            continue;
        }
        let Ok(meta) = fs::symlink_metadata(&path) else {
            listing.passed_over.push((shown, "cannot be read"));
            continue;
        };
        if meta.is_dir() {
            if depth + 1 > limits.max_folder_depth {
                return Err(ImportError::Unreadable {
                    file: shown,
                    reason: format!(
                        "folders nest deeper than {} levels; drop the export files or a folder closer to them",
                        limits.max_folder_depth
                    ),
                });
            }
            walk(&path, &shown, depth + 1, limits, listing)?;
        } else if meta.is_file() || (meta.is_symlink() && path.is_file()) {
            if listing.files.len() >= limits.max_folder_files {
                return Err(ImportError::Unreadable {
                    file: shown_as.to_string(),
                    reason: format!(
                        "the folder holds more than {} files; drop the export files or a smaller folder",
                        limits.max_folder_files
                    ),
                });
            }
            listing.files.push(Found {
                path,
                shown_as: shown,
            });
        } else {
            listing
                .passed_over
                .push((shown, passed_over_because(&meta, &path)));
        }
    }
    Ok(())
}

/// Why an entry that is neither a folder nor a file to read was passed over.
fn passed_over_because(meta: &fs::Metadata, path: &Path) -> &'static str {
    if !meta.is_symlink() {
        return "not a regular file";
    }
    // Asking where the link leads fails for a loop or a missing target: it never hangs.
    match fs::metadata(path) {
        Ok(target) if target.is_dir() => "a link to a folder, not followed",
        Ok(_) => "a link to something that is not a regular file",
        Err(_) => "a link that leads nowhere or in a loop",
    }
}

/// Hidden files and folders, and what operating systems and archivers leave behind.
fn is_hidden(name: &str) -> bool {
    name.starts_with('.') || name == "__MACOSX" || name == "Thumbs.db" || name == "desktop.ini"
}
