//! `signon roster import FILE`: the roster from the congress-legislators
//! data, written under the ledger's lock, or shown as a diff (`--dry-run`).

use std::fmt::Write as _;

use crate::cli::{ImportArgs, RosterArgs, RosterCommand};
use crate::diag::{Diagnostic, Source, display_path};
use crate::load::Workspace;
use crate::roster::import::{self, Change, Options, Outcome};
use crate::roster::{file, legislators};
use crate::{Context, Error};

/// Runs a `roster` subcommand.
pub(crate) fn roster(ws: &Workspace, args: &RosterArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    match &args.command {
        RosterCommand::Import(a) => import(ws, a, cx),
    }
}

fn import(ws: &Workspace, args: &ImportArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    let members = legislators::read(&cx.cwd.join(&args.file))?;
    let opts = Options {
        chamber: args.chamber.map(Into::into),
        states: args.states.clone(),
    };
    check_states(&opts.states, &members)?;
    let path = ws.signers_path();
    let run = |text: &str| {
        import::import(&Source::new(&path, text.to_string()), &members, &opts)
            .map_err(|d| Error::Invalid(vec![d]))
    };
    let outcome = if args.dry_run {
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io("read", &path, e))?;
        run(&text)?
    } else {
        let mut done = None;
        file::rewrite_locked(&path, |text| {
            let outcome = run(text)?;
            let new = (outcome.text != text).then(|| outcome.text.clone());
            done = Some(outcome);
            Ok(new)
        })?;
        done.expect("the edit runs once the file is locked")
    };
    warn_missing(&outcome, cx);
    super::write_out(cx, &report(&outcome, args.dry_run, &display_path(&path)))
}

/// A state with no Member in the data is a typo, not an empty import.
fn check_states(states: &[String], members: &[legislators::Member]) -> Result<(), Error> {
    let mut known: Vec<&str> = members.iter().map(|m| m.state.as_str()).collect();
    known.sort_unstable();
    known.dedup();
    for s in states {
        if !known.iter().any(|k| k.eq_ignore_ascii_case(s)) {
            let d = Diagnostic::bare(None, format!("no Members from `{s}` in the data"));
            return Err(d
                .with_suggestion(&s.to_ascii_uppercase(), known.iter().copied())
                .into());
        }
    }
    Ok(())
}

fn warn_missing(outcome: &Outcome, cx: &mut Context<'_>) {
    for m in &outcome.missing {
        let why = format!(
            "`{}` (bioguide `{}`) is not in the data: left office?",
            m.id, m.bioguide
        );
        cx.warn(&Diagnostic::bare_warning(why));
    }
}

/// Updated entries with their changed fields (and, in a dry run, the added
/// ones too), then the counts.
fn report(o: &Outcome, dry_run: bool, shown: &str) -> String {
    let mut out = String::new();
    if dry_run {
        for c in &o.added {
            let _ = writeln!(out, "+ {}  {}", c.id, c.name);
        }
    }
    for c in &o.updated {
        changed(&mut out, c);
    }
    let (a, u, n) = (o.added.len(), o.updated.len(), o.unchanged);
    let _ = if dry_run {
        writeln!(
            out,
            "dry run: {a} would be added, {u} updated, {n} unchanged; `{shown}` not written"
        )
    } else {
        writeln!(
            out,
            "imported into `{shown}`: {a} added, {u} updated, {n} unchanged"
        )
    };
    out
}

fn changed(out: &mut String, c: &Change) {
    let _ = writeln!(out, "~ {}  {}", c.id, c.name);
    let none = || "(none)".to_string();
    for f in &c.fields {
        let old = f.old.clone().unwrap_or_else(none);
        let new = f.new.clone().unwrap_or_else(none);
        let _ = writeln!(out, "    {}: {old} -> {new}", f.key);
    }
}
