//! The packaging metadata holds together: the Debian package's assets exist and land where
//! desktops look for them, and the .desktop entry, the AppStream metainfo, the icons and the
//! window's app id all name the same application. Fast: reads files, builds nothing.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use scrollstop::ui::identity::APP_ID;

const HICOLOR_SIZES: [u32; 5] = [32, 48, 64, 128, 256];

fn repo(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn read(relative: &str) -> String {
    fs::read_to_string(repo(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

fn deb_metadata() -> toml::Table {
    let manifest: toml::Table = read("Cargo.toml").parse().expect("Cargo.toml parses");
    manifest["package"]["metadata"]["deb"]
        .as_table()
        .expect("[package.metadata.deb] is a table")
        .clone()
}

/// The `assets` rows of `[package.metadata.deb]` as (source, destination) pairs.
fn deb_assets() -> Vec<(String, String)> {
    deb_metadata()["assets"]
        .as_array()
        .expect("deb assets is an array")
        .iter()
        .map(|row| {
            let row = row.as_array().expect("an asset row is an array");
            assert_eq!(row.len(), 3, "asset rows are [source, destination, mode]");
            (
                row[0].as_str().expect("asset source").to_owned(),
                row[1].as_str().expect("asset destination").to_owned(),
            )
        })
        .collect()
}

/// Where an asset ends up: a destination ending in `/` keeps the source's file name.
fn installed_path(source: &str, destination: &str) -> String {
    if destination.ends_with('/') {
        let name = Path::new(source)
            .file_name()
            .and_then(|name| name.to_str())
            .expect("an asset source names a file");
        format!("{destination}{name}")
    } else {
        destination.to_owned()
    }
}

/// The `[Desktop Entry]` group of the .desktop file as key → value.
fn desktop_entry() -> BTreeMap<String, String> {
    let text = read("assets/scrollstop.desktop");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("[Desktop Entry]"));
    lines
        .take_while(|line| !line.starts_with('['))
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (key, value) = line.split_once('=').expect("a key=value line");
            (key.to_owned(), value.to_owned())
        })
        .collect()
}

/// Every text between `<tag>` and `</tag>` (tags without attributes) in the metainfo.
fn metainfo_values(tag: &str) -> Vec<String> {
    let text = read("assets/scrollstop.metainfo.xml");
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    text.split(&open)
        .skip(1)
        .map(|rest| {
            rest.split(&close)
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned()
        })
        .collect()
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = fs::read(path).expect("the PNG is readable");
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is not a PNG",
        path.display()
    );
    assert_eq!(&bytes[12..16], b"IHDR");
    let number =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (number(16), number(20))
}

#[test]
fn every_deb_asset_but_the_built_binary_exists() {
    let binary = format!("target/release/{}", env!("CARGO_PKG_NAME"));
    let assets = deb_assets();
    assert!(
        assets
            .iter()
            .any(|(source, dest)| *source == binary && dest == "usr/bin/"),
        "the release binary is installed in usr/bin"
    );
    for (source, _) in assets.iter().filter(|(source, _)| *source != binary) {
        assert!(repo(source).is_file(), "deb asset {source} does not exist");
    }
}

#[test]
fn the_deb_installs_desktop_entry_metainfo_and_every_icon_where_desktops_look() {
    let installed: Vec<String> = deb_assets()
        .iter()
        .map(|(source, dest)| installed_path(source, dest))
        .collect();
    let mut expected = vec![
        format!("usr/bin/{}", env!("CARGO_PKG_NAME")),
        format!("usr/share/applications/{APP_ID}.desktop"),
        format!("usr/share/metainfo/{APP_ID}.metainfo.xml"),
        format!("usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg"),
    ];
    expected.extend(
        HICOLOR_SIZES.map(|n| format!("usr/share/icons/hicolor/{n}x{n}/apps/{APP_ID}.png")),
    );
    for path in expected {
        assert!(installed.contains(&path), "the deb does not install {path}");
    }
}

#[test]
fn each_hicolor_png_has_the_size_of_its_folder() {
    for n in HICOLOR_SIZES {
        let path = repo(&format!("assets/icons/hicolor/{n}x{n}/apps/{APP_ID}.png"));
        assert_eq!(png_size(&path), (n, n), "{}", path.display());
    }
}

#[test]
fn the_deb_depends_on_the_libraries_eframe_loads_at_run_time() {
    let depends = deb_metadata()["depends"].as_str().unwrap().to_owned();
    let packages: Vec<&str> = depends.split(',').map(str::trim).collect();
    for needed in [
        "$auto",
        "libx11-6",
        "libxcursor1",
        "libxi6",
        "libxkbcommon-x11-0",
        "libwayland-client0",
        "libgl1",
        "libegl1",
    ] {
        assert!(
            packages.contains(&needed),
            "Depends lacks {needed}: {depends}"
        );
    }
}

#[test]
fn the_desktop_entry_launches_the_binary_under_the_window_app_id() {
    let entry = desktop_entry();
    assert_eq!(entry["Type"], "Application");
    assert_eq!(entry["Name"], "Scrollstop");
    let program = entry["Exec"].split_whitespace().next().unwrap();
    assert_eq!(program, env!("CARGO_PKG_NAME"));
    assert_eq!(entry["Icon"], APP_ID);
    assert_eq!(entry["StartupWMClass"], APP_ID);
    assert_eq!(entry["Terminal"], "false");
    assert!(repo(&format!("assets/{APP_ID}.desktop")).is_file());
}

#[test]
fn the_metainfo_names_the_desktop_entry_the_binary_and_this_version() {
    assert_eq!(metainfo_values("id"), [APP_ID]);
    assert_eq!(metainfo_values("binary"), [env!("CARGO_PKG_NAME")]);
    let text = read("assets/scrollstop.metainfo.xml");
    assert!(text.contains(&format!(
        r#"<launchable type="desktop-id">{APP_ID}.desktop</launchable>"#
    )));
    assert!(
        text.contains(&format!(
            r#"<release version="{}""#,
            env!("CARGO_PKG_VERSION")
        )),
        "the metainfo has no <release> for version {}",
        env!("CARGO_PKG_VERSION")
    );
    assert!(text.contains(r#"<content_rating type="oars-1.1""#));
    assert!(text.contains("<project_license>MIT</project_license>"));
    assert_eq!(env!("CARGO_PKG_LICENSE"), "MIT");
}

#[test]
fn the_windows_and_macos_recipes_use_icons_that_exist() {
    assert!(repo("packaging/windows/scrollstop.ico").is_file());
    let icns = fs::read(repo("packaging/macos/Scrollstop.icns")).unwrap();
    assert_eq!(&icns[..4], b"icns");
    let declared = u32::from_be_bytes(icns[4..8].try_into().unwrap());
    assert_eq!(
        declared as usize,
        icns.len(),
        "the .icns header gives its length"
    );
    assert!(read("packaging/windows/main.wxs").contains("scrollstop.ico"));
    assert!(read("packaging/macos/Info.plist").contains("Scrollstop.icns"));
}

#[test]
fn the_windows_installer_shows_the_text_of_license() {
    let rtf = read("packaging/windows/License.rtf");
    assert!(rtf.starts_with("{\\rtf1"));
    for paragraph in read("LICENSE").split("\n\n") {
        let paragraph = paragraph.trim().replace('\n', " ");
        assert!(
            rtf.contains(&paragraph),
            "License.rtf lacks this paragraph of LICENSE: {paragraph}"
        );
    }
}
