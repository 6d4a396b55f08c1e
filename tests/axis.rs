//! The time axis's arithmetic (`core::axis`), piece by piece: worked examples, then property
//! tests over random inputs; and the figures of the bundled data and a timing, printed.

use chrono::NaiveDate;
use council_explorer::core::axis::{
    bin_xs, bins, describe, drawn_at, spaced, ticks, Bin, DateRange, Period, RangeError, Scale,
    TickStep, TickUnit, Window, MIN_SPAN_DAYS,
};
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

// ---- Window ----------------------------------------------------------------------------------

fn window(a: &str, b: &str) -> Window {
    Window::new(day(a), day(b)).unwrap()
}

/// The data's span, as the app passes it.
fn limits() -> Window {
    window("2019-01-01", "2026-12-31")
}

fn from_offset(n: i64) -> NaiveDate {
    day("1990-01-01") + chrono::Days::new(n as u64)
}

/// Limits of a day to 60 years, and a window of any length inside them.
fn limits_and_window() -> impl Strategy<Value = (Window, Window)> {
    (0i64..20_000, 0i64..22_000)
        .prop_flat_map(|(first, len)| (Just((first, len)), 0..=len, 0..=len))
        .prop_map(|((first, len), a, b)| {
            let limits = Window::new(from_offset(first), from_offset(first + len)).unwrap();
            let w =
                Window::new(from_offset(first + a.min(b)), from_offset(first + a.max(b))).unwrap();
            (limits, w.clamp(limits))
        })
}

#[test]
fn a_window_counts_both_ends_and_refuses_to_run_backwards() {
    let w = window("2022-01-01", "2022-12-31");
    assert_eq!(w.days(), 365);
    assert!(w.contains(day("2022-01-01")) && w.contains(day("2022-12-31")));
    assert!(!w.contains(day("2021-12-31")) && !w.contains(day("2023-01-01")));
    assert_eq!(Window::new(day("2022-01-02"), day("2022-01-01")), None);
    assert_eq!(window("2022-01-01", "2022-01-01").days(), 1);
}

#[test]
fn clamp_moves_a_window_inside_the_limits_and_holds_its_span_between_a_week_and_the_limits() {
    // Too early: moved, not shrunk.
    assert_eq!(
        window("2018-12-01", "2019-01-30").clamp(limits()),
        window("2019-01-01", "2019-03-02")
    );
    // Too late.
    assert_eq!(
        window("2026-12-30", "2027-01-05").clamp(limits()),
        window("2026-12-25", "2026-12-31")
    );
    // Wider than the limits: the limits.
    assert_eq!(window("2010-01-01", "2030-01-01").clamp(limits()), limits());
    // Shorter than a week: the week around its middle.
    assert_eq!(
        window("2023-08-28", "2023-08-28").clamp(limits()),
        window("2023-08-25", "2023-08-31")
    );
    // Limits shorter than a week are the whole span.
    let tiny = window("2023-08-01", "2023-08-03");
    assert_eq!(window("2023-08-02", "2023-08-02").clamp(tiny), tiny);
}

#[test]
fn pan_keeps_the_span_and_stops_at_the_limits() {
    let w = window("2022-01-01", "2022-06-30");
    assert_eq!(w.pan(31, limits()), window("2022-02-01", "2022-07-31"));
    assert_eq!(
        w.pan(-1_000_000, limits()),
        window("2019-01-01", "2019-06-30")
    );
    assert_eq!(w.pan(i64::MAX, limits()).end(), day("2026-12-31"));
    assert_eq!(w.pan(i64::MAX, limits()).days(), w.days());
}

