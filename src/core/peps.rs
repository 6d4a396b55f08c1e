//! What the council did with each PEP: its outcomes, the items of the notes that mention it, and
//! the figures derived from them (first discussion, days to a decision), plus the list of every
//! PEP the council touched with its shareable sort and outcome filter, and the steps of a PEP's
//! status history. Derived from the data set on demand; nothing here is stored.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::dataset::Dataset;
use super::model::{
    DateBasis, Decider, Decision, Delegate, Item, OutcomeKind, PepDetails, Section, StatusChange,
};
use super::number::{ratio_rounded, tenths};
use super::sort::{sort, sort_by, sort_by_key};

/// One item of the notes that refers to the PEP.
#[derive(Debug, Clone, Copy)]
pub struct Mention<'a> {
    pub section: &'a Section,
    pub item: &'a Item,
}

impl Mention<'_> {
    pub fn date(&self) -> NaiveDate {
        self.section.date
    }
}

/// Everything the notes and the decisions say about one PEP, in date order.
#[derive(Debug, Clone)]
pub struct PepStory<'a> {
    pub number: u16,
    /// Recorded outcomes, oldest first.
    pub decisions: Vec<&'a Decision>,
    /// Items that refer to the PEP or record an outcome on it, oldest first.
    pub mentions: Vec<Mention<'a>>,
}

/// Days between the steps of a PEP's way through the council. Negative where the notes
/// mention a PEP before its `Created:` date (an idea discussed before it was written up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Latency {
    /// From `Created:` to the first item that mentions it.
    pub created_to_discussion: Option<i64>,
    /// From the first mention to the first recorded outcome.
    pub discussion_to_decision: Option<i64>,
    /// From `Created:` to the first recorded outcome.
    pub created_to_decision: Option<i64>,
}

impl<'a> PepStory<'a> {
    pub fn new(data: &'a Dataset, number: u16) -> PepStory<'a> {
        // decisions.json is kept in date order; `first_decision` does not rely on it.
        let decisions: Vec<&Decision> = data
            .parts
            .decisions
            .iter()
            .filter(|d| d.pep == number)
            .collect();
        // Sections are kept in date order by `Dataset::new`, so the mentions come out sorted.
        let mentions = data
            .parts
            .sections
            .iter()
            .flat_map(|s| s.items.iter().map(move |i| (s, i)))
            .filter(|(_, i)| refers_to(i, number))
            .map(|(section, item)| Mention { section, item })
            .collect();
        PepStory {
            number,
            decisions,
            mentions,
        }
    }

    /// Whether the council recorded an outcome on it or its notes mention it.
    pub fn touched(&self) -> bool {
        !self.decisions.is_empty() || !self.mentions.is_empty()
    }

    pub fn first_discussed(&self) -> Option<NaiveDate> {
        self.mentions.first().map(Mention::date)
    }

    /// The first recorded outcome: later records on the same PEP repeat or revisit it.
    pub fn first_decision(&self) -> Option<&'a Decision> {
        self.decisions.iter().copied().min_by_key(|d| d.date)
    }

    /// The outcomes an item records on this PEP, without repeats.
    pub fn outcomes_in(&self, item: &Item) -> Vec<OutcomeKind> {
        outcomes_of(item, self.number)
    }

    /// The figures from `created` (the PEP's `Created:` header) on.
    pub fn latency(&self, created: Option<NaiveDate>) -> Latency {
        Latency::new(
            created,
            self.first_discussed(),
            self.first_decision().map(|d| d.date),
        )
    }
}

impl Latency {
    /// The days between each pair of the three dates that are known.
    pub fn new(
        created: Option<NaiveDate>,
        discussed: Option<NaiveDate>,
        decided: Option<NaiveDate>,
    ) -> Latency {
        let days = |a: Option<NaiveDate>, b: Option<NaiveDate>| Some((b? - a?).num_days());
        Latency {
            created_to_discussion: days(created, discussed),
            discussion_to_decision: days(discussed, decided),
            created_to_decision: days(created, decided),
        }
    }
}

