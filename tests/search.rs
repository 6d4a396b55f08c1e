//! Native tests of the search box's language, ranking, highlighting, autocomplete and widening
//! hints, on the small fixture and on the bundled data set.

mod support;

use chrono::NaiveDate;
use council_explorer::core::model::OutcomeKind;
use council_explorer::core::query::{period, set_qualifier, tokens, Filter, Qualifier};
use council_explorer::core::search::Facet;
use council_explorer::core::search::{highlight, run, segments, suggest, widen, Index};
use council_explorer::core::text::fold;
use council_explorer::core::timeline::{
    entries, groups, rows_to_draw, Entry, EntryKind, DECISIONS,
};
use support::{bundled, matches, tiny};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The entries `q` finds, in ranked order.
fn find<'a>(index: &Index, e: &'a [Entry], q: &str) -> Vec<&'a Entry> {
    run(index, e, &Filter::parse(q))
        .hits
        .into_iter()
        .map(|i| &e[i])
        .collect()
}

#[test]
fn every_qualifier_is_read() {
    let f = Filter::parse(
        "pep:703 person:Pablo kind:decision outcome:accepted year:2023 term:2024 \
         before:2022-06 after:2021-01-15 free-threading",
    );
    assert_eq!(f.pep, Some(703));
    assert_eq!(f.person.as_deref(), Some("pablo"), "folded");
    assert_eq!(f.kind, Some(EntryKind::Decision));
    assert_eq!(f.outcome, Some(OutcomeKind::Accepted));
    assert_eq!(f.year, Some(2023));
    assert_eq!(f.term, Some(2024));
    assert_eq!(f.before, Some(day("2022-06-01")), "before the month starts");
    assert_eq!(f.after, Some(day("2021-01-16")), "after the day ends");
    assert_eq!(f.words, ["free", "threading"]);
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    // Keys are case-insensitive; PEP numbers may be written as the PEP index writes them.
    let f = Filter::parse("PEP:pep-0008 Kind:Meeting outcome:withdrawal-requested");
    assert_eq!(f.pep, Some(8));
    assert_eq!(f.kind, Some(EntryKind::Meeting));
    assert_eq!(f.outcome, Some(OutcomeKind::WithdrawalRequested));
}

#[test]
fn periods_cover_a_year_a_month_or_a_day() {
    assert_eq!(period("2021"), Some((day("2021-01-01"), day("2022-01-01"))));
    assert_eq!(
        period("2022-12"),
        Some((day("2022-12-01"), day("2023-01-01")))
    );
    assert_eq!(
        period("2024-02-29"),
        Some((day("2024-02-29"), day("2024-03-01")))
    );
    for bad in [
        "2023-02-30",
        "2022-13",
        "22-06",
        "2022-6",
        "2022-06-01-01",
        "soon",
        "",
    ] {
        assert_eq!(period(bad), None, "{bad}");
    }
}

#[test]
fn bad_values_and_unknown_qualifiers_are_explained_and_the_rest_still_applies() {
    let f = Filter::parse(
        "pep:abc kind:party colour:blue year:99 before:2022-13 outcome:maybe term:x gil",
    );
    let bad: Vec<&str> = f.problems.iter().map(|p| p.token.as_str()).collect();
    assert_eq!(
        bad,
        [
            "pep:abc",
            "kind:party",
            "colour:blue",
            "year:99",
            "before:2022-13",
            "outcome:maybe",
            "term:x"
        ]
    );
    assert!(
        f.problems[0].message.contains("pep:703"),
        "{}",
        f.problems[0].message
    );
    assert!(
        f.problems[1].message.contains("decision"),
        "kind lists its values"
    );
    assert!(
        f.problems[2].message.contains("not a qualifier"),
        "{}",
        f.problems[2].message
    );
    assert_eq!((f.pep, f.kind, f.year, f.before), (None, None, None, None));
    assert_eq!(f.words, ["gil"], "the free text still applies");

    let data = tiny();
    let e = entries(&data);
    let index = Index::new(&data, &e);
    let with_noise = find(&index, &e, "wizard:yes typing");
    assert_eq!(with_noise, find(&index, &e, "typing"));
    assert_eq!(with_noise.len(), 1);
}

