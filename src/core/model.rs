//! The data set's records, exactly as they are stored in `data/*.json`.
//!
//! These types are the contract between the ingest tool (which writes them) and the app (which
//! reads them); `data/README.md` documents the same format for people. The ingest writes them
//! with serde's `Serialize`; the app reads them with [`super::json`]: each struct lists its
//! fields in `reads!` (those after the `;` may be left out), each kind its names in `names!`.
//! Nothing here knows about the browser.

use chrono::NaiveDate;

use super::json::{names, reads, Read, Reader, Result};
// The ingest's curated files name roles, outcomes and deciders, so those three also derive
// serde's reader; the app never calls it.
use serde::{Deserialize, Serialize};

/// A person's stable id: lowercase ASCII words joined by hyphens (`pablo-galindo-salgado`).
pub type PersonId = String;
/// A section of the council's notes: `2023-08-28`, `2021-12-13-handoff`, `2020-07` (a monthly
/// recap), `2019-02-15` (an early update) or `2023-11-to-2023-12` (an undated period summary).
pub type SectionId = String;

/// Where a record was read from. `url` is the public page a reader can check it against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// File inside its repository, e.g. `updates/2023-08-steering-council-update.md`.
    pub file: String,
    /// 1-based line of the record's first line in that file.
    pub line: u32,
    /// Public URL of the record (a GitHub anchor for a notes section or item).
    pub url: String,
}
reads!(Source { file, line, url });

/// One public repository the data set was built from, at the commit that was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Upstream {
    pub name: String,
    pub url: String,
    pub commit: String,
}
reads!(Upstream { name, url, commit });

/// `data/manifest.json`: what the data set was built from and the files it consists of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Manifest {
    /// Format version; the app refuses files with a version it does not know.
    pub format: u32,
    pub upstreams: Vec<Upstream>,
}
reads!(Manifest { format, upstreams });

names! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Role {
        CouncilMember = "council_member",
        Nominee = "nominee",
        DeveloperInResidence = "developer_in_residence",
        PsfStaff = "psf_staff",
        ReleaseManager = "release_manager",
        Guest = "guest",
    }
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::CouncilMember => "Council member",
            Role::Nominee => "Nominee",
            Role::DeveloperInResidence => "Developer-in-Residence",
            Role::PsfStaff => "PSF staff",
            Role::ReleaseManager => "Release manager",
            Role::Guest => "Guest",
        }
    }
}

/// `data/people.json`: everyone the data set names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub id: PersonId,
    /// The name to display (the current one where a person changed it).
    pub name: String,
    /// Other forms the sources use: first names, spelling variants, former names.
    pub aliases: Vec<String>,
    pub roles: Vec<Role>,
    /// A short description in our own words, e.g. "PSF Executive Director".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
reads!(Person { id, name; aliases, roles, note });

/// `data/terms.json`: one council term and its five members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    /// The term's year as PEP 13 names it (the 2023 term was elected in December 2022).
    pub year: u16,
    /// The election PEP (8100 for 2019 … 8107 for 2026).
    pub election_pep: u16,
    pub members: Vec<PersonId>,
    /// First day of the term: the day after voting closed (no source states it).
    pub start: NaiveDate,
    /// Last day of the term: the day the next election's voting closed; `None` for the current term.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
}
reads!(Term { year, election_pep, members, start; end });

names! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum VotingMethod {
        /// Each voter approves any number of candidates; the five with most votes win.
        Approval = "approval",
        /// STAR voting (0–5 stars per candidate, then runoff), used from the 2026 term.
        Star = "star",
    }
}

/// A span of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}
reads!(Period { start, end });

