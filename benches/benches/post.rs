//! Single-post throughput: entity extraction + X length, and the full default lint.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use postlint::{Linter, Network, Post};
use std::hint::black_box;

/// Posts of different shapes, each about a tweet long.
const SAMPLES: &[(&str, &str)] = &[
    (
        "ascii",
        "Loving this #rustlang talk by @alice about zero-cost abstractions, slides at https://example.com/t #rust",
    ),
    (
        "cjk",
        "東京でラーメンを食べました。とても美味しかったです！#ラーメン #東京 @tanaka さんありがとう https://example.jp",
    ),
    (
        "emoji",
        "🎉🎉 Big news 🚀🚀🚀 we launched!!! 👩‍💻👨‍💻 #launch #startup @acme 🇺🇸🇯🇵 https://acme.com 🔥🔥🔥",
    ),
    (
        "stuffed",
        "Sale #deals #sale #discount #cloud #devops #startup #saas #tech #growth https://acme.com/pricing",
    ),
];

fn bench_posts(c: &mut Criterion) {
    let linter = Linter::default();
    let mut group = c.benchmark_group("post");
    for (name, text) in SAMPLES {
        group.throughput(Throughput::Elements(1));
        group.bench_with_input(BenchmarkId::new("entities+x_length", name), text, |b, text| {
            b.iter(|| {
                let entities = postlint::text::extract(black_box(text));
                let length = postlint::text::x_weighted_length(black_box(text));
                (entities.hashtags.len(), length.weighted_length)
            })
        });
        let post = Post::new(*text).with_network(Network::X);
        group.bench_with_input(BenchmarkId::new("lint_post", name), &post, |b, post| {
            b.iter(|| linter.lint_post(black_box(post)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_posts);
criterion_main!(benches);
