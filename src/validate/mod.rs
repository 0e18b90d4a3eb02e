//! Stage 2, validate: raw serde values become the checked model types of
//! [`crate::model`], and every problem of every file is collected as a
//! [`Diagnostic`] rather than stopping at the first.

mod conventions;
mod letter;
mod roster;
mod signatories;
pub mod text;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, Source};
use crate::error::Error;
use crate::load::{self, Loaded, Workspace, raw};
use crate::model::{Letter, Roster, SignOff, SignerId};

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
    let signers = crate::ledger::read::load_signers(&ws.signers_path())?;
    let paths = if letters.is_empty() {
        ws.letter_paths()?
    } else {
        letters.to_vec()
    };
    let letters = paths
        .iter()
        .map(|path| {
            Ok((
                load::letter_id(path),
                load::load_file::<raw::LetterFile>(path)?,
            ))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(loaded(signers, letters, &letter_ids))
}

/// Validates files already in memory: `signers.toml` and `(id, text)` letters.
/// The same checks as [`workspace`], without touching the disk.
pub fn texts(signers: &str, letters: &[(&str, &str)]) -> Checked {
    let source = Source::new(Path::new(load::SIGNERS_FILE), signers.to_string());
    let (value, problems) = <raw::SignersFile as load::FileKind>::parse(&source);
    let signers = Loaded {
        source,
        value,
        problems,
    };
    let ids: Vec<String> = letters.iter().map(|(id, _)| id.to_string()).collect();
    let letters = letters
        .iter()
        .map(|(id, text)| {
            let source = Source::new(
                &Path::new(load::LETTERS_DIR).join(format!("{id}.toml")),
                text.to_string(),
            );
            let (value, problems) = <raw::LetterFile as load::FileKind>::parse(&source);
            (
                id.to_string(),
                Loaded {
                    source,
                    value,
                    problems,
                },
            )
        })
        .collect();
    loaded(signers, letters, &ids)
}

fn loaded(
    signers: Loaded<raw::SignersFile>,
    letters: Vec<(String, Loaded<raw::LetterFile>)>,
    letter_ids: &[String],
) -> Checked {
    let mut out = Checked {
        signers_source: Some(signers.source.clone()),
        ..Checked::default()
    };
    let src = &signers.source;
    let (mut file, problems) = (signers.value, signers.problems);
    // A torn last event (an interrupted write) is reported on its own, and
    // the roster and the events before it still count. Looked for only when
    // the file has problems: the search reads the whole ledger line by line.
    let torn = (!problems.is_empty()).then(|| roster::recover_torn(src));
    match torn.flatten() {
        Some((before, torn)) => {
            file = before;
            out.diagnostics.push(torn);
        }
        None => out.diagnostics.extend(problems),
    }
    out.roster = roster::roster(src, &file, &mut out.diagnostics);
    // Ids whose roster entry is broken still exist: letters naming them must
    // not get a second, misleading "unknown signer". When the file did not
    // even parse, nothing is known about ids at all.
    let mut known = out.roster.clone();
    let broken = file.signers.keys().map(|k| k.get_ref()).chain(&file.broken);
    for id in broken {
        known
            .by_id
            .entry(SignerId(id.clone()))
            .or_insert(usize::MAX);
    }
    let known = file.parsed.then_some(&known);
    let people = known.map(conventions::People::new);
    out.ledger = roster::ledger(
        src,
        file.signoff,
        &out.roster,
        letter_ids,
        &mut out.diagnostics,
    );
    out.diagnostics
        .extend(crate::ledger::duplicate_events(&out.ledger, src));
    for (id, loaded) in letters {
        out.diagnostics.extend(loaded.problems);
        let letter = letter::letter(
            &id,
            &loaded.source,
            &loaded.value,
            known,
            &mut out.diagnostics,
        );
        conventions::check(
            &loaded.source,
            &loaded.value,
            people.as_ref(),
            &mut out.diagnostics,
        );
        out.letters.extend(letter);
    }
    out
}

/// Validates one letter from a string, for tests and tools.
pub fn letter_from_str(
    id: &str,
    text: &str,
    roster: Option<&Roster>,
) -> (Option<Letter>, Vec<Diagnostic>) {
    let source = Source::new(
        &Path::new(load::LETTERS_DIR).join(format!("{id}.toml")),
        text.to_string(),
    );
    let (file, mut diags) = <raw::LetterFile as load::FileKind>::parse(&source);
    let letter = letter::letter(id, &source, &file, roster, &mut diags);
    (
        letter.filter(|_| !diags.iter().any(Diagnostic::is_error)),
        diags,
    )
}
