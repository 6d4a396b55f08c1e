//! A person's name linking to their page, and a list of names as a source writes them, each
//! linking to its person when the data set knows them.

use leptos::either::Either;
use leptos::prelude::*;

use crate::core::dataset::Dataset;
use crate::core::people::person_named;
use crate::core::route::Route;
use crate::ui::context::use_base;

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

/// Names as a PEP header or a nomination writes them, joined by commas: a name that means one
/// person of the data set links to their page, any other stays plain text. A function rather
/// than a component, so each page passes borrowed names without copying them into props.
pub fn person_names(data: &Dataset, names: &[&str]) -> impl IntoView {
    names
        .iter()
        .enumerate()
        .map(|(i, &name)| {
            let shown = match person_named(data, name) {
                Some(p) => {
                    Either::Left(view! { <PersonLink id=p.id.clone() name=name.to_string()/> })
                }
                None => Either::Right(name.to_string()),
            };
            view! { {(i > 0).then_some(", ")} {shown} }
        })
        .collect_view()
}
