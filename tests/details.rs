//! The split of the PEPs into an index fetched up front (`data/peps.json`) and one details file
//! per PEP fetched on demand (`data/peps/<number>.json`): every PEP of the index has its details,
//! each file reads back with the app's own `parse_details`, and broken details files give an
//! error that names the file and the problem.

use council_explorer::core::dataset::{
    details_path, parse_details, validate, DataError, DataFile, Parts,
};
use council_explorer::core::model::{Pep, PepDetails};
use serde_json::{json, Value};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");

fn index() -> Vec<Pep> {
    let text = std::fs::read_to_string(format!("{DATA}/peps.json")).unwrap();
    council_explorer::core::dataset::parse(DataFile::Peps, &text).unwrap()
}

fn details_text(number: u16) -> String {
    std::fs::read_to_string(format!("{DATA}/{}", details_path(number))).unwrap_or_default()
}

#[test]
fn every_pep_of_the_index_has_a_details_file_that_reads_back() {
    let peps = index();
    assert!(peps.len() > 700, "only {} PEPs", peps.len());
    let mut with_history = 0;
    for pep in &peps {
        let d = parse_details(pep.number, &details_text(pep.number))
            .unwrap_or_else(|e| panic!("PEP {}: {e}", pep.number));
        assert_eq!(d.number, pep.number);
        with_history += usize::from(!d.history.is_empty());
    }
    assert!(
        with_history > 700,
        "only {with_history} PEPs have a history"
    );
    // No details file without its PEP in the index.
    let files = std::fs::read_dir(format!("{DATA}/peps")).unwrap().count();
    assert_eq!(files, peps.len());
}

#[test]
fn the_index_holds_only_what_the_first_view_needs() {
    let text = std::fs::read_to_string(format!("{DATA}/peps.json")).unwrap();
    let records: Vec<Value> = serde_json::from_str(&text).unwrap();
    for r in &records {
        for key in r.as_object().unwrap().keys() {
            assert!(
                ["number", "title", "status", "type", "topic"].contains(&key.as_str()),
                "peps.json has {key} on PEP {}",
                r["number"]
            );
        }
    }
}

#[test]
fn broken_details_name_the_file_and_the_problem() {
    let good: Value = serde_json::from_str(&details_text(703)).unwrap();
    let edited = |edit: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        edit(&mut v);
        v.to_string()
    };
    let cases: Vec<(&str, String, &str)> = vec![
        ("empty", "  ".to_string(), "empty"),
        ("truncated", details_text(703)[..40].to_string(), "line 1"),
        (
            "another PEP's file",
            edited(&|v| v["number"] = json!(704)),
            "holds PEP 704",
        ),
        (
            "a javascript: link",
            edited(&|v| v["resolution"]["url"] = json!("javascript:alert(1)")),
            "not an http(s) address",
        ),
        (
            "an impossible date",
            edited(&|v| v["created"] = json!("2023-02-30")),
            "out of range",
        ),
    ];
    for (what, text, phrase) in cases {
        let e = parse_details(703, &text).expect_err(what);
        assert_eq!(e.file(), "peps/703.json", "{what}");
        let message = e.to_string();
        assert!(message.starts_with("peps/703.json: "), "{what}: {message}");
        assert!(
            message.contains(phrase),
            "{what}: {message:?} lacks {phrase:?}"
        );
    }
}

#[test]
fn validate_checks_the_details_the_ingest_writes() {
    let parts_with = |details: Vec<PepDetails>| {
        let mut parts =
            Parts::parse_with(|f| std::fs::read_to_string(format!("{DATA}/{}", f.name())).unwrap())
                .unwrap();
        parts.pep_details = details;
        parts
    };
    let d703 = parse_details(703, &details_text(703)).unwrap();
    assert!(validate(&parts_with(vec![d703.clone()])).is_empty());

    let mut unknown = d703.clone();
    unknown.number = 9999;
    let mut bad_link = d703.clone();
    bad_link.number = 8;
    bad_link.resolution.as_mut().unwrap().url = "data:text/html,x".into();
    let problems = validate(&parts_with(vec![d703.clone(), d703, unknown, bad_link]));
    let texts: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 3, "{texts:?}");
    assert!(
        matches!(&problems[0], DataError::Details { number: 703, problem } if problem.contains("two"))
    );
    assert!(texts[1].starts_with("peps/9999.json") && texts[1].contains("not in peps.json"));
    assert!(texts[2].starts_with("peps/8.json") && texts[2].contains("not an http(s) address"));
}
