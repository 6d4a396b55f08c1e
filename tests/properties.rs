//! Property tests of the parsers that read what a visitor types or pastes: the route of a path
//! and the filter of a query string. Thousands of random inputs each: no panic, and what the
//! app writes it reads back unchanged.

mod support;

use std::sync::OnceLock;

use council_explorer::core::dataset::{self, is_slug, DataFile, Dataset};
use council_explorer::core::json::{self, Read, Reader};
use council_explorer::core::model::{Election, Section};
use council_explorer::core::peps::{OutcomeChoice, PepQuery, PepSort};
use council_explorer::core::query::{parse_pep, set_qualifier, Filter, Qualifier};
use council_explorer::core::route::{href, is_section_id, Route};
use council_explorer::core::timeline::EntryKind;
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 4000,
        ..ProptestConfig::default()
    }
}

/// The bundled data set, read once for all the cases.
fn bundled() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(support::bundled)
}

/// Paths a visitor might reach: pieces of real addresses, odd characters, percent signs,
/// `?` and `#` anywhere, as well as any string at all.
fn path() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("meetings".to_owned()),
        Just("elections".to_owned()),
        Just("peps".to_owned()),
        Just("people".to_owned()),
        Just("pablo-galindo-salgado".to_owned()),
        Just("2023-08-28".to_owned()),
        Just("2023".to_owned()),
        Just("item-3".to_owned()),
        Just("#item-".to_owned()),
        Just("..".to_owned()),
        Just("%2F".to_owned()),
        "[0-9]{1,6}",
        "[a-z0-9#?&=+%-]{0,12}",
        "\\PC{0,8}",
    ];
    prop_oneof![
        prop::collection::vec(piece, 0..6).prop_map(|p| format!("/{}", p.join("/"))),
        any::<String>(),
    ]
}

/// Routes the app can link to.
fn route() -> impl Strategy<Value = Route> {
    let section = "[0-9a-z-]{1,40}";
    prop_oneof![
        Just(Route::home()),
        section.prop_map(Route::Meeting),
        (section, any::<u16>()).prop_map(|(id, n)| Route::MeetingItem(id, n)),
        (2019u16..=2100).prop_map(Route::Election),
        (2019u16..=2100, "[a-z0-9]+(-[a-z0-9]+){0,3}")
            .prop_map(|(y, person)| Route::Nomination(y, person)),
        Just(Route::Elections),
        Just(Route::peps()),
        (0u16..=9999).prop_map(Route::Pep),
        Just(Route::People),
        "[a-z0-9]+(-[a-z0-9]+){0,3}".prop_map(Route::Person),
    ]
}

/// Query strings: real keys with random values, unknown keys, stray `&`, `=` and `%`.
fn query() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("person"),
        Just("pep"),
        Just("kind"),
        Just("term"),
        Just("year"),
        Just("q"),
        Just("x"),
        Just(""),
    ];
    let value = prop_oneof![
        "[0-9]{0,6}",
        "(PEP|pep)[ -]?[0-9]{1,5}",
        "meeting|decision|nomination|election|party",
        "[a-z-]{0,20}",
        "[%+&=a-f0-9 ]{0,12}",
        "\\PC{0,12}",
    ];
    let pair = (key, value).prop_map(|(k, v)| format!("{k}={v}"));
    prop_oneof![
        prop::collection::vec(pair, 0..8).prop_map(|p| format!("?{}", p.join("&"))),
        any::<String>(),
    ]
}

/// Query strings for the PEP list: its keys with real, near and random values.
fn pep_query() -> impl Strategy<Value = String> {
    let key = prop_oneof![Just("sort"), Just("outcome"), Just("q"), Just("")];
    let value = prop_oneof![
        prop::sample::select(PepSort::ALL.map(PepSort::as_str).to_vec()).prop_map(str::to_owned),
        prop::sample::select(
            OutcomeChoice::all()
                .map(OutcomeChoice::as_str)
                .collect::<Vec<_>>()
        )
        .prop_map(str::to_owned),
        "(%20|\\+| )?(number|decision|accepted|none)(%20|\\+| )?",
        "[%+&=a-zA-Z0-9 ]{0,12}",
        "\\PC{0,12}",
    ];
    let pair = (key, value).prop_map(|(k, v)| format!("{k}={v}"));
    prop_oneof![
        prop::collection::vec(pair, 0..6).prop_map(|p| format!("?{}", p.join("&"))),
        any::<String>(),
    ]
}

