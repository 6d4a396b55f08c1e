//! Search over the timeline's entries, in the query language of [`crate::core::query`], which
//! is all it depends on besides the entries themselves: an index built once per load
//! (`index`), one pass that ranks the hits and counts every filter control's choices (`run`),
//! the marks on matched words (`highlight`) and autocomplete (`suggest`).

mod highlight;
mod index;
mod run;
mod suggest;

pub use highlight::{highlight, segments};
pub use index::Index;
pub use run::{fails, run, widen, Counts, Facet, FacetCounts, Results, Widen};
pub use suggest::{suggest, Suggestion};
