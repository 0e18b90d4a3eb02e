//! `signon sign | decline | withdraw | invite`: validate the workspace, plan
//! the events ([`ledger::record`]), keep the approved text, append, and say
//! what happened.

use crate::cli::{RecordArgs, SignArgs};
use crate::ledger::{self, record};
use crate::load::Workspace;
use crate::model::{Letter, Status};
use crate::roster::Filter;
use crate::validate::{self, text};
use crate::{Context, Error};

/// `signon sign`: the signers named, or every row of `--from`'s file.
pub(crate) fn sign(ws: &Workspace, args: &SignArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    match &args.from {
        Some(file) => super::intake::intake(ws, args, file, cx),
        None => record(ws, &args.record, Status::Signed, cx),
    }
}

/// Records `status` for every signer named, all of them or none.
pub(crate) fn record(
    ws: &Workspace,
    args: &RecordArgs,
    status: Status,
    cx: &mut Context<'_>,
) -> Result<(), Error> {
    text::arg_text("--by", args.by.as_deref(), false)?;
    text::arg_text("--note", args.note.as_deref(), true)?;
    let path = ws.resolve_letter(&args.letter, &cx.cwd)?;
    let checked = validate::workspace(ws, std::slice::from_ref(&path))?.into_valid()?;
    let letter = own_letter(ws, &checked.letters)?;
    let request = record::Request {
        names: &args.signers,
        filter: Filter::from(&args.filter),
        status,
        at: args.at.as_ref(),
        by: args.by.clone(),
        note: args.note.clone(),
        now: cx.now,
    };
    let plan = record::plan(&checked.roster, &checked.ledger, letter, &request)?;
    cx.warn_all(&plan.notes);
    if plan.events.is_empty() {
        let msg =
            "nothing recorded: everyone matching is already a lead, invited, or has answered\n";
        return super::write_out(cx, msg);
    }
    // The approved text is kept before the ledger names it, so a recorded
    // signature always has its text.
    if status == Status::Signed {
        ledger::approved::keep(&ws.root, &ledger::canonical(letter))?;
    }
    ledger::append(&ws.signers_path(), &plan.events)?;
    super::write_out(cx, &recorded(&plan.events))?;
    cx.warn_all(&record::outranked(&checked.ledger, letter, &plan.events));
    Ok(())
}

/// What the command says: a line per event appended.
fn recorded(events: &[ledger::NewEvent]) -> String {
    events
        .iter()
        .map(|e| {
            let (status, at) = (e.status.as_str(), ledger::rules::show(e.at));
            format!("recorded `{}` {status} `{}` at {at}\n", e.signer, e.letter)
        })
        .collect()
}

/// The letter, which must live in this workspace's `letters/`: the ledger
/// names letters by id, and an id elsewhere would be an unknown letter.
pub(super) fn own_letter<'a>(ws: &Workspace, letters: &'a [Letter]) -> Result<&'a Letter, Error> {
    let letter = letters
        .first()
        .ok_or_else(|| Error::message("the letter did not validate"))?;
    if !ws.letter_ids()?.contains(&letter.id) {
        return Err(Error::message(format!(
            "letter `{}` is not in `letters/`: sign-offs are recorded only for the workspace's letters",
            letter.id
        )));
    }
    Ok(letter)
}
