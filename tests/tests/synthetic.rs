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

    // Duplicate pairs the linter reports: two posts named by one `duplicate-post` or
    // `near-duplicate-post` finding. Recall and precision are measured on pairs: a planted pair
    // is found when one finding names both posts; a reported pair that was not planted is a
    // false positive.
    let mut reported: HashSet<(usize, usize)> = HashSet::new();
    for finding in &schedule.diagnostics {
        if finding.rule != "duplicate-post" && finding.rule != "near-duplicate-post" {
            continue;
        }
        for (i, &a) in finding.posts.iter().enumerate() {
            for &b in &finding.posts[i + 1..] {
                reported.insert((a.min(b), a.max(b)));
            }
        }
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
