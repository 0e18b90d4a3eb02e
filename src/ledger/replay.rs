//! The ledger's rules for one signer on one letter: events in time order,
//! each `void` cancelling the latest event not yet cancelled before it, and
//! the latest remaining *answer* deciding the signer's state.
//!
//! Kept apart from [`super::states`], whose fast path covers the usual
//! ledger without voids; this is the one place the full rules live, shared
//! by that slow path, `signon undo` and `signon log`.

use chrono::{DateTime, FixedOffset};

use crate::model::{SignOff, Status};

/// One signer's events on a letter in time order (ties in file order), and
/// which void cancelled which event.
#[derive(Debug)]
pub struct Timeline<'a> {
    /// The events, sorted by `at`; events with the same `at` keep file order.
    pub events: Vec<&'a SignOff>,
    /// For each event, its partner: a void's the index of the event it
    /// cancels, a cancelled event's the index of the void that cancelled it.
    pub link: Vec<Option<usize>>,
}

impl<'a> Timeline<'a> {
    /// Replays `events`, which must be in file order and all for one signer
    /// on one letter. A void cancels the latest event before it (in time,
    /// then file order) that is neither a void nor already cancelled, so
    /// several voids in a row cancel one event each, newest first. A void
    /// with nothing before it cancels nothing.
    pub fn new(mut events: Vec<&'a SignOff>) -> Timeline<'a> {
        // A stable sort: equal times stay in file order.
        events.sort_by_key(|e| e.at);
        let mut link = vec![None; events.len()];
        let mut standing: Vec<usize> = Vec::new();
        for (i, e) in events.iter().enumerate() {
            if e.status != Status::Void {
                standing.push(i);
            } else if let Some(target) = standing.pop() {
                link[i] = Some(target);
                link[target] = Some(i);
            }
        }
        Timeline { events, link }
    }

    /// Whether event `i` was cancelled by a later void.
    pub fn voided(&self, i: usize) -> bool {
        self.events[i].status != Status::Void && self.link[i].is_some()
    }

    /// The events still standing (neither voids nor cancelled), in time order.
    pub fn standing(&self) -> impl DoubleEndedIterator<Item = &'a SignOff> + '_ {
        (0..self.events.len())
            .filter(|&i| self.events[i].status != Status::Void && !self.voided(i))
            .map(|i| self.events[i])
    }

    /// The event that decides the signer's state: their latest standing
    /// answer, or without one their latest standing invitation.
    pub fn deciding(&self) -> Option<&'a SignOff> {
        self.standing()
            .rev()
            .find(|e| e.status.is_answer())
            .or_else(|| self.standing().last())
    }

    /// What a void recorded at `at` (after every event already in the
    /// ledger with that time) would cancel: the latest standing event up to
    /// `at`. `None` when there is nothing left to undo.
    pub fn undo_target(&self, at: DateTime<FixedOffset>) -> Option<&'a SignOff> {
        let upto: Vec<&SignOff> = self.events.iter().copied().filter(|e| e.at <= at).collect();
        Timeline::new(upto).standing().last()
    }
}
