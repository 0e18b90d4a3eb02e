//! The JSON view of [`LetterStatus`], a stable schema for scripts.
//!
//! `version` is bumped only when a field changes meaning or disappears;
//! fields may be added. Both `signon status --json` and
//! `signon status LETTER --json` print the same shape: a list of letters.

use std::io::{self, BufWriter, Write};

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::Serialize;
use serde_json::ser::Formatter;

use super::stale::Change;
use super::{LetterStatus, Row};
use crate::model::{Roster, SignerId, Standing};

mod pretty;

use pretty::Pretty;

/// The schema version printed as `version`.
pub const VERSION: u32 = 1;

/// The output buffer: a season's report is megabytes, and std's default of
/// 8 KiB would write it in hundreds of system calls.
const BUFFER_BYTES: usize = 1 << 16;

#[derive(Serialize)]
struct Letter<'a> {
    id: &'a str,
    title: &'a str,
    deadline: Option<String>,
    days_left: Option<i64>,
    fingerprint: &'a str,
    final_ready: bool,
    /// The terminal's wording, ids in backticks.
    reasons: Vec<String>,
    totals: Totals,
    signers: Vec<Signer<'a>>,
}

#[derive(Serialize)]
struct Totals {
    signed: usize,
    stale: usize,
    declined: usize,
    withdrawn: usize,
    no_answer: usize,
    total: usize,
}

#[derive(Serialize)]
struct Signer<'a> {
    id: &'a str,
    name: &'a str,
    seat: &'a str,
    lead: bool,
    state: &'static str,
    verified: bool,
    at: Option<String>,
    by: Option<&'a str>,
    note: Option<&'a str>,
    /// Only on a stale signature: what changed since.
    #[serde(skip_serializing_if = "Option::is_none")]
    changed: Option<Changed<'a>>,
    /// Only with `--missing`: whom to write to, null where the roster is
    /// silent. Three plain fields rather than a flattened struct: flatten
    /// would make serde write every signer of a season as a map.
    #[serde(skip_serializing_if = "Option::is_none")]
    staffer: Option<Option<&'a str>>,
    /// Only with `--missing`: the staffer's e-mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<Option<&'a str>>,
    /// Only with `--missing`: the office address.
    #[serde(skip_serializing_if = "Option::is_none")]
    office: Option<Option<&'a str>>,
}

/// What changed since a stale signature: `words` and `sections` are null
/// and empty when the approved text was not kept.
#[derive(Serialize)]
struct Changed<'a> {
    text_kept: bool,
    words: Option<usize>,
    sections: &'a [String],
    summary: String,
}

/// Writes the report as pretty-printed JSON, ending in a newline. It is
/// streamed rather than built as a string: for a season's letters it runs
/// to megabytes.
pub fn write(
    all: &[LetterStatus],
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let make = |s| letter(s, s.rows.iter().map(signer).collect());
    emit(all, make, now, out)
}

/// `--missing`: the same shape, each letter's `signers` only the offices to
/// chase ([`super::missing::to_chase`]), each with `staffer`, `email` and
/// `office` from the roster. Totals and the gate stay the whole letter's.
pub fn write_missing(
    all: &[LetterStatus],
    roster: &Roster,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let make = |s| {
        let chase = super::missing::to_chase(s);
        letter(s, chase.map(|r| with_contact(r, roster)).collect())
    };
    emit(all, make, now, out)
}

fn with_contact<'a>(r: &'a Row, roster: &'a Roster) -> Signer<'a> {
    let s = roster.get(&SignerId(r.id.clone()));
    Signer {
        staffer: Some(s.and_then(|s| s.staffer.as_deref())),
        email: Some(s.and_then(|s| s.email.as_deref())),
        office: Some(s.and_then(|s| s.office.as_deref())),
        ..signer(r)
    }
}

