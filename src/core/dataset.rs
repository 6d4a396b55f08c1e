//! The data set as one value: parsing each file with errors that name it, validation that every
//! reference resolves, and look-ups by id. The ingest tool runs the same `validate` before it
//! writes, so the app and the ingest agree on what a good data set is.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use thiserror::Error;

use super::json::{Read, Reader};
use super::model::{
    DateBasis, Decider, Decision, Delegation, Election, Manifest, Nomination, Pep, PepDetails,
    Person, Section, Term, VotingMethod,
};
use super::sort::sort_by;

/// The format version this build understands (`data/manifest.json`'s `format`).
pub const FORMAT: u32 = 1;

/// The files of the data set, in the order the app fetches them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DataFile {
    Manifest,
    People,
    Terms,
    Elections,
    Nominations,
    Meetings,
    Decisions,
    Peps,
}

impl DataFile {
    pub const ALL: [DataFile; 8] = [
        DataFile::Manifest,
        DataFile::People,
        DataFile::Terms,
        DataFile::Elections,
        DataFile::Nominations,
        DataFile::Meetings,
        DataFile::Decisions,
        DataFile::Peps,
    ];

    /// The file name under `data/`.
    pub fn name(self) -> &'static str {
        match self {
            DataFile::Manifest => "manifest.json",
            DataFile::People => "people.json",
            DataFile::Terms => "terms.json",
            DataFile::Elections => "elections.json",
            DataFile::Nominations => "nominations.json",
            DataFile::Meetings => "meetings.json",
            DataFile::Decisions => "decisions.json",
            DataFile::Peps => "peps.json",
        }
    }
}

/// What can be wrong with the data set; every variant names the file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DataError {
    #[error("{file} could not be loaded: {reason}")]
    Fetch { file: &'static str, reason: String },
    #[error("{file} is empty")]
    Empty { file: &'static str },
    #[error("{file} is not valid data (line {line}, column {column}): {message}")]
    Parse {
        file: &'static str,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: {problem}")]
    Invalid { file: &'static str, problem: String },
    /// Anything wrong with one PEP's details file, which is fetched on its own.
    #[error("peps/{number}.json: {problem}")]
    Details { number: u16, problem: String },
}

impl DataError {
    /// The file the error is about, under `data/`.
    pub fn file(&self) -> String {
        match self {
            DataError::Fetch { file, .. }
            | DataError::Empty { file }
            | DataError::Parse { file, .. }
            | DataError::Invalid { file, .. } => file.to_string(),
            DataError::Details { number, .. } => details_path(*number),
        }
    }
}

/// Where PEP `number`'s details are, under `data/`.
pub fn details_path(number: u16) -> String {
    format!("peps/{number}.json")
}

/// Parses and checks PEP `number`'s details file, as a PEP page does when it fetches them.
pub fn parse_details(number: u16, text: &str) -> Result<PepDetails, DataError> {
    let fail = |problem: String| DataError::Details { number, problem };
    let details: PepDetails = parse(DataFile::Peps, text).map_err(|e| match e {
        DataError::Parse {
            line,
            column,
            message,
            ..
        } => fail(format!(
            "not valid data (line {line}, column {column}): {message}"
        )),
        _ => fail("the file is empty".to_string()),
    })?;
    if details.number != number {
        return Err(fail(format!(
            "the file holds PEP {}, not PEP {number}",
            details.number
        )));
    }
    match check_details(&details).into_iter().next() {
        Some(problem) => Err(fail(problem)),
        None => Ok(details),
    }
}

/// What is wrong with one PEP's details on their own: links must be web addresses. `validate`
/// runs it on every details record the ingest writes, and `parse_details` on each file the
/// app fetches, so both hold the same rule.
pub fn check_details(d: &PepDetails) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(r) = &d.resolution {
        if !is_web_url(&r.url) {
            problems.push(format!(
                "PEP {} has the link \"{}\", which is not an http(s) address",
                d.number, r.url
            ));
        }
    }
    problems
}

/// Something wrong with an election's STAR rounds. `round` is the index in `rounds` of the
/// round it is about (the ingest turns it into that seat's line), `None` for the rounds as a
/// whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundProblem {
    pub round: Option<usize>,
    /// The seat as the round records it, to name it in the message.
    pub seat: Option<u8>,
    pub problem: String,
}

impl std::fmt::Display for RoundProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.seat {
            Some(seat) => write!(f, "seat {seat}: {}", self.problem),
            None => write!(f, "rounds: {}", self.problem),
        }
    }
}

