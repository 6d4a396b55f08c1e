//! One PEP's story with the council: its header facts, status history, every recorded outcome,
//! every item of the notes that mentions it, and how long each step took. Everything read from
//! the PEP's header beyond its number and title is drawn by `PepDetails` alone, which fetches
//! the PEP's details file when the page opens.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::core::closest::Asked;
use crate::core::model::{pep_url, Decider, PepDetails};
use crate::core::number::count;
use crate::core::peps::{
    decision_sentence, delegates, describe_days, history_steps, resolution_link, Latency, PepStory,
};
use crate::core::route::Route;
use crate::ui::components::facts::{Fact, Facts};
use crate::ui::components::mention::Mention;
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::person_link::person_names;
use crate::ui::context::use_base;
use crate::ui::data::with_data;
use crate::ui::data::{use_pep_details, Loaded};
use crate::ui::document::{describe, set_title};
use crate::ui::pages::not_found::NotFound;

#[component]
pub fn PepPage(
    /// The PEP's number, as the address gives it.
    number: u16,
) -> impl IntoView {
    with_data(move |loaded| {
        if loaded.data.pep(number).is_some() {
            view! { <PepView loaded number/> }.into_any()
        } else {
            view! { <NotFound asked=Asked::Pep(number)/> }.into_any()
        }
    })
}

#[component]
fn PepView(
    /// The data set.
    loaded: Arc<Loaded>,
    /// The PEP to show; it exists.
    number: u16,
) -> impl IntoView {
    let base = use_base();
    let data = &loaded.data;
    let title = data
        .pep(number)
        .map(|p| p.title.clone())
        .unwrap_or_default();
    set_title(&format!("PEP {number}: {title}"));
    let story = PepStory::new(data, number);
    let discussed = story.first_discussed();
    let decided = story.first_decision().map(|d| d.date);
    let outcome = story
        .first_decision()
        .map(|d| {
            format!(
                " First recorded outcome: {} on {}.",
                d.outcome.label(),
                d.date
            )
        })
        .unwrap_or_default();
    describe(&format!(
        "PEP {number}, {title}, before the Python Steering Council: mentioned in {} of its notes.{outcome}",
        count(story.mentions.len(), "item")
    ));
    // Recorded outcomes and mentions are fixed once loaded: plain maps instead of <For/>.
    let decisions = story
        .decisions
        .iter()
        .map(|d| {
            // The record in words, built from its facts, then where each fact can be checked.
            let sentence = decision_sentence(d, &title);
            let notes = d.notes().map(|n| {
                let item = base.href(&Route::MeetingItem(n.section.clone(), n.item));
                view! { <li><a href=item>{format!("The notes of {}, item {}", n.section, n.item)}</a></li> }
            });
            let resolution = d
                .resolution_url()
                .map(|url| view! { <li><a href=url.to_string() rel="noopener">"The resolution post"</a></li> });
            let commit = d.bases.status_history.as_ref().map(|h| {
                let url = format!("https://github.com/python/peps/commit/{}", h.commit);
                view! { <li><a href=url rel="noopener">{format!("The python/peps commit of {}", h.date)}</a></li> }
            });
            view! {
                <li class="decision" data-outcome=d.outcome.as_str() data-decided-by=d.decided_by.as_str()>
                    <p>
                        <span class=format!("outcome outcome-{}", d.outcome.as_str())>{d.outcome.label()}</span>
                        " "
                        <time datetime=d.date.to_string() title=d.date_basis.label()>{d.date.to_string()}</time>
                        {(d.decided_by == Decider::Delegate).then(|| view! { " " <span class="role-tag">"by its delegate"</span> })}
                    </p>
                    <p class="decision-sentence">{sentence}</p>
                    <ul class="sources" aria-label="Sources">{notes}{resolution}{commit}</ul>
                </li>
            }
        })
        .collect_view();
    let mentions = story
        .mentions
        .iter()
        .map(|m| {
            view! {
                <Mention
                    date=m.date()
                    href=base.href(&Route::MeetingItem(m.section.id.clone(), m.item.n))
                    heading=m.section.shown_heading().to_string()
                    n=m.item.n
                    kind=m.item.kind
                    outcomes=story.outcomes_in(m.item)
                    summary=m.item.summary.clone()
                />
            }
        })
        .collect_view();
    let n_decisions = story.decisions.len();
    let n_mentions = story.mentions.len();
    view! {
        <article class="pep" data-testid="pep-page" data-pep=number.to_string()>
            <PageHeader route=Route::Pep(number) crumb=format!("PEP {number}") title=format!("PEP {number}: {title}")/>
            <PepDetails loaded=loaded.clone() number discussed decided/>
            <h2>{format!("Outcomes ({n_decisions})")}</h2>
            {if n_decisions == 0 {
                view! { <p class="muted">"Neither the notes nor the PEP record an outcome since the council began."</p> }.into_any()
            } else {
                view! { <ol class="decisions" data-testid="pep-decisions" data-count=n_decisions.to_string()>{decisions}</ol> }.into_any()
            }}
            <h2>{format!("Where the notes mention it ({n_mentions})")}</h2>
            {if n_mentions > 0 {
                view! { <ol class="mentions" data-testid="pep-mentions" data-count=n_mentions.to_string()>{mentions}</ol> }.into_any()
            } else {
                view! { <p class="muted">"The council's notes never mention this PEP."</p> }.into_any()
            }}
        </article>
    }
}

