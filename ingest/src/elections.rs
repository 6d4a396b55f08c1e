//! Elections and terms from the election PEPs 8100–8107.
//!
//! Everything is read from the PEP text: the schedule sentences, the nominee lists (numbered in
//! 8100, bullets after), the turnout sentence, the list of winners and the vote table. Where a
//! PEP has several tables (8105: first round, extension, combined) the last one is the result.
//! Periods end on the last day voters had: when a sentence gives both a UTC instant and "the end
//! of <day> Anywhere on Earth", that day is the end. A STAR election's tabulation steps (8107)
//! become one round per seat, checked by the app's own `check_rounds` before they are kept.

use std::path::Path;

use chrono::{Days, NaiveDate};
use council_explorer::core::dataset::check_rounds;
use council_explorer::core::date::MONTHS;
use council_explorer::core::model::{
    Candidate, Election, Extension, Finalist, Period, PersonId, SeatRound, Source, Term,
    VotingMethod,
};

use crate::error::{read_text, IngestError};
use crate::people::Registry;

/// A nominee as the PEP lists them, before votes are attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nominee {
    pub person: PersonId,
    pub name_as_written: String,
    pub thread_url: String,
    pub withdrawal_url: Option<String>,
    pub line: u32,
}

/// One election PEP, read.
#[derive(Debug, Clone)]
pub struct ParsedElection {
    pub election: Election,
    /// In the order the PEP lists them, withdrawn ones last.
    pub nominees: Vec<Nominee>,
}

/// Every `Month D, YYYY` in `text`, with the byte offset where it starts.
pub fn find_dates(text: &str) -> Vec<(usize, NaiveDate)> {
    let mut out = Vec::new();
    for (m, month) in MONTHS.iter().enumerate() {
        let mut from = 0;
        while let Some(pos) = text[from..].find(month) {
            let start = from + pos;
            from = start + month.len();
            let rest = &text[from..];
            let mut words = rest.split_whitespace();
            let day = words
                .next()
                .and_then(|w| w.trim_end_matches(',').parse::<u32>().ok());
            let year = words.next().and_then(|w| {
                let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
                (digits.len() == 4)
                    .then(|| digits.parse::<i32>().ok())
                    .flatten()
            });
            if let (Some(day), Some(year)) = (day, year) {
                if let Some(date) = NaiveDate::from_ymd_opt(year, m as u32 + 1, day) {
                    out.push((start, date));
                }
            }
        }
    }
    out.sort();
    out
}

/// A schedule sentence: first date to the "end of" day if one is given, else to the second date.
fn parse_period(text: &str) -> Option<Period> {
    let dates = find_dates(text);
    let start = dates.first()?.1;
    let end = match text.find("The end of ") {
        Some(at) => dates.iter().find(|(pos, _)| *pos > at)?.1,
        None => dates.get(1)?.1,
    };
    Some(Period { start, end })
}

/// The RST link `` `Label <url>`_ `` (one or two underscores) at the start of `s`.
fn rst_link(s: &str) -> Option<(String, String, &str)> {
    let inner = s.strip_prefix('`')?;
    let close = inner.find('`')?;
    let body = &inner[..close];
    let rest = inner[close + 1..].trim_start_matches('_');
    let (label, url) = body.rsplit_once(" <")?;
    Some((
        label.trim().to_string(),
        url.strip_suffix('>')?.to_string(),
        rest,
    ))
}

/// Numbers in `text`, in order (`**43**` counts as 43).
fn numbers(text: &str) -> Vec<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .filter_map(|w| w.parse().ok())
        .collect()
}