/// What is wrong with one election's STAR rounds on their own: seats 1, 2, 3… in order, one
/// per elected candidate; two different finalists, each a candidate with the stars the results
/// give them and not elected to an earlier seat, and no one still standing with more stars; a
/// runoff winner who is a finalist, elected, and preferred by no fewer voters than the other;
/// and no more voters in a runoff (or stars in a scoring round) than the ballots allow.
/// `validate` runs it on every election, and the ingest on each election PEP it reads, so the
/// error can point at the seat's line.
pub fn check_rounds(e: &Election) -> Vec<RoundProblem> {
    let mut problems = Vec::new();
    if e.rounds.is_empty() {
        return problems;
    }
    let whole = |problem: String| RoundProblem {
        round: None,
        seat: None,
        problem,
    };
    if e.method != VotingMethod::Star {
        problems.push(whole("an approval election has no STAR rounds".to_string()));
    }
    let elected = e.candidates.iter().filter(|c| c.elected).count();
    if e.rounds.len() != elected {
        problems.push(whole(format!(
            "{} seats, but {elected} candidates are elected",
            e.rounds.len()
        )));
    }
    let standing = |id: &str| e.candidates.iter().find(|c| c.person == id && !c.withdrawn);
    // Winners of the seats before the one being checked, with their seat.
    let mut earlier: Vec<(&str, u8)> = Vec::new();
    for (i, r) in e.rounds.iter().enumerate() {
        let mut bad = |problem: String| {
            problems.push(RoundProblem {
                round: Some(i),
                seat: Some(r.seat),
                problem,
            })
        };
        if usize::from(r.seat) != i + 1 {
            bad(format!(
                "it is round {} of the count; seats are numbered 1, 2, 3… in order",
                i + 1
            ));
        }
        let [a, b] = &r.finalists;
        if a.person == b.person {
            bad(format!("both finalists are \"{}\"", a.person));
        }
        for f in &r.finalists {
            match standing(&f.person) {
                None => bad(format!(
                    "the finalist \"{}\" is not a candidate of this election",
                    f.person
                )),
                Some(c) if c.stars != Some(f.stars) => bad(format!(
                    "the finalist \"{}\" has {} stars here but {} in the results",
                    f.person,
                    f.stars,
                    c.stars.map_or("none".to_string(), |s| s.to_string())
                )),
                Some(_) => {}
            }
            if let Some((_, seat)) = earlier.iter().find(|(id, _)| *id == f.person) {
                bad(format!("\"{}\" already won seat {seat}", f.person));
            }
            if u64::from(f.stars) > 5 * u64::from(e.cast) {
                bad(format!(
                    "\"{}\" has {} stars, more than five for each of the {} ballots",
                    f.person, f.stars, e.cast
                ));
            }
        }
        // The scoring round takes the two with most stars among those not yet elected.
        let lower = if a.stars <= b.stars { a } else { b };
        let finalist = |id: &str| r.finalists.iter().any(|f| f.person == id);
        for c in &e.candidates {
            let out =
                c.withdrawn || finalist(&c.person) || earlier.iter().any(|(id, _)| *id == c.person);
            if let Some(stars) = c.stars.filter(|&s| !out && s > lower.stars) {
                bad(format!(
                    "\"{}\", not yet elected, has more stars ({stars}) than the finalist \"{}\" ({})",
                    c.person, lower.person, lower.stars
                ));
            }
        }
        match r.finalists.iter().position(|f| f.person == r.winner) {
            None => bad(format!(
                "the runoff winner \"{}\" is not one of the finalists",
                r.winner
            )),
            Some(w) => {
                let (won, lost) = (&r.finalists[w], &r.finalists[1 - w]);
                if !standing(&r.winner).is_some_and(|c| c.elected) {
                    bad(format!("the runoff winner \"{}\" is not elected", r.winner));
                }
                if won.preferred_by < lost.preferred_by {
                    bad(format!(
                        "the runoff winner \"{}\" was preferred by fewer voters ({}) than \"{}\" ({})",
                        won.person, won.preferred_by, lost.person, lost.preferred_by
                    ));
                }
            }
        }
        let voters = u64::from(a.preferred_by) + u64::from(b.preferred_by) + u64::from(r.equal);
        if voters > u64::from(e.cast) {
            bad(format!(
                "the runoff counts {} + {} + {} = {voters} voters, more than the {} ballots cast",
                a.preferred_by, b.preferred_by, r.equal, e.cast
            ));
        }
        earlier.push((&r.winner, r.seat));
    }
    problems
}

