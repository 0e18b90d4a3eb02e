//! The library's error type, its mapping to exit codes, and its rendering:
//! every failure is said as [`Diagnostic`]s, through the one path in `diag`.

use std::io;
use std::path::PathBuf;

use crate::diag::{self, Diagnostic, Painted};

/// Everything that can make a command fail.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}", self.render(false))]
    Io {
        /// "read", "write", "create", …
        verb: &'static str,
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The input has problems, each with its place.
    #[error("{}", diag::report(.0))]
    Invalid(Vec<Diagnostic>),
    /// One problem a user can fix, with its hints and notes (a refused
    /// `render --final` notes each reason).
    #[error("{0}")]
    Message(Box<Diagnostic>),
}

impl Error {
    /// The process exit code: 1 for every failure a user can fix by changing
    /// input (2 is clap's usage error, 101 is reserved for a panic).
    pub fn exit_code(&self) -> u8 {
        1
    }

    /// Shorthand for an I/O error.
    pub fn io(verb: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Io {
            verb,
            path: path.into(),
            source,
        }
    }

    /// One problem, said in one line.
    pub fn message(message: impl Into<String>) -> Self {
        Diagnostic::bare(None, message).into()
    }

    /// One problem and the `help:` line that says what to do.
    pub fn hinted(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Diagnostic::bare(None, message).with_hint(hint).into()
    }

    /// The error as a terminal shows it, styled when `color` is on:
    /// `main` prints a failed command's this way.
    pub fn render(&self, color: bool) -> String {
        match self {
            Error::Io { verb, path, source } => {
                let shown = diag::display_path(path);
                let d = Diagnostic::bare(None, format!("failed to {verb} `{shown}`: {source}"));
                d.paint(color).to_string()
            }
            Error::Invalid(diags) => Painted::report(diags, color).to_string(),
            Error::Message(d) => d.paint(color).to_string(),
        }
    }
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::Message(Box::new(d))
    }
}
