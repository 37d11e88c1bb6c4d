//! Finding the files in a dropped folder: recursively, in name order, skipping hidden files
//! and archiver noise, within a depth and a file count.
//!
//! It never follows a symbolic link to a folder (a link loop would never end), and never opens
//! a file: it only lists them with the names the user knows them by.

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

/// Lists the files under `root`; `shown_as` is how the user knows the folder itself.
pub(crate) fn files_in(
    root: &Path,
    shown_as: &str,
    limits: &Limits,
) -> Result<Vec<Found>, ImportError> {
    let mut found = Vec::new();
    walk(root, shown_as, 0, limits, &mut found)?;
    Ok(found)
}

fn walk(
    folder: &Path,
    shown_as: &str,
    depth: usize,
    limits: &Limits,
    found: &mut Vec<Found>,
) -> Result<(), ImportError> {
    let io_error = |source| ImportError::Io {
        path: folder.to_path_buf(),
        source,
    };
    let mut entries: Vec<(String, PathBuf)> = fs::read_dir(folder)
        .map_err(io_error)?
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(name, _)| !is_hidden(name))
        .collect();
    entries.sort();
    for (name, path) in entries {
        let shown = format!("{shown_as}/{name}");
        let Ok(meta) = fs::symlink_metadata(&path) else {
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
            walk(&path, &shown, depth + 1, limits, found)?;
        } else if meta.is_file() || (meta.is_symlink() && path.is_file()) {
            if found.len() >= limits.max_folder_files {
                return Err(ImportError::Unreadable {
                    file: shown_as.to_string(),
                    reason: format!(
                        "the folder holds more than {} files; drop the export files or a smaller folder",
                        limits.max_folder_files
                    ),
                });
            }
            found.push(Found {
                path,
                shown_as: shown,
            });
        }
    }
    Ok(())
}

/// Hidden files and folders, and what operating systems and archivers leave behind.
fn is_hidden(name: &str) -> bool {
    name.starts_with('.') || name == "__MACOSX" || name == "Thumbs.db" || name == "desktop.ini"
}
