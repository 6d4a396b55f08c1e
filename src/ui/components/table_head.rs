//! A table's header row built from a list of column names, shared by the record pages' tables
//! (one small view instead of a row written out per table).

use leptos::prelude::*;

/// `<thead>` with one `<th scope="col">` per column.
#[component]
pub fn TableHead(
    /// Column names; `true` marks a numeric column (right-aligned).
    columns: Vec<(&'static str, bool)>,
) -> impl IntoView {
    let cells = columns
        .into_iter()
        .map(|(name, numeric)| view! { <th scope="col" class:num=numeric>{name}</th> })
        .collect_view();
    view! { <thead><tr>{cells}</tr></thead> }
}
