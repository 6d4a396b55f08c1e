//! Numbers written for people, with integer arithmetic only. Formatting an `f64` (`{:.1}`, or
//! plain `Display`) compiles core's float printing into the wasm, about 12 KB; every number the
//! app writes is a ratio of whole numbers rounded to whole units or tenths, which integers do
//! exactly.

/// `n * num / den` rounded to the nearest whole number, halves up. It never forms `n * num`, so
/// it is exact whenever the result and `2 * num * den` fit in a `u64`; `den` must not be 0.
/// `n` and `noun`, with an "s" unless there is one: "1 term", "6 terms".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

pub fn ratio_rounded(n: u64, num: u64, den: u64) -> u64 {
    n / den * num + (n % den * num * 2 + den) / (2 * den)
}

/// A count of tenths written with one decimal: 782 is "78.2", 30 is "3.0".
pub fn tenths(t: u64) -> String {
    format!("{}.{}", t / 10, t % 10)
}

/// `part` as a percentage of `whole` with one decimal, halves up: "78.2%"; "0.0%" when `whole`
/// is 0.
pub fn percent(part: u32, whole: u32) -> String {
    let t = if whole == 0 {
        0
    } else {
        ratio_rounded(part.into(), 1000, whole.into())
    };
    format!("{}%", tenths(t))
}
