//! Validates the `[[signoff]]` ledger of `signers.toml`: every event
//! checked against the roster and the letters, and a torn last event
//! told apart from a broken file.

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use rustc_hash::{FxHashMap, FxHashSet};
use toml::Spanned;
use toml::value::Datetime;

use super::formerly::{History, Unknown, unknown_signer_once};
use super::text;
use crate::diag::{Diagnostic, Source};
use crate::load::raw;
use crate::model::{Roster, SignOff, SignerId, Status};

mod controls;

/// When `signers.toml` fails to parse only because its last event is torn:
/// the file up to that event, and where the torn event starts.
pub(super) fn recover_torn(src: &Arc<Source>) -> Option<(raw::SignersFile, crate::ledger::Torn)> {
    let torn = crate::ledger::torn_tail(&src.text)?;
    let prefix = Source::new(
        std::path::Path::new(&src.name),
        src.text[..torn.offset].to_string(),
    );
    let (file, problems) = <raw::SignersFile as crate::load::FileKind>::parse(&prefix);
    if !problems.is_empty() {
        return None;
    }
    Some((file, torn))
}

/// Checks every `[[signoff]]` event and returns the valid ones, in file order.
/// The events are taken by value: their strings move into the model rather
/// than being copied, which matters for a ledger of tens of thousands.
///
/// An event under a letter's earlier id (its `formerly`) counts for the
/// letter as it is now; events under an id no letter has are reported once
/// per id, with their count.
pub(super) fn ledger(
    src: &Arc<Source>,
    events: Vec<Spanned<raw::SignOff>>,
    roster: &Roster,
    letter_ids: &[String],
    history: &History,
    diags: &mut Vec<Diagnostic>,
) -> Vec<SignOff> {
    let known = Known {
        signers: roster.signers.iter().map(|s| s.id.0.as_str()).collect(),
        letters: letter_ids.iter().map(String::as_str).collect(),
        history,
        text: &src.text,
        seen: Cell::new((0, 1)),
        strangers: RefCell::default(),
    };
    let mut unknown = Unknown::default();
    let valid: Vec<SignOff> = events
        .into_iter()
        .filter_map(|ev| event(src, ev, &known, &mut unknown, diags))
        .collect();
    // Each at its first event's place among the others: file order.
    let mut once = unknown.diagnostics(src, &Known::sorted(&known.letters));
    let ids = Known::sorted(&known.signers);
    let named: FxHashSet<&str> = valid
        .iter()
        .map(|e: &SignOff| e.signer.0.as_str())
        .collect();
    let strangers = known.strangers.take().into_iter();
    once.extend(
        strangers.map(|(id, (at, span, n))| {
            (at, unknown_signer_once(src, (&id, span, n), &ids, &named))
        }),
    );
    once.sort_by_key(|(at, d)| (*at, d.span.as_ref().map(|s| s.start)));
    for (at, d) in once.into_iter().rev() {
        diags.insert(at, d);
    }
    valid
}

/// What events are checked against, indexed once (FxHash: 40,000 lookups of
/// our own ids, where SipHash showed in profiles): a ledger of 20,000 events
/// would otherwise rescan the roster and the letters once per event.
struct Known<'a> {
    signers: FxHashSet<&'a str>,
    letters: FxHashSet<&'a str>,
    /// The letters' earlier ids.
    history: &'a History,
    text: &'a str,
    /// The last offset asked for by [`Known::line`] and its line.
    seen: Cell<(usize, usize)>,
    /// Each unknown signer id: where its error goes in the list, the span
    /// of its first event's id, and how many events name it.
    strangers: RefCell<FxHashMap<String, Stranger>>,
}

/// An unknown signer id: where its error goes in the list, the span of its
/// first event's id, and how many events name it.
type Stranger = (usize, Range<usize>, usize);

impl Known<'_> {
    /// The 1-based line of a byte offset. Events come in file order, so
    /// lines are counted on from the previous event rather than indexed up
    /// front: no table of 200,000 line starts is built. memchr counts a
    /// vector at a time (a byte-wise count was a twentieth of `status` on a
    /// season's ledger). An offset behind the last one counts from the top.
    fn line(&self, offset: usize) -> usize {
        let (from, line) = match self.seen.get() {
            (at, line) if at <= offset => (at, line),
            _ => (0, 1),
        };
        let skipped = &self.text.as_bytes()[from..offset];
        let line = line + memchr::memchr_iter(b'\n', skipped).count();
        self.seen.set((offset, line));
        line
    }

    /// Which letter an event naming `id` counts for: `Some(None)` the
    /// letter of that id, `Some(Some(now))` the letter `id` was renamed to,
    /// `None` no letter.
    fn owner(&self, id: &str) -> Option<Option<&str>> {
        if self.letters.contains(id) {
            return Some(None);
        }
        self.history.owner(id).map(Some)
    }

    fn sorted<'s>(set: &FxHashSet<&'s str>) -> Vec<&'s str> {
        let mut all: Vec<&str> = set.iter().copied().collect();
        all.sort_unstable();
        all
    }
}

fn event(
    src: &Arc<Source>,
    ev: Spanned<raw::SignOff>,
    known: &Known<'_>,
    unknown: &mut Unknown,
    diags: &mut Vec<Diagnostic>,
) -> Option<SignOff> {
    let line = known.line(ev.span().start);
    let header = ev.span();
    let e = ev.into_inner();
    controls::check(src, &e, header, diags);
    // Every problem of the event is reported before any is acted on.
    let owner = known.owner(e.letter.get_ref());
    if owner.is_none() {
        unknown.add(&e.letter, diags.len());
    }
    let signer = known_signer(&e, known, &*diags);
    let status = status(src, &e.status, diags);
    let at = at(src, &e.at, diags);
    let (status, at, owner) = (status?, at?, owner?);
    let written = e.letter.into_inner();
    let (letter, formerly) = match owner {
        Some(now) => (now.to_string(), Some(written)),
        None => (written, None),
    };
    signer.then_some(SignOff {
        letter,
        formerly,
        signer: SignerId(e.signer.into_inner()),
        status,
        at,
        by: e.by,
        text: e.text.map(Spanned::into_inner),
        note: e.note,
        line,
    })
}

