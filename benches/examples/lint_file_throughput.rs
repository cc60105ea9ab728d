//! Native baseline for the bindings' benchmarks: lints the posts of a JSONL file (one post object
//! per line) with the default config, single-threaded, and prints the best of five runs.
//!
//! `cargo run --release -p postlint-benches --example lint_file_throughput -- posts.jsonl`

use std::time::Instant;

use postlint::{Linter, Post};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: lint_file_throughput FILE.jsonl")?;
    let source = std::fs::read_to_string(&path)?;
    let values = source
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<Vec<serde_json::Value>, _>>()?;
    let posts = Post::from_json_values(values, None)?;
    let linter = Linter::default();
    let best = (0..5)
        .map(|_| {
            let start = Instant::now();
            let report = linter.lint_posts(&posts);
            std::hint::black_box(report);
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    println!(
        "native lint_posts: {} posts in {:.3} s = {:.0} posts/s",
        posts.len(),
        best,
        posts.len() as f64 / best
    );
    Ok(())
}
