//! `signon remind LETTER [--output DIR] [--format eml|mbox] [--from ADDRESS]`:
//! an e-mail draft to each office still to chase, written as files; nothing
//! is sent. Offices without an `email` in the roster are listed on standard
//! error rather than skipped in silence.

use std::path::PathBuf;

use crate::cli::{RemindArgs, RemindFormat};
use crate::compose::compose;
use crate::diag::display_path;
use crate::load::Workspace;
use crate::model::{SignerId, Standing};
use crate::remind::{self, Office};
use crate::status::{self, LetterStatus, Row};
use crate::{Context, Error, ledger, output};

/// Writes the drafts of one letter and says where.
pub(crate) fn remind(ws: &Workspace, args: &RemindArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    let path = ws.resolve_letter(&args.letter, &cx.cwd)?;
    let super::OneLetter { checked, states } = super::one_letter(ws, &args.letter, cx)?;
    let letter = &checked.letters[0];
    let roster = &checked.roster;
    let draft = ledger::final_gate(&states, roster).is_err();
    let text = crate::press::letter_text(&compose(letter, roster, &states, draft))?;
    let st = status::letter_status(letter, roster, &checked.ledger, cx.now);
    let report =
        crate::diff::report::report(&ws.root, &path, letter, &checked.ledger, &states, &[]);
    let dir = match &args.output {
        Some(d) => cx.cwd.join(d),
        None => ws.out_dir().join("reminders").join(&letter.id),
    };
    if status::missing::to_chase(&st).next().is_none() {
        return super::write_out(cx, &nothing(&st));
    }
    let offices = offices(&st, &checked, &report, cx);
    if offices.is_empty() {
        return Err(Error::message(
            "no office to chase has an e-mail address in `signers.toml`: wrote nothing",
        ));
    }
    let from = args
        .from
        .as_ref()
        .map(|s| (s.name.as_deref(), s.address.as_str()));
    let l = remind::Letter {
        id: &letter.id,
        title: &letter.title,
        deadline: st.deadline,
        days_left: st.days_left,
        text: &text,
        from,
        now: cx.now,
    };
    let files = files(&l, &offices, &dir, args.format);
    write_all(
        &files,
        &super::guard_in(ws, Some(&args.letter), cx, &dir)?,
        cx,
    )
}

/// Every path is checked before the first is written: a refused one leaves
/// nothing behind. Then each file, and where it went.
fn write_all(
    files: &[(PathBuf, Vec<u8>)],
    guard: &output::Guard,
    cx: &mut Context<'_>,
) -> Result<(), Error> {
    files.iter().try_for_each(|(p, _)| guard.check(p))?;
    for (p, bytes) in files {
        let verb = output::write(p, bytes, guard)?.verb();
        super::write_out(cx, &format!("{verb} {}\n", display_path(p)))?;
    }
    Ok(())
}

/// The offices to chase that have an address; the others listed on stderr.
fn offices<'a>(
    st: &'a LetterStatus,
    checked: &'a crate::validate::Checked,
    report: &crate::diff::report::Report,
    cx: &mut Context<'_>,
) -> Vec<Office<'a>> {
    let mut out = Vec::new();
    for row in status::missing::to_chase(st) {
        let Some(signer) = checked.roster.get(&SignerId(row.id.clone())) else {
            continue;
        };
        match signer.email.as_deref() {
            Some(email) if remind::plausible(email) => out.push(Office {
                row,
                signer,
                email,
                redline: redline(report, row),
            }),
            Some(email) => {
                let _ = writeln!(
                    cx.err,
                    "e-mail `{}` of `{}` ({}) is not an address: no draft written",
                    email.escape_debug(),
                    row.id,
                    row.name
                );
            }
            None => {
                let _ = writeln!(
                    cx.err,
                    "no e-mail for `{}` ({}): add `email` to their roster entry",
                    row.id, row.name
                );
            }
        }
    }
    out
}

/// The redline of `signon diff` for a stale row's group, without color.
fn redline(report: &crate::diff::report::Report, row: &Row) -> Option<String> {
    if row.standing != Standing::Stale {
        return None;
    }
    let group = report.groups.iter().find(|g| g.signers.contains(&row.id))?;
    Some(crate::diff::text::parts(group.basis.redline()?, false))
}

/// The files to write: one `.eml` per office, or one `LETTER.mbox`.
fn files(
    l: &remind::Letter<'_>,
    offices: &[Office<'_>],
    dir: &std::path::Path,
    format: RemindFormat,
) -> Vec<(PathBuf, Vec<u8>)> {
    let drafts = offices.iter().map(|o| (o, remind::draft(l, o)));
    match format {
        RemindFormat::Eml => drafts
            .map(|(o, bytes)| (dir.join(remind::file_name(l.id, &o.signer.id.0)), bytes))
            .collect(),
        RemindFormat::Mbox => {
            let all: Vec<Vec<u8>> = drafts.map(|(_, bytes)| bytes).collect();
            let name = remind::mbox::file_name(l.id);
            vec![(dir.join(name), remind::mbox::mbox(&all, l.now))]
        }
    }
}

/// When everyone has answered the current text.
fn nothing(st: &LetterStatus) -> String {
    format!(
        "nobody to chase on `{}`: every office has answered its current text; wrote nothing\n",
        st.id
    )
}
