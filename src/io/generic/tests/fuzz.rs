//! The real dev set (read from ../shared/data when present, never copied) and property tests
//! feeding arbitrary bytes and CSV-shaped text to the reader.

use proptest::prelude::*;

use super::import_time;
use crate::io::Collected;
use crate::io::generic::{HistoryOptions, read_history};

/// The real dev set must import completely with the suggested mapping. It is not part of the
/// repository: the test skips when ../shared/data does not hold it.
#[test]
fn the_real_dev_set_imports_without_rejections() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/tiktok-creators-dev.csv");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("skipped: {} is not here", path.display());
        return;
    };
    let mut sink = Collected::default();
    read_history(
        "tiktok-creators-dev.csv",
        &bytes,
        &HistoryOptions::at(import_time()),
        &mut sink,
    )
    .expect("read");
    assert_eq!(sink.rejected, vec![], "no row may be rejected");
    assert_eq!(sink.videos.len(), 4_496);
    assert!(
        sink.videos
            .iter()
            .all(|(_, v)| v.snapshot.is_some() && v.posted_at.is_some() && v.platform_id.is_some())
    );
    assert!(sink.videos.iter().all(|(_, v)| v.account.is_some()));
    let accounts: std::collections::BTreeSet<_> = sink
        .videos
        .iter()
        .filter_map(|(_, v)| v.account.clone())
        .collect();
    assert!(accounts.len() > 100, "{} accounts", accounts.len());
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let mut sink = Collected::default();
        let _ = read_history("fuzz.csv", &bytes, &HistoryOptions::at(import_time()), &mut sink);
    }

    #[test]
    fn csv_shaped_text_never_panics(
        rows in proptest::collection::vec("[0-9a-zA-Z .,:;#@/\"\\-KMe%]{0,60}", 0..8)
    ) {
        let text = format!("{HEADER}\n{}", rows.join("\n"));
        check_whole_or_nothing(&text)?;
    }

    #[test]
    fn any_text_in_the_cells_never_panics(cells in proptest::collection::vec(any::<String>(), 0..30)) {
        let text = format!("{HEADER}\n{}", cells.join(","));
        check_whole_or_nothing(&text)?;
    }
}

const HEADER: &str = "vid_id,vid_caption,vid_postTime,vid_scrapeTime,vid_duration,vid_nview,vid_nlike,\
    vid_hashtags,vid_url,user_name";

/// Reading either accounts for every row (read or rejected) or refuses the file and leaves
/// nothing of it in the sink.
fn check_whole_or_nothing(text: &str) -> Result<(), TestCaseError> {
    let mut sink = Collected::default();
    let options = HistoryOptions::at(import_time());
    match read_history("fuzz.csv", text.as_bytes(), &options, &mut sink) {
        Ok(()) => {
            let summary = &sink.files[0];
            prop_assert_eq!(
                summary.rows + summary.rejected,
                sink.videos.len() + sink.rejected.len()
            );
        }
        Err(_) => {
            prop_assert!(
                sink.files.is_empty() && sink.videos.is_empty() && sink.rejected.is_empty()
            );
        }
    }
    Ok(())
}
