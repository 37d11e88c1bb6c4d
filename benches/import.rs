//! Speed of importing against issue 4's targets: a generic video-history CSV of 1,000,000 rows
//! read, previewed and committed into a fresh workspace in at most 3 s, and a full 365-day
//! TikTok Studio export set (Overview, Viewers, FollowerHistory, FollowerActivity, Content,
//! gender, territories) in under 100 ms.
//!
//! The files are generated into a temporary directory (never into the repository). Run:
//! `cargo bench --bench import`; `SCROLLSTOP_BENCH_ROWS=100000` makes the history smaller.
//! `history_*_csv_records` times the CSV reading alone (the records split into their cells).
//! Peak memory and the pandas comparison are measured by `benches/compare-import.sh`; what
//! SQLite alone needs for the same rows, by `benches/import_floor.rs`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use scrollstop::io::csv_table::{CsvRows, Row};
use scrollstop::random::Rng;
use scrollstop::workspace::{ImportOptions, Silent, Workspace};

mod history;
use history::{TAGS, WORDS, fresh};

/// The instant every benchmark import runs at.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 4, 9, 0, 0)
        .single()
        .expect("valid date")
}

const HEADER: &str = "user_name,user_nfollower,vid_id,vid_caption,vid_postTime,vid_scrapeTime,vid_duration,vid_nview,vid_nlike,vid_ncomment,vid_nshare,vid_nsave,vid_hashtags,vid_url,music_id,music_title,music_nused,music_authorName,music_originality";

/// A count as scrapers write it: `812`, `11.3K`, `1.2M`.
fn count(rng: &mut Rng) -> String {
    let n = (9.0 + 2.2 * rng.normal()).exp() as u64;
    if n >= 1_000_000 {
        format!("{:.1}M", n as f64 / 1e6)
    } else if n >= 10_000 {
        format!("{:.1}K", n as f64 / 1e3)
    } else {
        n.to_string()
    }
}

/// A scraper-style video history of `rows` rows (the development set's columns and forms:
/// abbreviated counts, `Share` for zero, float music ids, quoted hashtag lists).
fn write_history(path: &Path, rows: usize) {
    let mut rng = Rng::new(7);
    let base: i64 = 1_740_000_000;
    let mut out = String::with_capacity(rows * 320);
    out.push_str(HEADER);
    out.push('\n');
    for i in 0..rows {
        let account = format!("creator.{}", i % 2000);
        let t = base + rng.below(9_000_000) as i64;
        let id = ((t as u64) << 32) | (rng.next_u64() & 0xFFFF_FFFF);
        let stamp = |s: i64| {
            DateTime::from_timestamp(s, 0)
                .unwrap_or_default()
                .format("%Y-%m-%d %H:%M:%S")
                .to_string()
        };
        let posted = stamp(t);
        let scraped = stamp(t + 86_400 + rng.below(9_000_000) as i64);
        let caption: Vec<&str> = (0..rng.below(13)).map(|_| *rng.pick(WORDS)).collect();
        let tags: Vec<&str> = (0..rng.below(6)).map(|_| *rng.pick(TAGS)).collect();
        let share = if rng.chance(0.5) {
            "Share".to_string()
        } else {
            count(&mut rng)
        };
        let _ = writeln!(
            out,
            "{account},{},{id},{},{posted},{scraped},00:{:02},{},{},{},{share},{},\"{}\",https://www.tiktok.com/@{account}/video/{id},7.471985734489755e+18,nhạc nền - {account},{} videos,{account},True",
            count(&mut rng),
            caption.join(" "),
            5 + rng.below(55),
            count(&mut rng),
            count(&mut rng),
            rng.below(901),
            rng.below(5001),
            tags.join(", "),
            1 + rng.below(5000),
        );
    }
    std::fs::write(path, out).expect("write the history file");
}

/// A Studio file: BOM, every field quoted, `\n` line ends, no final newline.
fn studio_file(dir: &Path, name: &str, header: &[&str], rows: &[Vec<String>]) {
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        cells
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut lines = vec![line(&mut header.iter().copied())];
    lines.extend(rows.iter().map(|r| line(&mut r.iter().map(String::as_str))));
    let text = format!("\u{FEFF}{}", lines.join("\n"));
    std::fs::write(dir.join(name), text).expect("write a studio file");
}

/// The last day of the Studio export set.
fn export_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 3).expect("valid date")
}

