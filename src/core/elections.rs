//! Figures about elections: each candidate's rank, the turnout, and one line per election for
//! the overview of all terms. Derived from `elections.json` and `nominations.json` on demand.

use super::dataset::Dataset;
use super::model::{Candidate, Election, VotingMethod};
use super::sort::sort_by_key;

/// A candidate's line of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranked<'a> {
    pub candidate: &'a Candidate,
    /// 1 for the most votes or stars; equal scores share a rank. `None` for a withdrawn nominee.
    pub rank: Option<usize>,
}

impl Ranked<'_> {
    /// Votes in an approval election, stars in a STAR one.
    pub fn score(&self) -> Option<u32> {
        score(self.candidate)
    }
}

/// Votes or stars, whichever the election counted.
pub fn score(c: &Candidate) -> Option<u32> {
    c.stars.or(c.votes)
}

/// The candidates by score, highest first, withdrawn nominees last, with "1, 2, 2, 4" ranks.
pub fn ranking(e: &Election) -> Vec<Ranked<'_>> {
    let mut standing: Vec<&Candidate> = e.candidates.iter().filter(|c| !c.withdrawn).collect();
    // Equal scores keep the file's order (the election PEP's).
    sort_by_key(&mut standing, |c| std::cmp::Reverse(score(c).unwrap_or(0)));
    let mut out: Vec<Ranked> = Vec::with_capacity(e.candidates.len());
    for (i, c) in standing.iter().enumerate() {
        let rank = match out.last() {
            Some(prev) if score(prev.candidate) == score(c) => prev.rank,
            _ => Some(i + 1),
        };
        out.push(Ranked { candidate: c, rank });
    }
    out.extend(e.candidates.iter().filter(|c| c.withdrawn).map(|c| Ranked {
        candidate: c,
        rank: None,
    }));
    out
}

/// Ballots cast as a share of eligible voters, in percent (0 when nobody was eligible), for
/// scaling a chart. To write it, use `number::percent(cast, eligible)`, which keeps float
/// formatting out of the wasm.
pub fn turnout(e: &Election) -> f64 {
    if e.eligible == 0 {
        0.0
    } else {
        f64::from(e.cast) * 100.0 / f64::from(e.eligible)
    }
}

/// One election in the overview of all terms.
#[derive(Debug, Clone, PartialEq)]
pub struct ElectionSummary {
    pub term: u16,
    pub pep: u16,
    pub method: VotingMethod,
    pub eligible: u32,
    pub cast: u32,
    /// Percent, see [`turnout`].
    pub turnout: f64,
    /// Nominations for the term, withdrawn ones included.
    pub nominees: usize,
    pub withdrawn: usize,
    /// Person ids of the five elected.
    pub elected: Vec<String>,
}

/// Every election, oldest term first.
pub fn overview(data: &Dataset) -> Vec<ElectionSummary> {
    let mut out: Vec<ElectionSummary> = data
        .parts
        .elections
        .iter()
        .map(|e| {
            let nominations = data.parts.nominations.iter().filter(|n| n.term == e.term);
            ElectionSummary {
                term: e.term,
                pep: e.pep,
                method: e.method,
                eligible: e.eligible,
                cast: e.cast,
                turnout: turnout(e),
                nominees: nominations.clone().count(),
                withdrawn: nominations.filter(|n| n.withdrawn).count(),
                elected: ranking(e)
                    .iter()
                    .filter(|r| r.candidate.elected)
                    .map(|r| r.candidate.person.clone())
                    .collect(),
            }
        })
        .collect();
    sort_by_key(&mut out, |s| s.term);
    out
}

/// "3rd", "11th", "22nd".
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
