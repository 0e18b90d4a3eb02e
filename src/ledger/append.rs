//! Appending `[[signoff]]` events to `signers.toml`: the only code that
//! adds to the file. Three others write it whole: `init` creates it,
//! `roster import` replaces it ([`crate::roster::file::rewrite_locked`],
//! under this module's lock), and `merge-ledger` writes git's merge result
//! to the file git names.
//!
//! The roster above the ledger is hand-edited, so the file is never
//! re-serialized: new events are TOML text added after the last byte. One
//! call's events go out under an exclusive lock in a single write followed by
//! `sync_data`, so two coordinators appending at once lose nothing and a
//! reader sees all of a call's events or none of them (short of a crash,
//! which [`super::torn_tail`] then reports).
//!
//! `roster import` replaces the file (temporary file and rename) under the
//! same lock. A writer that opened the file before such a rename would get
//! the lock on the old, unlinked file and write its events nowhere, so after
//! locking it checks that its handle is still the file at the path.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use toml::value::Datetime;
use toml_writer::{ToTomlValue, TomlStringBuilder};

use super::seal::{self, Fields, Seal};

use crate::error::Error;
use crate::model::Status;

/// One event to record, before it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    /// The letter id.
    pub letter: String,
    /// The roster id.
    pub signer: String,
    /// What happened.
    pub status: Status,
    /// When it happened.
    pub at: DateTime<FixedOffset>,
    /// Who recorded it.
    pub by: Option<String>,
    /// The fingerprint of the text approved, on "signed".
    pub text: Option<String>,
    /// A free note.
    pub note: Option<String>,
}

/// The TOML text of events:
/// each a blank line, `[[signoff]]`, its seal (see [`super::seal`]) and its
/// keys in the order FORMAT.md shows them, optional ones left out when
/// unset, `at` to the second.
///
/// Strings are escaped by `toml_writer` (the toml crate's own writer) as
/// one-line basic strings: quotes, backslashes and newlines in a note come
/// out escaped, and every event stays one header plus one line per key, which
/// keeps a torn tail easy to find and to cut.
pub fn events_toml(events: &[NewEvent]) -> String {
    let times: Vec<String> = events.iter().map(|e| time(&e.at)).collect();
    let fields: Vec<Fields<'_>> = events.iter().zip(&times).map(fields).collect();
    let batch = seal::batch_id(&fields);
    let count = events.len();
    let mut out = String::new();
    for (i, (e, f)) in events.iter().zip(&fields).enumerate() {
        let index = i + 1;
        let sum = seal::checksum(&batch, index, count, f);
        let seal = Seal {
            batch: batch.clone(),
            index,
            count,
            keys: f.keys(),
            sum,
        };
        out.push_str("\n[[signoff]]\n");
        key(&mut out, "seal", Some(&seal.render()));
        key(&mut out, "letter", Some(&e.letter));
        key(&mut out, "signer", Some(&e.signer));
        key(&mut out, "status", Some(e.status.as_str()));
        // RFC 3339 with `Z` or `±hh:mm` is already a TOML offset date-time.
        out.push_str(&format!("at = {}\n", f.at));
        key(&mut out, "by", e.by.as_deref());
        key(&mut out, "text", e.text.as_deref());
        key(&mut out, "note", e.note.as_deref());
    }
    out
}

/// `at` to the second in RFC 3339, exactly as TOML prints it back once
/// parsed, so that the checksum written is the one `check` computes.
fn time(at: &DateTime<FixedOffset>) -> String {
    let rfc = at.to_rfc3339_opts(SecondsFormat::Secs, true);
    rfc.parse::<Datetime>().map_or(rfc, |d| d.to_string())
}

fn fields<'a>((e, at): (&'a NewEvent, &'a String)) -> Fields<'a> {
    Fields {
        letter: &e.letter,
        signer: &e.signer,
        status: e.status.as_str(),
        at,
        by: e.by.as_deref(),
        text: e.text.as_deref(),
        note: e.note.as_deref(),
    }
}

fn key(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(v) = value {
        let quoted = TomlStringBuilder::new(v).as_basic().to_toml_value();
        out.push_str(&format!("{name} = {quoted}\n"));
    }
}

