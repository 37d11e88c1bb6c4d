//! Every kind of bad input gets a clear error naming the file (and line where there is one),
//! pushes nothing from the refused file, and never panics.

use super::*;

fn only_error(file: &str, bytes: &[u8], options: &ReadOptions) -> ImportError {
    let (got, mut errors) = read(file, bytes, options);
    assert!(
        got.files.is_empty() && got.daily.is_empty() && got.videos.is_empty(),
        "pushed: {got:?}"
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.remove(0)
}

fn says(err: &ImportError, words: &[&str]) {
    let message = err.to_string();
    for word in words {
        assert!(message.contains(word), "{message:?} should say {word:?}");
    }
}

#[test]
fn an_empty_file() {
    let err = only_error("Overview.csv", b"", &ReadOptions::default());
    says(&err, &["Overview.csv", "empty"]);
    let err = only_error("Overview.csv", b"\xEF\xBB\xBF", &ReadOptions::default());
    says(&err, &["empty"]);
}

#[test]
fn a_binary_file() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    let err = only_error("cover.png", png, &ReadOptions::default());
    assert!(matches!(err, ImportError::NotRecognised { .. }));
    says(&err, &["cover.png", "binary"]);
}

#[test]
fn text_that_is_not_a_csv() {
    let err = only_error(
        "notes.txt",
        b"Dear team,\nplease post more.\n",
        &ReadOptions::default(),
    );
    says(
        &err,
        &["notes.txt", "not a file Scrollstop recognises", "Dear team"],
    );
}

#[test]
fn another_tools_csv() {
    let meta = "Date,Reach,Impressions,Link clicks\n2026-01-02,100,200,3";
    let err = only_error(
        "meta_insights.csv",
        meta.as_bytes(),
        &ReadOptions::default(),
    );
    assert!(matches!(err, ImportError::NotRecognised { .. }));
    says(&err, &["meta_insights.csv", "Reach, Impressions"]);
}

#[test]
fn malformed_quotes_name_the_line() {
    let bytes = build::studio_csv(&[
        &[
            "Date",
            "Followers",
            "Difference in followers from previous day",
        ],
        &["January 1", "5", "1"],
    ]);
    let mut broken = bytes.clone();
    broken.extend_from_slice(b"\n\"January 2\",\"6\"x,\"1\"");
    let err = only_error("FollowerHistory.csv", &broken, &given(ymd(2026, 1, 3)));
    assert!(matches!(err, ImportError::AtLine { line: 3, .. }), "{err}");
    says(&err, &["FollowerHistory.csv line 3", "quote"]);
    let mut unclosed = bytes;
    unclosed.extend_from_slice(b"\n\"January 2,\"6\",\"1\"\n\"January 3\",\"7\",\"1\"");
    let err = only_error("FollowerHistory.csv", &unclosed, &given(ymd(2026, 1, 3)));
    says(&err, &["FollowerHistory.csv line 3"]);
}

#[test]
fn a_date_that_cannot_be_placed() {
    let bytes = build::studio_csv(&[
        &["Date", "Hour", "Active followers"],
        &["April 1", "0", "5"],
    ]);
    let err = only_error("FollowerActivity.csv", &bytes, &ReadOptions::default());
    says(
        &err,
        &["FollowerActivity.csv line 2", "give the export date"],
    );
}

