//! The home page: the filter bar, the time axis and the matching entries grouped by month.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::core::date::{month_day, month_year};
use crate::core::filter::Filter;
use crate::core::route::Route;
use crate::core::timeline::Entry;
use crate::ui::app::{set_title, use_base};
use crate::ui::components::data_view::with_data;
use crate::ui::components::filter_bar::FilterBar;
use crate::ui::components::membership_chart::MembershipChart;
use crate::ui::components::time_axis::TimeAxis;
use crate::ui::load::Loaded;

/// How many entries are drawn at first; "Show more" adds as many again, so a broad filter stays
/// quick to render.
const PAGE: usize = 150;

#[component]
pub fn TimelinePage() -> impl IntoView {
    let location = use_location();
    let filter = Memo::new(move |_| Filter::from_query(&location.search.get()));
    let navigate = use_navigate();
    let on_change = Callback::new(move |(f, replace): (Filter, bool)| {
        let q = f.to_query();
        let path = if q.is_empty() {
            "/".to_string()
        } else {
            format!("/?{q}")
        };
        navigate(
            &path,
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    });
    Effect::new(move |_| {
        let f = filter.get();
        set_title(&if f.is_empty() {
            "Timeline".to_string()
        } else {
            format!("Timeline: {}", describe(&f))
        });
    });
    with_data(move |loaded| view! { <Timeline loaded filter on_change/> })
}

fn describe(f: &Filter) -> String {
    let mut parts = Vec::new();
    if let Some(p) = &f.person {
        parts.push(p.clone());
    }
    if let Some(n) = f.pep {
        parts.push(format!("PEP {n}"));
    }
    if let Some(k) = f.kind {
        parts.push(k.label().to_string());
    }
    if let Some(t) = f.term {
        parts.push(format!("{t} term"));
    }
    if let Some(y) = f.year {
        parts.push(y.to_string());
    }
    if !f.q.is_empty() {
        parts.push(format!("\u{201c}{}\u{201d}", f.q));
    }
    parts.join(", ")
}

#[component]
fn Timeline(
    /// The data set.
    loaded: Arc<Loaded>,
    /// The filter from the URL.
    filter: Memo<Filter>,
    /// Turns a filter change into a navigation.
    on_change: Callback<(Filter, bool)>,
) -> impl IntoView {
    let all = loaded.clone();
    let shown = Memo::new(move |_| {
        let f = filter.get();
        f.apply(&all.entries).cloned().collect::<Vec<Entry>>()
    });
    let limit = RwSignal::new(PAGE);
    Effect::new(move |_| {
        filter.track();
        limit.set(PAGE);
    });
    let count = move || shown.with(Vec::len);
    let groups = move || {
        let n = limit.get();
        shown.with(|entries| {
            let mut groups: Vec<(String, Vec<Entry>)> = Vec::new();
            for e in entries.iter().take(n) {
                let month = month_year(e.date);
                match groups.last_mut() {
                    Some((m, list)) if *m == month => list.push(e.clone()),
                    _ => groups.push((month, vec![e.clone()])),
                }
            }
            groups
        })
    };
    view! {
        <h1 class="visually-hidden">"Steering Council timeline"</h1>
        <FilterBar loaded=loaded.clone() filter on_change/>
        <TimeAxis loaded=loaded.clone() shown filter/>
        <MembershipChart loaded=loaded.clone()/>
        <p class="result-count" data-testid="result-count" data-count=move || count().to_string() aria-live="polite">
            {move || match count() {
                0 => "No entries match. Remove a filter or shorten the search to see more.".to_string(),
                1 => "1 entry".to_string(),
                n => format!("{n} entries"),
            }}
        </p>
        <div class="timeline" data-testid="timeline">
            <For each=groups key=|(month, list)| (month.clone(), list.len(), list.first().map(|e| e.route.path())) let:group>
                <section class="month" aria-label=group.0.clone()>
                    <h2 class="month-heading">{group.0.clone()}</h2>
                    <ul class="entries">
                        {group.1.into_iter().map(|e| view! { <EntryRow entry=e/> }).collect_view()}
                    </ul>
                </section>
            </For>
        </div>
        <Show when=move || { count() > limit.get() }>
            <button class="button secondary show-more" on:click=move |_| limit.update(|n| *n += PAGE)>
                {move || format!("Show more ({} not shown yet)", count().saturating_sub(limit.get()))}
            </button>
        </Show>
    }
}

#[component]
fn EntryRow(
    /// The entry to draw.
    entry: Entry,
) -> impl IntoView {
    let base = use_base();
    let href = base.href(&entry.route);
    let peps = entry
        .peps
        .iter()
        .take(8)
        .map(|&n| view! { <a class="chip" href=base.href(&Route::Pep(n))>{format!("PEP {n}")}</a> })
        .collect_view();
    view! {
        <li class=format!("entry entry-{}", entry.kind.as_str()) data-kind=entry.kind.as_str()>
            <time datetime=entry.date.to_string()>{month_day(entry.date)}</time>
            <div class="entry-body">
                <span class=format!("badge badge-{}", entry.badge)>{entry.badge.replace('_', " ")}</span>
                <a class="entry-link" href=href>{entry.title.clone()}</a>
                <Show when={let d = entry.detail.clone(); move || !d.is_empty()}>
                    <p class="entry-detail">{entry.detail.clone()}</p>
                </Show>
                <div class="chips">{peps}</div>
            </div>
        </li>
    }
}
