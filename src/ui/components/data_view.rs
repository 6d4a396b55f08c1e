//! Shows a page's content once the data set is there, a loading state before, and the error
//! view (naming the file and the problem, with a retry) when loading failed.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::dataset::DataError;
use crate::ui::app::DataHandle;
use crate::ui::load::Loaded;

/// Renders `content` with the loaded data set; loading and error states otherwise.
pub fn with_data<V: IntoView + 'static>(
    content: impl Fn(Arc<Loaded>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let handle = expect_context::<DataHandle>();
    move || {
        match handle.state.get() {
        None => view! {
            <div class="loading" data-testid="loading" role="status" aria-live="polite">
                <span class="spinner" aria-hidden="true"></span>
                "Loading the council's history…"
                // The shape of a page still to come, so the wait does not read as a blank page.
                <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span><span></span><span></span></div>
            </div>
        }
        .into_any(),
        Some(Err(error)) => view! { <DataErrorView error retry=handle.retry/> }.into_any(),
        Some(Ok(loaded)) => content(loaded).into_view().into_any(),
    }
    }
}

/// What went wrong loading the data, and a button to try again.
#[component]
pub fn DataErrorView(
    /// The problem, naming the file.
    error: DataError,
    /// Bumped to load the data set again.
    retry: RwSignal<u32>,
) -> impl IntoView {
    let file = error.file();
    let message = error.to_string();
    crate::ui::app::set_title("Data could not be loaded");
    view! {
        <section class="data-error" data-testid="data-error" role="alert">
            <h1>"The data could not be loaded"</h1>
            <p>"File: " <code>{format!("data/{file}")}</code></p>
            <p class="error-message">{message}</p>
            <p>"This is a problem with the site's data files or the connection, not with your request."</p>
            <button data-testid="retry" class="button" on:click=move |_| retry.update(|n| *n += 1)>
                "Try again"
            </button>
        </section>
    }
}
