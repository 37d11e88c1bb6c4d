//! The planner against issue 18's targets, on the workspace of `plan_workspace` (the demo plus
//! 5,000 approved drafts without a slot, rebuilt from a fixed seed):
//!
//! - `plan` 30 days x 4 posts from 5,000 candidates: at most 1 s;
//! - `plan` a year x 4 posts from 5,000 candidates: at most 5 s, peak memory under 300 MB.
//!
//! Both run the whole path the `plan` command runs (reading, scoring every candidate with the
//! account's fitted model, planning, the report) as a dry run; a written run (one exclusive
//! transaction) and the year's peak memory are printed once on stderr. The pure planner is
//! measured alone on a synthetic 30 days x 4 posts from 1,000 drafts as before.
//!
//! Run: `cargo bench --bench plan`. `PLAN_BENCH_ONCE=month|year` runs one plan and exits (for a
//! profiler); `SCROLLSTOP_PLAN_WORKSPACE=file.sqlite` keeps (and reuses) the workspace.

mod plan_workspace;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Duration, NaiveDate, Timelike};
use criterion::Criterion;
use scrollstop::domain::{AccountId, Cadence, DraftId, SubcultureId};
use scrollstop::schedule::{
    BestTimes, CadenceRules, Fixed, PlanDraft, PlanInput, ScoreMatrix, SubcultureMix, auto_plan,
    candidates, hourly_grid,
};
use scrollstop::workspace::{PlanRequest, Workspace};

/// SplitMix64: a fixed stream of numbers, the same on every run.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The pure planner on a synthetic score matrix: 30 days x 4 posts from 1,000 drafts.
fn auto_plan_alone(c: &mut Criterion) {
    let zone = chrono_tz::Europe::Amsterdam;
    let rules = CadenceRules::new(
        &Cadence {
            posts_per_day: 4,
            min_spacing_hours: 2.0,
            allowed_days: 0b111_1111,
            first_hour: 8,
            last_hour: 22,
        },
        SubcultureMix {
            shares: vec![(SubcultureId(1), 0.4), (SubcultureId(2), 0.3)],
        },
    );
    let from = NaiveDate::from_ymd_opt(2026, 10, 12).expect("date");
    let to = NaiveDate::from_ymd_opt(2026, 11, 10).expect("date");
    let (slots, _) = candidates(&hourly_grid(&rules, zone, from, to));
    let best = BestTimes::prior(0);
    let mut n = Numbers(7);
    let drafts: Vec<PlanDraft> = (0..1_000)
        .map(|i| PlanDraft {
            id: DraftId(i + 1),
            subculture: match i % 4 {
                0 | 1 => Some(SubcultureId(1)),
                2 => Some(SubcultureId(2)),
                _ => None,
            },
            fading: i % 10 == 0,
        })
        .collect();
    let quality: Vec<f64> = (0..drafts.len())
        .map(|_| 500.0 + 5_000.0 * n.next())
        .collect();
    let scores = ScoreMatrix::from_fn(drafts.len(), slots.len(), |d, s| {
        quality[d] * best.weight(slots[s].hour_of_week) * (0.9 + 0.2 * n.next())
    });
    let pairs: Vec<(DraftId, DraftId)> = (0..300)
        .map(|_| {
            let a = (n.next() * 1_000.0) as i64 + 1;
            let b = (n.next() * 1_000.0) as i64 + 1;
            (DraftId(a), DraftId(b))
        })
        .collect();
    let fixed: Vec<Fixed> = slots
        .iter()
        .filter(|s| s.wall.hour() == 12)
        .step_by(5)
        .enumerate()
        .map(|(i, s)| Fixed {
            draft: DraftId(10_000 + i as i64),
            subculture: None,
            date: s.date,
            instant: s.instant,
        })
        .collect();
    let input = PlanInput {
        rules: &rules,
        slots: &slots,
        drafts: &drafts,
        scores: &scores,
        fixed: &fixed,
        near_duplicates: &pairs,
        best_times: &best,
    };
    let once = auto_plan(&input).expect("plan");
    eprintln!(
        "auto_plan: {} slots, {} drafts: {} placed, {} pinned kept",
        slots.len(),
        drafts.len(),
        once.placements.len(),
        fixed.len()
    );
    let mut group = c.benchmark_group("auto_plan");
    group.sample_size(10);
    group.bench_function("30 days x 4 posts from 1,000 drafts", |b| {
        b.iter(|| auto_plan(black_box(&input)).expect("plan"))
    });
    group.finish();
}