/// The report `{ version, now, today, letters }`: every bracket, comma and
/// indent written by [`Pretty`], every value by serde. The letters are made
/// and serialized in two halves on the two cores, a season's JSON being a
/// third of `status --json`: the first half streamed, the second into a
/// buffer written after it. serde writes one value at a time, so the list
/// that joins the halves is written here, through the same formatter.
fn emit<'a>(
    all: &'a [LetterStatus],
    make: impl Fn(&'a LetterStatus) -> Letter<'a> + Sync,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(BUFFER_BYTES, out);
    let (w, mut f) = (&mut out, Pretty::default());
    f.begin_object(w)?;
    key(&mut f, w, true, "version")?;
    value(&mut f, w, &VERSION)?;
    key(&mut f, w, false, "now")?;
    value(&mut f, w, &now.to_rfc3339_opts(SecondsFormat::Secs, true))?;
    key(&mut f, w, false, "today")?;
    value(&mut f, w, &now.date_naive().to_string())?;
    key(&mut f, w, false, "letters")?;
    f.begin_array(w)?;
    let (first, second) = all.split_at(all.len() / 2);
    let (rest, done) = crate::parallel::join(
        all.len() >= crate::validate::MANY_LETTERS,
        || members(&f, second, first.len(), &make, Vec::new()),
        || members(&f, first, 0, &make, &mut *w),
    );
    done?;
    w.write_all(&rest?)?;
    if !all.is_empty() {
        f.end_array_value(w)?;
    }
    f.end_array(w)?;
    f.end_object_value(w)?;
    f.end_object(w)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// A key of the report, after its comma unless `first`.
fn key(f: &mut Pretty, w: &mut impl Write, first: bool, key: &str) -> io::Result<()> {
    f.begin_object_key(w, first)?;
    serde_json::to_writer(&mut *w, key)?;
    f.begin_object_value(w)
}

/// A scalar value of the report, which is the same compact and pretty.
fn value(f: &mut Pretty, w: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *w, value)?;
    f.end_object_value(w)
}

/// The letters made from `all` as members of the report's list, the first
/// of them its member number `from`: each after its comma, at the list's
/// depth (`list`). Returns the writer, for a buffer.
fn members<'a, W: Write>(
    list: &Pretty,
    all: &'a [LetterStatus],
    from: usize,
    make: &(impl Fn(&'a LetterStatus) -> Letter<'a> + Sync),
    mut w: W,
) -> io::Result<W> {
    for (i, s) in all.iter().enumerate() {
        list.member().begin_array_value(&mut w, from + i == 0)?;
        let mut json = serde_json::Serializer::with_formatter(&mut w, list.member());
        make(s).serialize(&mut json)?;
    }
    Ok(w)
}

fn letter<'a>(s: &'a LetterStatus, signers: Vec<Signer<'a>>) -> Letter<'a> {
    let t = s.totals;
    Letter {
        id: &s.id,
        title: &s.title,
        deadline: s.deadline.map(|d| d.to_string()),
        days_left: s.days_left,
        fingerprint: &s.fingerprint,
        final_ready: s.gate.is_ok(),
        reasons: s
            .gate
            .as_ref()
            .err()
            .map_or_else(Vec::new, |r| crate::ledger::reason::lines(r)),
        totals: Totals {
            signed: t.signed,
            stale: t.stale,
            declined: t.declined,
            withdrawn: t.withdrawn,
            no_answer: t.no_answer,
            total: t.total,
        },
        signers,
    }
}

fn signer(r: &Row) -> Signer<'_> {
    Signer {
        id: &r.id,
        name: &r.name,
        seat: &r.seat,
        lead: r.lead,
        state: state(r.standing),
        verified: r.standing == Standing::Signed { verified: true },
        at: r.at.map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)),
        by: r.by.as_deref(),
        note: r.note.as_deref(),
        changed: r.changed.as_ref().map(changed),
        staffer: None,
        email: None,
        office: None,
    }
}

fn changed(c: &Change) -> Changed<'_> {
    match c {
        Change::Counted { words, sections } => Changed {
            text_kept: true,
            words: Some(*words),
            sections,
            summary: c.text(),
        },
        Change::NotKept => Changed {
            text_kept: false,
            words: None,
            sections: &[],
            summary: c.text(),
        },
    }
}

/// The machine word of a state: `no_answer` rather than "no answer".
fn state(s: Standing) -> &'static str {
    match s {
        Standing::NoAnswer => "no_answer",
        other => other.as_str(),
    }
}

#[cfg(test)]
mod tests;
