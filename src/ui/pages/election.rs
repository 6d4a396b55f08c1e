//! One election: method, periods, turnout, every candidate's votes or stars (as a chart and as a
//! table), a STAR count's runoff seat by seat (as a table and a chart), and the nominations
//! with their platforms. Nominations on the timeline and person pages link here (`#<person>`).

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::closest::Asked;
use crate::core::elections::{ordinal, ranking, seats, RunoffShare, Seat};
use crate::core::model::{pep_url, Election, Finalist, VotingMethod};
use crate::core::number::{count, percent};
use crate::core::route::Route;
use crate::ui::components::bar_chart::{Bar, BarChart};
use crate::ui::components::facts::{Fact, Facts};
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::person_link::{person_names, PersonLink};
use crate::ui::components::table_head::{TableHead, TableScroll};
use crate::ui::context::use_base;
use crate::ui::data::with_data;
use crate::ui::data::Loaded;
use crate::ui::document::{describe, set_title};
use crate::ui::pages::not_found::NotFound;

#[component]
pub fn ElectionPage(
    /// The term whose election it is, as the address gives it.
    year: u16,
) -> impl IntoView {
    with_data(move |loaded| match loaded.data.election(year) {
        Some(e) => view! { <ElectionView loaded=loaded.clone() election=e.clone()/> }.into_any(),
        None => view! { <NotFound asked=Asked::Election(year)/> }.into_any(),
    })
}