#[test]
fn zoom_keeps_the_anchor_day_where_it_was() {
    let year = window("2022-01-01", "2022-12-31");
    // Twice as close around the middle of the year: half the days, the middle kept.
    let z = year.zoom(2.0, day("2022-07-02"), limits());
    assert_eq!(z.days(), 183);
    assert_eq!(z, window("2022-04-02", "2022-10-01"));
    // Around the first day, the window keeps its start; around the last, its end.
    assert_eq!(
        year.zoom(4.0, day("2022-01-01"), limits()).start(),
        day("2022-01-01")
    );
    assert_eq!(
        year.zoom(4.0, day("2022-12-31"), limits()).end(),
        day("2022-12-31")
    );
    // Zooming out from the middle of the years: the limits, at most.
    assert_eq!(year.zoom(0.01, day("2022-07-02"), limits()), limits());
    // In, past a week: a week.
    assert_eq!(
        year.zoom(1000.0, day("2022-07-02"), limits()),
        window("2022-06-29", "2022-07-05")
    );
    // Small wheel steps on a short window still move by a day each.
    let fortnight = window("2022-07-01", "2022-07-14");
    assert_eq!(fortnight.zoom(1.01, day("2022-07-07"), limits()).days(), 13);
    assert_eq!(fortnight.zoom(0.99, day("2022-07-07"), limits()).days(), 15);
    assert_eq!(fortnight.zoom(1.0, day("2022-07-07"), limits()), fortnight);
    // Not a number, nothing or less: no change.
    for f in [f64::NAN, 0.0, -2.0, f64::INFINITY] {
        assert_eq!(year.zoom(f, day("2022-07-02"), limits()), year);
    }
    // At an edge of the limits the window is moved back inside.
    let early = window("2019-01-01", "2019-12-31");
    assert_eq!(
        early.zoom(0.5, day("2019-03-01"), limits()).start(),
        day("2019-01-01")
    );
}

#[test]
fn a_bin_zooms_to_its_dates_with_room_either_side() {
    // A month of marks: three days of room on each side.
    assert_eq!(
        Window::around(day("2023-08-01"), day("2023-08-31"), limits()),
        window("2023-07-29", "2023-09-03")
    );
    // A bin of one day: the week around it.
    assert_eq!(
        Window::around(day("2023-08-28"), day("2023-08-28"), limits()),
        window("2023-08-25", "2023-08-31")
    );
    // Either order; never past the limits.
    assert_eq!(
        Window::around(day("2026-12-31"), day("2026-12-20"), limits()),
        window("2026-12-18", "2026-12-31")
    );
}

#[test]
fn a_window_is_a_range_and_back() {
    let w = window("2022-01-01", "2022-06-30");
    assert_eq!(w.to_range(), range("2022-01..2022-06"));
    assert_eq!(Window::from_range(w.to_range(), limits()), w);
    // An open end reaches the limit.
    assert_eq!(
        Window::from_range(range("2024.."), limits()),
        window("2024-01-01", "2026-12-31")
    );
    assert_eq!(
        Window::from_range(range("..2022-06"), limits()),
        window("2019-01-01", "2022-06-30")
    );
    // A day is shown as its week; a range beyond the data as the limits' last days.
    assert_eq!(
        Window::from_range(range("2023-08-28"), limits()),
        window("2023-08-25", "2023-08-31")
    );
    assert_eq!(
        Window::from_range(range("2030.."), limits()),
        window("2026-12-25", "2026-12-31")
    );
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn zoom_keeps_the_anchor_and_the_limits(
        (limits, w) in limits_and_window(),
        width in 1u32..=4000,
        at in 0u32..4000,
        factor in 0.05f64..20.0,
    ) {
        let before = Scale::new(w, width);
        let px = (at % width) as i32;
        let anchor = before.date_at(px);
        let z = w.zoom(factor, anchor, limits);
        prop_assert!(limits.contains(z.start()) && limits.contains(z.end()));
        prop_assert!(z.days() >= MIN_SPAN_DAYS.min(limits.days()));
        let after = Scale::new(z, width);
        if z.start() > limits.start() && z.end() < limits.end() {
            // The middle of the anchor's day moves at most half a new day and a pixel's rounding:
            // within a pixel wherever a day is at most a pixel wide.
            let moved = i64::from((after.x_mid(anchor) - before.x_mid(anchor)).abs());
            let day_px = (i64::from(width) + z.days() - 1) / z.days();
            prop_assert!(2 * moved <= day_px + 2, "moved {} px, a day is {} px", moved, day_px);
            if z.days() >= i64::from(width) {
                prop_assert!(moved <= 1);
            }
        }
    }

    #[test]
    fn pan_keeps_the_span_and_the_limits(
        (limits, w) in limits_and_window(),
        days in prop_oneof![-500i64..500, any::<i64>()],
    ) {
        let p = w.pan(days, limits);
        prop_assert_eq!(p.days(), w.days());
        prop_assert!(limits.contains(p.start()) && limits.contains(p.end()));
    }

    #[test]
    fn a_window_round_trips_through_its_range(
        (limits, w) in limits_and_window(),
    ) {
        prop_assert_eq!(Window::from_range(w.to_range(), limits), w);
        let v = w.to_range().to_qualifier_value();
        prop_assert_eq!(DateRange::parse(&v), Ok(w.to_range()));
    }
}

