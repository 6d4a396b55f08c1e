//! Who is who: the hand-curated list `curated/people.json` and name resolution against it.
//!
//! Names are only ever resolved through that list, so a name the list does not know is an error
//! where an exact name is required (election tables, nomination notes) and simply not indexed
//! in free text. First names that meant different people at different times ("Ned", "Mark",
//! "Eric") are dated aliases: they resolve only inside their date range, and a name that still
//! fits several people on that day is left unresolved rather than guessed.
//!
//! Some aliases are *titles* ("Developer-in-Residence", "PSF Executive Director"): they name
//! the person who held the post only where they stand for that person ("met with the DiR"),
//! not where they stand for the post itself ("the DiR position", "a second Developer in
//! Residence"). A title matches whatever its case and whether its words are joined by hyphens
//! or spaces.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use council_explorer::core::model::{Person, PersonId, Role};
use serde::Deserialize;

use crate::error::{read_text, IngestError};
// A name inside a word ("Marking", "Nicked", "DiRs") is not a mention.
use crate::words::bounded as word_bounded;

/// An alias that names this person only between `from` and `to` (both included).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedAlias {
    pub alias: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// A post rather than a name: it names the person only where it stands for them.
    #[serde(default)]
    pub title: bool,
}

/// A name in a text: where it stands (byte offsets in the text with its runs of whitespace
/// joined, as `semantics::flatten` gives it) and whom it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub person: PersonId,
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
    /// The forms that are titles. A title of several words is stored folded (see `fold`) and
    /// looked for in the folded text; a one-word title ("DiR") keeps its case.
    titles: BTreeSet<String>,
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
        let mut titles = BTreeSet::new();
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
                let form = if d.title {
                    let form = title_form(&d.alias);
                    titles.insert(form.clone());
                    form
                } else {
                    d.alias.clone()
                };
                let owners = names.entry(form).or_default();
                // Spellings of one title fold to one form: keep it once.
                if !owners.contains(&(i, Some((d.from, d.to)))) {
                    owners.push((i, Some((d.from, d.to))));
                }
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
            titles,
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
        let mut seen = BTreeSet::new();
        self.mentions_at(text, date)
            .into_iter()
            .filter(|m| seen.insert(m.person.clone()))
            .map(|m| m.person)
            .collect()
    }

    /// Every name in `text` on `date` with where it stands, in text order (offsets in the text
    /// with its whitespace runs joined). A title counts only where it stands for its holder.
    pub fn mentions_at(&self, text: &str, date: NaiveDate) -> Vec<Mention> {
        let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let folded = fold(&text);
        let mut taken = vec![false; text.len()];
        let mut found: Vec<Mention> = Vec::new();
        for name in &self.by_length {
            let is_title = self.titles.contains(name);
            let hay = if is_title && name.contains(' ') {
                &folded
            } else {
                &text
            };
            let mut from = 0;
            while let Some(pos) = hay[from..].find(name.as_str()) {
                let start = from + pos;
                let end = start + name.len();
                from = end;
                if taken[start..end].iter().any(|t| *t) || !word_bounded(hay, start, end) {
                    continue;
                }
                // The span is spoken for even where it names nobody (a post nobody held yet,
                // or the post itself), so "Deputy DiR" never yields a "DiR".
                taken[start..end].iter_mut().for_each(|t| *t = true);
                if is_title && !stands_for_holder(&folded, start, end) {
                    continue;
                }
                if let Some(id) = self.on(name, date) {
                    found.push(Mention {
                        start,
                        end,
                        person: id.clone(),
                    });
                }
            }
        }
        found.sort_by_key(|m| m.start);
        found
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

/// ASCII letters lowercased and hyphens made spaces, byte for byte, so "Developer-In-Residence"
/// and "developer in residence" read alike and offsets carry over.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '-' {
                ' '
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// How a title is stored: folded when it has several words, as written when it is one word.
fn title_form(alias: &str) -> String {
    let folded = fold(alias.trim());
    if folded.contains(' ') {
        folded
    } else {
        alias.trim().to_string()
    }
}

/// Words right before a title that make it mean some holder other than the known one ("a
/// second Developer in Residence", "another developer in residence").
const OTHER_HOLDER: &[&str] = &[
    "a",
    "an",
    "another",
    "second",
    "third",
    "more",
    "any",
    "each",
    "every",
    "other",
    "future",
    "potential",
    "possible",
    "prospective",
];

/// Words right after a title that make it the post rather than its holder ("the DiR
/// position", "Developer in Residence role", "the Executive Director search").
const THE_POST: &[&str] = &[
    "position",
    "positions",
    "role",
    "roles",
    "job",
    "jobs",
    "contract",
    "contracts",
    "candidate",
    "candidates",
    "hiring",
    "hire",
    "interview",
    "interviews",
    "description",
    "time",
    "team",
    "funding",
    "search",
    "application",
    "applications",
    "applicant",
    "applicants",
    "opening",
    "post",
    "title",
    "program",
    "activity",
    "budget",
];

/// Whether the title at `start..end` of the folded text stands for its holder: not preceded
/// by a word that points at another holder, not followed by a word that makes it the post.
/// Only a word separated by a space counts: "the DiR, the PSF ED" has no word after "DiR".
fn stands_for_holder(folded: &str, start: usize, end: usize) -> bool {
    let prev = folded[..start]
        .strip_suffix(' ')
        .and_then(|before| before.rsplit(|c: char| !c.is_alphanumeric()).next())
        .unwrap_or("");
    let next = folded[end..]
        .strip_prefix(' ')
        .and_then(|after| after.split(|c: char| !c.is_alphanumeric()).next())
        .unwrap_or("");
    !OTHER_HOLDER.contains(&prev) && !THE_POST.contains(&next)
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

    fn titled() -> Registry {
        Registry::from_json(
            "people.json",
            r#"[
              {"id": "ada-example", "name": "Ada Example", "aliases": ["Ada"],
               "dated_aliases": [{"alias": "Developer-in-Residence", "from": "2021-07-01", "to": "2024-12-31", "title": true},
                                 {"alias": "DiR", "from": "2021-07-01", "to": "2024-12-31", "title": true}]},
              {"id": "bo-sample", "name": "Bo Sample",
               "dated_aliases": [{"alias": "Deputy Developer-in-Residence", "from": "2024-01-01", "to": "2024-12-31", "title": true}]}
            ]"#,
        )
        .unwrap()
    }

    // The issue: "Developer-in-Residence" resolved to its holder even where the item is about
    // the post itself.
    #[test]
    fn a_title_names_its_holder_only_where_it_stands_for_them() {
        let r = titled();
        let day = d("2022-06-01");
        for text in [
            "The council met with the Developer-in-Residence about bots.",
            "The SC and the developer in residence discussed things.",
            "The DiR, the PSF ED and the SC talked.",
            "Steering Council and Developer In Residence Meeting",
            "The SC asked the DiR to evaluate reviews.",
        ] {
            assert_eq!(r.mentions(text, day), ["ada-example"], "{text}");
        }
        for text in [
            "The PSF should fund a second Developer in Residence.",
            "Hiring another Developer-in-Residence.",
            "The future of the Developer in Residence role.",
            "Funding for the Developer-in-Residence position.",
            "Future funding for the DiR position.",
            "Wanting to hire more Developers-in-Residence.",
            "Feedback to our DiRs.",
            "The status of the Deputy DiR hiring.",
            "The position of Deputy Developer-in-Residence.",
        ] {
            assert!(r.mentions(text, day).is_empty(), "{text}");
        }
        // A title is dated like any alias: before the post existed it names nobody.
        assert!(r
            .mentions("met with the Developer-in-Residence", d("2021-01-11"))
            .is_empty());
        // A longer title keeps its span, so the deputy is never read as the holder of the
        // shorter one.
        assert_eq!(
            r.mentions(
                "The start of our new Deputy Developer in Residence.",
                d("2024-02-01")
            ),
            ["bo-sample"]
        );
        assert!(r
            .mentions(
                "Interviews for the Deputy Developer-in-Residence.",
                d("2023-09-11")
            )
            .is_empty());
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
