//! Who is who: the hand-curated list `curated/people.json` and name resolution against it.
//!
//! Names are only ever resolved through that list, so a name the list does not know is an error
//! where an exact name is required (election tables, nomination notes) and simply not indexed
//! in free text. First names that meant different people at different times ("Ned", "Mark",
//! "Eric") are dated aliases: they resolve only inside their date range, and a name that still
//! fits several people on that day is left unresolved rather than guessed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use council_explorer::core::model::{Person, PersonId, Role};
use serde::Deserialize;

use crate::error::{read_text, IngestError};

/// An alias that names this person only between `from` and `to` (both included).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedAlias {
    pub alias: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// One entry of `curated/people.json`: facts only (names, roles, a few-word description).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedPerson {
    pub id: PersonId,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub dated_aliases: Vec<DatedAlias>,
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub note: Option<String>,
}

/// The people a name form can mean: index into the list and, for dated aliases, when.
type Owners = Vec<(usize, Option<(NaiveDate, NaiveDate)>)>;

/// The people list, indexed for lookups by name.
#[derive(Debug, Clone)]
pub struct Registry {
    people: Vec<CuratedPerson>,
    /// Every name form → the people it can mean and, for dated aliases, when.
    names: BTreeMap<String, Owners>,
    /// Name forms, longest first, so "Mark Shannon" is matched before "Mark".
    by_length: Vec<String>,
}

impl Registry {
    pub fn load(path: &Path, shown_as: &str) -> Result<Registry, IngestError> {
        let text = read_text(path)?;
        Registry::from_json(shown_as, &text)
    }

    pub fn from_json(file: &str, text: &str) -> Result<Registry, IngestError> {
        let people: Vec<CuratedPerson> = serde_json::from_str(text).map_err(|e| {
            IngestError::at(file, e.line() as u32, format!("not a list of people: {e}"))
        })?;
        Registry::new(file, people)
    }

    pub fn new(file: &str, people: Vec<CuratedPerson>) -> Result<Registry, IngestError> {
        let mut names: BTreeMap<String, Owners> = BTreeMap::new();
        let mut ids = BTreeSet::new();
        for (i, p) in people.iter().enumerate() {
            if !is_slug(&p.id) {
                return Err(IngestError::at(
                    file,
                    0,
                    format!("id {:?} is not a lowercase slug", p.id),
                ));
            }
            if !ids.insert(p.id.clone()) {
                return Err(IngestError::at(
                    file,
                    0,
                    format!("id {:?} appears twice", p.id),
                ));
            }
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                names.entry(n.clone()).or_default().push((i, None));
            }
            for d in &p.dated_aliases {
                names
                    .entry(d.alias.clone())
                    .or_default()
                    .push((i, Some((d.from, d.to))));
            }
        }
        // An undated name shared by two people could never be resolved: say so now.
        for (name, owners) in &names {
            let undated = owners.iter().filter(|(_, range)| range.is_none()).count();
            if undated > 1 {
                return Err(IngestError::at(
                    file,
                    0,
                    format!("{name:?} is an undated name of several people"),
                ));
            }
        }
        let mut by_length: Vec<String> = names.keys().cloned().collect();
        by_length.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        Ok(Registry {
            people,
            names,
            by_length,
        })
    }

    pub fn people(&self) -> &[CuratedPerson] {
        &self.people
    }

    pub fn get(&self, id: &str) -> Option<&CuratedPerson> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The person a full name or undated alias names, whatever the date.
    pub fn exact(&self, name: &str) -> Option<&PersonId> {
        let owners = self.names.get(name.trim())?;
        let mut undated = owners.iter().filter(|(_, range)| range.is_none());
        undated.next().map(|(i, _)| &self.people[*i].id)
    }

    /// The person `name` meant on `date`, if exactly one fits.
    pub fn on(&self, name: &str, date: NaiveDate) -> Option<&PersonId> {
        let owners = self.names.get(name)?;
        let fitting: BTreeSet<usize> = owners
            .iter()
            .filter(|(_, range)| range.is_none_or(|(from, to)| from <= date && date <= to))
            .map(|(i, _)| *i)
            .collect();
        match fitting.len() {
            1 => fitting.first().map(|i| &self.people[*i].id),
            _ => None,
        }
    }

    /// The people named in `text` on `date`, in order of first mention. Whole words only, and a
    /// span matched by a longer name is not matched again by a shorter one.
    pub fn mentions(&self, text: &str, date: NaiveDate) -> Vec<PersonId> {
        let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut taken = vec![false; text.len()];
        let mut found: Vec<(usize, PersonId)> = Vec::new();
        for name in &self.by_length {
            let mut from = 0;
            while let Some(pos) = text[from..].find(name.as_str()) {
                let start = from + pos;
                let end = start + name.len();
                from = end;
                if taken[start..end].iter().any(|t| *t) || !word_bounded(&text, start, end) {
                    continue;
                }
                taken[start..end].iter_mut().for_each(|t| *t = true);
                if let Some(id) = self.on(name, date) {
                    found.push((start, id.clone()));
                }
            }
        }
        found.sort();
        let mut seen = BTreeSet::new();
        found
            .into_iter()
            .filter(|(_, id)| seen.insert(id.clone()))
            .map(|(_, id)| id)
            .collect()
    }

    /// `data/people.json`: the curated entries with the roles the elections add, sorted by id.
    pub fn to_people(&self, derived: &BTreeMap<PersonId, BTreeSet<Role>>) -> Vec<Person> {
        let mut out: Vec<Person> = self
            .people
            .iter()
            .map(|p| {
                let mut roles: BTreeSet<Role> = p.roles.iter().copied().collect();
                roles.extend(derived.get(&p.id).into_iter().flatten().copied());
                let mut aliases: Vec<String> = p.aliases.clone();
                for d in &p.dated_aliases {
                    if !aliases.contains(&d.alias) {
                        aliases.push(d.alias.clone());
                    }
                }
                Person {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    aliases,
                    roles: roles.into_iter().collect(),
                    note: p.note.clone(),
                }
            })
            .collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }
}

/// A name inside a word ("Marking", "Nicked") is not a mention.
fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The app's own slug rule, so an id the ingest accepts is one the app accepts.
pub use council_explorer::core::dataset::is_slug;

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn registry() -> Registry {
        Registry::from_json(
            "people.json",
            r#"[
              {"id": "ned-batchelder", "name": "Ned Batchelder", "aliases": ["Ned B."],
               "dated_aliases": [{"alias": "Ned", "from": "2020-01-01", "to": "2020-12-31"}]},
              {"id": "ned-deily", "name": "Ned Deily",
               "dated_aliases": [{"alias": "Ned", "from": "2022-01-01", "to": "2022-12-31"}]},
              {"id": "mark-shannon", "name": "Mark Shannon"},
              {"id": "mark-dickinson", "name": "Mark Dickinson"}
            ]"#,
        )
        .unwrap()
    }

    #[test]
    fn first_names_resolve_by_date() {
        let r = registry();
        assert_eq!(
            r.mentions("Carol and Ned met", d("2020-11-02")),
            vec!["ned-batchelder"]
        );
        assert_eq!(
            r.mentions("asked Ned and Steve", d("2022-08-08")),
            vec!["ned-deily"]
        );
        assert!(r.mentions("Ned again", d("2024-01-01")).is_empty());
    }

    #[test]
    fn longer_names_win_and_words_are_whole() {
        let r = registry();
        assert_eq!(
            r.mentions(
                "Mark Dickinson and Mark\n Shannon; Marking",
                d("2022-02-01")
            ),
            vec!["mark-dickinson", "mark-shannon"]
        );
    }
}