/// `data/elections.json`: one election (PEP 8100–8107).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Election {
    /// The term it elected (2019 … 2026).
    pub term: u16,
    pub pep: u16,
    pub method: VotingMethod,
    pub nomination: Period,
    pub voting: Period,
    /// A second voting round when too few ballots came in (the 2024 term).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension: Option<Extension>,
    /// Core developers eligible to vote.
    pub eligible: u32,
    /// Ballots cast (all rounds together).
    pub cast: u32,
    pub candidates: Vec<Candidate>,
    /// A STAR election's count, one round per seat in the order the seats were filled; empty
    /// for approval elections, which have no rounds.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<SeatRound>,
    pub source: Source,
}
reads!(Election { term, pep, method, nomination, voting, eligible, cast, candidates, source; extension, rounds });

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extension {
    pub voting: Period,
    /// Ballots cast in the first round, before the extension.
    pub first_round_cast: u32,
    /// Voters who had not voted and were invited to the extension round.
    pub invited: u32,
    /// Ballots cast in the extension round.
    pub cast: u32,
}
reads!(Extension {
    voting,
    first_round_cast,
    invited,
    cast
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    pub person: PersonId,
    /// The name as the election PEP writes it ("Alyssa (Nick) Coghlan", "Dong-hee Na").
    pub name_as_written: String,
    /// Approval votes; `None` for a STAR election or a withdrawn nominee.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes: Option<u32>,
    /// Total stars in a STAR election.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stars: Option<u32>,
    pub elected: bool,
    pub withdrawn: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawal_url: Option<String>,
}
reads!(Candidate { person, name_as_written, elected; votes, stars, withdrawn, withdrawal_url });

/// One seat of a multi-winner STAR count (Bloc STAR, the 2026 term): the scoring round takes
/// the two candidates not yet elected with the most stars, and the automatic runoff between
/// them elects the one more voters rated higher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeatRound {
    /// 1 for the first seat filled, up to the number of seats.
    pub seat: u8,
    /// The scoring round's two finalists, as the election PEP lists them (more stars first).
    pub finalists: [Finalist; 2],
    /// The finalist the runoff elected.
    pub winner: PersonId,
    /// Voters who rated both finalists the same (both left unrated included).
    pub equal: u32,
    /// 1-based line of the seat's heading in the election PEP.
    pub line: u32,
}
reads!(SeatRound {
    seat,
    finalists,
    winner,
    equal,
    line
});

/// A list of exactly two finalists, with a message that says so when it is not.
impl Read for [Finalist; 2] {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let list = Vec::<Finalist>::read(r)?;
        let n = list.len();
        list.try_into()
            .map_err(|_| r.error(format!("a seat has {n} finalists, not two")))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finalist {
    pub person: PersonId,
    /// Stars in the scoring round. Bloc STAR never reweights ballots, so these are the
    /// candidate's total stars in every round.
    pub stars: u32,
    /// Voters who, in the runoff, rated this finalist above the other one.
    pub preferred_by: u32,
}
reads!(Finalist {
    person,
    stars,
    preferred_by
});

names! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum FirstPostBy {
        /// The candidate nominated themselves.
        Candidate = "candidate",
        /// Someone else nominated them.
        Nominator = "nominator",
    }
}

/// `data/nominations.json`: one nominee's nomination for one term (77 in all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Nomination {
    /// `<term>-<person>`, e.g. `2023-pablo-galindo-salgado`.
    pub id: String,
    pub term: u16,
    pub person: PersonId,
    /// The discuss.python.org thread, as the election PEP links it.
    pub thread_url: String,
    /// Who wrote the thread's first post, where a stored copy of the thread says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_post_by: Option<FirstPostBy>,
    /// Names of those who nominated the candidate, where the thread says so.
    pub nominators: Vec<String>,
    /// The platform as three to six short points in our own words; empty when the statement
    /// is not known (the thread link is then all there is).
    pub platform: Vec<String>,
    pub withdrawn: bool,
}
reads!(Nomination { id, term, person, thread_url; first_post_by, nominators, platform, withdrawn });

names! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum SectionKind {
        /// A dated weekly meeting.
        Meeting = "meeting",
        /// A dated section that says no (regular) meeting took place.
        NoMeeting = "no_meeting",
        /// A monthly recap (July 2019 – December 2020).
        Recap = "recap",
        /// One of the early 2019 updates, organised by the council's mandate.
        Update = "update",
        /// An undated summary of several months (November 2023 – June 2024).
        PeriodSummary = "period_summary",
    }
}

