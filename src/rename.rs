//! `signon mv` in the library: a letter file renamed, with its old id
//! recorded in `[letter] formerly` so that the ledger's events under that id
//! keep counting for the letter (validation reads them as the new id's).
//!
//! The ledger is not touched: it is append-only, and its events stay as
//! they were recorded.

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use toml_edit::{Array, DocumentMut, Item, Value};

use crate::Error;
use crate::diag::display_path;

/// The comment after a `formerly` line `signon mv` adds.
const FORMERLY_COMMENT: &str = "  # earlier ids: their ledger events count for this letter";

/// The letter's text with `old` added to its `[letter] formerly` (created
/// when missing, appended to otherwise), and `new` taken out of it: a letter
/// renamed back to an earlier id must not name itself. Edited with
/// toml_edit, so the drafter's comments and layout stay as they were.
/// `Err` says why the text cannot be edited.
pub fn record_formerly(text: &str, old: &str, new: &str) -> Result<String, String> {
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|_| "it is not valid TOML".to_string())?;
    let letter = doc
        .get_mut("letter")
        .and_then(Item::as_table_like_mut)
        .ok_or_else(|| "it has no `[letter]` table".to_string())?;
    match letter.get_mut("formerly") {
        None => {
            let mut list = Value::Array(Array::from_iter([old]));
            // Says what the new line is to whoever reads the letter next.
            list.decor_mut().set_suffix(FORMERLY_COMMENT);
            letter.insert("formerly", Item::Value(list));
        }
        Some(item) => {
            let list = item
                .as_array_mut()
                .ok_or_else(|| "its `formerly` is not a list".to_string())?;
            list.retain(|v| v.as_str() != Some(new));
            if !list.iter().any(|v| v.as_str() == Some(old)) {
                list.push(old);
            }
        }
    }
    Ok(doc.to_string())
}

/// Renames the letter file `from` to `NEW.toml` in the same folder, its text
/// edited by [`record_formerly`]. From the outside one step: the new file
/// is written in full under a temporary name and moved into place only if
/// no file of that name exists, then the old one is removed; if that fails,
/// the new one is removed again, so a refused or failed rename changes
/// nothing. Returns the new path.
pub fn rename(from: &Path, new: &str) -> Result<PathBuf, Error> {
    let old = crate::load::letter_id(from);
    let to = from.with_file_name(format!("{new}.toml"));
    let text = fs::read_to_string(from).map_err(|e| Error::io("read", from, e))?;
    let edited = record_formerly(&text, &old, new).map_err(|why| {
        Error::hinted(
            format!(
                "cannot rename `{}`: {why}: renamed nothing",
                display_path(from)
            ),
            format!("run `signon check {old}`"),
        )
    })?;
    let dir = match from.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io("create", dir, e))?;
    tmp.write_all(edited.as_bytes())
        .and_then(|()| tmp.as_file().sync_data())
        .map_err(|e| Error::io("write", &to, e))?;
    // The letter keeps its permissions (a NamedTempFile is made 0600).
    if let Ok(meta) = fs::metadata(from) {
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    // No-clobber: a file that appeared since the caller looked is refused,
    // never replaced.
    tmp.persist_noclobber(&to)
        .map_err(|e| match e.error.kind() {
            ErrorKind::AlreadyExists => exists(new, &to),
            _ => Error::io("write", &to, e.error),
        })?;
    if let Err(e) = fs::remove_file(from) {
        let _ = fs::remove_file(&to);
        return Err(Error::io("remove", from, e));
    }
    Ok(to)
}

/// The refusal when the new id is taken.
pub fn exists(new: &str, to: &Path) -> Error {
    Error::hinted(
        format!(
            "letter `{new}` already exists (`{}`): renamed nothing",
            display_path(to)
        ),
        "choose another id, or remove that letter first",
    )
}

#[cfg(test)]
mod tests {
    use super::record_formerly;

    #[test]
    fn formerly_is_added_after_the_last_key_of_the_letter_table() {
        let text = "[letter]\ntitle = \"T\"  # kept\n\n# before\n[[section]]\nbody = \"b\"\n";
        let edited = record_formerly(text, "a", "b").unwrap();
        assert_eq!(
            edited,
            "[letter]\ntitle = \"T\"  # kept\nformerly = [\"a\"]  # earlier ids: their ledger events count for this letter\n\n# before\n[[section]]\nbody = \"b\"\n"
        );
    }

    #[test]
    fn an_existing_formerly_is_appended_to() {
        let text = "[letter]\nformerly = [\"x\"]  # history\n";
        let edited = record_formerly(text, "a", "b").unwrap();
        assert_eq!(edited, "[letter]\nformerly = [\"x\", \"a\"]  # history\n");
    }

    #[test]
    fn renaming_back_takes_the_new_id_out_of_formerly() {
        let text = "[letter]\nformerly = [\"a\"]\n";
        let edited = record_formerly(text, "b", "a").unwrap();
        assert_eq!(edited, "[letter]\nformerly = [\"b\"]\n");
    }

    #[test]
    fn a_file_without_a_letter_table_is_refused() {
        let err = record_formerly("[closing]\ntext = \"x\"\n", "a", "b").unwrap_err();
        assert_eq!(err, "it has no `[letter]` table");
    }
}
