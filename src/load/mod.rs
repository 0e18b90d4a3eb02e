//! Stage 1, load: find the workspace, read its files, and parse the TOML into
//! the raw serde types of [`raw`], keeping each file's text for diagnostics.
//! `signers.toml` is parsed into the same raw types, but read by
//! [`crate::ledger::read`] under the ledger's lock (see the crate docs).
//!
//! A file that does not parse yields a [`Diagnostic`] at the parser's span
//! instead of a raw value; the other files still load, so one `check` run
//! reports the problems of every file.

pub mod image;
mod parts;
pub(crate) mod problems;
pub mod raw;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, Source};
use crate::error::Error;

/// The roster file's name, which also marks a workspace's root.
pub const SIGNERS_FILE: &str = "signers.toml";
/// The folder of letters.
pub const LETTERS_DIR: &str = "letters";

/// A workspace: the folder holding `signers.toml` and `letters/`.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The root folder.
    pub root: PathBuf,
}

impl Workspace {
    /// `--root DIR` if given, else the nearest folder from `cwd` upwards
    /// holding `signers.toml`, as cargo finds `Cargo.toml`.
    pub fn discover(root: Option<&Path>, cwd: &Path) -> Result<Workspace, Error> {
        if let Some(root) = root {
            let root = cwd.join(root);
            if !root.join(SIGNERS_FILE).is_file() {
                return Err(Error::message(format!(
                    "no `{SIGNERS_FILE}` in `{}`",
                    crate::diag::display_path(&root)
                )));
            }
            return Ok(Workspace { root });
        }
        cwd.ancestors()
            .find(|dir| dir.join(SIGNERS_FILE).is_file())
            .map(|dir| Workspace {
                root: dir.to_path_buf(),
            })
            .ok_or_else(|| {
                Error::message(format!(
                    "no `{SIGNERS_FILE}` in this folder or any parent: run `signon init` to start a workspace, or pass `--root DIR`"
                ))
            })
    }

    /// `signers.toml`.
    pub fn signers_path(&self) -> PathBuf {
        self.root.join(SIGNERS_FILE)
    }

    /// `letters/`.
    pub fn letters_dir(&self) -> PathBuf {
        self.root.join(LETTERS_DIR)
    }

    /// `out/`.
    pub fn out_dir(&self) -> PathBuf {
        self.root.join("out")
    }

    /// Every `letters/*.toml`, sorted by id.
    pub fn letter_paths(&self) -> Result<Vec<PathBuf>, Error> {
        let dir = self.letters_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io("read", dir, e)),
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
            .collect();
        paths.sort();
        Ok(paths)
    }

    /// The ids of every letter in `letters/`.
    pub fn letter_ids(&self) -> Result<Vec<String>, Error> {
        Ok(self.letter_paths()?.iter().map(|p| letter_id(p)).collect())
    }

    /// A letter named on the command line by id (`2025-02-06-rubio`) or by
    /// path (`letters/2025-02-06-rubio.toml`).
    pub fn resolve_letter(&self, name: &str, cwd: &Path) -> Result<PathBuf, Error> {
        let as_path = Path::new(name);
        let looks_like_path = name.ends_with(".toml") || name.contains(['/', '\\']);
        if looks_like_path {
            let path = cwd.join(as_path);
            if path.is_file() {
                return Ok(path);
            }
            return Err(Error::message(format!("no letter file `{name}`")));
        }
        let path = self.letters_dir().join(format!("{name}.toml"));
        if path.is_file() {
            return Ok(path);
        }
        let ids = self.letter_ids()?;
        let d =
            crate::diag::Diagnostic::bare(None, format!("no letter `{name}` in `{LETTERS_DIR}/`"));
        Err(d
            .with_suggestion(name, ids.iter().map(String::as_str))
            .into())
    }
}

/// The id meant by a new letter's name as typed: `x`, `x.toml`,
/// `letters/x.toml` and `./letters/x` all mean `x` (the file is always
/// `letters/x.toml`); anything else is returned as given, for `valid_id`
/// to judge.
pub fn id_of_new(name: &str) -> &str {
    let name = name.strip_prefix("./").unwrap_or(name);
    let name = name
        .strip_prefix(LETTERS_DIR)
        .and_then(|n| n.strip_prefix(['/', '\\']))
        .unwrap_or(name);
    name.strip_suffix(".toml").unwrap_or(name)
}

