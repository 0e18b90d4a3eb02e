//! What `check` says about approved texts: a kept text under `approved/`
//! that no longer hashes to its name is an error at that file, and a letter
//! whose signatures are on an earlier text gets one warning at its
//! `[letter]` line, pointing at `signon diff`.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Source};
use crate::error::Error;
use crate::model::{SignOff, Standing};

use super::Checked;

/// An error for every kept approved text that was edited, or one for an
/// `approved/` that is a symbolic link.
pub fn altered_texts(root: &Path) -> Result<Vec<Diagnostic>, Error> {
    // A linked folder is reported, not read: its texts are not the workspace's.
    if let Some(why) = crate::ledger::approved::outside(root) {
        return Ok(vec![
            Diagnostic::bare(None, why).with_hint(crate::ledger::approved::LINK_HELP),
        ]);
    }
    let bad = crate::ledger::approved::altered(root)?;
    Ok(bad
        .into_iter()
        .map(|(path, text)| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let first = text.find('\n').unwrap_or(text.len());
            let source = Source::new(&path, text);
            Diagnostic::error(
                &source,
                0..first,
                format!("`{}/{name}` no longer matches its fingerprint: an approved text must not be edited", crate::ledger::approved::DIR),
            )
            .with_hint(format!(
                "restore it with `git checkout -- {}/{name}`, or delete it if it was never committed",
                crate::ledger::approved::DIR
            ))
        })
        .collect())
}

/// One warning per letter of `checked` with stale signatures, at its
/// `[letter]` line: "7 signatures are on an earlier text — `signon diff L`".
/// `paths` are the letter files checked (their ids name the letters).
pub fn stale_letters(paths: &[PathBuf], checked: &Checked) -> Vec<Diagnostic> {
    let ledger: &[SignOff] = &checked.ledger;
    let mut out = Vec::new();
    for letter in &checked.letters {
        let fingerprint = crate::ledger::fingerprint(letter);
        let states = crate::ledger::states(letter, ledger, &fingerprint);
        let stale = states
            .iter()
            .filter(|s| s.standing == Standing::Stale)
            .count();
        let path = paths
            .iter()
            .find(|p| crate::load::letter_id(p) == letter.id);
        let (Some(path), true) = (path, stale > 0) else {
            continue;
        };
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let span = letter_line(&text);
        let source = Source::new(path, text);
        let message = match stale {
            1 => "1 signature is on an earlier text".to_string(),
            n => format!("{n} signatures are on an earlier text"),
        };
        out.push(
            Diagnostic::warning(&source, span, format!("{message} — `signon diff {}`", letter.id))
                .with_hint("each office must confirm the new text: `signon diff` shows what changed since they signed, `signon sign` records their confirmation"),
        );
    }
    out
}

/// The span of the `[letter]` header line, or the file's start.
fn letter_line(text: &str) -> std::ops::Range<usize> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed == "[letter]" || trimmed.starts_with("[letter]") {
            let start = at + (line.len() - line.trim_start().len());
            return start..start + "[letter]".len();
        }
        at += line.len();
    }
    0..0
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_letter_line_is_found_after_comments() {
        let text = "# a comment\n\n  [letter]\ntitle = \"x\"\n";
        assert_eq!(super::letter_line(text), 15..23);
    }
}
