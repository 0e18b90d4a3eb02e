//! What a responses file records: one event per row, less the answers the
//! ledger already holds, so that the same file read twice records nothing
//! new.

use crate::ledger::NewEvent;
use crate::model::{Letter, SignOff, Signer, Status};

use super::Row;

/// What becomes of one row.
#[derive(Debug, Clone)]
pub enum Step {
    /// A new event to append.
    Record(NewEvent),
    /// The ledger already holds this answer of this signer (at this time,
    /// for a row that gives one): the time of the event there.
    Already(chrono::DateTime<chrono::FixedOffset>),
    /// An earlier row of the file (its line) gives the same answer.
    Repeat(usize),
}

/// One row and what becomes of it.
#[derive(Debug, Clone)]
pub struct Planned<'r> {
    /// The row's line in the file.
    pub line: usize,
    /// The roster entry it names.
    pub signer: &'r Signer,
    /// Its answer.
    pub status: Status,
    /// When.
    pub at: chrono::DateTime<chrono::FixedOffset>,
    /// What is done with it.
    pub step: Step,
}

/// Each row's step on `letter`, given the events `ledger` holds. The same
/// answer is never recorded twice: the same signer and status at the same
/// instant, or, for a row without a time (which takes the clock's, new on
/// every run), at any time. A signature is bound to `text`, the letter's
/// fingerprint now.
pub fn plan<'r>(
    rows: &[Row<'r>],
    letter: &Letter,
    ledger: &[SignOff],
    text: &str,
) -> Vec<Planned<'r>> {
    let mut out: Vec<Planned<'r>> = Vec::with_capacity(rows.len());
    for r in rows {
        let same = |signer: &str, status: Status, at| {
            signer == r.signer.id.0 && status == r.status && (at == r.at || !r.timed)
        };
        let recorded = ledger
            .iter()
            .filter(|e| e.letter == letter.id && same(&e.signer.0, e.status, e.at))
            .map(|e| e.at)
            .max();
        let earlier = out
            .iter()
            .find(|p| same(&p.signer.id.0, p.status, p.at))
            .map(|p| p.line);
        let step = match (recorded, earlier) {
            (Some(at), _) => Step::Already(at),
            (None, Some(line)) => Step::Repeat(line),
            (None, None) => Step::Record(NewEvent {
                letter: letter.id.clone(),
                signer: r.signer.id.0.clone(),
                status: r.status,
                at: r.at,
                by: r.by.clone(),
                text: (r.status == Status::Signed).then(|| text.to_string()),
                note: r.note.clone(),
            }),
        };
        let (line, signer, status, at) = (r.line, r.signer, r.status, r.at);
        out.push(Planned {
            line,
            signer,
            status,
            at,
            step,
        });
    }
    out
}

/// The events to append, in row order.
pub fn events(planned: &[Planned<'_>]) -> Vec<NewEvent> {
    planned
        .iter()
        .filter_map(|p| match &p.step {
            Step::Record(e) => Some(e.clone()),
            _ => None,
        })
        .collect()
}
