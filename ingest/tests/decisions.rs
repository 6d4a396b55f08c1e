//! The rules that turn notes, `Resolution:` headers and status histories into decision records,
//! one test each, on made-up PEPs (numbers from 9001 on) whose answers can be worked out by hand.

use std::path::Path;

use chrono::NaiveDate;
use council_explorer::core::model::{
    DateBasis, DecidedStatus, Decider, Decision, Delegate, Delegation, Item, ItemKind, Outcome,
    OutcomeKind, Resolution, Section, SectionKind, Source, StatusChange,
};
use ingest::curated::OutcomeEntry;
use ingest::decisions::{decisions, pep_outcomes, Inputs, StandingDelegations};
use ingest::people::Registry;
use ingest::peps::PepRecord;

fn d(s: &str) -> NaiveDate {
    s.parse().expect("a YYYY-MM-DD date")
}

/// The first day of the council's first term.
const START: &str = "2019-02-04";

/// A `Status:` change on `date`; the commit is named after it.
fn change(date: &str, old: &str, new: &str) -> StatusChange {
    StatusChange {
        date: d(date),
        commit: format!("{date}-{new}"),
        field: "Status".into(),
        old: old.into(),
        new: new.into(),
    }
}

fn pep(number: u16, status: &str, history: Vec<StatusChange>) -> PepRecord {
    PepRecord {
        number,
        title: "A made-up PEP".into(),
        status: status.into(),
        pep_type: "Standards Track".into(),
        topic: None,
        created: Some(d("2018-06-01")),
        python_version: None,
        delegate: None,
        authors: vec!["Ada Example".into()],
        resolution: None,
        history,
    }
}

fn dated(date: &str) -> Option<Resolution> {
    Some(Resolution {
        date: Some(d(date)),
        url: "https://discuss.python.org/t/1/2".into(),
    })
}

fn bare() -> Option<Resolution> {
    Some(Resolution {
        date: None,
        url: "https://discuss.python.org/t/1/3".into(),
    })
}

/// A section of the notes, its id a date, whose item 1 records `outcomes` on PEP `pep`.
fn section(id: &str, kind: SectionKind, pep: u16, outcomes: &[OutcomeKind]) -> Section {
    Section {
        id: id.into(),
        kind,
        date: d(id),
        period: None,
        held: true,
        term: 2020,
        heading: id.into(),
        gist: None,
        attendance: Default::default(),
        guests: vec![],
        items: vec![Item {
            n: 1,
            kind: ItemKind::Decision,
            topic: None,
            peps: vec![pep],
            people: vec![],
            outcome: None,
            outcomes: outcomes
                .iter()
                .map(|&result| Outcome { pep, result })
                .collect(),
            summary: None,
            links: vec![],
            line: 3,
        }],
        source: Source {
            file: "updates/x.md".into(),
            line: 1,
            url: "https://example.org/x".into(),
        },
    }
}

fn meeting(date: &str, pep: u16, outcome: OutcomeKind) -> Section {
    section(date, SectionKind::Meeting, pep, &[outcome])
}

fn people() -> Registry {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/people.json"),
    )
    .unwrap();
    Registry::from_json("people.json", &text).unwrap()
}

fn packaging() -> StandingDelegations {
    StandingDelegations {
        packaging: vec![("Package Widget PEPs".into(), "Bo Sample".into())],
    }
}

fn build_with(
    sections: &[Section],
    outcomes: &[OutcomeEntry],
    peps: &[PepRecord],
) -> Result<Vec<Decision>, ingest::IngestError> {
    decisions(&Inputs {
        sections,
        outcomes,
        peps,
        people: &people(),
        standing: &packaging(),
        start: d(START),
    })
}

fn build(sections: &[Section], peps: &[PepRecord]) -> Vec<Decision> {
    build_with(sections, &[], peps).unwrap()
}

fn ids(ds: &[Decision]) -> Vec<&str> {
    ds.iter().map(|d| d.id.as_str()).collect()
}

#[test]
fn the_header_date_wins_where_the_header_resolves_this_outcome() {
    let mut p = pep(
        9001,
        "Final",
        vec![
            change("2025-10-03", "", "Draft"),
            change("2025-11-05", "Draft", "Accepted"),
            change("2026-06-27", "Accepted", "Final"),
        ],
    );
    p.resolution = dated("2025-11-03");
    let ds = build(&[], &[p]);
    assert_eq!(ids(&ds), ["9001-accepted-2025-11-03"]);
    let x = &ds[0];
    assert_eq!(x.date_basis, DateBasis::PepHeader);
    assert_eq!(x.resolution_url(), Some("https://discuss.python.org/t/1/2"));
    let h = x
        .bases
        .status_history
        .as_ref()
        .expect("the status change too");
    assert_eq!(
        (h.date, h.status),
        (d("2025-11-05"), DecidedStatus::Accepted)
    );
    assert_eq!(x.decided_by, Decider::Council);
}

