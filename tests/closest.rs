//! Native tests of the dead ends (issue 18): a person's address in any case or with accents,
//! and what a not-found view offers instead (`core::closest`), on the bundled data set.

mod support;

use chrono::NaiveDate;
use council_explorer::core::closest::{
    closest_people, day_of, nearest_elections, nearest_notes, nearest_peps, peps_titled, way_on,
    Asked,
};
use council_explorer::core::model::SectionKind;
use council_explorer::core::route::{percent_decode, Route};
use support::bundled;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

// Issue 18: `/people/Lukasz-Langa` was not found; a person's address is read without regard to
// case or accents, and the app then writes the id's own form.
#[test]
fn a_persons_address_reads_in_any_case_and_with_accents() {
    let data = bundled();
    for path in [
        "/people/lukasz-langa",
        "/people/Lukasz-Langa",
        "/people/%C5%81ukasz-Langa",
        "/people/%c5%81UKASZ-LANGA",
        "/people/%C5%81ukasz%20Langa",
        "/people/lukasz_langa/",
    ] {
        assert_eq!(
            Route::parse(path),
            Route::Person("lukasz-langa".into()),
            "{path}"
        );
    }
    assert!(data.person("lukasz-langa").is_some());
    assert_eq!(
        Route::Person("lukasz-langa".into()).path(),
        "/people/lukasz-langa",
        "the form the app writes back"
    );
    // Nothing of these can be an id.
    for path in ["/people/%E6%BC%A2", "/people/%FF", "/people/---"] {
        assert_eq!(Route::parse(path), Route::NotFound, "{path}");
    }
}

#[test]
fn percent_escapes_decode_and_broken_ones_stay() {
    assert_eq!(percent_decode("%C5%81ukasz"), "Łukasz");
    assert_eq!(percent_decode("a%20b%2fc"), "a b/c");
    assert_eq!(percent_decode("100%"), "100%");
    assert_eq!(percent_decode("%4"), "%4");
    assert_eq!(percent_decode("%zz%"), "%zz%");
    assert_eq!(percent_decode("%FF"), "\u{fffd}");
}

#[test]
fn a_meetings_address_is_read_as_the_day_it_names() {
    for (id, want) in [
        ("2023-08-29", Some("2023-08-29")),
        ("2021-12-13-handoff", Some("2021-12-13")),
        ("2023-8-1", Some("2023-08-01")),
        ("2023-13-45", Some("2023-12-31")),
        ("2023-02-30", Some("2023-02-28")),
        ("2024-02-30", Some("2024-02-29")),
        ("2023-00-00", Some("2023-01-01")),
        ("2023", Some("2023-01-01")),
        ("2023-06", Some("2023-06-01")),
        ("23-01-01", None),
        ("soon", None),
        ("", None),
    ] {
        assert_eq!(day_of(id), want.map(day), "{id}");
    }
}

#[test]
fn a_missing_meeting_offers_the_nearest_notes_before_and_after() {
    let data = bundled();
    let held: Vec<_> = data
        .parts
        .sections
        .iter()
        .filter(|s| s.held || s.kind != SectionKind::NoMeeting)
        .collect();
    let (before, after) = nearest_notes(&data, day("2023-08-29"));
    assert_eq!(before.map(|s| s.id.as_str()), Some("2023-08-28"));
    let next = held
        .iter()
        .filter(|s| s.date > day("2023-08-29"))
        .min_by_key(|s| s.date)
        .unwrap();
    assert_eq!(after.map(|s| &s.id), Some(&next.id));
    // After the notes end, only the last meeting; before they start, only the first.
    let last = held.iter().max_by_key(|s| s.date).unwrap();
    let first = held.iter().min_by_key(|s| s.date).unwrap();
    let (before, after) = nearest_notes(&data, day("2031-01-01"));
    assert_eq!((before.map(|s| &s.id), after), (Some(&last.id), None));
    let (before, after) = nearest_notes(&data, day("1999-01-01"));
    assert_eq!((before, after.map(|s| &s.id)), (None, Some(&first.id)));
    // Before 2021 the notes are updates and recaps: they are what a day then gets.
    assert_eq!(first.id, "2019-02-15");
    let (before, _) = nearest_notes(&data, day("2020-05-04"));
    assert_eq!(before.map(|s| s.kind), Some(SectionKind::Recap));

    let w = way_on(&data, &Asked::Meeting("2023-08-29".into()));
    assert_eq!(w.heading, "The nearest notes");
    assert_eq!(
        w.links,
        [
            (
                Route::Meeting("2023-08-28".into()),
                "Before it: Council meeting, 2023-08-28".to_string()
            ),
            (
                Route::Meeting(next.id.clone()),
                format!("After it: {}", next.title())
            ),
        ]
    );
    let w = way_on(&data, &Asked::Meeting("2023-08-28-extra".into()));
    assert!(w.links[0].1.starts_with("On that day: "), "{w:?}");
    assert_eq!(way_on(&data, &Asked::Meeting("handoff".into())).links, []);
}

