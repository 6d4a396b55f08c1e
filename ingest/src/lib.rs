//! The ingest tool: reads the public sources (python/steering-council's notes, python/peps, the
//! nomination notes) and the hand-curated files of `curated/`, and builds the data set of
//! `data/` in the format of `council_explorer::core::model`.
//!
//! `build` does all of it in memory and returns the records with a coverage report; writing is
//! separate, so the up-to-date test can compare a fresh build with `data/` without touching it.

pub mod curated;
pub mod decisions;
pub mod elections;
pub mod error;
pub mod guests;
pub mod meetings;
pub mod nominations;
pub mod notes;
pub mod people;
pub mod peps;
pub mod report;
pub mod semantics;
pub mod words;
pub mod write;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use council_explorer::core::model::{Election, Manifest, PersonId, Role, Upstream};

pub use error::IngestError;

/// The commits the bundled sources were taken from (SOURCES.md); a git checkout passed on the
/// command line reports its own HEAD instead.
pub const COUNCIL_COMMIT: &str = "62dc258189e7ccd0a227f7a38d930fc85956fff1";
pub const PEPS_COMMIT: &str = "ba4deeb7969588d937da609008d05bb83a47b1ab";

/// Where to read from.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// A python/steering-council checkout (or a folder holding its `updates/`).
    pub council: PathBuf,
    /// A python/peps checkout (or a folder holding the `pep-NNNN.rst` files).
    pub peps: PathBuf,
    /// The nomination notes folder.
    pub nominations: PathBuf,
    /// The project's `curated/` folder.
    pub curated: PathBuf,
}

impl Inputs {
    /// The bundled sources next to the repository, as the project is laid out.
    pub fn defaults(repo_root: &Path) -> Inputs {
        let sources = repo_root.join("../shared/sources");
        Inputs {
            council: sources.join("steering-council"),
            peps: sources.join("peps"),
            nominations: sources.join("nominations"),
            curated: repo_root.join("curated"),
        }
    }

    /// The folder holding the PEP files: `peps/` in a checkout of python/peps, else the path.
    pub fn pep_dir(&self) -> PathBuf {
        let nested = self.peps.join("peps");
        if nested.join("pep-0001.rst").exists() {
            nested
        } else {
            self.peps.clone()
        }
    }

    /// The folder holding the notes: `updates/` of a checkout.
    pub fn updates_dir(&self) -> PathBuf {
        self.council.join("updates")
    }
}

/// The whole data set, ready to be written: the app's own `Parts`, so both sides read and check
/// one type.
pub type Output = council_explorer::core::dataset::Parts;

/// The HEAD of a git checkout, or `pinned` for a plain folder (the bundled sources).
fn commit_of(path: &Path, pinned: &str) -> String {
    if !path.join(".git").exists() {
        return pinned.to_string();
    }
    std::process::Command::new("git")
        .arg("-C")
        .arg(path)
        .args(["rev-parse", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| pinned.to_string())
}

/// Builds everything in memory.
pub fn build(inputs: &Inputs) -> Result<(Output, report::Report), IngestError> {
    let raw = notes::read_notes(&inputs.updates_dir())?;
    build_with_sections(inputs, raw)
}

/// Builds everything in memory from already split notes.
pub fn build_with_sections(
    inputs: &Inputs,
    raw_sections: Vec<meetings::RawSectionIn>,
) -> Result<(Output, report::Report), IngestError> {
    let registry =
        people::Registry::load(&inputs.curated.join("people.json"), "curated/people.json")?;

    let pep_dir = inputs.pep_dir();
    let mut peps = peps::read_peps(&pep_dir)?;
    let history_path = [
        pep_dir.join("status-history.tsv"),
        inputs.peps.join("status-history.tsv"),
    ]
    .into_iter()
    .find(|p| p.exists());
    let mut unattached_history = 0;
    if let Some(path) = &history_path {
        let history = peps::parse_history("peps/status-history.tsv", &error::read_text(path)?)?;
        unattached_history = peps::attach_history(&mut peps, history);
    }

    let parsed = elections::read_elections(&pep_dir, &registry)?;
    let terms = elections::terms(&parsed);
    let notes = nominations::read_notes(&inputs.nominations)?;
    let platforms = nominations::read_platforms(
        &inputs.curated.join("platforms.json"),
        "curated/platforms.json",
    )?;
    let nominations = nominations::nominations(&parsed, &notes, &platforms, &registry)?;

    // Roles the elections establish; the curated list adds the others (staff, guests).
    let mut derived: BTreeMap<PersonId, BTreeSet<Role>> = BTreeMap::new();
    for n in &nominations {
        derived
            .entry(n.person.clone())
            .or_default()
            .insert(Role::Nominee);
    }
    for t in &terms {
        for m in &t.members {
            derived
                .entry(m.clone())
                .or_default()
                .insert(Role::CouncilMember);
        }
    }
    let people = registry.to_people(&derived);

    let index = semantics::PepIndex {
        titles: peps.iter().map(|p| (p.number, p.title.clone())).collect(),
    };
    let outcomes = curated::read_outcomes(
        &inputs.curated.join("outcomes.json"),
        "curated/outcomes.json",
    )?;
    let participants = curated::read_participants(
        &inputs.curated.join("participants.json"),
        "curated/participants.json",
    )?;
    let summaries =
        curated::read_summaries(&inputs.curated.join("summaries"), "curated/summaries")?;
    let mut notices = meetings::Notices::default();
    let meetings = meetings::sections(
        &raw_sections,
        &terms,
        &registry,
        &index,
        meetings::Curated {
            outcomes: &outcomes,
            participants: &participants,
            summaries: &summaries,
        },
        &mut notices,
    )?;
    let standing = decisions::StandingDelegations::read(&inputs.council)?;
    let start = terms
        .iter()
        .map(|t| t.start)
        .min()
        .ok_or_else(|| IngestError::other("no council term, so no decision can be dated"))?;
    let decisions = decisions::decisions(&decisions::Inputs {
        sections: &meetings,
        outcomes: &outcomes,
        peps: &peps,
        people: &registry,
        standing: &standing,
        start,
    })?;

    let manifest = Manifest {
        format: 1,
        upstreams: vec![
            Upstream {
                name: "python/steering-council".into(),
                url: "https://github.com/python/steering-council".into(),
                commit: commit_of(&inputs.council, COUNCIL_COMMIT),
            },
            Upstream {
                name: "python/peps".into(),
                url: "https://github.com/python/peps".into(),
                commit: commit_of(&inputs.peps, PEPS_COMMIT),
            },
        ],
    };
    let elections: Vec<Election> = parsed.into_iter().map(|p| p.election).collect();
    let out = Output {
        manifest,
        people,
        terms,
        elections,
        nominations,
        sections: meetings,
        decisions,
        peps: peps.iter().map(|p| p.split().0).collect(),
        pep_details: peps.iter().map(|p| p.split().1).collect(),
    };
    // The app's validation, so nothing is written that the app would refuse.
    let problems = council_explorer::core::dataset::validate(&out);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(IngestError::Other(format!(
            "the data set fails the app's validation:\n  {}",
            list.join("\n  ")
        )));
    }
    let report = report::Report::of(&out, unattached_history, history_path.is_some(), &notices);
    Ok((out, report))
}
