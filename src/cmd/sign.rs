//! `signon sign | decline | withdraw | invite`: validate the workspace, then
//! append one `[[signoff]]` event per signer to the ledger.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveTime};

use crate::cli::{RecordArgs, SignArgs};
use crate::diag::Diagnostic;
use crate::ledger::{self, NewEvent, rules};
use crate::load::Workspace;
use crate::model::{Letter, Roster, Status};
use crate::validate::{self, text};
use crate::{Context, Error};

/// `signon sign`: the signers named, or every row of `--from`'s file.
pub(crate) fn sign(ws: &Workspace, args: &SignArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    match &args.from {
        Some(file) => super::intake::intake(ws, args, file, cx),
        None => record(ws, &args.record, Status::Signed, cx),
    }
}

/// Records `status` for every signer named, all of them or none.
pub(crate) fn record(
    ws: &Workspace,
    args: &RecordArgs,
    status: Status,
    cx: &mut Context<'_>,
) -> Result<(), Error> {
    text::arg_text("--by", args.by.as_deref(), false)?;
    text::arg_text("--note", args.note.as_deref(), true)?;
    let path = ws.resolve_letter(&args.letter, &cx.cwd)?;
    let checked = validate::workspace(ws, std::slice::from_ref(&path))?.into_valid()?;
    let letter = own_letter(ws, &checked.letters)?;
    let mut names = args.signers.clone();
    names.extend(filtered(&checked, letter, args, status)?);
    let signers = known_signers(&checked.roster, &names)?;
    let now = rules::to_seconds(cx.now);
    let at = rules::to_seconds(when(args.at.as_ref(), now)?);
    if let Some(why) = rules::future_at(at, now) {
        return Err(Error::Message(why));
    }
    let signers = answerable(&checked, letter, signers, (status, at), cx)?;
    if signers.is_empty() {
        let msg =
            "nothing recorded: everyone matching is already a lead, invited, or has answered\n";
        return super::write_out(cx, msg);
    }
    // The approved text is kept before the ledger names it, so a recorded
    // signature always has its text.
    let keep = || ledger::approved::keep(&ws.root, &ledger::canonical(letter));
    let text = (status == Status::Signed).then(keep).transpose()?;
    let event = |id: &String| NewEvent {
        letter: letter.id.clone(),
        signer: id.clone(),
        status,
        at,
        by: args.by.clone(),
        text: text.clone(),
        note: args.note.clone(),
    };
    let events: Vec<NewEvent> = signers.iter().map(event).collect();
    ledger::append(&ws.signers_path(), &events)?;
    super::write_out(cx, &recorded(&events))?;
    warn_outranked(&checked, letter, &events, cx);
    Ok(())
}

/// Says so for every answer just recorded that a later answer outranks.
pub(super) fn warn_outranked(
    checked: &validate::Checked,
    letter: &Letter,
    events: &[NewEvent],
    cx: &mut Context<'_>,
) {
    let new: Vec<_> = events.iter().map(rules::as_recorded).collect();
    let all = checked.ledger.iter().chain(&new);
    let states = ledger::states(letter, all, &ledger::fingerprint(letter));
    for e in events {
        let after = states.iter().find(|s| s.id.0 == e.signer);
        if let Some(warning) = after.and_then(|s| rules::outranked(e, s)) {
            let _ = writeln!(cx.err, "{warning}");
        }
    }
}

/// The signers the event makes sense for, by their state now: `invite`
/// leaves out (and names) whoever already answered, and `withdraw` is
/// refused, all or nothing, for anyone without a signature to withdraw,
/// now or as of its `at`.
fn answerable(
    checked: &validate::Checked,
    letter: &Letter,
    signers: Vec<String>,
    (status, at): (Status, DateTime<FixedOffset>),
    cx: &mut Context<'_>,
) -> Result<Vec<String>, Error> {
    if !matches!(status, Status::Invited | Status::Withdrawn) {
        return Ok(signers);
    }
    let states = ledger::states(letter, &checked.ledger, &ledger::fingerprint(letter));
    let state = |id: &String| states.iter().find(|s| s.id.0 == *id);
    if status == Status::Withdrawn {
        let refused: Vec<Diagnostic> = signers
            .iter()
            .filter_map(|id| {
                state(id)
                    .map_or_else(
                        || Some(format!("`{id}` never signed; did you mean `decline`?")),
                        rules::withdraw_refusal,
                    )
                    .or_else(|| rules::withdraw_then(&checked.ledger, &letter.id, id, at))
            })
            .map(|why| Diagnostic::bare(None, why))
            .collect();
        return if refused.is_empty() {
            Ok(signers)
        } else {
            Err(Error::Invalid(refused))
        };
    }
    let mut fresh = Vec::new();
    for id in signers {
        match state(&id).and_then(rules::already_answered) {
            Some(why) => {
                let _ = writeln!(cx.err, "{why}");
            }
            None => fresh.push(id),
        }
    }
    Ok(fresh)
}

/// What the command says: a line per event appended.
fn recorded(events: &[NewEvent]) -> String {
    events
        .iter()
        .map(|e| {
            let (status, at) = (e.status.as_str(), rules::show(e.at));
            format!("recorded `{}` {status} `{}` at {at}\n", e.signer, e.letter)
        })
        .collect()
}