#[test]
fn a_missing_person_offers_the_people_with_names_most_like_it() {
    let data = bundled();
    let first = |asked: &str| closest_people(&data, asked).first().map(|p| p.id.clone());
    assert_eq!(first("lukas-langa").as_deref(), Some("lukasz-langa"));
    assert_eq!(first("Łukasz").as_deref(), Some("lukasz-langa"));
    assert_eq!(first("guido").as_deref(), Some("guido-van-rossum"));
    assert_eq!(
        first("pablo-salgado").as_deref(),
        Some("pablo-galindo-salgado")
    );
    assert_eq!(first("wouters").as_deref(), Some("thomas-wouters"));
    assert!(closest_people(&data, "zzzz-qqqq").is_empty());
    assert!(closest_people(&data, "thomas").len() <= 5);
    let w = way_on(&data, &Asked::Person("lukas-langa".into()));
    assert_eq!(
        w.links[0],
        (Route::Person("lukasz-langa".into()), "Łukasz Langa".into())
    );
    assert_eq!(
        way_on(&data, &Asked::Person("zzzz".into())),
        Default::default()
    );
}

#[test]
fn a_missing_pep_offers_the_nearest_numbers_and_titles_like_it() {
    let data = bundled();
    let numbers = |peps: Vec<&council_explorer::core::model::Pep>| {
        peps.iter().map(|p| p.number).collect::<Vec<_>>()
    };
    // 716 and 717 are not PEPs; 715 and 718 are.
    assert!(data.pep(716).is_none() && data.pep(717).is_none());
    assert_eq!(numbers(nearest_peps(&data, 716)), [714, 715, 718, 719]);
    assert_eq!(numbers(nearest_peps(&data, 9999)), [8104, 8105, 8106, 8107]);
    let matching = numbers(peps_titled(&data, "pattern-matching"));
    assert!(
        [622, 634, 635, 636].iter().all(|n| matching.contains(n)),
        "{matching:?}"
    );
    assert_eq!(numbers(peps_titled(&data, "pep-703"))[0], 703);
    assert!(peps_titled(&data, "the-and-for").is_empty(), "common words");
    let w = way_on(&data, &Asked::Pep(716));
    assert_eq!(w.heading, "The nearest PEPs");
    assert!(w.links[1].1.starts_with("PEP 715: "), "{w:?}");
}

#[test]
fn a_missing_election_offers_the_nearest_terms() {
    let data = bundled();
    let terms = |y| {
        nearest_elections(&data, y)
            .iter()
            .map(|e| e.term)
            .collect::<Vec<_>>()
    };
    assert_eq!(terms(2031), [2025, 2026]);
    assert_eq!(terms(2019), [2019, 2020]);
}

#[test]
fn an_address_no_route_knows_still_says_what_it_asked_for() {
    for (address, asked) in [
        (
            "/peps/pattern-matching",
            Asked::PepTitle("pattern-matching".into()),
        ),
        ("/peps/12345?x=1", Asked::Pep(12345)),
        ("/people/%E6%BC%A2", Asked::Person("漢".into())),
        ("/meetings/Foo#item-2", Asked::Meeting("Foo".into())),
        ("/elections/abc", Asked::Page("/elections/abc".into())),
        ("/no/such/page?x=1", Asked::Page("/no/such/page".into())),
        ("/", Asked::Page("/".into())),
    ] {
        assert_eq!(Asked::from_address(address), asked, "{address}");
    }
    assert_eq!(Asked::Pep(9999).what(), "PEP 9999");
    assert_eq!(
        Asked::Meeting("2023-13-45".into()).what(),
        "meeting 2023-13-45"
    );
    assert_eq!(
        Asked::Page("/no/such/page".into()).what(),
        "page at /no/such/page"
    );
    assert_eq!(
        way_on(&bundled(), &Asked::Page("/x".into())),
        Default::default()
    );
}