// ---- Scale -----------------------------------------------------------------------------------

#[test]
fn a_pixel_a_day() {
    let s = Scale::new(window("2022-01-01", "2022-12-31"), 365);
    assert_eq!(s.x(day("2022-01-01")), 0);
    assert_eq!(s.x(day("2022-02-01")), 31);
    assert_eq!(s.x(day("2023-01-01")), 365);
    assert_eq!(s.x(day("2021-12-31")), -1);
    assert_eq!(s.date_at(31), day("2022-02-01"));
    assert_eq!(s.date_at(-1), day("2021-12-31"));
}

#[test]
fn days_wider_than_a_pixel_own_their_pixels_from_their_left_edge() {
    // 7 days on 100 px: day k owns ⌈100k/7⌉ up to the next day's edge.
    let s = Scale::new(window("2023-08-28", "2023-09-03"), 100);
    let edges: Vec<i32> = (0..=7)
        .map(|k| s.x(day("2023-08-28") + chrono::Days::new(k)))
        .collect();
    assert_eq!(edges, [0, 15, 29, 43, 58, 72, 86, 100]);
    assert_eq!(s.x_mid(day("2023-08-28")), 7);
    assert_eq!(s.date_at(14), day("2023-08-28"));
    assert_eq!(s.date_at(15), day("2023-08-29"));
    assert_eq!(s.date_at(99), day("2023-09-03"));
}

#[test]
fn many_days_to_a_pixel() {
    let s = Scale::new(limits(), 1000);
    assert_eq!(limits().days(), 2922);
    assert_eq!(s.x(day("2019-01-01")), 0);
    assert_eq!(s.x(day("2027-01-01")), 1000);
    assert_eq!(s.x(day("2023-01-01")), 500);
    assert_eq!(s.date_at(500), day("2023-01-01"));
    // Three days share the last pixel; the two that begin after its left edge begin at the
    // axis's right edge, and marks sit at the middle of their day, inside it.
    assert_eq!(s.date_at(999), day("2026-12-29"));
    assert_eq!(s.x(day("2026-12-31")), 1000);
    assert_eq!(s.x_mid(day("2026-12-31")), 999);
    // Far outside the window the pixels saturate instead of wrapping.
    let z = Scale::new(window("2023-08-28", "2023-09-03"), u32::MAX);
    assert_eq!(z.x(NaiveDate::MAX), i32::MAX);
    assert_eq!(z.x(NaiveDate::MIN), i32::MIN);
    // No width: every pixel is the first day.
    assert_eq!(Scale::new(limits(), 0).date_at(40), day("2019-01-01"));
}

