//! Speed of team workspaces (issue 15) against a real PostgreSQL server the bench starts itself
//! (the team tests' helper, `tests/team/server.rs`: Debian's package, a temporary cluster on
//! 127.0.0.1, run as an unprivileged user):
//!
//! - a member's first join of a workspace holding 100,000 snapshots (2,000 videos with 50
//!   snapshots each): at most 10 s;
//! - a pull of 10,000 ops (10,000 drafts a teammate made): at most 1 s.
//!
//! Setting up pushes everything once (the lead sharing the workspace) and prints how long that
//! took. Run: `cargo bench --bench team` (PostgreSQL must be installed: `apt-get install -y
//! postgresql`).

#[path = "../tests/team/server.rs"]
mod server;
#[path = "../tests/common/team_order.rs"]
mod team_order;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};
use scrollstop::domain::{AccountId, Draft, Snapshot, Video, VideoId};
use scrollstop::store::Store;
use scrollstop::workspace::Workspace;
use scrollstop::workspace::team::{Environment, ServerAddress, SyncReport, TeamServer};
use server::{TestServer, with_password};

const LEAD: &str = "bench_lead";
const PASSWORD: &str = "pw-bench-lead";
const VIDEOS: usize = 2_000;
const SNAPSHOTS_EACH: usize = 50;
const DRAFTS: usize = 10_000;

/// 2,000 videos of `account`, each with 50 daily snapshots, written with the store API.
fn videos(path: &Path, account: AccountId) {
    let start = Utc
        .with_ymd_and_hms(2025, 1, 1, 12, 0, 0)
        .single()
        .expect("a time");
    let items: Vec<(Video, Vec<Snapshot>)> = (0..VIDEOS)
        .map(|n| {
            let posted_at = start + chrono::Duration::hours(n as i64 * 5);
            let video = Video {
                id: VideoId(0),
                account,
                platform_id: format!("7{n:018}"),
                posted_at,
                caption: format!("Lunchbox idea {n} #bento #lunch"),
                hashtags: vec!["bento".into(), "lunch".into()],
                duration_s: Some(20.0 + (n % 40) as f32),
                sound: Some("original sound".into()),
                link: None,
                allow_duet: Some(true),
                allow_stitch: Some(true),
                allow_comments: Some(true),
            };
            let snapshots = (0..SNAPSHOTS_EACH)
                .map(|day| Snapshot {
                    video: VideoId(0),
                    captured_at: posted_at + chrono::Duration::days(day as i64 + 1),
                    views: 1_000 + (n as i64 * 37 + day as i64 * 101) % 50_000,
                    likes: Some(100 + day as i64),
                    comments: Some(5),
                    shares: Some(3),
                    saves: Some(7),
                    avg_watch_s: Some(9.5),
                    full_watch_rate: Some(0.21),
                })
                .collect();
            (video, snapshots)
        })
        .collect();
    Store::open(path)
        .expect("store")
        .add_videos(&items)
        .expect("videos");
}

/// 10,000 drafts of `account`, made without edits (as an import makes them).
fn drafts(path: &Path, account: AccountId) {
    let mut store = Store::open(path).expect("store");
    let batch = store.batch().expect("batch");
    for n in 0..DRAFTS {
        let mut draft = Draft::blank(account, Utc::now());
        draft.title = format!("Lunchbox idea {n}");
        draft.caption = format!("Three lunchboxes in ten minutes, part {n} #bento");
        batch.add_draft(&draft).expect("draft");
    }
    batch.commit().expect("committed");
}

fn team_benches(c: &mut Criterion) {
    let server = TestServer::start(false);
    server
        .sql("postgres")
        .batch_execute(&format!(
            "CREATE ROLE \"{LEAD}\" LOGIN CREATEROLE PASSWORD '{PASSWORD}'"
        ))
        .expect("the lead's login");
    let db = server.database("bench_team", Some(LEAD));
    let address = ServerAddress::parse(&server.url(LEAD, &db, "disable")).expect("address");
    let env: Environment = with_password(PASSWORD);
    let dir = tempfile::tempdir().expect("temporary folder");

    let lead_path = dir.path().join("lead.sqlite");
    let mut lead = Workspace::open(&lead_path).expect("opens");
    let id = team_order::add_account(&mut lead, "Lead");
    videos(&lead_path, id);
    let started = Instant::now();
    let shared = lead
        .share_with_team(&address, &env, "Bench", "Lead")
        .expect("shared");
    eprintln!(
        "team bench: shared {} analytics rows and {} changes in {:.1} s",
        shared.sync.analytics_sent,
        shared.published,
        started.elapsed().as_secs_f64()
    );

    let mut group = c.benchmark_group("team");
    // Every iteration takes a second or more: ten of them, each timed alone.
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(20));
    let mut n = 0;
    group.bench_function("join with 100,000 snapshots (target <= 10 s)", |b| {
        b.iter_batched(
            || {
                n += 1;
                dir.path().join(format!("join-{n}.sqlite"))
            },
            |path: PathBuf| {
                let (ws, joined) = Workspace::join_team(&path, &address, &env).expect("joined");
                assert_eq!(joined.sync.pulled.analytics, VIDEOS * (SNAPSHOTS_EACH + 1));
                drop(ws);
                let _ = std::fs::remove_file(&path);
            },
            BatchSize::PerIteration,
        );
    });

    // A member who has everything so far; the lead then makes 10,000 drafts.
    let mate_path = dir.path().join("mate.sqlite");
    drop(Workspace::join_team(&mate_path, &address, &env).expect("the member joins"));
    drafts(&lead_path, id);
    let queued = lead.share_unlogged("Lead").expect("queued");
    let pushed = {
        let mut session = TeamServer::connect_with(&address, &env).expect("connects");
        lead.sync_with(&mut session).expect("synced").pushed
    };
    eprintln!("team bench: the lead queued {queued} ops and pushed {pushed}");
    let mut n = 0;
    group.bench_function("pull 10,000 ops (target <= 1 s)", |b| {
        b.iter_batched(
            || {
                n += 1;
                let copy = dir.path().join(format!("pull-{n}.sqlite"));
                std::fs::copy(&mate_path, &copy).expect("a copy of the member's workspace");
                let ws = Workspace::open(&copy).expect("opens");
                let session = TeamServer::connect_with(&address, &env).expect("connects");
                (ws, session)
            },
            |(mut ws, mut session)| {
                let mut report = SyncReport::default();
                ws.pull_from(&mut session, &mut report).expect("pulled");
                assert_eq!(report.pulled.applied, DRAFTS);
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, team_benches);
criterion_main!(benches);