/// The paragraph (lines up to a blank one) that starts at the first line starting with `prefix`.
fn paragraph(lines: &[&str], prefix: &str) -> Option<(u32, String)> {
    let start = lines.iter().position(|l| l.starts_with(prefix))?;
    let text = lines[start..]
        .iter()
        .take_while(|l| !l.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    Some((start as u32 + 1, text))
}

/// Line indexes of RST section titles (a line underlined by `=`), by title.
fn section_start(lines: &[&str], title: &str) -> Option<usize> {
    lines
        .windows(2)
        .position(|w| w[0].trim() == title && !w[1].is_empty() && w[1].chars().all(|c| c == '='))
}

fn section_end(lines: &[&str], start: usize) -> usize {
    (start + 2..lines.len().saturating_sub(1))
        .find(|&i| {
            !lines[i].trim().is_empty()
                && !lines[i + 1].is_empty()
                && lines[i + 1].chars().all(|c| c == '=')
        })
        .unwrap_or(lines.len())
}

/// The winning term from the title: "2020 Term Steering Council election", or the year of the
/// first election's "January 2019 …".
fn term_from_title(title: &str) -> Option<u16> {
    let words: Vec<&str> = title.split_whitespace().collect();
    if let Some(i) = words.iter().position(|w| *w == "Term") {
        return words.get(i.checked_sub(1)?)?.parse().ok();
    }
    words
        .iter()
        .find_map(|w| w.parse::<u16>().ok().filter(|y| *y > 1990))
}

/// Reads one election PEP. `file` names it in errors (`peps/pep-8100.rst`).
pub fn parse_election(
    file: &str,
    text: &str,
    people: &Registry,
) -> Result<ParsedElection, IngestError> {
    let header = crate::peps::parse_header(file, text)?;
    let field = |name: &str| {
        header
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.value.clone())
    };
    let err = |line: usize, msg: String| IngestError::at(file, line as u32, msg);
    let pep: u16 = field("PEP")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| err(1, "no PEP number".into()))?;
    let title = field("Title").unwrap_or_default();
    let term = term_from_title(&title)
        .ok_or_else(|| err(2, format!("no term year in title {title:?}")))?;
    let lines: Vec<&str> = text.lines().collect();

    let (nline, ntext) = paragraph(&lines, "The nomination period")
        .ok_or_else(|| err(1, "no nomination period".into()))?;
    let nomination = parse_period(&ntext)
        .ok_or_else(|| err(nline as usize, "unreadable nomination period".into()))?;
    let (vline, vtext) =
        paragraph(&lines, "The voting period").ok_or_else(|| err(1, "no voting period".into()))?;
    let voting = parse_period(&vtext)
        .ok_or_else(|| err(vline as usize, "unreadable voting period".into()))?;

    // Nominees: list items of the Candidates section, withdrawn ones after their own heading.
    let cand = section_start(&lines, "Candidates")
        .ok_or_else(|| err(1, "no Candidates section".into()))?;
    let mut nominees = Vec::new();
    let mut withdrawn_part = false;
    for (i, l) in lines
        .iter()
        .enumerate()
        .take(section_end(&lines, cand))
        .skip(cand + 2)
    {
        if l.starts_with("Withdrawn nominations") {
            withdrawn_part = true;
            continue;
        }
        let item = match l.split_once(' ') {
            Some(("-", rest)) => rest,
            Some((n, rest)) if n.ends_with('.') && n[..n.len() - 1].parse::<u32>().is_ok() => rest,
            _ => continue,
        };
        if item.trim() == "None" {
            continue;
        }
        let (name, url, rest) = rst_link(item.trim())
            .ok_or_else(|| err(i + 1, format!("nominee without a thread link: {item:?}")))?;
        let person = people
            .exact(&name)
            .ok_or_else(|| {
                err(
                    i + 1,
                    format!("unknown name {name:?} (add it to curated/people.json)"),
                )
            })?
            .clone();
        let withdrawal_url =
            if withdrawn_part {
                let after = rest.trim_start_matches(['.', ' ', '(']);
                Some(rst_link(after).map(|(_, u, _)| u).ok_or_else(|| {
                    err(i + 1, "withdrawn nominee without a withdrawal link".into())
                })?)
            } else {
                None
            };
        nominees.push(Nominee {
            person,
            name_as_written: name,
            thread_url: url,
            withdrawal_url,
            line: i as u32 + 1,
        });
    }
    if nominees.is_empty() {
        return Err(err(cand + 1, "no nominees listed".into()));
    }

    // Results: turnout, winners, and the (last) vote table.
    let res =
        section_start(&lines, "Results").ok_or_else(|| err(1, "no Results section".into()))?;
    let res_end = section_end(&lines, res);
    let results = &lines[res..res_end];
    let (tline, turnout) =
        paragraph(results, "Of ").ok_or_else(|| err(res + 1, "no turnout sentence".into()))?;
    let [eligible, cast] = numbers(&turnout)[..] else {
        return Err(err(
            res + tline as usize,
            format!("unreadable turnout {turnout:?}"),
        ));
    };

    let winners_at = results
        .iter()
        .position(|l| {
            l.trim_end().ends_with("are:") && (l.contains("vote-getters") || l.contains("winners"))
        })
        .ok_or_else(|| err(res + 1, "no list of winners".into()))?;
    let winners: Vec<(usize, String)> = results[winners_at + 1..]
        .iter()
        .enumerate()
        .skip_while(|(_, l)| l.trim().is_empty())
        .take_while(|(_, l)| l.starts_with("* "))
        .map(|(j, l)| (res + winners_at + 2 + j, l[2..].trim().to_string()))
        .collect();
    if winners.len() != 5 {
        return Err(err(
            res + winners_at + 1,
            format!("expected five winners, found {}", winners.len()),
        ));
    }

    let mut tables: Vec<Vec<(usize, &str)>> = Vec::new();
    let mut in_table = false;
    for (j, l) in results.iter().enumerate() {
        let is_table = l.starts_with('+') || l.starts_with('|');
        if is_table && !in_table {
            tables.push(Vec::new());
        }
        in_table = is_table;
        if l.starts_with('|') {
            tables
                .last_mut()
                .expect("pushed above")
                .push((res + j + 1, l));
        }
    }
    let table = tables
        .last()
        .ok_or_else(|| err(res + 1, "no vote table".into()))?;
    let (header_line, header_row) = table
        .first()
        .ok_or_else(|| err(res + 1, "empty vote table".into()))?;
    let method = if header_row.contains("Total Stars") {
        VotingMethod::Star
    } else if header_row.contains("Votes Received") {
        VotingMethod::Approval
    } else {
        return Err(err(
            *header_line,
            format!("unknown vote table header {header_row:?}"),
        ));
    };
    let mut candidates: Vec<Candidate> = Vec::new();
    for (line, row) in &table[1..] {
        let cells: Vec<&str> = row
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        let [name, value] = cells[..] else {
            return Err(err(
                *line,
                format!("expected two cells, found {}", cells.len()),
            ));
        };
        let value: u32 = value
            .trim_matches('*')
            .parse()
            .map_err(|_| err(*line, format!("not a number of votes: {value:?}")))?;
        let nominee = nominees
            .iter()
            .find(|n| n.name_as_written == name && n.withdrawal_url.is_none())
            .ok_or_else(|| err(*line, format!("{name:?} is not a nominee of this election")))?;
        if candidates.iter().any(|c| c.person == nominee.person) {
            return Err(err(*line, format!("{name:?} has two rows")));
        }
        candidates.push(Candidate {
            person: nominee.person.clone(),
            name_as_written: name.to_string(),
            votes: (method == VotingMethod::Approval).then_some(value),
            stars: (method == VotingMethod::Star).then_some(value),
            elected: winners.iter().any(|(_, w)| w == name),
            withdrawn: false,
            withdrawal_url: None,
        });
    }
    for n in &nominees {
        match &n.withdrawal_url {
            Some(url) => candidates.push(Candidate {
                person: n.person.clone(),
                name_as_written: n.name_as_written.clone(),
                votes: None,
                stars: None,
                elected: false,
                withdrawn: true,
                withdrawal_url: Some(url.clone()),
            }),
            None if !candidates.iter().any(|c| c.person == n.person) => {
                return Err(err(
                    *header_line,
                    format!("the vote table has no row for {:?}", n.name_as_written),
                ));
            }
            None => {}
        }
    }
    for (line, w) in &winners {
        if !candidates
            .iter()
            .any(|c| &c.name_as_written == w && !c.withdrawn)
        {
            return Err(err(
                *line,
                format!("winner {w:?} has no row in the vote table"),
            ));
        }
    }
    let result = |c: &Candidate| c.votes.or(c.stars).unwrap_or(0);
    candidates.sort_by(|a, b| {
        a.withdrawn
            .cmp(&b.withdrawn)
            .then(result(b).cmp(&result(a)))
            .then(a.name_as_written.cmp(&b.name_as_written))
    });

    let extension = parse_extension(file, &lines, results, res, cast)?;
    let (rounds, steps_line) = parse_rounds(file, results, res, &nominees)?;

    let election = Election {
        term,
        pep,
        method,
        nomination,
        voting,
        extension,
        eligible,
        cast,
        candidates,
        rounds,
        source: Source {
            file: file.to_string(),
            line: res as u32 + 1,
            url: format!("https://peps.python.org/pep-{pep:04}/#results"),
        },
    };
    // The app's own check of the rounds, here so that a bad count names the seat's line.
    if let Some(p) = check_rounds(&election).into_iter().next() {
        let line = p
            .round
            .map_or(steps_line, |i| election.rounds[i].line as usize);
        return Err(err(line, p.to_string()));
    }
    Ok(ParsedElection { election, nominees })
}

