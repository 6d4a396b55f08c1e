//! The curated files that point into the notes must point at something: an outcome that lands
//! on no item about its PEP, a summary for an item that does not exist, or a call on who took
//! part that lands on no item or names nobody, stops the ingest with the file that says so.

use std::path::Path;

use chrono::NaiveDate;
use council_explorer::core::model::{
    Decider, ItemKind, OutcomeKind, Section, SectionKind, Source, Term,
};
use ingest::curated::{read_summaries, OutcomeEntry, Part, ParticipantEntry, Summaries};
use ingest::meetings::{sections, Curated, Notices, RawItemIn, RawSectionIn};
use ingest::people::Registry;
use ingest::semantics::PepIndex;
use ingest::IngestError;

fn raw() -> Vec<RawSectionIn> {
    let item = |n: u16, line: u32, text: &str| RawItemIn {
        n,
        line,
        topic: None,
        text: text.to_string(),
    };
    vec![RawSectionIn {
        id: "2099-01-05".into(),
        kind: SectionKind::Meeting,
        date: NaiveDate::from_ymd_opt(2099, 1, 5).unwrap(),
        period: None,
        heading: "2099-01-05".into(),
        held: true,
        source: Source {
            file: "updates/2099-01.md".into(),
            line: 1,
            url: String::new(),
        },
        items: vec![
            item(1, 3, "- The council looked at PEP 9001 and turned it down."),
            item(2, 4, "- Ada Example met with the council about the sprint."),
        ],
    }]
}

fn terms() -> Vec<Term> {
    vec![Term {
        year: 2099,
        election_pep: 8199,
        members: vec!["bo-sample".into()],
        start: NaiveDate::from_ymd_opt(2098, 12, 16).unwrap(),
        end: None,
    }]
}

fn people() -> Registry {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/people.json"),
    )
    .unwrap();
    Registry::from_json("people.json", &text).unwrap()
}

fn peps() -> PepIndex {
    PepIndex {
        titles: [(9001, "A made-up PEP".to_string())].into(),
    }
}

fn outcome(line: u32, pep: u16) -> OutcomeEntry {
    OutcomeEntry {
        section: "2099-01-05".into(),
        line,
        pep,
        outcome: OutcomeKind::Rejected,
        by: Decider::Council,
    }
}

#[test]
fn an_outcome_on_its_item_makes_a_decision_and_a_guest_sync_is_seen() {
    let built = sections(
        &raw(),
        &terms(),
        &people(),
        &peps(),
        Curated {
            outcomes: &[outcome(3, 9001)],
            participants: &[],
            summaries: &Summaries::default(),
        },
        &mut Notices::default(),
    )
    .unwrap();
    let items = &built[0].items;
    assert_eq!(items[0].kind, ItemKind::Decision);
    assert_eq!(items[0].peps, [9001]);
    assert_eq!(items[1].kind, ItemKind::GuestSync);
    assert_eq!(built[0].guests[0].person, "ada-example");
}

#[test]
fn an_outcome_that_matches_no_item_is_an_error() {
    let err = sections(
        &raw(),
        &terms(),
        &people(),
        &peps(),
        Curated {
            outcomes: &[outcome(4, 9001)],
            participants: &[],
            summaries: &Summaries::default(),
        },
        &mut Notices::default(),
    )
    .unwrap_err();
    assert!(
        err.to_string().starts_with(
            "curated/outcomes.json:2: entry 1 (2099-01-05 line 4 PEP 9001): item 2 does not refer"
        ),
        "{err}"
    );
}

#[test]
fn a_summary_for_a_missing_item_is_an_error() {
    let summaries = read_summaries(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/summaries"),
        "summaries",
    )
    .unwrap();
    let err = sections(
        &raw(),
        &terms(),
        &people(),
        &peps(),
        Curated {
            outcomes: &[],
            participants: &[],
            summaries: &summaries,
        },
        &mut Notices::default(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "summaries/2099.json:2: summary for \"2099-01-05#7\", which is no item"
    );
}

fn call(section: &str, line: u32, person: &str, part: Part) -> ParticipantEntry {
    ParticipantEntry {
        section: section.into(),
        line,
        person: person.into(),
        part,
        reason: "a made-up call".into(),
    }
}

fn build_with(participants: &[ParticipantEntry]) -> Result<Vec<Section>, IngestError> {
    sections(
        &raw(),
        &terms(),
        &people(),
        &peps(),
        Curated {
            outcomes: &[],
            participants,
            summaries: &Summaries::default(),
        },
        &mut Notices::default(),
    )
}

#[test]
fn a_curated_call_decides_who_took_part() {
    let built = build_with(&[call("2099-01-05", 3, "cy-test", Part::Guest)]).unwrap();
    let guests: Vec<&str> = built[0].guests.iter().map(|g| g.person.as_str()).collect();
    assert_eq!(guests, ["cy-test", "ada-example"]);
    assert_eq!(built[0].items[0].people, ["cy-test"]);
    assert_eq!(built[0].items[0].kind, ItemKind::GuestSync);
    let built = build_with(&[call("2099-01-05", 4, "ada-example", Part::NotGuest)]).unwrap();
    assert!(built[0].guests.is_empty());
    assert_eq!(built[0].items[1].people, ["ada-example"]);
}

#[test]
fn a_curated_call_that_lands_on_nothing_is_an_error() {
    let err = build_with(&[call("2099-02-02", 3, "cy-test", Part::Guest)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "curated/participants.json:2: entry 1 (2099-02-02 line 3 cy-test): no such section"
    );
    let err = build_with(&[call("2099-01-05", 1, "cy-test", Part::Guest)]).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("the line is before the section's first item"),
        "{err}"
    );
    let err = build_with(&[call("2099-01-05", 3, "nobody-known", Part::Named)]).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("no such person in curated/people.json"),
        "{err}"
    );
}
