//! `signon check`: load and validate, report every problem, change nothing.

use crate::cli::CheckArgs;
use crate::diag::{self, Severity};
use crate::load::Workspace;
use crate::{Context, Error, validate};

/// Checks the roster, the ledger and the named letters (all when none).
pub(crate) fn check(ws: &Workspace, args: &CheckArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    let paths = args
        .letters
        .iter()
        .map(|name| ws.resolve_letter(name, &cx.cwd))
        .collect::<Result<Vec<_>, _>>()?;
    let mut checked = validate::workspace(ws, &paths)?.check_clock(cx.now);
    let letter_paths = if paths.is_empty() {
        ws.letter_paths()?
    } else {
        paths
    };
    checked
        .diagnostics
        .extend(validate::approved::altered_texts(&ws.root)?);
    let stale = validate::approved::stale_letters(&letter_paths, &checked);
    checked.diagnostics.extend(stale);
    let images = validate::signature_images(ws, &mut checked);
    checked.diagnostics.extend(images);
    let count = |s| {
        checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == s)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    diag::in_line_order(&mut checked.diagnostics);
    if errors > 0 {
        return Err(Error::Invalid(checked.diagnostics));
    }
    // Warnings go to stderr like errors do; the summary goes to stdout.
    cx.warn_all(&checked.diagnostics);
    let letters = checked.letters.len();
    let summary = format!(
        "checked {}, {} signers, {} sign-offs: no errors, {}\n",
        diag::plural(letters, "letter"),
        checked.roster.signers.len(),
        checked.ledger.len(),
        diag::plural(warnings, "warning"),
    );
    super::write_out(cx, &summary)
}
