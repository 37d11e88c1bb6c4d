//! Choosing files and folders: the window asks a [`FileDialog`] instead of calling the
//! desktop's file chooser directly, so tests (and anything else that already knows the paths)
//! hand the paths in with [`GivenPaths`]. The real chooser is [`SystemFileDialog`] (rfd).
//!
//! When a chooser comes back empty (also where no desktop portal or zenity answers), the window
//! asks for a typed path instead (`path_prompt.rs`).
//!
//! A dialog only returns paths; it never reads or writes the files it names.

use std::path::PathBuf;
use std::sync::Mutex;

use crate::workspace::ExportFormat;

/// The extensions an import understands (TikTok Studio exports, spreadsheets, JSON data).
pub const IMPORT_EXTENSIONS: [&str; 5] = ["csv", "xlsx", "zip", "json", "txt"];

/// Shown when a chooser came back empty: on desktops without a file-chooser portal (some
/// minimal Linux sessions) rfd cannot open one at all and returns nothing.
pub const NOTHING_CHOSEN: &str = "No files were chosen: type or paste a path in the dialog, or \
    drag the exports onto the window.";

/// The video formats offered when choosing a draft's media file.
pub const MEDIA_EXTENSIONS: [&str; 6] = ["mp4", "mov", "m4v", "webm", "avi", "mkv"];

/// Shown when no media file was chosen.
pub const NO_MEDIA_CHOSEN: &str = "No video was chosen. If no file chooser opened, this desktop \
    has none available.";

/// Where the window gets the paths the user chooses.
pub trait FileDialog {
    /// Files to import (several at once); empty when the user chose none.
    fn pick_import(&self) -> Vec<PathBuf>;

    /// A folder to import everything in; `None` when the user chose none.
    fn pick_folder(&self) -> Option<PathBuf>;

    /// Where to save a file suggested as `file_name`; `None` when the user chose none.
    fn save_file(&self, file_name: &str) -> Option<PathBuf>;

    /// The video file of a draft; `None` when the user chose none.
    fn pick_media(&self) -> Option<PathBuf>;
    /// Where to save a calendar export in `format`, suggested as `file_name`; `None` when the
    /// user chose none.
    fn save_export(&self, file_name: &str, format: ExportFormat) -> Option<PathBuf>;

    /// Where to save a backup copy of the workspace, suggested as `file_name`; `None` when
    /// the user chose none.
    fn save_backup(&self, file_name: &str) -> Option<PathBuf>;

    /// An existing workspace file to open instead of this one; `None` when none was chosen.
    fn pick_workspace(&self) -> Option<PathBuf>;

    /// The name of a new workspace file to start; `None` when none was chosen.
    fn new_workspace(&self) -> Option<PathBuf>;
}

/// The extensions offered when choosing a workspace file.
pub const WORKSPACE_EXTENSIONS: [&str; 3] = ["sqlite", "scrollstop", "db"];

/// The extension and filter name of an export format.
pub fn export_extension(format: ExportFormat) -> (&'static str, &'static str) {
    match format {
        ExportFormat::Ics => ("ics", "iCalendar"),
        ExportFormat::Csv => ("csv", "CSV (Google Calendar)"),
    }
}

/// The desktop's own file chooser.
#[derive(Debug, Default)]
pub struct SystemFileDialog;

impl FileDialog for SystemFileDialog {
    fn pick_import(&self) -> Vec<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Import TikTok Studio exports")
            .add_filter("Exports and spreadsheets", &IMPORT_EXTENSIONS)
            .add_filter("All files", &["*"])
            .pick_files()
            .unwrap_or_default()
    }

    fn pick_folder(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Import every export in a folder")
            .pick_folder()
    }

    fn save_file(&self, file_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Save")
            .set_file_name(file_name)
            .save_file()
    }

    fn pick_media(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Choose the draft's video")
            .add_filter("Videos", &MEDIA_EXTENSIONS)
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn save_export(&self, file_name: &str, format: ExportFormat) -> Option<PathBuf> {
        let (extension, name) = export_extension(format);
        rfd::FileDialog::new()
            .set_title("Export the posting calendar")
            .set_file_name(file_name)
            .add_filter(name, &[extension])
            .save_file()
    }

    fn save_backup(&self, file_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Back up the workspace to")
            .set_file_name(file_name)
            .add_filter("Scrollstop workspace", &["sqlite"])
            .save_file()
    }

    fn pick_workspace(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open another workspace")
            .add_filter("Scrollstop workspace", &WORKSPACE_EXTENSIONS)
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn new_workspace(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Start a new workspace")
            .set_file_name("scrollstop.sqlite")
            .add_filter("Scrollstop workspace", &["sqlite"])
            .save_file()
    }
}

/// Answers every question with paths given up front: for tests and scripted runs.
#[derive(Debug, Default)]
pub struct GivenPaths {
    files: Vec<PathBuf>,
    folder: Option<PathBuf>,
    save_to: Mutex<Option<PathBuf>>,
    media: Option<PathBuf>,
    workspace: Option<PathBuf>,
}

impl GivenPaths {
    /// A dialog that "chooses" `files` whenever the user imports files.
    pub fn files(files: impl IntoIterator<Item = PathBuf>) -> Self {
        Self {
            files: files.into_iter().collect(),
            ..Self::default()
        }
    }

    /// Also "chooses" `folder` when the user imports a folder.
    pub fn with_folder(mut self, folder: PathBuf) -> Self {
        self.folder = Some(folder);
        self
    }

    /// Also "chooses" `path` (once) when the user saves a file.
    pub fn with_save_to(self, path: PathBuf) -> Self {
        Self {
            save_to: Mutex::new(Some(path)),
            ..self
        }
    }
}

impl GivenPaths {
    /// Also "chooses" `path` whenever the user picks a draft's video.
    pub fn with_media(mut self, path: PathBuf) -> Self {
        self.media = Some(path);
        self
    }

    /// Also "chooses" `path` whenever the user opens another workspace or starts a new one.
    pub fn with_workspace(mut self, path: PathBuf) -> Self {
        self.workspace = Some(path);
        self
    }
}

impl FileDialog for GivenPaths {
    fn pick_media(&self) -> Option<PathBuf> {
        self.media.clone()
    }

    fn pick_import(&self) -> Vec<PathBuf> {
        self.files.clone()
    }

    fn pick_folder(&self) -> Option<PathBuf> {
        self.folder.clone()
    }

    fn save_file(&self, _file_name: &str) -> Option<PathBuf> {
        match self.save_to.lock() {
            Ok(mut path) => path.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        }
    }

    fn save_export(&self, file_name: &str, _format: ExportFormat) -> Option<PathBuf> {
        self.save_file(file_name)
    }

    fn save_backup(&self, file_name: &str) -> Option<PathBuf> {
        self.save_file(file_name)
    }

    fn pick_workspace(&self) -> Option<PathBuf> {
        self.workspace.clone()
    }

    fn new_workspace(&self) -> Option<PathBuf> {
        self.workspace.clone()
    }
}
