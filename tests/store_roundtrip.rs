//! Every table of the workspace keeps what is written to it, across closing and reopening.

use chrono::{NaiveDate, TimeZone, Utc};
use scrollstop::domain::*;
use scrollstop::store::{Change, LATEST_VERSION, Store};

fn new_account(handle: &str) -> NewAccount {
    NewAccount {
        handle: handle.parse().expect("a valid handle"),
        display_name: "Fern & Fable".into(),
        time_zone: chrono_tz::Europe::Amsterdam,
        region: "NL".into(),
        language: "nl".into(),
    }
}

/// A new workspace with the account @fernandfable: its folder (removed when dropped), the
/// file's path, the store and the account.
fn workspace_with_account() -> (tempfile::TempDir, std::path::PathBuf, Store, AccountId) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("w.sqlite");
    let mut store = Store::open(&path).expect("opens");
    let account = store
        .add_account(&new_account("fernandfable"))
        .expect("account");
    (dir, path, store, account)
}

#[test]
fn a_new_workspace_is_migrated_to_the_latest_schema_and_reopens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("w.sqlite");
    let store = Store::open(&path).expect("creates");
    assert_eq!(store.schema_version().expect("version"), LATEST_VERSION);
    assert!(store.is_empty().expect("empty"));
    drop(store);
    let store = Store::open(&path).expect("reopens");
    assert_eq!(store.schema_version().expect("version"), LATEST_VERSION);
}

#[test]
fn accounts_and_subcultures_round_trip_with_undoable_deletes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("w.sqlite");
    let mut store = Store::open(&path).expect("opens");
    let id = store
        .add_account(&new_account("@fernandfable"))
        .expect("add");
    assert!(
        store.add_account(&new_account("FernAndFable")).is_err(),
        "handles are unique"
    );
    let mut account = store.account(id).expect("read");
    assert_eq!(account.handle, "fernandfable");
    account.time_zone = chrono_tz::America::New_York;
    account.cadence.posts_per_day = 3;
    store.update_account(&account).expect("update");

    let tags = vec!["cottagecore".to_string(), "knitting".to_string()];
    let sid = store
        .add_subculture(
            "#CottageCore",
            &tags,
            "Flower prints, knitting",
            Colour([1, 2, 3]),
        )
        .expect("add subculture");
    assert!(
        store
            .add_subculture("#cottagecore", &[], "", Colour([0, 0, 0]))
            .is_err(),
        "names are unique"
    );
    drop(store);

    let mut store = Store::open(&path).expect("reopens");
    assert_eq!(store.accounts().expect("accounts"), vec![account.clone()]);
    let subs = store.subcultures().expect("subcultures");
    assert_eq!(subs.len(), 1);
    assert_eq!(subs[0].hashtags, tags);
    assert_eq!(subs[0].colour, Colour([1, 2, 3]));

    store.trash_subculture(sid).expect("trash");
    assert!(store.subcultures().expect("list").is_empty());
    store.restore_subculture(sid).expect("restore");
    assert_eq!(store.subcultures().expect("list").len(), 1);

    store.trash_account(id).expect("trash account");
    assert!(store.accounts().expect("list").is_empty());
    store.restore_account(id).expect("restore account");
    assert_eq!(store.accounts().expect("list"), vec![account]);
}

