#![allow(missing_docs)]
//! The single integration test binary: every test here runs the real
//! `signon` binary on a temporary copy of a workspace.
//!
//! - `support`: the harness (copy a workspace, run the binary, golden files);
//! - `check`: `signon check`, `init`, `new` and the diagnostics of bad input;
//! - `ledger`: `signon sign`, `decline`, `withdraw`, `invite`: appends, torn tails, concurrency;
//! - `status`: `signon status` as a table, JSON and an HTML page.

#[path = "cli/support.rs"]
mod support;

#[path = "cli/check.rs"]
mod check;

#[path = "cli/ledger.rs"]
mod ledger;

#[path = "cli/status.rs"]
mod status;
