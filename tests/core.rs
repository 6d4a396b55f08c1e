//! Native tests of the core on a small fixture written for them (`tests/fixtures/tiny.json`)
//! and on the bundled data set: validation, timeline entries, filters, URL round trips, routes.

mod support;

use council_explorer::core::dataset::{parse, validate, DataError, DataFile, Dataset};
use council_explorer::core::model::Decider;
use council_explorer::core::number;
use council_explorer::core::peps::describe_days;
use council_explorer::core::query::{parse_pep, Filter};
use council_explorer::core::route::Route;
use council_explorer::core::search::Facet;
use council_explorer::core::sort;
use council_explorer::core::text::fold;
use council_explorer::core::timeline::{entries, EntryKind};
use serde_json::Value;
use support::{apply, bundled, counts, parts_with, tiny};

#[test]
fn the_fixture_is_valid() {
    assert!(validate(&parts_with(|_| {}).unwrap()).is_empty());
}

#[test]
fn empty_and_truncated_files_name_the_file() {
    assert_eq!(
        parse::<Vec<u8>>(DataFile::People, "  \n"),
        Err(DataError::Empty {
            file: "people.json"
        })
    );
    let err = parse::<Vec<u8>>(DataFile::Meetings, "[1, 2").unwrap_err();
    assert!(
        matches!(
            err,
            DataError::Parse {
                file: "meetings.json",
                line: 1,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("meetings.json"));
}

#[test]
fn a_wrong_type_is_a_parse_error() {
    let err = parts_with(|v| v["terms"][0]["year"] = Value::from("twenty")).unwrap_err();
    assert_eq!(err.file(), "terms.json");
}

#[test]
fn a_dangling_person_is_reported() {
    let parts = parts_with(|v| v["terms"][0]["members"][0] = Value::from("nobody-here")).unwrap();
    let problems = validate(&parts);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].to_string().contains("nobody-here"));
    assert_eq!(problems[0].file(), "terms.json");
    assert!(Dataset::new(parts).is_err());
}

#[test]
fn duplicate_ids_unknown_peps_and_missing_items_are_reported() {
    let dup = parts_with(|v| {
        let first = v["people"][0].clone();
        v["people"].as_array_mut().unwrap().push(first);
    })
    .unwrap();
    assert!(validate(&dup)
        .iter()
        .any(|p| p.to_string().contains("used twice")));

    let pep = parts_with(|v| v["sections"][1]["items"][1]["peps"][0] = Value::from(4321)).unwrap();
    assert!(validate(&pep)
        .iter()
        .any(|p| p.to_string().contains("PEP 4321")));

    let item =
        parts_with(|v| v["decisions"][0]["bases"]["notes"]["item"] = Value::from(9)).unwrap();
    assert!(validate(&item).iter().any(|p| p.file() == "decisions.json"));
}

#[test]
fn impossible_dates_and_counts_are_reported() {
    let err = parts_with(|v| v["sections"][0]["date"] = Value::from("2023-13-45")).unwrap_err();
    assert_eq!(err.file(), "meetings.json");
    let backwards =
        parts_with(|v| v["elections"][0]["voting"]["end"] = Value::from("2022-01-01")).unwrap();
    assert!(validate(&backwards)
        .iter()
        .any(|p| p.to_string().contains("ends before")));
    let too_many = parts_with(|v| v["elections"][0]["cast"] = Value::from(11)).unwrap();
    assert!(!validate(&too_many).is_empty());
}

#[test]
fn an_unknown_format_is_refused() {
    let parts = parts_with(|v| v["manifest"]["format"] = Value::from(99)).unwrap();
    assert_eq!(validate(&parts)[0].file(), "manifest.json");
}

#[test]
fn every_record_becomes_one_entry_newest_first() {
    let data = tiny();
    let e = entries(&data);
    // 2 sections + 1 decision + 1 election + 2 nominations.
    assert_eq!(e.len(), 6);
    assert!(e.windows(2).all(|w| w[0].date >= w[1].date));
    let decision = e.iter().find(|x| x.kind == EntryKind::Decision).unwrap();
    assert_eq!(decision.route, Route::MeetingItem("2023-03-06".into(), 1));
    assert_eq!(decision.term, 2023);
}

