//! Reading `signers.toml` fast: the hand-edited roster through the toml
//! crate, the machine-written ledger after it through a reader that knows
//! only the shape `signon` appends.
//!
//! Why: a season's ledger grows to tens of thousands of events, and the
//! toml crate parses a 3 MB file with spans in well over 50 ms, which every
//! `signon status` would pay. The ledger is regular — `[[signoff]]` headers
//! and `key = "string"` / `at = date-time` lines — so this reader takes it a
//! line at a time. It accepts only what it fully understands and returns
//! `None` for anything else (an unknown or repeated key, a literal string, an
//! inline table, a missing key, a roster table after the ledger), and then the
//! caller parses the whole file with the toml crate, which stays the judge of
//! every error and its message. Values keep the exact spans toml would give.

use std::io::Read;
use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml::value::Datetime;

use crate::diag::Source;

use crate::error::Error;
use crate::load::{self, Loaded, raw};

/// Loads `signers.toml` like [`load::load_file`] does, taking the fast path
/// when it can; otherwise the toml crate parses the same bytes.
pub fn load_signers(path: &Path) -> Result<Loaded<raw::SignersFile>, Error> {
    let bytes = read_locked(path).map_err(|e| Error::io("read", path, e))?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return Ok(load::load_bytes(path, e.into_bytes())),
    };
    let source = Source::new(path, text);
    if let Some(value) = parse_signers(&source) {
        return Ok(Loaded {
            source,
            value,
            problems: Vec::new(),
        });
    }
    Ok(Loaded::parse(source))
}

/// The bytes of `signers.toml`, read under its shared lock. Every writer
/// holds the exclusive lock for its one write, so a reader never sees an
/// append half done: unlocked, a `status` could catch an event whose write
/// crossed a page boundary, cut short, as the soak test did.
fn read_locked(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut file = std::fs::File::open(path)?;
    file.lock_shared()?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Parses `signers.toml`, or `None` when only the full parser may: when the
/// roster part has any problem or the ledger is not in signon's own shape.
pub fn parse_signers(source: &Source) -> Option<raw::SignersFile> {
    let text = &source.text;
    let split = first_header(text)?;
    let roster = Source::new(Path::new(&source.name), text[..split].to_string());
    let (mut file, problems) = <raw::SignersFile as load::FileKind>::parse(&roster);
    if !problems.is_empty() || !file.signoff.is_empty() {
        return None;
    }
    file.signoff = events(text, split)?;
    Some(file)
}

/// The offset of the first line that is a `[[signoff]]` header.
fn first_header(text: &str) -> Option<usize> {
    lines(text, 0)
        .find(|(_, line)| header(line))
        .map(|(at, _)| at)
}

/// The lines of `text` from `start` on, each with its offset and its `\n`.
/// memchr's vector scan: `str::split_inclusive` goes through the general
/// char searcher, which cost a sixth of `status` on a season's ledger.
fn lines(text: &str, start: usize) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut at = start;
    std::iter::from_fn(move || {
        let rest = bytes.get(at..).filter(|r| !r.is_empty())?;
        let len = memchr::memchr(b'\n', rest).map_or(rest.len(), |i| i + 1);
        let line = (at, &text[at..at + len]);
        at += len;
        Some(line)
    })
}

const HEADER: &str = "[[signoff]]";

/// From this many bytes of ledger on (a megabyte, some 8,000 events) it is
/// read in two halves on two threads: below, starting a thread costs more
/// than it saves.
const HALVES_FROM: usize = 1 << 20;

fn header(line: &str) -> bool {
    // Most lines are `key = value`: one byte rules them out.
    if !line.starts_with('[') {
        return false;
    }
    let rest = line.strip_prefix(HEADER);
    rest.is_some_and(|r| blank_or_comment(body(r)))
}

/// A line without its ending: one `\n` or `\r\n`, no more. TOML refuses a
/// carriage return not followed by a newline, so one left over (a file cut
/// between the two, or `\r\r\n`) must reach toml too; found by fuzzing.
fn body(line: &str) -> &str {
    line.strip_suffix('\n')
        .map_or(line, |l| l.strip_suffix('\r').unwrap_or(l))
}

/// True for "", spaces and tabs, or a comment holding no control characters.
fn blank_or_comment(s: &str) -> bool {
    let s = s.trim_start_matches([' ', '\t']);
    s.is_empty() || s.starts_with('#') && !s.chars().any(|c| c.is_control() && c != '\t')
}

/// An event under construction.
#[derive(Default)]
struct Partial {
    start: usize,
    seal: Option<Spanned<String>>,
    letter: Option<Spanned<String>>,
    signer: Option<Spanned<String>>,
    status: Option<Spanned<String>>,
    at: Option<Spanned<Datetime>>,
    by: Option<String>,
    text: Option<Spanned<String>>,
    note: Option<String>,
}

impl Partial {
    fn finish(self) -> Option<Spanned<raw::SignOff>> {
        let event = raw::SignOff {
            seal: self.seal,
            letter: self.letter?,
            signer: self.signer?,
            status: self.status?,
            at: self.at?,
            by: self.by,
            text: self.text,
            note: self.note,
        };
        // toml spans an array-of-tables element by its header alone.
        Some(Spanned::new(self.start..self.start + HEADER.len(), event))
    }

