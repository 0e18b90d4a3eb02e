#![allow(missing_docs)]
//! The single integration test binary: every test here runs the real
//! `signon` binary on a temporary copy of a workspace.
//!
//! - `support`: the harness (copy a workspace, run the binary, golden files);
//! - `check`: `signon check`, `init`, `new` and the diagnostics of bad input;
//! - `roster`: `signon roster import` and `signon signers`;
//! - `conventions`: the letter conventions `check` warns about.

#[path = "cli/support.rs"]
mod support;

#[path = "cli/check.rs"]
mod check;

#[path = "cli/roster.rs"]
mod roster;

#[path = "cli/conventions.rs"]
mod conventions;
