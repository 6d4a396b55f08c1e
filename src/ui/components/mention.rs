//! One item of the notes as a line of a record page (a PEP's or a person's): date, a link to the
//! item, its kind, any outcomes, and its summary.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::core::model::{ItemKind, OutcomeKind};

/// An item of the notes, linking to its place on the meeting page.
#[component]
pub fn Mention(
    /// The section's date.
    date: NaiveDate,
    /// The item's address, base included.
    href: String,
    /// The link text ("2023-08-28, item 3").
    label: String,
    /// The item's kind.
    kind: ItemKind,
    /// Outcomes to show beside it.
    #[prop(optional)]
    outcomes: Vec<OutcomeKind>,
    /// The item's summary.
    summary: Option<String>,
) -> impl IntoView {
    let outcomes = outcomes
        .into_iter()
        .map(|o| view! { <span class=format!("outcome outcome-{}", o.as_str())>{o.label()}</span> })
        .collect_view();
    view! {
        <li class="mention" data-testid="mention">
            <div class="item-head">
                <time datetime=date.to_string()>{date.to_string()}</time>
                <a href=href>{label}</a>
                <span class=format!("badge badge-{}", kind.as_str())>{kind.label()}</span>
                {outcomes}
            </div>
            <p class="summary">{summary}</p>
        </li>
    }
}
