//! The PEPs the council touched: every PEP with a recorded outcome or a mention in the notes,
//! sortable and filterable by outcome. The choice lives in the URL query (`sort`, `outcome`),
//! so a sorted, filtered list can be shared as a link.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::model::Decider;
use crate::core::peps::{touched_peps, OutcomeChoice, PepQuery, PepRow, PepSort};
use crate::core::route::Route;
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::pep_link::PepLink;
use crate::ui::components::table_head::{TableHead, TableScroll};
use crate::ui::context::{use_navigator, HistoryMode};
use crate::ui::data::with_data;
use crate::ui::data::Loaded;
use crate::ui::document::set_title;

#[component]
pub fn PepsPage() -> impl IntoView {
    set_title("PEPs the council touched");
    let navigator = use_navigator();
    // The list's sort and filter are its route's; the last one stays while the page gives way.
    let query = Memo::new(move |last: Option<&PepQuery>| {
        navigator.route.with(|r| match r {
            Route::Peps(q) => *q,
            _ => last.cloned().unwrap_or_default(),
        })
    });
    let on_change =
        Callback::new(move |q: PepQuery| navigator.go(Route::Peps(q), HistoryMode::Push));
    with_data(move |loaded| view! { <PepList loaded query on_change/> })
}

#[component]
fn PepList(
    /// The data set.
    loaded: Arc<Loaded>,
    /// The sort and filter from the URL.
    query: Memo<PepQuery>,
    /// Turns a change of sort or filter into a navigation.
    on_change: Callback<PepQuery>,
) -> impl IntoView {
    let rows: Arc<Vec<PepRow>> = Arc::new(touched_peps(&loaded.data));
    let total = rows.len();
    let shown = {
        let rows = rows.clone();
        Memo::new(move |_| {
            query
                .get()
                .apply(&rows)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let count = move || shown.with(Vec::len);
    let sort_options = move || {
        let current = query.get().sort;
        PepSort::ALL
            .map(|s| view! { <option value=s.as_str() selected=s == current>{s.label()}</option> })
            .into_iter()
            .collect_view()
    };
    let outcome_options = move || {
        let current = query.get().outcome;
        OutcomeChoice::all()
            .map(|o| {
                let n = rows.iter().filter(|r| o.matches(r)).count();
                view! { <option value=o.as_str() selected=Some(o) == current>{format!("{} ({n})", o.label())}</option> }
            })
            .collect_view()
    };
    view! {
        <PageHeader route=Route::peps() crumb="PEPs".to_string() title="PEPs the council touched".to_string()/>
        <p class="muted">{format!("{total} PEPs have a recorded outcome since the council began (2019) or come up in its notes.")}</p>
        <form class="filter-bar list-controls" aria-label="Sort and filter the PEPs" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="peps-sort">"Sort by"</label>
                // An option's `selected` attribute no longer moves a menu once someone has used
                // it, so the menu's value follows the address itself (Back, Forward). A `String`,
                // as the timeline's menus give, so the property's code is compiled once.
                <select id="peps-sort" prop:value=move || query.get().sort.as_str().to_string() on:change=move |ev| {
                    let mut q = query.get_untracked();
                    q.sort = PepSort::parse(&event_target_value(&ev)).unwrap_or_default();
                    on_change.run(q);
                }>{sort_options}</select>
            </div>
            <div class="field">
                <label for="peps-outcome">"Outcome"</label>
                <select id="peps-outcome" prop:value=move || query.get().outcome.map_or("", |o| o.as_str()).to_string()
                    on:change=move |ev| {
                    let mut q = query.get_untracked();
                    q.outcome = OutcomeChoice::parse(&event_target_value(&ev));
                    on_change.run(q);
                }>
                    <option value="" selected=move || query.get().outcome.is_none()>"Any outcome"</option>
                    {outcome_options}
                </select>
            </div>
        </form>
        <p class="result-count" data-testid="pep-count" data-count=move || count().to_string() aria-live="polite">
            {move || format!("{} of {total} PEPs", count())}
        </p>
        <TableScroll label="PEPs with their council outcomes">
            <table class="results pep-table" data-testid="pep-table">
                <caption class="visually-hidden">"PEPs with their council outcomes"</caption>
                <TableHead columns=vec![("PEP", false), ("Title", false), ("Status", false), ("Outcomes", false), ("First mentioned", false), ("Items", true)]/>
                <tbody>
                    <For each=move || shown.get() key=|r| r.number let:row>
                        <PepRowView row/>
                    </For>
                </tbody>
            </table>
        </TableScroll>
    }
}

#[component]
fn PepRowView(
    /// The row to draw.
    row: PepRow,
) -> impl IntoView {
    let outcomes = row
        .outcomes
        .iter()
        .map(|(o, d, by)| {
            view! {
                <li data-decided-by=by.as_str()>
                    <span class=format!("outcome outcome-{}", o.as_str()) data-outcome=o.as_str()>{o.label()}</span>
                    " " <time datetime=d.to_string()>{d.to_string()}</time>
                    {(*by == Decider::Delegate).then_some(" (its delegate)")}
                </li>
            }
        })
        .collect_view();
    view! {
        <tr data-pep=row.number.to_string()>
            <th scope="row"><PepLink number=row.number title=row.title.clone()/></th>
            <td>{row.title.clone()}</td>
            <td>{row.status.clone()}</td>
            <td><ul class="compact">{outcomes}</ul></td>
            <td>{row.first_discussed.map(|d| d.to_string()).unwrap_or_default()}</td>
            <td class="num">{row.mentions}</td>
        </tr>
    }
}