/// The nominee (not withdrawn) whose name the PEP writes as `name`.
fn nominee_named<'n>(name: &str, nominees: &'n [Nominee]) -> Option<&'n Nominee> {
    nominees
        .iter()
        .find(|n| n.withdrawal_url.is_none() && n.name_as_written == name.trim())
}

/// "A and B" as two nominees, wherever the " and " between them is (a name may hold one).
/// The error is the first name that is not a nominee's.
fn two_nominees<'n>(
    names: &str,
    nominees: &'n [Nominee],
) -> Result<(&'n Nominee, &'n Nominee), String> {
    let splits = || {
        names
            .match_indices(" and ")
            .map(|(at, sep)| (&names[..at], &names[at + sep.len()..]))
    };
    splits()
        .find_map(|(a, b)| Some((nominee_named(a, nominees)?, nominee_named(b, nominees)?)))
        .ok_or_else(|| match splits().next() {
            None => names.trim().to_string(),
            Some((a, _)) if nominee_named(a, nominees).is_none() => a.trim().to_string(),
            Some((_, b)) => b.trim().to_string(),
        })
}

/// A STAR election's "Tabulation Steps": under each "Winner N" heading, the scoring round
/// ("A and B advance to runoff with X and Y stars") and the automatic runoff ("A is preferred
/// over B, P to Q, with E voters showing equal support"). Returns the rounds and the line of the
/// "Tabulation Steps" heading (the results' line when there is none, as in approval elections).
/// Whether the count adds up is `check_rounds`'s to say; this only reads it.
fn parse_rounds(
    file: &str,
    results: &[&str],
    res: usize,
    nominees: &[Nominee],
) -> Result<(Vec<SeatRound>, usize), IngestError> {
    let underlined = |j: usize, mark: char| {
        results.get(j + 1).is_some_and(|u| {
            !results[j].trim().is_empty() && !u.is_empty() && u.chars().all(|c| c == mark)
        })
    };
    let Some(steps) =
        (0..results.len()).find(|&j| results[j].trim() == "Tabulation Steps" && underlined(j, '-'))
    else {
        return Ok((Vec::new(), res + 1));
    };
    let line_of = |j: usize| res + j + 1;
    let err = |j: usize, msg: String| IngestError::at(file, line_of(j) as u32, msg);
    let headings: Vec<usize> = (steps + 2..results.len())
        .filter(|&j| underlined(j, '^'))
        .collect();
    if headings.is_empty() {
        return Err(err(steps, "tabulation steps without any seat".into()));
    }
    let mut rounds = Vec::new();
    for (k, &h) in headings.iter().enumerate() {
        let heading = results[h].trim();
        let seat: u8 = heading
            .strip_prefix("Winner ")
            .and_then(|n| n.trim().parse().ok())
            .ok_or_else(|| err(h, format!("not a seat heading: {heading:?}")))?;
        let block = &results[h + 2..headings.get(k + 1).copied().unwrap_or(results.len())];
        let sentence = |prefix: &str| -> Result<(usize, String), IngestError> {
            let (at, text) = paragraph(block, prefix)
                .ok_or_else(|| err(h, format!("Winner {seat} has no {prefix:?} line")))?;
            let j = h + 2 + at as usize - 1;
            Ok((j, text[prefix.len()..].trim().to_string()))
        };

        let (sj, scoring) = sentence("*Scoring Round*:")?;
        let unreadable = || err(sj, format!("unreadable scoring round: {scoring:?}"));
        let unknown =
            |j: usize, name: &str| err(j, format!("{name:?} is not a nominee of this election"));
        let (names, stars) = scoring
            .split_once(" advance to runoff with ")
            .ok_or_else(unreadable)?;
        let (a, b) = two_nominees(names, nominees).map_err(|name| unknown(sj, &name))?;
        let [a_stars, b_stars] = numbers(stars)[..] else {
            return Err(unreadable());
        };
        if !stars.contains("stars") {
            return Err(unreadable());
        }

        let (rj, runoff) = sentence("*Automatic Runoff*:")?;
        let unreadable = || err(rj, format!("unreadable runoff: {runoff:?}"));
        let (winner, rest) = runoff
            .split_once(" is preferred over ")
            .ok_or_else(unreadable)?;
        let (other, counts) = rest.split_once(',').ok_or_else(unreadable)?;
        let winner = nominee_named(winner, nominees).ok_or_else(|| unknown(rj, winner))?;
        let other = nominee_named(other, nominees).ok_or_else(|| unknown(rj, other))?;
        let [won_by, lost_by, equal] = numbers(counts)[..] else {
            return Err(unreadable());
        };
        if !counts.contains("equal") {
            return Err(unreadable());
        }
        let pair = |x: &Nominee, y: &Nominee| x.person == a.person && y.person == b.person;
        if !(pair(winner, other) || pair(other, winner)) {
            return Err(err(
                rj,
                format!(
                    "the runoff is between {:?} and {:?}, not the finalists {:?} and {:?}",
                    winner.name_as_written,
                    other.name_as_written,
                    a.name_as_written,
                    b.name_as_written
                ),
            ));
        }
        let preferred_by = |n: &Nominee| {
            if n.person == winner.person {
                won_by
            } else {
                lost_by
            }
        };
        rounds.push(SeatRound {
            seat,
            finalists: [
                Finalist {
                    person: a.person.clone(),
                    stars: a_stars,
                    preferred_by: preferred_by(a),
                },
                Finalist {
                    person: b.person.clone(),
                    stars: b_stars,
                    preferred_by: preferred_by(b),
                },
            ],
            winner: winner.person.clone(),
            equal,
            line: line_of(h) as u32,
        });
    }
    Ok((rounds, line_of(steps)))
}

