//! Pieces used by several pages.

pub mod data_view;
pub mod filter_bar;
pub mod pep_link;
pub mod time_axis;