#[test]
fn a_status_history_date_is_a_commit_date_and_says_so() {
    let mut p = pep(
        9001,
        "Rejected",
        vec![
            change("2024-06-14", "", "Draft"),
            change("2025-02-07", "Draft", "Rejected"),
        ],
    );
    p.resolution = bare();
    let ds = build(&[], &[p]);
    assert_eq!(ids(&ds), ["9001-rejected-2025-02-07"]);
    assert_eq!(ds[0].date_basis, DateBasis::StatusHistory);
    let h = ds[0].bases.status_history.as_ref().unwrap();
    assert_eq!(h.commit, "2025-02-07-Rejected");
    // The bare header confirms the outcome and gives its link, not its date.
    assert_eq!(ds[0].bases.pep_header.as_ref().unwrap().date, None);
}

#[test]
fn final_without_an_earlier_acceptance_is_the_acceptance() {
    let straight = pep(
        9001,
        "Final",
        vec![
            change("2020-07-08", "", "Draft"),
            change("2021-05-08", "Draft", "Final"),
        ],
    );
    let provisional = pep(
        9002,
        "Final",
        vec![
            change("2020-03-14", "Draft", "Provisional"),
            change("2021-01-26", "Provisional", "Final"),
        ],
    );
    let accepted_first = pep(
        9003,
        "Final",
        vec![
            change("2022-03-18", "", "Draft"),
            change("2022-06-08", "Draft", "Accepted"),
            change("2026-01-19", "Accepted", "Final"),
        ],
    );
    // A release schedule is Active, then Final when its release is done.
    let active_first = pep(
        9004,
        "Final",
        vec![
            change("2019-06-04", "", "Draft"),
            change("2021-02-19", "Draft", "Active"),
            change("2025-10-31", "Active", "Final"),
        ],
    );
    // Marked Final by mistake and set back to Accepted the same day: one acceptance.
    let corrected = pep(
        9005,
        "Final",
        vec![
            change("2023-11-29", "", "Draft"),
            change("2024-03-14", "Draft", "Final"),
            change("2024-03-14", "Final", "Accepted"),
        ],
    );
    let ds = build(
        &[],
        &[
            straight,
            provisional,
            accepted_first,
            active_first,
            corrected,
        ],
    );
    assert_eq!(
        ids(&ds),
        [
            "9002-accepted-2021-01-26",
            "9001-accepted-2021-05-08",
            "9003-accepted-2022-06-08",
            "9005-accepted-2024-03-14",
        ]
    );
    let status = |k: usize| ds[k].bases.status_history.as_ref().unwrap().status;
    assert_eq!(status(1), DecidedStatus::Final);
    assert_eq!(status(2), DecidedStatus::Accepted);
}

#[test]
fn a_decision_the_notes_hold_and_the_header_confirms_is_one_record() {
    let mut p = pep(
        9001,
        "Rejected",
        vec![
            change("2023-04-23", "", "Draft"),
            change("2023-09-06", "Draft", "Rejected"),
        ],
    );
    p.resolution = bare();
    let ds = build(&[meeting("2023-08-28", 9001, OutcomeKind::Rejected)], &[p]);
    assert_eq!(ids(&ds), ["9001-rejected-2023-08-28"]);
    let b = &ds[0].bases;
    assert_eq!(
        b.notes.as_ref().map(|n| n.section.as_str()),
        Some("2023-08-28")
    );
    assert!(b.pep_header.is_some() && b.status_history.is_some());
    // The meeting dates it: the commit came later.
    assert_eq!(ds[0].date_basis, DateBasis::Meeting);

    // A dated header after the meeting dates the one record.
    let mut q = pep(
        9002,
        "Accepted",
        vec![change("2023-10-28", "Draft", "Accepted")],
    );
    q.resolution = dated("2023-10-24");
    let ds = build(&[meeting("2023-10-23", 9002, OutcomeKind::Accepted)], &[q]);
    assert_eq!(ids(&ds), ["9002-accepted-2023-10-24"]);
    assert!(ds[0].bases.notes.is_some());
}

#[test]
fn an_update_that_reports_an_earlier_status_change_is_one_record() {
    // The 2019 updates report what happened in the weeks before them.
    let p = pep(
        9001,
        "Final",
        vec![change("2019-04-05", "Draft", "Accepted")],
    );
    let update = section(
        "2019-04-26",
        SectionKind::Update,
        9001,
        &[OutcomeKind::Accepted],
    );
    let ds = build(&[update], &[p]);
    assert_eq!(ids(&ds), ["9001-accepted-2019-04-26"]);
    assert_eq!(ds[0].date_basis, DateBasis::Period);
    assert!(ds[0].bases.status_history.is_some());
}

