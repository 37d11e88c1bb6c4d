//! The drafts CSV parser never panics, whatever the bytes, and reads every row of a
//! drafts-shaped text or refuses the file whole (property tests).

use super::*;

const HEADER: &str = "title,hook,caption,hashtags,subculture,duration_s,aspect,sound,bpm,\
opening,status,assignee,notes,account,planned_at,language,region,allow_duet";

proptest! {
    // 10,000 arbitrary byte strings and 5,000 drafts-shaped files per run.
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..800)) {
        let mut sink = Collected::default();
        let _ = read_drafts("fuzz.csv", &bytes, &mut sink);
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    #[test]
    fn drafts_shaped_text_reads_every_row_or_refuses_the_file(
        rows in proptest::collection::vec(
            "[0-9a-zA-Z .,:;#@/\"\\-T+xé🍓]{0,80}", 0..10
        )
    ) {
        let text = format!("{HEADER}\n{}", rows.join("\n"));
        let mut sink = Collected::default();
        match read_drafts("fuzz.csv", text.as_bytes(), &mut sink) {
            Ok(()) => {
                let summary = &sink.files[0];
                prop_assert_eq!(summary.rows, sink.drafts.len());
                prop_assert_eq!(summary.rejected, sink.rejected.len());
            }
            Err(_) => {
                prop_assert!(sink.drafts.is_empty() && sink.files.is_empty());
            }
        }
    }
}
