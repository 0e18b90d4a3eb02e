//! `signon press LETTER`: the press-release draft, marked DRAFT until the
//! letter passes [`ledger::final_gate`]. Also the loading and output steps
//! that `signon export` shares.

use std::path::Path;

use crate::cli::PressArgs;
use crate::compose::{Composed, compose};
use crate::diag::display_path;
use crate::load::Workspace;
use crate::press::{self, signers::SignerRow};
use crate::validate::Checked;
use crate::{Context, Error, ledger, output};

/// A letter, validated and composed, with who signed it.
pub(super) struct Prepared {
    /// The workspace, validated for this one letter.
    pub(super) checked: Checked,
    /// Composed as a draft unless the final gate passes.
    pub(super) composed: Composed,
    /// Those who signed the current text, in print order.
    pub(super) rows: Vec<SignerRow>,
    /// Why the letter may not go final yet (none: it may).
    pub(super) not_final: Option<Vec<ledger::Reason>>,
}

/// Writes the press release for one letter.
pub(crate) fn press(ws: &Workspace, args: &PressArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    let guard = super::guard(ws, Some(&args.letter), cx)?;
    if let Some(path) = &args.output {
        check(cx, path, &guard)?;
    }
    let p = prepare(ws, &args.letter, cx)?;
    let letter = &p.checked.letters[0];
    let release = press::release::build(&p.composed, &p.rows, p.not_final.as_deref());
    let text = press::release(&release, &letter.id, args.format.into())?;
    emit(cx, args.output.as_deref(), &text, &guard)
}

/// Validates the workspace for one letter, replays the ledger, asks the
/// final gate and composes: a draft unless the gate passes.
pub(super) fn prepare(ws: &Workspace, name: &str, cx: &mut Context<'_>) -> Result<Prepared, Error> {
    let super::OneLetter { checked, states } = super::one_letter(ws, name, cx)?;
    let letter = &checked.letters[0];
    let not_final = ledger::final_gate(&states, &checked.roster).err();
    let composed = compose(letter, &checked.roster, &states, not_final.is_some());
    let rows = press::signers::signed(&composed, &checked.roster, &states);
    Ok(Prepared {
        checked,
        composed,
        rows,
        not_final,
    })
}

/// Refuses `--output PATH` before anything is made (standard output is
/// always fine).
pub(super) fn check(cx: &Context<'_>, path: &Path, guard: &output::Guard) -> Result<(), Error> {
    if output::is_stdout(path) {
        return Ok(());
    }
    guard.check(&cx.cwd.join(path))
}

/// Prints `text`, or writes it to `output` (relative to the working folder;
/// `-` is standard output) through [`output::write`] and says so.
pub(super) fn emit(
    cx: &mut Context<'_>,
    output: Option<&Path>,
    text: &str,
    guard: &output::Guard,
) -> Result<(), Error> {
    match output {
        None => super::write_out(cx, text),
        Some(path) if output::is_stdout(path) => super::write_out(cx, text),
        Some(path) => {
            let path = cx.cwd.join(path);
            let verb = output::write(&path, text.as_bytes(), guard)?.verb();
            super::write_out(cx, &format!("{verb} {}\n", display_path(&path)))
        }
    }
}
