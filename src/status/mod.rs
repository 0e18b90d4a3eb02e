//! Stage 5, status: the coordinator's view. Validated letters, the roster
//! and the ledger become one [`LetterStatus`] per letter — each signer's
//! state, the totals, days to the deadline and the final gate — shown by
//! [`table`] in the terminal, by [`json`] to scripts and by [`html`] on the
//! office screen.
//!
//! The three views share this model, so they can never disagree; the
//! "ready to go final" answer comes from [`ledger::final_gate`] alone.

pub mod html;
pub mod json;
pub mod missing;
pub mod table;

mod rows;
pub mod stale;
mod text;

use rustc_hash::FxHashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::ledger;
use crate::model::{Letter, Roster, SignOff, Standing};
use rows::{Ranked, by_surname, row, totals};
pub use text::{days_text, deadline_text, when_text};

/// One letter's sign-on status.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterStatus {
    /// The letter id.
    pub id: String,
    /// The letter's title.
    pub title: String,
    /// The sign-on deadline.
    pub deadline: Option<NaiveDate>,
    /// Days from today to the deadline: negative once it has passed.
    pub days_left: Option<i64>,
    /// The fingerprint of the letter's current text.
    pub fingerprint: String,
    /// Leads first, in `leads` order; then the others by surname.
    pub rows: Vec<Row>,
    /// Counts by state.
    pub totals: Totals,
    /// Ready to go final, or every reason why not.
    pub gate: Result<(), Vec<crate::ledger::Reason>>,
}

/// One signer on one letter.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The roster id.
    pub id: String,
    /// The printed name.
    pub name: String,
    /// Party, state and district: "D-CA-32", senators "D-CA".
    pub seat: String,
    /// A lead of the letter.
    pub lead: bool,
    /// Where they stand.
    pub standing: Standing,
    /// When the latest event happened, with the offset it was recorded in.
    pub at: Option<DateTime<FixedOffset>>,
    /// Who recorded it.
    pub by: Option<String>,
    /// Its note.
    pub note: Option<String>,
    /// For a stale signature, what changed since ([`stale::explain`]).
    pub changed: Option<stale::Change>,
    /// For a stale signature, the fingerprint of the text approved.
    pub stale_text: Option<String>,
}

impl Row {
    /// The state in words, as every view prints it: "signed (unverified)"
    /// for a signature recorded by hand without a fingerprint.
    pub fn state_text(&self) -> &'static str {
        match self.standing {
            Standing::Signed { verified: false } => "signed (unverified)",
            other => other.as_str(),
        }
    }
}

/// Counts of signers by state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    /// Signed the current text (verified or not).
    pub signed: usize,
    /// Signed an earlier text.
    pub stale: usize,
    /// Declined.
    pub declined: usize,
    /// Withdrew.
    pub withdrawn: usize,
    /// No answer yet.
    pub no_answer: usize,
    /// Everyone on the letter.
    pub total: usize,
}

impl Totals {
    /// "31 signed · 2 stale · 1 declined · 5 no answer, of 39": signed
    /// always, the other states when there are any.
    pub fn summary(&self) -> String {
        let parts = [
            (self.stale, "stale"),
            (self.declined, "declined"),
            (self.withdrawn, "withdrawn"),
            (self.no_answer, "no answer"),
        ];
        let mut out = format!("{} signed", self.signed);
        for (n, word) in parts.into_iter().filter(|(n, _)| *n > 0) {
            out.push_str(&format!(" · {n} {word}"));
        }
        format!("{out}, of {}", self.total)
    }
}

/// The status of one letter as of `now`.
pub fn letter_status(
    letter: &Letter,
    roster: &Roster,
    ledger: &[SignOff],
    now: DateTime<FixedOffset>,
) -> LetterStatus {
    build(letter, roster, ledger, &by_surname(roster), now)
}

/// Every letter, soonest deadline first, letters without one last (by id).
pub fn overview(
    letters: &[Letter],
    roster: &Roster,
    ledger: &[SignOff],
    now: DateTime<FixedOffset>,
) -> Vec<LetterStatus> {
    // Sorted once for all letters: collation is the slow part of ordering.
    let ranks = by_surname(roster);
    let mut by_letter: FxHashMap<&str, Vec<&SignOff>> = FxHashMap::default();
    for e in ledger {
        by_letter.entry(e.letter.as_str()).or_default().push(e);
    }
    let status = |l: &Letter| {
        let events = by_letter.get(l.id.as_str()).map_or(&[][..], Vec::as_slice);
        build(l, roster, events.iter().copied(), &ranks, now)
    };
    // Each letter's status is its own: a season's letters go in two halves.
    let (first, second) = letters.split_at(letters.len() / 2);
    let (mut all, rest) = crate::parallel::join(
        letters.len() >= crate::validate::MANY_LETTERS,
        || first.iter().map(status).collect::<Vec<_>>(),
        || second.iter().map(status).collect::<Vec<_>>(),
    );
    all.extend(rest);
    all.sort_by(|a, b| {
        (a.deadline.is_none(), a.deadline, &a.id).cmp(&(b.deadline.is_none(), b.deadline, &b.id))
    });
    all
}

fn build<'a>(
    letter: &Letter,
    roster: &Roster,
    events: impl IntoIterator<Item = &'a SignOff>,
    ranks: &FxHashMap<&str, Ranked<'_>>,
    now: DateTime<FixedOffset>,
) -> LetterStatus {
    let fingerprint = ledger::fingerprint(letter);
    let states = ledger::states(letter, events, &fingerprint);
    let gate = ledger::final_gate(&states, roster);
    let mut rows: Vec<Row> = states
        .into_iter()
        .map(|s| {
            let ranked = ranks.get(s.id.0.as_str());
            row(s, ranked)
        })
        .collect();
    // Leads keep their `leads` order (a stable sort); the others go by surname.
    rows.sort_by_cached_key(|r| {
        let rank = ranks.get(r.id.as_str()).map_or(usize::MAX, |r| r.rank);
        (!r.lead, if r.lead { 0 } else { rank })
    });
    LetterStatus {
        id: letter.id.clone(),
        title: letter.title.clone(),
        deadline: letter.deadline,
        days_left: letter.deadline.map(|d| (d - now.date_naive()).num_days()),
        fingerprint,
        totals: totals(&rows),
        rows,
        gate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_leaves_out_empty_states_but_signed() {
        let t = Totals {
            signed: 31,
            stale: 2,
            declined: 1,
            no_answer: 5,
            total: 39,
            withdrawn: 0,
        };
        assert_eq!(
            t.summary(),
            "31 signed · 2 stale · 1 declined · 5 no answer, of 39"
        );
        let none = Totals {
            no_answer: 3,
            total: 3,
            ..Totals::default()
        };
        assert_eq!(none.summary(), "0 signed · 3 no answer, of 3");
    }
}