/// Every state of the PEP list.
fn pep_state() -> impl Strategy<Value = PepQuery> {
    let outcome = prop::sample::select(OutcomeChoice::all().collect::<Vec<_>>());
    (
        prop::sample::select(PepSort::ALL.to_vec()),
        prop::option::of(outcome),
    )
        .prop_map(|(sort, outcome)| PepQuery { sort, outcome })
}

/// Filters the filter bar can produce: its controls write qualifiers into the search box's
/// text, beside whatever was typed there.
fn filter() -> impl Strategy<Value = Filter> {
    let text = "\\PC{0,20}".prop_map(|s| s.trim().to_owned());
    let kind = prop::sample::select(EntryKind::ALL.to_vec());
    (
        prop::option::of("[a-z0-9]+(-[a-z0-9]+){0,3}"),
        prop::option::of(0u16..=9999),
        prop::option::of(kind),
        prop::option::of(any::<u16>()),
        prop::option::of(1900i32..=2200),
        text,
    )
        .prop_map(|(person, pep, kind, term, year, q)| {
            let mut text = q;
            for (key, value) in [
                (Qualifier::Person, person),
                (Qualifier::Pep, pep.map(|n| n.to_string())),
                (Qualifier::Kind, kind.map(|k| k.as_str().to_string())),
                (Qualifier::Term, term.map(|t| t.to_string())),
                (Qualifier::Year, year.map(|y| y.to_string())),
            ] {
                text = set_qualifier(&text, key, value.as_deref());
            }
            Filter::parse(&text)
        })
}

/// An id of a kind the pages look up, made so that no record can have it.
#[derive(Debug, Clone)]
enum Absent {
    Meeting(String),
    Election(u16),
    Pep(u32),
    Person(String),
}