/// The 2024 term's extra voting round: its Helios dates, and the turnout of both rounds,
/// which must add up to the total.
fn parse_extension(
    file: &str,
    lines: &[&str],
    results: &[&str],
    res: usize,
    cast: u32,
) -> Result<Option<Extension>, IngestError> {
    let Some(ext) = section_start(lines, "Extended Election Implementation") else {
        return Ok(None);
    };
    let err = |line: usize, msg: &str| IngestError::at(file, line as u32, msg.to_string());
    let part = &lines[ext..section_end(lines, ext)];
    let date_of = |prefix: &str| {
        part.iter()
            .find(|l| l.starts_with(prefix))
            .and_then(|l| find_dates(l).first().map(|(_, d)| *d))
    };
    let start =
        date_of("Voting starts at").ok_or_else(|| err(ext + 1, "extension without a start"))?;
    let end = date_of("Voting ends at").ok_or_else(|| err(ext + 1, "extension without an end"))?;
    let turnout_after = |marker: &str| {
        let at = results.iter().position(|l| l.contains(marker))?;
        let line = results[at + 1..].iter().find(|l| !l.trim().is_empty())?;
        let n = numbers(line);
        Some((n.first().copied()?, n.get(1).copied()?))
    };
    let (first_round_cast, _) = turnout_after("**Initial Election**")
        .ok_or_else(|| err(res + 1, "no first-round turnout"))?;
    let (ext_cast, invited) = turnout_after("**Election Extension**")
        .ok_or_else(|| err(res + 1, "no extension turnout"))?;
    if first_round_cast + ext_cast != cast {
        return Err(err(
            res + 1,
            "the two rounds' ballots do not add up to the total",
        ));
    }
    Ok(Some(Extension {
        voting: Period { start, end },
        first_round_cast,
        invited,
        cast: ext_cast,
    }))
}

