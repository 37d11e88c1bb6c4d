//! Speed of the checks on the big workspace (`big_workspace`: 10,000 drafts in one account)
//! against issue 18's targets:
//!
//! - checking every draft with one `CheckSession` (the drafts table's findings column): at most
//!   1 s for all 10,000;
//! - one draft re-checked after an edit, with the session's index updated first: at most 2 ms.
//!
//! Building the session (reading the account and indexing its captions) and checking one draft
//! are measured too. Run: `cargo bench --bench checks` (`-- "every draft"` for one of them).

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use scrollstop::workspace::Workspace;

mod big_workspace;

use big_workspace::now;

fn check_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let started = Instant::now();
    let path = big_workspace::at(dir.path());
    eprintln!(
        "checks bench: big workspace ready in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let ws = Workspace::open(&path).expect("workspace opens");
    let account = ws.accounts().expect("accounts").remove(0).id;
    let drafts = ws.drafts(account).expect("drafts");

    let mut group = c.benchmark_group("checks");
    group.sample_size(10);
    group.bench_function("CheckSession for 10k drafts", |b| {
        b.iter(|| ws.check_session(account, now()).expect("session"));
    });
    let session = ws.check_session(account, now()).expect("session");
    group.bench_function("every draft of 10k (target <= 1 s)", |b| {
        b.iter(|| {
            drafts
                .iter()
                .map(|d| black_box(session.check(d)).len())
                .sum::<usize>()
        });
    });
    group.finish();

    let mut i = 0;
    c.bench_function("check one draft against 10k drafts", |b| {
        b.iter(|| {
            i = (i + 1) % drafts.len();
            session.check(&drafts[i])
        });
    });

    // An edit as the editor saves it: one word of the caption changed, stamped later than
    // every other draft; the session takes it in, then the draft is checked again.
    let mut session = session;
    let mut edited = 0u64;
    c.bench_function(
        "re-check one draft after an edit, index updated (target <= 2 ms)",
        |b| {
            b.iter(|| {
                edited += 1;
                let mut draft = drafts[edited as usize % drafts.len()].clone();
                draft.caption = draft.caption.replacen(' ', &format!(" take{edited} "), 1);
                draft.updated_at = now() + chrono::Duration::microseconds(edited as i64);
                session.update(&draft);
                session.check(&draft)
            });
        },
    );
}

criterion_group!(benches, check_benches);
criterion_main!(benches);
