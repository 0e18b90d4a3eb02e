//! Whole commands or none: the sealed events of the ledger grouped by the
//! command that wrote them (see [`super::seal`]), and every way a group or
//! an event is not as it was written.
//!
//! A crash cuts a command's write at some byte. What is left is its first
//! events, then perhaps a torn fragment ([`super::torn`]) or an event cut
//! exactly at a line end, which parses but no longer matches its checksum.
//! Either way the command is reported once, as partly recorded, with a
//! repair that deletes all of it — its whole events too, since a command is
//! meant to count whole or not at all. A torn fragment that begins a new
//! command is the torn tail it always was. Elsewhere in the file, a sealed
//! event that does not match was changed after it was recorded.

use std::ops::Range;
use std::path::Path;

use rustc_hash::FxHashMap;
use toml::Spanned;

use super::seal::{Fields, Seal};
use super::torn::{Torn, torn_tail};
use crate::diag::Source;
use crate::load::{self, raw};

/// What is wrong with the sealed events of a ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A command with events missing or its last one cut short.
    Partial(Partial),
    /// A sealed event whose values no longer match its seal.
    Changed {
        /// Its `[[signoff]]` header.
        span: Range<usize>,
        /// The seal it carries.
        seal: Seal,
    },
    /// A `seal` not in the shape signon writes.
    BadSeal {
        /// The seal's value.
        span: Range<usize>,
    },
    /// A torn last event that starts a command of its own, or a hand-written one.
    Torn(Torn),
}

/// How an event fits its seal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    Whole,
    /// Keys missing: cut short, if it is the last event of the file.
    Short,
    Changed,
}

/// A partly recorded command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partial {
    /// The batch id.
    pub batch: String,
    /// How many events the command wrote.
    pub count: usize,
    /// How many of them are here and whole.
    pub whole: usize,
    /// The letter, status and signers of the events present.
    pub letter: String,
    /// The status word of its events.
    pub status: String,
    /// The signers of the events present, in file order.
    pub signers: Vec<String>,
    /// The first event's header.
    pub span: Range<usize>,
    /// The 1-based line ranges (inclusive) to delete; the last one runs to
    /// the end of the file when the command is the file's tail.
    pub lines: Vec<(usize, usize)>,
    /// True when the command is the end of the file: a write cut short.
    pub tail: bool,
}

/// One sealed event: its seal, its index among the events, how it fits.
struct Member {
    seal: Seal,
    event: usize,
    fit: Fit,
}

/// The ledger being judged.
struct Ledger<'a> {
    text: &'a str,
    events: &'a [Spanned<raw::SignOff>],
    torn: Option<Torn>,
}

/// Every finding about the sealed events of `text`. `events` are its parsed
/// events, in file order, up to `torn` when the file has a torn tail.
pub fn findings(text: &str, events: &[Spanned<raw::SignOff>], torn: Option<Torn>) -> Vec<Finding> {
    findings_from(text, events, torn, 0)
}

/// The findings about the last command of the file only: where a crash
/// leaves its damage, and all that a command about to append, or `status`,
/// needs to look at. Checksumming a season's 20,000 events would cost
/// `status` a third of its time; `check` does it ([`findings`]).
pub fn tail_findings(
    text: &str,
    events: &[Spanned<raw::SignOff>],
    torn: Option<Torn>,
) -> Vec<Finding> {
    let batch_of = |e: &Spanned<raw::SignOff>| {
        let seal = e.get_ref().seal.as_ref()?;
        seal.get_ref().split(':').next().map(str::to_string)
    };
    let last = events.last().and_then(batch_of);
    let run = match last {
        Some(_) => events
            .iter()
            .rev()
            .take_while(|e| batch_of(e) == last)
            .count(),
        None => 0,
    };
    findings_from(text, events, torn, events.len() - run)
}

/// The findings about the events from index `from` on.
fn findings_from(
    text: &str,
    events: &[Spanned<raw::SignOff>],
    torn: Option<Torn>,
    from: usize,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let ledger = Ledger { text, events, torn };
    let mut torn_told = false;
    for (batch, members) in groups(events, from, &mut out) {
        torn_told |= judge(&ledger, batch, &members, &mut out);
    }
    if let Some(t) = torn.filter(|_| !torn_told) {
        let begun = fragment::partial(text, t);
        out.push(begun.map_or(Finding::Torn(t), Finding::Partial));
    }
    out
}

