//! A page's breadcrumb trail and heading: the timeline, the list a record belongs to, and the
//! page itself, then its `h1`. One view for every page, so the wasm carries it once.

use leptos::prelude::*;

use crate::core::route::Route;
use crate::ui::context::use_base;

/// The trail and the heading of the page at `route`.
#[component]
pub fn PageHeader(
    /// The page's route: the list it belongs to is the trail's middle step.
    route: Route,
    /// What the trail calls the page ("PEP 703").
    crumb: String,
    /// The page's heading.
    title: String,
) -> impl IntoView {
    let base = use_base();
    let list = route.section();
    let middle = (list != route.page() && list != Route::home()).then(|| {
        let label = match list {
            Route::Peps(_) => "PEPs",
            Route::People => "People",
            _ => "Elections",
        };
        view! { " › " <a href=base.href(&list)>{label}</a> }
    });
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumbs">
            <a href=base.href(&Route::home())>"Timeline"</a>
            {middle}
            " › "
            <span aria-current="page">{crumb}</span>
        </nav>
        <h1>{title}</h1>
    }
}
