//! Approved texts kept: `sign` stores the canonical text it fingerprinted
//! under `approved/` in the workspace, named by its fingerprint
//! (`approved/<64 hex digits>.txt`), so that `signon diff` and `status` can
//! later say what changed since a signer approved it.
//!
//! A file is content-addressed: it is written once, atomically, and never
//! changes; the same text signed by a hundred offices is one file. It is
//! meant to be committed with the workspace, so `check` verifies that every
//! kept text still hashes to its name.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// The folder of kept texts, inside the workspace.
pub const DIR: &str = "approved";

/// The file that keeps the text of `fingerprint`, or `None` when the
/// fingerprint is not `sha256:` and 64 lowercase hex digits (a ledger value
/// never becomes a path unless it is exactly that).
pub fn path(root: &Path, fingerprint: &str) -> Option<PathBuf> {
    let hex = fingerprint.strip_prefix("sha256:")?;
    is_hex64(hex).then(|| root.join(DIR).join(format!("{hex}.txt")))
}

fn is_hex64(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Keeps `canonical` (a text from [`super::canonical`]) under its
/// fingerprint, which it returns. A file already holding it is left alone;
/// otherwise the text goes to a temporary file, synced, then renamed into
/// place, so a kept text is whole or absent, never half written.
pub fn keep(root: &Path, canonical: &str) -> Result<String, Error> {
    if let Some(why) = outside(root) {
        return Err(Error::hinted(format!("{why}: recorded nothing"), LINK_HELP));
    }
    let fingerprint = super::digest(canonical);
    let path = path(root, &fingerprint).expect("a digest is sha256 and 64 hex digits");
    if matches!(read(root, &fingerprint), Kept::Text(_)) {
        return Ok(fingerprint);
    }
    let dir = root.join(DIR);
    std::fs::create_dir_all(&dir).map_err(|e| Error::io("create", &dir, e))?;
    let mut tmp =
        tempfile::NamedTempFile::new_in(&dir).map_err(|e| Error::io("create", &dir, e))?;
    tmp.write_all(canonical.as_bytes())
        .and_then(|()| tmp.as_file().sync_data())
        .map_err(|e| Error::io("write", &path, e))?;
    readable(tmp.as_file());
    tmp.persist(&path)
        .map_err(|e| Error::io("write", &path, e.error))?;
    Ok(fingerprint)
}

/// How to mend an `approved/` that [`outside`] refuses.
pub const LINK_HELP: &str = "replace the link with a folder `approved/` in the workspace";

/// Why `approved/` is no place to keep texts, if it is not: a symbolic link
/// (or a folder whose real path is outside the workspace) would put the
/// signed texts wherever it points, out of the workspace's history.
pub fn outside(root: &Path) -> Option<String> {
    let dir = root.join(DIR);
    let meta = std::fs::symlink_metadata(&dir).ok()?;
    let inside = match (std::fs::canonicalize(root), std::fs::canonicalize(&dir)) {
        (Ok(root), Ok(real)) => real.starts_with(root),
        _ => true,
    };
    (meta.file_type().is_symlink() || !inside).then(|| {
        format!("`{DIR}` is a symbolic link: signon keeps approved texts only inside the workspace")
    })
}

#[cfg(unix)]
fn readable(file: &std::fs::File) {
    use std::os::unix::fs::PermissionsExt;
    // Best effort: a NamedTempFile is 0600, a kept text is a plain document.
    let _ = file.set_permissions(std::fs::Permissions::from_mode(0o644));
}

#[cfg(not(unix))]
fn readable(_file: &std::fs::File) {}

/// What the workspace keeps under a fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// The approved text, verified against its name.
    Text(String),
    /// No file: signed by hand, or before texts were kept.
    Missing,
    /// A file whose content no longer hashes to its name (edited by hand).
    Altered,
}

/// The kept text of `fingerprint`, verified.
pub fn read(root: &Path, fingerprint: &str) -> Kept {
    let Some(path) = path(root, fingerprint) else {
        return Kept::Missing;
    };
    match std::fs::read(&path) {
        Err(_) => Kept::Missing,
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) if super::digest(&text) == fingerprint => Kept::Text(text),
            _ => Kept::Altered,
        },
    }
}

/// Every file of `approved/` named like a kept text whose content no longer
/// hashes to its name, with the content read (lossily, for the diagnostic),
/// in name order. No folder: nothing kept yet, nothing wrong.
pub fn altered(root: &Path) -> Result<Vec<(PathBuf, String)>, Error> {
    let dir = root.join(DIR);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("read", &dir, e)),
    };
    let mut bad = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io("read", &dir, e))?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let Some(hex) = name.strip_suffix(".txt").filter(|h| is_hex64(h)) else {
            continue;
        };
        if read(root, &format!("sha256:{hex}")) == Kept::Altered {
            let bytes = std::fs::read(&path).map_err(|e| Error::io("read", &path, e))?;
            bad.push((path, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    bad.sort();
    Ok(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_that_is_not_hex_never_becomes_a_path() {
        let root = Path::new("/ws");
        assert_eq!(path(root, "sha256:../../etc/passwd"), None);
        assert_eq!(path(root, &format!("sha256:{}", "A".repeat(64))), None);
        let good = format!("sha256:{}", "ab".repeat(32));
        assert!(
            path(root, &good)
                .unwrap()
                .ends_with(format!("approved/{}.txt", "ab".repeat(32)))
        );
    }

    #[test]
    fn kept_once_and_read_back_verified() {
        let dir = tempfile::tempdir().unwrap();
        let fp = keep(dir.path(), "signon-fingerprint-v1\nsalutation: Dear\n").unwrap();
        let file = path(dir.path(), &fp).unwrap();
        let before = std::fs::metadata(&file).unwrap().modified().unwrap();
        assert_eq!(
            keep(dir.path(), "signon-fingerprint-v1\nsalutation: Dear\n").unwrap(),
            fp
        );
        assert_eq!(
            std::fs::metadata(&file).unwrap().modified().unwrap(),
            before
        );
        assert!(matches!(read(dir.path(), &fp), Kept::Text(t) if t.ends_with("Dear\n")));
        std::fs::write(&file, "edited").unwrap();
        assert_eq!(read(dir.path(), &fp), Kept::Altered);
        assert_eq!(altered(dir.path()).unwrap().len(), 1);
    }
}