#[test]
fn a_decision_no_notes_hold_opens_its_pep_and_says_who_decided() {
    // PEP 9002 is mentioned but undecided in the fixture; give it a delegate's acceptance that
    // only its header records.
    let parts = parts_with(|v| {
        let decisions = v["decisions"].as_array_mut().unwrap();
        decisions.push(serde_json::json!({
            "id": "9002-accepted-2023-05-01", "pep": 9002, "outcome": "accepted",
            "date": "2023-05-01", "date_basis": "pep_header",
            "bases": {"pep_header": {"date": "2023-05-01", "url": "https://example.org/r"}},
            "decided_by": "delegate",
            "delegate": {"via": "pep_header", "name": "Bo Sample", "person": "bo-sample"}
        }));
    })
    .unwrap();
    let data = Dataset::new(parts).expect("valid");
    let e = entries(&data);
    let d = e
        .iter()
        .find(|x| x.kind == EntryKind::Decision && x.peps == [9002])
        .unwrap();
    assert_eq!(d.route, Route::Pep(9002));
    assert_eq!(d.decided_by, Some(Decider::Delegate));
    assert!(d.people.contains(&"bo-sample".to_string()));
    assert!(d.haystack.contains("delegate"));
    let council = e
        .iter()
        .find(|x| x.kind == EntryKind::Decision && x.peps == [9001])
        .unwrap();
    assert_eq!(council.decided_by, Some(Decider::Council));
    assert!(e
        .iter()
        .filter(|x| x.kind != EntryKind::Decision)
        .all(|x| x.decided_by.is_none()));
}

#[test]
fn counts_take_an_s_unless_there_is_one() {
    assert_eq!(number::count(1, "term"), "1 term");
    assert_eq!(number::count(0, "election"), "0 elections");
    assert_eq!(number::count(6, "term"), "6 terms");
}

#[test]
fn recap_titles_drop_the_colon_the_notes_end_them_with() {
    let data = bundled();
    let recaps: Vec<_> = entries(&data)
        .into_iter()
        .filter(|e| e.kind == EntryKind::Meeting && e.title.contains("recap"))
        .collect();
    assert!(!recaps.is_empty());
    assert!(
        recaps.iter().any(|e| e.title == "July recap"),
        "a 2019 recap"
    );
    assert!(
        recaps.iter().all(|e| !e.title.ends_with(':')),
        "{:?}",
        recaps.iter().map(|e| &e.title).collect::<Vec<_>>()
    );
}

#[test]
fn filters_combine_and_count() {
    let data = tiny();
    let e = entries(&data);
    let by_person = Filter {
        person: Some("ada-example".into()),
        ..Default::default()
    };
    // The 2023-03-06 meeting, the election and her nomination.
    assert_eq!(apply(&by_person, &e).count(), 3);
    let both = Filter {
        kind: Some(EntryKind::Meeting),
        ..by_person.clone()
    };
    assert_eq!(apply(&both, &e).count(), 1);
    let kinds = counts(&both, &e, Facet::Kind);
    assert_eq!(
        kinds.get("election"),
        Some(&1),
        "a facet counts as if only it changed"
    );
    let pep = Filter {
        pep: Some(9001),
        ..Default::default()
    };
    assert_eq!(
        apply(&pep, &e).map(|x| x.kind).collect::<Vec<_>>(),
        [EntryKind::Meeting, EntryKind::Decision]
    );
    assert_eq!(
        apply(
            &Filter {
                term: Some(2022),
                ..Default::default()
            },
            &e
        )
        .count(),
        1
    );
    // The 2022-06-13 meeting, plus the election and both nominations of late 2022.
    assert_eq!(
        apply(
            &Filter {
                year: Some(2022),
                ..Default::default()
            },
            &e
        )
        .count(),
        4
    );
}

#[test]
fn text_search_folds_case_and_accents() {
    let data = tiny();
    let e = entries(&data);
    let q = |s: &str| apply(&Filter::parse(s), &e).count();
    assert_eq!(q("lukasz"), 1);
    assert_eq!(q("ŁUKASZ release"), 1);
    assert_eq!(q("typing things"), 1, "PEP titles are searchable");
    assert_eq!(q("nothing-like-this"), 0);
    assert_eq!(fold("Łukasz Langa"), "lukasz langa");
}

