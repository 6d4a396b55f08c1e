//! What the browser tests stand on: a static server for the built site (`server`), a Chromium
//! session through chromedriver (`session`), and the steps several tests share (`steps`). Tests
//! take all of it, and the few crates they use directly, from here.

mod server;
mod session;
mod steps;

pub use std::collections::HashMap;
pub use std::path::Path;
pub use std::sync::Arc;
pub use std::time::{Duration, Instant};

pub use fantoccini::elements::Element;
pub use fantoccini::key::Key;
pub use fantoccini::Locator;
pub use serde_json::{json, Value};

pub use server::{
    site_dir, wasm_file, Replacement, MEETINGS_JSON, NOT_FOUND, PREFIX, SERVER_ERROR,
};
pub use session::{normalise, Browser};
pub use steps::*;
