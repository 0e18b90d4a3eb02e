//! `signon log` and `signon undo` in the library: a letter's events in time
//! order with what each void cancelled, as a table a coordinator reads, and
//! the event an undo would cancel.

use crate::grid::{cell, grid};
use rustc_hash::FxHashMap;

use super::Timeline;
use super::rules::show;
use crate::model::{SignOff, SignerId, Status};
use crate::validate::text::visible;

/// One event as the log shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Logged<'a> {
    /// The event.
    pub event: &'a SignOff,
    /// For a void, the line of the event it cancels (`None`: nothing to
    /// cancel); for a cancelled event, the line of the void.
    pub link: Option<usize>,
}

impl Logged<'_> {
    /// "signed", "signed, voided by line 12", "void of line 9"; an event
    /// recorded under the letter's earlier id adds "(as OLD)".
    pub fn what(&self) -> String {
        let word = self.event.status.as_str();
        let what = match (self.event.status, self.link) {
            (Status::Void, Some(line)) => format!("void of line {line}"),
            (Status::Void, None) => "void of nothing".to_string(),
            (_, Some(line)) => format!("{word}, voided by line {line}"),
            (_, None) => word.to_string(),
        };
        match &self.event.formerly {
            Some(old) => format!("{what} (as {})", visible(old, false)),
            None => what,
        }
    }
}

/// Every event of `letter` (of `signer` only, when given), in time order
/// (ties by file order), each with what a void did.
pub fn events<'a>(
    ledger: &'a [SignOff],
    letter: &str,
    signer: Option<&SignerId>,
) -> Vec<Logged<'a>> {
    let mut by_signer: FxHashMap<&SignerId, Vec<&SignOff>> = FxHashMap::default();
    let wanted = |e: &&SignOff| e.letter == letter && signer.is_none_or(|s| e.signer == *s);
    for e in ledger.iter().filter(wanted) {
        by_signer.entry(&e.signer).or_default().push(e);
    }
    let mut all: Vec<Logged<'a>> = Vec::new();
    for theirs in by_signer.into_values() {
        let t = Timeline::new(theirs);
        let line = |i: Option<usize>| i.map(|i| t.events[i].line);
        all.extend(t.events.iter().enumerate().map(|(i, &event)| Logged {
            event,
            link: line(t.link[i]),
        }));
    }
    // One file: its line order is its file order.
    all.sort_by_key(|l| (l.event.at, l.event.line));
    all
}

/// The event `signon undo` would cancel for `signer` on `letter`: the last
/// one recorded (file order) not already cancelled, whatever its `at`, so
/// the void appended cancels exactly the event `undo` names.
pub fn undo_target<'a>(
    ledger: &'a [SignOff],
    letter: &str,
    signer: &SignerId,
) -> Option<&'a SignOff> {
    let theirs = ledger
        .iter()
        .filter(|e| e.letter == letter && e.signer == *signer);
    Timeline::new(theirs.collect()).undo_target()
}

/// The log as a table: a header line, then a row per event with the line of
/// `signers.toml` it is on, its time, signer, what it did, who recorded it
/// and the note.
pub fn table(letter: &str, signer: Option<&SignerId>, events: &[Logged<'_>]) -> String {
    let whose = signer.map_or(String::new(), |s| format!(" for `{s}`"));
    let n = events.len();
    let mut out = format!(
        "{letter}: {}{whose}, in time order\n",
        crate::diag::plural(n, "event")
    );
    if n == 0 {
        return out;
    }
    let head = ["line", "at", "signer", "event", "by", "note"].map(cell);
    let [line, rest @ ..] = head;
    let mut rows = vec![std::iter::once(line.right()).chain(rest).collect()];
    rows.extend(events.iter().map(|l| {
        let e = l.event;
        vec![
            // The line number right-aligned, the rest left.
            cell(e.line.to_string()).right(),
            cell(show(e.at)),
            cell(visible(&e.signer.0, false)),
            cell(l.what()),
            cell(
                e.by.as_deref()
                    .map_or_else(|| "-".into(), |b| visible(b, false)),
            ),
            // A cell on one line: a hand-written note's line break shows as `\n`.
            cell(
                e.note
                    .as_deref()
                    .map_or_else(String::new, |n| visible(n, false)),
            ),
        ]
    }));
    out.push_str(&grid(&rows, "  "));
    out
}

/// What `signon undo` says it did: the void recorded, the event it
/// cancelled (with its line), and where the signer stands now.
pub fn undone(void: &SignOff, cancelled: &SignOff, now: crate::model::Standing) -> String {
    format!(
        "recorded `{}` void `{}` at {}: cancels `{}` of {} (signers.toml line {}); `{}` is now {}\n",
        void.signer,
        void.letter,
        show(void.at),
        cancelled.status.as_str(),
        show(cancelled.at),
        cancelled.line,
        void.signer,
        now.as_str(),
    )
}
