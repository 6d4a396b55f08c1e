//! The one way the app sorts. Each std `sort*` call with another element type or comparator
//! compiles its own copy of the sort algorithm; in the wasm that came to about 150 functions and
//! 80 KB. Here std's sort is called once, in a function that is not generic: it sorts the
//! indices `0..len` with a comparator behind `&dyn`, and only the small step that moves the items
//! into that order is compiled per type. The sort is stable: equal items keep their order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order (like `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let mut order = sorted_indices(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(&mut order, &mut |a, b| items.swap(a, b));
}

/// Sorts `items` by the key `key` gives each, keeping items with equal keys in their order
/// (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order (like `slice::sort`).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// `0..len` in the order `compare` gives the items at those indices, ties in index order.
fn sorted_indices(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    // Breaking ties by index makes the order total, so the unstable sort gives the stable
    // result; it compiled about 0.8 KB (gzip) smaller than std's stable sort and needs no buffer.
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

/// Moves the item at `order[k]` to `k` for every `k`, following each cycle of the permutation
/// with `swap`. `order` is used up: every entry is left pointing at itself.
fn permute(order: &mut [usize], swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut k = start;
        // Each swap puts the right item at `k`; the item first at `start` moves on to `from`
        // each time, until it reaches the last position of the cycle, which is its own.
        while order[k] != start {
            let from = order[k];
            swap(k, from);
            order[k] = k;
            k = from;
        }
        order[k] = k;
    }
}
