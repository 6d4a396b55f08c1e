//! How well the ingest reads who took part, measured against hand-checked judgements written
//! from the notes (`tests/eval/people/*.json`, every file of the folder). The set is a measure,
//! not a spec: the rules must stay general, and a judgement is only changed where the notes
//! clearly say otherwise.
//!
//! Each judgement is either `{section, item?, line?, person, role, why, name?}` (role: `guest`,
//! `mentioned`, `present`, `absent`, `not_involved`; no item for a section-level judgement) or
//! `{section, item, line, kind, why}` (kind: `attendance`, `conduct`, `other`). `item`/`line`
//! are an item's `n` and `line` in `data/meetings.json`; a judgement that points at nothing
//! fails the test, since it means the numbering changed.
//!
//! The test builds the data set from the sources, prints every figure and every miss, and
//! fails below: guests P ≥ 0.98, R ≥ 0.95; people per item P ≥ 0.98, R ≥ 0.95; item kinds
//! `attendance` and `conduct` P = 1.0. `PEOPLE_EVAL_MEETINGS=<meetings.json>` scores that file
//! instead of a fresh build (to measure an older data set) and only prints.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use council_explorer::core::dataset::{self, DataFile};
use council_explorer::core::model::{ItemKind, Person, Section};
use ingest::{build, Inputs};
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Role {
    Guest,
    Mentioned,
    Present,
    Absent,
    NotInvolved,
}

impl Role {
    /// Whether the item names the person in any way (so its `people` should hold them).
    fn named(self) -> bool {
        self != Role::NotInvolved
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Attendance,
    Conduct,
    Other,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Judgement {
    section: String,
    #[serde(default)]
    item: Option<u16>,
    #[serde(default)]
    line: Option<u32>,
    #[serde(default)]
    person: Option<String>,
    #[serde(default)]
    role: Option<Role>,
    #[serde(default)]
    kind: Option<Kind>,
    #[allow(dead_code)]
    why: String,
    /// The person's name, for someone `curated/people.json` did not list when it was written.
    #[serde(default)]
    name: Option<String>,
}

/// A judgement and where it is written, for messages.
struct Entry {
    at: String,
    j: Judgement,
}

fn read_set(dir: &Path) -> Vec<Entry> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for path in names {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let list: Vec<Judgement> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("tests/eval/people/{file}: {e}"));
        for (k, j) in list.into_iter().enumerate() {
            out.push(Entry {
                at: format!("{file} #{}", k + 1),
                j,
            });
        }
    }
    out
}

/// True and false positives and negatives, with the pairs that were missed.
#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
    misses: Vec<String>,
}

impl Score {
    fn add(&mut self, truth: bool, predicted: bool, what: impl FnOnce() -> String) {
        match (truth, predicted) {
            (true, true) => self.tp += 1,
            (false, false) => self.tn += 1,
            (false, true) => {
                self.fp += 1;
                self.misses.push(format!("  extra:   {}", what()));
            }
            (true, false) => {
                self.fn_ += 1;
                self.misses.push(format!("  missed:  {}", what()));
            }
        }
    }

    /// Precision; 1.0 when nothing was predicted (nothing wrong was claimed).
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }

    /// Recall; 1.0 when the set has no positives.
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:.3}  R {:.3}  (tp {}, fp {}, fn {}, tn {})",
            self.precision(),
            self.recall(),
            self.tp,
            self.fp,
            self.fn_,
            self.tn
        )
    }
}

/// Everything the test measures.
struct Figures {
    judgements: usize,
    guests: Score,
    people: Score,
    present: Score,
    absent: Score,
    attendance_kind: Score,
    conduct_kind: Score,
    /// Judgements that point at nothing, or people the people list lacks.
    broken: Vec<String>,
}

