//! Speed of the reach model against its targets: one forecast with drivers <= 2 ms (reach
//! model 2, and the account model's 10,000 paths for accounts below three videos), the
//! 168-slot heat map <= 20 ms, fitting an account of 1,000 videos <= 200 ms, and the
//! development set's full walk-forward backtest <= 10 s (skipped when ../shared/data is
//! absent). Run: `cargo bench --bench model`.

use std::hint::black_box;

use chrono::{DateTime, Duration, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use scrollstop::model::{
    AccountHistory, Audience, Counts, DraftFeatures, ForecastContext, History, PastVideo, Slot,
    TrendContext, TrendingSound, backtest, fit,
};
use scrollstop::random::Rng;

const DEV_SET: &str = "../shared/data/tiktok-creators-dev.csv";

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 5, 12, 0, 0)
        .single()
        .expect("valid date")
}

/// An account of `n` videos with engagement counts and varied choices.
fn account(n: usize) -> History {
    let mut rng = Rng::new(1);
    let videos = (0..n)
        .map(|i| {
            let views = 10f64.powf(4.0 + 0.5 * rng.normal()).round();
            let features = DraftFeatures {
                duration_s: Some(8.0 + 80.0 * rng.uniform()),
                trending_sound: Some(rng.chance(0.4)),
                duet_stitch: Some(rng.chance(0.8)),
                hashtags: Some(rng.below(8) as usize),
                ..DraftFeatures::default()
            };
            let counts = Counts {
                age_hours: 24.0 * (n - i) as f64,
                views,
                likes: Some((views * 0.06).round()),
                comments: Some((views * 0.002).round()),
                shares: Some((views * 0.004).round()),
                saves: Some((views * 0.006).round()),
                avg_watch_s: None,
                full_watch_rate: None,
            };
            let posted = start() + Duration::hours(24 * i as i64);
            PastVideo::new(format!("v{i}"), posted, features, vec![counts])
        })
        .collect();
    History::new(videos, Some(40_000.0))
}

fn audience() -> Audience {
    let mut activity = [10.0; 168];
    for (h, a) in activity.iter_mut().enumerate() {
        if (18..22).contains(&(h % 24)) {
            *a = 50.0;
        }
    }
    Audience::from_activity(activity, 4)
}

fn trends() -> TrendContext {
    TrendContext::empty().with_sound(TrendingSound {
        name: "Hot Track - DJ".into(),
        rank: Some(1),
        bpm: Some(128),
        live: true,
    })
}

fn draft() -> DraftFeatures {
    DraftFeatures {
        duration_s: Some(45.0),
        vertical: Some(false),
        surprise_opening: Some(false),
        trending_sound: Some(false),
        native_features: Some(false),
        duet_stitch: Some(false),
        hashtags: Some(4),
        ..DraftFeatures::default()
    }
}

/// The development set through the generic importer, one history per account.
fn dev_set() -> Option<Vec<AccountHistory>> {
    scrollstop::workspace::histories_in_file(std::path::Path::new(DEV_SET))
}

fn model_benches(c: &mut Criterion) {
    let history = account(200);
    let model = fit(&history, &audience(), &trends());
    let context = ForecastContext::new(7);
    let slot = Slot::in_week(start(), 3);
    c.bench_function(
        "forecast with drivers, reach model 2 (target <= 2 ms)",
        |b| b.iter(|| model.forecast(black_box(&draft()), slot, &context)),
    );
    let mut paths = context.clone();
    paths.account_model_only = true;
    c.bench_function(
        "forecast 10k paths with drivers, account model (target <= 2 ms)",
        |b| b.iter(|| model.forecast(black_box(&draft()), slot, &paths)),
    );
    c.bench_function("heat map 168 slots (target <= 20 ms)", |b| {
        b.iter(|| model.heat_map(black_box(&draft()), start(), &context))
    });
    let big = account(1_000);
    c.bench_function("fit 1,000 videos (target <= 200 ms)", |b| {
        b.iter(|| fit(black_box(&big), &audience(), &trends()))
    });
    if let Some(accounts) = dev_set() {
        let mut group = c.benchmark_group("dev set");
        group.sample_size(10);
        group.bench_function("full backtest (target <= 10 s)", |b| {
            b.iter(|| backtest(black_box(&accounts), 3))
        });
        group.finish();
    } else {
        eprintln!("dev set absent: backtest benchmark skipped");
    }
}

criterion_group!(benches, model_benches);
criterion_main!(benches);
