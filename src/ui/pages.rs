//! One view per route.

pub mod election;
pub mod elections;
pub mod meeting;
pub mod not_found;
pub mod people;
pub mod pep;
pub mod peps;
pub mod person;
pub mod timeline;
