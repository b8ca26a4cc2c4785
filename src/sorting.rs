//! Sorting with one compiled copy of the sort algorithm.
//!
//! The standard library's sorts are generic over the element and the comparison:
//! each `sort_by` call site with its own closure is a copy of the whole algorithm
//! (about 4 KB of wasm for the stable one). The planner had 32 such copies, about
//! 130 KB before wasm-opt. Here the algorithm runs once, on a list of positions
//! compared through a `&dyn Fn`, and the elements are then moved into that order;
//! what is generic per call site is only the small reordering loop.
//!
//! Both sorts are stable: elements that compare equal keep their order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| match (items.get(a), items.get(b)) {
        (Some(a), Some(b)) => compare(a, b),
        _ => Ordering::Equal,
    });
    permute(items, &mut order);
}

/// Sorts `items` by the key `key` gives each of them, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, stably.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts positions (into some list the comparison reads) by `compare`, stably:
/// the one copy of the algorithm.
pub fn sort_positions(positions: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    positions.sort_by(|a, b| compare(*a, *b));
}

/// Sorts positions held as `u32` (the plan table's) by `compare`, stably.
pub fn sort_places(places: &mut [u32], compare: &dyn Fn(u32, u32) -> Ordering) {
    let mut order: Vec<usize> = (0..places.len()).collect();
    sort_positions(&mut order, &|a, b| match (places.get(a), places.get(b)) {
        (Some(a), Some(b)) => compare(*a, *b),
        _ => Ordering::Equal,
    });
    permute(places, &mut order);
}

/// Moves `items` so that position `i` holds what was at `order[i]`, following
/// the permutation's cycles with swaps; `order` is used up (left as `0..n`).
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        while let Some(&from) = order.get(at) {
            if let Some(slot) = order.get_mut(at) {
                *slot = at;
            }
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_stably_like_the_standard_library() {
        let mut ours = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (0, 'f')];
        let mut theirs = ours.clone();
        sort_by_key(&mut ours, |pair| pair.0);
        theirs.sort_by_key(|pair| pair.0);
        assert_eq!(ours, theirs);
    }

    #[test]
    fn sorts_places_by_what_they_point_at() {
        let names = ["delta", "alpha", "charlie", "bravo"];
        let mut places = vec![0u32, 1, 2, 3];
        sort_places(&mut places, &|a, b| names[a as usize].cmp(names[b as usize]));
        assert_eq!(places, vec![1, 3, 2, 0]);
    }

    proptest! {
        #[test]
        fn matches_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            let mut theirs = items;
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            theirs.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, theirs);
        }
    }
}
