//! From a letter's signer states to the rows every view shows: each roster
//! signer's rank in surname order and seat, worked out once per roster, and
//! the totals by state. Kept apart from the model in `status` so that the
//! model reads as what the views get, and this file as how it is built.

use rustc_hash::FxHashMap;

use crate::model::{Roster, Signer, SignerId, Standing};

use super::{Row, Totals};

/// A roster signer as every row of every letter shows them, worked out once.
pub(super) struct Ranked<'r> {
    /// Place in surname order.
    pub(super) rank: usize,
    signer: &'r Signer,
    /// [`Signer::seat`], built once rather than once per letter.
    seat: String,
}

/// Each roster signer by id, with their place in the letter's name order
/// ([`crate::names::compare_names`]): Unicode collation, so "Sánchez" files
/// under S-a, not after "Schiff"; two Johnsons by given name, as the letter
/// prints them. One hash lookup then serves a row's signer, seat and rank.
pub(super) fn by_surname(roster: &Roster) -> FxHashMap<&str, Ranked<'_>> {
    let mut signers: Vec<&Signer> = roster.signers.iter().collect();
    signers.sort_by(|a, b| crate::names::compare_names(a, b));
    signers
        .into_iter()
        .enumerate()
        .map(|(rank, signer)| {
            let seat = signer.seat();
            (signer.id.0.as_str(), Ranked { rank, signer, seat })
        })
        .collect()
}

pub(super) fn row(s: crate::model::SignerState, ranked: Option<&Ranked<'_>>) -> Row {
    let SignerId(id) = s.id;
    Row {
        name: ranked.map_or_else(|| id.clone(), |r| r.signer.name.clone()),
        seat: ranked.map(|r| r.seat.clone()).unwrap_or_default(),
        id,
        lead: s.lead,
        standing: s.standing,
        at: s.at,
        by: s.by,
        note: s.note,
        changed: None,
        stale_text: s.stale_text,
    }
}

pub(super) fn totals(rows: &[Row]) -> Totals {
    let mut t = Totals {
        total: rows.len(),
        ..Totals::default()
    };
    for r in rows {
        match r.standing {
            Standing::Signed { .. } => t.signed += 1,
            Standing::Stale => t.stale += 1,
            Standing::Declined => t.declined += 1,
            Standing::Withdrawn => t.withdrawn += 1,
            Standing::NoAnswer => t.no_answer += 1,
        }
    }
    t
}