#[test]
fn drafts_comments_and_plan_entries_round_trip() {
    let (_dir, path, mut store, account) = workspace_with_account();
    let now = Utc
        .with_ymd_and_hms(2026, 3, 1, 12, 0, 0)
        .single()
        .expect("instant");
    let mut draft = Draft::blank(account, now);
    draft.title = "Three knits".into();
    draft.caption = "Three knits for a rainy day 🌧️ #cottagecore".into();
    draft.hashtags = hashtags_in(&draft.caption);
    draft.sound = Some("Rainy Day - Lofi".into());
    draft.sound_bpm = Some(124);
    draft.duration_s = Some(14.5);
    draft.aspect = AspectRatio::Landscape;
    draft.features.trending_effect = Some("Green screen".into());
    draft.status = DraftStatus::InReview;
    let id = store.add_draft(&draft).expect("add draft");
    store
        .add_draft_comment(id, "Sam", now, "Shorter hook?")
        .expect("comment");

    let wall = NaiveDate::from_ymd_opt(2026, 3, 29)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("wall");
    let entry = PlanEntry {
        id: PlanEntryId(0),
        account,
        draft: id,
        wall_time: wall,
        zone: chrono_tz::Europe::Amsterdam,
        instant: Utc
            .with_ymd_and_hms(2026, 3, 29, 7, 0, 0)
            .single()
            .expect("instant"),
        uid: "abc@scrollstop".into(),
        sequence: 0,
        pinned: true,
        reason: "audience peak".into(),
    };
    let ids = store
        .add_plan_entries(std::slice::from_ref(&entry))
        .expect("plan");
    drop(store);

    let mut store = Store::open(&path).expect("reopens");
    let stored = store.draft(id).expect("draft");
    assert_eq!(stored.caption, draft.caption);
    assert_eq!(stored.hashtags, vec!["cottagecore"]);
    assert_eq!(stored.aspect, AspectRatio::Landscape);
    assert_eq!(stored.features, draft.features);
    assert_eq!(stored.status, DraftStatus::InReview);
    assert_eq!(stored.sound_bpm, Some(124));
    assert_eq!(
        store.draft_comments(id).expect("comments")[0].text,
        "Shorter hook?"
    );

    let from = Utc
        .with_ymd_and_hms(2026, 3, 1, 0, 0, 0)
        .single()
        .expect("from");
    let to = Utc
        .with_ymd_and_hms(2026, 4, 1, 0, 0, 0)
        .single()
        .expect("to");
    let plan = store.plan_entries(account, from, to).expect("plan");
    assert_eq!(
        plan,
        vec![PlanEntry {
            id: ids[0],
            ..entry.clone()
        }]
    );
    store
        .reschedule(&PlanEntry {
            id: ids[0],
            ..entry
        })
        .expect("reschedule");
    assert_eq!(
        store.plan_entries(account, from, to).expect("plan")[0].sequence,
        1
    );

    store.trash_drafts(&[id]).expect("trash");
    assert!(store.drafts(account).expect("drafts").is_empty());
    assert_eq!(store.trashed_drafts(account).expect("trash").len(), 1);
    assert!(
        store
            .plan_entries(account, from, to)
            .expect("plan")
            .is_empty()
    );
    store.restore_drafts(&[id]).expect("restore");
    assert_eq!(store.drafts(account).expect("drafts").len(), 1);
}

