//! Schedule statistics: per-stream counts, promotion ratio, duplicates and cadence figures.

use serde::Serialize;

use crate::network::Network;

use super::{Schedule, Stream};

/// Figures about a whole schedule, reported as `schedule.stats`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleStats {
    /// Number of streams (account on network).
    pub accounts: usize,
    /// Share of promotional posts over the schedule (0 when empty).
    pub promo_ratio: f64,
    /// Number of duplicate clusters (exact and near).
    pub duplicates: usize,
    /// Number of posts without a time.
    pub untimed: usize,
    /// Per stream, in stream order.
    pub by_account: Vec<StreamStats>,
}

/// Figures about one account on one network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StreamStats {
    /// The account (`null` for posts that name none).
    pub account: Option<String>,
    /// The network.
    pub network: Network,
    /// Number of posts.
    pub posts: usize,
    /// Share of promotional posts.
    pub promo_ratio: f64,
    /// Median gap between consecutive timed posts, in minutes.
    pub median_gap_minutes: Option<f64>,
    /// Coefficient of variation of those gaps (standard deviation / mean).
    pub gap_cv: Option<f64>,
    /// How many of the 24 hours of the day (in each post's own offset) have a post.
    pub hours_covered: usize,
}

/// Gaps between consecutive timed posts of a stream, in seconds.
pub fn gaps_seconds(stream: &Stream) -> Vec<f64> {
    stream
        .times
        .windows(2)
        .map(|pair| pair[1].timestamp.as_second() as f64 - pair[0].timestamp.as_second() as f64)
        .collect()
}

/// Mean and coefficient of variation of `values` (`None` for fewer than 2 values or mean 0).
pub fn coefficient_of_variation(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    if mean <= 0.0 {
        return None;
    }
    let variance = values.iter().map(|value| (value - mean).powi(2)).sum::<f64>() / values.len() as f64;
    Some(variance.sqrt() / mean)
}

/// The median of `values` (`None` when empty).
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[middle - 1] + sorted[middle]) / 2.0
    } else {
        sorted[middle]
    })
}

/// A 24-bit set of the hours of the day (local to each post) that have a post.
pub fn hours_of_day(stream: &Stream) -> u32 {
    stream.times.iter().fold(0, |hours, at| hours | 1 << at.local().hour())
}

/// Computes the statistics of `schedule`.
pub fn compute(schedule: &Schedule<'_>) -> ScheduleStats {
    let facts = schedule.facts;
    let ratio = |posts: &mut dyn Iterator<Item = usize>, count: usize| {
        if count == 0 {
            0.0
        } else {
            posts.filter(|&index| facts[index].promotional).count() as f64 / count as f64
        }
    };
    let by_account = schedule
        .streams
        .iter()
        .map(|stream| {
            let gaps = gaps_seconds(stream);
            StreamStats {
                account: stream.account.clone(),
                network: stream.network,
                posts: stream.posts.len(),
                promo_ratio: ratio(&mut stream.posts.iter().copied(), stream.posts.len()),
                median_gap_minutes: median(&gaps).map(|seconds| seconds / 60.0),
                gap_cv: coefficient_of_variation(&gaps),
                hours_covered: hours_of_day(stream).count_ones() as usize,
            }
        })
        .collect();
    let duplicates = schedule.duplicates();
    ScheduleStats {
        accounts: schedule.streams.len(),
        promo_ratio: ratio(&mut (0..facts.len()), facts.len()),
        duplicates: duplicates.exact.len() + duplicates.near.len(),
        untimed: schedule.posts.iter().filter(|post| post.at.is_none()).count(),
        by_account,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cv_and_median() {
        assert_eq!(coefficient_of_variation(&[60.0, 60.0, 60.0]), Some(0.0));
        let cv = coefficient_of_variation(&[30.0, 90.0]).unwrap();
        assert!((cv - 0.5).abs() < 1e-9, "{cv}");
        assert_eq!(coefficient_of_variation(&[5.0]), None);
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }
}