/// Who took a decision, to follow "by": "the Steering Council", "its delegate Paul Moore", or
/// the standing packaging delegates when no header names anyone.
pub fn decider_phrase(d: &Decision) -> String {
    match (d.decided_by, &d.delegate) {
        (Decider::Council, _) => "the Steering Council".to_string(),
        (
            Decider::Delegate,
            Some(Delegate {
                name: Some(name), ..
            }),
        ) => format!("its delegate {name}"),
        (Decider::Delegate, _) => "the PyPA's standing delegates for packaging PEPs".to_string(),
    }
}

/// What a decision record says, in one sentence built from its facts: the outcome and the PEP,
/// who decided when it was not the council itself, and where its date comes from. "Accepted
/// PEP 810 (Explicit lazy imports); the resolution was posted on 2025-11-03." The links (the
/// resolution post, the PEP, the notes) are the record's, for the page to add.
pub fn decision_sentence(d: &Decision, pep_title: &str) -> String {
    let verb = match d.outcome {
        OutcomeKind::Accepted => "Accepted",
        OutcomeKind::Rejected => "Rejected",
        OutcomeKind::Deferred => "Deferred",
        OutcomeKind::Conditional => "Accepted on conditions",
        OutcomeKind::Tentative => "Tentatively accepted",
        OutcomeKind::WithdrawalRequested => "Asked the authors to withdraw",
    };
    let mut s = format!("{verb} PEP {}", d.pep);
    if !pep_title.is_empty() {
        s.push_str(&format!(" ({pep_title})"));
    }
    if d.decided_by == Decider::Delegate {
        s.push_str(&format!(", decided by {}", decider_phrase(d)));
    }
    let date = d.date;
    let status = d.bases.status_history.as_ref().map(|h| h.status.as_str());
    let when = match d.date_basis {
        DateBasis::PepHeader => format!("the resolution was posted on {date}"),
        DateBasis::StatusHistory => format!(
            "its status was changed to {} in python/peps on {date}",
            status.unwrap_or(d.outcome.label())
        ),
        DateBasis::Meeting => format!("recorded in the council's notes of {date}"),
        DateBasis::Period => {
            format!("recorded in the council's notes for the period from {date}")
        }
    };
    format!("{s}; {when}.")
}

/// The address in a `Resolution:` header value: the value itself when it is a URL, the part in
/// `<…>` of the dated form `` `24-Oct-2023 <https://…>`__ ``; `None` for the old `[text]` form.
pub fn resolution_link(value: &str) -> Option<&str> {
    let value = value.trim();
    let url = match (value.find('<'), value.rfind('>')) {
        (Some(a), Some(b)) if a < b => &value[a + 1..b],
        _ => value,
    };
    (url.starts_with("https://") || url.starts_with("http://")).then_some(url)
}

/// The people a `PEP-Delegate:` header names: a few name two, separated by commas.
pub fn delegates(d: &PepDetails) -> Vec<&str> {
    d.delegate
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect()
}

/// One line of a PEP's history as its page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistoryStep<'a> {
    pub change: &'a StatusChange,
    /// The value before the change: for `Status`, the status in force (the previous step's new
    /// value), empty for the first; for `Resolution`, the old value the history records.
    pub from: &'a str,
}

/// A PEP's history (`PepDetails::history`) as steps, in date order (rows of one day keep the
/// source's order). The source's `old` status does not always match the status the row before
/// set (a 2017 bulk edit of python/peps recorded "Accepted → Rejected" for PEPs long rejected),
/// so each status step starts from the status in force instead, and a row that leaves the status
/// as it was is not a step. Only the first status row, with nothing before it, keeps its own
/// `old` value.
pub fn history_steps(history: &[StatusChange]) -> Vec<HistoryStep<'_>> {
    let mut rows: Vec<&StatusChange> = history.iter().collect();
    // A stable sort, so rows of one day keep their order.
    sort_by_key(&mut rows, |h| h.date);
    let mut status: Option<&str> = None;
    rows.into_iter()
        .filter_map(|h| {
            if h.field != "Status" {
                return Some(HistoryStep {
                    change: h,
                    from: &h.old,
                });
            }
            let from = status.unwrap_or(&h.old);
            status = Some(&h.new);
            (from != h.new).then_some(HistoryStep { change: h, from })
        })
        .collect()
}

