//! What the import benchmarks share: the words and hashtags of the generated video history
//! (the development set's mix of Vietnamese, Chinese and English), and a clean start for each
//! run's database.

use std::path::{Path, PathBuf};

/// Caption words, drawn at random.
pub const WORDS: &[&str] = &[
    "len",
    "đan",
    "mưa",
    "ngày",
    "mẫu",
    "cho",
    "ba",
    "我们",
    "松弛感",
    "knit",
    "rainy",
    "cozy",
    "day",
    "three",
    "tips",
    "cách",
    "làm",
];

/// Hashtags, drawn at random.
pub const TAGS: &[&str] = &[
    "cottagecore",
    "knitting",
    "fyp",
    "xuhuong",
    "douyin抖音",
    "viral",
    "trending",
    "learnontiktok",
    "genz",
];

/// Removes the database of the last run, with its WAL files.
pub fn fresh(database: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = database.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}
