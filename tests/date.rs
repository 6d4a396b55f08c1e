//! The hand-written date reading and formatting agree with chrono's own parser and `strftime`
//! on every day of the years the data set spans (and some either side).

use chrono::NaiveDate;
use council_explorer::core::date::{long, month_abbr, month_day, month_year, parse_iso};

fn days() -> impl Iterator<Item = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(1999, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(2031, 12, 31).unwrap();
    first.iter_days().take_while(move |d| *d <= last)
}

#[test]
fn formatting_matches_strftime() {
    for d in days() {
        assert_eq!(month_year(d), d.format("%B %Y").to_string());
        assert_eq!(month_day(d), d.format("%b %-d").to_string());
        assert_eq!(month_abbr(d), d.format("%b").to_string());
        assert_eq!(long(d), d.format("%-d %B %Y").to_string());
    }
}

#[test]
fn parse_reads_what_chrono_writes() {
    for d in days() {
        assert_eq!(parse_iso(&d.to_string()), Some(d));
    }
}

#[test]
fn parse_rejects_what_is_not_a_plain_date() {
    for bad in [
        "",
        "2023-02-29",
        "2023-13-01",
        "2023-00-10",
        "2023-1-01",
        "2023/01/01",
        "20230101",
        "2023-01-01T00:00",
        " 2023-01-01",
        "2023-01-0a",
        "+202-01-01",
        "2023-04-31",
    ] {
        assert_eq!(parse_iso(bad), None, "{bad:?}");
    }
    assert_eq!(
        parse_iso("2024-02-29"),
        NaiveDate::from_ymd_opt(2024, 2, 29)
    );
}