fn refers_to(item: &Item, number: u16) -> bool {
    item.peps.contains(&number)
        || item
            .outcome
            .iter()
            .chain(&item.outcomes)
            .any(|o| o.pep == number)
}

fn outcomes_of(item: &Item, number: u16) -> Vec<OutcomeKind> {
    let mut out = Vec::new();
    for o in item.outcome.iter().chain(&item.outcomes) {
        if o.pep == number && !out.contains(&o.result) {
            out.push(o.result);
        }
    }
    out
}

/// A span of days in words: "283 days (about 9 months)", "12 days earlier".
pub fn describe_days(days: i64) -> String {
    let n = days.unsigned_abs();
    let unit = if n == 1 { "day" } else { "days" };
    let rough = match n {
        0..=59 => String::new(),
        // A month is 30.44 days (761 / 25), a year 365.25 (1461 / 4): whole months, tenths of
        // years.
        60..=729 => format!(" (about {} months)", ratio_rounded(n, 25, 761)),
        _ => format!(" (about {} years)", tenths(ratio_rounded(n, 40, 1461))),
    };
    if days < 0 {
        format!("{n} {unit} earlier{rough}")
    } else if n == 0 {
        "the same day".to_string()
    } else {
        format!("{n} {unit}{rough}")
    }
}

/// One row of the list of PEPs the council touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PepRow {
    pub number: u16,
    pub title: String,
    pub status: String,
    /// Every recorded outcome with its date and who decided, oldest first.
    pub outcomes: Vec<(OutcomeKind, NaiveDate, Decider)>,
    /// Items of the notes that mention it.
    pub mentions: usize,
    pub first_discussed: Option<NaiveDate>,
}

impl PepRow {
    /// The date of its latest recorded outcome, which the list sorts by.
    pub fn last_decision(&self) -> Option<NaiveDate> {
        self.outcomes.iter().map(|&(_, d, _)| d).max()
    }
}

/// Every PEP the council recorded an outcome on or whose number its notes mention, by number.
pub fn touched_peps(data: &Dataset) -> Vec<PepRow> {
    let mut rows = Rows::default();
    for s in &data.parts.sections {
        for item in &s.items {
            let mut numbers: Vec<u16> = item
                .peps
                .iter()
                .copied()
                .chain(item.outcome.iter().chain(&item.outcomes).map(|o| o.pep))
                .collect();
            sort(&mut numbers);
            numbers.dedup();
            for n in numbers {
                let r = entry(&mut rows, data, n);
                r.mentions += 1;
                r.first_discussed.get_or_insert(s.date);
            }
        }
    }
    // decisions.json is kept in date order, so each PEP's outcomes come out oldest first.
    for d in &data.parts.decisions {
        entry(&mut rows, data, d.pep)
            .outcomes
            .push((d.outcome, d.date, d.decided_by));
    }
    let mut rows = rows.rows;
    sort_by_key(&mut rows, |r| r.number);
    rows
}

/// The rows so far, and where each PEP's is. A map to places rather than a `BTreeMap` of rows:
/// a hash map of this type is in the wasm already, and one sort at the end orders the rows.
#[derive(Default)]
struct Rows {
    rows: Vec<PepRow>,
    at: HashMap<u16, usize>,
}

/// The row of PEP `n`, made on first use.
fn entry<'m>(rows: &'m mut Rows, data: &Dataset, n: u16) -> &'m mut PepRow {
    let at = *rows.at.entry(n).or_insert_with(|| {
        let pep = data.pep(n);
        rows.rows.push(PepRow {
            number: n,
            title: pep.map(|p| p.title.clone()).unwrap_or_default(),
            status: pep.map(|p| p.status.clone()).unwrap_or_default(),
            outcomes: Vec::new(),
            mentions: 0,
            first_discussed: None,
        });
        rows.rows.len() - 1
    });
    &mut rows.rows[at]
}

