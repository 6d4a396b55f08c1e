//! One section of the notes: date, term, attendance, guests, every item with its summary, PEPs
//! and outcome, the neighbouring sections, and links to the original.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::closest::Asked;
use crate::core::model::Item;
use crate::core::route::Route;
use crate::ui::components::copy_link::{copy_page_link, CopyLink};
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::pep_link::PepLink;
use crate::ui::components::person_link::PersonLink;
use crate::ui::context::use_base;
use crate::ui::data::with_data;
use crate::ui::data::Loaded;
use crate::ui::document::{describe, set_title};
use crate::ui::pages::not_found::NotFound;

#[component]
pub fn MeetingPage(
    /// The section's id, as the address gives it.
    id: String,
) -> impl IntoView {
    with_data(move |loaded| {
        let id = id.clone();
        if loaded.data.section(&id).is_none() {
            return view! { <NotFound asked=Asked::Meeting(id)/> }.into_any();
        }
        view! { <Meeting loaded id/> }.into_any()
    })
}

#[component]
fn Meeting(
    /// The data set.
    loaded: Arc<Loaded>,
    /// The section to show; it exists.
    id: String,
) -> impl IntoView {
    let base = use_base();
    let Some((s, prev, next)) = loaded.data.section(&id) else {
        return ().into_any();
    };
    let data = &loaded.data;
    set_title(&s.title());
    describe(&match &s.gist {
        Some(gist) => format!("{}: {gist}.", s.title()),
        None => format!(
            "{}: {} items in the council's notes.",
            s.title(),
            s.items.len()
        ),
    });
    let people = |ids: &[String]| {
        ids.iter()
            .enumerate()
            .map(|(i, id)| view! { {(i > 0).then_some(", ")} <PersonLink id=id.clone() name=data.name(id).to_string()/> })
            .collect_view()
    };
    let a = &s.attendance;
    let attendance = if !a.stated {
        view! { "Not stated in the notes" }.into_any()
    } else if a.present.is_empty() && a.absent.is_empty() && a.count.is_none() {
        view! { "The notes mention attendance without naming it" }.into_any()
    } else {
        view! {
            {(!a.present.is_empty()).then(|| view! { "Present: " {people(&a.present)} ". " })}
            {(!a.absent.is_empty()).then(|| view! { "Absent: " {people(&a.absent)} ". " })}
            {a.count.map(|n| format!("{n} council members present."))}
        }
        .into_any()
    };
    let guests = s
        .guests
        .iter()
        .enumerate()
        .map(|(i, g)| {
            view! {
                {(i > 0).then_some("; ")}
                <PersonLink id=g.person.clone() name=data.name(&g.person).to_string()/>
                {format!(" ({})", g.role)}
            }
        })
        .collect_view();
    let has_guests = !s.guests.is_empty();
    let link = |route: Route| base.href(&route);
    let prev = prev.map(|p| (link(Route::Meeting(p.id.clone())), p.title()));
    let next = next.map(|n| (link(Route::Meeting(n.id.clone())), n.title()));
    let items = s
        .items
        .iter()
        .map(|item| {
            let href = link(Route::MeetingItem(s.id.clone(), item.n));
            view! { <ItemRow loaded=loaded.clone() item=item.clone() href section_url=s.source.url.clone()/> }
        })
        .collect_view();
    // None until a copy is tried, then whether the browser allowed it.
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| copy_page_link(move |ok| copied.set(Some(ok)));
    let term_link = link(Route::Election(s.term));
    view! {
        <article class="meeting">
            <PageHeader route=Route::Meeting(s.id.clone()) crumb=s.id.clone() title=s.title()/>
            {s.gist.clone().map(|g| view! { <p class="gist">{g}</p> })}
            <dl class="facts">
                <dt>"Kind"</dt><dd>{s.kind.label()}</dd>
                <dt>"Term"</dt><dd><a href=term_link>{format!("{} term", s.term)}</a></dd>
                <dt>"Attendance"</dt><dd>{attendance}</dd>
                {has_guests.then(|| view! { <dt>"Guests"</dt><dd>{guests}</dd> })}
                <dt>"Source"</dt>
                <dd>
                    <a data-testid="source-link" href=s.source.url.clone()>
                        {format!("{}, line {}", s.source.file, s.source.line)}
                    </a>
                </dd>
            </dl>
            <div class="actions">
                <button class="button" data-testid="copy-link" on:click=copy>
                    {move || match copied.get() {
                        None => "Copy link",
                        Some(true) => "Link copied",
                        Some(false) => "Copy failed: use the address bar",
                    }}
                </button>
            </div>
            <h2>{format!("Items ({})", s.items.len())}</h2>
            <ol class="items">{items}</ol>
            <nav class="pager" aria-label="Neighbouring meetings">
                {prev.map(|(href, label)| view! { <a data-testid="prev-meeting" rel="prev" href=href>{format!("← {label}")}</a> })}
                {next.map(|(href, label)| view! { <a data-testid="next-meeting" rel="next" href=href>{format!("{label} →")}</a> })}
            </nav>
        </article>
    }
    .into_any()
}