/// Parses one file's text, naming the file and position on failure.
pub fn parse<T: Read>(file: DataFile, text: &str) -> Result<T, DataError> {
    if text.trim().is_empty() {
        return Err(DataError::Empty { file: file.name() });
    }
    Reader::whole(text).map_err(|e| {
        let (line, column) = e.position(text);
        DataError::Parse {
            file: file.name(),
            line,
            column,
            message: e.message,
        }
    })
}

/// The records of every file, before look-ups are built.
#[derive(Debug, Clone, PartialEq)]
pub struct Parts {
    pub manifest: Manifest,
    pub people: Vec<Person>,
    pub terms: Vec<Term>,
    pub elections: Vec<Election>,
    pub nominations: Vec<Nomination>,
    pub sections: Vec<Section>,
    pub decisions: Vec<Decision>,
    pub peps: Vec<Pep>,
    /// Every PEP's details (`data/peps/<number>.json`) as the ingest writes them. Empty in the
    /// app, which fetches one PEP's details when a page shows them (`parse_details`).
    pub pep_details: Vec<PepDetails>,
}

impl Parts {
    /// Parses every file from its text; `text` gives the contents of one file.
    pub fn parse_with(mut text: impl FnMut(DataFile) -> String) -> Result<Parts, DataError> {
        Ok(Parts {
            manifest: parse(DataFile::Manifest, &text(DataFile::Manifest))?,
            people: parse(DataFile::People, &text(DataFile::People))?,
            terms: parse(DataFile::Terms, &text(DataFile::Terms))?,
            elections: parse(DataFile::Elections, &text(DataFile::Elections))?,
            nominations: parse(DataFile::Nominations, &text(DataFile::Nominations))?,
            sections: parse(DataFile::Meetings, &text(DataFile::Meetings))?,
            decisions: parse(DataFile::Decisions, &text(DataFile::Decisions))?,
            peps: parse(DataFile::Peps, &text(DataFile::Peps))?,
            pep_details: Vec::new(),
        })
    }
}

