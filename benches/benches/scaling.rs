//! Doubling benchmark: every stage (extract, lint_post, normalize, dedup, lint_schedule) on
//! each input family at half and full size; linear cost shows as twice the time. Families:
//! pathological posts (10k hashtags, 100 KB of one letter, mark or emoji, 50k combining marks,
//! URL chains, runs of label chars) and schedules (synthetic, identical, near-copies) of 20k and 40k posts.
//! `examples/scaling_table.rs` prints the same measurements as a table of ratios.
//!
//! `cargo bench -p postlint-benches --bench scaling`

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use postlint::Linter;
use postlint_benches::scaling::{Family, Stage};
use std::hint::black_box;

fn bench_scaling(c: &mut Criterion) {
    let linter = Linter::default();
    for family in Family::all() {
        let full = family.full_units();
        let inputs = [(full / 2, family.build(full / 2)), (full, family.build(full))];
        let mut group = c.benchmark_group(format!("scaling/{}", family.name()));
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(1));
        for stage in Stage::ALL {
            for (units, input) in &inputs {
                group.bench_with_input(BenchmarkId::new(stage.name(), units), input, |b, input| {
                    b.iter(|| stage.run(&linter, black_box(input)))
                });
            }
        }
        group.finish();
    }
}

criterion_group!(benches, bench_scaling);
criterion_main!(benches);
