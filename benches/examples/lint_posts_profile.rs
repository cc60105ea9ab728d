//! Runs the default post lint over synthetic posts, for profilers (`valgrind --tool=callgrind`).
//!
//! `cargo run --release -p postlint-benches --example lint_posts_profile -- 20000`

use postlint::Linter;
use postlint_tests::synth::generate;

fn main() {
    let size = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(20_000);
    let posts = generate(42, size).posts;
    let report = Linter::default().lint_posts(&posts);
    println!(
        "{} posts, {} findings",
        report.posts.len(),
        report.summary.errors + report.summary.warnings
    );
}