    /// Sets one key; `None` for a key that is unknown or already set.
    fn set(&mut self, key: &str, value: &str, span: Range<usize>) -> Option<()> {
        fn once<T>(slot: &mut Option<T>, v: T) -> Option<()> {
            slot.is_none().then(|| *slot = Some(v))
        }
        if key == "at" {
            let at = when::parse(value)?;
            return once(&mut self.at, Spanned::new(span, at));
        }
        let s = string(value)?;
        match key {
            "seal" => once(&mut self.seal, Spanned::new(span, s)),
            "letter" => once(&mut self.letter, Spanned::new(span, s)),
            "signer" => once(&mut self.signer, Spanned::new(span, s)),
            "status" => once(&mut self.status, Spanned::new(span, s)),
            "text" => once(&mut self.text, Spanned::new(span, s)),
            "by" => once(&mut self.by, s),
            "note" => once(&mut self.note, s),
            _ => None,
        }
    }
}

/// Every event from `start` on, or `None` at the first line not understood.
/// A season's ledger is read in two halves at once, split at a header: the
/// events are independent, and their spans are offsets into the whole file.
fn events(text: &str, start: usize) -> Option<Vec<Spanned<raw::SignOff>>> {
    let Some(mid) = middle_header(text, start) else {
        return events_in(text, start, headers(&text[start..]));
    };
    // The first half's vector has room for the second's, which joins it.
    let later = headers(&text[mid..]);
    let all = headers(&text[start..mid]) + later;
    let (second, first) = crate::parallel::join(
        true,
        || events_in(text, mid, later),
        || events_in(&text[..mid], start, all),
    );
    let mut out = first?;
    out.extend(second?);
    Some(out)
}

/// A header line near the middle of a ledger worth reading in halves.
fn middle_header(text: &str, start: usize) -> Option<usize> {
    if text.len() - start < HALVES_FROM {
        return None;
    }
    let half = start + (text.len() - start) / 2;
    let needle = b"\n[[signoff]]";
    let at = text.as_bytes()[half..]
        .windows(needle.len())
        .position(|w| w == needle)?;
    let line = half + at + 1;
    lines(text, line)
        .next()
        .filter(|(_, l)| header(l))
        .map(|(at, _)| at)
}

/// At least as many as the events in `text`, so that the vector of events
/// is sized once (growing it copied a season's events a dozen times over),
/// with room for the second half after the first. Every header holds two
/// `[`, and memchr counts them a vector at a time (a search for the whole
/// header cost twice the copies it spared).
fn headers(text: &str) -> usize {
    memchr::memchr_iter(b'[', text.as_bytes()).count() / 2
}

/// The events of `text` from `start` on, in a vector with room for
/// `capacity`; `text` ends at a line end.
fn events_in(text: &str, start: usize, capacity: usize) -> Option<Vec<Spanned<raw::SignOff>>> {
    let mut out = Vec::with_capacity(capacity);
    let mut current: Option<Partial> = None;
    for (at, line) in lines(text, start) {
        let body = body(line);
        if header(line) {
            if let Some(p) = current.take() {
                out.push(p.finish()?);
            }
            current = Some(Partial {
                start: at,
                ..Partial::default()
            });
        } else if !blank_or_comment(body) {
            let (key, value, span) = key_value(body, at)?;
            current.as_mut()?.set(key, value, span)?;
        }
    }
    out.push(current?.finish()?);
    Some(out)
}

/// `key = value  # comment` with a bare key; the value's text and span.
/// Byte scans throughout: every byte sought is ASCII, so every cut falls on
/// a char boundary.
fn key_value(line: &str, at: usize) -> Option<(&str, &str, Range<usize>)> {
    let eq = memchr::memchr(b'=', line.as_bytes())?;
    let key = line[..eq].trim_matches(|c| c == ' ' || c == '\t');
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let rest = &line[eq + 1..];
    let lead = rest
        .bytes()
        .take_while(|&b| b == b' ' || b == b'\t')
        .count();
    let rest = &rest[lead..];
    let len = if rest.starts_with('"') {
        closing_quote(rest)? + 1
    } else {
        let stop = |b: u8| b == b' ' || b == b'\t' || b == b'#';
        rest.bytes().position(stop).unwrap_or(rest.len())
    };
    if !blank_or_comment(&rest[len..]) {
        return None;
    }
    let value_at = at + line.len() - rest.len();
    Some((key, &rest[..len], value_at..value_at + len))
}

/// The index of the quote closing a basic string that starts at 0.
fn closing_quote(s: &str) -> Option<usize> {
    // Escapes are rare: up to the first quote or backslash, nothing to track.
    let from = 1 + memchr::memchr2(b'"', b'\\', &s.as_bytes()[1..])?;
    if s.as_bytes()[from] == b'"' {
        return Some(from);
    }
    let mut escaped = false;
    for (i, b) in s.bytes().enumerate().skip(from) {
        match (escaped, b) {
            (true, _) => escaped = false,
            (false, b'\\') => escaped = true,
            (false, b'"') => return Some(i),
            _ => {}
        }
    }
    None
}

/// A one-line basic string's value. With no escapes and no control
/// characters it is the text between the quotes; otherwise toml decodes it.
fn string(quoted: &str) -> Option<String> {
    let inner = quoted.strip_prefix('"')?.strip_suffix('"')?;
    // The characters TOML forbids raw in a basic string are all ASCII.
    let plain = |b: u8| b != b'\\' && (b >= 0x20 || b == b'\t') && b != 0x7f;
    // A fold without an early exit: the compiler vectorizes it.
    if inner.bytes().fold(true, |all, b| all & plain(b)) {
        return Some(inner.to_string());
    }
    match quoted.parse::<toml::Value>().ok()? {
        toml::Value::String(s) => Some(s),
        _ => None,
    }
}

mod when;

#[cfg(test)]
mod tests;