#[test]
fn query_round_trips() {
    let f =
        Filter::parse("person:pablo-galindo-salgado pep:703 kind:decision free threading & gil?");
    let q = f.to_query();
    assert!(q.starts_with("q=person%3Apablo-galindo-salgado"), "{q}");
    assert_eq!(Filter::from_query(&q), f);
    assert_eq!(Filter::from_query(&format!("?{q}")), f);
    assert_eq!(Filter::default().to_query(), "");
    assert!(Filter::from_query("").is_empty());
}

#[test]
fn old_links_with_separate_parameters_become_qualifiers() {
    let f = Filter::from_query(
        "person=pablo-galindo-salgado&pep=703&kind=decision&term=2023&year=2023&q=free+threading",
    );
    assert_eq!(
        f.q,
        "person:pablo-galindo-salgado pep:703 kind:decision term:2023 year:2023 free threading"
    );
    assert_eq!(f.person.as_deref(), Some("pablo-galindo-salgado"));
    assert_eq!(f.pep, Some(703));
    assert_eq!(f.kind, Some(EntryKind::Decision));
    assert_eq!((f.term, f.year), (Some(2023), Some(2023)));
    assert_eq!(f.words, ["free", "threading"]);
    assert!(f.problems.is_empty(), "{:?}", f.problems);
}

#[test]
fn bad_query_values_are_dropped_not_fatal() {
    let f = Filter::from_query("pep=abc&kind=party&term=x&year=99999&q=%20&unknown=1&person=");
    assert!(f.is_empty(), "{f:?}");
    assert_eq!(Filter::from_query("pep=PEP-0703").pep, Some(703));
    assert_eq!(parse_pep("pep 8"), Some(8));
    assert_eq!(parse_pep("70000"), None);
}

#[test]
fn routes_parse_and_print() {
    for (path, route) in [
        ("/", Route::home()),
        ("", Route::home()),
        ("/meetings/2023-08-28", Route::Meeting("2023-08-28".into())),
        (
            "/meetings/2021-12-13-handoff/",
            Route::Meeting("2021-12-13-handoff".into()),
        ),
        (
            "/meetings/2023-08-28#item-3",
            Route::MeetingItem("2023-08-28".into(), 3),
        ),
        ("/elections/2026", Route::Election(2026)),
        (
            "/elections/2023#ada-example",
            Route::Nomination(2023, "ada-example".into()),
        ),
        ("/elections/abc", Route::NotFound),
        ("/meetings/<script>", Route::NotFound),
        ("/nowhere", Route::NotFound),
    ] {
        assert_eq!(Route::parse(path), route, "{path}");
    }
    for r in [
        Route::home(),
        Route::Meeting("2020-07".into()),
        Route::MeetingItem("2023-01-09".into(), 2),
        Route::Election(2019),
    ] {
        assert_eq!(Route::parse(&r.path()), r);
    }
    assert_eq!(
        council_explorer::core::route::href("/council", &Route::Election(2024)),
        "/council/elections/2024"
    );
}

#[test]
fn unknown_ids_are_absent_not_panics() {
    let data = bundled();
    assert!(data.section("2023-13-45").is_none());
    assert!(data.section("2031-01-01").is_none());
    assert!(data.election(2031).is_none());
}

#[test]
fn the_bundled_data_set_has_the_meeting_the_tests_open() {
    let data = bundled();
    let (meeting, prev, next) = data
        .section("2023-08-28")
        .expect("2023-08-28 is in the notes");
    assert!(prev.is_some() && next.is_some());
    let rejected = meeting
        .items
        .iter()
        .filter_map(|i| i.outcome)
        .find(|o| o.pep == 713);
    assert_eq!(rejected.map(|o| o.result.as_str()), Some("rejected"));
    let e = entries(&data);
    assert_eq!(
        e.len(),
        data.parts.sections.len()
            + data.parts.decisions.len()
            + data.parts.elections.len()
            + data.parts.nominations.len()
    );
    let pablo = Filter {
        person: Some("pablo-galindo-salgado".into()),
        ..Default::default()
    };
    assert!(
        apply(&pablo, &e).count() > 8,
        "he stood in every election from 2020"
    );
}