#[test]
fn another_outcome_between_keeps_two_records_apart() {
    // Deferred at a meeting, rejected months later with no word in the notes.
    let mut p = pep(
        9001,
        "Rejected",
        vec![
            change("2024-06-14", "", "Draft"),
            change("2025-02-07", "Draft", "Rejected"),
        ],
    );
    p.resolution = bare();
    let ds = build(&[meeting("2024-10-23", 9001, OutcomeKind::Deferred)], &[p]);
    assert_eq!(
        ids(&ds),
        ["9001-deferred-2024-10-23", "9001-rejected-2025-02-07"]
    );
    assert!(
        ds[0].bases.pep_header.is_none(),
        "the header is the rejection's"
    );

    // The notes record an acceptance twice; the header joins the later one.
    let mut q = pep(
        9002,
        "Final",
        vec![change("2023-03-14", "Draft", "Accepted")],
    );
    q.resolution = dated("2023-03-14");
    let ds = build(
        &[
            meeting("2023-02-27", 9002, OutcomeKind::Accepted),
            meeting("2023-03-13", 9002, OutcomeKind::Accepted),
        ],
        &[q],
    );
    assert_eq!(
        ids(&ds),
        ["9002-accepted-2023-02-27", "9002-accepted-2023-03-14"]
    );
    assert!(ds[0].bases.pep_header.is_none());
    assert_eq!(ds[1].bases.notes.as_ref().unwrap().section, "2023-03-13");
}

#[test]
fn provisional_active_withdrawn_superseded_and_april_fool_are_not_decisions() {
    let peps: Vec<PepRecord> = [
        "Provisional",
        "Active",
        "Withdrawn",
        "Superseded",
        "April Fool!",
        "Draft",
    ]
    .iter()
    .enumerate()
    .map(|(k, status)| {
        let mut p = pep(
            9001 + k as u16,
            status,
            vec![
                change("2020-01-01", "", "Draft"),
                change("2021-01-01", "Draft", "Deferred"),
                change("2021-06-01", "Deferred", "Draft"),
                change("2022-01-01", "Draft", status),
            ],
        );
        p.resolution = bare();
        p
    })
    .collect();
    // Only each PEP's deferral is a decision.
    let ds = build(&[], &peps);
    assert_eq!(ds.len(), 6);
    assert!(ds.iter().all(|x| x.outcome == OutcomeKind::Deferred));
    // Entering the repository with a status decides nothing either.
    let added = pep(9010, "Rejected", vec![change("2024-10-14", "", "Rejected")]);
    assert!(build(&[], &[added]).is_empty());
}

#[test]
fn a_dated_resolution_of_an_active_process_pep_is_its_acceptance() {
    // The change to Active is no decision; the dated header that resolved it is.
    let mut p = pep(
        9001,
        "Active",
        vec![
            change("2024-10-09", "", "Draft"),
            change("2024-11-06", "Draft", "Active"),
        ],
    );
    p.pep_type = "Process".into();
    p.resolution = dated("2024-11-06");
    let ds = build(&[], &[p]);
    assert_eq!(ids(&ds), ["9001-accepted-2024-11-06"]);
    assert!(ds[0].bases.status_history.is_none());
}

#[test]
fn the_2017_bulk_rewrite_of_old_statuses_makes_no_record() {
    // Bug: the 2017 bulk commit of python/peps recorded "Accepted -> Rejected" for PEPs long
    // rejected; the status in force did not change, so it is no step and no decision, even
    // at a date inside the council's time.
    let p = pep(
        9001,
        "Rejected",
        vec![
            change("2012-01-01", "", "Draft"),
            change("2013-05-01", "Draft", "Rejected"),
            change("2020-11-11", "Accepted", "Rejected"),
        ],
    );
    assert!(build(&[], &[p]).is_empty());
}

#[test]
fn a_decision_before_the_council_is_out() {
    let mut p = pep(
        9001,
        "Final",
        vec![
            change("2018-02-01", "", "Draft"),
            change("2018-07-11", "Draft", "Accepted"),
            change("2022-11-06", "Accepted", "Final"),
        ],
    );
    p.resolution = bare();
    assert!(build(&[], std::slice::from_ref(&p)).is_empty());
    p.resolution = dated("2018-07-10");
    assert!(pep_outcomes(&p, d(START)).is_empty());
}

#[test]
fn a_header_date_before_the_pep_was_created_gives_way_to_the_commit() {
    let mut p = pep(
        9001,
        "Final",
        vec![change("2026-04-29", "Draft", "Accepted")],
    );
    p.created = Some(d("2025-12-19"));
    p.resolution = dated("2025-04-23");
    let ds = build(&[], &[p]);
    assert_eq!(ids(&ds), ["9001-accepted-2026-04-29"]);
    assert_eq!(ds[0].date_basis, DateBasis::StatusHistory);
    assert_eq!(
        ds[0].bases.pep_header.as_ref().and_then(|h| h.date),
        Some(d("2025-04-23")),
        "the header is kept as it is written"
    );
}