/// A full 365-day Studio export set ending on [`export_day`], in a folder of its own.
fn write_studio_set(dir: &Path) {
    let mut rng = Rng::new(11);
    let days: Vec<NaiveDate> = (0..365)
        .rev()
        .map(|back| export_day() - chrono::Days::new(back))
        .collect();
    let written = |d: &NaiveDate| d.format("%B %-d").to_string();
    let overview: Vec<Vec<String>> = days
        .iter()
        .map(|d| {
            let mut row = vec![written(d)];
            row.extend((0..5).map(|_| rng.below(5000).to_string()));
            row
        })
        .collect();
    studio_file(
        dir,
        "Overview.csv",
        &[
            "Date",
            "Video Views",
            "Profile Views",
            "Likes",
            "Comments",
            "Shares",
        ],
        &overview,
    );
    let viewers: Vec<Vec<String>> = days
        .iter()
        .map(|d| {
            let (new, back) = (rng.below(400), rng.below(300));
            vec![
                written(d),
                (new + back).to_string(),
                new.to_string(),
                back.to_string(),
            ]
        })
        .collect();
    studio_file(
        dir,
        "Viewers.csv",
        &["Date", "Total Viewers", "New Viewers", "Returning Viewers"],
        &viewers,
    );
    let mut followers = 10_000i64;
    let history: Vec<Vec<String>> = days
        .iter()
        .map(|d| {
            let change = rng.below(40) as i64 - 15;
            followers += change;
            vec![written(d), followers.to_string(), change.to_string()]
        })
        .collect();
    studio_file(
        dir,
        "FollowerHistory.csv",
        &[
            "Date",
            "Followers",
            "Difference in followers from previous day",
        ],
        &history,
    );
    // TikTok only ever gives the last 7 days of follower activity, whatever the period
    // (FORMATS.md): 168 rows, as in a real 365-day export.
    let activity: Vec<Vec<String>> = days[days.len() - 7..]
        .iter()
        .flat_map(|d| (0..24).map(move |h| (*d, h)))
        .map(|(d, h)| vec![written(&d), h.to_string(), rng.below(900).to_string()])
        .collect();
    studio_file(
        dir,
        "FollowerActivity.csv",
        &["Date", "Hour", "Active followers"],
        &activity,
    );
    let content: Vec<Vec<String>> = days
        .iter()
        .map(|d| {
            let posted = d.and_hms_opt(18, 30, 0).unwrap_or_default().and_utc();
            let id = ((posted.timestamp() as u64) << 32) | (rng.next_u64() & 0xFFFF_FFFF);
            vec![
                written(&export_day()),
                format!("Day {d} knit #cottagecore #knitting"),
                format!("https://www.tiktok.com/@knitwit/video/{id}"),
                written(d),
                rng.below(900).to_string(),
                rng.below(90).to_string(),
                rng.below(40).to_string(),
                rng.below(90_000).to_string(),
            ]
        })
        .collect();
    studio_file(
        dir,
        "Content.csv",
        &[
            "Time",
            "Video title",
            "Video link",
            "Post time",
            "Total likes",
            "Total comments",
            "Total shares",
            "Total views",
        ],
        &content,
    );
    let gender = [("Female", "0.59"), ("Male", "0.38"), ("Other", "0.03")]
        .map(|(k, v)| vec![k.to_string(), v.to_string()]);
    studio_file(
        dir,
        "FollowerGender.csv",
        &["Gender", "Distribution"],
        &gender,
    );
    let territories = [
        ("NL", "41%"),
        ("BE", "22%"),
        ("XK", "2%"),
        ("Others", "35%"),
    ]
    .map(|(k, v)| vec![k.to_string(), v.to_string()]);
    studio_file(
        dir,
        "FollowerTopTerritories.csv",
        &["Top territories", "Distribution"],
        &territories,
    );
}

/// Reads, previews and commits `paths` into a new workspace, as the app does.
fn import(workspace: &Path, paths: &[PathBuf], options: &ImportOptions) -> Duration {
    fresh(workspace);
    let mut ws = Workspace::open(workspace).expect("open a fresh workspace");
    let start = Instant::now();
    let prepared = ws
        .prepare_import(paths, options.clone(), &Silent)
        .expect("prepare");
    assert!(
        !prepared.report.has_problems(),
        "{:?}",
        prepared.report.errors
    );
    let report = ws.commit_import(prepared, &Silent).expect("commit");
    assert!(report.committed);
    start.elapsed()
}

/// The CLI's path without `--dry-run`: read and commit in one pass.
fn import_now(workspace: &Path, paths: &[PathBuf], options: &ImportOptions) -> Duration {
    fresh(workspace);
    let mut ws = Workspace::open(workspace).expect("open a fresh workspace");
    let start = Instant::now();
    let report = ws
        .import_now(paths, options.clone(), &Silent)
        .expect("import");
    assert!(report.committed, "{:?}", report.errors);
    start.elapsed()
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let rows = std::env::var("SCROLLSTOP_BENCH_ROWS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000usize);
    let history = dir.path().join("history.csv");
    write_history(&history, rows);
    let workspace = dir.path().join("bench.sqlite");
    let options = ImportOptions {
        imported_at: now(),
        ..ImportOptions::default()
    };
    let text = std::fs::read_to_string(&history).expect("the history file");
    let paths = vec![history];

    // The CSV reading alone: records split into cells, with their lines, and nothing else.
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function(format!("history_{rows}_rows_csv_records"), |b| {
        b.iter(|| {
            let mut records = CsvRows::open(&text, None, 1).expect("a header");
            let mut row = Row::default();
            let mut cells = 0;
            while records.read_into(&mut row).expect("well-formed CSV") {
                cells += row.len();
            }
            cells
        });
    });
    group.finish();

    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(100));
    group.measurement_time(Duration::from_secs(20));
    group.bench_function(format!("history_{rows}_rows_preview_and_commit"), |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| import(&workspace, &paths, &options))
                .sum()
        });
    });
    group.bench_function(format!("history_{rows}_rows_cli_commit"), |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| import_now(&workspace, &paths, &options))
                .sum()
        });
    });
    group.finish();

    let studio = dir.path().join("studio");
    std::fs::create_dir_all(&studio).expect("a studio folder");
    write_studio_set(&studio);
    let options = ImportOptions {
        imported_at: now(),
        account: Some("knitwit".parse().expect("a valid handle")),
        export_date: Some(export_day()),
        ..ImportOptions::default()
    };
    let paths = vec![studio];
    let mut group = c.benchmark_group("import");
    group.sample_size(20);
    group.bench_function("studio_365_days_preview_and_commit", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| import(&workspace, &paths, &options))
                .sum()
        });
    });
    group.bench_function("studio_365_days_cli_commit", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| import_now(&workspace, &paths, &options))
                .sum()
        });
    });
    group.finish();
}

criterion_group!(import_benches, benches);
criterion_main!(import_benches);
