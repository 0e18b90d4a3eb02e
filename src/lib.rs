//! signon: congressional sign-on letters, from TOML to a signed PDF.
//!
//! The pipeline runs in stages, one module each:
//!
//! 1. [`load`]: find the workspace, read `signers.toml` and `letters/*.toml`
//!    into raw serde types, keeping the text for diagnostics;
//! 2. [`validate`]: raw values become the checked [`model`] types, every
//!    problem collected as a [`diag::Diagnostic`];
//! 3. [`compose`]: a letter, the roster and the sign-off states become the
//!    format-neutral [`compose::Composed`];
//! 4. [`render`]: the composed letter as HTML and PDF;
//!    [`press`]: the press release, the signer list and the plain-text letter;
//!    [`remind`]: e-mail drafts to the offices still to chase.
//!
//! `main` parses the command line and calls [`run`]; each subcommand has a
//! handler of the same name in `cmd`.

pub mod cli;
mod cmd;
pub mod compose;
pub mod diag;
pub mod diff;
pub mod error;
pub mod fonts;
pub mod ledger;
pub mod load;
pub mod model;
pub mod names;
pub mod output;
mod parallel;
pub mod press;
pub mod remind;
pub mod rename;
pub mod render;
pub mod roster;
pub mod status;
pub mod validate;
pub mod watch;

use std::io::Write;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

pub use error::Error;

/// What a command needs from the outside world, read once at the edge so
/// that tests can pin it.
pub struct Context<'a> {
    /// The working directory.
    pub cwd: PathBuf,
    /// The current time.
    pub now: DateTime<FixedOffset>,
    /// Whether standard output is a terminal that takes colors.
    pub color: bool,
    /// Standard output.
    pub out: &'a mut dyn Write,
    /// Standard error: warnings and progress.
    pub err: &'a mut dyn Write,
}

/// Runs one parsed command line.
pub fn run(cli: cli::Cli, cx: &mut Context<'_>) -> Result<(), Error> {
    cmd::dispatch(cli, cx)
}
