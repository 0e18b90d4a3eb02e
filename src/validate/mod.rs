//! Stage 2, validate: raw serde values become the checked model types of
//! [`crate::model`], and every problem of every file is collected as a
//! [`Diagnostic`] rather than stopping at the first.

mod letter;
mod roster;
pub mod text;

use std::path::PathBuf;
use std::sync::Arc;

use crate::diag::{Diagnostic, Source};
use crate::error::Error;
use crate::load::{self, Workspace, raw};
use crate::model::{Letter, Roster, SignOff};

/// The workspace after validation: whatever was valid, and every problem.
#[derive(Debug, Default)]
pub struct Checked {
    /// The roster (empty when `signers.toml` did not parse).
    pub roster: Roster,
    /// The valid ledger events, in file order.
    pub ledger: Vec<SignOff>,
    /// The letters that had no errors, in the order asked for.
    pub letters: Vec<Letter>,
    /// Errors and warnings, file by file.
    pub diagnostics: Vec<Diagnostic>,
    /// The text of `signers.toml`, for diagnostics about the ledger.
    pub signers_source: Option<Arc<Source>>,
}

impl Checked {
    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The letters, or every diagnostic when there is any error.
    pub fn into_valid(self) -> Result<Checked, Error> {
        if self.has_errors() {
            return Err(Error::Invalid(self.diagnostics));
        }
        Ok(self)
    }
}

/// Loads and validates the roster, the ledger and the given letters (all of
/// `letters/` when `letters` is empty).
pub fn workspace(ws: &Workspace, letters: &[PathBuf]) -> Result<Checked, Error> {
    let letter_ids = ws.letter_ids()?;
    let mut out = Checked::default();
    let signers = crate::ledger::read::load_signers(&ws.signers_path())?;
    out.signers_source = Some(signers.source.clone());
    // A torn last event is reported on its own; the events before it still count.
    let mut torn = None;
    let value = match signers.value {
        Err(d) => match roster::recover_torn(&signers.source) {
            Some((file, diag)) => {
                torn = Some(diag);
                Ok(file)
            }
            None => Err(d),
        },
        ok => ok,
    };
    let roster_ok = match value {
        Ok(file) => {
            out.roster = roster::roster(&signers.source, &file, &mut out.diagnostics);
            out.ledger = roster::ledger(
                &signers.source,
                file.signoff,
                &out.roster,
                &letter_ids,
                &mut out.diagnostics,
            );
            true
        }
        Err(d) => {
            out.diagnostics.push(d);
            false
        }
    };
    out.diagnostics.extend(torn);
    let paths = if letters.is_empty() {
        ws.letter_paths()?
    } else {
        letters.to_vec()
    };
    for path in &paths {
        let loaded = load::load_file::<raw::LetterFile>(path)?;
        let file = match loaded.value {
            Ok(file) => file,
            Err(d) => {
                out.diagnostics.push(d);
                continue;
            }
        };
        let id = load::letter_id(path);
        let roster = roster_ok.then_some(&out.roster);
        if let Some(l) = letter::letter(&id, &loaded.source, &file, roster, &mut out.diagnostics) {
            out.letters.push(l);
        }
    }
    Ok(out)
}

/// Validates one letter from a string, for tests and tools.
pub fn letter_from_str(
    id: &str,
    text: &str,
    roster: Option<&Roster>,
) -> (Option<Letter>, Vec<Diagnostic>) {
    let source = Source::new(
        std::path::Path::new(&format!("letters/{id}.toml")),
        text.to_string(),
    );
    let mut diags = Vec::new();
    let letter = match load::parse::<raw::LetterFile>(&source) {
        Ok(file) => letter::letter(id, &source, &file, roster, &mut diags),
        Err(d) => {
            diags.push(d);
            None
        }
    };
    (letter, diags)
}