#[component]
fn ElectionView(
    /// The data set, for names and nominations.
    loaded: Arc<Loaded>,
    /// The election to show.
    election: Election,
) -> impl IntoView {
    let e = election;
    let data = &loaded.data;
    let base = use_base();
    set_title(&format!("Election for the {} term", e.term));
    describe(&format!(
        "The Python Steering Council election for the {} term: {}, {} of {} eligible voters cast a ballot.",
        e.term,
        count(e.candidates.len(), "candidate"),
        e.cast,
        e.eligible
    ));
    let star = e.method == VotingMethod::Star;
    let unit = if star { "stars" } else { "votes" };
    let caption = if star {
        "Total stars per candidate"
    } else {
        "Votes per candidate"
    };
    let ranked = ranking(&e);
    let of = ranked.iter().filter(|r| r.rank.is_some()).count();
    // The results are fixed once loaded, so plain maps are enough instead of keyed <For/>.
    let rows = ranked
        .iter()
        .map(|r| {
            let c = r.candidate;
            let score = r.score().map_or("—".to_string(), |n| n.to_string());
            let status = if c.withdrawn { "withdrew" } else if c.elected { "elected" } else { "not elected" };
            let place = r.rank.map_or(String::new(), |k| format!("{} of {of}", ordinal(k)));
            view! {
                <tr class:elected=c.elected data-person=c.person.clone() data-score=r.score().map(|n| n.to_string())>
                    <th scope="row"><PersonLink id=c.person.clone() name=data.name(&c.person).to_string()/></th>
                    <td class="num">{score}</td>
                    <td>{place}</td>
                    <td>{status}</td>
                    <td><a href=base.href(&Route::Nomination(e.term, c.person.clone())) aria-label=format!("Nomination of {}", data.name(&c.person))>"nomination"</a></td>
                </tr>
            }
        })
        .collect_view();
    let bars: Vec<Bar> = ranked
        .iter()
        .filter(|r| r.rank.is_some())
        .map(|r| {
            let n = r.score().unwrap_or(0);
            Bar {
                label: data.name(&r.candidate.person).to_string(),
                value: f64::from(n),
                text: n.to_string(),
                marked: r.candidate.elected,
            }
        })
        .collect();
    let description = match (ranked.first(), ranked.iter().rfind(|r| r.rank.is_some())) {
        (Some(top), Some(low)) => format!(
            "{} candidates. Most {unit}: {} with {}; fewest: {} with {}. Bars of the elected are drawn in the highlight colour.",
            bars.len(),
            data.name(&top.candidate.person),
            top.score().unwrap_or(0),
            data.name(&low.candidate.person),
            low.score().unwrap_or(0),
        ),
        _ => "No results.".to_string(),
    };
    let withdrawn: Vec<_> = e.candidates.iter().filter(|c| c.withdrawn).collect();
    let withdrawn_view = (!withdrawn.is_empty()).then(|| {
        let list = withdrawn
            .iter()
            .map(|c| {
                view! {
                    <li>
                        <PersonLink id=c.person.clone() name=data.name(&c.person).to_string()/>
                        {c.withdrawal_url.clone().map(|url| view! { " (" <a href=url rel="noopener">"withdrawal post"</a> ")" })}
                    </li>
                }
            })
            .collect_view();
        view! { <h2>"Withdrawn nominations"</h2><ul data-testid="withdrawn">{list}</ul> }
    });
    let nominations = data
        .parts
        .nominations
        .iter()
        .filter(|n| n.term == e.term)
        .map(|n| {
            let points = n.platform.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view();
            let known = !n.platform.is_empty();
            view! {
                <section class="nomination" id=n.person.clone()>
                    <h3>
                        <PersonLink id=n.person.clone() name=data.name(&n.person).to_string()/>
                        {n.withdrawn.then_some(" (withdrew)")}
                    </h3>
                    {(!n.nominators.is_empty()).then(|| {
                        let names: Vec<&str> = n.nominators.iter().map(String::as_str).collect();
                        view! { <p>"Nominated by " {person_names(data, &names)}</p> }
                    })}
                    {if known {
                        view! { <ul class="platform">{points}</ul> }.into_any()
                    } else {
                        view! { <p class="missing">"The nomination statement is not known to this site; the thread has it."</p> }.into_any()
                    }}
                    <p><a href=n.thread_url.clone()>"Nomination thread on discuss.python.org"</a></p>
                </section>
            }
        })
        .collect_view();
    let method = Fact::new(
        "Method",
        if star {
            "STAR voting (stars, then a runoff)"
        } else {
            "Approval voting"
        },
    );
    // A STAR count's runoffs, where the data set has its rounds, are further down the page.
    let rounds = !e.rounds.is_empty();
    let method = if rounds {
        method.link(format!("{}#rounds", base.href(&Route::Election(e.term))))
    } else {
        method
    };
    let mut facts = vec![
        method,
        Fact::new(
            "Nominations",
            format!("{} to {}", e.nomination.start, e.nomination.end),
        ),
        Fact::new("Voting", format!("{} to {}", e.voting.start, e.voting.end)),
    ];
    if let Some(x) = &e.extension {
        facts.push(Fact::new(
            "Extension",
            format!(
                "Voting reopened {} to {}: {} ballots had come in, {} voters who had not voted were invited, {} more voted",
                x.voting.start, x.voting.end, x.first_round_cast, x.invited, x.cast
            ),
        ));
    }
    facts.push(
        Fact::new(
            "Turnout",
            format!(
                "{} of {} eligible voters cast a ballot ({})",
                e.cast,
                e.eligible,
                percent(e.cast, e.eligible)
            ),
        )
        .tested("turnout", e.cast),
    );
    facts.push(
        Fact::new("Election PEP", format!("PEP {}", e.pep)).link(base.href(&Route::Pep(e.pep))),
    );
    facts.push(
        Fact::new("Full text", format!("PEP {} on peps.python.org", e.pep)).link(pep_url(e.pep)),
    );
    let chart_title = format!(
        "{} per candidate, {} election",
        if star { "Total stars" } else { "Votes" },
        e.term
    );
    view! {
        <article class="election" data-testid="election-page" data-term=e.term.to_string()>
            <PageHeader route=Route::Election(e.term) crumb=format!("{} election", e.term) title=format!("Election for the {} term", e.term)/>
            <Facts facts/>
            <figure class="chart">
                <figcaption>{chart_title.clone()}</figcaption>
                <BarChart id=format!("results-{}", e.term) title=chart_title description bars/>
            </figure>
            <TableScroll label=caption>
            <table class="results" data-testid="results">
                <caption>{caption}</caption>
                <TableHead columns=vec![("Candidate", false), (if star { "Stars" } else { "Votes" }, true), ("Place", false), ("Result", false), ("Nomination", false)]/>
                <tbody>{rows}</tbody>
            </table>
            </TableScroll>
            {rounds.then(|| view! { <SeatBySeat loaded=loaded.clone() election=e.clone()/> })}
            {withdrawn_view}
            <h2>"Nominations"</h2>
            {nominations}
        </article>
    }
}

/// The width of the runoff chart in SVG units: narrow, so that scaled to a phone's column its
/// 13-unit labels are still over 11 px.
const RUNOFF_W: i64 = 360;
/// One seat's height: its label line, then its bar.
const SEAT_H: i64 = 44;