#[test]
fn a_qualifier_still_being_typed_asks_for_nothing() {
    let f = Filter::parse("person: pep:");
    assert!(
        f.problems.is_empty() && f.person.is_none() && f.pep.is_none(),
        "{f:?}"
    );
}

#[test]
fn quotes_keep_spaces_in_values_and_phrases() {
    let t = tokens(r#"person:"lukasz ex" "typing things" x"#);
    assert_eq!(t.len(), 3);
    assert_eq!(t[0].key.as_deref(), Some("person"));
    assert_eq!(t[0].value, "lukasz ex");
    assert!(t[1].quoted && t[1].key.is_none());
    let data = tiny();
    let e = entries(&data);
    let index = Index::new(&data, &e);
    assert_eq!(find(&index, &e, r#"person:"łukasz ex""#).len(), 1);
    assert_eq!(find(&index, &e, r#""typing things""#).len(), 1);
    assert_eq!(
        find(&index, &e, r#""things typing""#).len(),
        0,
        "a phrase keeps its order"
    );
    assert_eq!(find(&index, &e, "things typing").len(), 1, "words need not");
}

// Issue 18: `"free-threading"` found nothing, because the phrase was looked for as the text
// "free threading" while the entries write "free-threading".
#[test]
fn a_quoted_phrase_splits_its_words_as_free_words_do() {
    let data = bundled();
    let e = entries(&data);
    let index = Index::new(&data, &e);
    let free = find(&index, &e, "free-threading");
    assert_eq!(free.len(), 8, "{free:?}");
    assert_eq!(find(&index, &e, r#""free-threading""#), free);
    assert_eq!(find(&index, &e, r#""free threading""#), free);
    // Still a phrase: its words in order, next to each other; the last one may be cut short
    // while it is typed, as a free word may.
    assert!(find(&index, &e, r#""threading free""#).is_empty());
    let typed = find(&index, &e, r#""free thread""#);
    assert!(free.iter().all(|x| typed.contains(x)), "{typed:?}");
    assert!(
        find(&index, &e, r#""fre threading""#).is_empty(),
        "inner words are whole"
    );
}

#[test]
fn qualifiers_narrow_like_the_filters() {
    let data = tiny();
    let e = entries(&data);
    let index = Index::new(&data, &e);
    let kinds = |q: &str| {
        find(&index, &e, q)
            .iter()
            .map(|x| x.kind)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        kinds("pep:9001"),
        [EntryKind::Decision, EntryKind::Meeting],
        "the PEP's decision first"
    );
    assert_eq!(
        kinds("outcome:rejected"),
        [EntryKind::Meeting, EntryKind::Decision],
        "the decision and the meeting that recorded it"
    );
    assert_eq!(kinds("outcome:accepted"), []);
    // Ada is in the 2023-03-06 meeting, the election and her nomination.
    assert_eq!(find(&index, &e, "person:ada").len(), 3);
    assert_eq!(find(&index, &e, "person:ADA-EXAMPLE kind:meeting").len(), 1);
    assert_eq!(
        find(&index, &e, "person:luk").len(),
        1,
        "a prefix of a name"
    );
    assert_eq!(find(&index, &e, "person:łukasz").len(), 1);
    let r = run(&index, &e, &Filter::parse("person:nobody"));
    assert!(r.hits.is_empty());
    assert!(r.problems[0].message.contains("nobody"), "{:?}", r.problems);
    assert!(find(&index, &e, "before:2023")
        .iter()
        .all(|x| x.date < day("2023-01-01")));
    assert_eq!(
        find(&index, &e, "after:2023-03-05 before:2023-03-07").len(),
        2
    );
    assert_eq!(find(&index, &e, "year:2022 term:2022").len(), 1);
}

#[test]
fn diacritics_and_case_do_not_matter_and_words_match_by_prefix() {
    let data = tiny();
    let e = entries(&data);
    let index = Index::new(&data, &e);
    assert_eq!(find(&index, &e, "lukasz").len(), 1);
    assert_eq!(find(&index, &e, "ŁUKASZ").len(), 1);
    assert_eq!(
        find(&index, &e, "luk rel").len(),
        1,
        "prefixes of Łukasz and release"
    );
    assert_eq!(
        find(&index, &e, "ukasz").len(),
        0,
        "the middle of a word is not a prefix"
    );
}

#[test]
fn the_index_agrees_with_the_plain_filter_on_the_bundled_data() {
    let data = bundled();
    let e = entries(&data);
    let index = Index::new(&data, &e);
    for q in [
        "",
        "gil",
        "pep:703",
        "kind:decision year:2023",
        "typing person:pablo-galindo-salgado",
        "lukasz",
        "outcome:rejected",
        "role:guest year:2023",
        "by:delegate",
        "date:2022-01..2022-06 gil",
        "\"free-threading\"",
        "\"free thread\" kind:meeting",
    ] {
        let f = Filter::parse(q);
        let r = run(&index, &e, &f);
        let mut hits = r.hits.clone();
        hits.sort_unstable();
        let plain: Vec<usize> = (0..e.len()).filter(|&i| matches(&f, &e[i])).collect();
        assert_eq!(hits, plain, "{q}");
        let c = &r.counts;
        for (facet, counts) in [
            (Facet::Person, &c.person),
            (Facet::Kind, &c.kind),
            (Facet::Term, &c.term),
            (Facet::Year, &c.year),
            (Facet::Pep, &c.pep),
            (Facet::Role, &c.role),
            (Facet::By, &c.by),
        ] {
            assert_eq!(counts, &support::counts(&f, &e, facet), "{q}: {facet:?}");
        }
    }
    let lukasz = find(&index, &e, "lukasz");
    assert!(
        lukasz
            .iter()
            .any(|x| x.people.contains(&"lukasz-langa".to_string())),
        "lukasz finds Łukasz Langa"
    );
}

#[test]
fn ranking_puts_title_matches_first_and_keeps_date_order_on_ties() {
    let data = bundled();
    let e = entries(&data);
    let index = Index::new(&data, &e);
    let hits = find(&index, &e, "rejected");
    let in_title = |x: &&Entry| x.title.to_lowercase().contains("rejected");
    let first_other = hits.iter().position(|x| !in_title(x)).unwrap_or(hits.len());
    assert!(first_other > 0, "no title says rejected");
    assert!(
        hits[first_other..].iter().all(|x| !in_title(x)),
        "an entry titled rejected ranks below one that only mentions it"
    );
    assert!(hits[..first_other]
        .windows(2)
        .all(|w| w[0].date >= w[1].date));
    // Without free text every entry scores the same: the timeline's order, newest first.
    let all = find(&index, &e, "kind:meeting");
    assert!(all.windows(2).all(|w| w[0].date >= w[1].date));
    assert_eq!(all.len(), data.parts.sections.len());
}

#[test]
fn highlights_cover_the_matched_start_of_words() {
    let words = |s: &[&str]| s.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    let text = "Łukasz Langa joined; PEP 703 accepted";
    let r = highlight(text, &words(&["lukasz", "70", "acc"]));
    let marked: Vec<&str> = r.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(marked, ["Łukasz", "70", "acc"]);
    assert_eq!(highlight(text, &words(&["ukasz"])), []);
    assert_eq!(highlight(text, &[]), []);
    assert_eq!(
        segments(text, &r)[..3],
        [
            ("Łukasz", true),
            (" Langa joined; PEP ", false),
            ("70", true)
        ]
    );
    assert_eq!(segments("plain", &[]), [("plain", false)]);
    // The longest query word wins where two start the same word.
    let r = highlight("threading", &words(&["thr", "thread"]));
    assert_eq!((r.len(), r[0].clone()), (1, 0..6));
}

#[test]
fn filter_controls_edit_qualifiers_in_the_text() {
    assert_eq!(
        set_qualifier("gil pep:1 kind:meeting", Qualifier::Pep, Some("703")),
        "gil pep:703 kind:meeting"
    );
    assert_eq!(
        set_qualifier("gil pep:1 pep:2", Qualifier::Pep, None),
        "gil"
    );
    assert_eq!(
        set_qualifier("gil", Qualifier::Person, Some("ada-example")),
        "gil person:ada-example"
    );
    assert_eq!(
        set_qualifier("", Qualifier::Year, Some("2023")),
        "year:2023"
    );
    let f = Filter::parse(&set_qualifier("gil", Qualifier::Kind, Some("decision")));
    assert_eq!(
        (f.kind, f.words.clone()),
        (Some(EntryKind::Decision), vec!["gil".to_string()])
    );
}

#[test]
fn autocomplete_offers_people_and_peps() {
    let data = tiny();
    let e = entries(&data);
    let index = Index::new(&data, &e);
    let s = suggest(&index, "typing person:luk");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].label, "Łukasz Example");
    assert_eq!(s[0].q, "typing person:lukasz-example ");
    let peps: Vec<String> = suggest(&index, "pep:900")
        .into_iter()
        .map(|s| s.q)
        .collect();
    assert_eq!(peps, ["pep:9001 ", "pep:9002 "]);
    let by_title = suggest(&index, "pep:typ");
    assert_eq!(by_title.len(), 1);
    assert!(by_title[0].label.contains("Typing Things"));
    assert_eq!(suggest(&index, "ada")[0].q, "person:ada-example ");
    assert_eq!(
        suggest(&index, "person:").len(),
        3,
        "everyone, to choose from"
    );
    assert!(
        suggest(&index, "ada ").is_empty(),
        "nothing after a finished word"
    );
    assert!(suggest(&index, "kind:me").is_empty());
}

#[test]
fn an_empty_result_says_which_piece_to_drop() {
    let data = tiny();
    let e = entries(&data);
    let index = Index::new(&data, &e);
    assert!(find(&index, &e, "pep:9001 kind:election").is_empty());
    let w = widen(&index, &e, "pep:9001 kind:election");
    let got: Vec<(&str, &str, usize)> = w
        .iter()
        .map(|w| (w.token.as_str(), w.q.as_str(), w.count))
        .collect();
    assert_eq!(
        got,
        [
            ("kind:election", "pep:9001", 2),
            ("pep:9001", "kind:election", 1)
        ]
    );
}

#[test]
fn csv_fields_are_quoted_only_when_needed() {
    use council_explorer::core::export::csv_field;
    assert_eq!(csv_field("plain words"), "plain words");
    assert_eq!(csv_field("a,b"), "\"a,b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    assert_eq!(csv_field(" padded"), "\" padded\"");
    assert_eq!(csv_field(""), "");
    // Spreadsheets run a cell that starts like a formula; such text is kept as text.
    assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_field("+1"), "'+1");
    assert_eq!(csv_field("-2 days"), "'-2 days");
    assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv_field("2023-08-28"), "2023-08-28");
}

#[test]
fn the_view_exports_as_csv_and_json() {
    use council_explorer::core::export::{csv, json};
    let data = tiny();
    let e = entries(&data);
    let index = Index::new(&data, &e);
    let shown = find(&index, &e, "pep:9001");
    let link = |r: &council_explorer::core::route::Route| {
        format!("https://example.org/council{}", r.path())
    };
    let text = csv(&data, shown.iter().copied(), link);
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 1 + shown.len());
    assert_eq!(
        lines[0],
        "date,kind,label,title,detail,peps,people,decided_by,term,link"
    );
    // In the order shown: the PEP's decision first.
    assert_eq!(
        lines[1],
        "2023-03-06,decision,rejected,PEP 9001 rejected,A Rejected Idea,9001,,council,2023,https://example.org/council/meetings/2023-03-06#item-1"
    );
    let rows: serde_json::Value =
        serde_json::from_str(&json(&data, shown.iter().copied(), link)).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), shown.len());
    assert_eq!(rows[1]["kind"], "meeting");
    assert_eq!(rows[1]["peps"], serde_json::json!([9001, 9002]));
    assert_eq!(rows[1]["people"], serde_json::json!(["Ada Example"]));
    assert_eq!(
        rows[0]["link"],
        "https://example.org/council/meetings/2023-03-06#item-1"
    );
}

#[test]
fn taskaya_finds_and_marks_batuhan_taskaya() {
    let data = bundled();
    let e = entries(&data);
    let index = Index::new(&data, &e);
    for q in ["taskaya", "Taşkaya", "batuhan task"] {
        let hits = find(&index, &e, q);
        assert!(
            hits.iter().any(|x| x.kind == EntryKind::Nomination),
            "{q} finds the nomination that names Batuhan Taşkaya: {hits:?}"
        );
    }
    let platform = "mentored Batuhan Taşkaya";
    let words = Filter::parse("taskaya").words;
    let marked: Vec<&str> = segments(platform, &highlight(platform, &words))
        .into_iter()
        .filter(|&(_, m)| m)
        .map(|(s, _)| s)
        .collect();
    assert_eq!(marked, ["Taşkaya"], "the mark covers the accented letter");
}

/// Every letter outside ASCII in `data/*.json` folds to plain ASCII letters, so a search typed
/// without accents finds it. A letter with no ASCII form would go in `NOT_FOLDED`, on purpose.
#[test]
fn every_accented_letter_in_the_data_folds_to_ascii() {
    const NOT_FOLDED: &[char] = &[];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let mut letters: Vec<char> = std::fs::read_dir(dir)
        .unwrap()
        .map(|f| f.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .flat_map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .chars()
                .collect::<Vec<_>>()
        })
        .filter(|c| !c.is_ascii() && c.is_alphabetic())
        .collect();
    letters.sort_unstable();
    letters.dedup();
    assert!(letters.contains(&'ş'), "the data still has Taşkaya");
    // Latin-1 and Latin Extended-A too, the letters a future name is most likely to bring.
    letters.extend(('\u{c0}'..='\u{17f}').filter(|c| c.is_alphabetic()));
    for c in letters {
        let f = fold(&c.to_string());
        assert!(
            NOT_FOLDED.contains(&c) || (!f.is_empty() && f.bytes().all(|b| b.is_ascii_lowercase())),
            "{c:?} (U+{:04X}) folds to {f:?}: add it to FOLDS in src/core/timeline.rs",
            c as u32
        );
    }
    assert_eq!(
        fold("Straße Œuvre İstanbul e\u{301}te"),
        "strasse oeuvre istanbul ete"
    );
}

/// The timeline keys its groups by label (and its rows by their index); a label that stood for
/// two groups would leave old rows on screen.
#[test]
fn group_labels_are_unique_and_hold_every_hit_in_order() {
    let data = bundled();
    let e = entries(&data);
    let index = Index::new(&data, &e);
    for q in [
        "",
        "pep:570",
        "kind:meeting",
        "year:2023",
        "gil",
        "free threading",
        "pep:703",
        "pep:701 accepted",
    ] {
        let f = Filter::parse(q);
        let r = run(&index, &e, &f);
        let g = groups(
            &e,
            &r.hits,
            r.outcomes_first,
            usize::MAX,
            !f.words.is_empty(),
        );
        let mut labels: Vec<&str> = g.iter().map(|g| g.label.as_str()).collect();
        let n = labels.len();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), n, "a label repeats for {q:?}");
        let shown: Vec<usize> = g.iter().flat_map(|g| g.entries.iter().copied()).collect();
        assert_eq!(shown, r.hits, "every hit, in order, for {q:?}");
    }
}

// Issue 18: a search for a PEP showed its decisions wherever their month fell; they come first,
// under a heading of their own, and the rest keep their months.
#[test]
fn a_peps_decisions_lead_a_search_for_it() {
    let data = bundled();
    let e = entries(&data);
    let index = Index::new(&data, &e);
    let decision_on = |i: usize, n: u16| e[i].kind == EntryKind::Decision && e[i].peps == [n];
    for (q, n, ranked) in [
        ("pep:701", 701, false),
        ("pep:703", 703, false),
        ("pep:701 accepted", 701, true),
    ] {
        let r = run(&index, &e, &Filter::parse(q));
        let lead = r.outcomes_first;
        let want: Vec<usize> = (0..e.len())
            .filter(|&i| decision_on(i, n) && r.hits.contains(&i))
            .collect();
        assert!(!want.is_empty(), "{q}: PEP {n} has decisions");
        assert_eq!(
            r.hits[..lead],
            want,
            "{q}: every decision first, newest first"
        );
        assert!(r.hits[lead..].iter().all(|&i| !decision_on(i, n)), "{q}");
        assert!(r.hits.len() > lead, "{q}: the meetings follow");
        let g = groups(&e, &r.hits, lead, usize::MAX, ranked);
        assert_eq!(
            (g[0].label.as_str(), g[0].by_month),
            (DECISIONS, false),
            "{q}"
        );
        assert_eq!(g[0].entries, want, "{q}");
        if ranked {
            assert_eq!(g.len(), 2, "{q}: then the best matches");
        } else {
            assert!(g[1..].iter().all(|g| g.by_month), "{q}: then the months");
            let rest: Vec<&Entry> = r.hits[lead..].iter().map(|&i| &e[i]).collect();
            assert!(
                rest.windows(2).all(|w| w[0].date >= w[1].date),
                "{q}: newest first"
            );
        }
    }
    assert_eq!(
        run(&index, &e, &Filter::parse("kind:decision")).outcomes_first,
        0
    );
    assert_eq!(
        run(&index, &e, &Filter::parse("pep:13")).outcomes_first,
        0,
        "no decision"
    );
}

/// The word index is built on first use or by `warm` after the first paint; either way a
/// search finds the same entries in the same order.
#[test]
fn warming_the_index_changes_no_result() {
    let data = bundled();
    let e = entries(&data);
    let cold = Index::new(&data, &e);
    let warm = Index::new(&data, &e);
    warm.warm(&e);
    for q in [
        "gil",
        "free thread",
        "pep:703 accept",
        "lukasz",
        "kind:meeting typing",
        "",
    ] {
        assert_eq!(find(&cold, &e, q), find(&warm, &e, q), "{q:?}");
    }
    assert!(!find(&cold, &e, "gil").is_empty());
}

#[test]
fn a_new_search_draws_at_most_a_few_new_rows_and_keeps_the_rest() {
    let hits: Vec<usize> = (100..200).collect();
    // Nothing on screen: the first `fresh` rows.
    assert_eq!(rows_to_draw(&hits, |_| false, 8, 50), 8);
    // The same results already drawn: the whole page, no new row.
    assert_eq!(rows_to_draw(&hits, |i| i < 150, 8, 50), 50);
    // Every other row drawn: the 8th new row is the 16th hit, the 17th is drawn already and
    // the 18th would be a 9th new one.
    assert_eq!(rows_to_draw(&hits, |i| i % 2 == 0, 8, 50), 17);
    // Fewer hits than a page, all drawn: all of them; fewer than `fresh`, none drawn: all too.
    assert_eq!(rows_to_draw(&hits[..30], |_| true, 8, 50), 30);
    assert_eq!(rows_to_draw(&hits[..5], |_| false, 8, 50), 5);
    assert_eq!(rows_to_draw(&[], |_| false, 8, 50), 0);
    // Never past the page, even when every row is already drawn.
    assert_eq!(rows_to_draw(&hits, |_| true, 8, 50), 50);
}

// Issue 17: the people the data names took part in different ways, and `role:` asks for one.
#[test]
fn a_person_and_a_role_find_where_that_person_had_it() {
    let data = bundled();
    let e = entries(&data);
    let index = Index::new(&data, &e);
    let found = find(&index, &e, "person:lukasz role:guest year:2023");
    let mut ids: Vec<String> = found
        .iter()
        .map(|x| match &x.route {
            council_explorer::core::route::Route::Meeting(id) => id.clone(),
            other => panic!("not a meeting: {other:?}"),
        })
        .collect();
    ids.sort();
    let want = [
        "2023-01-09",
        "2023-01-23",
        "2023-02-06",
        "2023-03-06",
        "2023-03-20",
        "2023-04-03",
        "2023-05-15",
        "2023-06-05",
        "2023-06-26",
        "2023-07-10",
        "2023-07-24",
        "2023-08-07",
        "2023-08-14",
        "2023-08-21",
        "2023-09-04",
        "2023-09-11",
        "2023-09-18",
        "2023-10-02",
        "2023-10-16",
        "2023-10-30",
        "2023-11-to-2023-12",
    ];
    assert_eq!(ids, want);
    // Every role a nominee had is a nomination or an election.
    for x in find(&index, &e, "role:nominee") {
        assert!(
            matches!(x.kind, EntryKind::Nomination | EntryKind::Election),
            "{x:?}"
        );
    }
    // A former member back as a guest: Guido at the 2024-09-11 meeting.
    assert!(find(&index, &e, "person:guido role:former-member")
        .iter()
        .any(|x| x.date == day("2024-09-11")));
    let f = Filter::parse("role:host");
    assert!(
        f.problems[0].message.contains("former-member"),
        "{:?}",
        f.problems
    );
}

// Issue 19: decisions say who took them, and `by:` asks for one or the other.
#[test]
fn by_tells_the_councils_decisions_from_the_delegates() {
    let data = bundled();
    let e = entries(&data);
    let index = Index::new(&data, &e);
    let council = find(&index, &e, "kind:decision year:2025 by:council");
    let delegate = find(&index, &e, "kind:decision year:2025 by:delegate");
    let all = find(&index, &e, "kind:decision year:2025");
    assert!(!council.is_empty() && !delegate.is_empty());
    assert_eq!(council.len() + delegate.len(), all.len());
    assert!(
        council.iter().any(|x| x.title == "PEP 750 accepted"),
        "PEP 750 in 2025"
    );
}

// Issue 16: the time axis's window is one `date:` qualifier, both ends included.
#[test]
fn a_date_range_includes_both_ends_and_a_bad_one_is_explained() {
    let data = bundled();
    let e = entries(&data);
    let index = Index::new(&data, &e);
    let range = find(&index, &e, "date:2022-01..2022-06");
    assert_eq!(range, find(&index, &e, "after:2021-12 before:2022-07"));
    assert!(range
        .iter()
        .all(|x| x.date >= day("2022-01-01") && x.date <= day("2022-06-30")));
    assert!(range
        .iter()
        .any(|x| x.date == day("2022-06-27") || x.date == day("2022-01-03")));
    let f = Filter::parse("date:2022-06..2022-01 gil");
    assert_eq!(f.problems.len(), 1);
    assert!(
        f.problems[0].message.contains("earlier date first"),
        "{:?}",
        f.problems
    );
    assert_eq!(
        find(&index, &e, "date:2022-06..2022-01 gil"),
        find(&index, &e, "gil")
    );
    assert!(Filter::parse("date:2023-02-30").problems[0]
        .message
        .contains("calendar"));
}
