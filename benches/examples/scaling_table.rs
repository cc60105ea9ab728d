//! Prints the doubling table for `benches/RESULTS.md`: each stage on each input family at half
//! and full size, and the ratio of the two times. Linear cost gives about 2, quadratic about 4;
//! ratios above 3 are flagged.
//!
//! Each time is the fastest of 7 runs after a warm-up, a run repeating the call until it lasts
//! at least 20 ms; runs at the two sizes alternate, so that a change in machine load touches
//! both alike. A ratio above 3 is measured again, up to twice: a load spike passes, a quadratic
//! stage stays near 4.
//!
//! `cargo run --release -p postlint-benches --example scaling_table`

use std::time::Instant;

use postlint::Linter;
use postlint_benches::scaling::{Family, Prepared, Stage};

/// Ratios above this are flagged as possibly superlinear.
const FLAG_ABOVE: f64 = 3.0;
/// Extra measurements of a ratio above [`FLAG_ABOVE`].
const MEASURES_WHEN_FLAGGED: usize = 2;
/// Timed runs at each size.
const RUNS: usize = 7;
/// The shortest timed run, in seconds.
const MIN_RUN: f64 = 0.02;

/// Seconds of `calls` calls of `stage` on `input`.
fn time_calls(linter: &Linter, stage: Stage, input: &Prepared, calls: u32) -> f64 {
    let started = Instant::now();
    std::hint::black_box((0..calls).map(|_| stage.run(linter, input)).sum::<usize>());
    started.elapsed().as_secs_f64()
}

/// How many calls make a run of at least [`MIN_RUN`] (the calibration doubles as warm-up).
fn calls_per_run(linter: &Linter, stage: Stage, input: &Prepared) -> u32 {
    let mut calls = 1;
    while time_calls(linter, stage, input, calls) < MIN_RUN {
        calls *= 2;
    }
    calls
}

/// Seconds per call at each size, `[half, full]`.
fn seconds_per_call(linter: &Linter, stage: Stage, inputs: [&Prepared; 2]) -> [f64; 2] {
    let calls = inputs.map(|input| calls_per_run(linter, stage, input));
    let mut best = [f64::INFINITY; 2];
    for _ in 0..RUNS {
        for side in 0..2 {
            let seconds = time_calls(linter, stage, inputs[side], calls[side]) / f64::from(calls[side]);
            best[side] = best[side].min(seconds);
        }
    }
    best
}

/// A count in thousands: `12.5k`.
fn thousands(units: usize) -> String {
    format!("{}k", units as f64 / 1000.0)
}

/// A duration with a readable unit.
fn human(seconds: f64) -> String {
    match seconds {
        s if s < 1e-3 => format!("{:.1} µs", s * 1e6),
        s if s < 1.0 => format!("{:.2} ms", s * 1e3),
        s => format!("{s:.2} s"),
    }
}

fn main() {
    let linter = Linter::default();
    println!("| input | sizes | stage | time at n | time at 2n | ratio |");
    println!("|---|---|---|---:|---:|---:|");
    let mut flagged = 0;
    for family in Family::all() {
        let full = family.full_units();
        let (half_input, full_input) = (family.build(full / 2), family.build(full));
        for stage in Stage::ALL {
            let [mut half_time, mut full_time] = seconds_per_call(&linter, stage, [&half_input, &full_input]);
            for _ in 0..MEASURES_WHEN_FLAGGED {
                if full_time / half_time <= FLAG_ABOVE {
                    break;
                }
                [half_time, full_time] = seconds_per_call(&linter, stage, [&half_input, &full_input]);
            }
            let ratio = full_time / half_time;
            let flag = if ratio > FLAG_ABOVE {
                flagged += 1;
                " **superlinear?**"
            } else {
                ""
            };
            println!(
                "| {} | {} → {} {} | {} | {} | {} | {ratio:.2}{flag} |",
                family.name(),
                thousands(full / 2),
                thousands(full),
                family.unit(),
                stage.name(),
                human(half_time),
                human(full_time),
            );
        }
    }
    println!();
    println!(
        "{flagged} of {} ratios above {FLAG_ABOVE}",
        Family::all().len() * Stage::ALL.len()
    );
}
