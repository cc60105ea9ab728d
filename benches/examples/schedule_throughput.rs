//! Prints single-threaded throughput and peak memory on synthetic schedules: the schedule
//! analysis alone (`lint_schedule_only`: what the schedule rules need of each post, then the
//! rules) and the whole `lint_schedule` (every post's own report as well).
//!
//! `cargo run --release -p postlint-benches --example schedule_throughput -- 1000000`
//! (`--only` or `--full` measures one of the two, each in a fresh process for its peak memory)

use std::time::Instant;

use postlint::Linter;
use postlint_benches::peak_rss_mb;
use postlint_tests::synth::generate;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sizes: Vec<usize> = args.iter().filter_map(|arg| arg.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![10_000, 100_000] } else { sizes };
    let only = !args.iter().any(|arg| arg == "--full");
    let full = !args.iter().any(|arg| arg == "--only");
    let linter = Linter::default();
    for size in sizes {
        let synthetic = generate(42, size);
        let posts = &synthetic.posts;
        let measure = |what: &str, run: &mut dyn FnMut() -> usize| {
            let started = Instant::now();
            let diagnostics = run();
            let seconds = started.elapsed().as_secs_f64();
            println!(
                "{:>9} posts, {what}: {seconds:.2} s, {:.0} posts/s, {diagnostics} schedule findings, peak RSS {:.0} MB",
                posts.len(),
                posts.len() as f64 / seconds,
                peak_rss_mb().unwrap_or(f64::NAN)
            );
        };
        if only {
            measure("lint_schedule_only", &mut || {
                linter.lint_schedule_only(posts).diagnostics.len()
            });
        }
        if full {
            measure("lint_schedule", &mut || {
                let report = linter.lint_schedule(posts);
                report.schedule.map_or(0, |schedule| schedule.diagnostics.len())
            });
        }
    }
}
