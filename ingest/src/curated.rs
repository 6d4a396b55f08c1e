//! The hand-written files of `curated/` that sit on top of the parsed notes: the checked list
//! of council outcomes (`outcomes.json`), the own-words summaries (`summaries/<year>.json`),
//! and the few calls on who took part that the rules cannot make (`participants.json`).
//!
//! Both are keyed by what the parser produces (section ids, item numbers, lines); a key that
//! points at nothing is an error, so a change in the splitter or the sources cannot silently
//! detach them. A missing summary is not an error: it is counted in the report.

use std::collections::BTreeMap;
use std::path::Path;

use council_explorer::core::model::{Decider, Item, OutcomeKind, PersonId};
use serde::Deserialize;

use crate::error::{read_text, IngestError};

/// One recorded outcome: the section, a line inside the item that records it, the PEP, the
/// result, and who decided. Facts only.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeEntry {
    pub section: String,
    /// Any line of the item (its first line, or the nested bullet that says it).
    pub line: u32,
    pub pep: u16,
    pub outcome: OutcomeKind,
    /// `delegate` where the notes report the decision of the delegate the PEP's header names
    /// (570, 590); the council's own notes otherwise record the council's decisions.
    #[serde(default)]
    pub by: Decider,
}

impl OutcomeEntry {
    /// The item this entry lands on: the last one that starts at or before its line.
    pub fn item_in<'s>(&self, items: &'s [Item]) -> Option<&'s Item> {
        items.iter().rev().find(|i| i.line <= self.line)
    }
}

pub fn read_outcomes(path: &Path, shown_as: &str) -> Result<Vec<OutcomeEntry>, IngestError> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    serde_json::from_str(&read_text(path)?).map_err(|e| {
        IngestError::at(
            shown_as,
            e.line() as u32,
            format!("expected a list of {{section, line, pep, outcome, by?}}: {e}"),
        )
    })
}

/// What a curated entry says about a person in one item, where the rules cannot tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// The council met them in this item (so they are a guest unless a member).
    Guest,
    /// The rules read a meeting into this item, but the council did not meet them here.
    NotGuest,
    /// The item names them though no name form matches.
    Named,
    /// A name form matches, but the item does not mean them.
    NotNamed,
}

/// One call on who took part: the section, a line of the item, the person, what the item says
/// of them, and a one-line reason.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantEntry {
    pub section: String,
    /// Any line of the item (its first line, or the nested line that says it).
    pub line: u32,
    pub person: PersonId,
    pub part: Part,
    pub reason: String,
}

pub fn read_participants(
    path: &Path,
    shown_as: &str,
) -> Result<Vec<ParticipantEntry>, IngestError> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    let entries: Vec<ParticipantEntry> = serde_json::from_str(&read_text(path)?).map_err(|e| {
        IngestError::at(
            shown_as,
            e.line() as u32,
            format!("expected a list of {{section, line, person, part, reason}}: {e}"),
        )
    })?;
    for (k, e) in entries.iter().enumerate() {
        if e.reason.trim().is_empty() || e.reason.contains('\n') {
            return Err(IngestError::at(
                shown_as,
                k as u32 + 2,
                format!("entry {}: the reason must be one line", k + 1),
            ));
        }
    }
    Ok(entries)
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SummaryFile {
    #[serde(default)]
    gists: BTreeMap<String, String>,
    #[serde(default)]
    items: BTreeMap<String, String>,
}

/// Every summary by key, with the file it came from (for errors).
#[derive(Debug, Clone, Default)]
pub struct Summaries {
    /// Section id → one-line gist.
    pub gists: BTreeMap<String, Summary>,
    /// `<section id>#<n>` → one or two sentences.
    pub items: BTreeMap<String, Summary>,
}

/// A summary and where it is written (for errors).
#[derive(Debug, Clone)]
pub struct Summary {
    pub text: String,
    pub file: String,
    pub line: u32,
}

/// Reads `summaries/*.json` in name order. The same key in two files is an error.
pub fn read_summaries(dir: &Path, shown_as: &str) -> Result<Summaries, IngestError> {
    let mut out = Summaries::default();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(out);
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    for name in names {
        let file = format!("{shown_as}/{name}");
        let raw = read_text(&dir.join(&name))?;
        let parsed: SummaryFile = serde_json::from_str(&raw).map_err(|e| {
            IngestError::at(
                &file,
                e.line() as u32,
                format!("expected {{\"gists\": {{…}}, \"items\": {{…}}}}: {e}"),
            )
        })?;
        for (map, target) in [
            (parsed.gists, &mut out.gists),
            (parsed.items, &mut out.items),
        ] {
            for (key, text) in map {
                let quoted = format!("\"{key}\"");
                let line = raw
                    .lines()
                    .position(|l| l.contains(&quoted))
                    .map_or(0, |i| i as u32 + 1);
                if let Some(other) = target.get(&key) {
                    return Err(IngestError::at(
                        &file,
                        line,
                        format!("key {key:?} is also in {}", other.file),
                    ));
                }
                target.insert(
                    key,
                    Summary {
                        text,
                        file: file.clone(),
                        line,
                    },
                );
            }
        }
    }
    Ok(out)
}
