//! Native baseline for the bindings' benchmarks: lints the posts of a JSONL file (one post object
//! per line) with the default config, single-threaded, and prints the best of five runs after a
//! warm-up.
//!
//! `cargo run --release -p postlint-benches --example lint_file_throughput -- posts.jsonl`

use postlint::Linter;
use postlint_benches::{best_seconds, read_jsonl_posts};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: lint_file_throughput FILE.jsonl")?;
    let posts = read_jsonl_posts(&path)?;
    let linter = Linter::default();
    let best = best_seconds(5, || {
        std::hint::black_box(linter.lint_posts(&posts));
    });
    println!(
        "native lint_posts: {} posts in {:.3} s = {:.0} posts/s",
        posts.len(),
        best,
        posts.len() as f64 / best
    );
    Ok(())
}
