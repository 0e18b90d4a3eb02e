//! `signon export LETTER --format csv|json|txt`: the signer list for
//! partner organizations. A letter that may not go final yet is exported
//! all the same — partners often want the list as it grows — with a
//! warning on standard error that says why it is not final.

use crate::cli::{ExportArgs, ExportFormat};
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
        let mut warning = format!(
            "warning: `{}` is not final: listing the signatures on the current text\n",
            p.composed.id
        );
        reasons
            .iter()
            .for_each(|r| warning.push_str(&format!("  - {r}\n")));
        let _ = cx.err.write_all(warning.as_bytes());
    }
    let text = match args.format {
        ExportFormat::Csv => export::csv(&p.rows)?,
        ExportFormat::Json => export::json(&p.composed, &p.rows)?,
        ExportFormat::Txt => export::txt(&p.rows),
    };
    super::press::emit(cx, args.output.as_deref(), &text, &guard)
}
