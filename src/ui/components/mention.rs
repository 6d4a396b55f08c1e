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
    /// The section's heading as the notes write it (a date, a month, a period).
    heading: String,
    /// The item's position in its section.
    n: u16,
    /// The item's kind.
    kind: ItemKind,
    /// Outcomes to show beside it.
    #[prop(optional)]
    outcomes: Vec<OutcomeKind>,
    /// The item's summary.
    summary: Option<String>,
) -> impl IntoView {
    // A dated meeting's heading is its date, already shown beside the link.
    let label = if heading == date.to_string() {
        format!("Meeting notes, item {n}")
    } else {
        format!("{heading}, item {n}")
    };
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
