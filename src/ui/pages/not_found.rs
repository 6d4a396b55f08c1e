//! The view for an address that names nothing: what was asked for, and a way back.

use leptos::prelude::*;

use crate::core::route::Route;
use crate::ui::context::use_base;
use crate::ui::document::set_title;

/// Says that `what` does not exist and links back to the timeline.
#[component]
pub fn NotFound(
    /// What was looked for, e.g. "meeting 2023-13-45" or "page".
    what: String,
) -> impl IntoView {
    set_title("Not found");
    let home = use_base().href(&Route::home());
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>"Not found"</h1>
            <p>{format!("There is no {what} in the council's history as this site holds it.")}</p>
            <p><a href=home>"Back to the timeline"</a></p>
        </section>
    }
}