/// Every problem found, in file order; empty when the data set is sound.
pub fn validate(p: &Parts) -> Vec<DataError> {
    let mut problems = Vec::new();
    let mut bad = |file: DataFile, problem: String| {
        problems.push(DataError::Invalid {
            file: file.name(),
            problem,
        })
    };

    if p.manifest.format != FORMAT {
        bad(
            DataFile::Manifest,
            format!(
                "format {} is not the format {FORMAT} this app reads",
                p.manifest.format
            ),
        );
    }
    let people = unique(
        p.people.iter().map(|x| x.id.as_str()),
        DataFile::People,
        &mut bad,
    );
    let peps = unique(p.peps.iter().map(|x| x.number), DataFile::Peps, &mut bad);
    let terms = unique(p.terms.iter().map(|x| x.year), DataFile::Terms, &mut bad);
    let sections = unique(
        p.sections.iter().map(|x| x.id.as_str()),
        DataFile::Meetings,
        &mut bad,
    );
    unique(
        p.elections.iter().map(|x| x.term),
        DataFile::Elections,
        &mut bad,
    );
    unique(
        p.nominations.iter().map(|x| x.id.as_str()),
        DataFile::Nominations,
        &mut bad,
    );
    unique(
        p.decisions.iter().map(|x| x.id.as_str()),
        DataFile::Decisions,
        &mut bad,
    );

    for person in &p.people {
        if !is_slug(&person.id) {
            bad(
                DataFile::People,
                format!(
                    "id \"{}\" is not a slug (lowercase ASCII words joined by hyphens)",
                    person.id
                ),
            );
        }
    }
    let person_ref =
        |file: DataFile, whose: &str, id: &str, bad: &mut dyn FnMut(DataFile, String)| {
            if !people.contains_key(id) {
                bad(file, format!("{whose} names the unknown person \"{id}\""));
            }
        };
    for t in &p.terms {
        for m in &t.members {
            person_ref(DataFile::Terms, &format!("term {}", t.year), m, &mut bad);
        }
        if t.end.is_some_and(|end| end < t.start) {
            bad(
                DataFile::Terms,
                format!("term {} ends before it starts", t.year),
            );
        }
    }
    for e in &p.elections {
        for c in &e.candidates {
            person_ref(
                DataFile::Elections,
                &format!("the {} election", e.term),
                &c.person,
                &mut bad,
            );
        }
        for (what, period) in [("nomination", e.nomination), ("voting", e.voting)] {
            if period.end < period.start {
                bad(
                    DataFile::Elections,
                    format!(
                        "the {} election's {what} period ends before it starts",
                        e.term
                    ),
                );
            }
        }
        if e.cast > e.eligible {
            bad(
                DataFile::Elections,
                format!(
                    "the {} election has more ballots ({}) than voters ({})",
                    e.term, e.cast, e.eligible
                ),
            );
        }
        for problem in check_rounds(e) {
            bad(
                DataFile::Elections,
                format!("the {} election, {problem}", e.term),
            );
        }
    }
    for n in &p.nominations {
        person_ref(
            DataFile::Nominations,
            &format!("nomination {}", n.id),
            &n.person,
            &mut bad,
        );
        if !terms.contains_key(&n.term) {
            bad(
                DataFile::Nominations,
                format!("nomination {} is for the unknown term {}", n.id, n.term),
            );
        }
    }
    for s in &p.sections {
        let whose = format!("section {}", s.id);
        if !terms.contains_key(&s.term) {
            bad(
                DataFile::Meetings,
                format!("{whose} is in the unknown term {}", s.term),
            );
        }
        let named = s.attendance.present.iter().chain(&s.attendance.absent);
        for id in named.chain(s.guests.iter().map(|g| &g.person)) {
            person_ref(DataFile::Meetings, &whose, id, &mut bad);
        }
        let mut seen = Ids::new();
        for (at, item) in s.items.iter().enumerate() {
            if seen.insert(item.n, at).is_some() {
                bad(
                    DataFile::Meetings,
                    format!("{whose} has two items numbered {}", item.n),
                );
            }
            for id in &item.people {
                person_ref(DataFile::Meetings, &whose, id, &mut bad);
            }
            let outcome_peps = item.outcome.iter().chain(&item.outcomes).map(|o| o.pep);
            for pep in item.peps.iter().copied().chain(outcome_peps) {
                if !peps.contains_key(&pep) {
                    bad(
                        DataFile::Meetings,
                        format!(
                            "{whose} item {} names PEP {pep}, which is not in peps.json",
                            item.n
                        ),
                    );
                }
            }
        }
        if let Some(period) = s.period {
            if period.end < period.start {
                bad(
                    DataFile::Meetings,
                    format!("{whose}'s period ends before it starts"),
                );
            }
        }
    }
    for (file, whose, url) in urls(p) {
        if !is_web_url(url) {
            bad(
                file,
                format!("{whose} has the link \"{url}\", which is not an http(s) address"),
            );
        }
    }
    check_decisions(p, &peps, &people, &sections, &mut bad);
    let mut seen = Ids::new();
    for (at, d) in p.pep_details.iter().enumerate() {
        let mut problem = |problem: String| {
            problems.push(DataError::Details {
                number: d.number,
                problem,
            })
        };
        if !peps.contains_key(&d.number) {
            problem(format!("PEP {} is not in peps.json", d.number));
        }
        if seen.insert(d.number, at).is_some() {
            problem(format!("PEP {} has two details records", d.number));
        }
        check_details(d).into_iter().for_each(problem);
    }
    problems
}