#[test]
fn extent_brush_and_drag() {
    let s = Scale::new(window("2022-01-01", "2022-12-31"), 365);
    assert_eq!(s.extent(&range("2022-01..2022-06")), (0, 181));
    assert_eq!(s.extent(&range("2022-07..")), (181, 365));
    assert_eq!(s.extent(&range("..2021")), (0, 0));
    assert_eq!(s.extent(&range("2020..2030")), (0, 365));
    assert_eq!(s.brush(181, 0), range("2022-01..2022-06"));
    assert_eq!(s.brush(40, 40), range("2022-02-10"));
    assert_eq!(s.brush(-20, 9000), range("2022"));
    // Dragging right by 31 px shows the 31 days before.
    assert_eq!(s.pan_px(31, limits()), window("2021-12-01", "2022-11-30"));
    // On 2 px a day, 3 px round to 2 days.
    let wide = Scale::new(window("2022-01-01", "2022-12-31"), 730);
    assert_eq!(wide.pan_px(-3, limits()).start(), day("2022-01-03"));
    // The zoom around a pixel is the zoom around its day.
    assert_eq!(
        s.zoom_at(2.0, 182, limits()),
        s.window().zoom(2.0, day("2022-07-02"), limits())
    );
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn pixels_and_days_are_inverses_at_the_finer_grain(
        (_, w) in limits_and_window(),
        width in 1u32..=6000,
        k in any::<u32>(),
    ) {
        let s = Scale::new(w, width);
        if i64::from(width) >= w.days() {
            // A pixel is at most a day: every day comes back from its left edge and its middle.
            let d = w.start() + chrono::Days::new(u64::from(k) % w.days() as u64);
            prop_assert_eq!(s.date_at(s.x(d)), d);
            prop_assert_eq!(s.date_at(s.x_mid(d)), d);
        }
        if i64::from(width) <= w.days() {
            // A day is at most a pixel: every pixel comes back from its day.
            let px = (k % width) as i32;
            prop_assert_eq!(s.x(s.date_at(px)), px);
        }
        let px = (k % width) as i32;
        prop_assert!(w.contains(s.date_at(px)));
    }

    #[test]
    fn a_brush_over_a_ranges_extent_gives_the_range_back(
        (_, w) in limits_and_window(),
        width in 1u32..=6000,
        a in any::<u32>(),
        b in any::<u32>(),
    ) {
        let s = Scale::new(w, width);
        let (a, b) = (a as i64 % w.days(), b as i64 % w.days());
        let r = DateRange::new(
            Some(w.start() + chrono::Days::new(a.min(b) as u64)),
            Some(w.start() + chrono::Days::new(a.max(b) as u64)),
        )
        .unwrap();
        let (left, right) = s.extent(&r);
        prop_assert!(0 <= left && left <= right && right <= width as i32);
        if i64::from(width) >= w.days() {
            prop_assert_eq!(s.brush(right, left), r);
        }
    }
}

// ---- Ticks -----------------------------------------------------------------------------------

fn labels(scale: &Scale, gap: u32) -> Vec<(String, bool)> {
    ticks(scale, gap)
        .into_iter()
        .map(|t| (t.label, t.major))
        .collect()
}

