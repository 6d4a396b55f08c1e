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
