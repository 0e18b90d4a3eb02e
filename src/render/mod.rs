//! Stage 5, render: the [`Composed`](crate::compose::Composed) letter as
//! bytes of an output format, and the one safe way to put them on disk.
//!
//! Renderers only format: they never read files or re-validate. [`write`]
//! writes through a temporary file in the target folder and a rename, so a
//! failed render never leaves a half-written letter behind.

pub mod html;
pub mod pdf;

use std::io::{Read, Write};
use std::path::Path;

use crate::error::Error;

/// The paper a letter is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// US Letter, 8.5 × 11 in: what Congress prints on.
    #[default]
    Letter,
    /// ISO A4, 210 × 297 mm.
    A4,
}

impl Paper {
    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f64, f64) {
        match self {
            Paper::Letter => (215.9, 279.4),
            Paper::A4 => (210.0, 297.0),
        }
    }

    /// The CSS `@page { size }` keyword.
    pub fn css(self) -> &'static str {
        match self {
            Paper::Letter => "letter",
            Paper::A4 => "A4",
        }
    }
}

impl From<crate::cli::Paper> for Paper {
    fn from(p: crate::cli::Paper) -> Self {
        match p {
            crate::cli::Paper::Letter => Paper::Letter,
            crate::cli::Paper::A4 => Paper::A4,
        }
    }
}

/// What [`write`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The file was made or replaced.
    New,
    /// The file already held these exact bytes and was left alone.
    Unchanged,
}

impl Written {
    /// The word a command prints before the path.
    pub fn verb(self) -> &'static str {
        match self {
            Written::New => "wrote",
            Written::Unchanged => "unchanged",
        }
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder
/// (created if needed), then renamed over the target, so no reader ever sees
/// half a file and a failed write leaves the old one in place.
///
/// A file that already holds exactly `bytes` is left alone. Output is
/// deterministic, so re-rendering an unchanged letter is common: its file
/// keeps its time (sync tools and print queues see nothing new), and the
/// rename is skipped, which on ext4 evicted the old inode and flushed the
/// new one, a twentieth of a render.
///
/// Not synced, unlike the ledger: an output is remade from the workspace by
/// the same command, and the two `fdatasync` calls of a render were a tenth
/// of its time. (ext4 and XFS flush a file's data before a rename that
/// replaces another commits, so a crash leaves the old output or the new.)
pub fn write(path: &Path, bytes: &[u8]) -> Result<Written, Error> {
    if holds(path, bytes) {
        return Ok(Written::Unchanged);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io("create", dir, e))?;
    tmp.write_all(bytes)
        .map_err(|e| Error::io("write", path, e))?;
    // A NamedTempFile is created 0600; a letter is an ordinary document.
    set_readable(tmp.as_file());
    tmp.persist(path)
        .map_err(|e| Error::io("write", path, e.error))?;
    Ok(Written::New)
}

/// Whether `path` is a regular file holding exactly `bytes`.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let same_size = file
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
    if !same_size {
        return false;
    }
    let mut old = Vec::with_capacity(bytes.len());
    file.read_to_end(&mut old).is_ok() && old == bytes
}

#[cfg(unix)]
fn set_readable(file: &std::fs::File) {
    use std::os::unix::fs::PermissionsExt;
    // Best effort: a letter that stays private is still a letter.
    let _ = file.set_permissions(std::fs::Permissions::from_mode(0o644));
}

#[cfg(not(unix))]
fn set_readable(_file: &std::fs::File) {}
