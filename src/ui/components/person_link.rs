//! A person's name linking to their page.

use leptos::prelude::*;

use crate::core::route::Route;
use crate::ui::app::use_base;

/// A person's name as a link to `/people/<id>`.
#[component]
pub fn PersonLink(
    /// The person's id (slug).
    id: String,
    /// The name to show.
    name: String,
) -> impl IntoView {
    let href = use_base().href(&Route::Person(id));
    view! { <a class="person-link" href=href>{name}</a> }
}
