//! Bad sources end the run with the file and line at fault, never a panic. The fixtures are
//! small made-up files in the sources' formats (not cut from the sources).

use std::path::Path;

use ingest::elections::parse_election;
use ingest::people::Registry;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

fn people() -> Registry {
    Registry::from_json("people.json", &fixture("people.json")).unwrap()
}

#[test]
fn a_well_formed_election_reads() {
    let e = parse_election("peps/pep-8199.rst", &fixture("election-ok.rst"), &people()).unwrap();
    assert_eq!(e.election.term, 2099);
    assert_eq!((e.election.eligible, e.election.cast), (20, 12));
    let elected: Vec<&str> = e
        .election
        .candidates
        .iter()
        .filter(|c| c.elected)
        .map(|c| c.person.as_str())
        .collect();
    assert_eq!(
        elected,
        ["ada-example", "bo-sample", "cy-test", "di-demo", "ed-mock"]
    );
    assert_eq!(e.election.candidates[5].votes, Some(2));
}

#[test]
fn an_unknown_name_is_an_error_at_its_line() {
    let err = parse_election(
        "peps/pep-8199.rst",
        &fixture("election-unknown-name.rst"),
        &people(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "peps/pep-8199.rst:25: unknown name \"Gus Unknown\" (add it to curated/people.json)"
    );
}

#[test]
fn a_vote_that_is_not_a_number_is_an_error_at_its_line() {
    let err = parse_election(
        "peps/pep-8199.rst",
        &fixture("election-broken-table.rst"),
        &people(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "peps/pep-8199.rst:54: not a number of votes: \"eight\""
    );
}

#[test]
fn a_row_with_too_many_cells_is_an_error_at_its_line() {
    let err = parse_election(
        "peps/pep-8199.rst",
        &fixture("election-broken-row.rst"),
        &people(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "peps/pep-8199.rst:58: expected two cells, found 3"
    );
}

#[test]
fn a_star_count_reads_seat_by_seat() {
    let e = parse_election(
        "peps/pep-8198.rst",
        &fixture("election-star.rst"),
        &people(),
    )
    .unwrap();
    let rounds = &e.election.rounds;
    let seats: Vec<(u8, &str)> = rounds.iter().map(|r| (r.seat, r.winner.as_str())).collect();
    assert_eq!(
        seats,
        [
            (1, "ada-example"),
            (2, "bo-sample"),
            (3, "cy-test"),
            (4, "ed-mock"),
            (5, "di-demo")
        ]
    );
    // Seat 4's runoff sentence is wrapped, and the finalist with fewer stars wins it.
    let four = &rounds[3];
    assert_eq!(four.line, 84);
    let finalists: Vec<(&str, u32, u32)> = four
        .finalists
        .iter()
        .map(|f| (f.person.as_str(), f.stars, f.preferred_by))
        .collect();
    assert_eq!(finalists, [("di-demo", 31, 5), ("ed-mock", 30, 6)]);
    assert_eq!(four.equal, 1);
    // Seat 2's heading has no blank line under it.
    assert_eq!(rounds[1].finalists[1].person, "cy-test");

    let approval =
        parse_election("peps/pep-8199.rst", &fixture("election-ok.rst"), &people()).unwrap();
    assert!(approval.election.rounds.is_empty());
}

#[test]
fn a_malformed_round_is_an_error_at_its_line() {
    let cases: [(&str, &str, &str); 9] = [
        (
            "8 to 2, with",
            "eight to 2, with",
            "97: unreadable runoff: \"Di Demo is preferred over Flo Stub, eight to 2, with 2 \
             voters showing equal support for both finalists.\"",
        ),
        (
            "Cy Test and Di Demo advance",
            "Cy Test and Gus Unknown advance",
            "80: \"Gus Unknown\" is not a nominee of this election",
        ),
        (
            "Di Demo is preferred over Flo Stub",
            "Di Demo is preferred over Ed Mock",
            "97: the runoff is between \"Di Demo\" and \"Ed Mock\", not the finalists \
             \"Di Demo\" and \"Flo Stub\"",
        ),
        (
            "*Automatic Runoff*: Cy Test",
            "Cy Test",
            "77: Winner 3 has no \"*Automatic Runoff*:\" line",
        ),
        (
            "Winner 1\n^",
            "Round one\n^",
            "64: not a seat heading: \"Round one\"",
        ),
        (
            "Winner 3\n^",
            "Winner 6\n^",
            "77: seat 6: it is round 3 of the count; seats are numbered 1, 2, 3… in order",
        ),
        (
            "8 to 2, with 2 voters",
            "8 to 2, with 9 voters",
            "92: seat 5: the runoff counts 8 + 2 + 9 = 19 voters, more than the 12 ballots cast",
        ),
        (
            "31 and 22 stars",
            "31 and 23 stars",
            "92: seat 5: the finalist \"flo-stub\" has 23 stars here but 22 in the results",
        ),
        (
            "Di Demo and Flo Stub advance to runoff with 31 and 22 stars.\n\n\
             *Automatic Runoff*: Di Demo",
            "Ada Example and Flo Stub advance to runoff with 50 and 22 stars.\n\n\
             *Automatic Runoff*: Ada Example",
            "92: seat 5: \"ada-example\" already won seat 1",
        ),
    ];
    let text = fixture("election-star.rst");
    for (from, to, expected) in cases {
        assert!(text.contains(from), "{from:?} is not in the fixture");
        let err = parse_election("peps/pep-8198.rst", &text.replacen(from, to, 1), &people())
            .unwrap_err();
        assert_eq!(err.to_string(), format!("peps/pep-8198.rst:{expected}"));
    }
}
