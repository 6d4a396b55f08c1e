//! Native tests that each way a data file can be broken gives an error that names the file and
//! says what is wrong, on the bundled data set rather than a fixture: the error view shows
//! exactly these messages.

use council_explorer::core::dataset::{
    is_web_url, parse_details, validate, DataError, DataFile, Parts,
};
use serde_json::{json, Value};

/// Every data file with its text.
type Texts = Vec<(DataFile, String)>;
/// One way of breaking the data set.
type Edit = Box<dyn FnOnce(&mut Texts)>;

/// The text of every bundled data file, `edit`ed, then parsed and validated as the app does;
/// the first problem, as the app would show it.
fn first_problem(edit: impl FnOnce(&mut Texts)) -> Option<DataError> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let mut texts: Texts = DataFile::ALL
        .iter()
        .map(|&f| {
            let text = std::fs::read_to_string(format!("{dir}/{}", f.name())).unwrap();
            (f, text)
        })
        .collect();
    edit(&mut texts);
    let parts = Parts::parse_with(|f| {
        let (_, text) = texts.iter().find(|(g, _)| *g == f).unwrap();
        text.clone()
    });
    match parts {
        Err(e) => Some(e),
        Ok(parts) => validate(&parts).into_iter().next(),
    }
}

/// Changes one file's JSON.
fn json_edit(file: DataFile, edit: impl FnOnce(&mut Value)) -> impl FnOnce(&mut Texts) {
    move |texts| {
        let (_, text) = texts.iter_mut().find(|(f, _)| *f == file).unwrap();
        let mut value: Value = serde_json::from_str(text).unwrap();
        edit(&mut value);
        *text = value.to_string();
    }
}

/// The 2026 election (the STAR one) in elections.json.
fn star(v: &mut Value) -> &mut Value {
    let mut all = v.as_array_mut().unwrap().iter_mut();
    all.find(|e| e["term"] == 2026).unwrap()
}

/// The decision with id `id` in `decisions.json`'s JSON.
fn decision<'v>(v: &'v mut Value, id: &str) -> &'v mut Value {
    v.as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no decision {id} in the bundled data"))
}

/// Changes one file's text.
fn text_edit(file: DataFile, edit: impl FnOnce(&str) -> String) -> impl FnOnce(&mut Texts) {
    move |texts| {
        let (_, text) = texts.iter_mut().find(|(f, _)| *f == file).unwrap();
        *text = edit(text);
    }
}

#[test]
fn the_bundled_data_set_has_no_problem() {
    assert_eq!(first_problem(|_| {}), None);
}

/// The ingest writes the files with serde and the app reads them with its own reader
/// (`core::json`): what one writes, the other reads back unchanged, every field the writer
/// leaves out when empty included.
#[test]
fn what_the_ingest_writes_the_app_reads_back() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let read = |name: &str| std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
    let parts = Parts::parse_with(|f| read(f.name())).expect("the bundled data parses");
    let write = |f: DataFile| {
        let text = match f {
            DataFile::Manifest => serde_json::to_string_pretty(&parts.manifest),
            DataFile::People => serde_json::to_string(&parts.people),
            DataFile::Terms => serde_json::to_string(&parts.terms),
            DataFile::Elections => serde_json::to_string(&parts.elections),
            DataFile::Nominations => serde_json::to_string(&parts.nominations),
            DataFile::Meetings => serde_json::to_string(&parts.sections),
            DataFile::Decisions => serde_json::to_string(&parts.decisions),
            DataFile::Peps => serde_json::to_string(&parts.peps),
        };
        text.unwrap()
    };
    assert_eq!(Parts::parse_with(write).as_ref(), Ok(&parts));
    let mut details = 0;
    for entry in std::fs::read_dir(format!("{dir}/peps")).unwrap() {
        let path = entry.unwrap().path();
        let number: u16 = path.file_stem().unwrap().to_str().unwrap().parse().unwrap();
        let pep = parse_details(number, &std::fs::read_to_string(&path).unwrap()).unwrap();
        let again = parse_details(number, &serde_json::to_string(&pep).unwrap());
        assert_eq!(again.as_ref(), Ok(&pep), "peps/{number}.json");
        details += 1;
    }
    assert!(details > 600, "{details} details files");
}

