//! Inputs and timing shared by postlint's criterion benches (`benches/benches/`) and its
//! measuring examples (`benches/examples/`): posts of chosen shapes, pathological texts of a
//! chosen size, degenerate schedules, and a corpus of real and synthetic posts.

pub mod corpus;
pub mod inputs;
pub mod scaling;

use std::time::Instant;

use postlint::Post;

/// Runs `work` once to warm up, then `runs` times, and returns the fastest run in seconds.
pub fn best_seconds(runs: usize, mut work: impl FnMut()) -> f64 {
    work();
    (0..runs.max(1))
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// The posts of a JSONL file: one post object per line, blank lines skipped.
///
/// Each line becomes a post as soon as it is parsed, as the CLI reads JSON Lines, so that the
/// texts lie in memory in input order and close together. Parsing every line before reading
/// any post left each text among the freed parse trees of the lines around it, and the runs
/// over 100k posts then measured cache misses as much as the work.
pub fn read_jsonl_posts(path: &str) -> Result<Vec<Post>, Box<dyn std::error::Error>> {
    let source = std::fs::read_to_string(path)?;
    let mut posts = Vec::new();
    for (index, line) in source.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |err: &dyn std::fmt::Display| format!("{path}:{}: {err}", index + 1);
        let value: serde_json::Value = serde_json::from_str(line).map_err(|err| at(&err))?;
        posts.push(Post::from_json_value_or(value, None).map_err(|err| at(&err))?);
    }
    Ok(posts)
}

/// The peak resident memory of this process so far, in MB (Linux only; `None` elsewhere).
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