/// The order of the PEP list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PepSort {
    /// Latest recorded outcome first; PEPs without one last, by number.
    #[default]
    Decision,
    /// By number, lowest first.
    Number,
    /// By first mention in the notes, earliest first.
    Discussed,
}

impl PepSort {
    pub const ALL: [PepSort; 3] = [PepSort::Decision, PepSort::Number, PepSort::Discussed];

    pub fn as_str(self) -> &'static str {
        match self {
            PepSort::Decision => "decision",
            PepSort::Number => "number",
            PepSort::Discussed => "discussed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PepSort::Decision => "Latest decision first",
            PepSort::Number => "PEP number",
            PepSort::Discussed => "First discussed",
        }
    }

    pub fn parse(s: &str) -> Option<PepSort> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Which PEPs the list shows, by outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeChoice {
    /// PEPs with at least one recorded outcome of this kind.
    Is(OutcomeKind),
    /// PEPs the notes mention without a recorded outcome.
    Undecided,
}

impl OutcomeChoice {
    pub fn all() -> impl Iterator<Item = OutcomeChoice> {
        OutcomeKind::ALL
            .into_iter()
            .map(OutcomeChoice::Is)
            .chain([OutcomeChoice::Undecided])
    }

    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeChoice::Is(k) => k.as_str(),
            OutcomeChoice::Undecided => "none",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            OutcomeChoice::Is(k) => k.label(),
            OutcomeChoice::Undecided => "no recorded outcome",
        }
    }

    pub fn parse(s: &str) -> Option<OutcomeChoice> {
        Self::all().find(|k| k.as_str() == s)
    }

    pub fn matches(self, row: &PepRow) -> bool {
        match self {
            OutcomeChoice::Is(k) => row.outcomes.iter().any(|&(o, ..)| o == k),
            OutcomeChoice::Undecided => row.outcomes.is_empty(),
        }
    }
}

/// The PEP list's state; the URL query (`sort`, `outcome`) is its only copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PepQuery {
    pub sort: PepSort,
    pub outcome: Option<OutcomeChoice>,
}

impl PepQuery {
    /// Reads a query string (with or without `?`); unknown values are dropped, not fatal.
    pub fn from_query(query: &str) -> PepQuery {
        let mut q = PepQuery::default();
        for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            match key.as_ref() {
                "sort" => q.sort = PepSort::parse(value.trim()).unwrap_or_default(),
                "outcome" => q.outcome = OutcomeChoice::parse(value.trim()),
                _ => {}
            }
        }
        q
    }

    /// The query string without `?`; defaults are left out, so the plain list has none.
    pub fn to_query(&self) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        if self.sort != PepSort::default() {
            q.append_pair("sort", self.sort.as_str());
        }
        if let Some(o) = self.outcome {
            q.append_pair("outcome", o.as_str());
        }
        q.finish()
    }

    /// The rows that pass the outcome filter, in the chosen order.
    pub fn apply<'r>(&self, rows: &'r [PepRow]) -> Vec<&'r PepRow> {
        let mut out: Vec<&PepRow> = rows
            .iter()
            .filter(|r| self.outcome.is_none_or(|o| o.matches(r)))
            .collect();
        // One comparison for every order; the number breaks ties, so the order is total.
        sort_by(&mut out, |a, b| {
            let by = match self.sort {
                PepSort::Number => std::cmp::Ordering::Equal,
                // `None` sorts before `Some`, so comparing b to a puts undecided PEPs last.
                PepSort::Decision => b.last_decision().cmp(&a.last_decision()),
                // Oldest first, and PEPs the notes never mention after every one they do.
                PepSort::Discussed => (a.first_discussed.is_none(), a.first_discussed)
                    .cmp(&(b.first_discussed.is_none(), b.first_discussed)),
            };
            by.then(a.number.cmp(&b.number))
        });
        out
    }
}