/// Reads PEPs 8100–8107 from the PEP folder, in term order.
pub fn read_elections(
    peps_dir: &Path,
    people: &Registry,
) -> Result<Vec<ParsedElection>, IngestError> {
    let mut out = Vec::new();
    for pep in 8100..=8107u16 {
        let name = format!("pep-{pep}.rst");
        let text = read_text(&peps_dir.join(&name))?;
        out.push(parse_election(&format!("peps/{name}"), &text, people)?);
    }
    out.sort_by_key(|e| e.election.term);
    Ok(out)
}

/// Terms from the winners: a term starts the day after its election's voting closed and ends
/// the day the next election's voting closed (no source states either date).
pub fn terms(elections: &[ParsedElection]) -> Vec<Term> {
    elections
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut members: Vec<PersonId> = e
                .election
                .candidates
                .iter()
                .filter(|c| c.elected)
                .map(|c| c.person.clone())
                .collect();
            members.sort();
            Term {
                year: e.election.term,
                election_pep: e.election.pep,
                members,
                start: last_voting_day(&e.election) + Days::new(1),
                end: elections
                    .get(i + 1)
                    .map(|next| last_voting_day(&next.election)),
            }
        })
        .collect()
}

/// The last day ballots could be cast, counting an extension round.
fn last_voting_day(e: &Election) -> NaiveDate {
    e.extension
        .as_ref()
        .map_or(e.voting.end, |x| x.voting.end.max(e.voting.end))
}

