//! How fast SQLite alone can store a 1,000,000-row video history, with no file read and no
//! parsing: the floor under issue 4's 3 s target on this machine. The rows have the shape the
//! history benchmark's file gives (2,000 accounts, TikTok ids in random order, captions,
//! hashtags, sounds, links, one count snapshot each) and are built in memory before timing.
//!
//! - `store_writes_*_file_order`: the import's own write path (`Store::import_batch`,
//!   `VideoWrites::upsert` and `add_snapshot`, commit), rows in the file's order.
//! - `store_writes_*_sorted`: the same rows sorted by account and TikTok id, the order in which
//!   the unique `(account_id, platform_id)` index is cheapest to build.
//! - `minimal_table_*`: the least any design can store and still recognise a video on
//!   re-import: a table of id, account, TikTok id and post time with that unique index, and a
//!   three-column snapshot table. Plain rusqlite, file order.
//! - `minimal_table_text_ids_index_built_after_*`: the same with the unique index built once
//!   after the rows (what the workspace does for a big import since schema 7).
//! - `minimal_table_integer_ids_index_built_after_*`: that, with TikTok ids stored as integers
//!   (schema 8): the floor of the design the workspace chose, beside those of the ones it had.
//!
//! Run: `cargo bench --bench import_floor`; `SCROLLSTOP_BENCH_ROWS=100000` makes it smaller.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use rusqlite::{Connection, params};
use scrollstop::domain::{AccountId, NewAccount, Snapshot};
use scrollstop::random::Rng;
use scrollstop::store::{Store, VideoFields};

mod history;
use history::{TAGS, WORDS, fresh};

const ACCOUNTS: usize = 2000;

/// One row of the history, as the import has it after parsing.
struct Row {
    account: usize,
    platform_id: String,
    tiktok_id: i64,
    posted_at: DateTime<Utc>,
    caption: String,
    hashtags: Vec<String>,
    duration_s: f32,
    sound: String,
    link: String,
    captured_at: DateTime<Utc>,
    views: i64,
    likes: i64,
    comments: i64,
    saves: i64,
}

fn rows(n: usize) -> Vec<Row> {
    let mut rng = Rng::new(7);
    let base: i64 = 1_740_000_000;
    let at = |s: i64| DateTime::from_timestamp(s, 0).unwrap_or_default();
    (0..n)
        .map(|i| {
            let account = i % ACCOUNTS;
            let t = base + rng.below(9_000_000) as i64;
            let tiktok_id = (((t as u64) << 32) | (rng.next_u64() & 0xFFFF_FFFF)) as i64;
            let id = tiktok_id.to_string();
            let caption: Vec<&str> = (0..rng.below(13)).map(|_| *rng.pick(WORDS)).collect();
            Row {
                account,
                link: format!("https://www.tiktok.com/@creator.{account}/video/{id}"),
                platform_id: id,
                tiktok_id,
                posted_at: at(t),
                caption: caption.join(" "),
                hashtags: (0..rng.below(6))
                    .map(|_| rng.pick(TAGS).to_string())
                    .collect(),
                duration_s: 5.0 + rng.below(55) as f32,
                sound: format!("nhạc nền - creator.{account}"),
                captured_at: at(t + 86_400 + rng.below(9_000_000) as i64),
                views: rng.below(2_000_000) as i64,
                likes: rng.below(100_000) as i64,
                comments: rng.below(900) as i64,
                saves: rng.below(5000) as i64,
            }
        })
        .collect()
}

/// Stores `rows` through the import's write path into a new workspace; times the batch only.
fn store_writes(path: &Path, rows: &[Row]) -> Duration {
    fresh(path);
    let mut store = Store::open(path).expect("a new workspace");
    let accounts: Vec<AccountId> = (0..ACCOUNTS)
        .map(|i| {
            store
                .add_account(&NewAccount {
                    handle: format!("creator.{i}").parse().expect("a valid handle"),
                    display_name: String::new(),
                    time_zone: chrono_tz::UTC,
                    region: String::new(),
                    language: String::new(),
                })
                .expect("an account")
        })
        .collect();
    let start = Instant::now();
    let mut batch = store.import_batch().expect("a batch");
    batch
        .expect_videos(rows.len() as u64)
        .expect("the identity index set aside");
    {
        let mut writes = batch.video_writes().expect("the statements");
        for r in rows {
            let (id, _) = writes
                .upsert(&VideoFields {
                    account: accounts[r.account],
                    platform_id: &r.platform_id,
                    posted_at: r.posted_at,
                    caption: &r.caption,
                    hashtags: &r.hashtags,
                    duration_s: Some(r.duration_s),
                    sound: Some(&r.sound),
                    link: Some(&r.link),
                    allow_duet: None,
                    allow_stitch: None,
                    allow_comments: None,
                })
                .expect("a video");
            writes
                .add_snapshot(&Snapshot {
                    video: id,
                    captured_at: r.captured_at,
                    views: r.views,
                    likes: Some(r.likes),
                    comments: Some(r.comments),
                    shares: None,
                    saves: Some(r.saves),
                    avg_watch_s: None,
                    full_watch_rate: None,
                })
                .expect("a snapshot");
        }
    }
    batch.commit().expect("commit");
    let took = start.elapsed();
    drop(store);
    took
}

