use super::*;
#[test]
#[ignore]
fn perf() {
    let history = synthetic::Planted::standard().history(7, 200);
    let mut activity = [10.0; 168];
    for (h, a) in activity.iter_mut().enumerate() { if (18..22).contains(&(h % 24)) { *a = 50.0; } }
    let model = fit(&history, &Audience::from_activity(activity, 4), &TrendContext::empty().with_sound(TrendingSound{name:"x".into(), rank:Some(1), bpm:None, live:true}));
    let mut ctx = ForecastContext::new(7);
    let draft = DraftFeatures { vertical: Some(false), duration_s: Some(45.0), ..plain_draft() };
    let slot = Slot::in_week(start(), 3);
    for drivers in [false, true] {
        ctx.drivers = drivers;
        let t = std::time::Instant::now();
        for _ in 0..200 { std::hint::black_box(model.forecast(&draft, slot, &ctx)); }
        eprintln!("drivers {drivers}: {:.3} ms", t.elapsed().as_secs_f64() / 200.0 * 1e3);
    }
    let (scenario, _, _) = model.scenario(&draft);
    let mut ends = Vec::with_capacity(10_000);
    let t = std::time::Instant::now();
    for _ in 0..200 { model.pools.simulate(&scenario, ctx.draws(), 10_000, &mut ends); }
    eprintln!("simulate 10k: {:.3} ms", t.elapsed().as_secs_f64() / 200.0 * 1e3);
    let keys: Vec<f32> = ends.iter().map(|e| e.pools).collect();
    let mut scratch = Vec::new();
    let t = std::time::Instant::now();
    for _ in 0..200 { std::hint::black_box(forecast::band_ranks(&keys, &mut scratch)); }
    eprintln!("one rank select 10k: {:.3} ms", t.elapsed().as_secs_f64() / 200.0 * 1e3);
    let f = model.forecast(&draft, slot, &ctx);
    eprintln!("drivers: {}", f.drivers.len());
}
