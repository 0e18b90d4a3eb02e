//! Stage 2, validate: raw serde values become the checked model types of
//! [`crate::model`], and every problem of every file is collected as a
//! [`Diagnostic`] rather than stopping at the first.

pub mod approved;
mod body;
mod chambers;
mod conventions;
mod formerly;
mod images;
mod ledger;
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

pub use images::{SignatureRef, signature_images};

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
    /// Each roster entry's `signature`, read only by [`signature_images`].
    pub signature_refs: Vec<SignatureRef>,
}

impl Checked {
    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Adds an error for every ledger event more than a day after `now`
    /// (read once by the command), at its `at`.
    pub fn check_clock(mut self, now: chrono::DateTime<chrono::FixedOffset>) -> Checked {
        if let Some(src) = &self.signers_source {
            let future = ledger::future_events(src, &self.ledger, now);
            self.diagnostics.extend(future);
        }
        self
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
    load_and_check(ws, letters, Warnings::Shown)
}

/// Like [`workspace`], without the house conventions, which only ever warn:
/// for a command that shows no warnings (`status`), on a season's letters
/// they were a tenth of its time. Repeated ledger events, which only warn
/// too, are looked for only when there is an error, for which `status`
/// prints every diagnostic.
pub fn workspace_errors(ws: &Workspace, letters: &[PathBuf]) -> Result<Checked, Error> {
    load_and_check(ws, letters, Warnings::Skipped)
}

/// Whether the checks that can only warn are made: the house conventions,
/// every seal of the ledger (not just its last command's), repeated events
/// and signers' chambers. A command that shows no warnings skips them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Warnings {
    Shown,
    Skipped,
}

fn load_and_check(
    ws: &Workspace,
    letters: &[PathBuf],
    warnings: Warnings,
) -> Result<Checked, Error> {
    let letter_ids = ws.letter_ids()?;
    let all = ws.letter_paths()?;
    let paths = if letters.is_empty() {
        all.clone()
    } else {
        letters.to_vec()
    };
    let (letters, signers) = crate::parallel::join(
        paths.len() >= MANY_LETTERS,
        || load_letters(&paths),
        || crate::ledger::read::load_signers(&ws.signers_path()),
    );
    let letters = letters?;
    // The letter files not loaded for this command: [`history`] reads
    // their `formerly` only when it may matter (a loaded letter has one, or
    // an event names a letter id no loaded letter accounts for).
    let others: Vec<PathBuf> = all
        .into_iter()
        .filter(|p| !letters.iter().any(|(id, _)| *id == load::letter_id(p)))
        .collect();
    Ok(loaded(signers?, letters, &letter_ids, &others, warnings))
}

/// From this many letters on, a season is worth a second thread: the
/// letters are read and checked beside the ledger, and `status` builds its
/// two halves at once. Below, starting the thread costs more than it saves.
pub(crate) const MANY_LETTERS: usize = 8;

/// With [`MANY_LETTERS`], the events from which checking the ledger beside
/// the letters pays for the thread.
const MANY_SIGNOFFS: usize = 1000;

type LoadedLetters = Vec<(String, Loaded<raw::LetterFile>)>;

fn load_letters(paths: &[PathBuf]) -> Result<LoadedLetters, Error> {
    paths
        .iter()
        .map(|path| {
            Ok((
                load::letter_id(path),
                load::load_file::<raw::LetterFile>(path)?,
            ))
        })
        .collect()
}

/// The letters of the workspace whose `formerly` names `id`, sorted: the
/// letters its ledger events count for (`signon mv` refuses such an id).
pub fn claimants(ws: &Workspace, id: &str) -> Result<Vec<String>, Error> {
    let mut history = formerly::History::new(&[]);
    history.read_unloaded(&ws.letter_paths()?);
    Ok(history.claimants(id).to_vec())
}

/// Validates files already in memory: `signers.toml` and `(id, text)` letters.
/// The same checks as [`workspace`], without touching the disk.
pub fn texts(signers: &str, letters: &[(&str, &str)]) -> Checked {
    let signers = Loaded::parse(Source::new(
        Path::new(load::SIGNERS_FILE),
        signers.to_string(),
    ));
    let ids: Vec<String> = letters.iter().map(|(id, _)| id.to_string()).collect();
    let letters = letters
        .iter()
        .map(|(id, text)| {
            let source = Source::new(
                &Path::new(load::LETTERS_DIR).join(format!("{id}.toml")),
                text.to_string(),
            );
            (id.to_string(), Loaded::parse(source))
        })
        .collect();
    loaded(signers, letters, &ids, &[], Warnings::Shown)
}

