//! Rules that judge a schedule: many posts across accounts, networks and time.

pub mod cross_account_duplicate;
pub mod cross_network_blast;
pub mod duplicate_post;
pub mod flooding;
pub mod followfriday_off_day;
pub mod near_duplicate_post;
pub mod no_quiet_hours;
pub mod repeated_hashtag_set;
pub mod robotic_cadence;
pub mod self_promo_ratio;
pub mod self_promo_streak;
pub mod templated_autopilot;

use crate::schedule::Schedule;

/// Percent, rounded, for messages.
pub(crate) fn percent(part: usize, whole: usize) -> usize {
    (100 * part + whole / 2).checked_div(whole).unwrap_or(0)
}

/// The densest stretch of `times` (seconds, ascending) no longer than `width` seconds:
/// `(first, last, count)` as positions in `times`. Two pointers, linear.
pub(crate) fn densest_window(times: &[i64], width: i64) -> Option<(usize, usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    let mut start = 0;
    for end in 0..times.len() {
        while times[end] - times[start] >= width {
            start += 1;
        }
        let count = end - start + 1;
        if best.is_none_or(|(_, _, most)| count > most) {
            best = Some((start, end, count));
        }
    }
    best
}

/// The key most of `posts` share (`None` keys are not counted) and the posts that carry it.
/// Ties go to the key that comes first in `posts`, so reports are deterministic.
pub(crate) fn dominant<K: Eq + std::hash::Hash + Copy>(
    posts: &[usize],
    key: impl Fn(usize) -> Option<K>,
) -> Option<(K, Vec<usize>)> {
    // The keys are read once, in one loop of independent reads (posts are scattered in memory).
    let keys: Vec<Option<K>> = posts.iter().map(|&index| key(index)).collect();
    // key -> (count, position of its first post)
    let mut counts: crate::fasthash::FastMap<K, (usize, usize)> = crate::fasthash::FastMap::default();
    for (position, key) in keys.iter().enumerate() {
        if let Some(key) = key {
            counts.entry(*key).or_insert((0, position)).0 += 1;
        }
    }
    let (winner, _) = counts
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))?;
    Some((
        winner,
        posts
            .iter()
            .zip(&keys)
            .filter(|&(_, &key)| key == Some(winner))
            .map(|(&index, _)| index)
            .collect(),
    ))
}

/// Seconds since the epoch of each post in `posts` (all must have a time).
pub(crate) fn seconds(schedule: &Schedule<'_>, posts: &[usize]) -> Vec<i64> {
    posts
        .iter()
        .filter_map(|&index| schedule.at(index))
        .map(|at| at.timestamp.as_second())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn densest_window_slides() {
        let times = [0, 10, 20, 3600, 3610, 3620, 3630];
        assert_eq!(densest_window(&times, 3600), Some((3, 6, 4)));
        assert_eq!(densest_window(&times, 10_000), Some((0, 6, 7)));
        assert_eq!(densest_window(&[], 60), None);
        assert_eq!(percent(1, 3), 33);
    }
}