/// The PEP's header facts, the time each step took, its status history and its links. The only
/// reader of the header's fields beyond number and title: status, type and topic come with the
/// data set; the rest (`data/peps/<number>.json`) is fetched when the page opens.
#[component]
fn PepDetails(
    /// The data set.
    loaded: Arc<Loaded>,
    /// The PEP; it exists.
    number: u16,
    /// The first item that mentions it, if any.
    discussed: Option<NaiveDate>,
    /// Its first recorded outcome, if any.
    decided: Option<NaiveDate>,
) -> impl IntoView {
    let Some(pep) = loaded.data.pep(number).cloned() else {
        return ().into_any();
    };
    let mut facts = vec![
        Fact::new("Status", pep.status.clone()).tested("pep-status", &pep.status),
        Fact::new("Type", pep.pep_type.clone()),
    ];
    facts.extend(pep.topic.clone().map(|t| Fact::new("Topic", t)));
    let (details, retry) = use_pep_details(Signal::stored(Some(number)));
    let data = loaded.clone();
    let header = move || {
        match details.get().flatten() {
        None => view! {
            <p class="loading" data-testid="pep-details-loading" role="status">
                "Loading the PEP's header and status history…"
            </p>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <div class="data-error" data-testid="pep-details-error" role="alert">
                <p class="error-message">{error.to_string()}</p>
                <button class="button" on:click=move |_| retry.update(|n| *n += 1)>"Try again"</button>
            </div>
        }
        .into_any(),
        Some(Ok(d)) => view! { <PepHeader loaded=data.clone() details=d discussed decided/> }.into_any(),
    }
    };
    view! {
        <Facts facts testid="pep-facts"/>
        <ul class="external-links">
            <li><a href=pep_url(number) data-testid="pep-external">{format!("PEP {number} on peps.python.org")}</a></li>
        </ul>
        {header}
    }
    .into_any()
}

/// The fetched part of a PEP's header: dates and people, its resolution, the time each step
/// took and the status history.
#[component]
fn PepHeader(
    /// The data set, to link the people the header names.
    loaded: Arc<Loaded>,
    /// The PEP's details file.
    details: Arc<PepDetails>,
    /// The first item that mentions it, if any.
    discussed: Option<NaiveDate>,
    /// Its first recorded outcome, if any.
    decided: Option<NaiveDate>,
) -> impl IntoView {
    let pep = details;
    let latency = Latency::new(pep.created, discussed, decided);
    // Written out rather than `Facts`, whose values are text: people are links here. One row
    // view serves every fact, so the wasm grows by one view, not four.
    let row = |label: &'static str, value: AnyView| view! { <dt>{label}</dt><dd>{value}</dd> };
    let names = |names: Vec<&str>| {
        (!names.is_empty()).then(|| person_names(&loaded.data, &names).into_any())
    };
    let facts = [
        ("Created", pep.created.map(|d| d.to_string().into_any())),
        (
            "Python version",
            pep.python_version.clone().map(|v| v.into_any()),
        ),
        ("Delegate", names(delegates(&pep))),
        (
            "Authors",
            names(pep.authors.iter().map(String::as_str).collect()),
        ),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.map(|v| row(label, v)))
    .collect_view();
    let steps = [
        (
            "Created → first mentioned in the notes",
            latency.created_to_discussion,
        ),
        (
            "First mentioned → first outcome",
            latency.discussion_to_decision,
        ),
        ("Created → first outcome", latency.created_to_decision),
    ]
    .map(|(label, days)| {
        let fact = Fact::new(label, days.map_or_else(|| "—".to_string(), describe_days));
        match days {
            Some(d) => fact.tested("pep-days", d),
            None => fact,
        }
    })
    .to_vec();
    // Steps from the status in force, not the source's `old`, which is sometimes stale.
    let steps_shown = history_steps(&pep.history);
    let has_history = !steps_shown.is_empty();
    let history = steps_shown
        .iter()
        .map(|step| {
            let h = step.change;
            let change = if h.field == "Status" {
                let from = if step.from.is_empty() { String::new() } else { format!("{} → ", step.from) };
                view! { <span>{format!("Status: {from}{}", h.new)}</span> }.into_any()
            } else {
                let verb = if step.from.is_empty() { "set" } else { "changed" };
                match resolution_link(&h.new) {
                    Some(url) => view! {
                        <span>{format!("Resolution {verb}: ")} <a href=url.to_string() rel="noopener">"resolution post"</a></span>
                    }
                    .into_any(),
                    None => view! { <span>{format!("Resolution {verb}: {}", h.new)}</span> }.into_any(),
                }
            };
            view! {
                <li class=format!("history-{}", h.field.to_ascii_lowercase())>
                    <time datetime=h.date.to_string()>{h.date.to_string()}</time>
                    " "
                    {change}
                </li>
            }
        })
        .collect_view();
    let resolution = pep.resolution.as_ref().map(|r| {
        let date = r.date.map(|d| format!(" ({d})")).unwrap_or_default();
        view! {
            <ul class="external-links">
                <li><a href=r.url.clone() rel="noopener">{format!("Resolution post{date}")}</a></li>
            </ul>
        }
    });
    view! {
        <dl class="facts" data-testid="pep-header">{facts}</dl>
        {resolution}
        <section class="latency" aria-labelledby="latency-heading">
            <h2 id="latency-heading">"How long it took"</h2>
            <Facts facts=steps testid="pep-latency"/>
        </section>
        {has_history.then(|| view! {
            <section aria-labelledby="history-heading">
                <h2 id="history-heading">"Status history"</h2>
                <p class="muted">"Dates are when python/peps changed the file, not always the day of the decision. Each change starts from the status before it; a recorded change that kept the status is left out."</p>
                <ol class="history" data-testid="pep-history">{history}</ol>
            </section>
        })}
    }
}
