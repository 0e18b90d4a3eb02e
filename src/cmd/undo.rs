//! `signon undo LETTER SIGNER`: append a `void` event that cancels the
//! signer's latest event on the letter, in the open (both stay in the ledger).

use crate::cli::UndoArgs;
use crate::ledger::{self, NewEvent, rules};
use crate::load::Workspace;
use crate::model::{SignerId, Standing, Status};
use crate::{Context, Error, validate};

/// Records a void for the signer's latest standing event, or refuses when
/// there is none.
pub(crate) fn undo(ws: &Workspace, args: &UndoArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    let path = ws.resolve_letter(&args.letter, &cx.cwd)?;
    let checked = validate::workspace(ws, std::slice::from_ref(&path))?.into_valid()?;
    let letter = super::sign::own_letter(ws, &checked.letters)?;
    crate::ledger::record::known_signers(
        &checked.roster,
        std::slice::from_ref(&args.signer),
        None,
    )?;
    let signer = SignerId(args.signer.clone());
    let at = rules::to_seconds(cx.now);
    let target =
        ledger::log::undo_target(&checked.ledger, &letter.id, &signer).ok_or_else(|| {
            Error::message(format!(
                "nothing to undo: `{signer}` has no event on `{}` that is not already undone",
                letter.id
            ))
        })?;
    let event = NewEvent {
        letter: letter.id.clone(),
        signer: signer.0.clone(),
        status: Status::Void,
        at,
        by: args.by.clone(),
        text: None,
        note: args.note.clone(),
    };
    ledger::append(&ws.signers_path(), std::slice::from_ref(&event))?;
    // The signer's state with the void counted, for the line printed.
    let void = rules::as_recorded(&event);
    let events = checked.ledger.iter().chain(std::iter::once(&void));
    let states = ledger::states(letter, events, &ledger::fingerprint(letter));
    let now = states.iter().find(|s| s.id == signer);
    let standing = now.map_or(Standing::NoAnswer, |s| s.standing);
    super::write_out(cx, &ledger::log::undone(&void, target, standing))
}
