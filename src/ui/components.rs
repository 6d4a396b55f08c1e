//! Pieces several pages use. The timeline's own pieces live under `pages/timeline/`.

pub mod bar_chart;
pub mod copy_link;
pub mod facts;
pub mod mention;
pub mod page_header;
pub mod pep_link;
pub mod person_link;
pub mod table_head;
