//! `signon diff LETTER [SIGNER…] [--html PATH]`: the redline from the text
//! each signer approved to the letter's current text.

use crate::cli::DiffArgs;
use crate::diag::Diagnostic;
use crate::diff;
use crate::load::Workspace;
use crate::model::{Roster, SignerId};
use crate::{Context, Error};

/// Prints the redline, or writes it as a page with `--html`.
pub(crate) fn diff(ws: &Workspace, args: &DiffArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    let path = ws.resolve_letter(&args.letter, &cx.cwd)?;
    let one = super::one_letter(ws, &args.letter, cx)?;
    let only = known(&one.checked.roster, &args.signers)?;
    let report = diff::report::report(
        &ws.root,
        &path,
        one.letter(),
        &one.checked.ledger,
        &one.states,
        &only,
    );
    match &args.html {
        Some(html) if crate::output::is_stdout(html) => {
            super::write_out(cx, &diff::html::render(&report, &one.checked.roster))
        }
        Some(html) => {
            let html = cx.cwd.join(html);
            let guard = super::guard(ws, Some(&args.letter), cx)?;
            let verb = diff::html::write(&report, &one.checked.roster, &html, &guard)?.verb();
            let _ = writeln!(cx.err, "{verb} {}", crate::diag::display_path(&html));
            Ok(())
        }
        None => super::write_out(cx, &diff::text::render(&report, cx.color)),
    }
}

/// The signer ids, each once; every unknown one is an error with the ids it
/// may have meant.
fn known(roster: &Roster, names: &[String]) -> Result<Vec<SignerId>, Error> {
    let mut ids: Vec<SignerId> = Vec::new();
    let mut unknown = Vec::new();
    for name in names {
        let id = SignerId(name.clone());
        if roster.get(&id).is_none() {
            let mut d = Diagnostic::bare(None, format!("no signer `{name}` in `signers.toml`"));
            if let Some(hint) = crate::roster::did_you_mean(roster, name) {
                d = d.with_hint(hint);
            }
            unknown.push(d);
        } else if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if unknown.is_empty() {
        Ok(ids)
    } else {
        Err(Error::Invalid(unknown))
    }
}
