//! The view for an address that names nothing: what was asked for, what the site holds that
//! comes nearest to it (`core::closest`), and a way back.

use leptos::prelude::*;

use crate::core::closest::{way_on, Asked};
use crate::core::route::Route;
use crate::ui::context::use_base;
use crate::ui::data::DataHandle;
use crate::ui::document::set_title;

/// Says that what was asked for does not exist, offers what comes nearest once the data set is
/// in, and links back to the timeline.
#[component]
pub fn NotFound(
    /// What the address asked for.
    asked: Asked,
) -> impl IntoView {
    set_title("Not found");
    let base = use_base();
    let home = base.href(&Route::home());
    let what = asked.what();
    let data = expect_context::<DataHandle>().state;
    // An address no route knows is answered before the data set is in; the offers follow it.
    let offers = move || {
        let loaded = data.get()?.ok()?;
        let w = way_on(&loaded.data, &asked);
        let links = w
            .links
            .into_iter()
            .map(|(route, label)| view! { <li><a href=base.href(&route)>{label}</a></li> })
            .collect_view();
        (!w.heading.is_empty())
            .then(|| view! { <h2>{w.heading}</h2><ul data-testid="way-on">{links}</ul> })
    };
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>"Not found"</h1>
            <p>{format!("There is no {what} in the council's history as this site holds it.")}</p>
            {offers}
            <p><a href=home data-testid="back-to-timeline">"Back to the timeline"</a></p>
        </section>
    }
}
