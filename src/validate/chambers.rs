//! A signature under the other chamber's letterhead: a Senator's on a
//! letter headed "House of Representatives", a Representative's under
//! "United States Senate". A warning at the signature in the ledger, as the
//! letter may still go out on a letterhead both chambers sign under
//! (`congress`, `none` or custom lines).
//!
//! A letter whose every listed signer is of the other chamber is told once,
//! at its letterhead, by the conventions instead.

use std::sync::Arc;

use super::ledger::{LineStarts, value_span};
use crate::diag::{Diagnostic, Source};
use crate::model::{Chamber, Letter, Roster, SignOff, SignerId, Status};

/// A warning for each signature of the other chamber that stands (signed,
/// or stale: it prints on a draft) on a one-chamber letter, at the
/// signer's latest answer in the ledger.
pub(super) fn signatures(
    src: &Arc<Source>,
    ledger: &[SignOff],
    letters: &[Letter],
    roster: &Roster,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut lines = LineStarts::new(&src.text);
    for letter in letters {
        let Some(chamber) = letter.letterhead.chamber() else {
            continue;
        };
        let other = |id: &SignerId| roster.get(id).is_some_and(|s| s.chamber != chamber);
        let signed = |e: &&SignOff| e.letter == letter.id && e.status == Status::Signed;
        // Most letters have no such signature: the standings are replayed
        // only for those that have one.
        if all_listed_other(letter, &other)
            || !ledger.iter().filter(signed).any(|e| other(&e.signer))
        {
            continue;
        }
        for state in crate::ledger::states(letter, ledger, "") {
            let stands = state.standing.has_signature();
            let last = ledger
                .iter()
                .rev()
                .find(|e| e.letter == letter.id && e.signer == state.id && e.status.is_answer());
            let (Some(event), Some(signer)) = (last, roster.get(&state.id)) else {
                continue;
            };
            if stands && signer.chamber != chamber {
                let span = value_span(&src.text, lines.offset(event.line), "signer");
                out.push(warning(
                    src,
                    span,
                    &state.id.0,
                    signer.chamber,
                    chamber,
                    &letter.id,
                ));
            }
        }
    }
    out
}

/// Every signer the letter lists is of the other chamber: the letterhead
/// itself is wrong, which the conventions say once at the letterhead.
fn all_listed_other(letter: &Letter, other: &impl Fn(&SignerId) -> bool) -> bool {
    let mut listed = letter.leads.iter().map(|l| &l.id).chain(&letter.invited);
    listed.all(other)
}

/// "`schiff` is a Senator, but the letterhead of `L` is the House's".
fn warning(
    src: &Arc<Source>,
    span: std::ops::Range<usize>,
    id: &str,
    theirs: Chamber,
    letterhead: Chamber,
    letter: &str,
) -> Diagnostic {
    Diagnostic::warning(
        src,
        span,
        format!(
            "`{id}` is {}, but the letterhead of `{letter}` is the {}'s",
            member(theirs),
            chamber_name(letterhead)
        ),
    )
    .with_label(format!(
        "this signature prints under the `{}` letterhead",
        letterhead.as_str()
    ))
    .with_hint("set `letterhead = \"congress\"` for a letter of both chambers")
}

/// "a Senator", "a Representative".
pub(in crate::validate) fn member(c: Chamber) -> &'static str {
    match c {
        Chamber::House => "a Representative",
        Chamber::Senate => "a Senator",
    }
}

/// "House", "Senate".
pub(in crate::validate) fn chamber_name(c: Chamber) -> &'static str {
    match c {
        Chamber::House => "House",
        Chamber::Senate => "Senate",
    }
}