fn evaluate(set: &[Entry], sections: &[Section], people: Option<&[Person]>) -> Figures {
    let by_id: BTreeMap<&str, &Section> = sections.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut broken = Vec::new();
    // (section, person) → roles judged anywhere in the section.
    let mut pair_roles: BTreeMap<(String, String), BTreeSet<Role>> = BTreeMap::new();
    // (section, item, person) → roles judged on that item.
    let mut item_roles: BTreeMap<(String, u16, String), BTreeSet<Role>> = BTreeMap::new();
    // (section, person) → section-level present/absent.
    let mut attendance: BTreeMap<(String, String), BTreeSet<Role>> = BTreeMap::new();
    let mut kinds: BTreeMap<(String, u16), Kind> = BTreeMap::new();
    for Entry { at, j } in set {
        let Some(section) = by_id.get(j.section.as_str()) else {
            broken.push(format!("{at}: no section {:?}", j.section));
            continue;
        };
        let item = match (j.item, j.line) {
            (Some(n), Some(line)) => match section.items.iter().find(|i| i.n == n) {
                Some(i) if i.line == line => Some(n),
                Some(i) => {
                    broken.push(format!(
                        "{at}: {}#{n} is at line {}, not {line}",
                        j.section, i.line
                    ));
                    continue;
                }
                None => {
                    broken.push(format!("{at}: {} has no item {n}", j.section));
                    continue;
                }
            },
            (None, None) => None,
            _ => {
                broken.push(format!("{at}: give both item and line, or neither"));
                continue;
            }
        };
        match (&j.person, j.role, j.kind) {
            (Some(person), Some(role), None) => {
                if let Some(people) = people {
                    match people.iter().find(|p| &p.id == person) {
                        None => broken.push(format!(
                            "{at}: {person:?} is not in curated/people.json{}",
                            j.name
                                .as_ref()
                                .map(|n| format!(" (add {n:?})"))
                                .unwrap_or_default()
                        )),
                        Some(p) => {
                            if let Some(name) = &j.name {
                                if p.name != *name && !p.aliases.contains(name) {
                                    broken.push(format!(
                                        "{at}: {person:?} is {:?} in the people list, not {name:?}",
                                        p.name
                                    ));
                                }
                            }
                        }
                    }
                }
                let pair = (j.section.clone(), person.clone());
                pair_roles.entry(pair.clone()).or_default().insert(role);
                match item {
                    Some(n) => {
                        item_roles
                            .entry((j.section.clone(), n, person.clone()))
                            .or_default()
                            .insert(role);
                    }
                    None if matches!(role, Role::Present | Role::Absent) => {
                        attendance.entry(pair).or_default().insert(role);
                    }
                    None => {}
                }
            }
            (None, None, Some(kind)) => match item {
                Some(n) => {
                    if kinds
                        .insert((j.section.clone(), n), kind)
                        .is_some_and(|k| k != kind)
                    {
                        broken.push(format!("{at}: {}#{n} is judged two kinds", j.section));
                    }
                }
                None => broken.push(format!("{at}: a kind needs an item")),
            },
            _ => broken.push(format!(
                "{at}: a judgement has a person and a role, or a kind"
            )),
        }
    }

    let mut guests = Score::default();
    for ((section, person), roles) in &pair_roles {
        let predicted = by_id[section.as_str()]
            .guests
            .iter()
            .any(|g| &g.person == person);
        guests.add(roles.contains(&Role::Guest), predicted, || {
            format!("{section} guest {person}")
        });
    }

    let mut people_score = Score::default();
    for ((section, n, person), roles) in &item_roles {
        let item = by_id[section.as_str()]
            .items
            .iter()
            .find(|i| i.n == *n)
            .expect("checked above");
        let truth = roles.iter().any(|r| r.named());
        if truth && roles.contains(&Role::NotInvolved) {
            broken.push(format!(
                "{section}#{n} {person}: judged both named and not involved"
            ));
        }
        people_score.add(truth, item.people.contains(person), || {
            format!("{section}#{n} names {person} ({roles:?})")
        });
    }

    let mut present = Score::default();
    let mut absent = Score::default();
    for ((section, person), roles) in &attendance {
        if roles.len() > 1 {
            broken.push(format!("{section} {person}: judged present and absent"));
            continue;
        }
        let s = by_id[section.as_str()];
        let truth_present = roles.contains(&Role::Present);
        present.add(truth_present, s.attendance.present.contains(person), || {
            format!("{section} present {person}")
        });
        absent.add(!truth_present, s.attendance.absent.contains(person), || {
            format!("{section} absent {person}")
        });
    }

    let mut attendance_kind = Score::default();
    let mut conduct_kind = Score::default();
    for ((section, n), truth) in &kinds {
        let item = by_id[section.as_str()]
            .items
            .iter()
            .find(|i| i.n == *n)
            .expect("checked above");
        let what = || format!("{section}#{n} is {truth:?}, built {}", item.kind.as_str());
        attendance_kind.add(
            *truth == Kind::Attendance,
            item.kind == ItemKind::Attendance,
            what,
        );
        conduct_kind.add(
            *truth == Kind::Conduct,
            item.kind == ItemKind::Conduct,
            what,
        );
    }

    Figures {
        judgements: set.len(),
        guests,
        people: people_score,
        present,
        absent,
        attendance_kind,
        conduct_kind,
        broken,
    }
}

fn report(f: &Figures) -> String {
    let mut out = format!("people evaluation: {} judgements\n", f.judgements);
    for (name, s) in [
        ("guests (section, person)", &f.guests),
        ("people per item", &f.people),
        ("attendance: present", &f.present),
        ("attendance: absent", &f.absent),
        ("item kind attendance", &f.attendance_kind),
        ("item kind conduct", &f.conduct_kind),
    ] {
        out.push_str(&format!("{name:<26} {s}\n"));
        for m in &s.misses {
            out.push_str(m);
            out.push('\n');
        }
    }
    for b in &f.broken {
        out.push_str(&format!("broken: {b}\n"));
    }
    out
}

#[test]
fn people_guests_attendance_and_kinds_hold_up_against_the_notes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let set = read_set(&root.join("ingest/tests/eval/people"));
    if let Ok(path) = std::env::var("PEOPLE_EVAL_MEETINGS") {
        let text = std::fs::read_to_string(&path).unwrap();
        let sections: Vec<Section> = dataset::parse(DataFile::Meetings, &text).unwrap();
        print!("{}", report(&evaluate(&set, &sections, None)));
        return;
    }
    let inputs = Inputs::defaults(&root);
    if !inputs.peps.exists() {
        println!(
            "note: {} not found, skipping the people evaluation",
            inputs.peps.display()
        );
        return;
    }
    assert!(!set.is_empty(), "tests/eval/people holds no judgements");
    let (output, _) = build(&inputs).unwrap_or_else(|e| panic!("the ingest failed: {e}"));
    let figures = evaluate(&set, &output.sections, Some(&output.people));
    let text = report(&figures);
    print!("{text}");
    let mut failures = Vec::new();
    if !figures.broken.is_empty() {
        failures.push(format!("{} broken judgements", figures.broken.len()));
    }
    for (name, s, p, r) in [
        ("guests", &figures.guests, 0.98, 0.95),
        ("people per item", &figures.people, 0.98, 0.95),
        ("kind attendance", &figures.attendance_kind, 1.0, 0.0),
        ("kind conduct", &figures.conduct_kind, 1.0, 0.0),
    ] {
        if s.precision() < p || s.recall() < r {
            failures.push(format!(
                "{name}: P {:.3} (needs {p}), R {:.3} (needs {r})",
                s.precision(),
                s.recall()
            ));
        }
    }
    assert!(failures.is_empty(), "{}\n{text}", failures.join("; "));
}
