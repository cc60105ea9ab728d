//! Whole-schedule analysis (post lint + schedule rules) on synthetic schedules of 10k and 100k
//! posts, and 1M posts when `POSTLINT_BENCH_1M=1` (about 15 s an iteration, so several minutes;
//! `examples/schedule_throughput.rs` gives the 1M figure and peak memory in one run).
//!
//! `cargo bench -p postlint-benches --bench schedule`

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use postlint::Linter;
use postlint_tests::synth::generate;
use std::hint::black_box;

fn bench_schedule(c: &mut Criterion) {
    let linter = Linter::default();
    let mut group = c.benchmark_group("schedule");
    group.sample_size(10);
    let mut sizes = vec![10_000, 100_000];
    if std::env::var_os("POSTLINT_BENCH_1M").is_some_and(|value| value == "1") {
        sizes.push(1_000_000);
    } else {
        eprintln!("schedule: 1M posts skipped; set POSTLINT_BENCH_1M=1 to include them");
    }
    for size in sizes {
        let synthetic = generate(42, size);
        group.throughput(Throughput::Elements(synthetic.posts.len() as u64));
        group.bench_with_input(BenchmarkId::new("lint_schedule", size), &synthetic.posts, |b, posts| {
            b.iter(|| linter.lint_schedule(black_box(posts)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_schedule);
criterion_main!(benches);