/// A letter's id: its file stem.
pub fn letter_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A parsed file: its source, the parts that parsed, and the problems.
#[derive(Debug)]
pub struct Loaded<T> {
    /// The text, for diagnostics.
    pub source: Arc<Source>,
    /// The parts that parsed (a part with a problem is left out).
    pub value: T,
    /// Syntax and type problems; validation adds its own.
    pub problems: Vec<Diagnostic>,
}

/// Reads a file and parses it as `T`. An unreadable file is an I/O error;
/// problems in the text are diagnostics in the result.
/// A file over its kind's [`FileKind::MAX_BYTES`] is refused before it is
/// parsed (and never read past the limit).
pub fn load_file<T: FileKind + Default>(path: &Path) -> Result<Loaded<T>, Error> {
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| {
            // Room for the whole file up front: through `take`, std no
            // longer knows its size and read a letter in eight calls,
            // from 32 bytes up.
            let size = f.metadata().map_or(0, |m| m.len()).min(T::MAX_BYTES + 1);
            bytes.reserve_exact(usize::try_from(size).unwrap_or(0));
            f.take(T::MAX_BYTES + 1).read_to_end(&mut bytes)
        })
        .map_err(|e| Error::io("read", path, e))?;
    if bytes.len() as u64 > T::MAX_BYTES {
        return Ok(too_large(path, T::MAX_BYTES));
    }
    Ok(load_bytes(path, bytes))
}

/// The largest letter file signon reads: 2 MiB. A real letter is under
/// 50 KB; the limit bounds the time and memory a render may take (about
/// linear in the letter) while leaving forty times room.
pub const MAX_LETTER_BYTES: u64 = 2 * MIB;

/// A mebibyte, the unit the size limit is told in.
const MIB: u64 = 1 << 20;

/// The one problem of a file over `limit` bytes, about the whole file.
fn too_large<T: Default>(path: &Path, limit: u64) -> Loaded<T> {
    let source = Source::new(path, String::new());
    let message = format!(
        "file is larger than {} MiB, the limit for a letter",
        limit / MIB
    );
    let diag = Diagnostic::bare(Some(&source), message)
        .with_hint("a letter is text only and rarely over 50 KB; split it or remove pasted data");
    Loaded {
        source,
        value: T::default(),
        problems: vec![diag],
    }
}

/// Parses the bytes read from `path` as `T`; text that is not UTF-8 is a
/// diagnostic at the first byte that is not.
pub fn load_bytes<T: FileKind + Default>(path: &Path, bytes: Vec<u8>) -> Loaded<T> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let source = Source::new(path, text);
            let diag = Diagnostic::error(&source, valid..valid + 1, "file is not valid UTF-8")
                .with_hint("save the file as UTF-8");
            return Loaded {
                source,
                value: T::default(),
                problems: vec![diag],
            };
        }
    };
    Loaded::parse(Source::new(path, text))
}

impl<T: FileKind> Loaded<T> {
    /// Parses a file's text, already read, as `T`.
    pub fn parse(source: Arc<Source>) -> Loaded<T> {
        let (value, problems) = T::parse(&source);
        Loaded {
            source,
            value,
            problems,
        }
    }
}

/// A file kind: its raw type, built part by part so that every problem is found.
pub trait FileKind: Sized {
    /// The file's parts, and every problem found in it.
    fn parse(source: &Arc<Source>) -> (Self, Vec<Diagnostic>);

    /// The largest file of this kind [`load_file`] reads.
    const MAX_BYTES: u64;
}

impl FileKind for raw::LetterFile {
    const MAX_BYTES: u64 = MAX_LETTER_BYTES;

    fn parse(source: &Arc<Source>) -> (Self, Vec<Diagnostic>) {
        parts::letter_file(source)
    }
}

impl FileKind for raw::SignersFile {
    /// No limit: the ledger grows with every sign-off of every letter, and
    /// reading it is linear (see `ledger::read`).
    const MAX_BYTES: u64 = u64::MAX - 1;

    fn parse(source: &Arc<Source>) -> (Self, Vec<Diagnostic>) {
        parts::signers_file(source)
    }
}
