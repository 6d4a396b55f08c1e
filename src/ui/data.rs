//! The data set: fetched once per load (relative to the page's `<base>`), parsed, checked and
//! turned into the shared, read-only [`Loaded`]; one PEP's details when its page asks; and the
//! view every page draws through, which shows a loading state, the content, or an error view
//! that names the file and the problem and offers a retry.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

use futures::channel::oneshot;
use futures::future::{join_all, select, Either};
use gloo_net::http::Request;
use leptos::prelude::*;
use web_sys::{AbortController, AbortSignal, RequestCache};

use super::document::set_title;
use super::schedule::after_paint_for_the_app;
use crate::core::dataset::{details_path, parse_details, DataError, DataFile, Dataset, Parts};
use crate::core::model::PepDetails;
use crate::core::search::Index;
use crate::core::timeline::{entries, Entry};

/// The data set's load (pending, failed or done) and how to retry it. Pages get this rather
/// than the resource's internals so they cannot start a second load.
#[derive(Clone, Copy)]
pub struct DataHandle {
    pub state: LocalResource<Result<Arc<Loaded>, DataError>>,
    pub retry: RwSignal<u32>,
}

/// The data set and its timeline, built once per load and shared by every page.
pub struct Loaded {
    pub data: Dataset,
    pub entries: Vec<Entry>,
    /// The entries' words, for the search box.
    pub index: Index,
}

/// Fetches every file (relative to the page's `<base>`, so a sub-path deployment works),
/// parses and validates them. `retry` is how many times the visitor has asked to try again.
pub async fn load(retry: u32) -> Result<Arc<Loaded>, DataError> {
    let texts = join_all(DataFile::ALL.map(|file| fetch(file, retry > 0))).await;
    let mut got = Vec::with_capacity(texts.len());
    for t in texts {
        got.push(t?);
    }
    // Parsing, checking and drawing each get a task of their own (`yield_now`), so that none
    // holds the page's main thread for long: a slow phone takes several times as long.
    yield_now().await;
    mark("data-fetched");
    let parts = Parts::parse_with(|file| {
        let i = DataFile::ALL.iter().position(|f| *f == file).unwrap_or(0);
        std::mem::take(&mut got[i])
    })?;
    mark("data-parsed");
    yield_now().await;
    let data = Dataset::new(parts)?;
    let entries = entries(&data);
    let index = Index::new(&data, &entries);
    yield_now().await;
    let loaded = Arc::new(Loaded {
        data,
        entries,
        index,
    });
    // The search's word index is left out of the first view's work.
    let later = loaded.clone();
    after_paint_for_the_app(move || later.index.warm(&later.entries));
    Ok(loaded)
}

/// How long one file may take to arrive before the load gives up and offers a retry: a request
/// that hangs would otherwise leave the page saying "loading" for ever.
const SLOW: Duration = Duration::from_secs(10);

/// Fetches one file of the data set, or fails after [`SLOW`].
async fn fetch(file: DataFile, again: bool) -> Result<String, DataError> {
    fetch_text(format!("data/{}", file.name()), again, move |reason| {
        DataError::Fetch {
            file: file.name(),
            reason,
        }
    })
    .await
}

/// Fetches `path` (relative to the page's `<base>`), or fails after [`SLOW`]; `failed` turns a
/// reason into the error that names the file. `again` (a retry) goes past the browser's cache:
/// a request the page cannot abort (index.html's preload) may still be hanging, and a request
/// through the cache would wait behind it.
async fn fetch_text(
    path: String,
    again: bool,
    failed: impl Fn(String) -> DataError,
) -> Result<String, DataError> {
    let abort = AbortController::new().ok();
    let signal = abort.as_ref().map(AbortController::signal);
    match select(
        pin!(fetch_now(&path, again, signal, &failed)),
        pin!(after(SLOW)),
    )
    .await
    {
        Either::Left((result, _)) => result,
        Either::Right(_) => {
            // Ends the hanging request: the browser holds a retry of the same URL back until
            // the first request for it is over.
            if let Some(abort) = abort {
                abort.abort();
            }
            Err(failed(format!(
                "no answer within {} seconds; the server or the connection is slow",
                SLOW.as_secs()
            )))
        }
    }
}

/// A PEP's details as they load: `None` while loading, then `None` inside for no PEP.
pub type PepDetailsResource = LocalResource<Option<Result<Arc<PepDetails>, DataError>>>;

/// The details of the PEP `number` names (`data/peps/<number>.json`), fetched and checked when
/// a page asks for them rather than with the data set; `None` while `number` names none.
/// Bumping the returned counter fetches them again. The one resource for PEP details, so the
/// PEP page and the time axis share its code.
pub fn use_pep_details(number: Signal<Option<u16>>) -> (PepDetailsResource, RwSignal<u32>) {
    let retry = RwSignal::new(0u32);
    let details = LocalResource::new(move || {
        let (number, retry) = (number.get(), retry.get());
        async move {
            match number {
                Some(n) => Some(pep_details(n, retry).await),
                None => None,
            }
        }
    });
    (details, retry)
}

async fn pep_details(number: u16, retry: u32) -> Result<Arc<PepDetails>, DataError> {
    let text = fetch_text(
        format!("data/{}", details_path(number)),
        retry > 0,
        |reason| DataError::Details {
            number,
            problem: format!("could not be loaded: {reason}"),
        },
    )
    .await?;
    parse_details(number, &text).map(Arc::new)
}

/// A point of the load on the page's performance timeline (User Timing): the parse is the time
/// from `data-fetched` to `data-parsed`, which `scripts/bench-parse` prints. (Read by the
/// browser's JSON.parse and serde-wasm-bindgen instead of serde_json, the wasm was 7 KB gzip
/// smaller but the parse 1.6 to 1.75 times slower; our own reader, `core::json`, saved 18 KB
/// and reads as fast as serde_json did.)
fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// Lets the browser run its other tasks (input, painting) before the caller goes on.
fn yield_now() -> impl Future<Output = ()> {
    after(Duration::ZERO)
}

/// A future that completes once `delay` has passed.
fn after(delay: Duration) -> impl Future<Output = ()> {
    let (done, waited) = oneshot::channel::<()>();
    set_timeout(
        move || {
            // The load may have finished already and dropped the receiver: nothing to do then.
            let _ = done.send(());
        },
        delay,
    );
    async move {
        let _ = waited.await;
    }
}

async fn fetch_now(
    path: &str,
    again: bool,
    signal: Option<AbortSignal>,
    failed: &impl Fn(String) -> DataError,
) -> Result<String, DataError> {
    let cache = if again {
        RequestCache::NoStore
    } else {
        RequestCache::Default
    };
    let response = Request::get(path)
        .cache(cache)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| failed(format!("the request failed ({e}); are you offline?")))?;
    if !response.ok() {
        return Err(failed(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        )));
    }
    response
        .text()
        .await
        .map_err(|e| failed(format!("the response could not be read ({e})")))
}

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
    set_title("Data could not be loaded");
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
