//! Reading and writing the data set's dates by hand. chrono's `strftime` formatter and its
//! string parser together cost the wasm build about 35 KB, and the app only ever needs
//! `YYYY-MM-DD` in and "August 2023" / "Aug 28" / "Aug" out, so these few functions replace
//! them.

use chrono::{Datelike, NaiveDate};

/// The months' English names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month's English name ("August").
pub fn month_name(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize]
}

/// The month's first three letters ("Aug"), as the time axis and its ranges write it.
pub fn month_abbr(d: NaiveDate) -> &'static str {
    &month_name(d)[..3]
}

/// The months from `start` to `end` in a few characters: "Jul 2019", "Jan – Mar 2024",
/// "Nov 2023 – Feb 2024".
pub fn month_span(start: NaiveDate, end: NaiveDate) -> String {
    let (a, b) = (month_abbr(start), month_abbr(end));
    if start.year() != end.year() {
        format!("{a} {} \u{2013} {b} {}", start.year(), end.year())
    } else if start.month() != end.month() {
        format!("{a} \u{2013} {b} {}", end.year())
    } else {
        format!("{a} {}", end.year())
    }
}

/// "August 2023".
pub fn month_year(d: NaiveDate) -> String {
    format!("{} {}", month_name(d), d.year())
}

/// "Aug 28": the month's first three letters and the day without a leading zero.
pub fn month_day(d: NaiveDate) -> String {
    format!("{} {}", month_abbr(d), d.day())
}

/// "28 August 2023".
pub fn long(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_name(d), d.year())
}

/// Reads exactly `YYYY-MM-DD` (four-digit year, two-digit month and day) as a real date.
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    let (y, m, d) = iso_fields(s)?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The three numbers of a `YYYY-MM-DD` shape, whether or not they make a date.
fn iso_fields(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    Some((num(0..4)? as i32, num(5..7)?, num(8..10)?))
}

/// Why `s` is not a date, in words for the error view.
pub fn why_not(s: &str) -> String {
    match iso_fields(s) {
        Some(_) => format!("\"{s}\" is an invalid date: month or day out of range"),
        None => format!("\"{s}\" is an invalid date: expected YYYY-MM-DD"),
    }
}
