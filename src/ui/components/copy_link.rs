//! Copying a page's address to the clipboard, with the outcome said rather than assumed.

use leptos::prelude::window;

/// Copies the page's address and then calls `done` with whether the browser allowed it: the
/// clipboard can refuse (no permission, a page out of focus), so success is not assumed.
pub fn copy_page_link(done: impl Fn(bool) + 'static) {
    let href = window().location().href().unwrap_or_default();
    let written = window().navigator().clipboard().write_text(&href);
    leptos::task::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(written).await.is_ok());
    });
}
