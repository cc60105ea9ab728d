//! Schedule rules on a large synthetic schedule with planted problems: near-duplicate recall and
//! precision, the planted robots found, and no schedule warning for ordinary accounts.

use std::collections::{BTreeSet, HashSet};

use postlint::{Linter, Severity};
use postlint_tests::synth::{Edit, generate};

#[test]
fn planted_problems_are_found_and_ordinary_accounts_stay_quiet() {
    let synthetic = generate(7, 20_000);
    let posts = &synthetic.posts;
    let report = Linter::default().lint_schedule(posts);
    let schedule = report.schedule.expect("schedule report");

    // Duplicate pairs the engine reports, from the exact and near tiers: recall and precision are
    // measured on pairs. A planted pair counts as found when both posts share an exact cluster or
    // form a verified near pair; a reported pair that was not planted is a false positive.
    let texts: Vec<String> = posts.iter().map(|post| post.text.clone()).collect();
    let facts: Vec<String> = {
        let linter_texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        linter_texts
            .iter()
            .map(|text| postlint::schedule::normalize::normalize(text, &postlint::text::extract(text)))
            .collect()
    };
    let normalized: Vec<&str> = facts.iter().map(String::as_str).collect();
    let clusters = postlint::schedule::dedup::find_duplicates(&normalized, &Default::default());
    let mut reported: HashSet<(usize, usize)> = HashSet::new();
    for cluster in &clusters.exact {
        for (i, &a) in cluster.iter().enumerate() {
            for &b in &cluster[i + 1..] {
                reported.insert((a.min(b), a.max(b)));
            }
        }
    }
    for cluster in &clusters.near {
        reported.extend(cluster.pairs.iter().map(|&(a, b, _)| (a, b)));
    }
    let planted: HashSet<(usize, usize)> = synthetic
        .planted
        .iter()
        .map(|pair| (pair.original.min(pair.copy), pair.original.max(pair.copy)))
        .collect();
    let found = planted.iter().filter(|pair| reported.contains(pair)).count();
    let true_reports = reported.iter().filter(|pair| planted.contains(pair)).count();
    let recall = found as f64 / planted.len() as f64;
    let precision = true_reports as f64 / reported.len().max(1) as f64;
    let near_planted: Vec<_> = synthetic
        .planted
        .iter()
        .filter(|pair| matches!(pair.edit, Edit::OneWord | Edit::Mixed))
        .collect();
    let near_found = near_planted
        .iter()
        .filter(|pair| reported.contains(&(pair.original.min(pair.copy), pair.original.max(pair.copy))))
        .count();
    println!(
        "near-duplicates: recall {recall:.3} ({found}/{}), near-tier recall {:.3} ({near_found}/{}), precision {precision:.3} ({true_reports}/{})",
        planted.len(),
        near_found as f64 / near_planted.len() as f64,
        near_planted.len(),
        reported.len()
    );
    assert!(recall >= 0.95, "recall {recall}");
    assert!(precision >= 0.99, "precision {precision}");

    // The planted robots are caught, each by its rule.
    let fired = |rule: &str, account: &str| {
        schedule.diagnostics.iter().any(|d| {
            d.rule == rule
                && d.posts
                    .iter()
                    .any(|&index| posts[index].account.as_deref() == Some(account))
        })
    };
    assert!(fired("robotic-cadence", "machine"));
    assert!(fired("no-quiet-hours", "allnight"));
    assert!(fired("templated-autopilot", "rssfeed"));
    assert!(fired("duplicate-post", "reposter0"));
    assert!(fired("near-duplicate-post", "reposter3"));

    // Ordinary accounts get no schedule warnings or errors.
    let ordinary: BTreeSet<&str> = synthetic.ordinary_accounts.iter().map(String::as_str).collect();
    let noisy: Vec<String> = schedule
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .filter(|d| {
            d.posts
                .iter()
                .any(|&index| posts[index].account.as_deref().is_some_and(|a| ordinary.contains(a)))
        })
        .map(|d| format!("{}: {}", d.rule, d.message))
        .collect();
    println!(
        "ordinary accounts: {} accounts, {} schedule warnings",
        ordinary.len(),
        noisy.len()
    );
    assert!(noisy.is_empty(), "ordinary accounts flagged:\n{}", noisy.join("\n"));
}
