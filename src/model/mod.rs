//! Validated domain types: the output of `validate` and the input of `compose`.
//!
//! Nothing here is raw TOML: every value has been checked, dates are chrono
//! types, signer ids refer to the roster, and body text is already split into
//! paragraphs of styled spans.
//!
//! The types are grouped by where they come from: `signer` (the roster),
//! `letter` (one letter file) and `signoff` (the ledger and the states
//! replayed from it). All are re-exported here, so paths stay `model::X`.

mod image;
mod letter;
mod signer;
mod signoff;

pub use image::{MAX_BYTES, MAX_SIDE, Pixels, SignatureImage, SignatureMode};
pub use letter::{ID_RULE, valid_id};
pub use letter::{
    Lead, Letter, Letterhead, Order, Paragraph, Quote, Recipient, Section, Span, Style,
};
pub use signer::{Chamber, Roster, Signer, SignerId};
pub use signoff::{SignOff, SignerState, Standing, Status};
