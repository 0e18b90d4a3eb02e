//! `signon render LETTER`: validate, check the final gate when asked,
//! compose once, then write each requested output through
//! [`output::write`](crate::output::write).

use std::path::{Path, PathBuf};

use crate::cli::RenderArgs;
use crate::compose::{Composed, compose};
use crate::diag::{Diagnostic, display_path};
use crate::load::Workspace;
use crate::model::{SignatureMode, SignerState, Standing};
use crate::output::{self, Guard};
use crate::render::pdf::{PdfOptions, Typeset};
use crate::render::{self, Paper};
use crate::{Context, Error, ledger, validate};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Html,
    Pdf,
    Text,
}

/// Renders one letter to every requested output.
pub(crate) fn render(ws: &Workspace, args: &RenderArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    render_with(ws, args, cx, &mut |cx, path, written, kind| {
        let verb = written.verb();
        super::write_out(cx, &format!("{verb} {} ({kind})\n", display_path(path)))
    })
}

/// Tells of one file written: its path, whether it changed, and "draft" or
/// "final".
pub(crate) type Report<'r> =
    dyn FnMut(&mut Context<'_>, &Path, output::Written, &str) -> Result<(), Error> + 'r;

/// [`render`], telling `report` of each file as it is written: `signon
/// watch` says it in its own line.
pub(crate) fn render_with(
    ws: &Workspace,
    args: &RenderArgs,
    cx: &mut Context<'_>,
    report: &mut Report<'_>,
) -> Result<(), Error> {
    // Every target is checked before anything is made: a refused path leaves
    // every file as it was.
    let (guard, targets) = checked_targets(ws, args, cx)?;
    let mut one = super::one_letter(ws, &args.letter, cx)?;
    signature_images(ws, &mut one, cx)?;
    let states = &omit_stale(args, &one, cx);
    let (checked, letter) = (&one.checked, one.letter());
    if args.final_copy {
        ledger::final_gate(states, &checked.roster).map_err(|reasons| {
            let refused = format!("refused to render `{}` final: wrote nothing", letter.id);
            Error::from(Diagnostic::bare(None, refused).with_notes(ledger::reason::lines(&reasons)))
        })?;
    }
    let composed = compose(letter, &checked.roster, states, !args.final_copy);
    // Every output is made before any is written: a PDF that cannot be made
    // must not leave a fresh HTML beside a stale PDF.
    let outputs = made(&composed, targets, Paper::from(args.paper), checked)?;
    let kind = if composed.draft { "draft" } else { "final" };
    // Every file is written before anything goes to standard output: a
    // reader that stops early (`| head`) must not cost the files after it.
    let (to_stdout, to_files): (Vec<_>, Vec<_>) =
        outputs.into_iter().partition(|(p, _)| output::is_stdout(p));
    let written = to_files
        .into_iter()
        .map(|(path, bytes)| Ok((output::write(&path, &bytes, &guard)?, path)))
        .collect::<Result<Vec<_>, Error>>()?;
    for (_, bytes) in to_stdout {
        cx.out
            .write_all(&bytes)
            .map_err(|e| Error::io("write", "standard output", e))?;
    }
    written
        .into_iter()
        .try_for_each(|(w, path)| report(cx, &path, w, kind))
}

/// The guard and the checked output paths for `args`: what `render` writes,
/// and what `watch` refuses at its start rather than on every save.
pub(crate) fn checked_targets(
    ws: &Workspace,
    args: &RenderArgs,
    cx: &Context<'_>,
) -> Result<(Guard, Vec<(Format, PathBuf)>), Error> {
    let guard = super::guard(ws, Some(&args.letter), cx)?;
    let id = crate::load::letter_id(&ws.resolve_letter(&args.letter, &cx.cwd)?);
    let targets = targets(ws, args, &id, cx);
    check_targets(ws, &targets, &guard)?;
    Ok((guard, targets))
}

/// Refuses the targets before anything is made: two on standard output
/// (their bytes would run together), a default `out/` that is a link, or a
/// path the guard refuses.
fn check_targets(
    ws: &Workspace,
    targets: &[(Format, PathBuf)],
    guard: &Guard,
) -> Result<(), Error> {
    if targets.iter().filter(|(_, p)| output::is_stdout(p)).count() > 1 {
        return Err(Error::hinted(
            "only one output can go to standard output (`-`): wrote nothing",
            "name a file for the others",
        ));
    }
    if targets.iter().any(|(_, p)| p.starts_with(ws.out_dir())) {
        inside_workspace(ws)?;
    }
    distinct(targets)?;
    targets
        .iter()
        .filter(|(_, p)| !output::is_stdout(p))
        .try_for_each(|(_, p)| guard.check(p))
}

/// Refuses two outputs on one file, however its path is spelled: the second
/// would silently replace the first.
fn distinct(targets: &[(Format, PathBuf)]) -> Result<(), Error> {
    let files: Vec<&(Format, PathBuf)> = targets
        .iter()
        .filter(|(_, p)| !output::is_stdout(p))
        .collect();
    for (i, (fa, a)) in files.iter().enumerate() {
        if let Some((fb, _)) = files[..i].iter().find(|(_, b)| same_file(a, b)) {
            return Err(Error::hinted(
                format!(
                    "`{}` and `{}` name the same file `{}`: wrote nothing",
                    fb.flag(),
                    fa.flag(),
                    display_path(a)
                ),
                "name a different file for each output",
            ));
        }
    }
    Ok(())
}

impl Format {
    /// The option that names this output's file.
    fn flag(self) -> &'static str {
        match self {
            Format::Html => "--html",
            Format::Pdf => "--pdf",
            Format::Text => "--text",
        }
    }
}

