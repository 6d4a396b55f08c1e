//! Figures about elections: each candidate's rank, the turnout, a STAR count seat by seat, and
//! one line per election for the overview of all terms. Derived from `elections.json` and
//! `nominations.json` on demand.

use super::dataset::Dataset;
use super::model::{Candidate, Election, Finalist, VotingMethod};
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

/// One seat of a STAR count as the election page shows it: the finalists with the runoff's
/// winner first, whatever order the scoring round gave them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seat<'a> {
    pub seat: u8,
    pub winner: &'a Finalist,
    /// The other finalist.
    pub runner_up: &'a Finalist,
    /// Voters who rated both finalists the same.
    pub equal: u32,
    /// Ballots in none of the runoff's three figures (0 when they account for every ballot).
    pub uncounted: u32,
    /// Person ids of the winners of the seats before this one, who were no longer in the count.
    pub already_elected: Vec<&'a str>,
}

impl Seat<'_> {
    /// By how many voters the runoff was won.
    pub fn margin(&self) -> u32 {
        self.winner
            .preferred_by
            .saturating_sub(self.runner_up.preferred_by)
    }

    /// The winner's stars less the runner-up's: negative when the runoff elected the finalist
    /// with fewer stars.
    pub fn star_lead(&self) -> i64 {
        i64::from(self.winner.stars) - i64::from(self.runner_up.stars)
    }

    /// Whether the runoff elected the finalist with fewer stars, the case STAR's runoff exists
    /// for: more voters preferred them although they had fewer stars in all.
    pub fn overturned(&self) -> bool {
        self.star_lead() < 0
    }

    /// The runoff's ballots as the parts of one bar, in drawing order, leaving out empty parts.
    /// They add up to the ballots cast.
    pub fn shares(&self) -> Vec<(RunoffShare, u32)> {
        [
            (RunoffShare::PreferredWinner, self.winner.preferred_by),
            (RunoffShare::Equal, self.equal),
            (RunoffShare::PreferredRunnerUp, self.runner_up.preferred_by),
            (RunoffShare::Uncounted, self.uncounted),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect()
    }
}

/// What a part of a runoff's ballots did with the two finalists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RunoffShare {
    /// Rated the winner above the runner-up.
    PreferredWinner,
    /// Rated both the same (both unrated too).
    Equal,
    /// Rated the runner-up above the winner.
    PreferredRunnerUp,
    /// Not in the runoff's figures.
    Uncounted,
}

impl RunoffShare {
    /// Every part, in the order a bar draws them.
    pub const ALL: [RunoffShare; 4] = [
        RunoffShare::PreferredWinner,
        RunoffShare::Equal,
        RunoffShare::PreferredRunnerUp,
        RunoffShare::Uncounted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RunoffShare::PreferredWinner => "preferred_winner",
            RunoffShare::Equal => "equal",
            RunoffShare::PreferredRunnerUp => "preferred_runner_up",
            RunoffShare::Uncounted => "uncounted",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RunoffShare::PreferredWinner => "preferred the winner",
            RunoffShare::Equal => "rated both the same",
            RunoffShare::PreferredRunnerUp => "preferred the runner-up",
            RunoffShare::Uncounted => "not counted in the runoff",
        }
    }
}

/// A STAR election's seats in the order they were filled; empty for an approval election. A
/// round whose winner is not a finalist (which validation rules out) is left out.
pub fn seats(e: &Election) -> Vec<Seat<'_>> {
    let mut out: Vec<Seat> = Vec::with_capacity(e.rounds.len());
    for (i, r) in e.rounds.iter().enumerate() {
        let [a, b] = &r.finalists;
        let (winner, runner_up) = match (a.person == r.winner, b.person == r.winner) {
            (true, _) => (a, b),
            (_, true) => (b, a),
            _ => continue,
        };
        let counted = u64::from(a.preferred_by) + u64::from(b.preferred_by) + u64::from(r.equal);
        out.push(Seat {
            seat: r.seat,
            winner,
            runner_up,
            equal: r.equal,
            uncounted: u32::try_from(u64::from(e.cast).saturating_sub(counted)).unwrap_or(0),
            already_elected: e.rounds[..i].iter().map(|x| x.winner.as_str()).collect(),
        });
    }
    out
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
