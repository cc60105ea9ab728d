//! Prints single-threaded `lint_schedule` throughput and peak memory on synthetic schedules.
//!
//! `cargo run --release -p postlint-benches --example schedule_throughput -- 1000000`

use std::time::Instant;

use postlint::Linter;
use postlint_benches::peak_rss_mb;
use postlint_tests::synth::generate;

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|arg| arg.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![10_000, 100_000] } else { sizes };
    let linter = Linter::default();
    for size in sizes {
        let synthetic = generate(42, size);
        let started = Instant::now();
        let report = linter.lint_schedule(&synthetic.posts);
        let seconds = started.elapsed().as_secs_f64();
        let diagnostics = report
            .schedule
            .as_ref()
            .map_or(0, |schedule| schedule.diagnostics.len());
        println!(
            "{:>9} posts: {:.2} s, {:.0} posts/s, {} schedule findings, peak RSS {:.0} MB",
            synthetic.posts.len(),
            seconds,
            synthetic.posts.len() as f64 / seconds,
            diagnostics,
            peak_rss_mb().unwrap_or(f64::NAN)
        );
    }
}
