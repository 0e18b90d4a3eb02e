//! The one atomic, safe writer for every output file: rendered letters,
//! press releases, signer lists and the status page.
//!
//! An output path comes from the command line, so it may name anything. Before
//! a byte is made, [`Guard::check`] refuses a path that is one of the
//! workspace's inputs (`signers.toml`, a letter — followed through symbolic
//! links, `..` and hard links), a folder, or anything but a regular file or a
//! new path: a device, a FIFO or a socket is never opened, not even to compare
//! its bytes, so `--pdf /dev/null` run as root cannot replace the device and a
//! FIFO cannot hang the command. A missing folder is an error naming it; only
//! the workspace's own `out/` is made when missing.
//!
//! [`write`] then writes through a temporary file in the target folder and a
//! rename, so a failed write never leaves a half-written file behind.

use std::fs::{self, Metadata};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::diag::display_path;
use crate::error::Error;

/// `-` as an output path: standard output.
pub const STDOUT: &str = "-";

/// Whether an output path means standard output.
pub fn is_stdout(path: &Path) -> bool {
    path == Path::new(STDOUT)
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

/// The files an output must never replace, and the one folder that may be
/// made when missing.
#[derive(Debug, Default)]
pub struct Guard {
    /// The inputs as canonical paths.
    inputs: Vec<PathBuf>,
    /// The inputs' file identities (device, inode): a hard link to an input
    /// has another path but is the same file.
    ids: Vec<(u64, u64)>,
    /// Folders whose `*.toml` files are inputs (a new one would be read as a
    /// letter), canonical.
    input_dirs: Vec<PathBuf>,
    /// The default output folder (`out/`), made when missing.
    default_dir: Option<PathBuf>,
}

impl Guard {
    /// A guard over `inputs` (files) and `input_dirs` (folders of `*.toml`
    /// inputs), with `default_dir` the one folder that may be created.
    pub fn new(inputs: &[PathBuf], input_dirs: &[PathBuf], default_dir: Option<&Path>) -> Guard {
        Guard {
            inputs: inputs
                .iter()
                .filter_map(|p| fs::canonicalize(p).ok())
                .collect(),
            ids: inputs
                .iter()
                .filter_map(|p| fs::metadata(p).ok().and_then(|m| identity(&m)))
                .collect(),
            input_dirs: input_dirs
                .iter()
                .filter_map(|p| fs::canonicalize(p).ok())
                .collect(),
            default_dir: default_dir.map(Path::to_path_buf),
        }
    }

    /// Refuses `path` as an output unless it is a regular file that is no
    /// input, or a new path in an existing folder (or in the default one).
    /// Nothing is opened: only the file system's metadata is read.
    pub fn check(&self, path: &Path) -> Result<(), Error> {
        let shown = display_path(path);
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => return Err(refused(&shown, "it is a folder")),
            Ok(meta) if !meta.is_file() => {
                return Err(refused(&shown, &format!("it is {}", kind(&meta))));
            }
            Ok(meta) if identity(&meta).is_some_and(|id| self.ids.contains(&id)) => {
                return Err(self.input(&shown));
            }
            Ok(_) => {}
            Err(_) => self.folder(path)?,
        }
        match canonical(path) {
            Some(c) if self.inputs.contains(&c) || self.in_input_dir(&c) => Err(self.input(&shown)),
            _ => Ok(()),
        }
    }

    /// A new file's folder must exist; only the default one is made.
    fn folder(&self, path: &Path) -> Result<(), Error> {
        let dir = parent(path);
        match fs::metadata(dir) {
            Ok(meta) if meta.is_dir() => Ok(()),
            Ok(_) => Err(refused(
                &display_path(path),
                &format!("`{}` is not a folder", display_path(dir)),
            )),
            Err(_) if self.default_dir.as_deref() == Some(dir) => Ok(()),
            Err(_) => Err(Error::hinted(
                format!(
                    "folder `{}` does not exist: wrote nothing",
                    display_path(dir)
                ),
                "create it first, or name a file in an existing folder",
            )),
        }
    }

    fn in_input_dir(&self, canonical: &Path) -> bool {
        canonical.extension().is_some_and(|x| x == "toml")
            && canonical
                .parent()
                .is_some_and(|d| self.input_dirs.iter().any(|i| i == d))
    }

    fn input(&self, shown: &str) -> Error {
        refused(
            shown,
            "it is an input of the workspace (the roster and ledger, or a letter)",
        )
    }
}

fn refused(shown: &str, why: &str) -> Error {
    Error::hinted(
        format!("refused to write `{shown}`: {why}: wrote nothing"),
        "name a new file or a regular file that is not an input",
    )
}

/// What a path that is not a regular file or a folder is, in words.
fn kind(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        } else if t.is_fifo() {
            return "a named pipe (FIFO)";
        } else if t.is_socket() {
            return "a socket";
        }
    }
    let _ = meta;
    "not a regular file"
}

#[cfg(unix)]
fn identity(meta: &Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_meta: &Metadata) -> Option<(u64, u64)> {
    None
}

/// The folder a file goes in (`.` for a bare name).
fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// The path with symbolic links and `..` resolved: the file's own when it
/// exists, else its folder's joined with its name.
fn canonical(path: &Path) -> Option<PathBuf> {
    fs::canonicalize(path)
        .ok()
        .or_else(|| Some(fs::canonicalize(parent(path)).ok()?.join(path.file_name()?)))
}

/// Writes `bytes` to `path` once `guard` allows it: a temporary file in the
/// same folder, then renamed over the target, so no reader ever sees half a
/// file and a failed write leaves the old one in place. Only the guard's
/// default folder is created when missing.
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
pub fn write(path: &Path, bytes: &[u8], guard: &Guard) -> Result<Written, Error> {
    guard.check(path)?;
    if holds(path, bytes) {
        return Ok(Written::Unchanged);
    }
    let dir = parent(path);
    if guard.default_dir.as_deref() == Some(dir) {
        fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
    }
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io("create", dir, e))?;
    tmp.write_all(bytes)
        .map_err(|e| Error::io("write", path, e))?;
    // A NamedTempFile is created 0600; a letter is an ordinary document.
    set_readable(tmp.as_file());
    tmp.persist(path)
        .map_err(|e| Error::io("write", path, e.error))?;
    Ok(Written::New)
}

/// Whether `path` is a regular file holding exactly `bytes`. Its metadata is
/// read first: a file of another size, or anything but a regular file, is
/// never opened.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    let same_size = fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
    if !same_size {
        return false;
    }
    let Ok(mut file) = fs::File::open(path) else {
        return false;
    };
    let mut old = Vec::with_capacity(bytes.len());
    file.read_to_end(&mut old).is_ok() && old == bytes
}

#[cfg(unix)]
fn set_readable(file: &fs::File) {
    use std::os::unix::fs::PermissionsExt;
    // Best effort: a letter that stays private is still a letter.
    let _ = file.set_permissions(fs::Permissions::from_mode(0o644));
}

#[cfg(not(unix))]
fn set_readable(_file: &fs::File) {}
