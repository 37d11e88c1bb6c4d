//! Property tests: whatever bytes arrive, as a file, a ZIP entry or a workbook cell, the
//! dispatch returns records or errors and never panics. `PROPTEST_CASES` sets the count.

use proptest::prelude::*;

use super::*;

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        let _ = read("x", &bytes, &given(ymd(2026, 1, 3)));
    }

    #[test]
    fn arbitrary_bytes_after_a_zip_signature_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(&bytes);
        let _ = read("x.zip", &zip, &ReadOptions::default());
    }

    #[test]
    fn arbitrary_zips_never_panic(
        entries in proptest::collection::vec(("[a-zA-Z0-9_./\\\\ -]{1,20}", proptest::collection::vec(any::<u8>(), 0..200)), 0..5),
        name in "[A-Za-z]{0,9}_[0-9_]{0,12}[a-z]{0,5}\\.zip",
        cut in any::<prop::sample::Index>(),
    ) {
        // The writer refuses duplicate names; a numbered suffix keeps every prefix (`../`).
        let names: Vec<String> = entries.iter().enumerate().map(|(i, (n, _))| format!("{n}{i}")).collect();
        let entries: Vec<(&str, Vec<u8>)> =
            names.iter().zip(&entries).map(|(n, (_, b))| (n.as_str(), b.clone())).collect();
        let zip = zip_of(&entries, false);
        let _ = read(&name, &zip, &ReadOptions::default());
        let truncated = &zip[..cut.index(zip.len() + 1)];
        let _ = read(&name, truncated, &ReadOptions::default());
    }

    #[test]
    fn arbitrary_workbook_cells_never_panic(
        cells in proptest::collection::vec(proptest::collection::vec("[A-Za-z0-9 <>&\"%.,:-]{0,10}", 0..5), 0..6),
        header in 0usize..3,
    ) {
        let headers: [&[&str]; 3] = [&["Date", "Total Viewers", "New Viewers"], &["Gender", "Distribution"], &["x"]];
        let mut rows: Vec<Vec<&str>> = vec![headers[header].to_vec()];
        rows.extend(cells.iter().map(|r| r.iter().map(String::as_str).collect()));
        let refs: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        let _ = read("Viewers.xlsx", &xlsx("Viewers", &refs, &[]), &given(ymd(2026, 1, 3)));
    }

    #[test]
    fn csv_shaped_studio_files_never_panic(
        header in 0usize..7,
        body in "([\"a-zA-Z0-9 ,.%-]{0,30}\n){0,8}",
    ) {
        let headers = [
            "\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"",
            "\"Time\",\"Video title\",\"Video link\",\"Post time\",\"Total likes\",\"Total comments\",\"Total shares\",\"Total views\"",
            "\"Date\",\"Total Viewers\",\"New Viewers\",\"Returning Viewers\"",
            "\"Date\",\"Followers\",\"Difference in followers from previous day\"",
            "\"Date\",\"Hour\",\"Active followers\"",
            "\"Gender\",\"Distribution\"",
            "\"Top territories\",\"Distribution\"",
        ];
        let text = format!("\u{FEFF}{}\n{body}", headers[header]);
        let _ = read("x.csv", text.as_bytes(), &given(ymd(2026, 1, 3)));
        let _ = read("x.csv", text.as_bytes(), &ReadOptions::default());
    }
}
