//! Hashing a draft's media file off the UI thread: videos are large, so the file is streamed
//! through SHA-256 ([`crate::workspace::content_hash`]) on a background [`Task`] and the window
//! picks the result up on a later frame. The hash is what the duplicate check compares.

use std::path::{Path, PathBuf};

use eframe::egui;

use crate::domain::DraftId;
use crate::ui::background::Task;
use crate::workspace::content_hash;

/// A hash under way.
pub struct Hashing {
    pub draft: DraftId,
    /// The hashing thread, or the answer already known when it could not start.
    task: Result<Task<Hashed>, Option<Hashed>>,
}

/// A finished hash: the hex digest, or why the file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Hashed {
    pub draft: DraftId,
    pub path: PathBuf,
    pub hash: Result<String, String>,
}

impl Hashed {
    /// The path as the draft stores it.
    pub fn path_text(&self) -> String {
        stored_path(&self.path)
    }
}

/// How a media path is written into a draft.
pub fn stored_path(path: &Path) -> String {
    path.display().to_string()
}

/// The SHA-256 of the file at `path` as hex, or a message that says why it could not be read.
pub fn hash_media(path: &Path) -> Result<String, String> {
    if !path.is_file() {
        return Err(format!(
            "{} is not a file that can be read.",
            path.display()
        ));
    }
    let hash = content_hash(path);
    if hash.is_empty() {
        Err(format!("{} could not be read.", path.display()))
    } else {
        Ok(hash)
    }
}

impl Hashing {
    /// Starts hashing `path` for `draft`; the window repaints when it is done.
    pub fn start(ctx: &egui::Context, draft: DraftId, path: PathBuf) -> Self {
        let file = path.clone();
        let task = Task::spawn(ctx, "media hash", move || {
            let hash = hash_media(&file);
            Hashed {
                draft,
                path: file,
                hash,
            }
        })
        .map_err(|e| {
            Some(Hashed {
                draft,
                path,
                hash: Err(format!("The media file could not be hashed: {e}")),
            })
        });
        Self { draft, task }
    }

    /// The result once the thread finished; a thread that died reports an error.
    pub fn poll(&mut self) -> Option<Hashed> {
        match &mut self.task {
            Ok(task) => match task.poll()? {
                Ok(done) => Some(done),
                Err(_stopped) => Some(Hashed {
                    draft: self.draft,
                    path: PathBuf::new(),
                    hash: Err("Hashing the media file stopped unexpectedly.".to_string()),
                }),
            },
            Err(not_started) => not_started.take(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_the_sha256_of_the_content_and_missing_files_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clip.mp4");
        std::fs::write(&path, b"abc").unwrap();
        assert_eq!(
            hash_media(&path).unwrap(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let missing = hash_media(&dir.path().join("gone.mp4")).unwrap_err();
        assert!(missing.contains("gone.mp4"), "{missing}");
        assert!(
            hash_media(dir.path()).is_err(),
            "a folder is not a media file"
        );
    }
}
