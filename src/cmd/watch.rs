//! `signon watch LETTER`: the render of `signon render`, again on every
//! save, through the loop in [`crate::watch`].

use std::time::Instant;

use crate::cli::{RenderArgs, WatchArgs};
use crate::diag::display_path;
use crate::load::Workspace;
use crate::watch::{self, Cause, Inputs};
use crate::{Context, Error};

/// Watches the letter's inputs and renders on each change until Ctrl-C.
pub(crate) fn watch(ws: &Workspace, args: &WatchArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    let letter = ws.resolve_letter(&args.letter, &cx.cwd)?;
    let id = crate::load::letter_id(&letter);
    let inputs = Inputs::of(ws, &letter)?;
    let render = RenderArgs {
        letter: args.letter.clone(),
        pdf: args.pdf.clone(),
        html: args.html.clone(),
        text: None,
        final_copy: false,
        omit_stale: false,
        paper: args.paper,
    };
    // A target refused now would be refused on every save: say so once and
    // stop, rather than wait for changes that can never be written.
    super::render::checked_targets(ws, &render, cx)?;
    watch::watch(&inputs, |cause| once(ws, &render, &id, cause, cx))?;
    super::write_out(cx, &format!("stopped watching {id}\n"))
}

/// One render: a line naming the outputs and the time it took, or the
/// problems as `main` prints a failed command's.
fn once(ws: &Workspace, args: &RenderArgs, id: &str, cause: Cause<'_>, cx: &mut Context<'_>) {
    if let Cause::Lost(why) = cause {
        let why = format!("changes may have been missed ({why}): rendering again");
        cx.warn(&crate::diag::Diagnostic::bare_warning(why));
    }
    let start = Instant::now();
    let mut paths = Vec::new();
    let result = super::render::render_with(ws, args, cx, &mut |_, path, _, _| {
        paths.push(display_path(path));
        Ok(())
    });
    let ms = start.elapsed().as_millis();
    let said = match result {
        Ok(()) => writeln!(cx.out, "rendered {id} in {ms} ms → {}", paths.join(", ")),
        Err(e) => write!(cx.err, "{}", e.render(cx.err_color)),
    };
    // A closed terminal is no reason to stop rendering: the files are what count.
    let _ = said.and_then(|()| cx.out.flush());
}
