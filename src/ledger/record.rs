//! What `sign`, `decline`, `withdraw` and `invite` append, decided before a
//! byte is written: the signers (named, or picked by `invite`'s filters),
//! the time (`--at`), and what the coordinator is told about each —
//! refusals as errors, the rest as warnings and notes. The handlers in
//! `cmd` only wire this to the files.

use chrono::{DateTime, FixedOffset, Local};
use toml::value::Datetime;

use super::{NewEvent, rules};
use crate::Error;
use crate::diag::Diagnostic;
use crate::model::{Letter, Roster, SignOff, SignerId, SignerState, Status};
use crate::roster::Filter;
use crate::validate::text;

/// One record command, as typed.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// The signer ids named on the command line, in order.
    pub names: &'a [String],
    /// `invite`'s filters (empty for the other commands).
    pub filter: Filter,
    /// The status to record.
    pub status: Status,
    /// `--at`, as typed (none: now).
    pub at: Option<&'a Datetime>,
    /// `--by`.
    pub by: Option<String>,
    /// `--note`.
    pub note: Option<String>,
    /// The clock, read once by `main`.
    pub now: DateTime<FixedOffset>,
}

/// The events to append and what to say about them.
#[derive(Debug, Default)]
pub struct Plan {
    /// One event a signer, in the order named (none: nothing to record).
    pub events: Vec<NewEvent>,
    /// Warnings and notes about the events, said whether or not they are
    /// written (e.g. a second signature on the same text).
    pub notes: Vec<Diagnostic>,
}

/// The events `req` asks for on `letter`, all refused or none: an unknown
/// signer, a future `--at` or a withdrawal of no signature is an error.
pub fn plan(
    roster: &Roster,
    ledger: &[SignOff],
    letter: &Letter,
    req: &Request<'_>,
) -> Result<Plan, Error> {
    let mut names = req.names.to_vec();
    names.extend(filtered(roster, ledger, letter, req)?);
    let signers = known_signers(roster, &names, req.note.as_deref())?;
    let now = rules::to_seconds(req.now);
    let at = rules::to_seconds(when(req.at, now)?);
    if let Some(why) = rules::future_at(at, now) {
        return Err(Error::message(why));
    }
    let fingerprint = super::fingerprint(letter);
    let states = super::states(letter, ledger, &fingerprint);
    let state = |id: &String| states.iter().find(|s| s.id.0 == *id);
    if req.status == Status::Withdrawn {
        refuse_withdrawals(ledger, letter, &signers, at, &state)?;
    }
    let mut notes = Vec::new();
    let mut events = Vec::new();
    for id in signers {
        if let Some(note) = remark(req.status, &letter.id, &id, state(&id)) {
            notes.push(note.0);
            if note.1 {
                continue;
            }
        }
        events.push(NewEvent {
            letter: letter.id.clone(),
            signer: id,
            status: req.status,
            at,
            by: req.by.clone(),
            text: (req.status == Status::Signed).then(|| fingerprint.clone()),
            note: req.note.clone(),
        });
    }
    Ok(Plan { events, notes })
}

/// What to say about recording `status` for a signer in `state`, and
/// whether the event is skipped: `invite` skips whoever already answered;
/// a second signature on the same text and an answer from someone never
/// invited are recorded, and said.
fn remark(
    status: Status,
    letter: &str,
    id: &str,
    state: Option<&SignerState>,
) -> Option<(Diagnostic, bool)> {
    let Some(s) = state else {
        let answer = matches!(status, Status::Signed | Status::Declined);
        return answer.then(|| {
            let why = format!("`{id}` was never invited to sign `{letter}`: recorded all the same");
            let hint = "they are not in its `leads` or `invited`, and no `invite` event names them";
            (Diagnostic::bare_warning(why).with_hint(hint), false)
        });
    };
    if status == Status::Invited {
        return rules::already_answered(s).map(|why| (Diagnostic::note(why), true));
    }
    let signed = s.standing.signed_current();
    (status == Status::Signed && signed).then(|| {
        let when = s.at.map(rules::show).unwrap_or_default();
        let why = format!("`{id}` already signed this text at {when}; recorded again");
        (Diagnostic::bare_warning(why), false)
    })
}

/// `withdraw` is refused, all or nothing, for anyone without a signature
/// to withdraw, now or as of its `at`.
fn refuse_withdrawals<'s>(
    ledger: &[SignOff],
    letter: &Letter,
    signers: &[String],
    at: DateTime<FixedOffset>,
    state: &impl Fn(&String) -> Option<&'s SignerState>,
) -> Result<(), Error> {
    let refused: Vec<Diagnostic> = signers
        .iter()
        .filter_map(|id| {
            state(id)
                .map_or_else(
                    || Some(format!("`{id}` never signed; did you mean `decline`?")),
                    rules::withdraw_refusal,
                )
                .or_else(|| rules::withdraw_then(ledger, &letter.id, id, at))
        })
        .map(|why| Diagnostic::bare(None, why))
        .collect();
    match refused.is_empty() {
        true => Ok(()),
        false => Err(Error::Invalid(refused)),
    }
}

