//! The window and the command line go through the workspace: no file under `src/ui` or
//! `src/cli` (nor `src/cli.rs`) names the store or the file parsers, or reaches the store
//! through the workspace. Reads are workspace queries; changes are `Workspace::apply(edit)`.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir` (or `dir` itself when it is a file).
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return;
    }
    for entry in std::fs::read_dir(dir).expect("the folder reads").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_window_and_the_command_line_never_name_the_store_or_the_parsers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for part in ["ui", "cli", "cli.rs"] {
        sources(&root.join(part), &mut files);
    }
    assert!(files.len() > 40, "the sources are found: {}", files.len());
    let forbidden = [
        "crate::store",
        "crate::io",
        "scrollstop::store",
        "scrollstop::io",
        ".store()",
        ".store_mut()",
    ];
    let mut found = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("the file reads");
        for (n, line) in text.lines().enumerate() {
            for word in forbidden {
                if line.contains(word) {
                    found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the window and the command line go through the workspace (queries and \
         Workspace::apply), never the store or io:\n{}",
        found.join("\n")
    );
}
