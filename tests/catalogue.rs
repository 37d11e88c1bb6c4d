//! A new workspace starts with the seed's catalogue of subcultures: it lists them, a drafts
//! CSV naming #FitTok imports into it (through the library and the command line), a deleted
//! one stays deleted after reopening, the demo reuses them, and only a subculture of the
//! user's own ticks "Add a subculture" in Getting started.

use std::process::Command;

use chrono::Utc;
use scrollstop::domain::{Colour, subculture_catalogue};
use scrollstop::workspace::{FirstStep, ImportOptions, Silent, Workspace};

const FITTOK_DRAFTS: &str = "title,caption,subculture,account\n\
Leg day,Ten squats before coffee #fittok,#FitTok,@gymwithgus\n";

fn names(workspace: &Workspace) -> Vec<String> {
    let subcultures = workspace.subcultures().expect("subcultures load");
    subcultures.into_iter().map(|s| s.name).collect()
}

#[test]
fn a_new_workspace_lists_the_seeds_catalogue() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let workspace = Workspace::open(&dir.path().join("new.sqlite")).expect("a new workspace");
    let listed = names(&workspace);
    for name in ["#CottageCore", "#MomsofTikTok", "#FitTok", "#BookTok"] {
        assert!(listed.contains(&name.to_string()), "{name} in {listed:?}");
    }
    assert_eq!(listed.len(), subculture_catalogue().len());
    let fittok = workspace.subcultures().expect("subcultures load");
    let fittok = fittok
        .iter()
        .find(|s| s.name == "#FitTok")
        .expect("#FitTok");
    assert!(fittok.hashtags.contains(&"fittok".to_string()));
    assert!(fittok.description.contains("Fitness challenges"));
    assert!(
        workspace.is_empty().expect("counts"),
        "the catalogue alone leaves the workspace empty (the welcome screen and the demo)"
    );
}

#[test]
fn a_drafts_csv_naming_fittok_imports_into_a_fresh_workspace() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("drafts.csv");
    std::fs::write(&file, FITTOK_DRAFTS).expect("write the file");
    let mut workspace = Workspace::open(&dir.path().join("new.sqlite")).expect("a new workspace");
    let report = workspace
        .import_now(&[file], ImportOptions::default(), &Silent)
        .expect("import");
    assert!(report.committed, "{report:?}");
    assert_eq!(report.rejected, vec![]);
    let account = workspace.accounts().expect("accounts")[0].id;
    let draft = workspace.drafts(account).expect("drafts").remove(0);
    let fittok = workspace.subcultures().expect("subcultures");
    let fittok = fittok
        .iter()
        .find(|s| s.name == "#FitTok")
        .expect("#FitTok");
    assert_eq!(draft.subculture, Some(fittok.id));
}

#[test]
fn the_command_line_imports_fittok_drafts_into_a_new_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("drafts.csv");
    std::fs::write(&file, FITTOK_DRAFTS).expect("write the file");
    let path = dir.path().join("first.sqlite");
    let out = Command::new(env!("CARGO_BIN_EXE_scrollstop"))
        .args(["import", "--workspace"])
        .arg(&path)
        .arg(&file)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let workspace = Workspace::open(&path).expect("reopens");
    assert_eq!(workspace.info().expect("info").counts.drafts, 1);
    assert!(names(&workspace).contains(&"#FitTok".to_string()));
}

#[test]
fn a_deleted_catalogue_subculture_stays_deleted_after_reopening() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("new.sqlite");
    let workspace = Workspace::open(&path).expect("a new workspace");
    let subcultures = workspace.subcultures().expect("subcultures");
    let fittok = subcultures
        .iter()
        .find(|s| s.name == "#FitTok")
        .expect("#FitTok");
    scrollstop::store::Store::open(workspace.path())
        .expect("the store opens")
        .trash_subculture(fittok.id)
        .expect("delete");
    let mut renamed = subcultures
        .iter()
        .find(|s| s.name == "#BookTok")
        .expect("#BookTok")
        .clone();
    renamed.name = "#ReadingCorner".into();
    scrollstop::store::Store::open(workspace.path())
        .expect("the store opens")
        .update_subculture(&renamed)
        .expect("rename");
    drop(workspace);

    let reopened = Workspace::open(&path).expect("reopens");
    let listed = names(&reopened);
    assert!(!listed.contains(&"#FitTok".to_string()), "{listed:?}");
    assert!(!listed.contains(&"#BookTok".to_string()), "{listed:?}");
    assert!(listed.contains(&"#ReadingCorner".to_string()));
    assert_eq!(listed.len(), subculture_catalogue().len() - 1);
}

#[test]
fn the_demo_reuses_the_catalogue_a_new_workspace_starts_with() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut workspace = Workspace::open(&dir.path().join("demo.sqlite")).expect("new");
    let info = workspace
        .create_demo(7, &Silent)
        .expect("the demo fills it");
    assert_eq!(
        info.counts.subcultures as usize,
        subculture_catalogue().len()
    );
}

#[test]
fn only_a_subculture_of_the_users_own_ticks_the_checklist() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let workspace = Workspace::open(&dir.path().join("new.sqlite")).expect("new");
    let ticked = |w: &Workspace| {
        w.first_steps(Utc::now())
            .expect("first steps")
            .is_done(FirstStep::AddSubculture)
    };
    assert!(!ticked(&workspace), "the catalogue is not the user's own");
    scrollstop::store::Store::open(workspace.path())
        .expect("the store opens")
        .add_subculture("#KnitTok", &["knittok".into()], "", Colour([1, 2, 3]))
        .expect("add");
    assert!(ticked(&workspace));
}

#[test]
fn the_catalogue_is_added_once_and_skips_names_already_taken() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store =
        scrollstop::store::Store::open(&dir.path().join("w.sqlite")).expect("a new store");
    store
        .add_subculture("#fittok", &[], "mine", Colour([1, 2, 3]))
        .expect("add");
    let catalogue = subculture_catalogue();
    let added = store.seed_subcultures_once(&catalogue).expect("seed");
    assert_eq!(
        added,
        catalogue.len() - 1,
        "the user's #fittok stays theirs"
    );
    assert_eq!(store.seed_subcultures_once(&catalogue).expect("seed"), 0);
    let mine = store.subcultures().expect("subcultures");
    let mine = mine.iter().find(|s| s.name == "#fittok").expect("#fittok");
    assert_eq!(mine.description, "mine");
}
