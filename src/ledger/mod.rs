//! Stage 3, ledger: the `[[signoff]]` events of `signers.toml` replayed
//! into each signer's standing on a letter, the text fingerprint that binds a
//! signature to the words approved, and the "ready to go final" gate that
//! `render --final` and `status` share.

mod append;
pub mod approved;
pub mod batch;
mod duplicates;
mod fingerprint;
pub mod intake;
pub mod log;
pub mod merge;
pub mod read;
pub mod reason;
pub mod record;
mod replay;
pub mod rules;
pub mod seal;
mod torn;

pub(crate) use append::open_locked;
pub use append::{NewEvent, append, events_toml};
pub use duplicates::duplicate_events;
pub use fingerprint::{canonical, digest, fingerprint};
pub use reason::Reason;
pub use replay::Timeline;
pub use torn::{Torn, torn_tail};

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;

use crate::model::{Letter, Roster, SignOff, SignerId, SignerState, Standing, Status};

/// Every signer's standing on `letter`: the leads in `leads` order, then the
/// invited in listed order, then anyone else with an event for the letter
/// (in the order of their first event).
///
/// A signer's latest *answer* decides (signed, declined, withdrawn): latest
/// by `at`, and among answers with the same `at`, the one appended last. An
/// invitation never overrides an answer; without one they have no answer.
/// A `void` cancels the last event recorded before it, in file order, not
/// already cancelled (see [`Timeline`]). A
/// "signed" event whose fingerprint is not `current` is stale; one without
/// a fingerprint is signed, unverified. `events` must be in file order and
/// may hold other letters' events too; they are skipped.
pub fn states<'a>(
    letter: &Letter,
    events: impl IntoIterator<Item = &'a SignOff>,
    current: &str,
) -> Vec<SignerState> {
    // One map from signer to latest answer and invitation, filled in one
    // pass over the events: the ledger holds thousands of events for
    // hundreds of signers. It also dedupes, so `order` lists each signer
    // once, first place wins. FxHash: the keys are our own ids, and SipHash
    // was the cost of the loop.
    // Sized for the listed signers, who are nearly all there are: growing
    // the map rehashed every entry several times a letter.
    let listed = letter.leads.len() + letter.invited.len();
    let mut latest: FxHashMap<&SignerId, Latest<'_>> =
        FxHashMap::with_capacity_and_hasher(listed, Default::default());
    let mut order: Vec<(&SignerId, bool)> = Vec::with_capacity(listed);
    let leads = letter.leads.iter().map(|l| (&l.id, true));
    for (id, lead) in leads.chain(letter.invited.iter().map(|id| (id, false))) {
        if let Entry::Vacant(v) = latest.entry(id) {
            v.insert(Latest::default());
            order.push((id, lead));
        }
    }
    let mut mine: Vec<&SignOff> = Vec::new();
    for e in events.into_iter().filter(|e| e.letter == letter.id) {
        mine.push(e);
        let slot = latest.entry(&e.signer).or_insert_with(|| {
            order.push((&e.signer, false));
            Latest::default()
        });
        slot.add(e);
    }
    order
        .into_iter()
        .map(|(id, lead)| {
            let slot = &latest[id];
            let deciding = if slot.voided {
                // Rare: the full rules, over this signer's events only.
                let theirs = mine.iter().copied().filter(|e| e.signer == *id);
                Timeline::new(theirs.collect()).deciding()
            } else {
                slot.answer.or(slot.invite)
            };
            state(id.clone(), lead, deciding, current)
        })
        .collect()
}

/// One signer's latest answer and invitation so far, and whether any of
/// their events is a void (then [`Timeline`] replays them in full).
#[derive(Default)]
struct Latest<'a> {
    answer: Option<&'a SignOff>,
    invite: Option<&'a SignOff>,
    voided: bool,
}

impl<'a> Latest<'a> {
    fn add(&mut self, e: &'a SignOff) {
        let slot = match e.status {
            Status::Void => {
                self.voided = true;
                return;
            }
            Status::Invited => &mut self.invite,
            _ => &mut self.answer,
        };
        // `>=`: among events with the same `at`, the one appended last.
        if slot.is_none_or(|last| e.at >= last.at) {
            *slot = Some(e);
        }
    }
}

fn state(id: SignerId, lead: bool, last: Option<&SignOff>, current: &str) -> SignerState {
    let standing = match last {
        None => Standing::NoAnswer,
        Some(e) => match (e.status, e.text.as_deref()) {
            (Status::Invited | Status::Void, _) => Standing::NoAnswer,
            (Status::Signed, None) => Standing::Signed { verified: false },
            (Status::Signed, Some(t)) if t == current => Standing::Signed { verified: true },
            (Status::Signed, Some(_)) => Standing::Stale,
            (Status::Declined, _) => Standing::Declined,
            (Status::Withdrawn, _) => Standing::Withdrawn,
        },
    };
    SignerState {
        id,
        lead,
        standing,
        at: last.map(|e| e.at),
        by: last.and_then(|e| e.by.clone()),
        note: last.and_then(|e| e.note.clone()),
        stale_text: match standing {
            Standing::Stale => last.and_then(|e| e.text.clone()),
            _ => None,
        },
    }
}

/// Ready to go final, or every reason why not: a lead who has not signed the
/// current text, and any stale signature. The single gate behind
/// `render --final` and the `final_ready` of `status`.
pub fn final_gate(states: &[SignerState], roster: &Roster) -> Result<(), Vec<Reason>> {
    let name = |id: &SignerId| {
        roster
            .get(id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    };
    let mut reasons = Vec::new();
    for s in states {
        let stale = s.standing == Standing::Stale;
        let lead_unsigned = s.lead && !s.standing.signed_current();
        if !stale && !lead_unsigned {
            continue;
        }
        // Named only for a reason: most signers give none, and a letter
        // has hundreds of them.
        let (name, id) = (name(&s.id), s.id.to_string());
        reasons.push(if stale {
            Reason::Stale { name, id }
        } else {
            Reason::LeadUnsigned {
                name,
                id,
                standing: s.standing.as_str(),
            }
        });
    }
    if reasons.is_empty() {
        Ok(())
    } else {
        Err(reasons)
    }
}

#[cfg(test)]
mod tests;
