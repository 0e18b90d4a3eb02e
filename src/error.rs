//! The library's error type and its mapping to exit codes.

use std::io;
use std::path::PathBuf;

use crate::diag::{self, Diagnostic};

/// Everything that can make a command fail.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("failed to {verb} `{}`: {source}", diag::display_path(.path))]
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
    /// The command was refused, each reason given (e.g. `render --final`).
    #[error("{message}\n{}", .reasons.iter().map(|r| format!("  - {r}\n")).collect::<String>())]
    Refused {
        /// What was refused.
        message: String,
        /// Why, one line each.
        reasons: Vec<String>,
    },
    /// Any other problem a user can fix, said in one line.
    #[error("{0}")]
    Message(String),
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
}
