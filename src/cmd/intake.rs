//! `signon sign LETTER --from FILE.csv`: a spreadsheet of responses read
//! and resolved by [`crate::ledger::intake`], then shown as a plan
//! (`--dry-run`) or appended in one call, all rows or none.

use std::path::Path;

use chrono_tz::Tz;

use crate::cli::SignArgs;
use crate::diag::display_path;
use crate::ledger::intake::{self, Defaults, Planned, Step};
use crate::ledger::{self, rules};
use crate::load::Workspace;
use crate::roster::resolve::describe;
use crate::validate::{self, text};
use crate::{Context, Error};

/// Records every row of `file`, or nothing.
pub(super) fn intake(
    ws: &Workspace,
    args: &SignArgs,
    file: &Path,
    cx: &mut Context<'_>,
) -> Result<(), Error> {
    let r = &args.record;
    text::arg_text("--by", r.by.as_deref(), false)?;
    text::arg_text("--note", r.note.as_deref(), true)?;
    let path = ws.resolve_letter(&r.letter, &cx.cwd)?;
    let checked = validate::workspace(ws, std::slice::from_ref(&path))?.into_valid()?;
    let letter = super::sign::own_letter(ws, &checked.letters)?;
    let now = rules::to_seconds(cx.now);
    let at = match &r.at {
        Some(at) => Some(rules::to_seconds(crate::ledger::record::when(
            Some(at),
            now,
        )?)),
        None => None,
    };
    if let Some(why) = at.and_then(|at| rules::future_at(at, now)) {
        return Err(Error::message(why));
    }
    let defaults = Defaults {
        zone: zone(args.tz, cx),
        now,
        at,
        by: r.by.clone(),
        note: r.note.clone(),
    };
    let file = cx.cwd.join(file);
    let text = std::fs::read(&file).map_err(|e| Error::io("read", &file, e))?;
    let text = String::from_utf8(text).map_err(|_| {
        Error::message(format!(
            "`{}` is not UTF-8 text: save the sheet as \"CSV UTF-8\"",
            display_path(&file)
        ))
    })?;
    let mut notes = Vec::new();
    let rows = intake::read(&file, text, &checked.roster, &defaults, &mut notes);
    for note in notes {
        cx.warn(&crate::diag::Diagnostic::note(note));
    }
    let rows = rows.map_err(Error::Invalid)?;
    let planned = intake::plan(&rows, letter, &checked.ledger, &ledger::fingerprint(letter));
    let events = intake::events(&planned);
    if !args.dry_run {
        ledger::append(&ws.signers_path(), &events)?;
    }
    let shown = report(&display_path(&file), &letter.id, &planned, args.dry_run);
    super::write_out(cx, &shown)?;
    if !args.dry_run {
        cx.warn_all(&ledger::record::outranked(&checked.ledger, letter, &events));
    }
    Ok(())
}

/// `--tz`, else this machine's zone, else UTC with a notice.
fn zone(tz: Option<Tz>, cx: &mut Context<'_>) -> Tz {
    tz.or_else(intake::when::machine_zone).unwrap_or_else(|| {
        let _ = writeln!(
            cx.err,
            "notice: this machine's time zone is unknown: times without an offset are read in UTC (give `--tz`)"
        );
        Tz::UTC
    })
}

/// A line per row (what it names, what becomes of it), then the count.
fn report(file: &str, letter: &str, planned: &[Planned<'_>], dry_run: bool) -> String {
    let mut out = String::new();
    for p in planned {
        let answer = format!("{} at {}", p.status.as_str(), rules::show(p.at));
        let what = match p.step {
            Step::Record(_) => answer,
            Step::Already(at) => format!(
                "already recorded ({} at {})",
                p.status.as_str(),
                rules::show(at)
            ),
            Step::Repeat(line) => format!("{answer}, as line {line}: once"),
        };
        out.push_str(&format!(
            "{file}:{}: {}: {what}\n",
            p.line,
            describe(p.signer)
        ));
    }
    let new = intake::events(planned).len();
    let old = planned
        .iter()
        .filter(|p| matches!(p.step, Step::Already(_)))
        .count();
    let events = crate::diag::plural(new, "event");
    let mut summary = match (dry_run, new) {
        (true, _) => format!("dry run: would record {events} on `{letter}`"),
        (false, 0) => "nothing recorded".to_string(),
        (false, _) => format!("recorded {events} on `{letter}`"),
    };
    if old > 0 {
        let rows = if old == 1 { "row was" } else { "rows were" };
        summary.push_str(&format!("; {old} {rows} already recorded"));
    }
    if dry_run {
        summary.push_str("; nothing written");
    }
    out + &summary + "\n"
}