/// The rules of `decisions.json`: each record is about a PEP that exists, its id is
/// `<pep>-<outcome>-<date>`, its date is the one its `date_basis` names, a notes basis is an
/// item that refers to the PEP, a delegate's decision names its delegate, and no source backs
/// two records (one notes item, header or status change is one outcome). Every message names
/// the PEP.
fn check_decisions(
    p: &Parts,
    peps: &Ids<u16>,
    people: &Ids<&str>,
    sections: &Ids<&str>,
    bad: &mut impl FnMut(DataFile, String),
) {
    let item = |section: &str, n: u16| {
        let s = &p.sections[*sections.get(section)?];
        Some((s, s.items.iter().find(|i| i.n == n)?))
    };
    let mut bad = |problem: String| bad(DataFile::Decisions, problem);
    // Which record (by its place in the file) first used each source ("<pep> <source>"), to
    // find a second one.
    let mut used: HashMap<String, usize> = HashMap::new();
    for (at, d) in p.decisions.iter().enumerate() {
        let who = format!("decision {} on PEP {}", d.id, d.pep);
        if !peps.contains_key(&d.pep) {
            bad(format!(
                "decision {} is about PEP {}, which is not in peps.json",
                d.id, d.pep
            ));
        }
        let id = format!("{}-{}-{}", d.pep, d.outcome.as_str(), d.date);
        if d.id != id {
            bad(format!("{who} should have the id {id}"));
        }
        let b = &d.bases;
        if b.notes.is_none() && b.pep_header.is_none() && b.status_history.is_none() {
            bad(format!(
                "{who} has no basis: no notes, header or status change"
            ));
        }
        let mut section_date = None;
        if let Some(n) = &b.notes {
            match item(&n.section, n.item) {
                None => bad(format!(
                    "decision {} points at item {}#{}, which does not exist",
                    d.id, n.section, n.item
                )),
                Some((s, item)) => {
                    section_date = Some(s.date);
                    let refers = item.peps.contains(&d.pep)
                        || item
                            .outcomes
                            .iter()
                            .chain(&item.outcome)
                            .any(|o| o.pep == d.pep);
                    if !refers {
                        bad(format!(
                            "{who} points at item {}#{}, which does not refer to PEP {}",
                            n.section, n.item, d.pep
                        ));
                    }
                }
            }
        }
        if let Some(h) = &b.status_history {
            if h.status.outcome() != d.outcome {
                bad(format!(
                    "{who} rests on a change to {}, which is not that outcome",
                    h.status.as_str()
                ));
            }
        }
        let basis_date = match d.date_basis {
            DateBasis::PepHeader => b.pep_header.as_ref().and_then(|h| h.date),
            DateBasis::StatusHistory => b.status_history.as_ref().map(|h| h.date),
            DateBasis::Meeting | DateBasis::Period => section_date,
        };
        // A notes basis on a missing item is reported above already.
        let dangling = b.notes.is_some() && section_date.is_none();
        match basis_date {
            None if !dangling => bad(format!(
                "{who} has no date: its date basis {} gives none",
                d.date_basis.as_str()
            )),
            Some(date) if date != d.date => bad(format!(
                "{who} is dated {}, but its date basis {} says {date}",
                d.date,
                d.date_basis.as_str()
            )),
            _ => {}
        }
        match (d.decided_by, &d.delegate) {
            (Decider::Delegate, None) => bad(format!("{who} is a delegate's, but names none")),
            (Decider::Council, Some(_)) => {
                bad(format!("{who} is the council's, but names a delegate"))
            }
            (_, Some(x)) => {
                if x.via == Delegation::PepHeader && x.name.is_none() {
                    bad(format!(
                        "{who} names a delegate from the header without a name"
                    ));
                }
                if let Some(id) = x.person.as_deref().filter(|id| !people.contains_key(id)) {
                    bad(format!("{who} names the unknown person \"{id}\""));
                }
            }
            _ => {}
        }
        for s in &d.discussed_in {
            if !sections.contains_key(s.as_str()) {
                bad(format!("decision {} names the unknown section {s}", d.id));
            }
        }
        let sources = [
            b.notes
                .as_ref()
                .map(|n| format!("item {}#{} ({})", n.section, n.item, d.outcome.as_str())),
            b.pep_header
                .as_ref()
                .map(|h| format!("its Resolution header ({})", h.url)),
            b.status_history
                .as_ref()
                .map(|h| format!("the status change of commit {}", h.commit)),
        ];
        for source in sources.into_iter().flatten() {
            let key = format!("{} {source}", d.pep);
            match used.get(&key) {
                Some(&first) => bad(format!(
                    "PEP {} has two records for one outcome: {} and {} both rest on {source}",
                    d.pep, p.decisions[first].id, d.id
                )),
                None => {
                    used.insert(key, at);
                }
            }
        }
    }
}

