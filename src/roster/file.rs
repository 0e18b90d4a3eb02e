//! Where the roster ends in `signers.toml`, and rewriting the file safely.
//!
//! The file is the hand-kept roster, then the ledger that `signon` appends
//! to. A roster edit touches only the text before the ledger; the ledger is
//! carried over as bytes, never parsed and re-printed.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::Path;

use crate::error::Error;

/// The comment line that opens the ledger in every workspace `signon init`
/// writes and in FORMAT.md's example.
const LEDGER_MARKER: &str = "# ---- ledger";

/// The byte offset where the roster part of `signers.toml` ends: at the
/// ledger marker comment when there is one before the first `[[signoff]]`,
/// else at the comments and blank lines just above the first `[[signoff]]`
/// header (they introduce the ledger), else at the end of the file.
pub fn roster_end(text: &str) -> usize {
    let mut offset = 0;
    let mut block_start: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with(LEDGER_MARKER) {
            return offset;
        }
        if is_signoff_header(trimmed) {
            return block_start.unwrap_or(offset);
        }
        let filler = trimmed.is_empty() || trimmed.starts_with('#');
        block_start = match (filler, block_start) {
            (true, None) => Some(offset),
            (true, kept) => kept,
            (false, _) => None,
        };
        offset += line.len();
    }
    text.len()
}

/// `[[signoff]]`, spaces allowed inside the brackets as TOML allows them.
pub(crate) fn is_signoff_header(line: &str) -> bool {
    line.strip_prefix("[[")
        .map(str::trim_start)
        .and_then(|rest| rest.strip_prefix("signoff"))
        .map(str::trim_start)
        .is_some_and(|rest| rest.starts_with("]]"))
}

/// Rewrites `path` under an exclusive lock on the file itself, the lock the
/// ledger's appender takes: `edit` gets the text read under the lock and
/// returns the new text, or `None` to leave the file untouched. The new
/// text goes to a temporary file in the same folder, synced, then renamed
/// over the old one, so a reader sees the old file or the new, never half.
pub fn rewrite_locked(
    path: &Path,
    edit: impl FnOnce(&str) -> Result<Option<String>, Error>,
) -> Result<(), Error> {
    // The appender's own locking: it also follows a file that another
    // import renamed into place while this one waited for the lock.
    let mut file = crate::ledger::open_locked(path)?;
    let mut text = String::new();
    file.read_to_string(&mut text)
        .map_err(|e| Error::io("read", path, e))?;
    let Some(new) = edit(&text)? else {
        return Ok(());
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io("create", dir, e))?;
    let write = |tmp: &mut tempfile::NamedTempFile| -> std::io::Result<()> {
        tmp.write_all(new.as_bytes())?;
        let perms = file.metadata()?.permissions();
        fs::set_permissions(tmp.path(), perms)?;
        tmp.as_file().sync_all()
    };
    write(&mut tmp).map_err(|e| Error::io("write", tmp.path(), e))?;
    tmp.persist(path)
        .map_err(|e| Error::io("replace", path, e.error))?;
    // The lock goes with the old file, which is unlinked now; keep it held
    // until the new file is in place.
    drop::<File>(file);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roster_ends_at_the_marker() {
        let text = "[signers.a]\nname = \"A\"\n\n# ---- ledger: x\n[[signoff]]\nletter = \"l\"\n";
        assert_eq!(
            &text[roster_end(text)..],
            "# ---- ledger: x\n[[signoff]]\nletter = \"l\"\n"
        );
    }

    #[test]
    fn without_a_marker_the_comments_above_the_first_event_go_with_the_ledger() {
        let text = "[signers.a]\nname = \"A\"\n\n# events\n[[ signoff ]]\nletter = \"l\"\n";
        assert_eq!(
            &text[roster_end(text)..],
            "\n# events\n[[ signoff ]]\nletter = \"l\"\n"
        );
    }

    #[test]
    fn without_a_ledger_the_roster_is_the_whole_file() {
        let text = "# only comments\n";
        assert_eq!(roster_end(text), text.len());
    }
}