/// The workspace's pragmas, for the bare schemas.
const PRAGMAS: &str = "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL;
    PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072;";

/// How a bare schema knows a video again on re-import.
#[derive(Clone, Copy)]
enum Identity {
    /// Schema 6's: the TikTok id as text, a unique (account, TikTok id) index beside the rows.
    TextIds,
    /// The TikTok id as an integer, with that unique index.
    IntegerIds,
    /// Text ids, the unique index built once after the rows (schema 7's big import).
    TextIdsIndexAfter,
    /// Integer ids, the unique index built once after the rows (schema 8's big import).
    IntegerIdsIndexAfter,
}

/// Stores the least a re-importable history needs, with the workspace's pragmas.
fn minimal_table(path: &Path, rows: &[Row], identity: Identity) -> Duration {
    fresh(path);
    let conn = Connection::open(path).expect("a database");
    let (platform_id, unique) = match identity {
        Identity::TextIds => ("TEXT", ", UNIQUE (account_id, platform_id)"),
        Identity::IntegerIds => ("INTEGER", ", UNIQUE (account_id, platform_id)"),
        Identity::TextIdsIndexAfter => ("TEXT", ""),
        Identity::IntegerIdsIndexAfter => ("INTEGER", ""),
    };
    conn.execute_batch(&format!(
        "{PRAGMAS}
         CREATE TABLE videos (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL,
             platform_id {platform_id} NOT NULL, posted_at INTEGER NOT NULL{unique});
         CREATE TABLE snapshots (video_id INTEGER NOT NULL, captured_at INTEGER NOT NULL,
             views INTEGER NOT NULL, PRIMARY KEY (video_id, captured_at)) WITHOUT ROWID;",
    ))
    .expect("the tables");
    let start = Instant::now();
    conn.execute_batch("BEGIN IMMEDIATE").expect("begin");
    {
        let mut video = conn
            .prepare(match identity {
                // Without the index, the import knows new videos in memory: a plain insert.
                Identity::TextIdsIndexAfter | Identity::IntegerIdsIndexAfter => {
                    "INSERT INTO videos (account_id, platform_id, posted_at) VALUES (?1, ?2, ?3)"
                }
                _ => {
                    "INSERT INTO videos (account_id, platform_id, posted_at) VALUES (?1, ?2, ?3)
                     ON CONFLICT DO NOTHING"
                }
            })
            .expect("a statement");
        let mut snapshot = conn
            .prepare("INSERT OR IGNORE INTO snapshots VALUES (?1, ?2, ?3)")
            .expect("a statement");
        for r in rows {
            let account = r.account as i64 + 1;
            let at = r.posted_at.timestamp();
            match identity {
                Identity::TextIds | Identity::TextIdsIndexAfter => {
                    video.execute(params![account, r.platform_id, at])
                }
                Identity::IntegerIds | Identity::IntegerIdsIndexAfter => {
                    video.execute(params![account, r.tiktok_id, at])
                }
            }
            .expect("a video");
            snapshot
                .execute(params![
                    conn.last_insert_rowid(),
                    r.captured_at.timestamp(),
                    r.views
                ])
                .expect("a snapshot");
        }
    }
    if let Identity::TextIdsIndexAfter | Identity::IntegerIdsIndexAfter = identity {
        conn.execute_batch("CREATE UNIQUE INDEX identity ON videos(account_id, platform_id)")
            .expect("the index");
    }
    conn.execute_batch("COMMIT").expect("commit");
    start.elapsed()
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let n = std::env::var("SCROLLSTOP_BENCH_ROWS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000usize);
    let mut rows = rows(n);
    let path = dir.path().join("floor.sqlite");
    let mut group = c.benchmark_group("import_floor");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(60));
    group.bench_function(format!("store_writes_{n}_rows_file_order"), |b| {
        b.iter_custom(|iters| (0..iters).map(|_| store_writes(&path, &rows)).sum());
    });
    for (name, identity) in [
        ("text_ids", Identity::TextIds),
        ("integer_ids", Identity::IntegerIds),
        ("text_ids_index_built_after", Identity::TextIdsIndexAfter),
        (
            "integer_ids_index_built_after",
            Identity::IntegerIdsIndexAfter,
        ),
    ] {
        group.bench_function(format!("minimal_table_{name}_{n}_rows_file_order"), |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| minimal_table(&path, &rows, identity))
                    .sum()
            });
        });
    }
    rows.sort_by(|a, b| (a.account, &a.platform_id).cmp(&(b.account, &b.platform_id)));
    group.bench_function(format!("store_writes_{n}_rows_sorted"), |b| {
        b.iter_custom(|iters| (0..iters).map(|_| store_writes(&path, &rows)).sum());
    });
    group.finish();
}

criterion_group!(floor_benches, benches);
criterion_main!(floor_benches);
