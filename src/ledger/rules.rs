//! What the recording commands refuse or skip, decided from a signer's
//! replayed state, and the clock rules of the times they write: the words a
//! coordinator sees when an invitation or a withdrawal would make no sense.

use chrono::{DateTime, FixedOffset, SecondsFormat, TimeDelta, Timelike};

use super::{NewEvent, Timeline};
use crate::model::{SignOff, SignerId, SignerState, Standing, Status};

/// How far ahead of the clock `--at` may be: a minute, for the skew between
/// the machine and the clock a reply was stamped by. Anything later is an
/// answer that has not happened yet.
pub const AT_GRACE: TimeDelta = TimeDelta::minutes(1);

/// How far ahead of the clock a ledger event may be before `check` calls it
/// an error: a day covers every time zone a hand-typed offset may be off by.
pub const FUTURE_LIMIT: TimeDelta = TimeDelta::days(1);

/// A time to the whole second: what signon writes and prints.
pub fn to_seconds(at: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    at.with_nanosecond(0).unwrap_or(at)
}

/// A time as signon prints it: RFC 3339, to the second.
pub fn show(at: DateTime<FixedOffset>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// Why `--at` is refused, if it is: later than the clock (plus the grace).
pub fn future_at(at: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> Option<String> {
    (at > now + AT_GRACE).then(|| {
        format!(
            "`--at {}` is in the future (it is now {}): record an answer once it is given",
            show(at),
            show(now)
        )
    })
}

/// Why `invite` records nothing for a signer, if it does not: they have
/// already answered, and an invitation never overrides an answer.
pub fn already_answered(s: &SignerState) -> Option<String> {
    if s.standing == Standing::NoAnswer {
        return None;
    }
    let when =
        s.at.map(|at| format!(" at {}", show(at)))
            .unwrap_or_default();
    Some(format!(
        "`{}` already answered ({}{when}): not invited again",
        s.id,
        s.standing.as_str()
    ))
}

/// Why `withdraw` is refused for a signer, if it is: only a standing
/// signature (current or stale) can be withdrawn.
pub fn withdraw_refusal(s: &SignerState) -> Option<String> {
    let id = &s.id;
    match s.standing {
        Standing::Signed { .. } | Standing::Stale => None,
        Standing::NoAnswer => Some(format!("`{id}` never signed; did you mean `decline`?")),
        Standing::Declined => Some(format!("`{id}` declined, and has no signature to withdraw")),
        Standing::Withdrawn => Some(format!("`{id}` already withdrew their signature")),
    }
}

/// Why `withdraw --at AT` is refused for a signer who may withdraw now, if
/// it is: their answer as of `at` was not a signature, so there was none to
/// withdraw then. `ledger` is in file order; voids count wherever recorded.
pub fn withdraw_then(
    ledger: &[SignOff],
    letter: &str,
    id: &str,
    at: DateTime<FixedOffset>,
) -> Option<String> {
    let theirs = ledger
        .iter()
        .filter(|e| e.letter == letter && e.signer.0 == id);
    let timeline = Timeline::new(theirs.collect());
    let when = show(at);
    match timeline.answer_at(at) {
        Some(e) if e.status == Status::Signed => None,
        Some(e) => Some(format!(
            "`{id}` had not signed as of {when} (they had {} at {}): nothing to withdraw then",
            e.status.as_str(),
            show(e.at)
        )),
        None => Some(format!(
            "`{id}` had not signed as of {when}: their signature is later; did you mean a later `--at`?"
        )),
    }
}

/// An event just appended, as the ledger reads it back (its line unknown):
/// to replay the ledger with it without reading the file again.
pub fn as_recorded(e: &NewEvent) -> SignOff {
    SignOff {
        letter: e.letter.clone(),
        formerly: None,
        signer: SignerId(e.signer.clone()),
        status: e.status,
        at: e.at,
        by: e.by.clone(),
        text: e.text.clone(),
        note: e.note.clone(),
        line: usize::MAX,
    }
}

/// A warning when an answer just recorded does not decide the signer's
/// state (`after`, replayed with it): a later answer outranks a back-dated
/// one, and the coordinator must not read "recorded" as "changed".
pub fn outranked(e: &NewEvent, after: &SignerState) -> Option<String> {
    // The state is decided by the latest answer; ours is one, so a later
    // `at` is a later answer.
    let later = after.at.is_some_and(|at| at > e.at);
    if !e.status.is_answer() || !later {
        return None;
    }
    let (id, standing) = (&e.signer, after.standing.as_str());
    let when = after.at.map(show).unwrap_or_default();
    Some(format!(
        "`{id}` stays {standing}: their answer at {when} is later than this one"
    ))
}