/// Whether the event's signer exists; one that does not is reported with
/// the nearest known id.
fn known_signer(e: &raw::SignOff, known: &Known<'_>, diags: &[Diagnostic]) -> bool {
    let signer_known = known.signers.contains(e.signer.get_ref().as_str());
    if !signer_known {
        // Said once per id (a roster typo would otherwise give one error
        // per event), at the first event.
        let mut strangers = known.strangers.borrow_mut();
        let entry = strangers.entry(e.signer.get_ref().clone());
        entry.or_insert((diags.len(), e.signer.span(), 0)).2 += 1;
    }
    signer_known
}

/// The event's status, or a diagnostic naming the five there are.
fn status(src: &Arc<Source>, s: &Spanned<String>, diags: &mut Vec<Diagnostic>) -> Option<Status> {
    let status = Status::parse(s.get_ref());
    if status.is_none() {
        let names = Status::ALL.map(Status::as_str);
        diags.push(
            Diagnostic::error(src, s.span(), format!("unknown status `{}`", s.get_ref()))
                .with_label("expected `invited`, `signed`, `declined`, `withdrawn` or `void`")
                .with_suggestion(s.get_ref(), names),
        );
    }
    status
}

/// The event's time, which must carry a date, a time and an offset.
fn at(
    src: &Arc<Source>,
    at: &Spanned<Datetime>,
    diags: &mut Vec<Diagnostic>,
) -> Option<DateTime<FixedOffset>> {
    let parsed = text::offset_datetime(at.get_ref());
    if parsed.is_none() {
        diags.push(
            Diagnostic::error(src, at.span(), "`at` needs a date, a time and an offset")
                .with_hint("write it like `2025-02-03T10:12:00-05:00`"),
        );
    }
    parsed
}

/// "unknown signer `x`" at the id, with a "did you mean" hint.
pub(super) fn unknown_signer(
    src: &Arc<Source>,
    id: &Spanned<String>,
    known: &[&str],
) -> Diagnostic {
    let wrong = id.get_ref();
    Diagnostic::error(src, id.span(), format!("unknown signer `{wrong}`"))
        .with_label("not in signers.toml")
        .with_suggestion(wrong, known.iter().copied())
}

/// An error at the `at` of every event more than a day after `now`: such an
/// event would outrank every real answer recorded before that day comes.
pub(super) fn future_events(
    src: &Arc<Source>,
    ledger: &[SignOff],
    now: DateTime<FixedOffset>,
) -> Vec<Diagnostic> {
    let limit = now + crate::ledger::rules::FUTURE_LIMIT;
    let mut lines = LineStarts::new(&src.text);
    ledger
        .iter()
        .filter(|e| e.at > limit)
        .map(|e| {
            let span = at_span(&src.text, lines.offset(e.line));
            let at = crate::ledger::rules::show(e.at);
            let today = crate::ledger::rules::show(now);
            Diagnostic::error(src, span, format!("event at `{at}` is in the future"))
                .with_label(format!("more than a day after now ({today})"))
                .with_hint(
                    "an event counts by when it happened; correct `at` to when it was recorded",
                )
        })
        .collect()
}

/// The byte offsets of 1-based lines, found walking forward: the events
/// come in file order.
///
/// Not [`Source`]'s line index, though that one answers the same question:
/// it is built over the whole file the first time it is asked, and the
/// warnings placed with this walk (a signature from the other chamber) are
/// made on every load, `status`'s too, which does not print warnings. Asking
/// the index would build it for nothing: one pass over a season's ledger
/// and a table of 200,000 line starts, where this walk goes only as far as
/// the last event it places and allocates nothing.
pub(super) struct LineStarts<'a> {
    text: &'a str,
    at: (usize, usize),
}

impl<'a> LineStarts<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        LineStarts { text, at: (0, 1) }
    }

    pub(super) fn offset(&mut self, line: usize) -> usize {
        let (mut offset, mut n) = if self.at.1 <= line { self.at } else { (0, 1) };
        while n < line {
            match self.text[offset..].find('\n') {
                Some(i) => (offset, n) = (offset + i + 1, n + 1),
                None => break,
            }
        }
        self.at = (offset, n);
        offset
    }
}

/// The span of the `at = …` value in the event whose header starts at
/// `header`, or of the header line when there is no such line (an inline
/// table written by hand).
fn at_span(text: &str, header: usize) -> std::ops::Range<usize> {
    value_span(text, header, "at")
}

/// The span of the `key = …` value in the event whose header starts at
/// `header`, or of the header line when there is no such line.
pub(super) fn value_span(text: &str, header: usize, key: &str) -> std::ops::Range<usize> {
    let mut offset = header;
    for (i, line) in text[header..].split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let body = line.trim_start();
        if i > 0 && body.starts_with('[') {
            break;
        }
        let Some(rest) = body.strip_prefix(key) else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let from = start + line.len() - value.len();
        let len = value.split('#').next().unwrap_or("").trim_end().len();
        return from..from + len.max(1);
    }
    let first = text[header..].find('\n').map_or(text.len(), |i| header + i);
    header..first
}
