//! The time axis's arithmetic (`core::axis`), piece by piece: worked examples, then property
//! tests over random inputs.

use chrono::NaiveDate;
use council_explorer::core::axis::{describe, DateRange, Period, RangeError};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 2000,
        ..ProptestConfig::default()
    }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn range(s: &str) -> DateRange {
    DateRange::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

// ---- DateRange -------------------------------------------------------------------------------

#[test]
fn the_issues_examples() {
    let r = range("2022-01..2022-06");
    assert_eq!(
        (r.start(), r.end()),
        (Some(day("2022-01-01")), Some(day("2022-06-30")))
    );
    assert_eq!(r.to_qualifier_value(), "2022-01..2022-06");
    assert_eq!(describe(&r), "1 Jan \u{2013} 30 Jun 2022");

    let r = range("2023-08-01..2023-08-31");
    assert_eq!(
        (r.start(), r.end()),
        (Some(day("2023-08-01")), Some(day("2023-08-31")))
    );
    // The same days as the month, so written as the month.
    assert_eq!(r.to_qualifier_value(), "2023-08");
    assert_eq!(describe(&r), "1 \u{2013} 31 Aug 2023");

    let r = range("2024..");
    assert_eq!((r.start(), r.end()), (Some(day("2024-01-01")), None));
    assert_eq!(r.to_qualifier_value(), "2024..");
    assert_eq!(describe(&r), "from 1 Jan 2024");
    assert!(r.contains(day("2031-05-05")) && !r.contains(day("2023-12-31")));

    let r = range("..2022-06");
    assert_eq!((r.start(), r.end()), (None, Some(day("2022-06-30"))));
    assert_eq!(r.to_qualifier_value(), "..2022-06");
    assert_eq!(describe(&r), "until 30 Jun 2022");
}

#[test]
fn a_single_period_means_all_of_it() {
    for (s, a, b) in [
        ("2023", "2023-01-01", "2023-12-31"),
        ("2023-08", "2023-08-01", "2023-08-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("2023-08-28", "2023-08-28", "2023-08-28"),
        (" 2023-08-28 ", "2023-08-28", "2023-08-28"),
    ] {
        let r = range(s);
        assert_eq!((r.start(), r.end()), (Some(day(a)), Some(day(b))), "{s}");
        assert_eq!(r.to_qualifier_value(), s.trim());
    }
    assert_eq!(describe(&range("2023-08-28")), "28 Aug 2023");
}

#[test]
fn the_shortest_form_uses_one_grain_for_both_ends() {
    for (typed, written) in [
        ("2022-01-01..2022-12-31", "2022"),
        ("2022..2023", "2022..2023"),
        ("2022-01..2023-12", "2022..2023"),
        ("2022..2022-06", "2022-01..2022-06"),
        ("2022-01-15..2022-06", "2022-01-15..2022-06-30"),
        ("2023-08-28..2023-09-03", "2023-08-28..2023-09-03"),
        ("2022-01-15..", "2022-01-15.."),
        ("2022-02..", "2022-02.."),
        ("..2022-12-31", "..2022"),
        ("..2024-02-29", "..2024-02"),
    ] {
        assert_eq!(range(typed).to_qualifier_value(), written, "{typed}");
        assert_eq!(range(written), range(typed), "{written}");
    }
}

#[test]
fn words_show_a_year_once_when_both_ends_share_it() {
    assert_eq!(
        describe(&range("2022-12-15..2023-01-10")),
        "15 Dec 2022 \u{2013} 10 Jan 2023"
    );
    assert_eq!(describe(&range("2023")), "1 Jan \u{2013} 31 Dec 2023");
    assert_eq!(
        describe(&range("2019..2026")),
        "1 Jan 2019 \u{2013} 31 Dec 2026"
    );
}

#[test]
fn bad_ranges_are_explained() {
    assert_eq!(
        DateRange::parse("2023-02-30"),
        Err(RangeError::Impossible("2023-02-30".into()))
    );
    assert_eq!(
        DateRange::parse("2023-13..2024"),
        Err(RangeError::Impossible("2023-13".into()))
    );
    assert_eq!(
        DateRange::parse("2023-00"),
        Err(RangeError::Impossible("2023-00".into()))
    );
    assert_eq!(
        DateRange::parse("2023..2022-06"),
        Err(RangeError::Reversed {
            start: day("2023-01-01"),
            end: day("2022-06-30")
        })
    );
    assert_eq!(DateRange::parse(".."), Err(RangeError::Empty));
    for shape in [
        "",
        "yesterday",
        "2023-8",
        "23",
        "2023/08",
        "20230828",
        "2023-08-28T10",
    ] {
        assert_eq!(
            DateRange::parse(shape),
            Err(RangeError::Shape(shape.into())),
            "{shape}"
        );
    }
    assert_eq!(
        DateRange::parse("2022..2023..2024"),
        Err(RangeError::Shape("2023..2024".into()))
    );
    assert_eq!(
        DateRange::parse("2022...2023"),
        Err(RangeError::Shape(".2023".into()))
    );
    // A range whose ends are the same day is fine; one day earlier is reversed.
    assert!(DateRange::parse("2023-08-28..2023-08-28").is_ok());
    assert!(DateRange::parse("2023-08-28..2023-08-27").is_err());

    // Each reason reads as a sentence of its own.
    assert_eq!(
        RangeError::Reversed {
            start: day("2023-01-01"),
            end: day("2022-06-30")
        }
        .to_string(),
        "This range ends on 30 June 2022 but starts on 1 January 2023, which is later: put the \
         earlier date first."
    );
    for e in [
        RangeError::Shape("x".into()),
        RangeError::Impossible("2023-02-30".into()),
        RangeError::Empty,
    ] {
        let m = e.to_string();
        assert!(m.ends_with('.') && m.len() > 30, "{m}");
    }
}

#[test]
fn periods_name_their_first_and_last_day() {
    let p = Period::parse("2024-02").unwrap();
    assert_eq!(
        (p.first_day(), p.last_day()),
        (day("2024-02-01"), day("2024-02-29"))
    );
    let p = Period::parse("2023").unwrap();
    assert_eq!(
        (p.first_day(), p.last_day()),
        (day("2023-01-01"), day("2023-12-31"))
    );
    assert_eq!(
        Period::parse("2023-12").unwrap().last_day(),
        day("2023-12-31")
    );
}

#[test]
fn new_ranges_are_checked_too() {
    assert_eq!(DateRange::new(None, None), Err(RangeError::Empty));
    assert!(DateRange::new(Some(day("2023-01-02")), Some(day("2023-01-01"))).is_err());
    let r = DateRange::new(Some(day("2023-01-02")), None).unwrap();
    assert!(r.contains(day("2023-01-02")) && !r.contains(day("2023-01-01")));
}

/// Days the qualifier writes in their short forms more often than chance would: years' and
/// months' first and last days.
fn any_day() -> impl Strategy<Value = NaiveDate> {
    (1900i32..=2200, 1u32..=12, 1u32..=31, 0u8..4).prop_map(|(y, m, d, kind)| {
        let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
        let last = first
            .checked_add_months(chrono::Months::new(1))
            .unwrap()
            .pred_opt()
            .unwrap();
        match kind {
            0 => first,
            1 => last,
            2 => NaiveDate::from_ymd_opt(y, m, d).unwrap_or(last),
            _ if m % 2 == 0 => NaiveDate::from_ymd_opt(y, 1, 1).unwrap(),
            _ => NaiveDate::from_ymd_opt(y, 12, 31).unwrap(),
        }
    })
}

fn any_range() -> impl Strategy<Value = DateRange> {
    (prop::option::of(any_day()), prop::option::of(any_day()))
        .prop_filter("one end at least", |(a, b)| a.is_some() || b.is_some())
        .prop_map(|(a, b)| match (a, b) {
            (Some(a), Some(b)) => DateRange::new(Some(a.min(b)), Some(a.max(b))).unwrap(),
            (a, b) => DateRange::new(a, b).unwrap(),
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_range_round_trips_through_its_qualifier(r in any_range()) {
        let v = r.to_qualifier_value();
        prop_assert_eq!(DateRange::parse(&v), Ok(r), "{}", v);
        prop_assert!(!describe(&r).is_empty());
    }

    #[test]
    fn any_text_parses_or_is_explained_and_what_parses_round_trips(
        s in prop_oneof![
            "[0-9.-]{0,24}",
            "(19|20|21)[0-9]{2}(-[01][0-9](-[0-3][0-9])?)?",
            "((19|20)[0-9]{2}(-[01][0-9](-[0-3][0-9])?)?)?\\.\\.((20|21)[0-9]{2}(-[01][0-9])?)?",
            any::<String>(),
        ]
    ) {
        match DateRange::parse(&s) {
            Ok(r) => {
                prop_assert_eq!(DateRange::parse(&r.to_qualifier_value()), Ok(r));
            }
            Err(e) => prop_assert!(e.to_string().ends_with('.')),
        }
    }
}