/// The sealed events by command, in order of first appearance; a seal of
/// the wrong shape is a finding of its own.
fn groups(
    events: &[Spanned<raw::SignOff>],
    from: usize,
    out: &mut Vec<Finding>,
) -> Vec<(String, Vec<Member>)> {
    let mut groups: Vec<(String, Vec<Member>)> = Vec::new();
    let mut by_id: FxHashMap<String, usize> = FxHashMap::default();
    for (event, ev) in events.iter().enumerate().skip(from) {
        let e = ev.get_ref();
        let Some(text_seal) = &e.seal else { continue };
        let Some(seal) = Seal::parse(text_seal.get_ref()) else {
            out.push(Finding::BadSeal {
                span: text_seal.span(),
            });
            continue;
        };
        let at = e.at.get_ref().to_string();
        let fields = Fields::of(e, &at);
        let fit = match seal.matches(&fields) {
            true => Fit::Whole,
            false if fields.keys() < seal.keys => Fit::Short,
            false => Fit::Changed,
        };
        let g = *by_id.entry(seal.batch.clone()).or_insert_with(|| {
            groups.push((seal.batch.clone(), Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(Member { seal, event, fit });
    }
    groups
}

/// Judges one command's events; true when it took in the torn tail.
fn judge(l: &Ledger<'_>, batch: String, members: &[Member], out: &mut Vec<Finding>) -> bool {
    let is_last = |m: &Member| m.event + 1 == l.events.len();
    let tail = members.last().is_some_and(is_last);
    let count = members[0].seal.count;
    let same_count = members.iter().all(|m| m.seal.count == count);
    let whole = same_count && every_place_alike(members, count);
    // Cut at a line end, the last event of the file lacks keys it had; cut
    // inside a line that still parses (`at = 2025-02-01T12:00:00` of
    // `…:00Z`), the file lacks the final line end signon always writes.
    let unfinished = l.torn.is_none() && !l.text.is_empty() && !l.text.ends_with('\n');
    let cut = |f: Fit| f == Fit::Short || f == Fit::Changed && unfinished;
    let cut_last = tail && members.last().is_some_and(|m| cut(m.fit));
    for m in members {
        if m.fit != Fit::Whole && !(cut_last && is_last(m)) {
            out.push(Finding::Changed {
                span: header(&l.events[m.event]),
                seal: m.seal.clone(),
            });
        }
    }
    if !whole || cut_last {
        // A sealed event that did not load because it was edited (a key
        // added, a comment) is reported where it is: no partial command.
        let unloaded = fragment::unloaded(l.text, &batch, l.events);
        if unloaded.iter().any(|&(_, torn)| !torn) {
            return false;
        }
        let to_end = tail.then(|| l.torn.map_or(l.text.len(), |t| t.offset));
        let torn = unloaded.into_iter().map(|(start, _)| start);
        out.push(Finding::Partial(partial_of(
            l, members, batch, to_end, torn,
        )));
        return tail && l.torn.is_some();
    }
    false
}

/// True when each of the command's `count` places holds the same number of
/// events (at least one). The same command recorded twice with the same
/// values is one batch twice over; a second copy cut short leaves some
/// places with fewer copies than others.
fn every_place_alike(members: &[Member], count: usize) -> bool {
    let mut copies = vec![0usize; count + 1];
    for m in members {
        match copies.get_mut(m.seal.index) {
            Some(c) if m.seal.index > 0 => *c += 1,
            _ => return false,
        }
    }
    copies[1..].iter().all(|&c| c > 0 && c == copies[1])
}

fn header(ev: &Spanned<raw::SignOff>) -> Range<usize> {
    ev.span()
}

fn partial_of(
    l: &Ledger<'_>,
    members: &[Member],
    batch: String,
    to_end: Option<usize>,
    torn: impl Iterator<Item = usize>,
) -> Partial {
    let (text, events) = (l.text, l.events);
    let first = events[members[0].event].get_ref();
    let mut starts: Vec<usize> = members
        .iter()
        .map(|m| events[m.event].span().start)
        .collect();
    starts.extend(torn);
    starts.sort_unstable();
    starts.dedup();
    let last = events.last().map(|e| e.span().start);
    let mut lines: Vec<(usize, usize)> = Vec::new();
    for start in starts {
        let end = match to_end {
            Some(_) if Some(start) == last => text.len(),
            _ => extent_end(text, start),
        };
        let range = (line_of(text, start), line_of(text, end.max(start + 1) - 1));
        match lines.last_mut() {
            Some(last) if last.1 + 1 >= range.0 => last.1 = last.1.max(range.1),
            _ => lines.push(range),
        }
    }
    Partial {
        batch,
        count: members[0].seal.count,
        whole: members.iter().filter(|m| m.fit == Fit::Whole).count(),
        letter: first.letter.get_ref().clone(),
        status: first.status.get_ref().clone(),
        signers: members
            .iter()
            .map(|m| events[m.event].get_ref().signer.get_ref().clone())
            .collect(),
        span: header(&events[members[0].event]),
        lines,
        tail: to_end.is_some(),
    }
}

/// Where the event whose header is at `start` ends: at the next line that
/// starts a table, or the end of the file.
fn extent_end(text: &str, start: usize) -> usize {
    let after = text[start..]
        .find('\n')
        .map_or(text.len(), |n| start + n + 1);
    let mut at = after;
    for line in text[after..].split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            return at;
        }
        at += line.len();
    }
    text.len()
}

/// The 1-based line of a byte offset.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The damage at the end of `signers.toml` that an append must not bury: a
/// torn last event or a partly recorded last command. `None` also when the
/// file does not parse for another reason, which validation reports.
pub fn tail_damage(text: &str) -> Option<Finding> {
    let torn = torn_tail(text);
    let end = torn.map_or(text.len(), |t| t.offset);
    let source = Source::new(Path::new(load::SIGNERS_FILE), text[..end].to_string());
    let file = super::read::parse_signers(&source).or_else(|| {
        let (file, problems) = <raw::SignersFile as load::FileKind>::parse(&source);
        problems.is_empty().then_some(file)
    });
    let Some(file) = file else {
        return torn.map(Finding::Torn);
    };
    findings(text, &file.signoff, torn).into_iter().find(|f| {
        matches!(
            f,
            Finding::Torn(_) | Finding::Partial(Partial { tail: true, .. })
        )
    })
}

mod fragment;
mod report;
#[cfg(test)]
mod tests;
