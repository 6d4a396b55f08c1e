//! Nominations: one per nominee per term, from the election PEPs, with what the nomination
//! notes (`nominations/<term>-<slug>.txt`) know about the thread's first post, and the platform
//! points of `curated/platforms.json`.
//!
//! The notes' header says who wrote the first post in a few free forms ("self", "nominator
//! (X)", "nominators (X, Y listed)", "posted by …, nominated by X"); nominators are taken as
//! the people of `curated/people.json` named where the header speaks of nominating, so a name
//! the list does not know is never invented. Their paraphrase body is not read: it is a third
//! party's wording, not ours.

use std::collections::BTreeMap;
use std::path::Path;

use council_explorer::core::model::{FirstPostBy, Nomination};

use crate::elections::ParsedElection;
use crate::error::{read_text, IngestError};
use crate::people::Registry;

/// The header of one nomination notes file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NominationNote {
    /// File stem, the key `curated/platforms.json` uses (`2019-alyssa-nick-coghlan`).
    pub stem: String,
    pub file: String,
    pub term: u16,
    pub candidate: String,
    pub url: String,
    /// `first_post_by` and its line, when the thread's first post was found.
    pub first_post_by: Option<(String, u32)>,
}

pub fn parse_note(stem: &str, file: &str, text: &str) -> Result<NominationNote, IngestError> {
    let mut fields: BTreeMap<&str, (&str, u32)> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            break;
        }
        let Some((k, v)) = line.split_once(": ") else {
            return Err(IngestError::at(
                file,
                i as u32 + 1,
                format!("not a `key: value` line: {line:?}"),
            ));
        };
        fields.insert(k, (v.trim(), i as u32 + 1));
    }
    let need = |k: &str| {
        fields
            .get(k)
            .copied()
            .ok_or_else(|| IngestError::at(file, 1, format!("no `{k}:` line")))
    };
    let (term, term_line) = need("term")?;
    Ok(NominationNote {
        stem: stem.to_string(),
        file: file.to_string(),
        term: term
            .parse()
            .map_err(|_| IngestError::at(file, term_line, format!("bad term {term:?}")))?,
        candidate: need("candidate")?.0.to_string(),
        url: need("url")?.0.to_string(),
        first_post_by: fields
            .get("first_post_by")
            .map(|(v, l)| (v.to_string(), *l)),
    })
}

/// Reads every `<term>-<slug>.txt` of the folder, in file-name order.
pub fn read_notes(dir: &Path) -> Result<Vec<NominationNote>, IngestError> {
    let entries = std::fs::read_dir(dir).map_err(|e| IngestError::io(dir, e))?;
    let mut names = Vec::new();
    for entry in entries {
        let name = entry
            .map_err(|e| IngestError::io(dir, e))?
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".txt") && name.starts_with("20") {
            names.push(name);
        }
    }
    names.sort();
    names
        .iter()
        .map(|name| {
            let stem = name.trim_end_matches(".txt");
            parse_note(
                stem,
                &format!("nominations/{name}"),
                &read_text(&dir.join(name))?,
            )
        })
        .collect()
}

/// Who wrote the first post, and the nominators the header names.
pub fn parse_first_post(
    value: &str,
    people: &Registry,
    date: chrono::NaiveDate,
) -> Result<(FirstPostBy, Vec<String>), String> {
    let by = if value.starts_with("self") || value.starts_with("posted by") {
        FirstPostBy::Candidate
    } else if value.starts_with("nominator") || value.starts_with("PARTIAL") {
        FirstPostBy::Nominator
    } else {
        return Err(format!("unknown first_post_by form {value:?}"));
    };
    // A candidate who posted may still name nominators ("also nominated by", "nominated by");
    // those who only "encouraged" them did not nominate.
    let region = match by {
        FirstPostBy::Candidate => value.split_once("nominated by ").map_or("", |(_, r)| r),
        FirstPostBy::Nominator => value,
    };
    let names = people
        .mentions(region, date)
        .iter()
        .filter_map(|id| people.get(id))
        .map(|p| p.name.clone())
        .collect::<Vec<_>>();
    if by == FirstPostBy::Nominator && names.is_empty() {
        return Err(format!(
            "no known nominator in {value:?} (add them to curated/people.json)"
        ));
    }
    Ok((by, names))
}

/// Platforms keyed by nominations file stem; a missing file means no platforms at all.
pub fn read_platforms(
    path: &Path,
    shown_as: &str,
) -> Result<BTreeMap<String, Vec<String>>, IngestError> {
    if !path.exists() {
        return Ok(BTreeMap::new());
    }
    let text = read_text(path)?;
    serde_json::from_str(&text).map_err(|e| {
        IngestError::at(
            shown_as,
            e.line() as u32,
            format!("expected {{\"<file stem>\": [\"point\", …]}}: {e}"),
        )
    })
}

/// One nomination per nominee, sorted by term then person. Every notes file must belong to a
/// nominee (same term, same person, same thread), and every platform key to a notes file.
pub fn nominations(
    elections: &[ParsedElection],
    notes: &[NominationNote],
    platforms: &BTreeMap<String, Vec<String>>,
    people: &Registry,
) -> Result<Vec<Nomination>, IngestError> {
    let mut out: Vec<Nomination> = Vec::new();
    for e in elections {
        for n in &e.nominees {
            out.push(Nomination {
                id: format!("{}-{}", e.election.term, n.person),
                term: e.election.term,
                person: n.person.clone(),
                thread_url: n.thread_url.clone(),
                first_post_by: None,
                nominators: Vec::new(),
                platform: Vec::new(),
                withdrawn: n.withdrawal_url.is_some(),
            });
        }
    }
    let mut by_stem: BTreeMap<&str, usize> = BTreeMap::new();
    for note in notes {
        let person = people.exact(&note.candidate).ok_or_else(|| {
            IngestError::at(
                &note.file,
                1,
                format!(
                    "unknown name {:?} (add it to curated/people.json)",
                    note.candidate
                ),
            )
        })?;
        let i = out
            .iter()
            .position(|n| n.term == note.term && &n.person == person)
            .ok_or_else(|| {
                IngestError::at(
                    &note.file,
                    1,
                    format!("{} was not a nominee for {}", note.candidate, note.term),
                )
            })?;
        if out[i].thread_url != note.url {
            return Err(IngestError::at(
                &note.file,
                1,
                format!(
                    "thread {} differs from the election PEP's {}",
                    note.url, out[i].thread_url
                ),
            ));
        }
        if let Some((value, line)) = &note.first_post_by {
            let date = elections
                .iter()
                .find(|e| e.election.term == note.term)
                .map(|e| e.election.nomination.start)
                .unwrap_or_default();
            let (by, names) = parse_first_post(value, people, date)
                .map_err(|m| IngestError::at(&note.file, *line, m))?;
            out[i].first_post_by = Some(by);
            out[i].nominators = names;
        }
        by_stem.insert(&note.stem, i);
    }
    for (stem, points) in platforms {
        let i = by_stem.get(stem.as_str()).ok_or_else(|| {
            IngestError::at(
                "curated/platforms.json",
                0,
                format!("key {stem:?} is not a nominations file stem"),
            )
        })?;
        out[*i].platform = points.clone();
    }
    out.sort_by(|a, b| a.term.cmp(&b.term).then(a.person.cmp(&b.person)));
    Ok(out)
}
