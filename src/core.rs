//! Everything that can be plain Rust: the data model, loading and validation, filtering and
//! search, and the URL ⇄ state mapping. Nothing under here imports `leptos` or `web_sys`, so it
//! is all tested on the host with `cargo test`.

pub mod axis;
pub mod closest;
pub mod dataset;
pub mod date;
pub mod elections;
pub mod export;
pub mod json;
pub mod kind;
pub mod model;
pub mod number;
pub mod people;
pub mod peps;
pub mod query;
pub mod route;
pub mod search;
pub mod sort;
pub mod text;
pub mod timeline;
