//! Three versions of `signers.toml` merged into one: what `signon
//! merge-ledger` does for git when two coordinators recorded sign-offs in
//! two clones.
//!
//! The file is split at its first `[[signoff]]` header. The part before it
//! (the roster, and the comment that opens the ledger) is hand-edited text,
//! merged line by line as git would (diffy's 3-way merge); a real conflict
//! there is left as the standard `<<<<<<<` markers. The rest is a list of
//! events, each a `[[signoff]]` header up to the next one, which are never
//! cut or re-printed: every event is carried over byte for byte, whatever
//! its keys. Why not a line merge for the ledger too: both sides append at
//! the same place, so git's line merge always conflicts there, and splits
//! the conflict inside an event.
//!
//! The events are merged as a multiset, by their exact text (trailing blank
//! lines aside): an event one side added is kept, an event both sides added
//! is kept once, and an event one side deleted (say, a repeat the warning
//! asked to delete) stays deleted. The result is the base's events first,
//! exactly as the base had them (so the file stays append-only in history),
//! then the new events ordered by their `at`; events with the same `at` keep
//! our side's file order, then their side's; an event whose `at` cannot be
//! read goes last.

use chrono::{DateTime, FixedOffset};
use rustc_hash::FxHashMap;

use crate::roster::file::is_signoff_header;

/// The merged file, and whether its roster part holds conflict markers.
#[derive(Debug, PartialEq, Eq)]
pub struct Merged {
    /// The whole merged `signers.toml`.
    pub text: String,
    /// True when the roster part could not be merged: the text then holds
    /// git's conflict markers there.
    pub conflict: bool,
}

/// Merges `ours` and `theirs`, two descendants of `base`.
pub fn merge(base: &str, ours: &str, theirs: &str) -> Merged {
    let (base, ours, theirs) = (split(base), split(ours), split(theirs));
    // Git's default marker style: `<<<<<<<`, `=======`, `>>>>>>>`.
    let mut options = diffy::MergeOptions::new();
    options.set_conflict_style(diffy::ConflictStyle::Merge);
    let (mut text, conflict) = match options.merge(base.head, ours.head, theirs.head) {
        Ok(text) => (text, false),
        Err(marked) => (marked, true),
    };
    let (kept, added) = merge_events(&base.events, &ours.events, &theirs.events);
    for event in kept {
        text.push_str(event.chunk);
    }
    for event in added {
        separate(&mut text);
        text.push_str(event.core);
        text.push('\n');
    }
    Merged { text, conflict }
}

/// One event: its bytes from its header to the next header, and the same
/// without its trailing blank lines, which is what identifies it.
#[derive(Clone, Copy)]
struct Event<'a> {
    chunk: &'a str,
    core: &'a str,
}

/// A file's text before its first `[[signoff]]` header, and its events.
struct Split<'a> {
    head: &'a str,
    events: Vec<Event<'a>>,
}

fn split(text: &str) -> Split<'_> {
    let mut starts = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if is_signoff_header(line.trim_start()) {
            starts.push(offset);
        }
        offset += line.len();
    }
    let head = &text[..starts.first().copied().unwrap_or(text.len())];
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    let events = starts
        .iter()
        .zip(ends)
        .map(|(&start, end)| {
            let chunk = &text[start..end];
            Event {
                chunk,
                core: chunk.trim_end(),
            }
        })
        .collect();
    Split { head, events }
}

/// The base's events that stay, in the base's order, and the events the two
/// sides added, in the order they are appended.
fn merge_events<'a>(
    base: &[Event<'a>],
    ours: &[Event<'a>],
    theirs: &[Event<'a>],
) -> (Vec<Event<'a>>, Vec<Event<'a>>) {
    // The usual case: both sides only appended. Then only the appended
    // events need counting (the result is the same), and a season's ledger
    // is compared byte for byte instead of hashed three times over.
    let appended = |side: &[Event<'a>]| {
        side.len() >= base.len() && side.iter().zip(base).all(|(s, b)| s.core == b.core)
    };
    if !base.is_empty() && appended(ours) && appended(theirs) {
        let (_, added) = merge_events(&[], &ours[base.len()..], &theirs[base.len()..]);
        return (base.to_vec(), added);
    }
    let counts = |events: &[Event<'a>]| {
        let mut map: FxHashMap<&'a str, usize> = FxHashMap::default();
        for e in events {
            *map.entry(e.core).or_default() += 1;
        }
        map
    };
    let (b, o, t) = (counts(base), counts(ours), counts(theirs));
    let get = |map: &FxHashMap<&'a str, usize>, k: &'a str| map.get(k).copied().unwrap_or(0);
    let wanted = |k: &'a str| copies(get(&b, k), get(&o, k), get(&t, k));
    let mut placed: FxHashMap<&str, usize> = FxHashMap::default();
    let mut take = |e: &Event<'a>| {
        let n = placed.entry(e.core).or_default();
        let keep = *n < wanted(e.core);
        *n += usize::from(keep);
        keep
    };
    let kept: Vec<_> = base.iter().filter(|e| take(e)).copied().collect();
    let mut added: Vec<_> = ours
        .iter()
        .chain(theirs)
        .filter(|e| take(e))
        .copied()
        .collect();
    // A stable sort: equal times keep our order, then theirs.
    added.sort_by_key(|e| {
        let at = at(e.core);
        (at.is_none(), at)
    });
    (kept, added)
}

/// How many copies of one event the merge keeps, from how many the base,
/// our side and their side hold: a 3-way merge of the counts. When both
/// sides changed the count the same way, the larger change on adding (an
/// event both recorded is kept once) and the smaller on deleting; when they
/// disagree, nothing is lost.
fn copies(base: usize, ours: usize, theirs: usize) -> usize {
    if ours == base {
        theirs
    } else if theirs == base {
        ours
    } else if ours < base && theirs < base {
        ours.min(theirs)
    } else {
        ours.max(theirs)
    }
}

/// The instant of an event's `at = …` line, if it has one with an offset.
fn at(core: &str) -> Option<DateTime<FixedOffset>> {
    core.lines().find_map(|line| {
        let value = line.trim_start().strip_prefix("at")?.trim_start();
        let value = value.strip_prefix('=')?.trim_start();
        let value = value.split('#').next()?.trim_end();
        let at: toml::value::Datetime = value.parse().ok()?;
        DateTime::parse_from_rfc3339(&at.to_string()).ok()
    })
}

/// Ends `text` with a blank line, as `signon sign` separates the events it
/// appends, unless `text` is empty.
fn separate(text: &mut String) {
    if text.is_empty() {
        return;
    }
    while !text.ends_with("\n\n") {
        text.push('\n');
    }
}

#[cfg(test)]
mod tests;
