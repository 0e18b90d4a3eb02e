//! The roster part of `signers.toml` as people work with it: imported from
//! the official congress-legislators data ([`import`]), sorted and matched
//! by name as readers expect ([`crate::names`]), and filtered ([`filter`]).
//!
//! Reading and validating the roster stays in `load` and `validate`; this
//! module adds what is built on top of the validated [`crate::model::Roster`],
//! and the one roster edit signon makes: an import, which rewrites only the
//! roster part of the file and carries the ledger over byte for byte.

mod edit;
pub mod file;
pub mod filter;
mod ids;
pub mod import;
pub mod legislators;
pub mod lookup;
mod matching;
pub mod resolve;
mod states;

pub use edit::FieldChange;
pub use filter::{Filter, select};
pub use lookup::did_you_mean;