/// Whether two output paths name one file: compared as the file itself when
/// it exists, else as its folder's real path and its name.
fn same_file(a: &Path, b: &Path) -> bool {
    fn key(p: &Path) -> PathBuf {
        if let Ok(real) = std::fs::canonicalize(p) {
            return real;
        }
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
        match (parent.map(std::fs::canonicalize), p.file_name()) {
            (Some(Ok(dir)), Some(name)) => dir.join(name),
            _ => p.components().collect(),
        }
    }
    key(a) == key(b)
}

/// Refuses an `out/` that is a symbolic link: the default outputs must land
/// in the workspace, not wherever a stray link points. (A path given with
/// `--pdf` or `--html` is the user's explicit choice and is honoured.)
fn inside_workspace(ws: &Workspace) -> Result<(), Error> {
    let out = ws.out_dir();
    match std::fs::symlink_metadata(&out) {
        Ok(meta) if meta.file_type().is_symlink() => Err(Error::hinted(
            format!(
                "`{}` is a symbolic link: signon writes its default outputs only inside the workspace",
                display_path(&out)
            ),
            "remove the link, or name the files with `--pdf PATH` and `--html PATH`",
        )),
        _ => Ok(()),
    }
}

/// Every output asked for, each with its path: the flags given, else the
/// default.
fn targets(
    ws: &Workspace,
    args: &RenderArgs,
    id: &str,
    cx: &Context<'_>,
) -> Vec<(Format, PathBuf)> {
    let given = [
        (Format::Pdf, &args.pdf),
        (Format::Html, &args.html),
        (Format::Text, &args.text),
    ];
    let mut out: Vec<(Format, PathBuf)> = given
        .into_iter()
        // `-` (standard output) stays as it is; other paths are from the working folder.
        .filter_map(|(f, p)| {
            p.as_ref().map(|p| {
                (
                    f,
                    if output::is_stdout(p) {
                        p.clone()
                    } else {
                        cx.cwd.join(p)
                    },
                )
            })
        })
        .collect();
    if out.is_empty() {
        out.push((Format::Pdf, ws.out_dir().join(format!("{id}.pdf"))));
        out.push((Format::Html, ws.out_dir().join(format!("{id}.html"))));
    }
    out
}