#[test]
fn who_decided_a_decision_no_notes_hold() {
    let accepted = |n: u16| {
        pep(
            n,
            "Accepted",
            vec![change("2025-09-05", "Draft", "Accepted")],
        )
    };
    let mut named = accepted(9001);
    named.delegate = Some("Ada Example".into());
    let mut stranger = accepted(9002);
    stranger.delegate = Some("Gus Unknown".into());
    let mut council = accepted(9003);
    council.delegate = Some("Python Steering Council".into());
    let mut placeholder = accepted(9004);
    placeholder.delegate = Some("TODO".into());
    let mut packaging = accepted(9005);
    packaging.topic = Some("Packaging".into());
    let mut governance = accepted(9006);
    governance.topic = Some("Governance, Packaging".into());
    governance.pep_type = "Process".into();
    let mut typing = accepted(9007);
    typing.topic = Some("Typing".into());
    let ds = build(
        &[],
        &[
            named,
            stranger,
            council,
            placeholder,
            packaging,
            governance,
            typing,
        ],
    );
    let by: Vec<(Decider, Option<&Delegate>)> = ds
        .iter()
        .map(|x| (x.decided_by, x.delegate.as_ref()))
        .collect();
    let person = |name: &str, id: Option<&str>| Delegate {
        via: Delegation::PepHeader,
        name: Some(name.into()),
        person: id.map(str::to_string),
    };
    let standing = Delegate {
        via: Delegation::StandingPackaging,
        name: None,
        person: None,
    };
    assert_eq!(
        by,
        [
            (
                Decider::Delegate,
                Some(&person("Ada Example", Some("ada-example")))
            ),
            (Decider::Delegate, Some(&person("Gus Unknown", None))),
            (Decider::Council, None),
            (Decider::Council, None),
            (Decider::Delegate, Some(&standing)),
            (Decider::Council, None),
            // The Typing Council is consulted; the Steering Council decides.
            (Decider::Council, None),
        ]
    );
}

#[test]
fn the_notes_record_the_council_unless_the_curated_list_says_delegate() {
    let mut p = pep(
        9001,
        "Final",
        vec![change("2019-05-28", "Draft", "Accepted")],
    );
    p.delegate = Some("Bo Sample".into());
    let update = section(
        "2019-07-08",
        SectionKind::Update,
        9001,
        &[OutcomeKind::Accepted],
    );
    let entry = |by| OutcomeEntry {
        section: "2019-07-08".into(),
        line: 3,
        pep: 9001,
        outcome: OutcomeKind::Accepted,
        by,
    };
    // The council's notes say the council accepted it, whatever the header names.
    let ds = build_with(
        std::slice::from_ref(&update),
        &[entry(Decider::Council)],
        std::slice::from_ref(&p),
    )
    .unwrap();
    assert_eq!(
        (ds[0].decided_by, &ds[0].delegate),
        (Decider::Council, &None)
    );
    let ds = build_with(
        std::slice::from_ref(&update),
        &[entry(Decider::Delegate)],
        std::slice::from_ref(&p),
    )
    .unwrap();
    assert_eq!(ds[0].decided_by, Decider::Delegate);
    assert_eq!(
        ds[0].delegate.as_ref().and_then(|x| x.person.as_deref()),
        Some("bo-sample")
    );
    // A delegate's decision needs a delegate to name.
    p.delegate = None;
    let err = build_with(&[update], &[entry(Decider::Delegate)], &[p]).unwrap_err();
    assert!(err.to_string().contains("PEP 9001"), "{err}");
}

#[test]
fn the_standing_delegations_are_read_from_their_section() {
    let text = "# Standing things\n\n## PyPA Delegations\n\nSome words.\n\n\
                - Package Widget PEPs: Bo Sample\n- Package Gadget PEPs: Cy Test\n\n\
                ## Typing Council\n\n- Typing PEPs: not a delegation\n";
    let s = StandingDelegations::parse("standing.md", text).unwrap();
    assert_eq!(
        s.packaging,
        [
            ("Package Widget PEPs".to_string(), "Bo Sample".to_string()),
            ("Package Gadget PEPs".to_string(), "Cy Test".to_string()),
        ]
    );
    let err =
        StandingDelegations::parse("standing.md", "## PyPA Delegations\n\nNone.\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "standing.md:1: the PyPA section lists no `- <area> PEPs: <name>` delegation"
    );
    assert_eq!(
        StandingDelegations::parse("standing.md", "## Other\n").unwrap(),
        StandingDelegations::default()
    );
}
