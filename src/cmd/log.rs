//! `signon log LETTER [SIGNER]`: every event of a letter in time order,
//! voided ones marked, with who recorded each and the note.

use crate::cli::LogArgs;
use crate::ledger;
use crate::load::Workspace;
use crate::model::SignerId;
use crate::{Context, Error};

/// Prints the letter's events (one signer's, when named) as a table.
pub(crate) fn log(ws: &Workspace, args: &LogArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    let one = super::one_letter(ws, &args.letter, cx)?;
    let signer = match &args.signer {
        Some(name) => {
            crate::ledger::record::known_signers(
                &one.checked.roster,
                std::slice::from_ref(name),
                None,
            )?;
            Some(SignerId(name.clone()))
        }
        None => None,
    };
    let id = &one.letter().id;
    let events = ledger::log::events(&one.checked.ledger, id, signer.as_ref());
    super::write_out(cx, &ledger::log::table(id, signer.as_ref(), &events))
}
