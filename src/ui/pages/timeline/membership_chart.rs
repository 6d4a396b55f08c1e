//! The council's membership at a glance: one lane per person who served, one column per term
//! (2019–2026), a band in each term they served; each lane is a link to the person's page.
//! Drawn as an HTML grid of classes rather than positioned with inline styles, which the site's
//! Content-Security-Policy (`style-src 'self'`) does not allow; terms run December to December,
//! so equal columns are true to their lengths.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::people::membership;
use crate::core::route::Route;
use crate::ui::context::use_base;
use crate::ui::data::Loaded;

/// Lanes of council members with their terms as bands.
#[component]
pub fn MembershipChart(
    /// The data set, for the terms and people.
    loaded: Arc<Loaded>,
    /// Whether the chart is unfolded; it follows this whenever it changes. An attribute, not
    /// a property, so the prerendered home page (scripts/prerender.mjs) has it open too.
    #[prop(into)]
    open: Signal<bool>,
) -> impl IntoView {
    let base = use_base();
    let data = &loaded.data;
    let terms: Vec<u16> = data.parts.terms.iter().map(|t| t.year).collect();
    // Terms and members never change once loaded, so plain maps are enough instead of <For/>.
    let header = terms
        .iter()
        .map(|y| {
            view! {
                <span class="lane-cell lane-year">
                    <span class="year-full">{y.to_string()}</span>
                    <span class="year-short">{format!("’{:02}", y % 100)}</span>
                </span>
            }
        })
        .collect_view();
    let lanes = membership(data)
        .into_iter()
        .map(|lane| {
            let served: Vec<u16> = lane.terms.iter().map(|t| t.year).collect();
            let summary = format!(
                ", {} term{}: {}",
                served.len(),
                if served.len() == 1 { "" } else { "s" },
                served
                    .iter()
                    .map(u16::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let cells = terms
                .iter()
                .map(|y| {
                    let on = served.contains(y);
                    view! { <span class=if on { "lane-cell served" } else { "lane-cell" } title=on.then(|| format!("{y} term"))></span> }
                })
                .collect_view();
            view! {
                <li>
                    <a class="lane" href=base.href(&Route::Person(lane.person.id.clone()))
                        data-testid="membership-lane">
                        <span class="lane-name">{lane.person.name.clone()}</span>
                        <span class="visually-hidden">{summary}</span>
                        {cells}
                    </a>
                </li>
            }
        })
        .collect_view();
    // A disclosure, so that a search's results come up right under the box instead of below
    // the chart: it is open on the bare timeline and folds away while a filter is on, and a
    // click opens or folds it whatever the filter.
    view! {
        <details class="membership" data-testid="membership-chart" open=open>
            <summary><h2>"Who served on the council"</h2></summary>
            <figure>
                <figcaption id="membership-caption" class="muted">
                    "One lane per member, one column per term; select a name to open their record."
                </figcaption>
                <div class="lane lane-axis" aria-hidden="true">
                    <span class="lane-name"></span>
                    {header}
                </div>
                <ul class="lanes">{lanes}</ul>
            </figure>
        </details>
    }
}