#[test]
fn every_kind_of_breakage_names_the_file_and_the_problem() {
    let cases: Vec<(&str, Edit, &str, &[&str])> = vec![
        (
            "truncated JSON",
            Box::new(text_edit(DataFile::Meetings, |t| {
                t[..t.len() / 2].to_owned()
            })),
            "meetings.json",
            &["not valid data", "EOF"],
        ),
        (
            "an empty file",
            Box::new(text_edit(DataFile::Terms, |_| String::new())),
            "terms.json",
            &["is empty"],
        ),
        (
            "whitespace only",
            Box::new(text_edit(DataFile::People, |_| " \n\t".into())),
            "people.json",
            &["is empty"],
        ),
        (
            "a wrong type",
            Box::new(json_edit(DataFile::Peps, |v| v[0]["number"] = json!("one"))),
            "peps.json",
            &["invalid type", "u16"],
        ),
        (
            "an object where a list belongs",
            Box::new(json_edit(DataFile::Elections, |v| *v = json!({}))),
            "elections.json",
            &["invalid type", "sequence"],
        ),
        (
            "a missing field",
            Box::new(json_edit(DataFile::Nominations, |v| {
                v[0].as_object_mut().unwrap().remove("person");
            })),
            "nominations.json",
            &["missing field `person`"],
        ),
        (
            "an unknown kind",
            Box::new(json_edit(DataFile::Meetings, |v| {
                v[0]["kind"] = json!("party")
            })),
            "meetings.json",
            &["unknown variant `party`"],
        ),
        (
            "an impossible date",
            Box::new(json_edit(DataFile::Decisions, |v| {
                v[0]["date"] = json!("2023-02-30")
            })),
            "decisions.json",
            &["out of range"],
        ),
        (
            "a date that is not one",
            Box::new(json_edit(DataFile::Terms, |v| {
                v[0]["start"] = json!("soon")
            })),
            "terms.json",
            &["invalid"],
        ),
        (
            "a dangling person",
            Box::new(json_edit(DataFile::Terms, |v| {
                v[0]["members"][0] = json!("no-one-here")
            })),
            "terms.json",
            &["unknown person \"no-one-here\""],
        ),
        (
            "a dangling section",
            Box::new(json_edit(DataFile::Decisions, |v| {
                v[0]["discussed_in"] = json!(["2099-01-01"]);
            })),
            "decisions.json",
            &["unknown section 2099-01-01"],
        ),
        (
            "a dangling PEP",
            Box::new(json_edit(DataFile::Decisions, |v| {
                v[0]["pep"] = json!(9999)
            })),
            "decisions.json",
            &["PEP 9999", "not in peps.json"],
        ),
        (
            "a decision with no basis",
            Box::new(json_edit(DataFile::Decisions, |v| {
                decision(v, "810-accepted-2025-11-03")["bases"] = json!({});
            })),
            "decisions.json",
            &["PEP 810", "has no basis"],
        ),
        (
            "an outcome without a date",
            Box::new(json_edit(DataFile::Decisions, |v| {
                let d = decision(v, "810-accepted-2025-11-03");
                d.as_object_mut().unwrap().remove("date");
            })),
            "decisions.json",
            &["missing field `date`"],
        ),
        (
            "a date basis that gives no date",
            Box::new(json_edit(DataFile::Decisions, |v| {
                decision(v, "810-accepted-2025-11-03")["date_basis"] = json!("meeting");
            })),
            "decisions.json",
            &["PEP 810", "has no date"],
        ),
        (
            "a date that is not its basis's",
            Box::new(json_edit(DataFile::Decisions, |v| {
                let d = decision(v, "810-accepted-2025-11-03");
                d["bases"]["pep_header"]["date"] = json!("2025-11-04");
            })),
            "decisions.json",
            &["PEP 810", "says 2025-11-04"],
        ),
        (
            "an id that is not <pep>-<outcome>-<date>",
            Box::new(json_edit(DataFile::Decisions, |v| {
                decision(v, "810-accepted-2025-11-03")["id"] = json!("810-accepted-soon");
            })),
            "decisions.json",
            &["PEP 810", "should have the id 810-accepted-2025-11-03"],
        ),
        (
            "a notes basis on an item about something else",
            Box::new(json_edit(DataFile::Decisions, |v| {
                decision(v, "713-rejected-2023-08-28")["bases"]["notes"]["item"] = json!(1);
            })),
            "decisions.json",
            &["PEP 713", "2023-08-28#1", "does not refer to PEP 713"],
        ),
        (
            "a notes basis on an item the section does not have",
            Box::new(json_edit(DataFile::Decisions, |v| {
                decision(v, "713-rejected-2023-08-28")["bases"]["notes"]["item"] = json!(99);
            })),
            "decisions.json",
            &[
                "decision 713-rejected-2023-08-28",
                "2023-08-28#99",
                "does not exist",
            ],
        ),
        (
            "a notes basis in a section that does not exist",
            Box::new(json_edit(DataFile::Decisions, |v| {
                decision(v, "713-rejected-2023-08-28")["bases"]["notes"]["section"] =
                    json!("2099-01-01");
            })),
            "decisions.json",
            &[
                "decision 713-rejected-2023-08-28",
                "2099-01-01#",
                "does not exist",
            ],
        ),
        (
            "two records for one outcome",
            Box::new(json_edit(DataFile::Decisions, |v| {
                // The header's and the status history's record of an outcome the notes hold.
                let mut copy = decision(v, "713-rejected-2023-08-28").clone();
                copy["id"] = json!("713-rejected-2023-09-06");
                copy["date"] = json!("2023-09-06");
                copy["date_basis"] = json!("status_history");
                copy["bases"].as_object_mut().unwrap().remove("notes");
                v.as_array_mut().unwrap().push(copy);
            })),
            "decisions.json",
            &[
                "PEP 713 has two records for one outcome",
                "Resolution header",
            ],
        ),
        (
            "a status change that is another outcome",
            Box::new(json_edit(DataFile::Decisions, |v| {
                let d = decision(v, "713-rejected-2023-08-28");
                d["bases"]["status_history"]["status"] = json!("accepted");
            })),
            "decisions.json",
            &["PEP 713", "change to Accepted"],
        ),
        (
            "an unknown decider",
            Box::new(json_edit(DataFile::Decisions, |v| {
                decision(v, "810-accepted-2025-11-03")["decided_by"] = json!("bdfl");
            })),
            "decisions.json",
            &["unknown variant `bdfl`"],
        ),
        (
            "a delegate's decision that names no delegate",
            Box::new(json_edit(DataFile::Decisions, |v| {
                let d = decision(v, "752-accepted-2026-06-29");
                d.as_object_mut().unwrap().remove("delegate");
            })),
            "decisions.json",
            &["PEP 752", "names none"],
        ),
        (
            "a delegate who is no one",
            Box::new(json_edit(DataFile::Decisions, |v| {
                let d = decision(v, "815-accepted-2026-01-28");
                d["delegate"]["person"] = json!("no-one-here");
            })),
            "decisions.json",
            &["PEP 815", "unknown person \"no-one-here\""],
        ),
        (
            "a javascript: resolution link",
            Box::new(json_edit(DataFile::Decisions, |v| {
                let d = decision(v, "810-accepted-2025-11-03");
                d["bases"]["pep_header"]["url"] = json!("javascript:alert(1)");
            })),
            "decisions.json",
            &["decision 810-accepted-2025-11-03", "not an http(s) address"],
        ),
        (
            "a duplicate id",
            Box::new(json_edit(DataFile::People, |v| {
                let first = v[0].clone();
                v.as_array_mut().unwrap().push(first);
            })),
            "people.json",
            &["used twice"],
        ),
        (
            "two items with one number in a section",
            Box::new(json_edit(DataFile::Meetings, |v| {
                let items = v[0]["items"].as_array_mut().unwrap();
                let first = items[0].clone();
                items.push(first);
            })),
            "meetings.json",
            &["has two items numbered"],
        ),
        (
            "a duplicate PEP",
            Box::new(json_edit(DataFile::Peps, |v| {
                let first = v[0].clone();
                v.as_array_mut().unwrap().push(first);
            })),
            "peps.json",
            &["used twice"],
        ),
        (
            "a period that ends before it starts",
            Box::new(json_edit(DataFile::Elections, |v| {
                v[0]["voting"]["end"] = v[0]["nomination"]["start"].clone();
            })),
            "elections.json",
            &["ends before it starts"],
        ),
        (
            "a javascript: link",
            Box::new(json_edit(DataFile::Meetings, |v| {
                v[0]["source"]["url"] = json!("javascript:alert(document.cookie)");
            })),
            "meetings.json",
            &[
                "javascript:alert(document.cookie)",
                "not an http(s) address",
            ],
        ),
        (
            "a data: link",
            Box::new(json_edit(DataFile::Nominations, |v| {
                v[0]["thread_url"] = json!("data:text/html,<script>alert(1)</script>");
            })),
            "nominations.json",
            &["not an http(s) address"],
        ),
        (
            "a runoff winner who is not a finalist",
            Box::new(json_edit(DataFile::Elections, |v| {
                star(v)["rounds"][2]["winner"] = json!("gregory-p-smith");
            })),
            "elections.json",
            &[
                "the 2026 election, seat 3",
                "\"gregory-p-smith\" is not one of the finalists",
            ],
        ),
        (
            "a runoff winner who is not elected",
            Box::new(json_edit(DataFile::Elections, |v| {
                let candidates = star(v)["candidates"].as_array_mut().unwrap();
                for c in candidates {
                    if c["person"] == "thomas-wouters" || c["person"] == "gregory-p-smith" {
                        c["elected"] = json!(c["elected"] != true);
                    }
                }
            })),
            "elections.json",
            &[
                "the 2026 election, seat 5",
                "\"thomas-wouters\" is not elected",
            ],
        ),
        (
            "a finalist who did not stand",
            Box::new(json_edit(DataFile::Elections, |v| {
                star(v)["rounds"][0]["finalists"][1]["person"] = json!("guido-van-rossum");
            })),
            "elections.json",
            &[
                "the 2026 election, seat 1",
                "\"guido-van-rossum\" is not a candidate of this election",
            ],
        ),
        (
            "three finalists",
            Box::new(json_edit(DataFile::Elections, |v| {
                let extra = star(v)["rounds"][0]["finalists"][0].clone();
                star(v)["rounds"][0]["finalists"]
                    .as_array_mut()
                    .unwrap()
                    .push(extra);
            })),
            "elections.json",
            &["not valid data", "a seat has 3 finalists, not two"],
        ),
        (
            "seats out of order",
            Box::new(json_edit(DataFile::Elections, |v| {
                star(v)["rounds"][1]["seat"] = json!(4);
            })),
            "elections.json",
            &["the 2026 election, seat 4", "round 2 of the count"],
        ),
        (
            "a seat won twice",
            Box::new(json_edit(DataFile::Elections, |v| {
                let rounds = &mut star(v)["rounds"];
                rounds[1] = rounds[0].clone();
                rounds[1]["seat"] = json!(2);
            })),
            "elections.json",
            &[
                "the 2026 election, seat 2",
                "\"pablo-galindo-salgado\" already won seat 1",
            ],
        ),
        (
            "fewer seats than elected",
            Box::new(json_edit(DataFile::Elections, |v| {
                star(v)["rounds"].as_array_mut().unwrap().pop();
            })),
            "elections.json",
            &["the 2026 election, rounds: 4 seats, but 5 candidates are elected"],
        ),
        (
            "more runoff voters than ballots",
            Box::new(json_edit(DataFile::Elections, |v| {
                star(v)["rounds"][0]["equal"] = json!(100);
            })),
            "elections.json",
            &[
                "the 2026 election, seat 1",
                "36 + 19 + 100 = 155 voters, more than the 74 ballots cast",
            ],
        ),
        (
            "a runoff won with fewer voters",
            Box::new(json_edit(DataFile::Elections, |v| {
                star(v)["rounds"][0]["finalists"][0]["preferred_by"] = json!(10);
            })),
            "elections.json",
            &["the 2026 election, seat 1", "fewer voters (10)"],
        ),
        (
            "rounds on an approval election",
            Box::new(json_edit(DataFile::Elections, |v| {
                v[0]["rounds"] = star(v)["rounds"].clone();
            })),
            "elections.json",
            &["the 2019 election, rounds: an approval election has no STAR rounds"],
        ),
        (
            "an unknown format",
            Box::new(json_edit(DataFile::Manifest, |v| v["format"] = json!(2))),
            "manifest.json",
            &["format 2"],
        ),
    ];
    for (what, edit, file, phrases) in cases {
        let error = first_problem(edit).unwrap_or_else(|| panic!("{what}: no error"));
        let message = error.to_string();
        assert_eq!(error.file(), file, "{what}: {message}");
        assert!(
            message.contains(file),
            "{what}: the message does not name {file}: {message}"
        );
        for phrase in phrases {
            assert!(
                message.contains(phrase),
                "{what}: {message:?} lacks {phrase:?}"
            );
        }
    }
}

#[test]
fn only_http_and_https_addresses_count_as_links() {
    for good in [
        "https://peps.python.org/pep-0703/",
        "http://example.org",
        "https://github.com/python/steering-council/blob/main/updates/x.md#L3",
    ] {
        assert!(is_web_url(good), "{good}");
    }
    for bad in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " https://example.org",
        "https://example.org/a b",
        "https://",
        "https:///path",
        "https://\\\\evil",
        "//example.org",
        "/council/meetings",
        "data:text/html,hi",
        "vbscript:x",
        "ftp://example.org",
        "https://exa\nmple.org",
        "",
    ] {
        assert!(!is_web_url(bad), "{bad:?}");
    }
}