/// Ids no record has: meetings dated outside the council's years (2019 to 2026) or a real
/// meeting's id with a suffix no section uses, elections for terms long after the data ends,
/// PEP numbers above 9999 or missing from `peps.json`, and people whose slug starts with a
/// prefix no one's does.
fn absent_id() -> impl Strategy<Value = Absent> {
    let data = bundled();
    let real_section = prop::sample::select(
        data.parts
            .sections
            .iter()
            .map(|s| s.id.clone())
            .collect::<Vec<_>>(),
    );
    // So that a failure below means a look-up found what it should not, not new data.
    assert!(data.parts.people.iter().all(|p| !p.id.starts_with("zq")));
    assert!(data.parts.sections.iter().all(|s| !s.id.contains("-zq")));
    let missing_peps: Vec<u32> = (0..=9999u32)
        .filter(|&n| data.parts.peps.iter().all(|p| u32::from(p.number) != n))
        .collect();
    prop_oneof![
        (
            (1900u16..2019).prop_union(2027u16..10_000),
            1u8..=12,
            1u8..=31
        )
            .prop_map(|(y, m, d)| Absent::Meeting(format!("{y:04}-{m:02}-{d:02}"))),
        (real_section, "[a-z0-9]{1,6}").prop_map(|(id, s)| Absent::Meeting(format!("{id}-zq{s}"))),
        (2040u16..=u16::MAX).prop_map(Absent::Election),
        (10_000u32..=99_999).prop_map(Absent::Pep),
        prop::sample::select(missing_peps).prop_map(Absent::Pep),
        "zq[a-z0-9]{0,8}(-[a-z0-9]+){0,3}".prop_map(Absent::Person),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_path_parses_to_a_route_that_prints_and_parses_back(p in path()) {
        let route = Route::parse(&p);
        prop_assert_eq!(Route::parse(&route.path()), route.clone(), "path {:?}", p);
        match &route {
            Route::Meeting(id) | Route::MeetingItem(id, _) => prop_assert!(is_section_id(id)),
            Route::Election(y) | Route::Nomination(y, _) => prop_assert!((2019..=2100).contains(y)),
            Route::Pep(n) => prop_assert!(*n <= 9999),
            Route::Person(slug) => prop_assert!(is_slug(slug)),
            Route::Home { .. } | Route::NotFound | Route::Elections | Route::Peps(_) | Route::People => {}
        }
    }

    #[test]
    fn unknown_ids_are_not_found_not_panics(p in path()) {
        // What the pages do with a parsed route: look it up; a miss shows the not-found view.
        // A linear search of the records says what the look-up should find.
        let data = bundled();
        let parts = &data.parts;
        match Route::parse(&p) {
            Route::Meeting(id) | Route::MeetingItem(id, _) => {
                let found = data.section(&id).map(|(s, _, _)| &s.id);
                prop_assert_eq!(found, parts.sections.iter().map(|s| &s.id).find(|s| **s == id));
            }
            Route::Election(y) | Route::Nomination(y, _) => {
                let found = data.election(y).map(|e| e.term);
                prop_assert_eq!(found, parts.elections.iter().map(|e| e.term).find(|&t| t == y));
            }
            Route::Pep(n) => {
                let found = data.pep(n).map(|pep| pep.number);
                prop_assert_eq!(found, parts.peps.iter().map(|p| p.number).find(|&m| m == n));
            }
            Route::Person(slug) => {
                let found = data.person(&slug).map(|person| &person.id);
                prop_assert_eq!(found, parts.people.iter().map(|p| &p.id).find(|i| **i == slug));
            }
            Route::Home { .. } | Route::NotFound | Route::Elections | Route::Peps(_) | Route::People => {}
        }
    }

    #[test]
    fn ids_that_cannot_be_in_the_data_are_not_found(id in absent_id()) {
        // Through the same steps as the pages: the path's route, then the data set's look-up.
        let data = bundled();
        let (path, found) = match &id {
            Absent::Meeting(id) => {
                let route_found = match Route::parse(&format!("/meetings/{id}")) {
                    Route::Meeting(r) => data.section(&r).is_some(),
                    _ => false,
                };
                // The meeting page looks up the address's id as it is.
                (format!("/meetings/{id}"), route_found || data.section(id).is_some())
            }
            Absent::Election(y) => (
                format!("/elections/{y}"),
                data.election(*y).is_some()
                    || matches!(Route::parse(&format!("/elections/{y}")),
                                Route::Election(t) if data.election(t).is_some()),
            ),
            Absent::Pep(n) => (
                format!("/peps/{n}"),
                matches!(Route::parse(&format!("/peps/{n}")),
                         Route::Pep(m) if data.pep(m).is_some()),
            ),
            Absent::Person(slug) => (
                format!("/people/{slug}"),
                data.person(slug).is_some()
                    || matches!(Route::parse(&format!("/people/{slug}")),
                                Route::Person(s) if data.person(&s).is_some()),
            ),
        };
        prop_assert!(!found, "{} was found: {:?}", path, id);
    }

    #[test]
    fn every_route_the_app_links_to_parses_back(r in route(), base in "(/[a-z]{1,8}){0,2}") {
        prop_assert_eq!(Route::parse(&r.path()), r.clone());
        let link = href(&base, &r);
        prop_assert!(link.starts_with(&base));
        prop_assert_eq!(Route::parse(&link[base.len()..]), r);
    }

    #[test]
    fn any_query_gives_a_filter_whose_query_reads_back_the_same(q in query()) {
        let f = Filter::from_query(&q);
        let written = f.to_query();
        prop_assert_eq!(Filter::from_query(&written), f.clone(), "query {:?} wrote {:?}", q, written);
        prop_assert_eq!(Filter::from_query(&format!("?{written}")), f.clone());
        prop_assert_eq!(f.is_empty(), written.is_empty());
        if let Some(y) = f.year {
            prop_assert!((1900..=2200).contains(&y));
        }
        if let Some(n) = f.pep {
            prop_assert!(n <= 9999);
        }
    }

    #[test]
    fn every_filter_survives_its_query(f in filter()) {
        let written = f.to_query();
        prop_assert_eq!(Filter::from_query(&written), f);
    }

    #[test]
    fn pep_numbers_parse_in_every_spelling(n in 0u16..=9999, prefix in "(|pep|PEP|Pep)[ _-]?", pad in 0usize..4) {
        let text = format!("{prefix}{n:0pad$}", pad = pad + 1);
        prop_assert_eq!(parse_pep(&text), Some(n), "{:?}", text);
    }

    #[test]
    fn pep_parsing_never_panics(s in "\\PC{0,16}") {
        if let Some(n) = parse_pep(&s) {
            prop_assert!(n <= 9999);
        }
    }

    #[test]
    fn any_pep_list_query_reads_back_what_it_writes(q in pep_query()) {
        let state = PepQuery::from_query(&q);
        let written = state.to_query();
        prop_assert_eq!(PepQuery::from_query(&written), state, "query {:?} wrote {:?}", q, written);
        prop_assert_eq!(PepQuery::from_query(&format!("?{written}")), state);
        prop_assert_eq!(state == PepQuery::default(), written.is_empty());
    }

    #[test]
    fn every_pep_list_state_survives_its_query(state in pep_state()) {
        prop_assert_eq!(PepQuery::from_query(&state.to_query()), state);
    }
}

proptest! {
    #![proptest_config(config())]

    /// The timeline's search and the PEP list's choice are part of their routes: whatever the
    /// box holds, the address the app writes for it reads back as the same search (what is
    /// typed before the first word is not kept: the box never shows it).
    #[test]
    fn searches_and_pep_lists_round_trip_through_their_address(
        q in ".{0,40}",
        sort in prop::sample::select(PepSort::ALL.to_vec()),
        outcome in prop::option::of(prop::sample::select(OutcomeChoice::all().collect::<Vec<_>>())),
    ) {
        let want = if q.trim().is_empty() { Route::home() } else { Route::search(q.trim_start()) };
        prop_assert_eq!(Route::parse(&Route::search(q.clone()).path()), want);
        let list = Route::Peps(PepQuery { sort, outcome });
        prop_assert_eq!(Route::parse(&list.path()), list);
    }
}

/// Any JSON value, read and dropped: the reader's grammar alone, without a data type's.
struct AnyValue;

impl Read for AnyValue {
    fn read(r: &mut Reader<'_>) -> json::Result<Self> {
        r.skip().map(|()| AnyValue)
    }
}

/// Texts made of JSON's tokens and near-misses, in any order: mostly not JSON, some JSON.
fn json_like() -> impl Strategy<Value = String> {
    let tokens = vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\"a\"",
        "\"k\":",
        "\"\\u00e9\\n\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\\x\"",
        "\"",
        "\\",
        "0",
        "1",
        "-0",
        "12",
        "01",
        "1.5e3",
        "1.",
        "-",
        "1e",
        "true",
        "false",
        "null",
        "nul",
        "é",
    ];
    prop::collection::vec(prop::sample::select(tokens), 0..16).prop_map(|t| t.concat())
}

proptest! {
    #![proptest_config(config())]

    /// The app's reader accepts exactly the texts serde_json accepts as JSON. Left out: numbers
    /// too large for a 64-bit float (an exponent of three digits or more), which serde_json
    /// refuses and the reader, which holds no float, skips like any other.
    #[test]
    fn the_reader_accepts_what_serde_json_accepts(text in json_like()) {
        let huge = text.split(['e', 'E']).skip(1).any(|after| {
            after.trim_start_matches(['+', '-']).bytes().take_while(u8::is_ascii_digit).count() >= 3
        });
        prop_assume!(!huge);
        let ours = Reader::whole::<AnyValue>(&text).is_ok();
        let theirs = serde_json::from_str::<serde_json::Value>(&text).is_ok();
        prop_assert_eq!(ours, theirs, "{:?}", text);
    }

    /// No text, JSON or not, makes reading a data file panic.
    #[test]
    fn no_text_makes_reading_a_file_panic(text in "\\PC*") {
        let _ = dataset::parse::<Vec<Section>>(DataFile::Meetings, &text);
        let _ = dataset::parse::<Vec<Election>>(DataFile::Elections, &text);
    }
}
