//! signon: congressional sign-on letters, from TOML to a signed PDF.
//!
//! The pipeline runs in stages, one module each; a stage imports only from
//! the stages above it in this list and from the leaves below:
//!
//! 1. [`load`]: find the workspace, read `letters/*.toml` into raw serde
//!    types, keeping the text for diagnostics. `signers.toml` is read by
//!    [`ledger::read`], under the lock [`ledger`]'s writer takes: the file
//!    is one roster (hand-edited, parsed by the toml crate) and one
//!    append-only ledger (read by a fast reader of exactly what signon
//!    writes), and reading, locking and appending it belong together;
//! 2. [`validate`]: raw values become the checked [`model`] types, every
//!    problem collected as a [`diag::Diagnostic`];
//! 3. [`ledger`]: the `[[signoff]]` events replayed into each signer's
//!    state on a letter, the text fingerprint, the final gate;
//! 4. [`compose`]: a letter, the roster and the sign-off states become the
//!    format-neutral [`compose::Composed`];
//! 5. [`render`]: the composed letter as HTML (5a) and PDF (5b);
//!    [`press`]: the press release, the signer list and the plain-text letter;
//!    [`status`]: the coordinator's view; [`remind`]: e-mail drafts to the
//!    offices still to chase. Every file goes to disk through [`output`].
//!
//! Leaves any stage may use: [`diag`] (problems and their places),
//! [`model`] (checked types), [`names`] (suffixes, sort keys, collation),
//! [`fonts`] (the shipped fonts and what they cover), [`grid`] (the one
//! table layout of the terminal), [`output`] (the one atomic writer),
//! [`error`].
//!
//! On top: [`roster`] (import, match, filter the roster), [`diff`],
//! [`rename`], [`watch`]; `main` parses the command line ([`cli`], which
//! also holds every conversion of its types into the library's) and calls
//! [`run`]; each subcommand has a handler of the same name in `cmd`.

pub mod cli;
mod cmd;
pub mod compose;
pub mod diag;
pub mod diff;
pub mod error;
pub mod fonts;
pub mod grid;
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
    /// Whether standard output is styled (`--color`, `NO_COLOR`, a terminal).
    pub color: bool,
    /// Whether standard error is styled: diagnostics are.
    pub err_color: bool,
    /// Standard output.
    pub out: &'a mut dyn Write,
    /// Standard error: warnings and progress.
    pub err: &'a mut dyn Write,
    /// Large values a command is done with, handed up to `main` (see
    /// [`Context::leave_for_exit`]); empty for most commands.
    pub leftovers: Vec<Box<dyn std::any::Any>>,
}

impl Context<'_> {
    /// Prints a warning or note that does not stop the command, through the
    /// one rendering of every diagnostic. A closed standard error is no
    /// reason to fail the command.
    pub fn warn(&mut self, d: &diag::Diagnostic) {
        let _ = write!(self.err, "{}", d.paint(self.err_color));
    }

    /// Hands a value the command is done with up to `main`, which ends the
    /// process without freeing it: a library handler frees what it makes,
    /// and only the binary knows that the process ends next.
    pub fn leave_for_exit(&mut self, value: impl std::any::Any) {
        self.leftovers.push(Box::new(value));
    }

    /// [`Context::warn`] for each, in order.
    pub fn warn_all(&mut self, diags: &[diag::Diagnostic]) {
        let _ = write!(self.err, "{}", diag::Painted::all(diags, self.err_color));
    }
}

/// Runs one parsed command line.
pub fn run(cli: cli::Cli, cx: &mut Context<'_>) -> Result<(), Error> {
    cmd::dispatch(cli, cx)
}