/// Says so for every answer just recorded that a later answer outranks:
/// the coordinator must not read "recorded" as "changed".
pub fn outranked(ledger: &[SignOff], letter: &Letter, events: &[NewEvent]) -> Vec<Diagnostic> {
    let new: Vec<_> = events.iter().map(rules::as_recorded).collect();
    let all = ledger.iter().chain(&new);
    let states = super::states(letter, all, &super::fingerprint(letter));
    events
        .iter()
        .filter_map(|e| {
            let after = states.iter().find(|s| s.id.0 == e.signer)?;
            rules::outranked(e, after).map(Diagnostic::bare_warning)
        })
        .collect()
}

/// `invite --party/--state/--chamber`: the roster's matching signers, in
/// name order. Filters are for inviting only: a signature, a decline or a
/// withdrawal is each office's own word, recorded by id. Who is already a
/// lead, listed in `invited` or has any event on the letter is left out: a
/// filter must not reset someone's answer to "invited".
fn filtered(
    roster: &Roster,
    ledger: &[SignOff],
    letter: &Letter,
    req: &Request<'_>,
) -> Result<Vec<String>, Error> {
    if req.filter == Filter::default() {
        return Ok(Vec::new());
    }
    let verb = match req.status {
        Status::Invited => None,
        Status::Signed => Some("sign"),
        Status::Declined => Some("decline"),
        Status::Withdrawn => Some("withdraw"),
        Status::Void => Some("undo"),
    };
    if let Some(verb) = verb {
        return Err(Error::message(format!(
            "`--party`, `--state` and `--chamber` select whom to invite; `{verb}` takes signer ids"
        )));
    }
    crate::roster::filter::check(roster, &req.filter)?;
    let selected = crate::roster::select(roster, &req.filter);
    if selected.is_empty() {
        return Err(Error::message(
            "no signer in `signers.toml` matches those filters",
        ));
    }
    let already = |id: &SignerId| {
        letter.leads.iter().any(|l| l.id == *id)
            || letter.invited.contains(id)
            || ledger
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
/// error with the ids it may have meant (never a guess). Unknown words at
/// the end of the list after a one-word `--note` are the rest of a note
/// typed without quotes, and said so once.
pub fn known_signers(
    roster: &Roster,
    names: &[String],
    note: Option<&str>,
) -> Result<Vec<String>, Error> {
    let known = |name: &String| roster.get(&SignerId(name.clone())).is_some();
    let tail = names.iter().rev().take_while(|n| !known(n)).count();
    if let Some(note) = note.filter(|n| tail > 0 && !n.contains(char::is_whitespace)) {
        let words = &names[names.len() - tail..];
        return Err(unquoted_note(note, words));
    }
    let mut ids: Vec<String> = Vec::new();
    let mut unknown = Vec::new();
    for name in names {
        if !known(name) {
            let d = Diagnostic::bare(None, format!("no signer `{name}` in `signers.toml`"));
            unknown.push(match crate::roster::lookup::hint(roster, name) {
                Some(hint) => d.with_hint(hint),
                None => d,
            });
        } else if !ids.contains(name) {
            ids.push(name.clone());
        }
    }
    match unknown.is_empty() {
        true => Ok(ids),
        false => Err(Error::Invalid(unknown)),
    }
}

/// `--note LD confirmed by email`: the shell split the note, and its words
/// after the first were read as signer ids.
fn unquoted_note(note: &str, words: &[String]) -> Error {
    let listed: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    let whole = format!("{note} {}", words.join(" "));
    Error::hinted(
        format!(
            "no signer {} in `signers.toml`: words of the `--note`?",
            listed.join(", ")
        ),
        format!("quote a note with spaces: `--note \"{whole}\"`"),
    )
}

/// `--at` as an offset date-time: a local time or a bare date (at midnight)
/// is read in this machine's zone (`TZ`) on that date. Without `--at`, the
/// clock itself.
pub fn when(
    at: Option<&Datetime>,
    now: DateTime<FixedOffset>,
) -> Result<DateTime<FixedOffset>, Error> {
    let Some(at) = at else { return Ok(now) };
    let bad = || Error::message(format!("invalid `--at {at}`: not a real date and time"));
    if at.offset.is_some() {
        return text::offset_datetime(at).ok_or_else(bad);
    }
    let local = text::naive_datetime(at).ok_or_else(bad)?;
    // The zone's offset on that date, not today's: a March date read in
    // December must keep its summer time. A time a clock change repeats is
    // the earlier one; a time it skips does not exist.
    super::intake::when::in_zone(&Local, local).ok_or_else(|| {
        Error::message(format!(
            "`--at {at}` does not exist in this machine's time zone (the clock skips it): give it with an offset, such as `+01:00`"
        ))
    })
}
