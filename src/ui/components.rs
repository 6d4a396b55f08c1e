//! Pieces used by several pages.

pub mod bar_chart;
pub mod data_view;
pub mod filter_bar;
pub mod membership_chart;
pub mod pep_link;
pub mod person_link;
pub mod time_axis;
