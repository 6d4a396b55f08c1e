//! One election: method, periods, turnout, every candidate's votes or stars, and the
//! nominations with their platforms. Nominations on the timeline link here (`#<person>`).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::core::model::{Election, VotingMethod};
use crate::core::route::Route;
use crate::ui::app::{set_title, use_base};
use crate::ui::components::data_view::with_data;
use crate::ui::load::Loaded;
use crate::ui::pages::not_found::NotFound;

#[component]
pub fn ElectionPage() -> impl IntoView {
    let params = use_params_map();
    let year = move || params.with(|p| p.get("year").unwrap_or_default());
    with_data(move |loaded| {
        let year = year();
        match year
            .parse::<u16>()
            .ok()
            .and_then(|y| loaded.data.election(y))
        {
            Some(e) => {
                view! { <ElectionView loaded=loaded.clone() election=e.clone()/> }.into_any()
            }
            None => view! { <NotFound what=format!("election for the term {year}")/> }.into_any(),
        }
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
    let star = e.method == VotingMethod::Star;
    let mut candidates = e.candidates.clone();
    candidates.sort_by_key(|c| std::cmp::Reverse(c.stars.or(c.votes).unwrap_or(0)));
    let rows = candidates
        .iter()
        .map(|c| {
            let score = c.stars.or(c.votes).map_or("—".to_string(), |n| n.to_string());
            let status = if c.withdrawn { "withdrew" } else if c.elected { "elected" } else { "" };
            view! {
                <tr class:elected=c.elected>
                    <th scope="row"><a href=format!("#{}", c.person)>{data.name(&c.person).to_string()}</a></th>
                    <td class="num">{score}</td>
                    <td>{status}</td>
                </tr>
            }
        })
        .collect_view();
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
                    <h3>{data.name(&n.person).to_string()} {n.withdrawn.then_some(" (withdrew)")}</h3>
                    {(!n.nominators.is_empty()).then(|| view! { <p>{format!("Nominated by {}", n.nominators.join(", "))}</p> })}
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
    let pep_url = crate::core::model::pep_url(e.pep);
    view! {
        <article class="election">
            <nav class="breadcrumbs" aria-label="Breadcrumbs">
                <a href=base.href(&Route::Home)>"Timeline"</a>
                " › "
                <span aria-current="page">{format!("{} election", e.term)}</span>
            </nav>
            <h1>{format!("Election for the {} term", e.term)}</h1>
            <dl class="facts">
                <dt>"Method"</dt><dd>{if star { "STAR voting (stars, then a runoff)" } else { "Approval voting" }}</dd>
                <dt>"Nominations"</dt><dd>{format!("{} to {}", e.nomination.start, e.nomination.end)}</dd>
                <dt>"Voting"</dt><dd>{format!("{} to {}", e.voting.start, e.voting.end)}</dd>
                <dt>"Turnout"</dt><dd>{format!("{} of {} eligible voters cast a ballot", e.cast, e.eligible)}</dd>
                <dt>"Election PEP"</dt><dd><a href=pep_url>{format!("PEP {}", e.pep)}</a></dd>
            </dl>
            <table class="results">
                <caption>{if star { "Total stars per candidate" } else { "Votes per candidate" }}</caption>
                <thead><tr><th scope="col">"Candidate"</th><th scope="col" class="num">{if star { "Stars" } else { "Votes" }}</th><th scope="col">"Result"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <h2>"Nominations"</h2>
            {nominations}
        </article>
    }
}
