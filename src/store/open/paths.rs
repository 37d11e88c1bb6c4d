//! The files beside a workspace: SQLite's `-wal` and `-shm`, the backups folder, the copies set
//! aside before migrating, and the folder itself.

use std::fs;
use std::path::{Path, PathBuf};

use super::is_read_only;

/// The folder a workspace file lives in (`.` for a bare file name).
pub(super) fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The folder of the workspace at `path` cannot take SQLite's `-wal`/`-shm` files. While a
/// `-wal` file is there, another connection already writes beside the workspace and the folder
/// is not probed again (background jobs open the workspace often).
pub(super) fn folder_is_read_only(path: &Path) -> bool {
    let folder = folder_of(path);
    let bits = fs::metadata(folder).is_ok_and(|m| m.permissions().readonly());
    bits || (!wal_path(path).exists() && is_read_only(folder))
}

/// `team.sqlite-wal` beside `team.sqlite`.
pub(super) fn wal_path(path: &Path) -> PathBuf {
    beside(path, "-wal")
}

/// `team.sqlite-shm` beside `team.sqlite`.
pub(super) fn shm_path(path: &Path) -> PathBuf {
    beside(path, "-shm")
}

/// The workspace's file name with `suffix` appended, in the same folder.
pub(crate) fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The folder of rolling backups of the workspace at `path`: `team.sqlite.backups/`.
pub(crate) fn backup_folder_of(path: &Path) -> PathBuf {
    beside(path, ".backups")
}

/// The backup copies of the workspace at `path` that exist, newest first: those in its
/// backups folder and the copies set aside before migrating (`team.sqlite.v1.bak`).
pub(crate) fn existing_backups(path: &Path) -> Vec<PathBuf> {
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    let mut add = |candidate: PathBuf| {
        if let Ok(meta) = fs::metadata(&candidate)
            && meta.is_file()
            && meta.len() > 0
        {
            found.push((meta.modified().unwrap_or(std::time::UNIX_EPOCH), candidate));
        }
    };
    if let Ok(entries) = fs::read_dir(backup_folder_of(path)) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.ends_with(".sqlite") && !name.starts_with('.') {
                add(entry.path());
            }
        }
    }
    let own = path.file_name().map(|n| n.to_string_lossy().into_owned());
    if let (Some(own), Ok(entries)) = (own, fs::read_dir(folder_of(path))) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let is_copy = name
                .strip_prefix(own.as_str())
                .and_then(|rest| rest.strip_prefix(".v"))
                .and_then(|rest| rest.strip_suffix(".bak"))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            if is_copy {
                add(entry.path());
            }
        }
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.1.cmp(&a.1)));
    found.into_iter().map(|(_, p)| p).collect()
}
