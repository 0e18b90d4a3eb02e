//! `signon merge-ledger BASE OURS THEIRS`: the merge driver git runs for
//! `signers.toml` (`.gitattributes`: `signers.toml merge=signon`). Git's
//! protocol: the merged file replaces OURS (`%A`); exit 0 when the merge is
//! clean, non-zero when it left conflict markers.

use std::fs;
use std::path::Path;

use crate::cli::MergeLedgerArgs;
use crate::{Context, Error};

/// Merges the three versions with [`crate::ledger::merge::merge`] and
/// writes the result over OURS; a roster conflict is written too, with its
/// markers, and then reported as a failure so that git marks the file.
pub(crate) fn merge_ledger(args: &MergeLedgerArgs, cx: &mut Context<'_>) -> Result<(), Error> {
    let base = read(&cx.cwd.join(&args.base))?;
    let ours_path = cx.cwd.join(&args.ours);
    let ours = read(&ours_path)?;
    let theirs = read(&cx.cwd.join(&args.theirs))?;
    let merged = crate::ledger::merge::merge(&base, &ours, &theirs);
    fs::write(&ours_path, &merged.text).map_err(|e| Error::io("write", &ours_path, e))?;
    if merged.conflict {
        return Err(Error::message(
            "the roster part of `signers.toml` conflicts: both sides changed the same lines; \
             resolve the `<<<<<<<` markers (every sign-off event was merged)"
                .to_string(),
        ));
    }
    Ok(())
}

/// A version's text. A file that is not UTF-8 cannot be a valid roster:
/// refused, OURS left as it was, so git reports a conflict.
fn read(path: &Path) -> Result<String, Error> {
    let bytes = fs::read(path).map_err(|e| Error::io("read", path, e))?;
    String::from_utf8(bytes).map_err(|_| {
        Error::message(format!(
            "`{}` is not UTF-8 text: merge it by hand",
            crate::diag::display_path(path)
        ))
    })
}
