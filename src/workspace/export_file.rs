//! Writing an exported file (or a backup copy) where the person asked, without ever harming
//! the workspace: the target may not be the workspace itself (however the path is spelled:
//! relative, `./`, `..`, through a symlink or a hard link), its `-wal`/`-shm`/`-journal` files
//! or its lock; an export may not replace its backups or any SQLite database either; and the
//! target must be a regular file or a new one (not a folder, a device or a FIFO). An export is
//! written whole by [`write_whole`] (beside the target, then renamed over it), so a failed
//! export (a full disk) leaves the old file as it was and no `.partial` file behind.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::io::whole_file::{WholeFileError, kind_of, write_whole};
use crate::store::{backup_folder_of, beside};

/// Why an export target was refused, or could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportTargetError {
    #[error(
        "{target} is this workspace's {what}, which Scrollstop never writes over. Choose another file name (e.g. plan.ics); nothing was written."
    )]
    Workspace { target: PathBuf, what: &'static str },

    #[error(
        "{target} is an SQLite database (another workspace, perhaps); an export never replaces one. Choose another file name, e.g. plan.ics; nothing was written."
    )]
    Database { target: PathBuf },

    #[error(
        "{target} is {kind}, not a file. Choose a file name (inside it, for a folder: {target}/plan.ics); nothing was written."
    )]
    NotAFile { target: PathBuf, kind: &'static str },

    #[error(
        "there is no folder {folder} for {target}. Check the path, or create the folder first; nothing was written."
    )]
    NoFolder { target: PathBuf, folder: PathBuf },

    #[error("could not write {target}: {source}. The file was left as it was.")]
    Write {
        target: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Writes `bytes` to `target` for the workspace at `workspace`, after the checks in the module
/// docs: all of it, or nothing (the file as it was before).
pub fn write_export(
    workspace: &Path,
    target: &Path,
    bytes: &[u8],
) -> Result<(), ExportTargetError> {
    let target = check_target(workspace, target)?;
    write_whole(&target, |mut file, _| {
        file.write_all(bytes)?;
        file.sync_all()
    })
    .map_err(|e| ExportTargetError::Write {
        target: target.clone(),
        source: match e {
            WholeFileError::Write(source) | WholeFileError::File(source) => source,
        },
    })
}

/// What is written to a target the person chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// An exported calendar: it never replaces a database or a backup.
    Export,
    /// A backup copy of the workspace: it may replace an older copy (a database), never the
    /// workspace itself or its companions.
    BackupCopy,
}

/// The path the export is written to (symlinks followed), after every check.
pub fn check_target(workspace: &Path, target: &Path) -> Result<PathBuf, ExportTargetError> {
    check_target_for(workspace, target, Written::Export)
}

/// The path `written` goes to (symlinks followed), after the checks that apply to it.
pub fn check_target_for(
    workspace: &Path,
    target: &Path,
    written: Written,
) -> Result<PathBuf, ExportTargetError> {
    let resolved = resolve(target)?;
    let refuse = |what| ExportTargetError::Workspace {
        target: target.to_path_buf(),
        what,
    };
    let ws = fs::canonicalize(workspace).unwrap_or_else(|_| workspace.to_path_buf());
    let protected = [
        (ws.clone(), "own file"),
        (beside(&ws, "-wal"), "write-ahead log (-wal)"),
        (beside(&ws, "-shm"), "shared-memory file (-shm)"),
        (beside(&ws, "-journal"), "journal"),
        (beside(&ws, ".lock"), "lock file"),
    ];
    for (path, what) in &protected {
        if same_file(&resolved, path) {
            return Err(refuse(what));
        }
    }
    let backups = backup_folder_of(&ws);
    let export = written == Written::Export;
    if export && (resolved.starts_with(&backups) || is_migration_copy(&ws, &resolved)) {
        return Err(refuse("backup"));
    }
    match fs::metadata(&resolved) {
        Ok(meta) if !meta.is_file() => Err(ExportTargetError::NotAFile {
            target: target.to_path_buf(),
            kind: kind_of(&meta),
        }),
        Ok(_) if export && is_sqlite(&resolved) => Err(ExportTargetError::Database {
            target: target.to_path_buf(),
        }),
        _ => Ok(resolved),
    }
}

/// `target` with every symlink followed: the file itself when it exists, else the new file's
/// name in its (existing) folder.
fn resolve(target: &Path) -> Result<PathBuf, ExportTargetError> {
    if let Ok(real) = fs::canonicalize(target) {
        return Ok(real);
    }
    let folder = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let not_a_file = |kind| ExportTargetError::NotAFile {
        target: target.to_path_buf(),
        kind,
    };
    let Some(name) = target.file_name() else {
        // `..`, `/` or a path ending in `..`: a folder.
        return Err(not_a_file("a folder"));
    };
    match fs::canonicalize(folder) {
        Ok(real) if real.is_dir() => Ok(real.join(name)),
        Ok(_) => Err(not_a_file("inside something that is not a folder")),
        Err(_) => Err(ExportTargetError::NoFolder {
            target: target.to_path_buf(),
            folder: folder.to_path_buf(),
        }),
    }
}

/// The same file: the same path, or (hard links, case-insensitive names) the same inode.
fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (fs::metadata(a), fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    false
}

/// `team.sqlite.v2.bak`: the copy set aside before a migration.
fn is_migration_copy(workspace: &Path, path: &Path) -> bool {
    let (Some(own), Some(name)) = (workspace.file_name(), path.file_name()) else {
        return false;
    };
    path.parent() == workspace.parent()
        && name
            .to_string_lossy()
            .strip_prefix(own.to_string_lossy().as_ref())
            .is_some_and(|rest| rest.starts_with(".v") && rest.ends_with(".bak"))
}

fn is_sqlite(path: &Path) -> bool {
    let mut header = [0u8; 16];
    File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut header))
        .is_ok_and(|()| &header == b"SQLite format 3\0")
}

#[cfg(test)]
mod tests;