#[test]
fn videos_snapshots_analytics_trends_and_log_round_trip() {
    let (_dir, path, mut store, account) = workspace_with_account();
    let posted = Utc
        .with_ymd_and_hms(2025, 9, 4, 1, 8, 27)
        .single()
        .expect("posted");
    let video = Video {
        id: VideoId(0),
        account,
        platform_id: "7546034661705796877".into(),
        posted_at: posted,
        caption: "Three knits #cottagecore".into(),
        hashtags: vec!["cottagecore".into()],
        duration_s: Some(31.0),
        sound: None,
        link: None,
        allow_duet: Some(true),
        allow_stitch: None,
        allow_comments: Some(false),
    };
    let snap = |days: i64, views: i64| Snapshot {
        video: VideoId(0),
        captured_at: posted + chrono::Duration::days(days),
        views,
        likes: Some(views / 10),
        comments: Some(-2),
        shares: None,
        saves: Some(3),
        avg_watch_s: Some(7.5),
        full_watch_rate: Some(0.25),
    };
    store
        .add_videos(&[(video.clone(), vec![snap(1, 1000), snap(7, 5000)])])
        .expect("videos");
    // The same import again changes nothing; a later export adds a snapshot.
    store
        .add_videos(&[(
            video.clone(),
            vec![snap(1, 1000), snap(7, 5000), snap(30, 6000)],
        )])
        .expect("again");

    let day = NaiveDate::from_ymd_opt(2025, 9, 4).expect("day");
    let metrics = DailyMetrics {
        date: Some(day),
        video_views: Some(1200),
        followers: Some(5400),
        ..Default::default()
    };
    assert_eq!(
        store
            .add_daily_metrics(account, std::slice::from_ref(&metrics))
            .expect("m"),
        1
    );
    assert_eq!(
        store
            .add_daily_metrics(account, std::slice::from_ref(&metrics))
            .expect("m"),
        0,
        "same values change nothing"
    );
    let newer = DailyMetrics {
        video_views: Some(1300),
        followers: None,
        ..metrics.clone()
    };
    assert_eq!(store.add_daily_metrics(account, &[newer]).expect("m"), 1);

    store
        .add_follower_activity(&[FollowerActivity {
            account,
            date: day,
            hour: 20,
            active_followers: 310,
        }])
        .expect("activity");
    store
        .add_audience_shares(&[AudienceShare {
            account,
            dimension: AudienceDimension::Gender,
            key: "Female".into(),
            share: 0.59,
            captured_on: day,
        }])
        .expect("shares");
    let item = TrendItem {
        id: TrendItemId(0),
        kind: TrendKind::Sound,
        name: "Espresso - Sabrina Carpenter".into(),
        region: "NL".into(),
        industry: String::new(),
        bpm: Some(104),
        duration_s: Some(30.0),
        commercial_ok: Some(false),
    };
    let capture = TrendCapture {
        item: TrendItemId(0),
        captured_at: posted,
        rank: Some(3),
        rank_change: Some(2),
        posts: Some(120_000),
        views: None,
        period_days: 7,
        source: "manual".into(),
    };
    let item_id = store.record_trend(&item, &capture).expect("trend");
    store
        .record_trend(&item, &capture)
        .expect("same capture again");
    store
        .log_import(&ImportRecord {
            id: 0,
            file_name: "Content.csv".into(),
            content_hash: "abc".into(),
            imported_at: posted,
            report_kind: "Content".into(),
            account: Some(account),
            summary: "1 video added".into(),
        })
        .expect("log");
    store.set_setting("theme", "dark").expect("setting");
    drop(store);

    let store = Store::open(&path).expect("reopens");
    let videos = store.videos(account).expect("videos");
    assert_eq!(videos.len(), 1);
    assert_eq!(videos[0].video.allow_comments, Some(false));
    assert_eq!(
        videos[0]
            .snapshots
            .iter()
            .map(|s| s.views)
            .collect::<Vec<_>>(),
        vec![1000, 5000, 6000]
    );
    assert_eq!(
        videos[0].snapshots[0].comments,
        Some(-2),
        "negative counts are kept"
    );
    let days = store.daily_metrics(account).expect("days");
    assert_eq!(
        (days[0].video_views, days[0].followers),
        (Some(1300), Some(5400))
    );
    let profile = store.hour_of_week_profile(account).expect("profile");
    assert_eq!(profile.weeks, 1);
    assert_eq!(
        profile.mean_active[3 * 24 + 20],
        310.0,
        "2025-09-04 is a Thursday"
    );
    assert_eq!(
        store
            .audience_shares(account, AudienceDimension::Gender)
            .expect("shares")[0]
            .share,
        0.59
    );
    let trends = store.trends().expect("trends");
    assert_eq!(trends.len(), 1);
    assert_eq!(trends[0].0.id, item_id);
    assert_eq!(trends[0].1.len(), 1, "the same capture is kept once");
    assert_eq!(store.import_log().expect("log")[0].summary, "1 video added");
    assert_eq!(
        store.setting("theme").expect("setting").as_deref(),
        Some("dark")
    );
    let counts = store.counts().expect("counts");
    assert_eq!(
        (counts.videos, counts.video_snapshots, counts.trend_captures),
        (1, 3, 1)
    );
}