impl SectionKind {
    pub fn label(self) -> &'static str {
        match self {
            SectionKind::Meeting => "Meeting",
            SectionKind::NoMeeting => "No meeting",
            SectionKind::Recap => "Monthly recap",
            SectionKind::Update => "Update",
            SectionKind::PeriodSummary => "Period summary",
        }
    }
}

/// Who the notes say was there. Most meetings state nothing (`stated: false`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Attendance {
    pub stated: bool,
    pub present: Vec<PersonId>,
    pub absent: Vec<PersonId>,
    /// A head-count when that is all the notes give ("4 SC members present").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u8>,
}
reads!(Attendance { stated; present, absent, count });

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Guest {
    pub person: PersonId,
    /// Why they were there, in our words ("Developer-in-Residence sync").
    pub role: String,
}
reads!(Guest { person, role });

names! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ItemKind {
        /// The council recorded an outcome on a PEP.
        Decision = "decision",
        /// A PEP or proposal was discussed without an outcome.
        Discussion = "discussion",
        /// A sync with a guest (Developer-in-Residence, PSF staff, release manager…).
        GuestSync = "guest_sync",
        /// News, status or administration.
        Update = "update",
        /// Code of Conduct and moderation matters.
        Conduct = "conduct",
        /// Who attended, or that no meeting took place.
        Attendance = "attendance",
    }
}

impl ItemKind {
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Decision => "Decision",
            ItemKind::Discussion => "Discussion",
            ItemKind::GuestSync => "Guest sync",
            ItemKind::Update => "Update",
            ItemKind::Conduct => "Conduct",
            ItemKind::Attendance => "Attendance",
        }
    }
}

names! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum OutcomeKind {
        Accepted = "accepted",
        Rejected = "rejected",
        Deferred = "deferred",
        /// Accepted on conditions (PEP 689).
        Conditional = "conditional",
        /// Tentatively accepted (PEP 649).
        Tentative = "tentative",
        /// The council asked the authors to withdraw it (PEP 659).
        WithdrawalRequested = "withdrawal_requested",
    }
}

impl OutcomeKind {
    pub fn label(self) -> &'static str {
        match self {
            OutcomeKind::Accepted => "accepted",
            OutcomeKind::Rejected => "rejected",
            OutcomeKind::Deferred => "deferred",
            OutcomeKind::Conditional => "accepted with conditions",
            OutcomeKind::Tentative => "tentatively accepted",
            OutcomeKind::WithdrawalRequested => "withdrawal requested",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub pep: u16,
    pub result: OutcomeKind,
}
reads!(Outcome { pep, result });

/// A link the notes give, kept as structure rather than as Markdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The link text, when it is a fact (a PEP title, an issue number); else a neutral label.
    pub label: String,
    pub url: String,
}
reads!(Link { label, url });

/// One top-level bullet (or stand-alone paragraph) of a section, nested bullets folded in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// 1-based position in its section; `<section>#<n>` is the item's stable id.
    pub n: u16,
    pub kind: ItemKind,
    /// A plain-text subheading the item stands under (2024-09 and 2024-10 use them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    pub peps: Vec<u16>,
    pub people: Vec<PersonId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Every outcome the item records, in the order of `data/decisions.json`; `outcome` is the
    /// first of them. A 2019 update or a period summary folds several decisions into one item.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Outcome>,
    /// One or two sentences in our own words; `None` until written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    pub links: Vec<Link>,
    /// 1-based line of the item's first line in the section's file.
    pub line: u32,
}
reads!(Item { n, kind, line; topic, peps, people, outcome, outcomes, summary, links });

/// `data/meetings.json`: one section of the council's notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub id: SectionId,
    pub kind: SectionKind,
    /// The day of a meeting, or the day a recap, update or summary stands for on the timeline
    /// (the first day of the period it covers).
    pub date: NaiveDate,
    /// For recaps and period summaries: the months covered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Whether a meeting took place (false for `no_meeting` sections without a partial one).
    pub held: bool,
    /// The council term in office on `date`.
    pub term: u16,
    /// The heading as the notes write it (a fact: a date or a month name).
    pub heading: String,
    /// What the section was mostly about, in one line of our own words; `None` until written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gist: Option<String>,
    pub attendance: Attendance,
    pub guests: Vec<Guest>,
    pub items: Vec<Item>,
    pub source: Source,
}
reads!(Section { id, kind, date, held, term, heading, items, source; period, gist, attendance, guests });

