//! Whole-schedule analysis (post lint + schedule rules) on synthetic schedules.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use postlint::Linter;
use postlint_tests::synth::generate;
use std::hint::black_box;

fn bench_schedule(c: &mut Criterion) {
    let linter = Linter::default();
    let mut group = c.benchmark_group("schedule");
    group.sample_size(10);
    for size in [10_000, 100_000] {
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