/// A STAR count seat by seat: for each seat, its two finalists with their stars, how the
/// runoff between them went, and one bar of the ballots split by what each did with the pair.
#[component]
fn SeatBySeat(
    /// The data set, for names.
    loaded: Arc<Loaded>,
    /// A STAR election, with its rounds.
    election: Election,
) -> impl IntoView {
    let data = &loaded.data;
    let e = &election;
    let seats = seats(e);
    let finalist = |f: &Finalist| {
        view! {
            <PersonLink id=f.person.clone() name=data.name(&f.person).to_string()/>
            {format!(" ({} stars)", f.stars)}
        }
    };
    let runoff = |s: &Seat| format!("{} to {}", s.winner.preferred_by, s.runner_up.preferred_by);
    // Fixed once loaded: plain maps are enough instead of keyed <For/>.
    let rows = seats
        .iter()
        .map(|s| {
            view! {
                <tr data-seat=s.seat.to_string()>
                    <th scope="row">{s.seat.to_string()}</th>
                    <td>{finalist(s.winner)}</td>
                    <td>{finalist(s.runner_up)}</td>
                    <td class="num">{runoff(s)}</td>
                    <td class="num">{s.equal.to_string()}</td>
                    <td class="num">{s.margin().to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let cast = i64::from(e.cast.max(1));
    let bars = seats
        .iter()
        .zip(0..)
        .map(|(s, i)| {
            let y = i * SEAT_H;
            let mut at = 0;
            // Each part starts where the last ended, so rounding never leaves a gap.
            let parts = s
                .shares()
                .into_iter()
                .map(|(share, n)| {
                    let x = at * RUNOFF_W / cast;
                    at += i64::from(n);
                    view! {
                        <rect class=format!("share share-{}", share.as_str()) x=x y=y + 20
                            width=at * RUNOFF_W / cast - x height=18>
                            <title>{format!("{n} {}", share.label())}</title>
                        </rect>
                    }
                })
                .collect_view();
            view! {
                <text class="share-label" x=0 y=y + 14>
                    {format!("Seat {}: {}", s.seat, data.name(&s.winner.person))}
                </text>
                <text class="share-label" x=RUNOFF_W y=y + 14 text-anchor="end">{runoff(s)}</text>
                {parts}
            }
        })
        .collect_view();
    let legend = RunoffShare::ALL
        .into_iter()
        .filter(|k| seats.iter().any(|s| s.shares().iter().any(|(x, _)| x == k)))
        .map(|k| {
            let label = k.label();
            view! { <li class=format!("key share-{}", k.as_str())>{format!("{}{}", label[..1].to_ascii_uppercase(), &label[1..])}</li> }
        })
        .collect_view();
    let closest = seats.iter().min_by_key(|s| s.margin());
    let overturned: Vec<String> = seats
        .iter()
        .filter(|s| s.overturned())
        .map(|s| s.seat.to_string())
        .collect();
    let description = format!(
        "One bar per seat, each of the {} ballots, split by which finalist a voter rated higher. {}{}",
        e.cast,
        closest.map_or(String::new(), |s| format!(
            "The closest runoff was seat {}, won by {}. ",
            s.seat,
            count(s.margin() as usize, "voter")
        )),
        if overturned.is_empty() {
            "Every seat went to the finalist with more stars.".to_string()
        } else {
            format!(
                "The runoff elected the finalist with fewer stars for seat {}.",
                overturned.join(", ")
            )
        }
    );
    let height = seats.len() as i64 * SEAT_H;
    view! {
        <h2 id="rounds">"Seat by seat"</h2>
        <p>
            "Each seat was filled in turn: the two candidates not yet elected with the most stars \
            went to a runoff, which elected the one that more voters rated higher. "
            <a href=pep_url(e.pep)>{format!("PEP {} gives every round", e.pep)}</a>"."
        </p>
        <figure class="chart runoff">
            <figcaption>"The runoff ballots, seat by seat"</figcaption>
            <svg class="bar-chart" viewBox=format!("0 0 {RUNOFF_W} {height}") role="img"
                aria-labelledby="runoff-title runoff-desc" data-testid="runoff-chart">
                <title id="runoff-title">{format!("Runoff ballots per seat, {} election", e.term)}</title>
                <desc id="runoff-desc">{description}</desc>
                {bars}
            </svg>
            <ul class="legend">{legend}</ul>
        </figure>
        <TableScroll label="The runoff for each seat">
            <table class="results" data-testid="rounds">
                <caption>"The runoff for each seat"</caption>
                <TableHead columns=vec![("Seat", false), ("Elected", false), ("Other finalist", false), ("Runoff", true), ("Rated equal", true), ("Margin", true)]/>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
    }
}
