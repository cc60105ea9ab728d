//! The native (Rust, one thread) contender of `benches/compare/run.sh`: reads the posts of
//! `posts.jsonl` and prints one JSON line per task, each the fastest of 3 runs after a warm-up.
//!
//! - `entities`: `text::extract` (hashtags, mentions, cashtags, URLs, with spans) and X's
//!   weighted length of every post (`text::weighted_length_with`, v3, reusing the URLs found,
//!   as the bindings' `entities` do);
//! - `lint`: `Linter::lint_posts` with the default config (every post rule, one report);
//! - `normalize`: `extract` + `normalize` of every post (the input of duplicate detection);
//! - `dedup`: `find_duplicates` over the normalized texts (exact groups, then MinHash LSH over
//!   character 5-grams with every candidate verified by exact Jaccard >= 0.6), with its recall
//!   on the planted pairs of `planted.json`.
//!
//! It also writes the normalized texts (one JSON string per line) to `NORMALIZED_OUT`, so that
//! the datasketch contender works on exactly the same texts.
//!
//! `cargo run --release -p postlint-benches --example compare_native -- posts.jsonl planted.json normalized.jsonl`

use std::io::Write;

use postlint::Linter;
use postlint::schedule::dedup::{Clusters, DedupOptions, find_duplicates};
use postlint::schedule::normalize::normalize;
use postlint::text::{WeightedConfig, weighted_length_with};
use postlint_benches::{best_seconds, read_jsonl_posts};

/// Timed runs per task (after one warm-up run).
const RUNS: usize = 3;
/// Planted edits that leave a near-duplicate (the others normalize to the same text).
const NEAR_EDITS: [&str; 2] = ["OneWord", "Mixed"];

fn report(task: &str, posts: usize, seconds: f64, extra: serde_json::Value) {
    let mut line = serde_json::json!({
        "contender": "postlint-native",
        "task": task,
        "posts": posts,
        "seconds": seconds,
        "posts_per_s": posts as f64 / seconds,
    });
    if let (Some(line), serde_json::Value::Object(extra)) = (line.as_object_mut(), extra) {
        line.extend(extra);
    }
    println!("{line}");
}

/// Union-find root with path halving.
fn root(parents: &mut [usize], mut node: usize) -> usize {
    while parents[node] != node {
        parents[node] = parents[parents[node]];
        node = parents[node];
    }
    node
}

/// Component of each post when exact groups and near clusters are merged.
fn components(size: usize, clusters: &Clusters) -> Vec<usize> {
    let mut parents: Vec<usize> = (0..size).collect();
    let groups = clusters
        .exact
        .iter()
        .chain(clusters.near.iter().map(|cluster| &cluster.members));
    for group in groups {
        for &member in &group[1..] {
            let (a, b) = (root(&mut parents, group[0]), root(&mut parents, member));
            parents[a] = b;
        }
    }
    (0..size).map(|node| root(&mut parents, node)).collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [posts_path, planted_path, normalized_path] = args.as_slice() else {
        return Err("usage: compare_native POSTS.jsonl PLANTED.json NORMALIZED_OUT.jsonl".into());
    };
    let posts = read_jsonl_posts(posts_path)?;
    let planted: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(planted_path)?)?;
    let size = posts.len();

    // Totals of what was found, to check against the other contenders that the work is the same.
    let mut totals = [0usize; 4];
    let seconds = best_seconds(RUNS, || {
        totals = [0; 4];
        let mut entities = postlint::text::Entities::default();
        for post in &posts {
            postlint::text::extract_into(&post.text, &mut entities);
            let length = weighted_length_with(&post.text, &entities, &WeightedConfig::V3);
            totals[0] += entities.hashtags.len();
            totals[1] += entities
                .mentions
                .iter()
                .filter(|mention| mention.list_slug.is_none())
                .count();
            totals[2] += entities.urls.len();
            totals[3] += length.weighted_length;
        }
    });
    let [hashtags, mentions, urls, weighted_length] = totals;
    report(
        "entities",
        size,
        seconds,
        serde_json::json!({"totals": {"hashtags": hashtags, "mentions": mentions, "urls": urls, "weighted_length": weighted_length}}),
    );

    let linter = Linter::default();
    let seconds = best_seconds(RUNS, || drop(std::hint::black_box(linter.lint_posts(&posts))));
    report("lint", size, seconds, serde_json::json!({}));

    let mut normalized: Vec<String> = Vec::new();
    let seconds = best_seconds(RUNS, || {
        normalized = posts
            .iter()
            .map(|post| normalize(&post.text, &postlint::text::extract(&post.text)))
            .collect();
    });
    report("normalize", size, seconds, serde_json::json!({}));
    let mut out = std::io::BufWriter::new(std::fs::File::create(normalized_path)?);
    for text in &normalized {
        serde_json::to_writer(&mut out, text)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;

    let texts: Vec<&str> = normalized.iter().map(String::as_str).collect();
    let options = DedupOptions::default();
    let mut clusters = Clusters::default();
    let seconds = best_seconds(RUNS, || clusters = find_duplicates(&texts, &options));
    let component = components(size, &clusters);
    let found = |near_only: bool| {
        let pairs: Vec<(usize, usize)> = planted
            .iter()
            .filter(|pair| !near_only || NEAR_EDITS.contains(&pair["edit"].as_str().unwrap_or("")))
            .filter_map(|pair| Some((pair["original"].as_u64()? as usize, pair["copy"].as_u64()? as usize)))
            .collect();
        let hits = pairs.iter().filter(|&&(a, b)| component[a] == component[b]).count();
        hits as f64 / pairs.len().max(1) as f64
    };
    let mut sizes = std::collections::HashMap::new();
    component.iter().for_each(|&c| *sizes.entry(c).or_insert(0usize) += 1);
    report(
        "dedup",
        size,
        seconds,
        serde_json::json!({
            "recall": found(false),
            "near_recall": found(true),
            "groups": sizes.values().filter(|&&n| n > 1).count(),
            "grouped_posts": sizes.values().filter(|&&n| n > 1).sum::<usize>(),
            "exact_groups": clusters.exact.len(),
            "near_clusters": clusters.near.len(),
        }),
    );
    Ok(())
}
