//! Copying an address to the clipboard, with the outcome said rather than assumed: the page's
//! own (`copy_page_link`), or a place on the site with a button of its own (`CopyLink`).

use leptos::prelude::*;

/// Copies the page's address and then calls `done` with whether the browser allowed it: the
/// clipboard can refuse (no permission, a page out of focus), so success is not assumed.
pub fn copy_page_link(done: impl Fn(bool) + 'static) {
    copy_text(&window().location().href().unwrap_or_default(), done);
}

fn copy_text(text: &str, done: impl Fn(bool) + 'static) {
    let written = window().navigator().clipboard().write_text(text);
    leptos::task::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(written).await.is_ok());
    });
}

/// "Copy link" for one place on a page (a meeting's item), and beside it whether the copy
/// worked. Its accessible name says which place, since a page has many of them.
#[component]
pub fn CopyLink(
    /// The address to copy: a path of the site, base included (`Base::href`).
    href: String,
    /// What the link leads to, completing the button's name ("item 3").
    to: String,
) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let origin = window().location().origin().unwrap_or_default();
        copy_text(&format!("{origin}{href}"), move |ok| copied.set(Some(ok)));
    };
    let said = move || {
        copied.get().map(|ok| {
            if ok {
                "Link copied"
            } else {
                "Copy failed: use the address bar"
            }
        })
    };
    view! {
        <button type="button" class="copy-link" on:click=copy>
            "Copy link"<span class="visually-hidden">{format!(" to {to}")}</span>
        </button>
        <span class="copy-status" role="status">{said}</span>
    }
}