fn plain(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn eight_years_on_a_wide_axis_are_marked_in_years() {
    let s = Scale::new(limits(), 1000);
    let step = TickStep::choose(&s, 48);
    assert_eq!(
        step,
        TickStep {
            unit: TickUnit::Year,
            every: 1
        }
    );
    assert_eq!(step.describe(), "years");
    let t = ticks(&s, 48);
    assert_eq!(
        t.iter().map(|t| t.label.clone()).collect::<Vec<_>>(),
        plain(&["2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"])
    );
    assert!(t.iter().all(|t| t.major));
    assert_eq!(t[4].x, 500);
}

#[test]
fn on_a_narrow_axis_years_go_by_twos_then_fives() {
    let s = Scale::new(limits(), 300);
    assert_eq!(TickStep::choose(&s, 48).describe(), "every 2 years");
    assert_eq!(
        ticks(&s, 48)
            .into_iter()
            .map(|t| t.label)
            .collect::<Vec<_>>(),
        plain(&["2020", "2022", "2024", "2026"])
    );
    let s = Scale::new(limits(), 100);
    assert_eq!(TickStep::choose(&s, 48).describe(), "every 5 years");
    assert_eq!(
        labels(&s, 48),
        [("2020".to_string(), true), ("2025".to_string(), true)]
    );
    // Too narrow for even that: one tick at most.
    let s = Scale::new(limits(), 3);
    assert!(ticks(&s, 48).len() <= 1);
}

#[test]
fn a_year_is_marked_in_months_or_quarters() {
    let s = Scale::new(window("2023-01-01", "2023-12-31"), 1000);
    assert_eq!(TickStep::choose(&s, 48).unit, TickUnit::Month);
    let l = labels(&s, 48);
    assert_eq!(l.len(), 12);
    assert_eq!(l[0], ("2023".to_string(), true));
    assert_eq!(l[7], ("Aug".to_string(), false));
    assert!(l[1..].iter().all(|(_, major)| !major));

    let s = Scale::new(window("2022-11-15", "2023-11-14"), 400);
    assert_eq!(TickStep::choose(&s, 48).describe(), "quarters");
    assert_eq!(
        labels(&s, 48),
        [
            ("2023".to_string(), true),
            ("Q2".to_string(), false),
            ("Q3".to_string(), false),
            ("Q4".to_string(), false)
        ]
    );
}

#[test]
fn two_months_are_marked_in_weeks_and_a_fortnight_in_days() {
    let s = Scale::new(window("2023-08-01", "2023-09-30"), 1000);
    assert_eq!(TickStep::choose(&s, 48).unit, TickUnit::Week);
    let l = labels(&s, 48);
    assert_eq!(
        l.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(),
        ["7 Aug", "14 Aug", "21 Aug", "28 Aug", "4 Sep", "11 Sep", "18 Sep", "25 Sep"]
    );
    // The first Monday of each month is major.
    assert_eq!(
        l.iter()
            .filter(|(_, m)| *m)
            .map(|(l, _)| l.as_str())
            .collect::<Vec<_>>(),
        ["7 Aug", "4 Sep"]
    );
    let s = Scale::new(window("2023-08-25", "2023-09-07"), 1000);
    let step = TickStep::choose(&s, 48);
    assert_eq!(
        (step.unit, step.describe()),
        (TickUnit::Day, "days".to_string())
    );
    let l = labels(&s, 48);
    assert_eq!(l.len(), 14);
    assert_eq!(l[7], ("1 Sep".to_string(), true));
    assert_eq!(l[8], ("2 Sep".to_string(), false));
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn ticks_are_in_order_inside_the_window_and_never_crowd(
        (_, w) in limits_and_window(),
        width in 0u32..=4000,
        gap in 0u32..=120,
    ) {
        let s = Scale::new(w, width);
        let t = ticks(&s, gap);
        for tick in &t {
            prop_assert!(w.contains(tick.date), "{tick:?} outside {w:?}");
            prop_assert_eq!(tick.x, s.x(tick.date));
            prop_assert!((0..=width as i32).contains(&tick.x));
            prop_assert!(!tick.label.is_empty() && tick.label.chars().count() <= 6);
        }
        for pair in t.windows(2) {
            prop_assert!(pair[0].date < pair[1].date);
            prop_assert!(pair[1].x - pair[0].x >= gap.max(1) as i32, "{:?}", pair);
        }
    }

    #[test]
    fn the_step_is_the_finest_that_fits(
        (_, w) in limits_and_window(),
        width in 1u32..=4000,
        gap in 1u32..=120,
    ) {
        let s = Scale::new(w, width);
        let step = TickStep::choose(&s, gap);
        if step.unit != TickUnit::Day && step.every == 1 {
            // The shortest day, week, month or quarter: the unit just finer than the one chosen.
            let finer = [1i64, 7, 28, 90][step.unit as usize - 1];
            prop_assert!(finer * i64::from(width) / w.days() < i64::from(gap));
        }
    }
}

// ---- Binning ---------------------------------------------------------------------------------

#[test]
fn marks_within_the_gap_of_a_bins_first_mark_fold_into_it() {
    let b = bin_xs(&[0, 3, 5, 20, 21, 50, 56], 5);
    assert_eq!(
        b,
        [
            Bin {
                x0: 0,
                x1: 5,
                count: 3,
                first: 0,
                last: 2
            },
            Bin {
                x0: 20,
                x1: 21,
                count: 2,
                first: 3,
                last: 4
            },
            Bin {
                x0: 50,
                x1: 50,
                count: 1,
                first: 5,
                last: 5
            },
            Bin {
                x0: 56,
                x1: 56,
                count: 1,
                first: 6,
                last: 6
            },
        ]
    );
    // A gap of 0 folds only marks at the same pixel.
    assert_eq!(bin_xs(&[4, 4, 5], 0).len(), 2);
    assert!(bin_xs(&[], 5).is_empty());
}

#[test]
fn drawn_bins_that_would_touch_fold_into_one() {
    // Bins of 22 px: 0..20 and 23..24 are two bins whose middles are 13 px apart, too close
    // for a count (10 px either side) beside another; they fold, and the one at 100 stays.
    let half = |n: usize| if n == 1 { 6 } else { 10 };
    let b = spaced(bin_xs(&[10, 20, 23, 24, 100], 22).into_iter(), half, 400);
    let got: Vec<(i32, i32, usize)> = b.iter().map(|b| (b.x0, b.x1, b.count)).collect();
    assert_eq!(got, vec![(10, 24, 4), (100, 100, 1)]);
    // Marks far enough apart stay apart.
    assert_eq!(
        spaced(bin_xs(&[10, 33, 56], 22).into_iter(), half, 400).len(),
        3
    );
}

#[test]
fn binning_reads_indices_as_given() {
    // Entries come newest first, so a lane walks them backwards; the bins keep their indices.
    let xs_newest_first = [90, 40, 38, 10];
    let marks = xs_newest_first.iter().copied().enumerate().rev();
    let b: Vec<Bin> = bins(marks, 4).collect();
    assert_eq!(
        b,
        [
            Bin {
                x0: 10,
                x1: 10,
                count: 1,
                first: 3,
                last: 3
            },
            Bin {
                x0: 38,
                x1: 40,
                count: 2,
                first: 2,
                last: 1
            },
            Bin {
                x0: 90,
                x1: 90,
                count: 1,
                first: 0,
                last: 0
            },
        ]
    );
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_sorted_mark_lands_in_exactly_one_bin(
        mut xs in prop::collection::vec(prop_oneof![any::<i32>(), -50i32..50], 0..300),
        gap in prop_oneof![0u32..20, any::<u32>()],
    ) {
        xs.sort_unstable();
        let b = bin_xs(&xs, gap);
        prop_assert_eq!(b.iter().map(|b| b.count).sum::<usize>(), xs.len());
        let mut next = 0;
        for bin in &b {
            prop_assert_eq!(bin.first, next);
            prop_assert_eq!(bin.count, bin.last - bin.first + 1);
            prop_assert_eq!((bin.x0, bin.x1), (xs[bin.first], xs[bin.last]));
            prop_assert!(i64::from(bin.x1) - i64::from(bin.x0) <= i64::from(gap));
            next = bin.last + 1;
        }
        prop_assert_eq!(next, xs.len());
        for pair in b.windows(2) {
            prop_assert!(pair[0].x1 < pair[1].x0);
            prop_assert!(i64::from(pair[1].x0) - i64::from(pair[0].x0) > i64::from(gap));
        }
    }

    #[test]
    fn unsorted_marks_still_land_once_each(
        xs in prop::collection::vec(-100i32..100, 0..100),
        gap in 0u32..30,
    ) {
        each_mark_once(&bin_xs(&xs, gap), xs.len())?;
    }
}

/// The bins hold marks `0..n` in order, each mark in exactly one.
fn each_mark_once(b: &[Bin], n: usize) -> Result<(), TestCaseError> {
    let mut next = 0;
    for bin in b {
        prop_assert_eq!(bin.first, next);
        prop_assert_eq!(bin.count, bin.last - bin.first + 1);
        next = bin.last + 1;
    }
    prop_assert_eq!(next, n);
    Ok(())
}

// ---- The bundled data, and what a step costs ---------------------------------------------------

/// The line above the list for the issue's example, on the bundled data: a figure for the
/// report, printed rather than fixed, since the data grows.
#[test]
fn the_first_half_of_2022_on_the_bundled_data() {
    use council_explorer::core::dataset::{Dataset, Parts};
    use council_explorer::core::timeline::entries;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let parts =
        Parts::parse_with(|f| std::fs::read_to_string(format!("{dir}/{}", f.name())).unwrap())
            .expect("data/ parses");
    let all = entries(&Dataset::new(parts).expect("data/ is valid"));
    let r = range("2022-01..2022-06");
    let n = all.iter().filter(|e| r.contains(e.date)).count();
    println!("{}: {n} entries", describe(&r));
    let first = all.iter().map(|e| e.date).min().unwrap();
    let last = all.iter().map(|e| e.date).max().unwrap();
    println!("the data spans {first} to {last}, {} entries", all.len());
    assert!(limits().contains(first) && limits().contains(last));
}

/// What a pan or zoom step costs natively: x for 4,000 dates, their bins, the ticks. Printed,
/// never asserted (timings vary with the machine's load).
#[test]
fn timing() {
    use std::hint::black_box;
    use std::time::Instant;
    let start = day("2019-01-01");
    // About 3,600 entries over eight years, as in the 10× data set, plus some.
    let dates: Vec<NaiveDate> = (0..4000u64)
        .map(|i| start + chrono::Days::new(i * 2922 / 4000))
        .collect();
    let scale = Scale::new(limits(), 1200);
    let runs = 1000;
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..runs {
        let marks = dates.iter().enumerate().map(|(i, d)| (i, scale.x_mid(*d)));
        n += bins(black_box(marks), 6).count();
    }
    let bin_us = t.elapsed().as_secs_f64() * 1e6 / f64::from(runs);
    let t = Instant::now();
    for w in [1200u32, 600, 320] {
        for _ in 0..runs {
            n += black_box(ticks(&Scale::new(limits(), w), 48)).len();
            n += black_box(ticks(
                &Scale::new(window("2023-08-01", "2023-09-30"), w),
                48,
            ))
            .len();
        }
    }
    let tick_us = t.elapsed().as_secs_f64() * 1e6 / f64::from(runs * 6);
    println!(
        "x and bins of 4,000 marks: {bin_us:.1} µs; ticks for one window: {tick_us:.2} µs ({n})"
    );
}

proptest! {
    /// However the marks lie, the bins as drawn never overlap, and every mark is in one.
    #[test]
    fn drawn_bins_never_overlap(mut xs in proptest::collection::vec(-50i32..2_000, 0..120), gap in 0u32..40, width in 40i32..2_000) {
        xs.sort();
        let half = |n: usize| match n { 1 => 6, 2..=9 => 10, _ => 13 };
        let b = spaced(bin_xs(&xs, gap).into_iter(), half, width);
        each_mark_once(&b, xs.len())?;
        for pair in b.windows(2) {
            let mid = |b: &Bin| i64::from(drawn_at(b, half(b.count), width));
            let (a, c) = (&pair[0], &pair[1]);
            prop_assert!(mid(c) - i64::from(half(c.count)) > mid(a) + i64::from(half(a.count)), "{:?}", pair);
        }
    }
}
