//! What `signon diff` reports: the signers asked about, grouped by the text
//! they approved, and for each group the redline from that text to the
//! current one — from the text kept under `approved/`, else from the
//! letter's git history — or why there is none.

use std::path::Path;

use chrono::NaiveDate;

use super::{Redline, git, redline};
use crate::ledger::approved::{self, Kept};
use crate::model::{Letter, SignOff, SignerId, SignerState, Standing, Status};

/// Everything `signon diff` shows for one letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The letter id.
    pub letter: String,
    /// The letter's title.
    pub title: String,
    /// The fingerprint of its current text.
    pub current: String,
    /// One group per approved text, the oldest signature first.
    pub groups: Vec<Group>,
    /// One line per signer asked about with nothing to compare.
    pub notes: Vec<String>,
}

/// The signers who approved the same text, and what changed since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Roster ids, in the letter's order (leads first).
    pub signers: Vec<String>,
    /// The days they signed, each once, in order.
    pub dates: Vec<NaiveDate>,
    /// The fingerprint of the text they approved.
    pub fingerprint: String,
    /// Where that text came from, and the redline.
    pub basis: Basis,
}

/// Where an approved text was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// Kept under `approved/` when it was signed.
    Kept(Redline),
    /// Not kept; found in a committed version of the letter file.
    Git {
        /// The commit (full hash).
        commit: String,
        /// The redline.
        redline: Redline,
    },
    /// Not found: the reason, in words.
    Missing(String),
}

impl Basis {
    /// The redline, when there is one.
    pub fn redline(&self) -> Option<&Redline> {
        match self {
            Basis::Kept(r) | Basis::Git { redline: r, .. } => Some(r),
            Basis::Missing(_) => None,
        }
    }
}

/// A signer's latest "signed" event on the letter: the one whose text they
/// approved. Latest by `at`; among equal times, the one appended last.
pub fn approved_event<'a>(
    ledger: &'a [SignOff],
    letter: &str,
    signer: &SignerId,
) -> Option<&'a SignOff> {
    ledger
        .iter()
        .filter(|e| e.letter == letter && e.signer == *signer && e.status == Status::Signed)
        .fold(None, |best: Option<&SignOff>, e| match best {
            Some(b) if b.at > e.at => Some(b),
            _ => Some(e),
        })
}

/// The report for `only` (every stale signer when empty). `root` is the
/// workspace, `letter_path` the letter's file (for its git history).
pub fn report(
    root: &Path,
    letter_path: &Path,
    letter: &Letter,
    ledger: &[SignOff],
    states: &[SignerState],
    only: &[SignerId],
) -> Report {
    let current = crate::ledger::canonical(letter);
    let mut notes = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    for s in chosen(states, only, &letter.id, &mut notes) {
        let text = match s.standing {
            Standing::Stale => s.stale_text.as_deref(),
            _ => approved_event(ledger, &letter.id, &s.id).and_then(|e| e.text.as_deref()),
        };
        match (s.standing, text) {
            (Standing::Stale, Some(t)) => {
                let i = match groups.iter().position(|g| g.fingerprint == t) {
                    Some(i) => i,
                    None => {
                        groups.push(Group {
                            signers: Vec::new(),
                            dates: Vec::new(),
                            fingerprint: t.to_string(),
                            basis: Basis::Missing(String::new()),
                        });
                        groups.len() - 1
                    }
                };
                groups[i].signers.push(s.id.0.clone());
                groups[i].dates.extend(s.at.map(|at| at.date_naive()));
            }
            (_, text) => notes.push(note(s, text, &letter.id)),
        }
    }
    for g in &mut groups {
        g.dates.sort();
        g.dates.dedup();
        g.basis = basis(root, letter_path, &letter.id, &g.fingerprint, &current);
    }
    groups.sort_by(|a, b| a.dates.first().cmp(&b.dates.first()));
    Report {
        letter: letter.id.clone(),
        title: letter.title.clone(),
        current: crate::ledger::digest(&current),
        groups,
        notes,
    }
}

/// The signers asked about (every stale one when `only` is empty); a name
/// with no standing on the letter gets a note instead.
fn chosen<'a>(
    states: &'a [SignerState],
    only: &[SignerId],
    letter: &str,
    notes: &mut Vec<String>,
) -> Vec<&'a SignerState> {
    if only.is_empty() {
        return states
            .iter()
            .filter(|s| s.standing == Standing::Stale)
            .collect();
    }
    let mut out = Vec::new();
    for id in only {
        match states.iter().find(|s| s.id == *id) {
            Some(s) => out.push(s),
            None => notes.push(format!(
                "`{id}` is not on `{letter}`: not invited, and no answer recorded"
            )),
        }
    }
    out
}

/// Why a signer asked about has no redline.
fn note(s: &SignerState, text: Option<&str>, letter: &str) -> String {
    match (s.standing, text) {
        (Standing::Signed { .. }, Some(_)) => {
            format!("`{}` signed the current text: nothing changed since", s.id)
        }
        (Standing::Signed { .. }, None) => format!(
            "`{}` signed by hand without a fingerprint: which text they approved is not recorded",
            s.id
        ),
        (standing, _) => format!(
            "`{}` has not signed `{letter}` ({})",
            s.id,
            standing.as_str()
        ),
    }
}

/// The redline from the text of `fingerprint` to `current`.
fn basis(root: &Path, letter_path: &Path, id: &str, fingerprint: &str, current: &str) -> Basis {
    let not_kept = match approved::read(root, fingerprint) {
        Kept::Text(old) => return Basis::Kept(redline(&old, current)),
        Kept::Missing => {
            "the approved text was not kept (recorded by hand, or signed before signon kept texts)"
        }
        Kept::Altered => {
            "the kept approved text was edited and no longer matches its fingerprint (`signon check` names the file)"
        }
    };
    match git::find(letter_path, id, fingerprint) {
        Ok(found) => Basis::Git {
            commit: found.commit,
            redline: redline(&found.canonical, current),
        },
        Err(why) => Basis::Missing(format!("{not_kept}; {why}")),
    }
}
