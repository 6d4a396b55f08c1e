//! A page's breadcrumb trail and heading: the timeline, the list a record belongs to, and the
//! page itself, then its `h1`, and for a list its count. One view for every page, so the wasm
//! carries it once.

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

/// A list page's header: the trail and heading, both the list's name, then how many the list
/// holds, in words and as `data-count` for tests.
#[component]
pub fn ListHeader(
    /// The list's route.
    route: Route,
    /// The list's name ("People"), its crumb and its heading.
    name: &'static str,
    /// The count line's test id.
    testid: &'static str,
    /// How many the list holds.
    count: usize,
    /// The count in words ("8 elections, one for each council term.").
    text: String,
) -> impl IntoView {
    view! {
        <PageHeader route crumb=name.to_string() title=name.to_string()/>
        <p class="result-count" data-testid=testid data-count=count.to_string()>{text}</p>
    }
}
