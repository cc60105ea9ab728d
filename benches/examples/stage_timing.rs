//! Times the stages of schedule analysis separately (a profiling aid).
//!
//! `cargo run --release -p postlint-benches --example stage_timing -- 100000`

use std::time::Instant;

use postlint::Linter;
use postlint::schedule::dedup::{DedupOptions, find_duplicates};
use postlint::schedule::normalize::{normalize, skeleton};
use postlint_tests::synth::generate;

fn main() {
    let size = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(100_000);
    let posts = generate(42, size).posts;
    let linter = Linter::default();
    let time = |label: &str, run: &mut dyn FnMut()| {
        let started = Instant::now();
        run();
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "{label:>22}: {seconds:.3} s ({:.0} posts/s)",
            posts.len() as f64 / seconds
        );
    };
    time("extract", &mut || {
        posts.iter().for_each(|post| drop(postlint::text::extract(&post.text)))
    });
    time("x_weighted_length", &mut || {
        posts.iter().for_each(|post| {
            std::hint::black_box(postlint::text::x_weighted_length(&post.text).weighted_length);
        })
    });
    time("lint_posts", &mut || drop(linter.lint_posts(&posts)));
    let entities: Vec<_> = posts.iter().map(|post| postlint::text::extract(&post.text)).collect();
    let mut normalized = Vec::new();
    time("normalize", &mut || {
        normalized = posts
            .iter()
            .zip(&entities)
            .map(|(post, entities)| normalize(&post.text, entities))
            .collect()
    });
    time("skeleton", &mut || {
        posts
            .iter()
            .zip(&entities)
            .for_each(|(post, e)| drop(skeleton(&post.text, e)))
    });
    let texts: Vec<&str> = normalized.iter().map(String::as_str).collect();
    time("find_duplicates", &mut || {
        drop(find_duplicates(&texts, &DedupOptions::default()))
    });
    time("lint_schedule", &mut || drop(linter.lint_schedule(&posts)));
}
