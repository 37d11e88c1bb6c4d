//! The Rust scorer against the trainer: synthetic feature rows (uniform draws written by
//! scripts/model/train.py, no data) with LightGBM's own predictions and TreeSHAP
//! contributions, reproduced here to 1e-9 relative.

use serde::Deserialize;

use super::*;

const FIXTURE: &str = include_str!("../../../tests/fixtures/model/reach_scores.json");

#[derive(Deserialize)]
struct Fixture {
    rows: Vec<Row>,
}

#[derive(Deserialize)]
struct Row {
    x: Vec<f64>,
    prediction: f64,
    contributions: Vec<f64>,
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-3)
}

#[test]
fn the_embedded_model_loads_and_matches_the_apps_inputs() {
    let model = Learned::get();
    assert!(model.trees.len() >= 100);
    assert_eq!(model.bands.len(), 3);
    assert_eq!(FEATURE_NAMES[SAME_SOUND_VIDEOS], "same_sound_videos");
    for g in 0..3 {
        assert!(model.bands[g].p10() < 0.0 && model.bands[g].p90() > 0.0);
    }
}

#[test]
fn the_rust_scorer_reproduces_the_trainers_predictions_and_contributions() {
    let fixture: Fixture = serde_json::from_str(FIXTURE).expect("the fixture parses");
    assert!(fixture.rows.len() >= 50);
    let model = Learned::get();
    for row in &fixture.rows {
        let x: [f64; INPUTS] = row.x.clone().try_into().expect("one value per input");
        let p = model.predict(&x);
        assert!(close(p, row.prediction), "{p} vs {}", row.prediction);
        let phi = model.contributions(&x);
        for (a, b) in phi.iter().zip(&row.contributions) {
            assert!(close(*a, *b), "{a} vs {b}");
        }
        let bias = row.contributions[INPUTS];
        assert!(
            close(model.expected(), bias),
            "{} vs {bias}",
            model.expected()
        );
    }
}