fn loaded(
    signers: Loaded<raw::SignersFile>,
    letters: LoadedLetters,
    letter_ids: &[String],
    others: &[PathBuf],
    warnings: Warnings,
) -> Checked {
    let src = &signers.source;
    let (mut file, problems) = (signers.value, signers.problems);
    let mut diagnostics = Vec::new();
    // A torn last event (an interrupted write) is reported on its own, and
    // the roster and the events before it still count. Looked for only when
    // the file has problems: the search reads the whole ledger line by line.
    let torn = (!problems.is_empty()).then(|| ledger::recover_torn(src));
    let torn = match torn.flatten() {
        Some((before, torn)) => {
            file = before;
            Some(torn)
        }
        None => {
            diagnostics.extend(problems);
            None
        }
    };
    // Seals and whole commands; a torn tail is told here too, as part of
    // the command it cut when there is one. Every seal for `check`, the
    // last command for the others (`status` has a budget).
    let findings = match warnings {
        Warnings::Shown => crate::ledger::batch::findings,
        Warnings::Skipped => crate::ledger::batch::tail_findings,
    };
    let findings = findings(&src.text, &file.signoff, torn);
    diagnostics.extend(findings.iter().map(|f| f.diagnostic(src)));
    let roster = roster::roster(src, &file, &mut diagnostics);
    let signature_refs = images::refs(&file);
    let known = known_ids(&roster, &file);
    let known = file.parsed.then_some(&known);
    let signoffs = std::mem::take(&mut file.signoff);
    let history = history(&letters, letter_ids, &signoffs, others);
    let worth_it = letters.len() >= MANY_LETTERS && signoffs.len() >= MANY_SIGNOFFS;
    let ((ledger, mut ledger_diags), (letters, letter_diags)) = crate::parallel::join(
        worth_it,
        || ledger(src, signoffs, &roster, letter_ids, &history, warnings),
        || check_letters(letters, known, &history, warnings),
    );
    // Repeated events only warn: a command that shows no warnings (`status`,
    // which prints the diagnostics only when one is an error) spares the
    // search, a fifth of checking a season's ledger, unless there is one.
    // `check` has them searched beside the letters (`ledger`).
    let errors = [&diagnostics, &ledger_diags, &letter_diags]
        .iter()
        .any(|d| d.iter().any(Diagnostic::is_error));
    if warnings == Warnings::Skipped && errors {
        ledger_diags.extend(crate::ledger::duplicate_events(&ledger, src));
    }
    diagnostics.extend(ledger_diags);
    diagnostics.extend(letter_diags);
    if warnings == Warnings::Shown {
        diagnostics.extend(chambers::signatures(src, &ledger, &letters, &roster));
    }
    crate::diag::in_line_order(&mut diagnostics);
    Checked {
        signers_source: Some(signers.source.clone()),
        roster,
        ledger,
        letters,
        diagnostics,
        signature_refs,
    }
}

/// Which letter each earlier id became: the `formerly` of the letters
/// loaded, and those of `others` when an event names an id no loaded letter
/// has or a loaded letter has a `formerly` to check against them.
fn history(
    letters: &LoadedLetters,
    letter_ids: &[String],
    signoffs: &[toml::Spanned<raw::SignOff>],
    others: &[PathBuf],
) -> formerly::History {
    let mut history = formerly::History::new(letter_ids);
    let mut any = false;
    for (id, loaded) in letters {
        if let Some(meta) = &loaded.value.letter {
            let formerly = &meta.get_ref().formerly;
            any |= !formerly.is_empty();
            history.add(id, formerly.iter().map(|f| f.get_ref().as_str()));
        }
    }
    let needed = || {
        any || signoffs
            .iter()
            .any(|e| history.is_unknown(e.get_ref().letter.get_ref()))
    };
    if !others.is_empty() && needed() {
        history.read_unloaded(others);
    }
    history
}

/// Every id the letters may name: the roster's, and those whose roster entry
/// is broken, which must not get a second, misleading "unknown signer".
fn known_ids(roster: &Roster, file: &raw::SignersFile) -> Roster {
    let mut known = roster.clone();
    let broken = file.signers.keys().map(|k| k.get_ref()).chain(&file.broken);
    for id in broken {
        known
            .by_id
            .entry(SignerId(id.clone()))
            .or_insert(usize::MAX);
    }
    known
}

/// The valid ledger events, and the problems of the others; with the
/// warnings shown, the repeated events too.
fn ledger(
    src: &Arc<Source>,
    signoffs: Vec<toml::Spanned<raw::SignOff>>,
    roster: &Roster,
    letter_ids: &[String],
    history: &formerly::History,
    warnings: Warnings,
) -> (Vec<SignOff>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let ledger = ledger::ledger(src, signoffs, roster, letter_ids, history, &mut diags);
    if warnings == Warnings::Shown {
        diags.extend(crate::ledger::duplicate_events(&ledger, src));
    }
    (ledger, diags)
}

/// The letters without errors, and every letter's problems in file order.
/// `known` is `None` when `signers.toml` did not even parse.
fn check_letters(
    letters: LoadedLetters,
    known: Option<&Roster>,
    history: &formerly::History,
    warnings: Warnings,
) -> (Vec<Letter>, Vec<Diagnostic>) {
    let people = known
        .filter(|_| warnings == Warnings::Shown)
        .map(conventions::People::new);
    let ids = known.map(signatories::Known::new);
    let (mut valid, mut diags) = (Vec::new(), Vec::new());
    for (id, loaded) in letters {
        diags.extend(loaded.problems);
        let letter = letter::letter(&id, &loaded.source, &loaded.value, ids.as_ref(), &mut diags);
        let shared =
            formerly::check_others(&id, &loaded.source, &loaded.value, history, &mut diags);
        let letter = letter.filter(|_| !shared);
        if warnings == Warnings::Shown {
            conventions::check(&loaded.source, &loaded.value, people.as_ref(), &mut diags);
        }
        valid.extend(letter);
    }
    (valid, diags)
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
    let known = roster.map(signatories::Known::new);
    let letter = letter::letter(id, &source, &file, known.as_ref(), &mut diags);
    (
        letter.filter(|_| !diags.iter().any(Diagnostic::is_error)),
        diags,
    )
}