#[test]
fn every_item_and_section_has_our_own_words() {
    let data = bundled();
    let missing: Vec<String> = data
        .parts
        .sections
        .iter()
        .flat_map(|s| {
            let gist = s.gist.is_none().then(|| format!("{} (gist)", s.id));
            let items = s
                .items
                .iter()
                .filter(|i| i.summary.as_deref().is_none_or(|t| t.trim().is_empty()))
                .map(move |i| format!("{}#{}", s.id, i.n));
            gist.into_iter().chain(items)
        })
        .collect();
    assert!(missing.is_empty(), "no summary yet for {missing:?}");
    let with_platform = data
        .parts
        .nominations
        .iter()
        .filter(|n| !n.platform.is_empty())
        .count();
    assert_eq!(
        with_platform, 49,
        "every nomination whose statement is known has its platform"
    );
}

#[test]
fn item_topics_are_searchable_text_of_their_meeting() {
    let data = bundled();
    let e = entries(&data);
    // "Council operations" is only a subheading of the 2019-02-15 update, in no summary or gist.
    let (s, ..) = data.section("2019-02-15").expect("the first update");
    assert!(s
        .items
        .iter()
        .any(|i| i.topic.as_deref() == Some("Council operations")));
    let hits: Vec<Route> = apply(&Filter::parse("\"council operations\""), &e)
        .map(|x| x.route.clone())
        .collect();
    assert!(
        hits.contains(&Route::Meeting("2019-02-15".into())),
        "{hits:?}"
    );
    let meeting = e
        .iter()
        .find(|x| x.route == Route::Meeting("2019-02-15".into()))
        .unwrap();
    assert_eq!(
        meeting.haystack.matches("council operations").count(),
        1,
        "a topic shared by several items is in the text once"
    );
}

// The sort helper (`core::sort`) replaces std's sorts in the app, so it must order exactly as
// they do, ties included.

/// `len` numbers below `below` from a small deterministic generator, so the tests need no
/// dependency and repeat exactly.
fn pseudo_random(seed: u64, len: usize, below: u64) -> Vec<u64> {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..len)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % below
        })
        .collect()
}

#[test]
fn the_sort_helper_handles_empty_and_single() {
    let mut none: Vec<u8> = vec![];
    sort::sort(&mut none);
    assert!(none.is_empty());
    let mut one = vec![7];
    sort::sort(&mut one);
    assert_eq!(one, [7]);
}

#[test]
fn the_sort_helper_handles_sorted_reverse_and_equal_input() {
    let mut up: Vec<u32> = (0..100).collect();
    sort::sort(&mut up);
    assert_eq!(up, (0..100).collect::<Vec<_>>());
    let mut down: Vec<u32> = (0..100).rev().collect();
    sort::sort(&mut down);
    assert_eq!(down, (0..100).collect::<Vec<_>>());
    let mut same = vec![3; 40];
    sort::sort(&mut same);
    assert_eq!(same, vec![3; 40]);
}

#[test]
fn the_sort_helper_keeps_equal_keys_in_their_order() {
    // (key, position in the input): the positions of one key must stay increasing.
    let pairs: Vec<(u64, usize)> = pseudo_random(1, 500, 7).into_iter().zip(0..).collect();
    let mut up = pairs.clone();
    sort::sort_by_key(&mut up, |&(k, _)| k);
    assert!(up.windows(2).all(|w| w[0].0 < w[1].0 || w[0].1 < w[1].1));
    let mut down = pairs;
    sort::sort_by_key(&mut down, |&(k, _)| std::cmp::Reverse(k));
    assert!(down.windows(2).all(|w| w[0].0 > w[1].0 || w[0].1 < w[1].1));
}

