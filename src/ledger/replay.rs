//! The ledger's rules for one signer on one letter: each `void` cancelling
//! the last event *recorded* before it (file order) that is not yet
//! cancelled, and the latest remaining *answer* by `at` deciding the
//! signer's state.
//!
//! A void cancels by file order, not by time, because `signon undo` names
//! the event it cancels when it is written: a back-dated answer recorded
//! afterwards must not re-target it, and a mistaken event with a far-off
//! `at` (past or future) is still the one undone.
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
    /// The index of the event a new void would cancel: the last recorded
    /// event neither a void nor cancelled.
    next_undo: Option<usize>,
}

impl<'a> Timeline<'a> {
    /// Replays `events`, which must be in file order and all for one signer
    /// on one letter. A void cancels the last event recorded before it (in
    /// file order, whatever its `at`) that is neither a void nor already
    /// cancelled, so several voids in a row cancel one event each, newest
    /// first. A void with nothing before it cancels nothing.
    pub fn new(events: Vec<&'a SignOff>) -> Timeline<'a> {
        let mut by_file = vec![None; events.len()];
        let mut standing: Vec<usize> = Vec::new();
        for (i, e) in events.iter().enumerate() {
            if e.status != Status::Void {
                standing.push(i);
            } else if let Some(target) = standing.pop() {
                by_file[i] = Some(target);
                by_file[target] = Some(i);
            }
        }
        // Time order for display and deciding; a stable sort keeps equal
        // times in file order. `place[f]` is where file index `f` went.
        let mut order: Vec<usize> = (0..events.len()).collect();
        order.sort_by_key(|&f| events[f].at);
        let mut place = vec![0; events.len()];
        for (i, &f) in order.iter().enumerate() {
            place[f] = i;
        }
        Timeline {
            link: order
                .iter()
                .map(|&f| by_file[f].map(|p| place[p]))
                .collect(),
            events: order.iter().map(|&f| events[f]).collect(),
            next_undo: standing.last().map(|&f| place[f]),
        }
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

    /// The latest standing answer given by `at`: the signer's answer as of
    /// that time, by the same rules (voids count whenever recorded).
    pub fn answer_at(&self, at: DateTime<FixedOffset>) -> Option<&'a SignOff> {
        self.standing()
            .rev()
            .find(|e| e.at <= at && e.status.is_answer())
    }

    /// What a void appended now would cancel: the last event recorded that
    /// is neither a void nor cancelled. `None` when there is nothing left
    /// to undo.
    pub fn undo_target(&self) -> Option<&'a SignOff> {
        self.next_undo.map(|i| self.events[i])
    }
}