impl Section {
    /// The heading to show: as the notes write it, less the colon some recaps end with
    /// ("July recap:").
    pub fn shown_heading(&self) -> &str {
        self.heading.trim_end_matches(':').trim_end()
    }

    /// What the section's page is headed: "Council meeting, 2023-08-28", "No meeting,
    /// 2021-08-02", or its kind and heading for a recap, update or summary.
    pub fn title(&self) -> String {
        match self.kind {
            SectionKind::Meeting => format!("Council meeting, {}", self.date),
            SectionKind::NoMeeting if self.held => format!("Partial meeting, {}", self.date),
            SectionKind::NoMeeting => format!("No meeting, {}", self.date),
            _ => format!("{}: {}", self.kind.label(), self.shown_heading()),
        }
    }
}

names! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum DateBasis {
        /// The dated `Resolution:` header of the PEP.
        PepHeader = "pep_header",
        /// The meeting whose notes record the outcome.
        Meeting = "meeting",
        /// The first day of the recap, update or summary that records it.
        Period = "period",
        /// The commit of python/peps that changed the PEP's `Status:` to this outcome.
        StatusHistory = "status_history",
    }
}

impl DateBasis {
    pub fn label(self) -> &'static str {
        match self {
            DateBasis::PepHeader => "date of the PEP's Resolution header",
            DateBasis::Meeting => "date of the meeting that recorded it",
            DateBasis::Period => "start of the period whose notes record it",
            DateBasis::StatusHistory => "date of the commit that changed the PEP's status",
        }
    }
}

names! {
    /// Who took a decision: the council itself, or someone it handed the PEP to.
    #[derive(
        Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
    )]
    #[serde(rename_all = "snake_case")]
    pub enum Decider {
        /// The Steering Council (typing PEPs too: the Typing Council is only consulted).
        #[default]
        Council = "council",
        /// The PEP's delegate: the person its header names, or a standing delegation.
        Delegate = "delegate",
    }
}

impl Decider {
    pub fn label(self) -> &'static str {
        match self {
            Decider::Council => "the Steering Council",
            Decider::Delegate => "the PEP's delegate",
        }
    }

    pub fn parse(s: &str) -> Option<Decider> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

names! {
    /// How a PEP came to a delegate.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Delegation {
        /// Its own `PEP-Delegate:` or `BDFL-Delegate:` header names them.
        PepHeader = "pep_header",
        /// The council's standing delegation of packaging PEPs to the PyPA's delegates
        /// (`process/standing-delegations.md` of python/steering-council).
        StandingPackaging = "standing_packaging",
    }
}

/// Who decided in the council's place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Delegate {
    pub via: Delegation,
    /// The name as the PEP's header writes it, address dropped; `None` for a standing
    /// delegation, which names no one for a given PEP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The person that name means, where it means exactly one person of `people.json`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonId>,
}
reads!(Delegate { via; name, person });

/// The item of the council's notes that records an outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotesBasis {
    pub section: SectionId,
    /// The item's `n` in that section.
    pub item: u16,
}
reads!(NotesBasis { section, item });

/// The PEP's `Resolution:` header, when it is the resolution of this outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeaderBasis {
    /// Present only for the dated form `` `DD-Mon-YYYY <url>`__ ``.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    pub url: String,
}
reads!(HeaderBasis { url; date });

/// A status a PEP's history changes to that is a decision. Written in lowercase in the data,
/// like every other kind; `as_str` gives it as the `Status:` header writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecidedStatus {
    Accepted,
    /// Final without an earlier Accepted (or Active): the acceptance itself.
    Final,
    Rejected,
    Deferred,
}

