//! Runs duplicate detection over synthetic posts, for profilers (`valgrind --tool=callgrind`).
//!
//! `cargo run --release -p postlint-benches --example dedup_profile -- 20000`

use postlint::schedule::dedup::{DedupOptions, find_duplicates};
use postlint::schedule::normalize::normalize;
use postlint_tests::synth::generate;

fn main() {
    let size = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(20_000);
    let posts = generate(42, size).posts;
    let normalized: Vec<String> = posts
        .iter()
        .map(|post| normalize(&post.text, &postlint::text::extract(&post.text)))
        .collect();
    let texts: Vec<&str> = normalized.iter().map(String::as_str).collect();
    let clusters = find_duplicates(&texts, &DedupOptions::default());
    println!(
        "{} exact groups, {} near clusters",
        clusters.exact.len(),
        clusters.near.len()
    );
}
