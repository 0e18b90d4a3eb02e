//! Events recorded twice: the same `[[signoff]]`, key for key, at two places
//! in the ledger.
//!
//! `signon` never writes an event twice, but git can: when two coordinators
//! recorded the same event from the same email (same `--at`) and a conflict
//! is resolved by keeping both sides, or a commit is cherry-picked and then
//! merged. A repeat changes no one's state (a repeated `void` does: it
//! cancels one more event, which the warning says), so it is a warning; both
//! copies stay in the ledger, which is append-only.

use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use crate::diag::{Diagnostic, Source};
use crate::model::{SignOff, Status};

/// Everything an event says, the offset of `at` included: two events
/// "repeat exactly" only when they would be written the same.
type Key<'a> = (
    &'a str,
    &'a str,
    Status,
    DateTime<FixedOffset>,
    i32,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

/// A warning for every event that repeats an earlier one exactly, at its
/// `[[signoff]]` line; `events` are the valid events of `src` in file order.
pub fn duplicate_events(events: &[SignOff], src: &Arc<Source>) -> Vec<Diagnostic> {
    // FxHash: twenty thousand keys of short strings, no adversary.
    let mut first: FxHashMap<Key<'_>, usize> = FxHashMap::default();
    first.reserve(events.len());
    let mut repeats = Vec::new();
    for e in events {
        // The id as written: an event under a letter's former id and one
        // under its current id are not written the same.
        let key = (
            e.formerly.as_deref().unwrap_or(&e.letter),
            e.signer.0.as_str(),
            e.status,
            e.at,
            e.at.offset().local_minus_utc(),
            e.by.as_deref(),
            e.text.as_deref(),
            e.note.as_deref(),
        );
        // One hash of the key whether it is new or a repeat.
        match first.entry(key) {
            Entry::Occupied(earlier) => repeats.push((e.line, *earlier.get(), e.status)),
            Entry::Vacant(slot) => {
                slot.insert(e.line);
            }
        }
    }
    if repeats.is_empty() {
        return Vec::new();
    }
    // Line starts only when needed: most ledgers have no repeat at all.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(src.text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    repeats
        .into_iter()
        .map(|(line, earlier, status)| warning(src, &starts, line, earlier, status))
        .collect()
}

fn warning(
    src: &Arc<Source>,
    starts: &[usize],
    line: usize,
    earlier: usize,
    status: Status,
) -> Diagnostic {
    let start = starts.get(line - 1).copied().unwrap_or(src.text.len());
    let end = src.text[start..]
        .find('\n')
        .map_or(src.text.len(), |n| start + n);
    Diagnostic::warning(
        src,
        start..end,
        format!(
            "this event repeats the one at line {earlier} exactly (a merge may have doubled it)"
        ),
    )
    .with_label("a second copy")
    .with_hint(if status == Status::Void {
        // Each void cancels one more event: a doubled one is not harmless.
        "a second void cancels one more event; if a merge doubled it, delete this copy"
    } else {
        "it changes no one's state; delete one copy to silence this warning"
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;

    const EVENT: &str = "[[signoff]]\nletter = \"l\"\nsigner = \"a\"\nstatus = \"signed\"\nat = 2025-02-01T12:00:00Z\n";

    fn events(text: &str) -> (Arc<Source>, Vec<SignOff>) {
        let file: toml::Table = toml::from_str(text).unwrap();
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| *l == "[[signoff]]");
        let events = file["signoff"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| SignOff {
                letter: e["letter"].as_str().unwrap().into(),
                formerly: None,
                signer: crate::model::SignerId(e["signer"].as_str().unwrap().into()),
                status: Status::parse(e["status"].as_str().unwrap()).unwrap(),
                at: DateTime::parse_from_rfc3339(&e["at"].to_string()).unwrap(),
                by: e.get("by").map(|v| v.as_str().unwrap().into()),
                text: None,
                note: e.get("note").map(|v| v.as_str().unwrap().into()),
                line: lines.next().unwrap().0 + 1,
            })
            .collect();
        let src = Source::new(std::path::Path::new("signers.toml"), text.to_string());
        (src, events)
    }

    #[test]
    fn an_exact_repeat_is_a_warning_at_its_header() {
        let text = format!("{EVENT}\n{EVENT}note = \"x\"\n\n{EVENT}");
        let (src, events) = events(&text);
        let found = duplicate_events(&events, &src);
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(
            d.message,
            "this event repeats the one at line 1 exactly (a merge may have doubled it)"
        );
        assert_eq!(src.line_col(d.span.clone().unwrap().start), (14, 1));
    }

    #[test]
    fn the_same_instant_at_another_offset_is_not_a_repeat() {
        let other = EVENT.replace("12:00:00Z", "07:00:00-05:00");
        let (src, events) = events(&format!("{EVENT}\n{other}"));
        assert!(duplicate_events(&events, &src).is_empty());
    }

    #[test]
    fn a_repeated_void_is_said_to_cancel_one_more_event() {
        let void = EVENT.replace("\"signed\"", "\"void\"");
        let (src, events) = events(&format!("{void}\n{void}"));
        let found = duplicate_events(&events, &src);
        assert_eq!(found.len(), 1);
        assert!(found[0].hints[0].contains("cancels one more event"));
    }
}