/// The two targets' requests: 30 days and a year (365 days), 4 posts a day.
fn request(account: AccountId, days: i64, dry_run: bool) -> PlanRequest {
    let from = plan_workspace::first_day();
    PlanRequest {
        account,
        from,
        to: from + Duration::days(days - 1),
        per_day: Some(4),
        dry_run,
    }
}

/// The workspace file: kept where `SCROLLSTOP_PLAN_WORKSPACE` says, else in `dir`.
fn workspace_file(dir: &Path) -> (PathBuf, AccountId) {
    let path = std::env::var_os("SCROLLSTOP_PLAN_WORKSPACE")
        .map_or_else(|| dir.join("plan.sqlite"), PathBuf::from);
    if path.exists() {
        let ws = Workspace::open(&path).expect("the kept workspace opens");
        let account = ws.accounts().expect("accounts").remove(0).id;
        return (path, account);
    }
    let started = Instant::now();
    let account = plan_workspace::write(&path);
    eprintln!(
        "plan bench: {} written in {:.1} s",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    (path, account)
}

/// Peak resident memory since the last reset (Linux: VmHWM, reset through clear_refs).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn reset_peak_rss() {
    // "5" resets the peak resident set size (Linux 4.0+); without it the figure is the
    // process's lifetime peak, which only overstates.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// One timed plan, printed: `written` copies the workspace first so the bench's stays unplanned.
fn plan_once(path: &Path, account: AccountId, days: i64, written: bool) {
    let copy = path.with_extension("written.sqlite");
    let target = if written {
        std::fs::copy(path, &copy).expect("workspace copied");
        copy.as_path()
    } else {
        path
    };
    let mut ws = Workspace::open(target).expect("workspace opens");
    reset_peak_rss();
    let base = peak_rss_mb().unwrap_or(0.0);
    let started = Instant::now();
    let report = ws
        .plan_range(&request(account, days, !written), plan_workspace::now())
        .expect("plan");
    let took = started.elapsed().as_secs_f64();
    eprintln!(
        "plan bench: {days} days x 4 posts, {}: {} placed, {} unplaced, total predicted {:.0}, {took:.2} s, peak RSS {:.0} MB (from {base:.0} MB)",
        if written { "written" } else { "dry run" },
        report.placements.len(),
        report.unplaced.len(),
        report.total_predicted_median_24h,
        peak_rss_mb().unwrap_or(f64::NAN),
    );
    drop(ws);
    if written {
        let _ = std::fs::remove_file(&copy);
    }
}

fn workspace_plans(c: &mut Criterion, path: &Path, account: AccountId) {
    plan_once(path, account, 365, false);
    plan_once(path, account, 30, true);
    plan_once(path, account, 365, true);
    let mut ws = Workspace::open(path).expect("workspace opens");
    let mut group = c.benchmark_group("plan");
    group.sample_size(10);
    for (days, name) in [
        (
            30,
            "30 days x 4 posts from 5,000 candidates (target <= 1 s)",
        ),
        (
            365,
            "a year x 4 posts from 5,000 candidates (target <= 5 s, < 300 MB)",
        ),
    ] {
        let req = request(account, days, true);
        group.bench_function(name, |b| {
            b.iter(|| {
                ws.plan_range(black_box(&req), plan_workspace::now())
                    .expect("plan")
            })
        });
    }
    group.finish();
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (path, account) = workspace_file(dir.path());
    if let Ok(which) = std::env::var("PLAN_BENCH_ONCE") {
        let days = if which == "year" { 365 } else { 30 };
        plan_once(&path, account, days, false);
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    auto_plan_alone(&mut c);
    workspace_plans(&mut c, &path, account);
    c.final_summary();
}
