//! Pieces used by several pages.

pub mod bar_chart;
pub mod data_view;
pub mod export_bar;
pub mod facts;
pub mod filter_bar;
pub mod membership_chart;
pub mod mention;
pub mod pep_link;
pub mod person_link;
pub mod search_box;
pub mod table_head;
pub mod time_axis;
