//! `signon status [LETTER] [--json] [--html PATH] [--missing]`: who has
//! signed, what is missing before the deadline, and whom to chase.

use crate::cli::StatusArgs;
use crate::diag::Diagnostic;
use crate::load::Workspace;
use crate::validate::{self, Checked};
use crate::{Context, Error, status};

/// Prints the status table (or JSON) of one letter or all, and writes the page.
pub(crate) fn status(ws: &Workspace, args: &StatusArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    let paths = match &args.letter {
        Some(name) => vec![ws.resolve_letter(name, &cx.cwd)?],
        None => Vec::new(),
    };
    let guard = page_guard(ws, args, cx)?;
    let (checked, broken) = usable(
        ws,
        validate::workspace_errors(ws, &paths)?,
        args.letter.is_some(),
        cx,
    )?;
    warn_future(&checked, cx);
    let mut all = status::overview(&checked.letters, &checked.roster, &checked.ledger, cx.now);
    status::stale::explain(&mut all, &checked.letters, &ws.root);
    match (&args.html, &guard) {
        (Some(path), _) if crate::output::is_stdout(path) => {
            super::write_out(cx, &status::html::render(&all, cx.now))?;
        }
        (Some(path), Some(guard)) => {
            let path = cx.cwd.join(path);
            let verb = status::html::write(&all, cx.now, &path, guard)?.verb();
            let _ = writeln!(cx.err, "{verb} {}", crate::diag::display_path(&path));
        }
        _ => {}
    }
    let done = if args.missing && args.json {
        status::json::write_missing(&all, &checked.roster, cx.now, cx.out)
            .map_err(|e| Error::io("write", "standard output", e))
    } else if args.missing {
        super::write_out(cx, &status::missing::table(&all, &checked.roster, cx.now))
    } else if args.json {
        status::json::write(&all, cx.now, cx.out)
            .map_err(|e| Error::io("write", "standard output", e))
    } else if args.html.is_some() {
        Ok(())
    } else if args.letter.is_some() {
        let text: String = all
            .iter()
            .map(|s| status::table::letter(s, cx.now, cx.color))
            .collect();
        super::write_out(cx, &text)
    } else {
        super::write_out(cx, &status::table::overview(&all, cx.color))
    };
    // A season's worth of events: `main` ends the process without freeing them.
    cx.leave_for_exit((checked, all));
    done?;
    // The others are shown; the broken letters' problems, with their places,
    // come after them and fail the command.
    match broken {
        Some(diags) => Err(Error::Invalid(diags)),
        None => Ok(()),
    }
}

/// A warning per event of a shown letter more than a day in the future,
/// which `check` calls an error and which outranks every real answer: one
/// comparison per event, so `status` stays fast and still says so.
fn warn_future(checked: &Checked, cx: &mut Context<'_>) {
    let limit = cx.now + crate::ledger::rules::FUTURE_LIMIT;
    let Some(src) = checked.signers_source.as_ref() else {
        return;
    };
    let future = checked.ledger.iter().filter(|e| e.at > limit);
    for e in future.filter(|e| checked.letters.iter().any(|l| l.id == e.letter)) {
        let at = crate::ledger::rules::show(e.at);
        let why = format!("event at `{at}` is in the future");
        let d = Diagnostic::warning(src, src.line_span(e.line), why);
        cx.warn(&d.with_hint("`signon check` calls it an error"));
    }
}

/// The guard for the page's file, its path checked before anything is read:
/// a refused path costs nothing. None when no file is written (the table, or
/// `--html -`, which shares standard output with nothing).
fn page_guard(
    ws: &Workspace,
    args: &StatusArgs,
    cx: &Context<'_>,
) -> Result<Option<crate::output::Guard>, Error> {
    match &args.html {
        Some(p) if crate::output::is_stdout(p) && args.json => Err(Error::hinted(
            "`--json` and `--html -` both write to standard output: wrote nothing",
            "name a file for the page",
        )),
        Some(p) if !crate::output::is_stdout(p) => {
            let guard = super::guard(ws, args.letter.as_deref(), cx)?;
            guard.check(&cx.cwd.join(p))?;
            Ok(Some(guard))
        }
        _ => Ok(None),
    }
}

/// The checked workspace, if it can be shown. Errors in `signers.toml` or in
/// the one letter asked for fail the command; in the overview a letter with
/// errors (a draft half written) is left out with a warning, so one broken
/// draft does not blind the coordinator to the rest. Its diagnostics are
/// returned beside: the command still fails once the others are shown.
fn usable(
    ws: &Workspace,
    checked: Checked,
    one: bool,
    cx: &mut Context<'_>,
) -> Result<(Checked, Option<Vec<crate::diag::Diagnostic>>), Error> {
    if !checked.has_errors() {
        return Ok((checked, None));
    }
    let signers = checked.signers_source.clone();
    let roster_broken = checked.diagnostics.iter().any(|d| {
        d.is_error()
            && matches!((&d.source, &signers), (Some(a), Some(b)) if std::sync::Arc::ptr_eq(a, b))
    });
    if one || roster_broken {
        return Err(Error::Invalid(checked.diagnostics));
    }
    for id in ws.letter_ids()? {
        if !checked.letters.iter().any(|l| l.id == id) {
            let id = crate::diag::escape_controls(&id);
            let why = format!("left out `{id}`: it has errors");
            cx.warn(&Diagnostic::bare_warning(why).with_hint(format!("run `signon check {id}`")));
        }
    }
    let diags = checked.diagnostics.clone();
    Ok((checked, Some(diags)))
}
