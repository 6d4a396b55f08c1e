//! Steering Council Explorer: a pure core (`core`) that knows the data set, and a thin Leptos UI
//! (`ui`, WebAssembly only) that draws it.

pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod ui;