/// Appends `events` to the ledger at `path`, all of them or none.
///
/// Under the lock it re-reads the file: a torn last event or a partly
/// recorded command (a crash during an earlier write) or an unresolved merge
/// conflict refuses the append, since text after it would bury the damage; a
/// file not ending in a newline gets one first. Lines end as the file's
/// first line does (CRLF or LF). A write or sync that fails cuts the file
/// back to its old length, so it is byte for byte as it was.
pub fn append(path: &Path, events: &[NewEvent]) -> Result<(), Error> {
    if events.is_empty() {
        return Ok(());
    }
    let mut file = open_locked(path)?;
    let text = read_all(&mut file, path)?;
    refuse_damage(&text)?;
    let old_len = file
        .metadata()
        .map_err(|e| Error::io("inspect", path, e))?
        .len();
    let crlf = text
        .split_once('\n')
        .is_some_and(|(l, _)| l.ends_with('\r'));
    let mut chunk = String::new();
    if !text.is_empty() && !text.ends_with('\n') {
        chunk.push('\n');
    }
    chunk.push_str(&events_toml(events));
    if crlf {
        // Values are one-line escaped strings: every `\n` is a line end.
        chunk = chunk.replace('\n', "\r\n");
    }
    // One write of the whole chunk: for a regular file opened for append this
    // is a single write(2) at the end, so no other writer's bytes interleave.
    let written = file
        .write_all(chunk.as_bytes())
        .map_err(|e| ("write", e))
        .and_then(|()| file.sync_data().map_err(|e| ("sync", e)));
    if let Err((verb, e)) = written {
        return Err(cut_back(&file, path, old_len, verb, e));
    }
    // The lock is released when `file` is closed.
    Ok(())
}

/// Refuses an append after a torn tail, a partly recorded command or an
/// unresolved merge conflict.
fn refuse_damage(text: &str) -> Result<(), Error> {
    if let Some(line) = super::torn::conflict_line(text) {
        return Err(Error::message(format!(
            "refusing to append to `signers.toml`: it holds an unresolved merge conflict at line {line}"
        )));
    }
    match super::batch::tail_damage(text) {
        Some(damage) => Err(damage.refusal().into()),
        None => Ok(()),
    }
}

/// Cuts a failed append back to `old_len` (still under the lock) and says
/// what happened: nothing recorded, or, if even that failed, where to look.
fn cut_back(file: &File, path: &Path, old_len: u64, verb: &str, e: io::Error) -> Error {
    let restored = file.set_len(old_len).and_then(|()| file.sync_data());
    let shown = crate::diag::display_path(path);
    match restored {
        Ok(()) => Error::message(format!(
            "could not {verb} `{shown}`: {e}; nothing was recorded and the file is as it was"
        )),
        Err(cut) => Error::message(format!(
            "could not {verb} `{shown}`: {e}; cutting it back to its old {old_len} bytes failed too ({cut}): run `signon check`"
        )),
    }
}

/// How many times a replaced file is reopened before giving up: each retry
/// means another `roster import` finished meanwhile, so a few suffice.
const REOPENS: usize = 8;

/// Opens `path` for appending and takes its exclusive lock, making sure the
/// locked handle is the file now at `path` and not one renamed away while
/// this process waited for the lock. Every writer of `signers.toml` (the
/// appender, `roster import`) takes this same lock.
pub(crate) fn open_locked(path: &Path) -> Result<File, Error> {
    for _ in 0..REOPENS {
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .open(path)
            .map_err(|e| Error::io("open", path, e))?;
        file.lock().map_err(|e| Error::io("lock", path, e))?;
        if is_current(&file, path).map_err(|e| Error::io("inspect", path, e))? {
            return Ok(file);
        }
        // Replaced meanwhile: this handle's lock guards nothing; drop it and
        // take the new file's.
    }
    Err(Error::message(format!(
        "`{}` was replaced {REOPENS} times while waiting for its lock; try again",
        path.display()
    )))
}

/// True when `file` is the file at `path`: same device and inode.
#[cfg(unix)]
fn is_current(file: &File, path: &Path) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let (held, named) = (file.metadata()?, fs::metadata(path)?);
    Ok(held.dev() == named.dev() && held.ino() == named.ino())
}

/// True when `file` is the file at `path`. Without inode numbers in stable
/// std, a replacement shows as a different length or modification time.
// FIXME: compare the volume serial number and file index on Windows once
// `windows_by_handle` is stable.
#[cfg(not(unix))]
fn is_current(file: &File, path: &Path) -> io::Result<bool> {
    let (held, named) = (file.metadata()?, fs::metadata(path)?);
    Ok(held.len() == named.len() && held.modified()? == named.modified()?)
}

fn read_all(file: &mut File, path: &Path) -> Result<String, Error> {
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|e| Error::io("read", path, e))?;
    // Invalid UTF-8 was already reported by validation; only the tail matters here.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests;