#[test]
fn a_canonical_link_is_stored_short_and_read_back_whole() {
    let (_dir, path, mut store, account) = workspace_with_account();
    let posted = Utc
        .with_ymd_and_hms(2025, 9, 4, 1, 8, 27)
        .single()
        .expect("posted");
    let video = |id: &str, link: Option<&str>| Video {
        id: VideoId(0),
        account,
        platform_id: id.into(),
        posted_at: posted,
        caption: String::new(),
        hashtags: Vec::new(),
        duration_s: None,
        sound: None,
        link: link.map(str::to_string),
        allow_duet: None,
        allow_stitch: None,
        allow_comments: None,
    };
    let canonical = "https://www.tiktok.com/@fernandfable/video/7546034661705796877";
    let with_query = "https://www.tiktok.com/@fernandfable/video/7546034661705796878?lang=en";
    let someone_else = "https://www.tiktok.com/@knitwit/video/7546034661705796879";
    let videos = [
        video("7546034661705796877", Some(canonical)),
        video("7546034661705796878", Some(with_query)),
        video("7546034661705796879", Some(someone_else)),
        video("7546034661705796880", None),
    ];
    let items: Vec<(Video, Vec<Snapshot>)> = videos.iter().map(|v| (v.clone(), vec![])).collect();
    store.add_videos(&items).expect("videos");
    drop(store);

    let raw = rusqlite::Connection::open(&path).expect("the file");
    let stored: Vec<Option<String>> = raw
        .prepare("SELECT link FROM videos ORDER BY platform_id")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("links");
    assert_eq!(
        stored,
        vec![
            Some(String::new()),
            Some(with_query.to_string()),
            Some(someone_else.to_string()),
            None
        ],
        "only the canonical link is stored short; NULL still means unknown"
    );
    drop(raw);

    let mut store = Store::open(&path).expect("reopens");
    let expected: Vec<Option<&str>> = videos.iter().map(|v| v.link.as_deref()).collect();
    let read: Vec<Option<String>> = store
        .videos(account)
        .expect("videos")
        .into_iter()
        .map(|v| v.video.link)
        .collect();
    assert_eq!(
        read.iter().map(Option::as_deref).collect::<Vec<_>>(),
        expected
    );
    let latest: Vec<Option<String>> = store
        .videos_with_latest(account)
        .expect("videos")
        .into_iter()
        .map(|v| v.video.link)
        .collect();
    assert_eq!(latest, read);

    // Importing the same videos again changes nothing; the unknown link is filled in short.
    let batch = store.import_batch().expect("a batch");
    let mut changes = Vec::new();
    {
        let mut writes = batch.video_writes().expect("statements");
        let filled = video(
            "7546034661705796880",
            Some("https://www.tiktok.com/@fernandfable/video/7546034661705796880"),
        );
        for v in videos[..3].iter().chain([&filled]) {
            changes.push(writes.upsert(&v.into()).expect("upsert").1);
        }
    }
    batch.commit().expect("commit");
    assert_eq!(
        changes,
        vec![
            Change::Unchanged,
            Change::Unchanged,
            Change::Unchanged,
            Change::Updated
        ]
    );
    let last = store
        .videos(account)
        .expect("videos")
        .pop()
        .expect("a video");
    assert_eq!(
        last.video.link.as_deref(),
        Some("https://www.tiktok.com/@fernandfable/video/7546034661705796880")
    );
}

#[test]
fn a_draft_outline_is_the_drafts_own_title_and_status() {
    let (_dir, _path, mut store, account) = workspace_with_account();
    let subculture = store
        .subcultures()
        .expect("subcultures")
        .first()
        .map(|s| s.id);
    let mut titled = Draft::blank(account, Utc::now());
    titled.title = "Mushroom foraging".into();
    titled.status = DraftStatus::Approved;
    titled.subculture = subculture;
    titled.sound = Some("Heather - Conan Gray".into());
    titled.hashtags = vec!["cottagecore".into(), "mushroomtok".into()];
    titled.caption = "A caption the outline leaves out".into();
    store.add_draft(&titled).expect("saves");
    let untitled = store
        .add_draft(&Draft::blank(account, Utc::now()))
        .expect("saves");
    let trashed = store
        .add_draft(&Draft::blank(account, Utc::now()))
        .expect("saves");
    store.trash_drafts(&[trashed]).expect("trashes");

    let outlines = store.draft_outlines(account).expect("outlines");
    let drafts = store.drafts(account).expect("drafts");
    let projected: Vec<DraftOutline> = drafts
        .iter()
        .map(|d| DraftOutline {
            id: d.id,
            title: d.title.clone(),
            status: d.status,
        })
        .collect();
    assert_eq!(outlines, projected, "the same drafts, in the same order");
    assert_eq!(outlines.len(), 2, "the trashed draft is left out");
    let blank = outlines.iter().find(|o| o.id == untitled).expect("listed");
    assert_eq!(blank.display_title(), "(untitled)");
    assert!(
        outlines
            .iter()
            .any(|o| o.display_title() == "Mushroom foraging")
    );
}

#[test]
fn a_second_connection_for_a_background_thread_sees_and_writes_the_same_workspace() {
    let (dir, path, store, account) = workspace_with_account();
    let mut again = Store::reopen(&path).expect("reopens");
    assert_eq!(
        again.accounts().expect("accounts"),
        store.accounts().expect("accounts")
    );
    let mut draft = Draft::blank(account, Utc::now());
    draft.title = "Written on the second connection".into();
    again.add_draft(&draft).expect("saves");
    let seen = store.drafts(account).expect("drafts");
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].title, "Written on the second connection");
    let orphan = Draft::blank(AccountId(9_999), Utc::now());
    assert!(
        again.add_draft(&orphan).is_err(),
        "foreign keys are enforced on the second connection too"
    );

    // A file that is not a workspace at the latest schema takes the whole open: a missing one
    // is created as a new workspace.
    let missing = dir.path().join("new.sqlite");
    let fresh = Store::reopen(&missing).expect("created");
    assert_eq!(fresh.schema_version().expect("version"), LATEST_VERSION);
}
