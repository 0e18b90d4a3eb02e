//! Who to chase: the offices of a letter with no answer yet or a signature
//! on an earlier text, with the roster's staffer, e-mail and office — the
//! table of `signon status --missing` (its JSON is in [`super::json`]).
//!
//! The contact fields are looked up here, for the few rows shown, rather
//! than carried on every [`Row`]: the overview of a season stays as fast.

use chrono::{DateTime, FixedOffset};

use super::{LetterStatus, Row, deadline_text, when_text};
use crate::grid::{cell, grid};
use crate::model::{Roster, SignerId, Standing};

/// The rows to chase, in the letter's order: no answer, or stale.
pub fn to_chase(s: &LetterStatus) -> impl Iterator<Item = &Row> {
    s.rows
        .iter()
        .filter(|r| matches!(r.standing, Standing::NoAnswer | Standing::Stale))
}

/// Each letter in turn (the overview's order): title, deadline, then one
/// line per office to chase, or that nobody is left to chase.
pub fn table(all: &[LetterStatus], roster: &Roster, now: DateTime<FixedOffset>) -> String {
    if all.is_empty() {
        return "no letters in `letters/`: start one with `signon new ID`\n".to_string();
    }
    let sections: Vec<String> = all.iter().map(|s| letter(s, roster, now)).collect();
    sections.join("\n")
}

fn letter(s: &LetterStatus, roster: &Roster, now: DateTime<FixedOffset>) -> String {
    let mut out = format!("{}: {}\n{}\n\n", s.id, s.title, deadline_text(s));
    let rows: Vec<&Row> = to_chase(s).collect();
    if rows.is_empty() {
        out.push_str("nobody to chase: every office on the letter has answered its current text\n");
        return out;
    }
    let head = [
        "Signer", "Seat", "State", "Since", "Staffer", "E-mail", "Office",
    ];
    let mut lines = vec![head.map(cell).into()];
    for r in &rows {
        let signer = roster.get(&SignerId(r.id.clone()));
        let field = |f: fn(&crate::model::Signer) -> &Option<String>| {
            cell(signer.and_then(|s| f(s).clone()).unwrap_or_default())
        };
        lines.push(vec![
            cell(r.name.as_str()),
            cell(r.seat.as_str()),
            cell(r.state_text()),
            cell(when_text(r.at, now)),
            field(|s| &s.staffer),
            field(|s| &s.email),
            field(|s| &s.office),
        ]);
    }
    out.push_str(&grid(&lines, ""));
    let (stale, no_answer) = (s.totals.stale, s.totals.no_answer);
    out.push_str(&format!(
        "\n{} to chase ({no_answer} no answer, {stale} stale), of {}: `signon remind {}` drafts the e-mails\n",
        rows.len(),
        s.totals.total,
        s.id
    ));
    out
}
