//! `signon export LETTER --format csv|json|txt`: the signer list for
//! partner organizations. A letter that may not go final yet is exported
//! all the same — partners often want the list as it grows — with a
//! warning on standard error that says why it is not final.

use crate::cli::{ExportArgs, ExportFormat};
use crate::diag::Diagnostic;
use crate::press::export;
use crate::{Context, Error};

/// Writes the signer list of one letter.
pub(crate) fn export(
    ws: &crate::load::Workspace,
    args: &ExportArgs,
    cx: &mut Context<'_>,
) -> Result<(), Error> {
    let guard = super::guard(ws, Some(&args.letter), cx)?;
    if let Some(path) = &args.output {
        super::press::check(cx, path, &guard)?;
    }
    let p = super::press::prepare(ws, &args.letter, cx)?;
    if let Some(reasons) = &p.not_final {
        let why = format!(
            "`{}` is not final: listing the signatures on the current text",
            p.composed.id
        );
        cx.warn(&Diagnostic::bare_warning(why).with_notes(crate::ledger::reason::lines(reasons)));
    }
    let text = match args.format {
        ExportFormat::Csv => export::csv(&p.rows)?,
        ExportFormat::Json => export::json(&p.composed, &p.rows)?,
        ExportFormat::Txt => export::txt(&p.rows),
    };
    super::press::emit(cx, args.output.as_deref(), &text, &guard)
}
