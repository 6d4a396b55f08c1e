//! Export of the timeline's current view: CSV and JSON files built by `core::export` and handed
//! to the browser as a download, and a button that copies the view's address.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::Array;

use crate::core::export::{csv, json};
use crate::core::search::Results;
use crate::ui::components::copy_link::copy_page_link;
use crate::ui::context::use_base;
use crate::ui::data::Loaded;

/// Download buttons for the entries `results` found, and "Copy link".
#[component]
pub fn ExportBar(
    /// The data set, for the entries and people's names.
    loaded: Arc<Loaded>,
    /// What the current filter found; every hit is exported, not only those drawn so far.
    results: Memo<Results>,
) -> impl IntoView {
    let base = use_base();
    let origin = window().location().origin().unwrap_or_default();
    let link = move |r: &crate::core::route::Route| format!("{origin}{}", base.href(r));
    let build = move |as_json: bool| {
        results.with_untracked(|r| {
            let shown = r.hits.iter().map(|&i| &loaded.entries[i]);
            if as_json {
                json(&loaded.data, shown, &link)
            } else {
                csv(&loaded.data, shown, &link)
            }
        })
    };
    let build_csv = build.clone();
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        copy_page_link(move |copied| {
            status.set(
                if copied {
                    "Link copied"
                } else {
                    "The browser did not allow copying: copy the address bar instead"
                }
                .to_string(),
            )
        })
    };
    let empty = move || results.with(|r| r.hits.is_empty());
    view! {
        <div class="export-bar" role="group" aria-label="Export this view">
            <button type="button" class="button secondary" data-testid="export-csv" disabled=empty
                on:click=move |_| save(&build_csv(false), "council-timeline.csv", "text/csv;charset=utf-8", status)>
                "Download CSV"
            </button>
            <button type="button" class="button secondary" data-testid="export-json" disabled=empty
                on:click=move |_| save(&build(true), "council-timeline.json", "application/json", status)>
                "Download JSON"
            </button>
            <button type="button" class="button secondary" data-testid="copy-view-link" on:click=copy>
                "Copy link"
            </button>
            <span class="export-status" role="status" aria-live="polite">{move || status.get()}</span>
        </div>
    }
}

/// Offers `text` as a file named `name`, reporting the outcome in `status`.
fn save(text: &str, name: &str, mime: &str, status: RwSignal<String>) {
    match download(text, name, mime) {
        Ok(()) => status.set(format!("Saved {name}")),
        Err(_) => status.set("This browser did not allow the download".to_string()),
    }
}

fn download(text: &str, name: &str, mime: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(
        &Array::of1(&JsValue::from_str(text)),
        &options,
    )?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The download has started by the time this runs; the object URL is no longer needed.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(5),
    );
    Ok(())
}