#[component]
fn ItemRow(
    /// The data set, for PEP titles and names.
    loaded: Arc<Loaded>,
    /// The item to draw.
    item: Item,
    /// The item's own address (`#item-N`), which its "Copy link" copies.
    href: String,
    /// The section's original URL, for items without a summary yet.
    section_url: String,
) -> impl IntoView {
    let data = &loaded.data;
    let outcomes: Vec<_> = item
        .outcome
        .iter()
        .chain(item.outcomes.iter())
        .copied()
        .fold(Vec::new(), |mut v, o| {
            if !v.contains(&o) {
                v.push(o);
            }
            v
        });
    let outcome_view = outcomes
        .into_iter()
        .map(|o| {
            view! {
                <span class=format!("outcome outcome-{}", o.result.as_str()) data-outcome=o.result.as_str()>
                    <PepLink number=o.pep title=data.pep(o.pep).map(|p| p.title.clone()).unwrap_or_default()/>
                    {format!(" {}", o.result.label())}
                </span>
            }
        })
        .collect_view();
    let peps = item
        .peps
        .iter()
        .map(|&n| {
            let title = data.pep(n).map(|p| p.title.clone());
            view! { <li><PepLink number=n title=title.clone().unwrap_or_default()/> {title.map(|t| format!(" {t}"))}</li> }
        })
        .collect_view();
    let has_people = !item.people.is_empty();
    let people = item
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| view! { {(i > 0).then_some(", ")} <PersonLink id=p.clone() name=data.name(p).to_string()/> })
        .collect_view();
    let links = item
        .links
        .iter()
        .filter(|l| !l.url.contains("peps.python.org") && !l.url.contains("/dev/peps/"))
        .map(|l| view! { <li><a href=l.url.clone() rel="noopener">{l.label.clone()}</a></li> })
        .collect_view();
    let summary = match item.summary.clone() {
        Some(s) => view! { <p class="summary">{s}</p> }.into_any(),
        None => view! {
            <p class="summary missing">
                "No summary written yet. " <a href=section_url.clone()>"Read the original notes"</a> "."
            </p>
        }
        .into_any(),
    };
    view! {
        <li class=format!("item item-{}", item.kind.as_str()) id=format!("item-{}", item.n)>
            <div class="item-head">
                <span class=format!("badge badge-{}", item.kind.as_str())>{item.kind.label()}</span>
                {item.topic.clone().map(|t| view! { <span class="topic">{t}</span> })}
                {outcome_view}
                <CopyLink href to=format!("item {}", item.n)/>
            </div>
            {summary}
            {(!item.peps.is_empty()).then(|| view! { <ul class="item-peps" aria-label="PEPs">{peps}</ul> })}
            {has_people.then(|| view! { <p class="item-people">"People: " {people}</p> })}
            <ul class="item-links">{links}</ul>
            <p class="item-source"><a href=format!("{section_url}")>{format!("Source line {}", item.line)}</a></p>
        </li>
    }
}