/// Every URL of the data set, with its file and whose it is. The app makes links of them.
fn urls(p: &Parts) -> Vec<(DataFile, String, &str)> {
    let mut out = Vec::new();
    for u in &p.manifest.upstreams {
        out.push((
            DataFile::Manifest,
            format!("upstream {}", u.name),
            u.url.as_str(),
        ));
    }
    for e in &p.elections {
        let whose = format!("the {} election", e.term);
        out.push((DataFile::Elections, whose.clone(), e.source.url.as_str()));
        for c in &e.candidates {
            if let Some(url) = &c.withdrawal_url {
                out.push((DataFile::Elections, whose.clone(), url.as_str()));
            }
        }
    }
    for n in &p.nominations {
        let whose = format!("nomination {}", n.id);
        out.push((DataFile::Nominations, whose, n.thread_url.as_str()));
    }
    for s in &p.sections {
        let whose = format!("section {}", s.id);
        out.push((DataFile::Meetings, whose.clone(), s.source.url.as_str()));
        for item in &s.items {
            for link in &item.links {
                let whose = format!("{whose} item {}", item.n);
                out.push((DataFile::Meetings, whose, link.url.as_str()));
            }
        }
    }
    for d in &p.decisions {
        if let Some(url) = d.resolution_url() {
            out.push((DataFile::Decisions, format!("decision {}", d.id), url));
        }
    }
    out
}

/// Whether `url` is an absolute http or https address with a host. Data URLs become links, so
/// anything else (`javascript:`, `data:`, a relative path) is refused: clicking a link must
/// never run or show what a data file smuggled in.
pub fn is_web_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with(['/', '\\']))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A file's ids, each with its first place in the file. A map rather than a set: maps of these
/// key and value types serve the search's counts too, and each type's hash table compiles its
/// own code into the wasm.
type Ids<T> = HashMap<T, usize>;

/// Collects ids, reporting each one seen twice.
fn unique<T: std::hash::Hash + Eq + std::fmt::Display + Copy>(
    ids: impl Iterator<Item = T>,
    file: DataFile,
    bad: &mut impl FnMut(DataFile, String),
) -> Ids<T> {
    let mut seen = Ids::new();
    for (at, id) in ids.enumerate() {
        match seen.entry(id) {
            Entry::Occupied(_) => bad(file, format!("the id \"{id}\" is used twice")),
            Entry::Vacant(place) => {
                place.insert(at);
            }
        }
    }
    seen
}

/// Whether `s` is lowercase ASCII words joined by single hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A validated data set with look-ups by id. Read-only once built.
#[derive(Debug)]
pub struct Dataset {
    pub parts: Parts,
    person: HashMap<String, usize>,
    pep: HashMap<u16, usize>,
    section: HashMap<String, usize>,
}

impl Dataset {
    /// Validates `parts`; the first problem found is the error (the UI shows one at a time).
    pub fn new(mut parts: Parts) -> Result<Dataset, DataError> {
        if let Some(first) = validate(&parts).into_iter().next() {
            return Err(first);
        }
        sort_by(&mut parts.sections, |a, b| {
            (a.date, &a.id).cmp(&(b.date, &b.id))
        });
        let index = |ids: Vec<String>| ids.into_iter().enumerate().map(|(i, id)| (id, i)).collect();
        Ok(Dataset {
            person: index(parts.people.iter().map(|x| x.id.clone()).collect()),
            section: index(parts.sections.iter().map(|x| x.id.clone()).collect()),
            pep: parts
                .peps
                .iter()
                .enumerate()
                .map(|(i, p)| (p.number, i))
                .collect(),
            parts,
        })
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.person.get(id).map(|&i| &self.parts.people[i])
    }

    pub fn pep(&self, number: u16) -> Option<&Pep> {
        self.pep.get(&number).map(|&i| &self.parts.peps[i])
    }

    /// The display name of a person id (the id itself if unknown, which validation rules out).
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.person(id).map_or(id, |p| p.name.as_str())
    }

    /// A section with the sections before and after it in date order.
    pub fn section(&self, id: &str) -> Option<(&Section, Option<&Section>, Option<&Section>)> {
        let &i = self.section.get(id)?;
        let all = &self.parts.sections;
        Some((&all[i], i.checked_sub(1).map(|j| &all[j]), all.get(i + 1)))
    }

    pub fn election(&self, term: u16) -> Option<&super::model::Election> {
        self.parts.elections.iter().find(|e| e.term == term)
    }
}
