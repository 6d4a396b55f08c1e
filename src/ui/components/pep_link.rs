//! A PEP reference: its number linking to the PEP's page in this app, with the title as a
//! tooltip. The PEP's page links on to peps.python.org.

use leptos::prelude::*;

use crate::core::route::Route;
use crate::ui::context::use_base;

/// A link to PEP `number`'s page.
#[component]
pub fn PepLink(
    /// The PEP's number.
    number: u16,
    /// Its title from the PEP header, when known.
    #[prop(optional)]
    title: Option<String>,
) -> impl IntoView {
    let href = use_base().href(&Route::Pep(number));
    view! {
        <a class="pep-link" href=href title=title.unwrap_or_default()>
            {format!("PEP {number}")}
        </a>
    }
}