/// The term in office on `date` (the earliest term for days before the first one started).
pub fn term_on(terms: &[Term], date: NaiveDate) -> u16 {
    terms
        .iter()
        .rev()
        .find(|t| t.start <= date)
        .or(terms.first())
        .map_or(0, |t| t.year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_instant_with_anywhere_on_earth_day_ends_on_that_day() {
        let p = parse_period("Ballots: March 2, 2099 12:00 UTC to March 9, 2099 12:00 UTC (The end of March 8, 2099 AoE)").unwrap();
        assert_eq!(p.start, NaiveDate::from_ymd_opt(2099, 3, 2).unwrap());
        assert_eq!(p.end, NaiveDate::from_ymd_opt(2099, 3, 8).unwrap());
        let p =
            parse_period("Ballots: May 1, 2098 to `May 14, 2098 AoE <https://x?iso=20980515T00>`_")
                .unwrap();
        assert_eq!(p.end, NaiveDate::from_ymd_opt(2098, 5, 14).unwrap());
    }

    #[test]
    fn titles_name_the_term() {
        assert_eq!(
            term_from_title("January 2019 Steering Council election"),
            Some(2019)
        );
        assert_eq!(
            term_from_title("2024 Term Steering Council election"),
            Some(2024)
        );
    }
}