impl Read for DecidedStatus {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        use DecidedStatus::*;
        let all = [Accepted, Final, Rejected, Deferred];
        r.name(&["accepted", "final", "rejected", "deferred"])
            .map(|i| all[i])
    }
}

impl DecidedStatus {
    /// As the `Status:` header writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            DecidedStatus::Accepted => "Accepted",
            DecidedStatus::Final => "Final",
            DecidedStatus::Rejected => "Rejected",
            DecidedStatus::Deferred => "Deferred",
        }
    }

    /// The outcome a change to this status is.
    pub fn outcome(self) -> OutcomeKind {
        match self {
            DecidedStatus::Accepted | DecidedStatus::Final => OutcomeKind::Accepted,
            DecidedStatus::Rejected => OutcomeKind::Rejected,
            DecidedStatus::Deferred => OutcomeKind::Deferred,
        }
    }
}

/// The change of the PEP's `Status:` in python/peps that is this outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryBasis {
    /// The commit's date: when the file changed, not always the day of the decision.
    pub date: NaiveDate,
    pub commit: String,
    pub status: DecidedStatus,
}
reads!(HistoryBasis {
    date,
    commit,
    status
});

/// Where a decision was found. At least one is present; each is one outcome, so one source
/// never backs two records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Bases {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<NotesBasis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pep_header: Option<HeaderBasis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_history: Option<HistoryBasis>,
}
reads!(Bases { ; notes, pep_header, status_history });

/// `data/decisions.json`: one outcome on a PEP since the council took office, from the
/// council's notes, the PEP's `Resolution:` header or its status history, or several of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// `<pep>-<outcome>-<date>`, e.g. `713-rejected-2023-08-28`.
    pub id: String,
    pub pep: u16,
    pub outcome: OutcomeKind,
    pub date: NaiveDate,
    /// Which of the bases gave `date`.
    pub date_basis: DateBasis,
    pub bases: Bases,
    pub decided_by: Decider,
    /// Who decided, when `decided_by` is `delegate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delegate: Option<Delegate>,
    /// Every section in which the PEP came up, in date order.
    pub discussed_in: Vec<SectionId>,
}
reads!(Decision { id, pep, outcome, date, date_basis, bases, decided_by; delegate, discussed_in });

impl Decision {
    /// The item of the notes that records it, if the notes do.
    pub fn notes(&self) -> Option<&NotesBasis> {
        self.bases.notes.as_ref()
    }

    /// The resolution post the PEP's header links, when that header is this outcome's.
    pub fn resolution_url(&self) -> Option<&str> {
        self.bases.pep_header.as_ref().map(|h| h.url.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolution {
    /// Present only for the dated form `` `DD-Mon-YYYY <url>`__ ``.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    pub url: String,
}
reads!(Resolution { url; date });

/// One change of a PEP's `Status:` or `Resolution:` header in python/peps' history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    /// Commit date: when the PEP file changed, not always the day of the decision.
    pub date: NaiveDate,
    pub commit: String,
    /// `Status` or `Resolution`.
    pub field: String,
    pub old: String,
    pub new: String,
}
reads!(StatusChange { date, commit, field, new; old });

/// `data/peps.json`: every PEP's index record, from its header block: what lists, the
/// timeline, search and a PEP page's first view need. The rest is in [`PepDetails`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pep {
    pub number: u16,
    pub title: String,
    pub status: String,
    #[serde(rename = "type")]
    pub pep_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
}
reads!(Pep { number, title, status, pep_type = "type"; topic });

/// `data/peps/<number>.json`: the rest of one PEP's header and its status history. Only a PEP
/// page shows these, so they are fetched when one opens rather than with the data set (they
/// are four fifths of the PEPs' bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PepDetails {
    pub number: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub python_version: Option<String>,
    /// The PEP-Delegate or BDFL-Delegate, as the header names them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delegate: Option<String>,
    pub authors: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Resolution>,
    pub history: Vec<StatusChange>,
}
reads!(PepDetails { number; created, python_version, delegate, authors, resolution, history });

/// The public page of PEP `number`.
pub fn pep_url(number: u16) -> String {
    format!("https://peps.python.org/pep-{number:04}/")
}
