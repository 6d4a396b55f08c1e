//! A PEP reference: its number linking to the PEP, with the title as a tooltip.

use leptos::prelude::*;

use crate::core::model::pep_url;

/// A link to PEP `number` on peps.python.org.
#[component]
pub fn PepLink(
    /// The PEP's number.
    number: u16,
    /// Its title from the PEP header, when known.
    #[prop(optional)]
    title: Option<String>,
) -> impl IntoView {
    view! {
        <a class="pep-link" href=pep_url(number) title=title.unwrap_or_default()>
            {format!("PEP {number}")}
        </a>
    }
}