/// Every target's bytes. The PDF and the web page share one layout and one
/// cut of each face (`render::pdf::Typeset`), made for the first of them.
fn made(
    composed: &Composed,
    targets: Vec<(Format, PathBuf)>,
    paper: Paper,
    checked: &validate::Checked,
) -> Result<Vec<(PathBuf, Vec<u8>)>, Error> {
    let mut typeset = None;
    let mut out = Vec::with_capacity(targets.len());
    for (format, path) in targets {
        let bytes = match format {
            Format::Text => crate::press::letter_text(composed)?.into_bytes(),
            Format::Html => {
                let t = typeset_of(&mut typeset, composed, paper, checked)?;
                render::html::letter(composed, t, paper)?.into_bytes()
            }
            Format::Pdf => {
                let t = typeset_of(&mut typeset, composed, paper, checked)?;
                render::pdf::paint(composed, t).map_err(|e| pdf_error(e, checked))?
            }
        };
        out.push((path, bytes));
    }
    Ok(out)
}

/// The letter typeset on `paper`, the first time it is asked for.
fn typeset_of<'t>(
    typeset: &'t mut Option<Typeset>,
    composed: &Composed,
    paper: Paper,
    checked: &validate::Checked,
) -> Result<&'t Typeset, Error> {
    Ok(match typeset {
        Some(t) => t,
        None => typeset.insert(
            render::pdf::typeset(composed, &PdfOptions { paper })
                .map_err(|e| pdf_error(e, checked))?,
        ),
    })
}

/// A PDF error as the user reads it: a block too tall at its roster line.
fn pdf_error(e: render::pdf::PdfError, checked: &validate::Checked) -> Error {
    match too_tall(&e, checked) {
        Some(d) => Error::Invalid(vec![d]),
        None => Error::message(format!("cannot make the PDF: {e}")),
    }
}

/// A signature block taller than a page, as an error at the signer's name
/// in the roster: that is the text to shorten.
fn too_tall(e: &render::pdf::PdfError, checked: &validate::Checked) -> Option<Diagnostic> {
    let render::pdf::PdfError::BlockTooTall { id, .. } = e else {
        return None;
    };
    let src = checked.signers_source.as_ref()?;
    let file = crate::load::Loaded::<crate::load::raw::SignersFile>::parse(src.clone()).value;
    let (_, signer) = file.signers.iter().find(|(k, _)| k.get_ref() == id)?;
    let span = signer.get_ref().name.span();
    Some(
        Diagnostic::error(src, span, e.to_string())
            .with_label("its block fills more than a page in its column")
            .with_hint("shorten the name (or the signer's title or role): a block is never split across pages"),
    )
}

/// Reads the roster's signature images when the letter prints them: any
/// unusable image refuses (the same errors as `check`), warnings go to
/// standard error.
fn signature_images(
    ws: &Workspace,
    one: &mut super::OneLetter,
    cx: &mut Context<'_>,
) -> Result<(), Error> {
    if one.letter().signatures != SignatureMode::Images {
        return Ok(());
    }
    let diags = validate::signature_images(ws, &mut one.checked);
    if diags.iter().any(crate::diag::Diagnostic::is_error) {
        return Err(Error::Invalid(diags));
    }
    cx.warn_all(&diags);
    Ok(())
}

/// The states the copy is made from: with `--omit-stale`, the non-lead
/// stale signers are left out (and named in a warning) before the final
/// gate, which still refuses a stale lead.
fn omit_stale(args: &RenderArgs, one: &super::OneLetter, cx: &mut Context<'_>) -> Vec<SignerState> {
    let left_off = |s: &SignerState| args.omit_stale && !s.lead && s.standing == Standing::Stale;
    let names: Vec<String> = one
        .states
        .iter()
        .filter(|s| left_off(s))
        .map(|s| {
            let name = one
                .checked
                .roster
                .get(&s.id)
                .map_or(s.id.0.as_str(), |r| r.name.as_str());
            format!("{name} (`{}`)", s.id)
        })
        .collect();
    if !names.is_empty() {
        let why = format!(
            "left off the final copy, as they signed an earlier text: {}",
            names.join(", ")
        );
        cx.warn(&Diagnostic::bare_warning(why));
    }
    one.states
        .iter()
        .filter(|s| !left_off(s))
        .cloned()
        .collect()
}
