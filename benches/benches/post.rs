//! Single-post throughput: entity extraction + X weighted length (`weighted_length_with`, v3,
//! reusing the URLs found, as the bindings' `entities` do), and the full default lint, on
//! posts of each shape (ASCII, CJK, emoji-heavy; short, 140 bytes, 2 KB), then the full lint
//! over a realistic corpus (the real timelines plus synthetic posts), reported per post; and
//! a phrase search's worst case: a 2,000-byte user phrase (`a a a ... b`) whose start matches at
//! every word of texts of `a a a ...` (50, 100 and 200 KB: the time should double with the text).
//!
//! `cargo bench -p postlint-benches --bench post`

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use postlint::text::{WeightedConfig, extract, weighted_length_with};
use postlint::{Linter, Network, Post};
use postlint_benches::{corpus, inputs};
use std::hint::black_box;

/// Posts in the corpus benchmark: every real timeline tweet (18.5k) and synthetic ones.
const CORPUS_SIZE: usize = 40_000;

fn bench_shapes(c: &mut Criterion) {
    let linter = Linter::default();
    let mut group = c.benchmark_group("post");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(2));
    group.throughput(Throughput::Elements(1));
    for shape in inputs::shapes() {
        group.bench_with_input(
            BenchmarkId::new("entities+length", &shape.name),
            &shape.text,
            |b, text| {
                b.iter(|| {
                    let entities = extract(black_box(text));
                    let length = weighted_length_with(text, &entities, &WeightedConfig::V3);
                    (entities.hashtags.len(), length.weighted_length)
                })
            },
        );
        let post = Post::new(shape.text.as_str()).with_network(Network::X);
        group.bench_with_input(BenchmarkId::new("lint_post", &shape.name), &post, |b, post| {
            b.iter(|| linter.lint_post(black_box(post)))
        });
    }
    group.finish();
}

fn bench_corpus(c: &mut Criterion) {
    let corpus = match corpus::mixed(CORPUS_SIZE) {
        Ok(corpus) => corpus,
        Err(err) => {
            eprintln!("skipping the corpus benchmark: {err} (set POSTLINT_SHARED to the shared folder)");
            return;
        }
    };
    let linter = Linter::default();
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.throughput(Throughput::Elements(corpus.posts.len() as u64));
    let label = format!("{}real+{}synthetic", corpus.real, corpus.posts.len() - corpus.real);
    group.bench_with_input(
        BenchmarkId::new("entities+length", &label),
        &corpus.posts,
        |b, posts| {
            b.iter(|| {
                posts.iter().fold(0, |total, post| {
                    let entities = extract(black_box(&post.text));
                    let length = weighted_length_with(&post.text, &entities, &WeightedConfig::V3);
                    total + entities.urls.len() + length.weighted_length
                })
            })
        },
    );
    group.bench_with_input(BenchmarkId::new("lint_post", &label), &corpus.posts, |b, posts| {
        b.iter(|| {
            posts
                .iter()
                .map(|post| linter.lint_post(black_box(post)).diagnostics.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn bench_long_phrase(c: &mut Criterion) {
    let phrase = format!("{}b", "a ".repeat(1_000));
    let config = postlint::config::Config::from_json(
        &serde_json::json!({"rules": {"spam-phrase": {"phrases": [phrase]}}}).to_string(),
    )
    .expect("a valid config");
    let linter = Linter::new(&config).expect("a valid config");
    let mut group = c.benchmark_group("long_user_phrase");
    group.sample_size(20);
    for kilobytes in [50, 100, 200] {
        let post = Post::new("a ".repeat(kilobytes * 500));
        group.throughput(Throughput::Bytes(post.text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("lint_post", format!("{kilobytes}KB")),
            &post,
            |b, post| b.iter(|| black_box(linter.lint_post(post))),
        );
    }
    group.finish();
}

criterion_group!(benches, bench_shapes, bench_corpus, bench_long_phrase);
criterion_main!(benches);
