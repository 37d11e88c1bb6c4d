//! Writing a file whole or not at all, the one way Scrollstop replaces a file the person
//! chose (an exported calendar, a backup copy): the new contents go to `.NAME.partial` beside
//! the target, created new (a stale partial, or a link planted in its place, is removed first,
//! so the write never follows a link elsewhere); the target is looked at again just before the
//! partial is renamed over it (it may not have become a folder, a device or a FIFO meanwhile);
//! and on any failure the partial is removed, so the target stays as it was and nothing is
//! left behind. Which targets are allowed at all is the caller's question
//! (`workspace::export_file`); this file only writes.

use std::fs::{self, File, Metadata};
use std::path::{Path, PathBuf};

/// Why a file was not written: the caller's writer failed, or the file system refused.
#[derive(Debug)]
pub enum WholeFileError<E> {
    /// The writer handed to [`write_whole`] failed.
    Write(E),
    /// Creating the partial file or renaming it over the target failed (or the target became
    /// something other than a regular file).
    File(std::io::Error),
}

/// Writes `target` whole: `write` fills the new, empty partial file (handed over open, with
/// its path for writers that open it themselves, such as SQLite), then the partial replaces
/// `target`. On an error the partial is gone and `target` is as it was.
pub fn write_whole<E>(
    target: &Path,
    write: impl FnOnce(File, &Path) -> Result<(), E>,
) -> Result<(), WholeFileError<E>> {
    let partial = partial_path(target);
    let written = create_partial(&partial)
        .map_err(WholeFileError::File)
        .and_then(|file| write(file, &partial).map_err(WholeFileError::Write))
        .and_then(|()| rename_over(&partial, target).map_err(WholeFileError::File));
    if written.is_err() {
        let _ = fs::remove_file(&partial);
    }
    written
}

/// `plan.ics` is written as `.plan.ics.partial` in the same folder, then renamed.
pub fn partial_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.partial"))
}

/// What a file that is not a regular one is, in words: `a folder`, `a device`, ...
pub fn kind_of(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// The partial file, created anew. A stale `.partial` (or a symlink put in its place) is
/// removed first, so the write never follows a link elsewhere.
fn create_partial(partial: &Path) -> std::io::Result<File> {
    if fs::symlink_metadata(partial).is_ok_and(|m| !m.is_dir()) {
        fs::remove_file(partial)?;
    }
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(partial)
}

/// Renames `partial` over `target`, after checking again that nothing has become a folder (or
/// another non-file) there meanwhile.
fn rename_over(partial: &Path, target: &Path) -> std::io::Result<()> {
    if let Ok(meta) = fs::metadata(target)
        && !meta.is_file()
    {
        return Err(std::io::Error::other(format!(
            "it became {}",
            kind_of(&meta)
        )));
    }
    fs::rename(partial, target)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn leftovers(dir: &Path) -> Vec<PathBuf> {
        fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(".partial"))
            .collect()
    }

    #[test]
    fn a_file_is_replaced_whole_and_no_partial_stays() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.ics");
        fs::write(&target, "old").unwrap();
        write_whole(&target, |mut file, _| file.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_partial() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.ics");
        fs::write(&target, "old").unwrap();
        let failed = write_whole(&target, |mut file, _| {
            file.write_all(b"half")?;
            Err::<(), _>(std::io::Error::other("disk full"))
        });
        assert!(matches!(failed, Err(WholeFileError::Write(_))));
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_target_that_became_a_folder_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.ics");
        let failed = write_whole(&target, |_, _| fs::create_dir(&target));
        assert!(matches!(failed, Err(WholeFileError::File(_))));
        assert!(target.is_dir());
        assert!(leftovers(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_partial_link_is_removed_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::write(&elsewhere, "keep").unwrap();
        let target = dir.path().join("plan.ics");
        std::os::unix::fs::symlink(&elsewhere, partial_path(&target)).unwrap();
        write_whole(&target, |mut file, _| file.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&elsewhere).unwrap(), "keep");
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
    }
}