#[test]
fn an_oversized_file_is_refused_by_its_size() {
    let small = ReadOptions {
        limits: Limits {
            max_file_bytes: 100,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let err = only_error("Overview.csv", &build::fixture("Overview.csv"), &small);
    assert!(matches!(err, ImportError::TooLarge { .. }));
    says(&err, &["Overview.csv", "Split it"]);
}

#[test]
fn a_2_gb_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("huge.csv");
    let file = std::fs::File::create(&path).expect("a file");
    // Sparse: no disk is used, and nothing is read.
    file.set_len(2 * 1024 * 1024 * 1024).expect("a 2 GB length");
    let mut sink = Collected::default();
    let errors = read_paths(&[path], &ReadOptions::default(), &mut sink);
    assert!(
        matches!(&errors[..], [ImportError::TooLarge { size_mb: 2148, .. }]),
        "{errors:?}"
    );
    says(&errors[0], &["huge.csv"]);
}

#[test]
fn a_zip_with_hundreds_of_entries() {
    let entries: Vec<(String, Vec<u8>)> = (0..201)
        .map(|i| (format!("f{i}.csv"), b"a,b".to_vec()))
        .collect();
    let refs: Vec<(&str, Vec<u8>)> = entries
        .iter()
        .map(|(n, b)| (n.as_str(), b.clone()))
        .collect();
    let err = only_error(
        "Content_x.zip",
        &zip_of(&refs, false),
        &ReadOptions::default(),
    );
    says(&err, &["Content_x.zip", "201 entries", "at most 200"]);
}

#[test]
fn a_zip_with_a_path_traversal_entry() {
    for evil in [
        "../evil.csv",
        "ok/../../evil.csv",
        "/etc/evil.csv",
        "C:/evil.csv",
        "a\\..\\evil.csv",
    ] {
        let zip = zip_of(
            &[
                ("Overview.csv", build::fixture("Overview.csv")),
                (evil, b"a,b".to_vec()),
            ],
            false,
        );
        let err = only_error("Overview_1_1767441600_x.zip", &zip, &ReadOptions::default());
        says(
            &err,
            &["Overview_1_1767441600_x.zip", "points outside the archive"],
        );
    }
}

#[test]
fn a_zip_entry_over_the_size_limit() {
    let small = ReadOptions {
        limits: Limits {
            max_entry_bytes: 50,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let zip = zip_of(&[("Overview.csv", build::fixture("Overview.csv"))], true);
    let err = only_error("Overview_x.zip", &zip, &small);
    says(&err, &["Overview_x.zip", "Overview.csv", "limit"]);
}

#[test]
fn an_empty_or_broken_zip() {
    let err = only_error(
        "Content_x.zip",
        &zip_of(&[], false),
        &ReadOptions::default(),
    );
    says(&err, &["Content_x.zip", "holds no files"]);
    let mut broken = zip_of(&[("Content.csv", build::fixture("Content.csv"))], false);
    broken.truncate(broken.len() / 2);
    let err = only_error("Content_x.zip", &broken, &ReadOptions::default());
    says(&err, &["Content_x.zip", "damaged"]);
}

#[test]
fn workbooks_with_macros_or_external_links() {
    let rows: &[&[&str]] = &[&["Gender", "Distribution"], &["Female", "1"]];
    let macros = build::xlsx(
        "Sheet1",
        rows,
        &[("xl/vbaProject.bin", b"\xD0\xCF\x11\xE0".to_vec())],
    );
    says(
        &only_error("FollowerGender.xlsx", &macros, &ReadOptions::default()),
        &["FollowerGender.xlsx", "macros"],
    );
    let linked = build::xlsx(
        "Sheet1",
        rows,
        &[(
            "xl/externalLinks/externalLink1.xml",
            b"<externalLink/>".to_vec(),
        )],
    );
    says(
        &only_error("FollowerGender.xlsx", &linked, &ReadOptions::default()),
        &["external links"],
    );
    let old = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest";
    says(
        &only_error("Viewers.xls", old, &ReadOptions::default()),
        &["Viewers.xls", ".xlsx or CSV"],
    );
}

#[test]
fn a_folder_with_too_many_files() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for i in 0..5 {
        std::fs::write(dir.path().join(format!("{i}.csv")), b"a").expect("write");
    }
    let few = ReadOptions {
        limits: Limits {
            max_folder_files: 3,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let mut sink = Collected::default();
    let errors = read_paths(&[dir.path().to_path_buf()], &few, &mut sink);
    assert_eq!(errors.len(), 1, "{errors:?}");
    says(&errors[0], &["more than 3 files"]);
}

#[test]
fn a_missing_path() {
    let mut sink = Collected::default();
    let errors = read_paths(
        &[PathBuf::from("/nonexistent/Overview.csv")],
        &ReadOptions::default(),
        &mut sink,
    );
    assert!(
        matches!(&errors[..], [ImportError::Io { .. }]),
        "{errors:?}"
    );
    says(&errors[0], &["/nonexistent/Overview.csv"]);
}

#[test]
fn office_documents_that_are_not_workbooks() {
    let docx = zip_of(
        &[
            ("[Content_Types].xml", b"<Types/>".to_vec()),
            ("word/document.xml", b"<w/>".to_vec()),
        ],
        true,
    );
    says(
        &only_error("plan.docx", &docx, &ReadOptions::default()),
        &["plan.docx", "not a workbook"],
    );
    let ods = zip_of(
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
            ),
            ("content.xml", b"<x/>".to_vec()),
        ],
        false,
    );
    says(
        &only_error("stats.ods", &ods, &ReadOptions::default()),
        &["stats.ods", "OpenDocument"],
    );
}

#[test]
fn a_folder_with_nothing_to_import_says_what_it_holds() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let folder = dir.path().join("exports");
    std::fs::create_dir(&folder).expect("a folder");
    let read_folder = || {
        let mut sink = Collected::default();
        let errors = read_paths(
            std::slice::from_ref(&folder),
            &ReadOptions::default(),
            &mut sink,
        );
        assert!(sink.files.is_empty());
        errors
    };
    let errors = read_folder();
    assert!(
        matches!(&errors[..], [ImportError::NothingToImport { .. }]),
        "{errors:?}"
    );
    says(
        &errors[0],
        &["exports holds no file Scrollstop can import", "no files"],
    );

    std::fs::write(folder.join(".DS_Store"), b"x").expect("a hidden file");
    std::os::unix::fs::symlink("loop.csv", folder.join("loop.csv")).expect("a link to itself");
    std::os::unix::fs::symlink(&folder, folder.join("again")).expect("a link to the folder");
    let errors = read_folder();
    assert_eq!(errors.len(), 1, "{errors:?}");
    says(
        &errors[0],
        &[
            "exports holds no file Scrollstop can import",
            "exports/.DS_Store (hidden)",
            "exports/loop.csv (a link that leads nowhere or in a loop)",
            "exports/again (a link to a folder, not followed)",
        ],
    );
}

/// The same table saved by several XLSX writers (tests/fixtures/workbooks, written by
/// scripts/make-workbook-fixtures.py): plain workbooks are read whatever their content-type
/// defaults say (Excel keeps a `.bin` -> vbaProject default after macros are removed), and a
/// workbook holding a VBA project is refused.
#[test]
fn workbooks_from_several_writers_are_judged_by_what_they_hold() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workbooks");
    let dated = ReadOptions {
        export_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 3),
        ..ReadOptions::default()
    };
    for name in [
        "openpyxl.xlsx",
        "xlsxwriter.xlsx",
        "openpyxl-vba-default.xlsx",
        "xlsxwriter-vba-default.xlsx",
    ] {
        let bytes = std::fs::read(dir.join(name)).expect("fixture");
        let file = format!("FollowerGender {name}");
        let (got, errors) = read(&file, &bytes, &dated);
        assert!(errors.is_empty(), "{name}: {errors:?}");
        assert_eq!(got.shares.len(), 3, "{name}: {got:?}");
    }
    let macros = std::fs::read(dir.join("xlsxwriter-macros.xlsm")).expect("fixture");
    says(
        &only_error("FollowerGender.xlsm", &macros, &ReadOptions::default()),
        &["FollowerGender.xlsm", "macros"],
    );
    // A plain workbook named .xlsm is judged by its content too.
    let plain = std::fs::read(dir.join("xlsxwriter.xlsx")).expect("fixture");
    let (got, errors) = read("FollowerGender.xlsm", &plain, &dated);
    assert!(errors.is_empty() && got.shares.len() == 3, "{errors:?}");
}

#[test]
fn a_workbook_whose_own_type_is_macro_enabled_is_refused() {
    let rows: &[&[&str]] = &[&["Gender", "Distribution"], &["Female", "1"]];
    let typed = build::xlsx_typed(
        "Sheet1",
        rows,
        &[],
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    );
    says(
        &only_error("FollowerGender.xlsx", &typed, &ReadOptions::default()),
        &["macro-enabled"],
    );
}
