//! One view per route.

pub mod election;
pub mod meeting;
pub mod not_found;
pub mod timeline;