/// The letter, which must live in this workspace's `letters/`: the ledger
/// names letters by id, and an id elsewhere would be an unknown letter.
pub(super) fn own_letter<'a>(ws: &Workspace, letters: &'a [Letter]) -> Result<&'a Letter, Error> {
    let letter = letters
        .first()
        .ok_or_else(|| Error::Message("the letter did not validate".into()))?;
    if !ws.letter_ids()?.contains(&letter.id) {
        return Err(Error::Message(format!(
            "letter `{}` is not in `letters/`: sign-offs are recorded only for the workspace's letters",
            letter.id
        )));
    }
    Ok(letter)
}

/// `invite --party/--state/--chamber`: the roster's matching signers, in
/// name order. Filters are for inviting only: a signature, a decline or a
/// withdrawal is each office's own word, recorded by id.
/// Who is already a lead, listed in `invited` or has any event on the letter
/// is left out: a filter must not reset someone's answer to "invited".
fn filtered(
    checked: &validate::Checked,
    letter: &Letter,
    args: &RecordArgs,
    status: Status,
) -> Result<Vec<String>, Error> {
    let f = &args.filter;
    if f.parties.is_empty() && f.states.is_empty() && f.chamber.is_none() {
        return Ok(Vec::new());
    }
    let verb = match status {
        Status::Invited => None,
        Status::Signed => Some("sign"),
        Status::Declined => Some("decline"),
        Status::Withdrawn => Some("withdraw"),
        Status::Void => Some("undo"),
    };
    if let Some(verb) = verb {
        return Err(Error::Message(format!(
            "`--party`, `--state` and `--chamber` select whom to invite; `{verb}` takes signer ids"
        )));
    }
    let selected = crate::roster::select(&checked.roster, &crate::roster::Filter::from(f));
    if selected.is_empty() {
        return Err(Error::Message(
            "no signer in `signers.toml` matches those filters".into(),
        ));
    }
    let already = |id: &crate::model::SignerId| {
        letter.leads.iter().any(|l| l.id == *id)
            || letter.invited.contains(id)
            || checked
                .ledger
                .iter()
                .any(|e| e.letter == letter.id && e.signer == *id)
    };
    Ok(selected
        .iter()
        .filter(|s| !already(&s.id))
        .map(|s| s.id.0.clone())
        .collect())
}

/// The signer ids, each once, in the order given; every unknown one is an
/// error with the ids it may have meant (never a guess).
pub(super) fn known_signers(roster: &Roster, names: &[String]) -> Result<Vec<String>, Error> {
    let mut ids: Vec<String> = Vec::new();
    let mut unknown = Vec::new();
    for name in names {
        if roster.get(&crate::model::SignerId(name.clone())).is_none() {
            let mut d = Diagnostic::bare(None, format!("no signer `{name}` in `signers.toml`"));
            if let Some(hint) =
                crate::roster::did_you_mean(roster, name).or_else(|| named(roster, name))
            {
                d = d.with_hint(hint);
            }
            unknown.push(d);
        } else if !ids.contains(name) {
            ids.push(name.clone());
        }
    }
    if unknown.is_empty() {
        Ok(ids)
    } else {
        Err(Error::Invalid(unknown))
    }
}

/// "did you mean" for a name or bioguide id typed where an id belongs,
/// when it names exactly one roster entry (as a `--from` row would).
fn named(roster: &Roster, text: &str) -> Option<String> {
    use crate::roster::resolve::{Reference, Resolution, describe, resolve};
    let r = Reference {
        bioguide: Some(text),
        name: Some(text),
        ..Reference::default()
    };
    match resolve(roster, &r) {
        // The text is tried as both: the one it is not fits no one.
        Resolution::One(s) | Resolution::Disagree(s, _) => {
            Some(format!("did you mean {}?", describe(s)))
        }
        _ => None,
    }
}

/// `--at` as an offset date-time: a local time or a bare date (at midnight)
/// is read in this machine's zone (`TZ`) on that date. Without `--at`, the
/// clock itself.
pub(super) fn when(
    at: Option<&toml::value::Datetime>,
    now: DateTime<FixedOffset>,
) -> Result<DateTime<FixedOffset>, Error> {
    let Some(at) = at else { return Ok(now) };
    if at.offset.is_some() {
        return text::offset_datetime(at).ok_or_else(|| bad_time(at));
    }
    let d = at.date.ok_or_else(|| bad_time(at))?;
    let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into());
    let time = match at.time {
        None => Some(NaiveTime::MIN),
        Some(t) => NaiveTime::from_hms_nano_opt(
            t.hour.into(),
            t.minute.into(),
            t.second.unwrap_or(0).into(),
            t.nanosecond.unwrap_or(0),
        ),
    };
    let local = date.zip(time).map(|(d, t)| d.and_time(t));
    // The zone's offset on that date, not today's: a March date read in
    // December must keep its summer time. A time a clock change repeats is
    // the earlier one; a time it skips does not exist.
    let local = local.ok_or_else(|| bad_time(at))?;
    crate::ledger::intake::when::in_zone(&Local, local).ok_or_else(|| {
        Error::Message(format!(
            "`--at {at}` does not exist in this machine's time zone (the clock skips it): give it with an offset, such as `+01:00`"
        ))
    })
}

fn bad_time(at: &toml::value::Datetime) -> Error {
    Error::Message(format!("invalid `--at {at}`: not a real date and time"))
}
