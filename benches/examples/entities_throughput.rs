//! Profiling aid for the `entities` task of `benches/compare/run.sh`: extracts the entities and
//! X's weighted length of every post of a JSONL file, single-threaded, and prints the best of
//! five runs after a warm-up.
//!
//! `cargo run --release -p postlint-benches --example entities_throughput -- posts.jsonl`

use postlint::text::{Entities, WeightedConfig, extract_into, weighted_length_with};
use postlint_benches::{best_seconds, read_jsonl_posts};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: entities_throughput FILE.jsonl")?;
    let posts = read_jsonl_posts(&path)?;
    let mut total = 0;
    let best = best_seconds(5, || {
        total = 0;
        let mut entities = Entities::default();
        for post in &posts {
            extract_into(&post.text, &mut entities);
            total += weighted_length_with(&post.text, &entities, &WeightedConfig::V3).weighted_length;
        }
    });
    println!(
        "entities + weighted length: {} posts in {:.3} s = {:.0} posts/s (total weighted length {total})",
        posts.len(),
        best,
        posts.len() as f64 / best
    );
    Ok(())
}