#[test]
fn the_sort_helper_agrees_with_std_on_many_inputs() {
    for seed in 0..200 {
        let len = (seed as usize * 7) % 300;
        let below = [2, 10, 1000, u64::MAX][seed as usize % 4];
        let input: Vec<(u64, String)> = pseudo_random(seed, len, below)
            .into_iter()
            .map(|n| (n % 5, n.to_string()))
            .collect();
        let mut ours = input.clone();
        sort::sort(&mut ours);
        let mut theirs = input.clone();
        theirs.sort();
        assert_eq!(ours, theirs, "sort, seed {seed}");
        // By a key with many ties, where stability shows.
        let mut ours = input.clone();
        sort::sort_by_key(&mut ours, |p| p.0);
        let mut theirs = input.clone();
        theirs.sort_by_key(|p| p.0);
        assert_eq!(ours, theirs, "sort_by_key, seed {seed}");
        let mut ours = input.clone();
        sort::sort_by(&mut ours, |a, b| {
            b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0))
        });
        let mut theirs = input;
        theirs.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        assert_eq!(ours, theirs, "sort_by, seed {seed}");
    }
}

// `core::number` writes with integers what was written with `{:.1}` and `f64` before, to keep
// float formatting out of the wasm; the text must not change.

#[test]
fn describe_days_writes_what_the_float_formulas_wrote() {
    // `describe_days` as it was, with floats.
    let old = |days: i64| {
        let n = days.unsigned_abs();
        let unit = if n == 1 { "day" } else { "days" };
        let rough = match n {
            0..=59 => String::new(),
            60..=729 => format!(" (about {} months)", (n as f64 / 30.44).round()),
            _ => format!(" (about {:.1} years)", n as f64 / 365.25),
        };
        if days < 0 {
            format!("{n} {unit} earlier{rough}")
        } else if n == 0 {
            "the same day".to_string()
        } else {
            format!("{n} {unit}{rough}")
        }
    };
    for days in -40_000..=40_000 {
        assert_eq!(describe_days(days), old(days));
    }
    // No overflow at the ends.
    assert!(describe_days(i64::MIN).ends_with(" years)"));
    assert!(describe_days(i64::MAX).ends_with(" years)"));
}

#[test]
fn percent_writes_what_one_decimal_float_formatting_wrote() {
    assert_eq!(number::percent(74, 91), "81.3%");
    assert_eq!(number::percent(0, 0), "0.0%");
    assert_eq!(number::percent(5, 5), "100.0%");
    assert_eq!(number::percent(1, 8), "12.5%");
    for whole in 1..=400u32 {
        for part in 0..=whole {
            // At an exact half tenth, `{:.1}` rounds to even and `percent` rounds up.
            if (2000 * part) % whole == 0 && (2000 * part / whole) % 2 == 1 {
                continue;
            }
            let float = format!("{:.1}%", f64::from(part) * 100.0 / f64::from(whole));
            assert_eq!(number::percent(part, whole), float, "{part} of {whole}");
        }
    }
}

#[test]
fn ratio_rounded_rounds_halves_up_without_overflow() {
    assert_eq!(number::ratio_rounded(3, 1, 2), 2);
    assert_eq!(number::ratio_rounded(5, 1, 4), 1);
    assert_eq!(number::ratio_rounded(0, 7, 3), 0);
    assert_eq!(number::ratio_rounded(u64::MAX, 1, 1), u64::MAX);
    assert_eq!(number::tenths(7), "0.7");
    assert_eq!(number::tenths(1234), "123.4");
}

/// `index.html` preloads exactly the files the app fetches at start, so that a file added to
/// `DataFile::ALL` is not left to load late, and a removed one is not fetched for nothing.
#[test]
fn index_html_preloads_every_file_the_first_view_fetches() {
    let html = include_str!("../index.html");
    let mut preloaded: Vec<&str> = html
        .split("<link rel=\"preload\" href=\"data/")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default())
        .collect();
    let mut fetched: Vec<&str> = DataFile::ALL.iter().map(|f| f.name()).collect();
    preloaded.sort_unstable();
    fetched.sort_unstable();
    assert_eq!(preloaded, fetched);
    assert_eq!(
        html.matches("as=\"fetch\" crossorigin").count(),
        fetched.len(),
        "a preload the app's fetch would not reuse (it needs as=fetch and crossorigin)"
    );
}
